"""Maskinporten access tokens: the signed JWT grant, the token request and the token cache.

One token per (environment, client, scope, resource); the Control API needs one per bank, since
`resource` makes the token valid for that bank alone. Tokens are renewed a little before they
expire, concurrent callers of the same key wait for one renewal, and every grant gets a fresh
`jti`: a retry never resends a used grant (MASKINPORTEN.md §4).
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import httpx
from joserfc import jwt
from pydantic import ValidationError

from app.dsop.audit import AuditEntry
from app.dsop.credentials import ConsumerCredentials
from app.dsop.environments import Environment
from app.dsop.errors import ProtocolError, TokenError, TransportError
from app.dsop.models import TokenErrorResponse, TokenResponse

log = logging.getLogger(__name__)

GRANT_LIFETIME_SECONDS = 120
RENEW_MARGIN_SECONDS = 15
GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer"


@dataclass(frozen=True)
class _CachedToken:
    value: str
    expires_at: float


def build_grant(
    environment: Environment,
    credentials: ConsumerCredentials,
    scope: str,
    resource: str | None,
    *,
    now: float | None = None,
) -> str:
    """A JWT grant with exactly the claims Maskinporten documents, signed RS256."""
    issued = int(now if now is not None else time.time())
    claims: dict[str, object] = {
        "aud": environment.issuer,
        "iss": credentials.client_id,
        "scope": scope,
        "iat": issued,
        "exp": issued + GRANT_LIFETIME_SECONDS,
        "jti": str(uuid.uuid4()),
    }
    if resource:
        claims["resource"] = [resource]
    header = {"alg": "RS256", "typ": "JWT", "x5c": credentials.x5c}
    return jwt.encode(header, claims, credentials.key, algorithms=["RS256"])


class TokenClient:
    def __init__(
        self,
        environment: Environment,
        http: httpx.AsyncClient,
        audit: Callable[[AuditEntry], None] | None = None,
    ) -> None:
        self.environment = environment
        self.http = http
        self.audit = audit
        self._cache: dict[tuple[str, str, str, str], _CachedToken] = {}
        self._locks: dict[tuple[str, str, str, str], asyncio.Lock] = {}
        self.requests_made = 0

    def _key(
        self, credentials: ConsumerCredentials, scope: str, resource: str | None
    ) -> tuple[str, str, str, str]:
        return (self.environment.name, credentials.client_id, scope, resource or "")

    def invalidate(
        self, credentials: ConsumerCredentials, scope: str, resource: str | None
    ) -> None:
        self._cache.pop(self._key(credentials, scope, resource), None)

    async def token(
        self, credentials: ConsumerCredentials, scope: str, resource: str | None = None
    ) -> str:
        key = self._key(credentials, scope, resource)
        cached = self._cache.get(key)
        if cached and cached.expires_at - RENEW_MARGIN_SECONDS > time.monotonic():
            return cached.value
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:
            cached = self._cache.get(key)
            if cached and cached.expires_at - RENEW_MARGIN_SECONDS > time.monotonic():
                return cached.value
            fresh = await self._request(credentials, scope, resource)
            self._cache[key] = fresh
            return fresh.value

    async def _request(
        self, credentials: ConsumerCredentials, scope: str, resource: str | None
    ) -> _CachedToken:
        self.environment.check_url(self.environment.token_endpoint)
        grant = build_grant(self.environment, credentials, scope, resource)
        entry = AuditEntry(
            environment=self.environment.name, endpoint="token", user="", method="POST"
        )
        started = time.monotonic()
        self.requests_made += 1
        try:
            try:
                response = await self.http.post(
                    self.environment.token_endpoint,
                    data={"grant_type": GRANT_TYPE, "assertion": grant},
                    headers={"Accept": "application/json"},
                )
            except httpx.HTTPError as error:
                entry.outcome, entry.error_code = TransportError.outcome, type(error).__name__
                raise TransportError(
                    f"token service unreachable: {type(error).__name__}", endpoint="token"
                ) from None
            entry.http_status = response.status_code
            if response.status_code != 200:
                try:
                    refusal = TokenErrorResponse.model_validate_json(response.content)
                except ValidationError:
                    refusal = TokenErrorResponse(error="unknown_error")
                entry.outcome = TokenError.outcome
                entry.error_code = (refusal.error_description or refusal.error).split(" ")[0]
                raise TokenError(response.status_code, refusal.error, refusal.error_description)
            try:
                body = TokenResponse.model_validate_json(response.content)
            except ValidationError:
                entry.outcome = ProtocolError.outcome
                raise ProtocolError("the token service's answer is not a token response") from None
            entry.outcome = "ok"
        finally:
            entry.duration_ms = int((time.monotonic() - started) * 1000)
            if self.audit is not None:
                self.audit(entry)
        log.info("token issued scope=%s in %d ms", scope, entry.duration_ms)
        return _CachedToken(body.access_token, started + body.expires_in)
