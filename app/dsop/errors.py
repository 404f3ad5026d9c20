"""Errors of the DSOP clients. Messages name the service, bank and rule, never personal data."""

from __future__ import annotations


class DsopError(Exception):
    """Base class for a request that did not give a usable answer."""

    outcome = "error"

    def __init__(self, message: str, *, endpoint: str | None = None, bank: str | None = None):
        super().__init__(message)
        self.endpoint = endpoint
        self.bank = bank


class ConfigurationError(DsopError):
    """The environment or the credentials cannot be used as configured."""


class InsecureTransportError(ConfigurationError):
    """Plain http, TLS verification off, or plain JSON where the environment forbids it."""


class TransportError(DsopError):
    """No HTTP answer: connection refused or reset, or a timeout."""

    outcome = "transport_error"


class ApiError(DsopError):
    """The service answered with an HTTP error and, usually, a code such as `ACC-001`."""

    outcome = "http_error"

    def __init__(
        self,
        status: int,
        code: str | None,
        message: str | None,
        *,
        endpoint: str | None = None,
        bank: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        text = f"HTTP {status}" + (f" {code}" if code else "") + (f": {message}" if message else "")
        super().__init__(text, endpoint=endpoint, bank=bank)
        self.status = status
        self.code = code
        self.detail = message
        self.retry_after = retry_after

    @property
    def retryable(self) -> bool:
        return self.status >= 500 or self.status == 429


class TokenError(DsopError):
    """The token service refused the grant (`MP-xxx`)."""

    outcome = "token_error"

    def __init__(self, status: int, error: str, description: str | None) -> None:
        super().__init__(f"token service refused the grant: {error} {description or ''}".strip())
        self.status = status
        self.error = error
        self.description = description


class ProtocolError(DsopError):
    """A 200 answer that cannot be used: not decryptable, not JSON, or not per the standard."""

    outcome = "protocol_error"


class DecryptionError(ProtocolError):
    """The JWE could not be decrypted with our key, or used an algorithm we do not accept."""


class ResponseValidationError(ProtocolError):
    """The decrypted JSON does not match the standard's model."""
