"""The sandbox as a process: the ready line, the state folder, restarts, the request log."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
import uuid
from datetime import date
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from sandbox_consumer import BANKRUPT, PERIODS, TODAY, Dsop

from app.sandbox.pki import export_pkcs12
from app.sandbox.process import SandboxInfo, SandboxProcess, SandboxStartError


def test_info_names_the_loopback_address_and_state(sandbox: SandboxProcess) -> None:
    info = sandbox.info

    assert isinstance(info, SandboxInfo)
    assert info.base_url == f"http://127.0.0.1:{info.port}"
    assert httpx.get(f"{info.base_url}/sandbox/health").json()["ok"] is True


def test_state_folder_has_the_documented_layout(dsop: Dsop) -> None:
    state = dsop.state_dir
    consumers = json.loads((state / "consumers.json").read_text("utf-8"))

    assert set(consumers) == {"bankruptcy", "estate", "guardianship"}
    assert {c["org_number"] for c in consumers.values()} == {"974760673", "991825827", "986186999"}
    for name in ("pki/ca.pem", "pki/intermediate.pem", "pki/maskinporten.key.pem", "registry.json"):
        assert (state / name).is_file()
    for entry in consumers.values():
        assert entry["chain"] == ["pki/intermediate.pem"]
        key_file = state / entry["key"]
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
        assert key_file.read_text().startswith("-----BEGIN PRIVATE KEY-----")
    assert stat.S_IMODE((state / "pki").stat().st_mode) == 0o700
    assert stat.S_IMODE((state / "consumers").stat().st_mode) == 0o700


def test_consumer_certificate_looks_like_an_enterprise_certificate(dsop: Dsop) -> None:
    state = dsop.state_dir
    intermediate = x509.load_pem_x509_certificate((state / "pki/intermediate.pem").read_bytes())
    root = x509.load_pem_x509_certificate((state / "pki/ca.pem").read_bytes())
    certificate = dsop.consumers["guardianship"].certificate

    subject = certificate.subject
    assert subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)[0].value == "986186999"
    assert subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == (
        "Statens sivilrettsforvaltning"
    )
    certificate.verify_directly_issued_by(intermediate)
    intermediate.verify_directly_issued_by(root)
    usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.key_encipherment
    lifetime = certificate.not_valid_after_utc - certificate.not_valid_before_utc
    assert 729 <= lifetime.days <= 731


def test_pkcs12_export_holds_key_leaf_and_issuer(dsop: Dsop) -> None:
    bundle = export_pkcs12(dsop.state_dir, "estate", b"hemmelig")

    key, certificate, extra = pkcs12.load_key_and_certificates(bundle, b"hemmelig")

    assert certificate == dsop.consumers["estate"].certificate
    assert key is not None
    assert key.public_key().public_numbers() == certificate.public_key().public_numbers()
    assert [c.subject for c in extra] == [
        x509.load_pem_x509_certificate(
            (dsop.state_dir / "pki/intermediate.pem").read_bytes()
        ).subject
    ]


def test_registrations_and_certificates_survive_a_restart(tmp_path: Path) -> None:
    with SandboxProcess(tmp_path, today=TODAY, latency_ms=0) as first:
        assert first.info is not None
        response = httpx.post(
            f"{first.info.base_url}/sandbox/registry/death",
            json={"person": "05857010061", "death_date": "2025-06-01"},
        )
        assert response.status_code == 201
    certificate = (tmp_path / "consumers/974760673.cert.pem").read_bytes()

    with SandboxProcess(tmp_path, today=TODAY, latency_ms=0) as second:
        assert second.info is not None
        registry = httpx.get(f"{second.info.base_url}/sandbox/registry").json()

    assert registry["deaths"]["05857010061"] == "2025-06-01"
    assert registry["deaths"]["02913810077"] == "2025-04-22"
    assert (tmp_path / "consumers/974760673.cert.pem").read_bytes() == certificate


def test_cli_prints_one_ready_line_and_exits_when_stdin_closes(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "app.sandbox",
            "--state-dir",
            str(tmp_path),
            "--port",
            "0",
            "--today",
            "2025-06-16",
            "--latency-ms",
            "0",
            "--exit-on-stdin-eof",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert process.stdout is not None and process.stdin is not None
        ready = json.loads(process.stdout.readline())
        assert ready == {
            "ready": True,
            "port": ready["port"],
            "base_url": f"http://127.0.0.1:{ready['port']}",
        }
        assert httpx.get(f"{ready['base_url']}/sandbox/health").status_code == 200
        process.stdin.close()
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()


def test_start_failure_reports_the_child_stderr(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    process = SandboxProcess(blocker / "state")

    with pytest.raises(SandboxStartError) as caught:
        process.start()

    assert "exited" in str(caught.value)
    assert "stderr" in str(caught.value)


def test_request_log_records_every_call_without_personal_data(dsop: Dsop) -> None:
    dsop.admin("DELETE", "/requests")
    correlation = str(uuid.uuid4())
    dsop.relations(
        "bankruptcy", BANKRUPT, *PERIODS["bankruptcy"], headers={"CorrelationID": correlation}
    )
    dsop.bank_get("bankruptcy", "fjordbank", "/accounts", headers={"Legal-Mandate": "nonsense"})
    dsop.http.get("/datakatalog/kontrollinformasjon/endpoints")

    log = dsop.admin("GET", "/requests").json()

    services = [entry["service"] for entry in log]
    assert "relations" in services and "bank" in services and "directory" in services
    relation = next(e for e in log if e["service"] == "relations")
    assert relation["correlation_id"] == correlation
    assert relation["status"] == 200
    bank = next(e for e in log if e["service"] == "bank")
    assert bank == bank | {
        "bank_org": "999000029",
        "path": "/banks/fjordbank/v2/accounts",
        "method": "GET",
        "status": 403,
        "code": "ACC-011",
    }
    assert bank["account_info_request_id"]
    assert BANKRUPT not in json.dumps(log)


def test_request_log_records_token_requests_with_their_mp_code(dsop: Dsop) -> None:
    dsop.admin("DELETE", "/requests")
    dsop.request_token(dsop.grant("estate", "bits:kontoinformasjon", claims={"aud": "x"}))

    entry = dsop.admin("GET", "/requests").json()[-1]

    assert entry["service"] == "maskinporten"
    assert (entry["status"], entry["code"]) == (400, "MP-110")


def test_request_log_can_prove_that_nothing_was_sent(dsop: Dsop) -> None:
    dsop.admin("DELETE", "/requests")

    assert dsop.admin("GET", "/requests").json() == []


def test_registration_with_an_invalid_id_is_refused(dsop: Dsop) -> None:
    response = dsop.admin(
        "POST", "/registry/death", {"person": "12345678901", "death_date": "2025-01-01"}
    )

    assert response.status_code == 400


def test_business_date_defaults_to_today_in_norway(tmp_path: Path) -> None:
    with SandboxProcess(tmp_path, latency_ms=0) as process:
        assert process.info is not None
        health = httpx.get(f"{process.info.base_url}/sandbox/health").json()

    assert date.fromisoformat(health["today"]) >= date(2025, 6, 16)


def test_start_options_reach_the_child(tmp_path: Path) -> None:
    config = {"seed": 3, "banks": {"999000037": {"latency_ms": 1}}}
    with SandboxProcess(
        tmp_path, today=TODAY, latency_ms=0, faults=config, page_size=250
    ) as process:
        assert process.info is not None
        client = Dsop(process.info.base_url, tmp_path)
        reference = client.accounts("bankruptcy", "testdal")[0]["accountReference"]
        transactions, pages = client.all_transactions("bankruptcy", "testdal", reference)
        installed = client.admin("GET", "/faults").json()
        client.http.close()

    assert installed == config
    assert len(pages) > 2
    assert [len(p["transactions"]) for p in pages[:-1]] == [250] * (len(pages) - 1)
    assert len({t["transactionIdentifier"] for t in transactions}) == len(transactions)
