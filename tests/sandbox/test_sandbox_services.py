"""What each service gets from a bank: accounts, balances, roles, filtering, shielding."""

from __future__ import annotations

from datetime import date

from sandbox_consumer import BANKRUPT, DECEASED, GUARDIAN, SHIELDED, TODAY, WARD, Dsop

from app.sandbox.banks import owner_banks
from app.sandbox.numbers import seed_int


def _harvest(dsop: Dsop, service: str, slug: str, party: str | None = None, **period):
    found = []
    for account in dsop.accounts(service, slug, party=party, **period):
        reference = account["accountReference"]
        transactions, _ = dsop.all_transactions(service, slug, reference, **period)
        details = dsop.decrypt(
            dsop.bank_get(service, slug, f"/accounts/{reference}", **period), service
        )
        found.append({"account": account, "details": details, "transactions": transactions})
    return found


def test_shielded_person_gets_an_empty_complete_list(dsop: Dsop) -> None:
    dsop.admin("POST", "/registry/death", {"person": SHIELDED, "death_date": "2025-05-01"})

    answer = dsop.decrypt(
        dsop.bank_get("estate", "fjordbank", "/accounts", party=SHIELDED, first=date(2025, 2, 1)),
        "estate",
    )

    assert answer == {
        "responseDetails": {"status": "complete"},
        "accounts": [],
        "links": answer["links"],
    }


def test_guardianship_lists_only_accounts_the_guardian_may_use(dsop: Dsop) -> None:
    types = {
        a["type"]
        for slug in ("testdal", "fjordbank", "bergfjell")
        for a in dsop.accounts("guardianship", slug)
    }

    assert types
    assert types <= {"salaryAccount", "savingsAccount", "currencyAccount", "prepaidCardAccount"}


def test_guardianship_roles_list_ward_and_guardian(dsop: Dsop) -> None:
    account = dsop.accounts("guardianship", "testdal")[0]

    roles = dsop.decrypt(
        dsop.bank_get("guardianship", "testdal", f"/accounts/{account['accountReference']}/roles"),
        "guardianship",
    )["roles"]

    by_id = {role["identifier"]["value"]: role for role in roles}
    assert by_id[WARD]["permission"] == "rightToSeeOnly"
    assert by_id[GUARDIAN]["permission"] == "rightToUseAlone"
    assert by_id[GUARDIAN]["startDate"] >= "2021-03-01"


def test_guardianship_balance_is_booked_at_the_end_of_the_year(dsop: Dsop) -> None:
    account = dsop.accounts("guardianship", "testdal")[0]

    detail = dsop.decrypt(
        dsop.bank_get("guardianship", "testdal", f"/accounts/{account['accountReference']}"),
        "guardianship",
    )["account"]

    assert [b["type"] for b in detail["balances"]] == ["bookedBalance"]
    assert detail["balances"][0]["registered"].startswith("2024-12-31T23:59:59")


def test_guardianship_transactions_stay_in_the_year(dsop: Dsop) -> None:
    found = _harvest(dsop, "guardianship", "bergfjell")

    days = [t["bookingDate"][:10] for a in found for t in a["transactions"]]
    assert days and min(days) >= "2024-01-01" and max(days) <= "2024-12-31"


def test_estate_transactions_leave_out_the_fields_that_may_be_filtered(dsop: Dsop) -> None:
    found = _harvest(dsop, "estate", "innlandet")
    transactions = [t for a in found for t in a["transactions"]]

    assert transactions
    assert all("currencyExchange" not in t for t in transactions)
    parties = [p for t in transactions for p in t.get("counterParties", [])]
    assert parties and all(
        "accountIdentifier" not in p and "postalAddress" not in p for p in parties
    )
    assert all("identifier" in p for p in parties)


def test_estate_after_death_pension_arrives_and_cards_rest(dsop: Dsop) -> None:
    found = _harvest(dsop, "estate", "innlandet")
    transactions = [t for a in found for t in a["transactions"]]
    after = [t for t in transactions if (t.get("bookingDate") or "9")[:10] > "2025-04-22"]
    before = [t for t in transactions if (t.get("bookingDate") or "9")[:10] <= "2025-04-22"]

    assert any(t["transactionCode"]["freeText"] == "Pensjon" for t in after)
    assert any(t["transactionCode"]["freeText"] == "Avtalegiro" for t in after)
    cards_after = sum("paymentCard" in t for t in after)
    cards_before = sum("paymentCard" in t for t in before)
    assert cards_after * 10 < cards_before


def test_person_transactions_include_cash_reversals_and_pending_items(dsop: Dsop) -> None:
    person = "06825438198"
    dsop.admin("POST", "/registry/death", {"person": person, "death_date": str(TODAY)})
    main_bank = owner_banks(person)[seed_int("main-bank", person) % len(owner_banks(person))]
    transactions = [
        t
        for a in _harvest(dsop, "estate", main_bank.slug, first=date(2025, 3, 16), party=person)
        for t in a["transactions"]
    ]

    assert any(t["transactionCode"]["subFamily"] == "cashWithdrawal" for t in transactions)
    assert any(t["status"] == "pending" for t in transactions)
    pending = [t for t in transactions if t["status"] == "pending"]
    assert all("bookingDate" not in t for t in pending)
    assert all(t["registered"][:10] >= "2025-06-15" for t in pending)


def test_closed_account_has_no_balance_for_a_period_that_includes_the_closing(
    dsop: Dsop,
) -> None:
    owned = owner_banks(BANKRUPT)
    bank = owned[seed_int("deposit-bank", BANKRUPT) % len(owned)]
    accounts = dsop.accounts("bankruptcy", bank.slug)
    closed = [a for a in accounts if a["status"] == "deleted"]
    blocked = [a for a in accounts if a["status"] == "disabled"]
    assert closed and blocked

    detail = dsop.decrypt(
        dsop.bank_get("bankruptcy", bank.slug, f"/accounts/{closed[0]['accountReference']}"),
        "bankruptcy",
    )["account"]

    assert "balances" not in detail
    assert detail["endDate"] <= TODAY.isoformat()
    assert closed[0]["primaryOwner"]["endDate"] == detail["endDate"]


def test_balances_of_loans_and_credit_cards_are_debit(dsop: Dsop) -> None:
    details = []
    for slug in ("bergfjell", "fjordbank"):
        for account in dsop.accounts("estate", slug, party=DECEASED) + []:
            details.append(
                dsop.decrypt(
                    dsop.bank_get("estate", slug, f"/accounts/{account['accountReference']}"),
                    "estate",
                )["account"]
            )
    loans = [d for d in details if d["type"] in ("loanAccount", "creditCardAccount")]

    assert loans
    for detail in loans:
        booked = next(b for b in detail["balances"] if b["type"] == "bookedBalance")
        assert booked["creditDebitIndicator"] == "debit"
        if detail["type"] == "creditCardAccount":
            assert booked["creditLineAmount"] > 0


def test_past_period_gives_the_booked_balance_at_to_date(dsop: Dsop) -> None:
    account = dsop.accounts("estate", "innlandet", party=DECEASED)[0]
    reference = account["accountReference"]

    def booked(last: date) -> list[dict]:
        return dsop.decrypt(
            dsop.bank_get("estate", "innlandet", f"/accounts/{reference}", last=last), "estate"
        )["account"]["balances"]

    past = booked(date(2025, 5, 31))
    assert [b["type"] for b in past] == ["bookedBalance"]
    assert past == booked(date(2025, 5, 31))
