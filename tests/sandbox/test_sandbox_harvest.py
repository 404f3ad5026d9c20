"""A bankruptcy fetch by hand against the sandbox: accounts, details and every transaction page
of every bank that knows SYNTETISK BYGG AS, decrypted, checked and compared across two worlds.
"""

from __future__ import annotations

import base64
import json
import time
from datetime import date
from decimal import Decimal

import pytest
from cryptography.hazmat.primitives import serialization
from joserfc import jwe
from joserfc.errors import JoseError
from joserfc.jwk import RSAKey
from sandbox_consumer import BANKRUPT, JWE_REGISTRY, PERIODS, TODAY, Dsop

from app.dsop import models

API_BANKS = {
    "999000029": "fjordbank",
    "999000037": "testdal",
    "999000134": "nordvik",
    "999000142": "lillevik",
    "999000150": "bergfjell",
    "999000169": "sjostrand",
    "999000177": "kystlinje",
    "999000185": "innlandet",
}


def harvest(dsop: Dsop) -> dict[str, dict]:
    """Everything the sandbox has on the bankrupt company, per bank."""
    response = dsop.relations(
        "bankruptcy", BANKRUPT, *PERIODS["bankruptcy"], params={"onlyPrimaryOwner": "true"}
    )
    banks = [
        API_BANKS[entry["organizationID"]]
        for entry in response.json()["banks"]
        if entry["organizationID"] in API_BANKS
    ]
    result = {}
    for slug in banks:
        accounts = dsop.accounts("bankruptcy", slug)
        per_account = {}
        for account in accounts:
            reference = account["accountReference"]
            details = dsop.decrypt(
                dsop.bank_get("bankruptcy", slug, f"/accounts/{reference}"), "bankruptcy"
            )
            transactions, pages = dsop.all_transactions("bankruptcy", slug, reference)
            per_account[account["accountIdentifier"]] = {
                "account": account,
                "details": details,
                "transactions": transactions,
                "pages": pages,
            }
        result[slug] = per_account
    return result


@pytest.fixture(scope="module")
def harvested(dsop: Dsop) -> dict[str, dict]:
    return harvest(dsop)


def _all_transactions(harvested: dict[str, dict]) -> list[dict]:
    return [t for bank in harvested.values() for a in bank.values() for t in a["transactions"]]


def test_thousands_of_transactions_across_the_banks(harvested: dict[str, dict]) -> None:
    count = len(_all_transactions(harvested))

    assert 4 <= len(harvested) <= 6
    assert 4000 <= count <= 9000


def test_every_answer_validates_against_the_wire_models(harvested: dict[str, dict]) -> None:
    for bank in harvested.values():
        for account in bank.values():
            models.Account.model_validate_json(json.dumps(account["account"]))
            models.AccountDetailsResponse.model_validate_json(json.dumps(account["details"]))
            for page in account["pages"]:
                models.TransactionsResponse.model_validate_json(json.dumps(page))


def test_transaction_ids_are_unique_per_bank(harvested: dict[str, dict]) -> None:
    for bank in harvested.values():
        ids = [t["transactionIdentifier"] for a in bank.values() for t in a["transactions"]]
        assert len(ids) == len(set(ids))


def test_accounts_are_blocked_after_the_ruling(harvested: dict[str, dict]) -> None:
    statuses = {a["account"]["status"] for bank in harvested.values() for a in bank.values()}

    assert statuses <= {"disabled", "deleted"}
    assert "disabled" in statuses


def test_transactions_lie_in_the_period(harvested: dict[str, dict]) -> None:
    first, last = PERIODS["bankruptcy"]
    for transaction in _all_transactions(harvested):
        day = (transaction.get("bookingDate") or transaction["registered"])[:10]
        assert first.isoformat() <= day <= last.isoformat()


def test_transactions_have_the_realistic_kinds(harvested: dict[str, dict]) -> None:
    transactions = _all_transactions(harvested)
    free_texts = {t["transactionCode"].get("freeText") for t in transactions}

    assert {"Lønn", "OCR-innbetaling", "Remittering", "Merverdiavgift", "Gebyr"} <= free_texts
    assert any(
        t.get("paymentCard", {}).get("cardIdentifier", "").startswith("999999XXXXXX")
        for t in transactions
    )
    assert any("currencyExchange" in t for t in transactions)
    assert all(Decimal(str(t["amount"])) >= 0 for t in transactions)


def test_after_the_ruling_money_only_comes_in_apart_from_fees_and_interest(
    harvested: dict[str, dict],
) -> None:
    late = [
        t
        for t in _all_transactions(harvested)
        if t.get("bookingDate", "")[:10] > "2025-05-06"
        and t["transactionCode"].get("freeText") not in ("Gebyr", "Renter", "Kontoavslutning")
    ]

    assert late
    assert {t["creditDebitIndicator"] for t in late} == {"credit"}


def test_paging_links_follow_the_bank_style_and_end_without_next(
    harvested: dict[str, dict],
) -> None:
    multi_page = 0
    for slug, bank in harvested.items():
        for account in bank.values():
            pages = account["pages"]
            for number, page in enumerate(pages):
                links = {link["rel"]: link["href"] for link in page["links"]}
                assert "self" in links
                assert ("next" in links) == (number < len(pages) - 1)
                for href in links.values():
                    assert href.startswith(("/accounts/", f"/banks/{slug}/v2/accounts/"))
                    assert account["account"]["accountReference"] in href
            if len(pages) > 1:
                multi_page += 1
                assert all(len(p["transactions"]) == 1000 for p in pages[:-1])
    assert multi_page >= 1


def test_both_href_styles_occur(harvested: dict[str, dict]) -> None:
    hrefs = [
        link["href"]
        for bank in harvested.values()
        for a in bank.values()
        for p in a["pages"]
        for link in p["links"]
    ]

    assert any(h.startswith("/accounts/") for h in hrefs)
    assert any(h.startswith("/banks/") for h in hrefs)


def test_balances_for_today_are_available_and_booked(harvested: dict[str, dict]) -> None:
    for bank in harvested.values():
        for account in bank.values():
            detail = account["details"]["account"]
            balances = detail.get("balances")
            if detail.get("endDate"):
                assert balances is None
                continue
            assert {b["type"] for b in balances} == {"availableBalance", "bookedBalance"}


def test_answer_decrypts_only_with_the_consumer_key(dsop: Dsop) -> None:
    response = dsop.bank_get("bankruptcy", "fjordbank", "/accounts")
    other = RSAKey.import_key(
        dsop.consumers["guardianship"].key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )

    assert dsop.decrypt(response, "bankruptcy")["accounts"]
    protected = response.content.split(b".")[0]
    header = json.loads(base64.urlsafe_b64decode(protected + b"=" * (-len(protected) % 4)))
    assert (header["alg"], header["enc"]) == ("RSA-OAEP-256", "A128CBC-HS256")
    with pytest.raises((JoseError, ValueError)):
        jwe.decrypt_compact(response.content, other, registry=JWE_REGISTRY)


def test_a_second_world_serves_exactly_the_same_data(
    harvested: dict[str, dict], plain_sandbox: Dsop
) -> None:
    again = harvest(plain_sandbox)

    assert set(again) == set(harvested)
    for slug, bank in harvested.items():
        for number, account in bank.items():
            other = again[slug][number]
            assert other["transactions"] == account["transactions"]
            booked = [
                b
                for b in account["details"]["account"].get("balances", [])
                if b["type"] == "bookedBalance"
            ]
            other_booked = [
                b
                for b in other["details"]["account"].get("balances", [])
                if b["type"] == "bookedBalance"
            ]
            assert [b["amount"] for b in booked] == [b["amount"] for b in other_booked]


def test_a_page_of_1000_is_served_quickly(dsop: Dsop, harvested: dict[str, dict]) -> None:
    slug, account = next(
        (slug, a) for slug, bank in harvested.items() for a in bank.values() if len(a["pages"]) > 1
    )
    reference = account["account"]["accountReference"]
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        response = dsop.bank_get("bankruptcy", slug, f"/accounts/{reference}/transactions")
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200
    print(f"page of 1000 transactions served in {min(timings) * 1000:.1f} ms (best of 5)")
    assert min(timings) < 0.5


def test_same_request_twice_gives_the_same_page(dsop: Dsop) -> None:
    accounts = dsop.accounts("bankruptcy", "testdal")
    reference = accounts[0]["accountReference"]

    first, _ = dsop.all_transactions("bankruptcy", "testdal", reference, date(2025, 1, 1), TODAY)
    second, _ = dsop.all_transactions("bankruptcy", "testdal", reference, date(2025, 1, 1), TODAY)

    assert first == second
