"""What an import leaves in the case: nothing when the file is refused; accounts with one
currency and balances in it; accounts filled from files counted as fetched."""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.domain.cases import new_bankruptcy
from app.domain.records import AccountRecord
from app.imports.into_case import CaseImport, ImportTargetError
from app.store.browse import case_overview
from app.store.cases import create_case
from app.store.models import Account, Balance, Bank, Source, Transaction
from app.store.writer import BankInfo, CaseWriter

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "camt"
NOW = datetime(2025, 6, 16, 10, tzinfo=UTC)
NEW_BANK = "999000002"
KNOWN_BANK = "999000029"
DNB_EXPORT = (
    "Dato;Forklaring;Rentedato;Ut fra konto;Inn på konto\n"
    "02.01.2025;Husleie;02.01.2025;9 800,00;\n"
    "03.01.2025;Lønn;03.01.2025;;35 000,00\n"
)


@pytest.fixture
def case_id(db) -> int:
    facts = new_bankruptcy(
        reference="K-7", debtor_id="999000010", ruling_date=date(2025, 5, 5), today=NOW.date()
    )
    case_id = create_case(db, facts, environment="sandbox", user="trustee")
    CaseWriter(db).upsert_banks(case_id, [BankInfo(KNOWN_BANK, "Fjordbank")])
    return case_id


def importer(db, case_id: int) -> CaseImport:
    return CaseImport(db, case_id, user="trustee", now=NOW)


def counts(db) -> tuple[int, int, int]:
    """(sources, banks, accounts) stored."""
    with db.session() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(table))
            for table in (Source, Bank, Account)
        )


def export(tmp_path: Path, text: str = DNB_EXPORT) -> Path:
    path = tmp_path / "dnb.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_statement_for_an_account_without_its_bank_leaves_no_source(db, case_id):
    before = counts(db)
    with pytest.raises(ImportTargetError, match="name its bank"):
        importer(db, case_id).import_file(SAMPLES / "genkgo__camt053.v2.minimal.xml")
    assert counts(db) == before == (0, 1, 0)


def test_a_bank_new_to_the_case_without_a_name_leaves_nothing(db, case_id, tmp_path):
    with pytest.raises(ImportTargetError) as refused:
        importer(db, case_id).import_file(
            export(tmp_path), bank_org=NEW_BANK, account_number="99901000014"
        )
    assert refused.value.needs == "bank_name"
    assert counts(db) == (0, 1, 0)


def test_an_export_whose_rows_name_other_accounts_than_the_one_given_leaves_no_source(
    db, case_id, tmp_path
):
    path = export(
        tmp_path,
        "Dato;Kontonummer;Forklaring;Beløp\n"
        "02.01.2025;9990.10.00014;Husleie;-9800,00\n"
        "03.01.2025;9990.10.00022;Lønn;35000,00\n",
    )
    with pytest.raises(ImportTargetError, match="name 2 accounts"):
        importer(db, case_id).import_file(path, bank_org=KNOWN_BANK, account_number="99901000014")
    assert counts(db) == (0, 1, 0)


def test_a_successful_import_after_a_refused_one_leaves_one_finished_source(db, case_id, tmp_path):
    with pytest.raises(ImportTargetError):
        importer(db, case_id).import_file(export(tmp_path), bank_org=KNOWN_BANK)
    importer(db, case_id).import_file(
        export(tmp_path), bank_org=KNOWN_BANK, account_number="99901000014"
    )
    with db.session() as session:
        [(label, status, finished)] = session.execute(
            select(Source.label, Source.status, Source.finished_at)
        ).all()
    assert (label, status) == ("dnb.csv", "complete") and finished is not None


def test_an_euro_statement_keeps_its_euro_balance_and_leaves_out_the_one_in_kronor(db, case_id):
    # The account (Acct/Ccy), its entry and its opening balance are in EUR; the closing
    # balance says SEK 27.00 debit, which cannot be a balance of a EUR account.
    result = importer(db, case_id).import_file(
        SAMPLES / "genkgo__camt053.v2.minimal.xml", bank_org=NEW_BANK, bank_name="X"
    )
    with db.session() as session:
        currency = session.scalar(select(Account.currency))
        balances = session.execute(
            select(Balance.kind, Balance.amount_minor, Balance.currency)
        ).all()
        overview = case_overview(session, case_id)
    assert currency == "EUR"
    assert balances == [("openingBalance", 1815, "EUR")]
    [account] = result.accounts
    assert "closing balance of 2014-12-31 is in SEK, not in the account's EUR" in account.message
    # no debt of -27 under EUR: the account has no booked balance in its currency
    assert [(t.currency, t.debts_end, t.assets_end) for t in overview.totals] == [("EUR", 0, 0)]


def test_a_statement_without_an_account_currency_takes_the_currency_of_its_entries(db, case_id):
    importer(db, case_id).import_file(
        SAMPLES / "genkgo__camt053.v4.xml", bank_org=NEW_BANK, bank_name="X"
    )
    with db.session() as session:
        currency = session.scalar(select(Account.currency))
        kinds = session.execute(select(Balance.kind, Balance.currency)).all()
    assert currency == "EUR"
    assert kinds == [("openingBalance", "EUR")]


def test_a_norwegian_export_without_a_currency_column_is_in_kroner(db, case_id, tmp_path):
    importer(db, case_id).import_file(
        export(tmp_path), bank_org=KNOWN_BANK, account_number="9990.10.00014"
    )
    with db.session() as session:
        currencies = session.execute(select(Transaction.currency, Transaction.amount_minor)).all()
        account_currency = session.scalar(select(Account.currency))
    assert sorted(currencies) == [("NOK", -980_000), ("NOK", 3_500_000)]
    assert account_currency == "NOK"


def test_an_export_without_a_currency_takes_the_currency_the_case_knows(db, case_id, tmp_path):
    writer = CaseWriter(db)
    with db.session() as session:
        bank = session.scalar(select(Bank.id))
    writer.upsert_account(case_id, bank, AccountRecord("99901000014", currency="EUR"), None)
    importer(db, case_id).import_file(
        export(tmp_path), bank_org=KNOWN_BANK, account_number="99901000014"
    )
    with db.session() as session:
        currencies = set(session.scalars(select(Transaction.currency)))
    assert currencies == {"EUR"}


def test_an_export_importing_again_after_the_currency_was_filled_adds_nothing(
    db, case_id, tmp_path
):
    path = export(tmp_path)
    first = importer(db, case_id).import_file(
        path, bank_org=KNOWN_BANK, account_number="99901000014"
    )
    again = importer(db, case_id).import_file(
        path, bank_org=KNOWN_BANK, account_number="99901000014"
    )
    assert (first.new, again.new) == (2, 0)


def test_an_account_filled_from_a_file_counts_as_fetched(db, case_id, tmp_path):
    writer = CaseWriter(db)
    with db.session() as session:
        bank = session.scalar(select(Bank.id))
    writer.upsert_account(case_id, bank, AccountRecord("99901000014"), None)  # API: listed
    importer(db, case_id).import_file(
        export(tmp_path), bank_org=KNOWN_BANK, account_number="99901000014"
    )
    importer(db, case_id).import_file(
        SAMPLES / "viafintech__053_valid_example.xml", bank_org=NEW_BANK, bank_name="X"
    )
    with db.session() as session:
        statuses = dict(session.execute(select(Account.account_number, Account.fetch_status)).all())
        overview = case_overview(session, case_id)
    assert statuses == {"99901000014": "complete", "DE14740618130000033626": "complete"}
    assert [m for m in overview.missing if m.kind == "account"] == []


def test_a_bank_added_from_a_file_is_marked_as_from_files_without_an_english_message(db, case_id):
    importer(db, case_id).import_file(
        SAMPLES / "viafintech__053_valid_example.xml", bank_org=NEW_BANK, bank_name="X"
    )
    with db.session() as session:
        status, message = session.execute(
            select(Bank.status, Bank.message).where(Bank.org_number == NEW_BANK)
        ).one()
    assert (status, message) == ("imported", None)


def test_an_account_whose_fetch_failed_keeps_its_status_after_a_file(db, case_id, tmp_path):
    writer = CaseWriter(db)
    with db.session() as session:
        bank = session.scalar(select(Bank.id))
    account = writer.upsert_account(case_id, bank, AccountRecord("99901000014"), None)
    writer.set_account(account, fetch_status="failed", message="timeout")
    importer(db, case_id).import_file(
        export(tmp_path), bank_org=KNOWN_BANK, account_number="99901000014"
    )
    with db.session() as session:
        assert session.scalar(select(Account.fetch_status)) == "failed"
