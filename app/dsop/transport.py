"""The one HTTP path of the client: retries, token renewal, decryption hand-off and audit.

Every request goes through `Transport.call`. Each attempt gets a new CorrelationID and one
audit record. Timeouts, connection errors, 5xx and 429 are retried with exponential backoff
and jitter up to a bounded number of attempts; a 429's `Retry-After` is honoured; a 401 renews
the token once. Other 4xx and unusable 200 answers are not retried (REFERENCE §6.3).
"""

from __future__ import annotations

import logging
import ssl
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar

import httpx
from pydantic import ValidationError
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    wait_random_exponential,
)

from app.domain.services import Endpoint
from app.dsop.audit import AuditEntry, AuditSink, current_case
from app.dsop.credentials import ConsumerCredentials
from app.dsop.environments import Environment
from app.dsop.errors import (
    ApiError,
    DsopError,
    ProtocolError,
    TransportError,
)
from app.dsop.headers import CaseContext
from app.dsop.models import ErrorResponse, RelationsErrorResponse
from app.dsop.tokens import TokenClient

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 3
    initial_wait: float = 2.0
    max_wait: float = 30.0
    max_retry_after: float = 120.0

    def wait(self, state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        if isinstance(error, ApiError) and error.retry_after is not None:
            return min(error.retry_after, self.max_retry_after)
        backoff = wait_random_exponential(multiplier=self.initial_wait, max=self.max_wait)
        return float(backoff(state))


def _retryable(error: BaseException) -> bool:
    if isinstance(error, TransportError):
        return True
    return isinstance(error, ApiError) and error.retryable


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def _error_code(response: httpx.Response) -> tuple[str | None, str | None]:
    for model in (ErrorResponse, RelationsErrorResponse):
        try:
            body = model.model_validate_json(response.content)
        except ValidationError:
            continue
        if isinstance(body, ErrorResponse):
            return body.code, body.message
        if body.error_code or body.error_message:
            return body.error_code, body.error_message
    return None, None


@dataclass(frozen=True)
class CallSpec:
    """What one logical request is: where it goes, for which case and bank, with which token."""

    url: str
    endpoint: Endpoint | str
    credentials: ConsumerCredentials | None
    scope: str | None
    context: CaseContext | None = None
    bank_org_number: str | None = None
    resource: str | None = None
    params: dict[str, str] | None = None
    plain_json: bool = False
    extra_headers: dict[str, str] | None = None


Parsed = tuple[T, str | None, int | None]
"""A parsed answer with its response status and item count, for the audit."""


def make_http_client(environment: Environment) -> httpx.AsyncClient:
    """The one factory of HTTP clients: TLS verified, bounded pool, the environment's timeout."""
    verify: ssl.SSLContext | bool = True
    if environment.ca_bundle is not None:
        verify = ssl.create_default_context(cafile=str(environment.ca_bundle))
    return httpx.AsyncClient(
        timeout=httpx.Timeout(environment.timeout_seconds, connect=10.0),
        limits=httpx.Limits(max_connections=32, max_keepalive_connections=16),
        verify=verify,
        follow_redirects=False,
        headers={"User-Agent": "Boinnsyn"},
    )


class Transport:
    def __init__(
        self,
        environment: Environment,
        audit: AuditSink,
        *,
        user: str,
        retry: RetryPolicy | None = None,
        http: httpx.AsyncClient | None = None,
    ) -> None:
        self.environment = environment
        self.audit = audit
        self.user = user
        self.retry = retry or RetryPolicy()
        self.http = http or make_http_client(environment)
        self.tokens = TokenClient(environment, self.http, self._audit_token)

    async def aclose(self) -> None:
        await self.http.aclose()

    def _audit_token(self, entry: AuditEntry) -> None:
        entry.user = self.user
        entry.case_id, entry.service = current_case.get()
        self.audit.record(entry)

    async def call(self, spec: CallSpec, parse: Callable[[httpx.Response], Parsed[T]]) -> T:
        """Run one logical request with retries; return the parsed answer or raise."""
        self.environment.check_url(spec.url)
        counter = {"attempt": 0}
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self.retry.attempts),
            wait=self.retry.wait,
            retry=retry_if_exception(_retryable),
            reraise=True,
        )
        async for attempt in retrying:
            with attempt:
                return await self._with_renewal(spec, parse, counter)
        raise AssertionError("unreachable: tenacity reraises the last error")

    async def _with_renewal(
        self, spec: CallSpec, parse: Callable[[httpx.Response], Parsed[T]], counter: dict[str, int]
    ) -> T:
        try:
            return await self._attempt(spec, parse, counter)
        except ApiError as error:
            if error.status != 401 or spec.scope is None or spec.credentials is None:
                raise
            log.info("token refused by %s (%s); renewing once", spec.endpoint, error.code)
            self.tokens.invalidate(spec.credentials, spec.scope, spec.resource)
            return await self._attempt(spec, parse, counter)

    async def _attempt(
        self, spec: CallSpec, parse: Callable[[httpx.Response], Parsed[T]], counter: dict[str, int]
    ) -> T:
        counter["attempt"] += 1
        endpoint = Endpoint(spec.endpoint) if spec.endpoint in Endpoint._value2member_map_ else None
        entry = self._entry(spec, counter["attempt"])
        headers: dict[str, str] = {}
        if spec.context is not None and endpoint is not None:
            headers = spec.context.headers(
                endpoint, entry.correlation_id or "", plain_json=spec.plain_json
            )
        else:
            headers = {"Accept": "application/json"}
        headers.update(spec.extra_headers or {})
        if spec.scope is not None and spec.credentials is not None:
            token = await self.tokens.token(spec.credentials, spec.scope, spec.resource)
            headers["Authorization"] = f"Bearer {token}"
        started = time.monotonic()
        try:
            response = await self.http.get(spec.url, headers=headers, params=spec.params)
        except httpx.HTTPError as error:
            entry.duration_ms = int((time.monotonic() - started) * 1000)
            entry.outcome = TransportError.outcome
            entry.error_code = type(error).__name__
            self.audit.record(entry)
            raise TransportError(
                f"no answer from {spec.endpoint}: {type(error).__name__}",
                endpoint=str(spec.endpoint),
                bank=spec.bank_org_number,
            ) from None
        entry.duration_ms = int((time.monotonic() - started) * 1000)
        entry.http_status = response.status_code

        if response.status_code != 200:
            code, message = _error_code(response)
            entry.error_code = code
            entry.outcome = ApiError.outcome
            self.audit.record(entry)
            log.info(
                "%s bank=%s status=%d code=%s correlation=%s attempt=%d",
                spec.endpoint,
                spec.bank_org_number,
                response.status_code,
                code,
                entry.correlation_id,
                entry.attempt,
            )
            raise ApiError(
                response.status_code,
                code,
                message,
                endpoint=str(spec.endpoint),
                bank=spec.bank_org_number,
                retry_after=_retry_after(response),
            )

        try:
            value, status, count = parse(response)
        except DsopError as error:
            entry.outcome = error.outcome
            entry.error_code = type(error).__name__
            self.audit.record(entry)
            error.endpoint, error.bank = str(spec.endpoint), spec.bank_org_number
            raise
        entry.response_status = status
        entry.item_count = count
        entry.outcome = "partial" if status == "partial" else "ok"
        self.audit.record(entry)
        log.debug(
            "%s bank=%s ok items=%s correlation=%s in %d ms",
            spec.endpoint,
            spec.bank_org_number,
            count,
            entry.correlation_id,
            entry.duration_ms,
        )
        return value

    def _entry(self, spec: CallSpec, attempt: int) -> AuditEntry:
        context = spec.context
        endpoint = str(spec.endpoint)
        case_id, service = current_case.get()
        entry = AuditEntry(
            environment=self.environment.name,
            endpoint=endpoint,
            user=self.user,
            bank_org_number=spec.bank_org_number,
            attempt=attempt,
            case_id=case_id,
            service=service,
        )
        if context is not None:
            entry.correlation_id = str(uuid.uuid4())
            entry.case_id = context.case_id
            entry.service = context.profile.service.value
            entry.request_id = context.request_id
            if endpoint in Endpoint._value2member_map_:
                entry.legal_mandate = context.profile.mandate(Endpoint(endpoint))
            entry.period_start = context.period.start
            entry.period_end = context.period.end
        return entry


def parse_json(model: type[Any]) -> Callable[[httpx.Response], Parsed[Any]]:
    """A parser for plain JSON answers (customer relations, directory)."""

    def parse(response: httpx.Response) -> Parsed[Any]:
        try:
            value = model.model_validate_json(response.content)
        except ValidationError as error:
            raise ProtocolError(
                f"the answer does not match the standard: {describe(error)}"
            ) from None
        items = getattr(value, "banks", None) or getattr(value, "endpoints", None)
        return value, None, len(items) if items is not None else None

    return parse


_TYPE_TAGS = frozenset({"datetime", "date", "str", "int", "float", "decimal", "bool"})


def _field_path(location: tuple[int | str, ...]) -> str:
    """The location without the names pydantic gives the branches of a union."""
    return ".".join(
        str(part)
        for part in location
        if not (isinstance(part, str) and ("[" in part or part in _TYPE_TAGS))
    )


def describe(error: ValidationError, limit: int = 3) -> str:
    """Where and why validation failed, without the rejected values (they may be personal).

    A value refused by every branch of a union is reported once, with the first branch's
    reason: the form the standard expects.
    """
    reasons: dict[str, str] = {}
    for detail in error.errors(include_url=False, include_input=False):
        reasons.setdefault(_field_path(detail["loc"]), detail["msg"])
    parts = [f"{location}: {message}" for location, message in list(reasons.items())[:limit]]
    more = len(reasons) - limit
    return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")
