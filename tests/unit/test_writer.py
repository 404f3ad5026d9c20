"""The case writer stores each thing once, whatever is repeated."""

from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import func, select

from app.domain.cases import new_bankruptcy
from app.domain.records import AccountRecord, BalanceRecord, TransactionRecord, with_keys
from app.store.cases import create_case
from app.store.models import Account, Balance, Transaction
from app.store.writer import BankInfo, CaseWriter

TODAY = date(2025, 6, 16)


def make_case(db) -> int:
    facts = new_bankruptcy(
        reference="K-1", debtor_id="999000010", ruling_date=date(2025, 5, 5), today=TODAY
    )
    return create_case(db, facts, environment="sandbox", user="tester")


def payment(key, amount, day=date(2025, 1, 2), **extra):
    return TransactionRecord(
        key=key, booking_date=day, amount=Decimal(amount), currency="NOK", **extra
    )


def test_a_page_repeated_and_a_second_run_add_nothing(db):
    case_id = make_case(db)
    writer = CaseWriter(db)
    bank_id = writer.upsert_banks(case_id, [BankInfo("999000029", "Fjordbank")])["999000029"]
    account_id = writer.upsert_account(case_id, bank_id, AccountRecord("99901000014"), None)
    page = [payment("A", "-100.50"), payment("B", "2000"), payment("A", "-100.50")]

    assert writer.add_transactions(case_id, account_id, page) == 2
    assert writer.add_transactions(case_id, account_id, page) == 0
    with db.session() as session:
        amounts = session.scalars(select(Transaction.amount_minor).order_by(Transaction.key)).all()
    assert amounts == [-10050, 200000]


def test_two_equal_payments_without_ids_stay_two_and_reimport_adds_none(db):
    case_id = make_case(db)
    writer = CaseWriter(db)
    bank_id = writer.upsert_banks(case_id, [BankInfo("999000029", "Fjordbank")])["999000029"]
    account_id = writer.upsert_account(case_id, bank_id, AccountRecord("99901000014"), None)
    twice = [payment(None, "-250", message="Kino"), payment(None, "-250", message="Kino")]

    assert writer.add_transactions(case_id, account_id, list(with_keys(twice))) == 2
    assert writer.add_transactions(case_id, account_id, list(with_keys(twice))) == 0


def test_accounts_and_balances_are_refreshed_not_doubled(db):
    case_id = make_case(db)
    writer = CaseWriter(db)
    bank_id = writer.upsert_banks(case_id, [BankInfo("999000029", "Fjordbank")])["999000029"]
    first = writer.upsert_account(
        case_id, bank_id, AccountRecord("99901000014", type="businessAccount"), None
    )
    second = writer.upsert_account(
        case_id, bank_id, AccountRecord("99901000014", status="disabled"), None
    )
    booked = BalanceRecord(
        "bookedBalance",
        Decimal("-1234.56"),
        "NOK",
        TODAY,
        registered=datetime(2025, 6, 16, 8, tzinfo=UTC),
    )
    writer.upsert_balances(first, [booked])
    writer.upsert_balances(first, [BalanceRecord("bookedBalance", Decimal("10"), "NOK", TODAY)])

    assert first == second
    with db.session() as session:
        account = session.get(Account, first)
        assert (account.type, account.status) == ("businessAccount", "disabled")
        assert session.scalar(select(func.count(Balance.id))) == 1
        assert session.scalar(select(Balance.amount_minor)) == 1000


def test_bank_rows_are_upserted_per_case(db):
    case_id = make_case(db)
    writer = CaseWriter(db)
    first = writer.upsert_banks(case_id, [BankInfo("999000029", "Fjordbank")])
    again = writer.upsert_banks(
        case_id, [BankInfo("999000029", "Fjordbank ASA"), BankInfo("999000037", "Testdal")]
    )
    assert first["999000029"] == again["999000029"]
    assert len(again) == 2
