"""Each fault knob of the sandbox, observed from outside."""

from __future__ import annotations

import json
import time

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from joserfc import jwe
from joserfc.errors import JoseError
from joserfc.jwk import RSAKey
from pydantic import ValidationError
from sandbox_consumer import BANKRUPT, JWE_REGISTRY, PERIODS, Dsop

from app.dsop import models

FJORDBANK = "999000029"
TESTDAL = "999000037"


def _bank(knobs: dict, org: str = FJORDBANK, seed: int = 7) -> dict:
    return {"seed": seed, "banks": {org: knobs}}


def _accounts(dsop: Dsop, slug: str = "fjordbank", **kwargs) -> httpx.Response:
    return dsop.bank_get("bankruptcy", slug, "/accounts", **kwargs)


def _plaintext(dsop: Dsop, response: httpx.Response) -> bytes:
    key = RSAKey.import_key(
        dsop.consumers["bankruptcy"].key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return jwe.decrypt_compact(response.content, key, registry=JWE_REGISTRY).plaintext


def test_latency_delays_only_that_bank(dsop: Dsop, faults) -> None:
    faults(_bank({"latency_ms": 300}))

    started = time.perf_counter()
    assert _accounts(dsop).status_code == 200
    slow = time.perf_counter() - started
    started = time.perf_counter()
    assert _accounts(dsop, "testdal").status_code == 200
    fast = time.perf_counter() - started

    assert slow >= 0.3 > fast


@pytest.mark.parametrize(
    ("status", "codes"),
    [("500", {"ACC-500", "ACC-100"}), ("503", {"ACC-100"}), ("429", {"ACC-022"})],
)
def test_error_rate_answers_with_that_status(dsop: Dsop, faults, status: str, codes) -> None:
    faults(_bank({"error_rates": {status: 1.0}}))

    response = _accounts(dsop)

    assert response.status_code == int(status)
    assert response.json()["code"] in codes


def test_error_rates_are_deterministic_for_a_seed(dsop: Dsop, faults) -> None:
    def run() -> list[int]:
        faults(_bank({"error_rates": {"500": 0.5}}, seed=42))
        return [_accounts(dsop).status_code for _ in range(12)]

    first, second = run(), run()

    assert first == second
    assert {200, 500} == set(first)


def test_fail_first_fails_exactly_the_first_requests(dsop: Dsop, faults) -> None:
    faults(_bank({"fail_first": {"status": 503, "count": 2}}))

    statuses = [_accounts(dsop).status_code for _ in range(3)]

    assert statuses == [503, 503, 200]


def test_rate_limit_answers_429_with_retry_after(dsop: Dsop, faults) -> None:
    faults(_bank({"rate_limit": {"first": 1, "retry_after": 2}}))

    limited = _accounts(dsop)

    assert limited.status_code == 429
    assert limited.json()["code"] == "ACC-022"
    assert limited.headers["Retry-After"] == "2"
    assert _accounts(dsop).status_code == 200


def test_timeout_holds_the_answer_back(dsop: Dsop, faults) -> None:
    faults(_bank({"timeout_rate": 1.0, "timeout_seconds": 1.5}))

    with pytest.raises(httpx.ReadTimeout):
        dsop.http.get(
            "/banks/fjordbank/v2/accounts",
            params={"OnlyPrimaryOwner": "true", "fromDate": "2024-05-05", "toDate": "2025-06-16"},
            headers={**dsop.bank_headers("bankruptcy", "fjordbank"), "PartyID": BANKRUPT},
            timeout=0.5,
        )


def test_partial_for_the_whole_bank(dsop: Dsop, faults) -> None:
    message = "Archived history before 2024 must be requested by letter"
    faults(_bank({"partial": message}))

    details = dsop.decrypt(_accounts(dsop), "bankruptcy")["responseDetails"]

    assert details == {"status": "partial", "message": message}


def test_partial_for_listed_accounts_only(dsop: Dsop, faults) -> None:
    accounts = dsop.accounts("bankruptcy", "testdal")
    chosen, other = accounts[0], accounts[1]
    faults(
        _bank(
            {
                "partial": "Leasing kept elsewhere",
                "partial_accounts": [chosen["accountIdentifier"]],
            },
            org=TESTDAL,
        )
    )

    def status(account: dict) -> str:
        response = dsop.bank_get(
            "bankruptcy", "testdal", f"/accounts/{account['accountReference']}/transactions"
        )
        return dsop.decrypt(response, "bankruptcy")["responseDetails"]["status"]

    assert status(chosen) == "partial"
    assert status(other) == "complete"


def test_malformed_bad_jwe_cannot_be_decrypted(dsop: Dsop, faults) -> None:
    faults(_bank({"malformed_rate": 1.0, "malformed_kind": "bad_jwe"}))

    response = _accounts(dsop)

    assert response.status_code == 200
    with pytest.raises((JoseError, ValueError)):
        _plaintext(dsop, response)


def test_malformed_bad_json_decrypts_to_broken_json(dsop: Dsop, faults) -> None:
    faults(_bank({"malformed_rate": 1.0, "malformed_kind": "bad_json"}))

    plaintext = _plaintext(dsop, _accounts(dsop))

    with pytest.raises(json.JSONDecodeError):
        json.loads(plaintext)


def test_malformed_schema_breaks_the_wire_model(dsop: Dsop, faults) -> None:
    reference = dsop.accounts("bankruptcy", "testdal")[0]["accountReference"]
    faults(_bank({"malformed_rate": 1.0, "malformed_kind": "schema"}, org=TESTDAL))

    for _ in range(2):
        response = dsop.bank_get("bankruptcy", "testdal", f"/accounts/{reference}/transactions")
        plaintext = _plaintext(dsop, response)
        json.loads(plaintext)
        with pytest.raises(ValidationError):
            models.TransactionsResponse.model_validate_json(plaintext)


def test_wrong_key_cannot_be_read_with_the_consumer_key(dsop: Dsop, faults) -> None:
    faults(_bank({"wrong_key": True}))

    with pytest.raises((JoseError, ValueError)):
        _plaintext(dsop, _accounts(dsop))


def test_expire_tokens_makes_the_client_renew_once(dsop: Dsop, faults) -> None:
    faults(_bank({"expire_tokens": True}))
    base = dsop.bank_base("fjordbank")
    old_token = dsop.token("bankruptcy", "bits:kontoinformasjon", base)
    time.sleep(1.1)

    first = _accounts(dsop)
    again = _accounts(dsop)
    dsop.fresh_token("bankruptcy", "bits:kontoinformasjon", base)
    renewed = _accounts(dsop)

    assert first.status_code == 401 and first.json()["code"] == "ACC-010"
    assert "expired" in first.json()["message"]
    assert again.status_code == 401
    assert renewed.status_code == 200
    assert old_token != dsop.token("bankruptcy", "bits:kontoinformasjon", base)


def test_relations_faults_use_the_relations_error_body(dsop: Dsop, faults) -> None:
    faults({"seed": 1, "banks": {}, "relations": {"fail_first": {"status": 500, "count": 1}}})

    failed = dsop.relations("bankruptcy", BANKRUPT, *PERIODS["bankruptcy"])
    answered = dsop.relations("bankruptcy", BANKRUPT, *PERIODS["bankruptcy"])

    assert failed.status_code == 500 and failed.json()["errorCode"] == "ERR-500"
    assert answered.status_code == 200


def test_relations_schema_fault_breaks_the_model(dsop: Dsop, faults) -> None:
    faults(
        {"seed": 1, "banks": {}, "relations": {"malformed_rate": 1.0, "malformed_kind": "schema"}}
    )

    response = dsop.relations("bankruptcy", BANKRUPT, *PERIODS["bankruptcy"])

    with pytest.raises(ValidationError):
        models.CustomerRelationsResponse.model_validate_json(response.content)


def test_faults_can_be_read_back(dsop: Dsop, faults) -> None:
    config = _bank({"latency_ms": 5, "error_rates": {"503": 0.1}})
    faults(config)

    assert dsop.admin("GET", "/faults").json() == config


@pytest.mark.parametrize(
    "config",
    [
        {"banks": {FJORDBANK: {"no_such_knob": 1}}},
        {"banks": {FJORDBANK: {"error_rates": {"500": 2}}}},
        {"banks": {FJORDBANK: {"malformed_kind": "zip"}}},
        {"seed": "one"},
    ],
)
def test_invalid_fault_configuration_is_refused(dsop: Dsop, config: dict) -> None:
    response = dsop.admin("PUT", "/faults", config)

    assert response.status_code == 400
