"""The consumer's enterprise certificate (virksomhetssertifikat) and its private key.

The same key signs the Maskinporten grant and decrypts the banks' JWE answers. Credentials come
from a PKCS#12 file (test and production) or from the files the sandbox issues itself.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from joserfc.jwk import RSAKey

from app.dsop.errors import ConfigurationError


@dataclass(frozen=True)
class ConsumerCredentials:
    client_id: str
    org_number: str
    name: str
    key: RSAKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()

    @property
    def x5c(self) -> list[str]:
        """The certificate and its issuers as standard base64 DER, leaf first."""
        return [
            base64.b64encode(cert.public_bytes(serialization.Encoding.DER)).decode("ascii")
            for cert in (self.certificate, *self.chain)
        ]

    @property
    def expires_at(self) -> datetime:
        return self.certificate.not_valid_after_utc.astimezone(UTC)


def _org_number(certificate: x509.Certificate) -> str | None:
    for attribute in certificate.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER):
        digits = "".join(ch for ch in str(attribute.value) if ch.isdigit())
        if len(digits) >= 9:
            return digits[-9:]
    return None


def _organisation_name(certificate: x509.Certificate) -> str:
    for oid in (NameOID.ORGANIZATION_NAME, NameOID.COMMON_NAME):
        for attribute in certificate.subject.get_attributes_for_oid(oid):
            return str(attribute.value)
    return ""


def from_parts(
    client_id: str,
    private_key: object,
    certificate: x509.Certificate,
    chain: tuple[x509.Certificate, ...] = (),
) -> ConsumerCredentials:
    if not isinstance(private_key, rsa.RSAPrivateKey):
        raise ConfigurationError("the enterprise certificate's key must be an RSA key")
    if private_key.public_key().public_numbers() != certificate.public_key().public_numbers():
        raise ConfigurationError("the private key does not belong to the certificate")
    org_number = _org_number(certificate)
    if org_number is None:
        raise ConfigurationError(
            "the certificate carries no organisation number (subject serialNumber)"
        )
    return ConsumerCredentials(
        client_id=client_id,
        org_number=org_number,
        name=_organisation_name(certificate),
        key=RSAKey(private_key, private_key),
        certificate=certificate,
        chain=chain,
    )


def load_pkcs12(data: bytes, password: bytes, client_id: str) -> ConsumerCredentials:
    """Read a PKCS#12 file: the enterprise certificate, its key and its issuing chain."""
    try:
        key, certificate, extra = pkcs12.load_key_and_certificates(data, password)
    except ValueError:
        raise ConfigurationError(
            "the PKCS#12 file could not be opened: wrong password or not a PKCS#12 file"
        ) from None
    if key is None or certificate is None:
        raise ConfigurationError("the PKCS#12 file holds no certificate with a private key")
    return from_parts(client_id, key, certificate, tuple(extra or ()))


def load_sandbox(state_dir: Path) -> dict[str, ConsumerCredentials]:
    """The three consumers the sandbox issued, keyed by service code."""
    index = state_dir / "consumers.json"
    if not index.exists():
        raise ConfigurationError("the sandbox has not issued its certificates yet")
    consumers = json.loads(index.read_text(encoding="utf-8"))
    loaded: dict[str, ConsumerCredentials] = {}
    for service, entry in consumers.items():
        key = serialization.load_pem_private_key((state_dir / entry["key"]).read_bytes(), None)
        certificate = x509.load_pem_x509_certificate(
            (state_dir / entry["certificate"]).read_bytes()
        )
        chain = tuple(
            x509.load_pem_x509_certificate((state_dir / path).read_bytes())
            for path in entry.get("chain", ())
        )
        loaded[service] = from_parts(entry["client_id"], key, certificate, chain)
    return loaded
