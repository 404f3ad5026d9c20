"""Fault injection for the sandbox world, per bank and per shared service, deterministic.

Shape (the `--faults` file and `PUT /sandbox/faults` take the same JSON):

    {"seed": 1,
     "banks": {"<bank org number>": {<knobs>}},
     "relations": {<knobs>}, "directory": {<knobs>}, "maskinporten": {<knobs>}}

Knobs (all optional):

    latency_ms        extra delay before every answer, in milliseconds
    error_rates       {"500": 0.2, "503": 0.1, "429": 0.05, ...}: share of requests answered
                      with that status; 500 alternates ACC-500 / ACC-100, 502-504 are ACC-100,
                      429 is ACC-022 with Retry-After (ERR-<status> on the relations service)
    fail_first        {"status": 503, "count": 2}: the first `count` requests fail so
    rate_limit        {"first": 1, "retry_after": 1}: the first `first` requests get 429
                      ACC-022 with `Retry-After: retry_after` (seconds)
    timeout_rate      share of requests that sleep `timeout_seconds` (default 90) before
                      answering normally, so that the client's timeout fires first
    timeout_seconds   see above
    partial           a message: every answer of the bank is `partial` with it, or only the
    partial_accounts  ... details and transactions of these account numbers
    malformed_rate    share of 200 answers that are broken, in the way named by
    malformed_kind    "bad_jwe" (a JWE that cannot be decrypted), "bad_json" (valid JWE
                      around broken JSON; on plain-JSON services broken JSON) or "schema"
                      (JSON that breaks the schema: a negative amount or a string amount,
                      a missing required field)
    wrong_key         true: encrypt to a key that is not the consumer's
    expire_tokens     true: answer 401 ACC-010 "token expired" to the first use of every
                      access token issued before the bank last said so to that consumer;
                      a client that renews its token once gets through

Requests that a bank rejects while validating them are not counted; the faults apply to
requests that would otherwise be answered. Random draws come from a generator seeded with
`seed` and the target, in arrival order, so a sequential run is reproducible.
"""

from __future__ import annotations

import math
import random
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from app.sandbox.numbers import seed_int

SERVICE_TARGETS = ("relations", "directory", "maskinporten")
MALFORMED_KINDS = ("bad_json", "bad_jwe", "schema")
_KNOBS = frozenset(
    {
        "latency_ms",
        "error_rates",
        "fail_first",
        "rate_limit",
        "timeout_rate",
        "timeout_seconds",
        "partial",
        "partial_accounts",
        "malformed_rate",
        "malformed_kind",
        "wrong_key",
        "expire_tokens",
    }
)


class FaultConfigError(ValueError):
    """The fault configuration is not of the documented shape."""


@dataclass(frozen=True)
class Injection:
    """What to do to one request instead of (or before) answering it normally."""

    kind: str  # "error", "timeout"
    status: int = 0
    retry_after: int | None = None
    sleep_seconds: float = 0.0


@dataclass
class _TargetState:
    knobs: dict[str, Any]
    rng: random.Random
    requests: int = 0
    rate_limited: int = 0
    expired_at: dict[str, float] = field(default_factory=dict)
    expired_tokens: set[str] = field(default_factory=set)


def _probability(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise FaultConfigError(f"{name} must be a number from 0 to 1")
    return float(value)


def _count(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise FaultConfigError(f"{name} must be a non-negative integer")
    return value


def _validate_knobs(knobs: object, where: str) -> dict[str, Any]:
    if not isinstance(knobs, dict):
        raise FaultConfigError(f"{where} must be an object")
    unknown = set(knobs) - _KNOBS
    if unknown:
        raise FaultConfigError(f"{where}: unknown knobs {', '.join(sorted(unknown))}")
    if "latency_ms" in knobs:
        _count(knobs["latency_ms"], f"{where}.latency_ms")
    for status, rate in knobs.get("error_rates", {}).items():
        if not str(status).isdigit() or not 400 <= int(status) <= 599:
            raise FaultConfigError(f"{where}.error_rates keys must be HTTP statuses")
        _probability(rate, f"{where}.error_rates.{status}")
    if "fail_first" in knobs:
        spec = knobs["fail_first"]
        if not isinstance(spec, dict):
            raise FaultConfigError(f"{where}.fail_first must be an object")
        _count(spec.get("count", 0), f"{where}.fail_first.count")
        _count(spec.get("status", 503), f"{where}.fail_first.status")
    if "rate_limit" in knobs:
        spec = knobs["rate_limit"]
        if not isinstance(spec, dict):
            raise FaultConfigError(f"{where}.rate_limit must be an object")
        _count(spec.get("first", 0), f"{where}.rate_limit.first")
        _count(spec.get("retry_after", 1), f"{where}.rate_limit.retry_after")
    for name in ("timeout_rate", "malformed_rate"):
        if name in knobs:
            _probability(knobs[name], f"{where}.{name}")
    if "timeout_seconds" in knobs:
        value = knobs["timeout_seconds"]
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise FaultConfigError(f"{where}.timeout_seconds must be a number of seconds")
    if "malformed_kind" in knobs and knobs["malformed_kind"] not in MALFORMED_KINDS:
        raise FaultConfigError(f"{where}.malformed_kind must be one of {MALFORMED_KINDS}")
    if "partial" in knobs and not isinstance(knobs["partial"], str):
        raise FaultConfigError(f"{where}.partial must be a message string")
    accounts = knobs.get("partial_accounts", [])
    if not isinstance(accounts, list) or not all(isinstance(a, str) for a in accounts):
        raise FaultConfigError(f"{where}.partial_accounts must be a list of account numbers")
    return dict(knobs)


def validate(config: object) -> dict[str, Any]:
    """Check a fault configuration and return it normalised."""
    if config is None:
        return {"seed": 0, "banks": {}}
    if not isinstance(config, dict):
        raise FaultConfigError("the fault configuration must be a JSON object")
    unknown = set(config) - {"seed", "banks", *SERVICE_TARGETS}
    if unknown:
        raise FaultConfigError(f"unknown top-level keys {', '.join(sorted(unknown))}")
    seed = config.get("seed", 0)
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise FaultConfigError("seed must be an integer")
    banks = config.get("banks", {})
    if not isinstance(banks, dict):
        raise FaultConfigError("banks must map organisation numbers to knobs")
    normalised: dict[str, Any] = {
        "seed": seed,
        "banks": {str(org): _validate_knobs(k, f"banks.{org}") for org, k in banks.items()},
    }
    for target in SERVICE_TARGETS:
        if target in config:
            normalised[target] = _validate_knobs(config[target], target)
    return normalised


class Faults:
    """The fault configuration in force and the per-target counters it needs."""

    def __init__(self, config: object = None) -> None:
        self._lock = threading.Lock()
        self._config: dict[str, Any] = {}
        self._states: dict[str, _TargetState] = {}
        self.replace(config)

    def replace(self, config: object) -> None:
        normalised = validate(config)
        with self._lock:
            self._config = normalised
            self._states = {}
            seed = normalised["seed"]
            targets = dict(normalised["banks"])
            targets.update({t: normalised[t] for t in SERVICE_TARGETS if t in normalised})
            for target, knobs in targets.items():
                rng = random.Random(seed_int("faults", seed, target))
                self._states[target] = _TargetState(knobs=knobs, rng=rng)

    def config(self) -> dict[str, Any]:
        with self._lock:
            return dict(self._config)

    def _knobs(self, target: str) -> dict[str, Any]:
        state = self._states.get(target)
        return state.knobs if state else {}

    def latency_seconds(self, target: str) -> float:
        return self._knobs(target).get("latency_ms", 0) / 1000

    def decide(self, target: str) -> Injection | None:
        """Count a request to the target and say whether a fault replaces its answer."""
        with self._lock:
            state = self._states.get(target)
            if state is None:
                return None
            state.requests += 1
            knobs = state.knobs
            fail_first = knobs.get("fail_first")
            if fail_first and state.requests <= fail_first.get("count", 0):
                return Injection("error", status=int(fail_first.get("status", 503)))
            limit = knobs.get("rate_limit")
            if limit and state.rate_limited < limit.get("first", 0):
                state.rate_limited += 1
                return Injection("error", 429, retry_after=int(limit.get("retry_after", 1)))
            draw = state.rng.random()
            cumulative = 0.0
            for status, rate in sorted(knobs.get("error_rates", {}).items()):
                cumulative += float(rate)
                if draw < cumulative:
                    retry_after = 1 if int(status) == 429 else None
                    return Injection("error", int(status), retry_after=retry_after)
            if state.rng.random() < knobs.get("timeout_rate", 0):
                return Injection("timeout", sleep_seconds=float(knobs.get("timeout_seconds", 90)))
            return None

    def alternate(self, target: str) -> bool:
        """A seeded coin for choices inside a fault (ACC-500 or ACC-100, which breakage)."""
        with self._lock:
            state = self._states.get(target)
            return bool(state and state.rng.random() < 0.5)

    def malformed(self, target: str) -> str | None:
        with self._lock:
            state = self._states.get(target)
            if state is None or "malformed_rate" not in state.knobs:
                return None
            if state.rng.random() >= state.knobs["malformed_rate"]:
                return None
            return state.knobs.get("malformed_kind", "bad_jwe")

    def partial_message(self, target: str, account_number: str | None = None) -> str | None:
        knobs = self._knobs(target)
        message = knobs.get("partial")
        if message is None:
            return None
        accounts = knobs.get("partial_accounts")
        if not accounts:
            return message
        return message if account_number in accounts else None

    def wrong_key(self, target: str) -> bool:
        return bool(self._knobs(target).get("wrong_key"))

    def token_expired(self, target: str, consumer_org: str, jti: str, issued_at: int) -> bool:
        """Whether to answer this use of an access token with "token expired"."""
        with self._lock:
            state = self._states.get(target)
            if state is None or not state.knobs.get("expire_tokens"):
                return False
            if jti in state.expired_tokens:
                return True
            last = state.expired_at.get(consumer_org)
            if last is not None and issued_at >= math.floor(last):
                return False
            state.expired_tokens.add(jti)
            state.expired_at[consumer_org] = time.time()
            return True
