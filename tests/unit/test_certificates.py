"""Enterprise certificates: PKCS#12 import, secrets in the keyring, expiry warnings."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from app import certificates, secrets
from app.domain.services import Service
from app.dsop.errors import ConfigurationError

NOW = datetime(2025, 6, 16, 12, tzinfo=UTC)


def make_pkcs12(path: Path, password: bytes, *, days_valid: int, org: str = "974760673") -> Path:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "NO"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Brønnøysundregistrene"),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, org),
            x509.NameAttribute(NameOID.COMMON_NAME, "Test certificate"),
        ]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - timedelta(days=30))
        .not_valid_after(NOW + timedelta(days=days_valid))
        .sign(key, hashes.SHA256())
    )
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"test", key, certificate, None, serialization.BestAvailableEncryption(password)
        )
    )
    return path


def test_import_keeps_the_password_in_the_keyring_and_the_file_private(tmp_path, memory_keyring):
    source = make_pkcs12(tmp_path / "cert.p12", b"s3cret", days_valid=365)
    status = certificates.import_pkcs12(
        "test", Service.BANKRUPTCY, source, "s3cret", "client-1", now=NOW
    )
    assert (status.org_number, status.name) == ("974760673", "Brønnøysundregistrene")
    assert status.warning is None
    assert memory_keyring.store[("boinnsyn", "test/bankruptcy/pkcs12-password")] == "s3cret"
    assert memory_keyring.store[("boinnsyn", "test/bankruptcy/client-id")] == "client-1"
    stored = certificates._stored_file("test", Service.BANKRUPTCY)
    assert stored.stat().st_mode & 0o777 == 0o600
    loaded = certificates.load_credentials("test")
    assert loaded["bankruptcy"].client_id == "client-1"
    settings_text = "".join(
        p.read_text(errors="ignore") for p in stored.parent.parent.rglob("*.json")
    )
    assert "s3cret" not in settings_text


def test_a_wrong_password_is_refused_and_nothing_is_kept(tmp_path, memory_keyring):
    source = make_pkcs12(tmp_path / "cert.p12", b"right", days_valid=365)
    with pytest.raises(ConfigurationError, match="wrong password"):
        certificates.import_pkcs12("test", Service.ESTATE, source, "wrong", "c", now=NOW)
    assert memory_keyring.store == {}
    assert certificates.load_credentials("test") == {}


@pytest.mark.parametrize(("days", "warns"), [(31, False), (30, True), (5, True), (-2, True)])
def test_expiry_is_warned_about_thirty_days_ahead(tmp_path, memory_keyring, days, warns):
    source = make_pkcs12(tmp_path / "cert.p12", b"pw", days_valid=days)
    status = certificates.import_pkcs12("test", Service.GUARDIANSHIP, source, "pw", "c", now=NOW)
    assert (status.warning is not None) is warns
    assert bool(certificates.certificate_warnings("test", NOW)) is warns


def test_without_a_keyring_import_says_so_plainly(tmp_path, no_keyring):
    source = make_pkcs12(tmp_path / "cert.p12", b"pw", days_valid=365)
    with pytest.raises(secrets.KeyringUnavailable) as refused:
        certificates.import_pkcs12("test", Service.BANKRUPTCY, source, "pw", "c", now=NOW)
    assert "No keyring is available" in str(refused.value)
    assert "keyrings.alt" in str(refused.value)
    assert not certificates._stored_file("test", Service.BANKRUPTCY).exists()


def test_the_cli_reports_a_missing_keyring(tmp_path, no_keyring, capsys, monkeypatch):
    from app.cli import main

    source = make_pkcs12(tmp_path / "cert.p12", b"pw", days_valid=365)
    monkeypatch.setattr("getpass.getpass", lambda prompt: "pw")
    code = main(
        [
            "certificate",
            "import",
            str(source),
            "--environment",
            "test",
            "--service",
            "bankruptcy",
            "--client-id",
            "c",
        ]
    )
    assert code == 2
    assert "No keyring is available" in capsys.readouterr().err
