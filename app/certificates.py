"""The enterprise certificates of test and production: import, storage, expiry warnings.

A certificate arrives as a PKCS#12 file from the certificate vendor. Boinnsyn keeps a copy of
the file readable by the user alone, and its password and the Maskinporten client id in the
keyring. Each service has its own certificate, because each has its own entitled agency.
"""

from __future__ import annotations

import shutil
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app import config, secrets
from app.domain.services import Service
from app.dsop.credentials import ConsumerCredentials, load_pkcs12
from app.dsop.errors import ConfigurationError

EXPIRY_WARNING_DAYS = 30


@dataclass(frozen=True)
class CertificateStatus:
    environment: str
    service: Service
    org_number: str
    name: str
    expires_at: datetime
    days_left: int

    @property
    def warning(self) -> str | None:
        if self.days_left < 0:
            return f"the certificate for {self.service.value} expired {-self.days_left} days ago"
        if self.days_left <= EXPIRY_WARNING_DAYS:
            return f"the certificate for {self.service.value} expires in {self.days_left} days"
        return None


def _stored_file(environment: str, service: Service) -> Path:
    return config.private_dir("certificates") / f"{environment}-{service.value}.p12"


def status_of(
    environment: str, service: Service, credentials: ConsumerCredentials, now: datetime
) -> CertificateStatus:
    return CertificateStatus(
        environment=environment,
        service=service,
        org_number=credentials.org_number,
        name=credentials.name,
        expires_at=credentials.expires_at,
        days_left=(credentials.expires_at - now).days,
    )


def import_pkcs12(
    environment: str,
    service: Service,
    source: Path,
    password: str,
    client_id: str,
    *,
    now: datetime,
) -> CertificateStatus:
    """Check that the file opens with the password, then keep the file, password and client id."""
    if not secrets.keyring_available():
        raise secrets.KeyringUnavailable()
    credentials = load_pkcs12(source.read_bytes(), password.encode(), client_id)
    target = _stored_file(environment, service)
    shutil.copyfile(source, target)
    target.chmod(stat.S_IRUSR | stat.S_IWUSR)
    secrets.set_secret(secrets.secret_name(environment, "pkcs12-password", service.value), password)
    secrets.set_secret(secrets.secret_name(environment, "client-id", service.value), client_id)
    return status_of(environment, service, credentials, now)


def load_credentials(environment: str) -> dict[str, ConsumerCredentials]:
    """Every imported certificate of the environment, by service code."""
    loaded: dict[str, ConsumerCredentials] = {}
    for service in Service:
        path = _stored_file(environment, service)
        if not path.exists():
            continue
        password = secrets.get_secret(
            secrets.secret_name(environment, "pkcs12-password", service.value)
        )
        client_id = secrets.get_secret(secrets.secret_name(environment, "client-id", service.value))
        if password is None or client_id is None:
            raise ConfigurationError(
                f"the keyring holds no password or client id for the {service.value} "
                f"certificate in {environment}; import the certificate again"
            )
        loaded[service.value] = load_pkcs12(path.read_bytes(), password.encode(), client_id)
    return loaded


def certificate_warnings(environment: str, now: datetime) -> list[str]:
    warnings = []
    for service, credentials in load_credentials(environment).items():
        warning = status_of(environment, Service(service), credentials, now).warning
        if warning:
            warnings.append(warning)
    return warnings
