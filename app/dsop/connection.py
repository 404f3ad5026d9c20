"""What a fetch needs to reach one environment: its addresses, the consumer credentials per
service, the retry policy, and where to cache the directory."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.services import Service
from app.dsop.audit import AuditSink
from app.dsop.credentials import ConsumerCredentials
from app.dsop.environments import Environment
from app.dsop.errors import ConfigurationError
from app.dsop.relations import Directory
from app.dsop.transport import RetryPolicy, Transport


@dataclass(frozen=True)
class DsopConnection:
    environment: Environment
    credentials: Mapping[str, ConsumerCredentials]
    """Consumer credentials by service code: each service has its own entitled agency."""
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    directory_cache: Path | None = None
    plain_json: bool = False
    directory_key: str | None = None
    """The API directory's subscription key, from the keyring."""

    def __post_init__(self) -> None:
        if self.plain_json and not self.environment.plain_json_allowed:
            raise ConfigurationError(
                f"plain JSON answers are not allowed in the {self.environment.name} environment"
            )
        if self.environment.directory_needs_key and not self.directory_key:
            raise ConfigurationError(
                f"the API directory of the {self.environment.name} environment needs a "
                "subscription key; store it in the keyring first"
            )

    def credentials_for(self, service: Service) -> ConsumerCredentials:
        try:
            return self.credentials[service.value]
        except KeyError:
            raise ConfigurationError(
                f"no enterprise certificate is configured for {service.value} "
                f"in the {self.environment.name} environment"
            ) from None

    def open(self, audit: AuditSink, user: str) -> tuple[Transport, Directory]:
        transport = Transport(self.environment, audit, user=user, retry=self.retry)
        return transport, Directory(transport, self.directory_cache, self.directory_key)
