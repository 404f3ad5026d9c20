"""Each refusal of a sandbox bank, in the order of REFERENCE §10 item 5: one rule per test."""

from __future__ import annotations

import time
import uuid

import pytest
from cryptography.hazmat.primitives import serialization
from joserfc import jwt
from joserfc.jwk import RSAKey
from sandbox_consumer import (
    BANKRUPT,
    DECEASED,
    GUARDIAN,
    MANDATES,
    SPARE,
    TODAY,
    WARD,
    Dsop,
    encode,
)

from app.sandbox.pki import new_key

SLUG = "fjordbank"


def _error(response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["code"] == code
    return body["message"]


def _reference(dsop: Dsop, service: str = "bankruptcy", slug: str = SLUG) -> str:
    return dsop.accounts(service, slug)[0]["accountReference"]


def _forged_token(dsop: Dsop, key, **claims) -> str:
    now = int(time.time())
    body = {
        "iss": dsop.issuer,
        "aud": dsop.bank_base(SLUG),
        "scope": "bits:kontoinformasjon",
        "consumer": {"authority": "iso6523-actorid-upis", "ID": "0192:974760673"},
        "iat": now,
        "exp": now + 120,
        "jti": str(uuid.uuid4()),
    }
    body.update(claims)
    jwks = dsop.http.get("/maskinporten/jwks").json()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return jwt.encode({"alg": "RS256", "kid": jwks["keys"][0]["kid"]}, body, RSAKey.import_key(pem))


def _maskinporten_key(dsop: Dsop):
    return serialization.load_pem_private_key(
        (dsop.state_dir / "pki/maskinporten.key.pem").read_bytes(), password=None
    )


# -- 405 -------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_anything_but_get_is_acc_012(dsop: Dsop, method: str) -> None:
    response = dsop.bank_get("bankruptcy", SLUG, "/accounts", method=method)

    _error(response, 405, "ACC-012")


def test_method_is_checked_before_the_token(dsop: Dsop) -> None:
    response = dsop.bank_get(
        "bankruptcy", SLUG, "/accounts", method="POST", headers={"Authorization": None}
    )

    _error(response, 405, "ACC-012")


# -- 401 -------------------------------------------------------------------------------------


def test_missing_token_is_acc_010(dsop: Dsop) -> None:
    response = dsop.bank_get("bankruptcy", SLUG, "/accounts", headers={"Authorization": None})

    _error(response, 401, "ACC-010")


def test_token_signed_by_another_key_is_acc_010(dsop: Dsop) -> None:
    token = _forged_token(dsop, new_key())

    response = dsop.bank_get(
        "bankruptcy", SLUG, "/accounts", headers={"Authorization": f"Bearer {token}"}
    )

    _error(response, 401, "ACC-010")


def test_expired_token_is_acc_010(dsop: Dsop) -> None:
    now = int(time.time())
    token = _forged_token(dsop, _maskinporten_key(dsop), iat=now - 300, exp=now - 180)

    response = dsop.bank_get(
        "bankruptcy", SLUG, "/accounts", headers={"Authorization": f"Bearer {token}"}
    )

    assert "expired" in _error(response, 401, "ACC-010")


def test_token_for_another_bank_is_acc_010(dsop: Dsop) -> None:
    token = dsop.token("bankruptcy", "bits:kontoinformasjon", dsop.bank_base("testdal"))

    response = dsop.bank_get(
        "bankruptcy", SLUG, "/accounts", headers={"Authorization": f"Bearer {token}"}
    )

    assert "audience" in _error(response, 401, "ACC-010")


def test_token_without_audience_is_acc_010(dsop: Dsop) -> None:
    token = dsop.token("bankruptcy", "bits:kontoinformasjon")

    response = dsop.bank_get(
        "bankruptcy", SLUG, "/accounts", headers={"Authorization": f"Bearer {token}"}
    )

    _error(response, 401, "ACC-010")


# -- 403 -------------------------------------------------------------------------------------


def test_token_without_the_account_scope_is_acc_011(dsop: Dsop) -> None:
    token = dsop.token("bankruptcy", "bits:kundeforhold", dsop.bank_base(SLUG))

    response = dsop.bank_get(
        "bankruptcy", SLUG, "/accounts", headers={"Authorization": f"Bearer {token}"}
    )

    _error(response, 403, "ACC-011")


@pytest.mark.parametrize(
    ("consumer", "mandate"),
    [
        ("estate", "bankruptcy"),
        ("bankruptcy", "estate"),
        ("bankruptcy", "guardianship"),
        ("guardianship", "estate"),
    ],
)
def test_consumer_not_entitled_to_the_service_is_acc_011(
    dsop: Dsop, consumer: str, mandate: str
) -> None:
    token = dsop.token(consumer, "bits:kontoinformasjon", dsop.bank_base(SLUG))

    response = dsop.bank_get(
        mandate, SLUG, "/accounts", headers={"Authorization": f"Bearer {token}"}
    )

    assert "not entitled" in _error(response, 403, "ACC-011")


def test_unknown_mandate_is_acc_011(dsop: Dsop) -> None:
    response = dsop.bank_get(
        "bankruptcy",
        SLUG,
        "/accounts",
        headers={"Legal-Mandate": encode("Finansforetaksloven § 16-2")},
    )

    _error(response, 403, "ACC-011")


def test_step_one_mandate_on_the_control_api_is_acc_011(dsop: Dsop) -> None:
    response = dsop.bank_get(
        "guardianship",
        SLUG,
        "/accounts",
        headers={"Legal-Mandate": encode(MANDATES["guardianship1"])},
    )

    assert "step-1" in _error(response, 403, "ACC-011")


# -- 400: endpoint ---------------------------------------------------------------------------


@pytest.mark.parametrize("service", ["bankruptcy", "estate", "guardianship"])
def test_cards_are_refused_for_every_service(dsop: Dsop, service: str) -> None:
    reference = _reference(dsop, service, "testdal")

    response = dsop.bank_get(service, "testdal", f"/accounts/{reference}/cards")

    assert "not part of the service" in _error(response, 400, "ACC-001")


@pytest.mark.parametrize("service", ["bankruptcy", "estate"])
def test_roles_are_refused_for_bankruptcy_and_estate(dsop: Dsop, service: str) -> None:
    reference = _reference(dsop, service, "testdal")

    response = dsop.bank_get(service, "testdal", f"/accounts/{reference}/roles")

    _error(response, 400, "ACC-001")


# -- 400: parameters -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "params", "named"),
    [
        ({"CorrelationID": None}, {}, "CorrelationID"),
        ({"CorrelationID": "not-a-uuid"}, {}, "CorrelationID"),
        ({"AccountInfoRequestID": None}, {}, "AccountInfoRequestID"),
        ({"AccountInfoRequestID": "case-17"}, {}, "AccountInfoRequestID"),
        ({"Legal-Mandate": None}, {}, "Legal-Mandate"),
        ({"PartyID": "99900001X"}, {}, "PartyID"),
        ({"PartyID": "999000011"}, {}, "PartyID"),
        ({}, {"OnlyPrimaryOwner": None}, "OnlyPrimaryOwner"),
        ({}, {"OnlyPrimaryOwner": "false"}, "OnlyPrimaryOwner"),
        ({}, {"fromDate": None}, "fromDate"),
        ({}, {"toDate": None}, "toDate"),
        ({}, {"fromDate": "05.05.2024"}, "fromDate"),
        ({}, {"toDate": "2025-6-16"}, "toDate"),
        ({}, {"fromDate": "2025-06-16", "toDate": "2025-06-01"}, "fromDate"),
        (
            {"AdditionalReferenceIDType": "srf", "AdditionalReferenceID": GUARDIAN},
            {},
            "AdditionalReferenceID",
        ),
    ],
)
def test_bad_parameter_on_accounts_is_acc_001_naming_it(
    dsop: Dsop, headers: dict, params: dict, named: str
) -> None:
    response = dsop.bank_get("bankruptcy", SLUG, "/accounts", headers=headers, params=params)

    assert named in _error(response, 400, "ACC-001")


def test_only_primary_owner_accepts_any_letter_case(dsop: Dsop) -> None:
    for value in ("TRUE", "True", "true"):
        response = dsop.bank_get(
            "bankruptcy", SLUG, "/accounts", params={"OnlyPrimaryOwner": value}
        )
        assert response.status_code == 200


def test_mandate_with_other_percent_encoding_is_acc_001(dsop: Dsop) -> None:
    loose = "kkl.%20%C2%A7156%20%283%29%20og%20%284%29%2C%20jf.%20kkfor.%C2%A721"

    response = dsop.bank_get("bankruptcy", SLUG, "/accounts", headers={"Legal-Mandate": loose})

    assert "Legal-Mandate" in _error(response, 400, "ACC-001")


def test_company_as_party_for_estate_is_acc_001(dsop: Dsop) -> None:
    response = dsop.bank_get("estate", SLUG, "/accounts", party=BANKRUPT)

    assert "PartyID" in _error(response, 400, "ACC-001")


@pytest.mark.parametrize(
    ("headers", "named"),
    [
        ({"AdditionalReferenceIDType": None}, "AdditionalReferenceIDType"),
        ({"AdditionalReferenceIDType": "pol1"}, "AdditionalReferenceIDType"),
        ({"AdditionalReferenceID": None}, "AdditionalReferenceID"),
        ({"AdditionalReferenceID": "09826510186"}, "AdditionalReferenceID"),
    ],
)
def test_guardianship_needs_the_guardian_reference_on_every_call(
    dsop: Dsop, headers: dict, named: str
) -> None:
    reference = _reference(dsop, "guardianship", "testdal")
    for path in ("/accounts", f"/accounts/{reference}", f"/accounts/{reference}/transactions"):
        response = dsop.bank_get("guardianship", "testdal", path, headers=headers)
        assert named in _error(response, 400, "ACC-001")


def test_cursor_from_another_period_is_acc_001(dsop: Dsop) -> None:
    reference = _reference(dsop, "bankruptcy", "testdal")
    page = dsop.decrypt(
        dsop.bank_get("bankruptcy", "testdal", f"/accounts/{reference}/transactions"),
        "bankruptcy",
    )
    next_href = next(link["href"] for link in page["links"] if link["rel"] == "next")
    tampered = next_href.replace("fromDate=2024-05-05", "fromDate=2024-06-01")

    response = dsop.http.get(
        dsop.resolve("testdal", tampered), headers=dsop.bank_headers("bankruptcy", "testdal")
    )

    assert "cursor" in _error(response, 400, "ACC-001")


# -- 403: register checks --------------------------------------------------------------------


def test_bankruptcy_without_a_notice_is_acc_011(dsop: Dsop) -> None:
    response = dsop.bank_get("bankruptcy", SLUG, "/accounts", party="999000053")

    assert "Konkursvarsel" in _error(response, 403, "ACC-011")


def test_estate_of_a_living_person_is_acc_011(dsop: Dsop) -> None:
    response = dsop.bank_get("estate", SLUG, "/accounts", party=SPARE)

    _error(response, 403, "ACC-011")


def test_guardianship_with_another_guardian_is_acc_011(dsop: Dsop) -> None:
    response = dsop.bank_get(
        "guardianship", SLUG, "/accounts", headers={"AdditionalReferenceID": SPARE}
    )

    _error(response, 403, "ACC-011")


def test_guardian_without_the_daily_banking_task_is_acc_011(dsop: Dsop) -> None:
    ward, guardian = "05857010061", SPARE
    registered = dsop.admin(
        "POST",
        "/registry/guardianship",
        {
            "ward": ward,
            "guardian": guardian,
            "start": "2020-01-01",
            "end": None,
            "tasks": ["representasjonInnkreving"],
        },
    )
    assert registered.status_code == 201

    response = dsop.bank_get(
        "guardianship", SLUG, "/accounts", party=ward, headers={"AdditionalReferenceID": guardian}
    )

    assert "representasjonDagligbank" in _error(response, 403, "ACC-011")


def test_guardianship_that_ended_before_the_year_is_acc_011(dsop: Dsop) -> None:
    ward, guardian = "27895535678", SPARE
    dsop.admin(
        "POST",
        "/registry/guardianship",
        {
            "ward": ward,
            "guardian": guardian,
            "start": "2019-01-01",
            "end": "2023-06-30",
            "tasks": ["representasjonDagligbank"],
        },
    )

    response = dsop.bank_get(
        "guardianship", SLUG, "/accounts", party=ward, headers={"AdditionalReferenceID": guardian}
    )

    _error(response, 403, "ACC-011")


# -- 404 -------------------------------------------------------------------------------------


@pytest.mark.parametrize("reference", ["nonsense", "AAAAAAAAAAAAAAAAAAAAAA", "99901000014"])
def test_unknown_account_reference_is_acc_002(dsop: Dsop, reference: str) -> None:
    response = dsop.bank_get("bankruptcy", SLUG, f"/accounts/{reference}")

    _error(response, 404, "ACC-002")


def test_reference_of_another_bank_is_acc_002(dsop: Dsop) -> None:
    reference = _reference(dsop, "bankruptcy", "testdal")

    response = dsop.bank_get("bankruptcy", SLUG, f"/accounts/{reference}/transactions")

    _error(response, 404, "ACC-002")


def test_account_outside_the_guardianship_is_acc_003(dsop: Dsop) -> None:
    """A reference the bank issued for the ward in estate-like context: a loan the guardian
    cannot dispose of is not part of Vergekontroll."""
    from app.sandbox.banks import BANKS_BY_SLUG
    from app.sandbox.synth import Kind, accounts_at
    from app.sandbox.world import encode_reference

    bank = BANKS_BY_SLUG["testdal"]
    loan = next(p for p in accounts_at(bank.org_number, WARD) if p.kind is Kind.LOAN)
    reference = encode_reference(bank, WARD, loan.index)

    response = dsop.bank_get("guardianship", "testdal", f"/accounts/{reference}")

    _error(response, 404, "ACC-003")


def test_account_closed_before_the_period_is_acc_003(dsop: Dsop) -> None:
    from app.sandbox.banks import BANKS_BY_ORG, owner_banks
    from app.sandbox.numbers import seed_int
    from app.sandbox.synth import Kind, accounts_at
    from app.sandbox.world import encode_reference

    owned = owner_banks(DECEASED)
    bank = owned[seed_int("deposit-bank", DECEASED) % len(owned)]
    old = next(
        p
        for p in accounts_at(bank.org_number, DECEASED)
        if p.kind is Kind.DEPOSIT and p.end and p.end.year < 2024
    )
    reference = encode_reference(BANKS_BY_ORG[bank.org_number], DECEASED, old.index)

    response = dsop.bank_get("estate", bank.slug, f"/accounts/{reference}/transactions")

    _error(response, 404, "ACC-003")


# -- 406 and other answers -------------------------------------------------------------------


def test_plain_json_in_production_mode_is_acc_013(dsop: Dsop) -> None:
    response = dsop.bank_get(
        "bankruptcy", SLUG, "/accounts", headers={"Accept": "application/json"}
    )

    _error(response, 406, "ACC-013")


def test_plain_json_in_test_mode_is_answered_unencrypted(plain_sandbox: Dsop) -> None:
    response = plain_sandbox.bank_get(
        "bankruptcy", SLUG, "/accounts", headers={"Accept": "application/json"}
    )

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["responseDetails"]["status"] == "complete"


def test_v1_bank_has_no_v2_api(dsop: Dsop) -> None:
    response = dsop.http.get("/banks/eksempel-kreditt/v1/accounts")

    assert response.status_code == 404


def test_checks_run_in_order_token_before_endpoint(dsop: Dsop) -> None:
    reference = _reference(dsop)
    response = dsop.bank_get(
        "bankruptcy", SLUG, f"/accounts/{reference}/cards", headers={"Authorization": None}
    )

    _error(response, 401, "ACC-010")


def test_checks_run_in_order_endpoint_before_parameters(dsop: Dsop) -> None:
    reference = _reference(dsop)
    response = dsop.bank_get(
        "bankruptcy", SLUG, f"/accounts/{reference}/cards", headers={"CorrelationID": None}
    )

    assert "not part of the service" in _error(response, 400, "ACC-001")


def test_checks_run_in_order_parameters_before_register(dsop: Dsop) -> None:
    response = dsop.bank_get(
        "estate", SLUG, "/accounts", party=SPARE, headers={"CorrelationID": "x"}
    )

    _error(response, 400, "ACC-001")


def test_today_is_the_fixed_business_date(dsop: Dsop) -> None:
    assert dsop.admin("GET", "/health").json()["today"] == TODAY.isoformat()
