"""The test-environment path end to end: an imported PKCS#12 certificate chain, secrets in the
keyring, https with verification, against the sandbox standing in for the test services."""

import json
from collections.abc import Iterator
from datetime import date

import pytest

from app import certificates, secrets
from app.domain.services import Service
from app.dsop import environments
from app.dsop.connection import DsopConnection
from app.dsop.errors import ConfigurationError, InsecureTransportError
from app.harvest.harvest import Harvest
from app.runtime import remote_connection
from app.sandbox.pki import export_pkcs12
from app.sandbox.process import SandboxProcess
from tests.integration.conftest import CLOCK, FAST_RETRY, TODAY, bankruptcy_case

PASSWORD = "correct horse battery staple"


def seeded_case(db) -> int:
    """The bankruptcy the sandbox's register knows without being told: ruled on 05.05.2025.

    Outside the sandbox environment nobody feeds the registers, as in the real world."""
    return bankruptcy_case(db, days_ago=(TODAY - date(2025, 5, 5)).days)


@pytest.fixture(scope="module")
def tls_world(tmp_path_factory) -> Iterator[SandboxProcess]:
    state = tmp_path_factory.mktemp("tls-sandbox")
    with SandboxProcess(
        state, today=TODAY, latency_ms=0, tls=True, plain_json_allowed=True
    ) as process:
        yield process


@pytest.fixture
def imported(tls_world, memory_keyring, tmp_path):
    """Import the sandbox-issued certificate chains as a user would: file, password, client id."""
    state = tls_world.info.state_dir
    consumers = json.loads((state / "consumers.json").read_text())
    for service in Service:
        p12 = tmp_path / f"{service.value}.p12"
        p12.write_bytes(export_pkcs12(state, service.value, PASSWORD.encode()))
        certificates.import_pkcs12(
            "test", service, p12, PASSWORD, consumers[service.value]["client_id"], now=CLOCK.now()
        )
    secrets.set_secret(secrets.secret_name("test", "directory-key"), "sandbox-key")
    return memory_keyring


def environment_at(tls_world):
    return environments.pointed_at(
        environments.TEST, tls_world.info.base_url, tls_world.info.state_dir / "pki" / "ca.pem"
    )


def test_a_fetch_with_an_imported_certificate_over_https(db, tls_world, imported):
    assert tls_world.info.base_url.startswith("https://")
    connection = remote_connection(environment_at(tls_world))
    connection = DsopConnection(**{**connection.__dict__, "retry": FAST_RETRY})
    assert connection.credentials["bankruptcy"].chain, "the PKCS#12 file carried the chain"
    assert ("boinnsyn", "test/bankruptcy/pkcs12-password") in imported.store

    summary = Harvest(db, seeded_case(db), connection, user="t", clock=CLOCK).run()
    assert summary.error is None
    assert summary.banks_with_api >= 4 and summary.transactions_received > 5000


def test_plain_json_in_test_when_asked_for(db, tls_world, imported):
    base = remote_connection(environment_at(tls_world))
    plain = DsopConnection(**{**base.__dict__, "plain_json": True, "retry": FAST_RETRY})
    summary = Harvest(db, seeded_case(db), plain, user="t", clock=CLOCK).run()
    assert summary.error is None and summary.transactions_received > 5000


def test_plain_json_is_refused_in_production(tls_world, imported):
    production = environments.pointed_at(
        environments.PRODUCTION, tls_world.info.base_url, tls_world.info.state_dir / "pki/ca.pem"
    )
    with pytest.raises(ConfigurationError, match="plain JSON"):
        DsopConnection(production, {}, plain_json=True, directory_key="k")


def test_plain_http_is_refused_outside_the_sandbox(tls_world):
    http_base = tls_world.info.base_url.replace("https://", "http://")
    with pytest.raises(InsecureTransportError):
        environments.pointed_at(
            environments.TEST, http_base, tls_world.info.state_dir / "pki/ca.pem"
        )


def test_tls_is_verified(db, tls_world, imported):
    """Without the sandbox's CA among the trusted ones, the server is not believed."""
    untrusting = environments.pointed_at(
        environments.TEST, tls_world.info.base_url, tls_world.info.state_dir / "pki/ca.pem"
    )
    untrusting = environments.replace(untrusting, ca_bundle=None)
    connection = remote_connection(untrusting)
    connection = DsopConnection(**{**connection.__dict__, "retry": FAST_RETRY})
    summary = Harvest(db, seeded_case(db), connection, user="t", clock=CLOCK).run()
    assert summary.error is not None
    assert "ConnectError" in summary.error or "certificate" in summary.error.lower()


def test_without_keyring_the_environment_cannot_be_used(tls_world, imported):
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())  # the imported fixture restores the previous one
    with pytest.raises(secrets.KeyringUnavailable, match="No keyring"):
        remote_connection(environment_at(tls_world))
