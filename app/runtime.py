"""Assembles a running Boinnsyn: the database, the chosen environment and, for the sandbox,
the local sandbox process, started on first use and stopped on exit."""

from __future__ import annotations

import atexit
import logging
import threading
from dataclasses import dataclass, field

from app import certificates, config, secrets
from app.dsop import credentials as credential_store
from app.dsop import environments
from app.dsop.connection import DsopConnection
from app.dsop.errors import ConfigurationError
from app.store.db import Database

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    environment_name: str = "sandbox"
    database_url: str | None = None
    sandbox_latency_ms: int | None = None
    _db: Database | None = field(default=None, init=False)
    _sandbox: object | None = field(default=None, init=False)
    _connection: DsopConnection | None = field(default=None, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)

    @classmethod
    def from_settings(cls) -> Runtime:
        settings = config.Settings.load()
        return cls(environment_name=settings.environment)

    @property
    def db(self) -> Database:
        if self._db is None:
            self._db = Database(self.database_url or config.database_url())
        return self._db

    @property
    def is_sandbox(self) -> bool:
        return self.environment_name == "sandbox"

    def connection(self) -> DsopConnection:
        """The connection to the chosen environment; starts the sandbox when it is chosen."""
        with self._lock:
            if self._connection is None:
                self._connection = self._connect()
            return self._connection

    def _connect(self) -> DsopConnection:
        cache = config.private_dir("cache") / f"directory-{self.environment_name}.json"
        if self.is_sandbox:
            from app.sandbox.process import SandboxProcess

            state_dir = config.private_dir("sandbox")
            process = SandboxProcess(state_dir, latency_ms=self.sandbox_latency_ms)
            info = process.start()
            self._sandbox = process
            atexit.register(self.close)
            log.info("sandbox started on port %d", info.port)
            return DsopConnection(
                environment=environments.sandbox(info.base_url),
                credentials=credential_store.load_sandbox(state_dir),
                directory_cache=None,
            )
        environment = environments.REMOTE.get(self.environment_name)
        if environment is None:
            raise ConfigurationError(f"unknown environment {self.environment_name!r}")
        return remote_connection(environment, cache)

    def close(self) -> None:
        with self._lock:
            if self._sandbox is not None:
                self._sandbox.stop()  # type: ignore[attr-defined]
                self._sandbox = None
            self._connection = None
            if self._db is not None:
                self._db.dispose()
                self._db = None


def remote_connection(
    environment: environments.Environment, cache: object = None
) -> DsopConnection:
    """A connection to the test or production services with the imported certificates."""
    credentials = certificates.load_credentials(environment.name)
    if not credentials:
        raise ConfigurationError(
            f"no enterprise certificate is imported for the {environment.name} environment"
        )
    key = secrets.get_secret(secrets.secret_name(environment.name, "directory-key"))
    return DsopConnection(
        environment=environment,
        credentials=credentials,
        directory_cache=cache,  # type: ignore[arg-type]
        directory_key=key,
    )
