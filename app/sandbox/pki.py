"""The sandbox's certificate world: a root CA, an issuing CA, the consumers' enterprise
certificates and the token service's signing key, created once in the state folder.

Layout (paths relative to the state folder; keys RSA 2048, PEM PKCS#8, files 0600, folders
0700):

    pki/ca.pem, pki/ca.key.pem                   root CA
    pki/intermediate.pem, pki/intermediate.key.pem   issuing CA (like Buypass or Commfides)
    pki/maskinporten.key.pem                     the token service's signing key
    consumers/<org>.key.pem, consumers/<org>.cert.pem   one enterprise certificate per agency
    consumers.json                               service code -> consumer registration

The leaf certificates look like enterprise certificates: subject O and CN the agency name,
serialNumber (2.5.4.5) the organisation number, issued by the intermediate, valid two years.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from app.sandbox.rules import CONSUMER_AGENCIES, CONSUMER_SCOPES

logger = logging.getLogger(__name__)

CA_CERT = "pki/ca.pem"
CA_KEY = "pki/ca.key.pem"
INTERMEDIATE_CERT = "pki/intermediate.pem"
INTERMEDIATE_KEY = "pki/intermediate.key.pem"
MASKINPORTEN_KEY = "pki/maskinporten.key.pem"
CONSUMERS_FILE = "consumers.json"
SERVER_CERT = "pki/server.pem"
SERVER_KEY = "pki/server.key.pem"


class PkiError(Exception):
    """The state folder holds certificates or keys that cannot be used."""


@dataclass(frozen=True)
class Consumer:
    """One agency registered as a client of the token service."""

    service: str
    client_id: str
    org_number: str
    name: str
    key_path: Path
    certificate_path: Path
    scopes: tuple[str, ...]

    def certificate(self) -> x509.Certificate:
        """The certificate as its file holds it now: a renewed file is read again, an
        unchanged one is not (every encrypted answer needs it)."""
        stat = self.certificate_path.stat()
        return _certificate_file(self.certificate_path, stat.st_mtime_ns, stat.st_size)

    def private_key(self) -> rsa.RSAPrivateKey:
        return _load_key(self.key_path)


@dataclass(frozen=True)
class Pki:
    """Everything the running sandbox needs from the certificate world."""

    state_dir: Path
    ca: x509.Certificate
    intermediate: x509.Certificate
    maskinporten_key: rsa.RSAPrivateKey
    consumers: dict[str, Consumer]

    def consumer_by_client_id(self, client_id: str) -> Consumer | None:
        for consumer in self.consumers.values():
            if consumer.client_id == client_id:
                return consumer
        return None

    def certificate_for_org(self, org_number: str) -> x509.Certificate | None:
        """The encryption certificate published for an organisation, as CertPub holds it."""
        for consumer in self.consumers.values():
            if consumer.org_number == org_number:
                return consumer.certificate()
        return None


@lru_cache(maxsize=16)
def _certificate_file(path: Path, _mtime_ns: int, _size: int) -> x509.Certificate:
    return x509.load_pem_x509_certificate(path.read_bytes())


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def key_pem(key: rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def cert_pem(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.PEM)


def _load_key(path: Path) -> rsa.RSAPrivateKey:
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise PkiError(f"{path} does not hold an RSA private key")
    return key


def _private_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    path.chmod(0o700)


def _write_private(path: Path, data: bytes) -> None:
    """Write a file readable by the owner only, replacing any earlier one atomically."""
    _private_dir(path.parent)
    temporary = path.with_name(path.name + ".tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    os.replace(temporary, path)
    path.chmod(0o600)


def _name(common_name: str, organisation: str, org_number: str | None = None) -> x509.Name:
    attributes = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "NO"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ]
    if org_number:
        attributes.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, org_number))
    return x509.Name(attributes)


def _ca_certificate(
    subject: x509.Name,
    key: rsa.RSAPrivateKey,
    issuer: x509.Name,
    issuer_key: rsa.RSAPrivateKey,
    path_length: int | None,
    years: int,
) -> x509.Certificate:
    now = datetime.now(UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=True, path_length=path_length), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .sign(issuer_key, hashes.SHA256())
    )


def issue_leaf(
    issuer: x509.Certificate,
    issuer_key: rsa.RSAPrivateKey,
    org_number: str,
    name: str,
    *,
    key: rsa.RSAPrivateKey | None = None,
    not_before: datetime | None = None,
    not_after: datetime | None = None,
) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    """An enterprise-certificate-like leaf for an organisation, signed by `issuer`."""
    key = key or new_key()
    start = not_before or datetime.now(UTC) - timedelta(days=1)
    end = not_after or start + timedelta(days=730)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(_name(f"{name.upper()} SANDBOX", name, org_number))
        .issuer_name(issuer.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=True,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage(
                [ExtendedKeyUsageOID.CLIENT_AUTH, ExtendedKeyUsageOID.EMAIL_PROTECTION]
            ),
            critical=False,
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), False
        )
        .sign(issuer_key, hashes.SHA256())
    )
    return key, certificate


def issue_consumer(
    state_dir: Path,
    org_number: str,
    name: str,
    *,
    not_before: datetime | None = None,
    not_after: datetime | None = None,
) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    """A certificate from the sandbox's issuing CA for any organisation, not registered.

    Tests use it for grants signed by an unknown organisation or with an expired certificate.
    """
    intermediate = x509.load_pem_x509_certificate((state_dir / INTERMEDIATE_CERT).read_bytes())
    intermediate_key = _load_key(state_dir / INTERMEDIATE_KEY)
    return issue_leaf(
        intermediate,
        intermediate_key,
        org_number,
        name,
        not_before=not_before,
        not_after=not_after,
    )


def ensure_pki(state_dir: Path) -> Pki:
    """Load the certificate world from the state folder, creating whatever is missing."""
    _private_dir(state_dir)
    ca, ca_key = _ensure_ca(state_dir)
    intermediate, intermediate_key = _ensure_intermediate(state_dir, ca, ca_key)
    maskinporten_path = state_dir / MASKINPORTEN_KEY
    if not maskinporten_path.exists():
        _write_private(maskinporten_path, key_pem(new_key()))
    consumers = _ensure_consumers(state_dir, intermediate, intermediate_key)
    return Pki(
        state_dir=state_dir,
        ca=ca,
        intermediate=intermediate,
        maskinporten_key=_load_key(maskinporten_path),
        consumers=consumers,
    )


def _ensure_ca(state_dir: Path) -> tuple[x509.Certificate, rsa.RSAPrivateKey]:
    cert_path, key_path = state_dir / CA_CERT, state_dir / CA_KEY
    if cert_path.exists() and key_path.exists():
        return x509.load_pem_x509_certificate(cert_path.read_bytes()), _load_key(key_path)
    key = new_key()
    subject = _name("Boinnsyn Sandbox Root CA", "Boinnsyn Sandbox")
    certificate = _ca_certificate(subject, key, subject, key, path_length=1, years=20)
    _write_private(key_path, key_pem(key))
    _write_private(cert_path, cert_pem(certificate))
    logger.info("created sandbox root CA")
    return certificate, key


def _ensure_intermediate(
    state_dir: Path, ca: x509.Certificate, ca_key: rsa.RSAPrivateKey
) -> tuple[x509.Certificate, rsa.RSAPrivateKey]:
    cert_path, key_path = state_dir / INTERMEDIATE_CERT, state_dir / INTERMEDIATE_KEY
    if cert_path.exists() and key_path.exists():
        return x509.load_pem_x509_certificate(cert_path.read_bytes()), _load_key(key_path)
    key = new_key()
    subject = _name("Boinnsyn Sandbox Issuing CA", "Boinnsyn Sandbox")
    certificate = _ca_certificate(subject, key, ca.subject, ca_key, path_length=0, years=10)
    _write_private(key_path, key_pem(key))
    _write_private(cert_path, cert_pem(certificate))
    logger.info("created sandbox issuing CA")
    return certificate, key


def _ensure_consumers(
    state_dir: Path, intermediate: x509.Certificate, intermediate_key: rsa.RSAPrivateKey
) -> dict[str, Consumer]:
    path = state_dir / CONSUMERS_FILE
    registered = json.loads(path.read_text("utf-8")) if path.exists() else {}
    changed = False
    for service, (org_number, name) in CONSUMER_AGENCIES.items():
        entry = registered.get(service)
        key_file = f"consumers/{org_number}.key.pem"
        cert_file = f"consumers/{org_number}.cert.pem"
        files_present = (state_dir / key_file).exists() and (state_dir / cert_file).exists()
        if entry and entry.get("org_number") == org_number and files_present:
            continue
        key, certificate = issue_leaf(intermediate, intermediate_key, org_number, name)
        _write_private(state_dir / key_file, key_pem(key))
        _write_private(state_dir / cert_file, cert_pem(certificate))
        registered[service] = {
            "client_id": f"sandbox-{service}-{uuid.uuid4()}",
            "org_number": org_number,
            "name": name,
            "key": key_file,
            "certificate": cert_file,
            "chain": [INTERMEDIATE_CERT],
            "scopes": list(CONSUMER_SCOPES),
        }
        changed = True
        logger.info("created consumer certificate for service %s", service)
    if changed:
        _write_private(path, json.dumps(registered, indent=2, ensure_ascii=False).encode())
    return {
        service: Consumer(
            service=service,
            client_id=entry["client_id"],
            org_number=entry["org_number"],
            name=entry["name"],
            key_path=state_dir / entry["key"],
            certificate_path=state_dir / entry["certificate"],
            scopes=tuple(entry.get("scopes", CONSUMER_SCOPES)),
        )
        for service, entry in registered.items()
        if service in CONSUMER_AGENCIES
    }


def export_pkcs12(state_dir: Path, service: str, password: bytes) -> bytes:
    """The consumer's key, certificate and issuing CA as one PKCS#12 file, as agencies get."""
    pki = ensure_pki(state_dir)
    consumer = pki.consumers.get(service)
    if consumer is None:
        raise PkiError(f"no consumer registered for service {service!r}")
    return pkcs12.serialize_key_and_certificates(
        name=consumer.name.encode("utf-8"),
        key=consumer.private_key(),
        cert=consumer.certificate(),
        cas=[pki.intermediate],
        encryption_algorithm=serialization.BestAvailableEncryption(password),
    )


def ensure_server_certificate(state_dir: Path, host: str) -> tuple[Path, Path]:
    """A TLS server certificate for the sandbox's host, issued by the sandbox's issuing CA.

    With it the sandbox can stand in for a real environment, where the client talks https
    only and verifies the server; the client then trusts `pki/ca.pem` and nothing else.
    Returns the paths of the certificate chain (leaf first) and of the key.
    """
    ensure_pki(state_dir)
    chain_path, key_path = state_dir / SERVER_CERT, state_dir / SERVER_KEY
    if chain_path.exists() and key_path.exists():
        current = x509.load_pem_x509_certificate(chain_path.read_bytes())
        if current.not_valid_after_utc > datetime.now(UTC) + timedelta(days=1):
            return chain_path, key_path
    intermediate = x509.load_pem_x509_certificate((state_dir / INTERMEDIATE_CERT).read_bytes())
    intermediate_key = _load_key(state_dir / INTERMEDIATE_KEY)
    key = new_key()
    try:
        names: list[x509.GeneralName] = [x509.IPAddress(ipaddress.ip_address(host))]
    except ValueError:
        names = [x509.DNSName(host)]
    names.append(x509.DNSName("localhost"))
    start = datetime.now(UTC) - timedelta(days=1)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)]))
        .issuer_name(intermediate.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(intermediate_key.public_key()),
            False,
        )
        .sign(intermediate_key, hashes.SHA256())
    )
    _write_private(key_path, key_pem(key))
    _write_private(chain_path, cert_pem(certificate) + cert_pem(intermediate))
    return chain_path, key_path
