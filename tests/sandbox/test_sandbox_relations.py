"""Customer relations, the API directory and CertPub as the sandbox serves them."""

from __future__ import annotations

from datetime import date

import pytest
from cryptography import x509
from sandbox_consumer import BANKRUPT, DECEASED, PERIODS, SPARE, TODAY, WARD, Dsop, encode

from app.sandbox.banks import ended_relation
from app.sandbox.numbers import mint_national_id, seed_int

KFR_ONLY = "999000045"
NO_API = "999000126"
V2_BANKS = {
    "999000029",
    "999000037",
    "999000134",
    "999000142",
    "999000150",
    "999000169",
    "999000177",
    "999000185",
}


def _banks(response) -> dict[str, dict]:
    assert response.status_code == 200, response.text
    return {entry["organizationID"]: entry for entry in response.json()["banks"]}


def test_bankrupt_company_banks_with_fjordbank_testdal_and_the_no_api_bank(dsop: Dsop) -> None:
    banks = _banks(
        dsop.relations(
            "bankruptcy", BANKRUPT, *PERIODS["bankruptcy"], params={"onlyPrimaryOwner": "true"}
        )
    )

    assert {"999000029", "999000037", NO_API} <= set(banks)
    assert banks["999000029"]["bankName"] == "Fjordbank Syntetisk ASA"
    assert 4 <= len(set(banks) & V2_BANKS) <= 6


@pytest.mark.parametrize("party", [BANKRUPT, DECEASED, WARD, SPARE, "05857010061"])
def test_every_control_object_has_four_to_six_api_banks_as_owner(dsop: Dsop, party: str) -> None:
    service = "bankruptcy" if len(party) == 9 else "estate"
    banks = _banks(
        dsop.relations(service, party, date(2024, 6, 1), TODAY, params={"onlyPrimaryOwner": "true"})
    )

    owned = [o for o, e in banks.items() if o in V2_BANKS and e["ownershipType"] == "primaryOwner"]
    assert 4 <= len(owned) <= 6


def test_ownership_type_only_when_only_primary_owner_is_sent(dsop: Dsop) -> None:
    without = _banks(dsop.relations("bankruptcy", BANKRUPT, *PERIODS["bankruptcy"]))
    with_flag = _banks(
        dsop.relations(
            "bankruptcy", BANKRUPT, *PERIODS["bankruptcy"], params={"onlyPrimaryOwner": "TRUE"}
        )
    )

    assert all("ownershipType" not in entry for entry in without.values())
    assert all("ownershipType" in entry for entry in with_flag.values())


def test_only_primary_owner_leaves_out_role_only_relations(dsop: Dsop) -> None:
    without = _banks(dsop.relations("bankruptcy", BANKRUPT, *PERIODS["bankruptcy"]))
    with_flag = _banks(
        dsop.relations(
            "bankruptcy", BANKRUPT, *PERIODS["bankruptcy"], params={"onlyPrimaryOwner": "true"}
        )
    )

    role_only = set(without) - set(with_flag)
    assert role_only, "999000010 has a role-only relation in the synthetic world"
    assert all(e["ownershipType"] != "notPrimaryOwner" for e in with_flag.values())


def test_kfr_only_institution_is_unknown_and_never_active(dsop: Dsop) -> None:
    banks = _banks(
        dsop.relations(
            "guardianship", WARD, *PERIODS["guardianship"], params={"onlyPrimaryOwner": "true"}
        )
    )

    assert banks[KFR_ONLY]["ownershipType"] == "unknown"
    assert banks[KFR_ONLY]["activeAccount"] is False


def test_active_account_only_when_to_date_is_today(dsop: Dsop) -> None:
    today = _banks(dsop.relations("estate", DECEASED, date(2025, 1, 22), TODAY))
    past = _banks(dsop.relations("estate", DECEASED, date(2025, 1, 22), date(2025, 6, 1)))

    assert today["999000029"]["activeAccount"] is True
    assert all(entry["activeAccount"] is False for entry in past.values())


def test_period_filter_drops_a_relation_that_ended_before_the_period(dsop: Dsop) -> None:
    party = next(
        mint_national_id(seed_int("ended", n))
        for n in range(500)
        if ended_relation(mint_national_id(seed_int("ended", n))) is not None
    )
    relation = ended_relation(party)
    assert relation is not None and relation.end is not None

    around_end = _banks(dsop.relations("estate", party, relation.end, relation.end))
    after = _banks(dsop.relations("estate", party, date(2024, 6, 1), TODAY))

    assert relation.bank.org_number in around_end
    assert around_end[relation.bank.org_number]["activeAccount"] is False
    assert relation.bank.org_number not in after


@pytest.mark.parametrize("customer", ["12345678901", "99900001", "21879010185"])
def test_invalid_customer_id_is_err_002(dsop: Dsop, customer: str) -> None:
    response = dsop.relations("bankruptcy", customer, *PERIODS["bankruptcy"])

    assert response.status_code == 400
    assert response.json()["errorCode"] == "ERR-002"
    assert response.json()["timestamp"]


@pytest.mark.parametrize(
    "params",
    [
        {"fromDate": "2025-06-17", "toDate": "2025-06-16"},
        {"toDate": "2025-06-17"},
        {"fromDate": "16.06.2025"},
        {"fromDate": None},
    ],
)
def test_invalid_period_is_err_003(dsop: Dsop, params: dict) -> None:
    response = dsop.relations("bankruptcy", BANKRUPT, date(2025, 1, 1), TODAY, params=params)

    assert response.status_code == 400
    assert response.json()["errorCode"] == "ERR-003"


def test_mandate_of_another_agency_is_err_001(dsop: Dsop) -> None:
    response = dsop.relations(
        "bankruptcy",
        BANKRUPT,
        *PERIODS["bankruptcy"],
        headers={
            "Legal-Mandate": encode(
                "Arveloven § 92 første ledd og § 118, jf. § 88 a, jf. forskrift om Digitalt dødsbo"
            )
        },
    )

    assert response.status_code == 403
    assert response.json()["errorCode"] == "ERR-001"


def test_mandate_not_encoded_byte_for_byte_is_refused(dsop: Dsop) -> None:
    loose = "kkl.%20%C2%A7156%20%283%29%20og%20%284%29%2C%20jf.%20kkfor.%C2%A721"
    response = dsop.relations(
        "bankruptcy", BANKRUPT, *PERIODS["bankruptcy"], headers={"Legal-Mandate": loose}
    )

    assert response.status_code == 400


def test_missing_or_bad_token_is_401_with_status_code_body(dsop: Dsop) -> None:
    response = dsop.relations(
        "bankruptcy",
        BANKRUPT,
        *PERIODS["bankruptcy"],
        headers={"Authorization": "Bearer not-a-token"},
    )

    assert response.status_code == 401
    assert response.json()["statusCode"] == 401


def test_token_for_another_scope_is_err_001(dsop: Dsop) -> None:
    token = dsop.token("bankruptcy", "bits:kontoinformasjon", dsop.bank_base("fjordbank"))
    response = dsop.relations(
        "bankruptcy", BANKRUPT, *PERIODS["bankruptcy"], headers={"Authorization": f"Bearer {token}"}
    )

    assert response.status_code == 403
    assert response.json()["errorCode"] == "ERR-001"


def test_directory_lists_v2_banks_and_one_v1_bank(dsop: Dsop) -> None:
    body = dsop.http.get("/datakatalog/kontrollinformasjon/endpoints").json()

    entries = {entry["orgNo"]: entry for entry in body["endpoints"]}
    assert body["total"] == len(body["endpoints"])
    assert {o for o, e in entries.items() if e["version"] == "V2"} == V2_BANKS
    assert entries[KFR_ONLY]["version"] == "V1"
    assert NO_API not in entries
    assert entries["999000029"]["url"] == f"{dsop.base_url}/banks/fjordbank/v2"
    assert all(set(e) == {"orgNo", "name", "url", "version", "env"} for e in entries.values())


def test_certpub_publishes_each_consumer_certificate(dsop: Dsop) -> None:
    for consumer in dsop.consumers.values():
        participant = f"iso6523-actorid-upis::0192:{consumer.org_number}"
        lookup = dsop.http.get(f"/certpub/lookup/v2/{participant}").json()
        publisher = lookup["difi-bcp-v1"]
        process = "bdx-procid-dsop::urn:fdc:bits.no:2018:dsop:account:1.0"

        pem = dsop.http.get(f"{publisher}/api/v1/{participant}/{process}")

        assert x509.load_pem_x509_certificate(pem.content) == consumer.certificate


def test_certpub_knows_nobody_else(dsop: Dsop) -> None:
    response = dsop.http.get("/certpub/lookup/v2/iso6523-actorid-upis::0192:999000010")

    assert response.status_code == 404
