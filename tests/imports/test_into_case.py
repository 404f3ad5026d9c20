"""Files into a case: every sample stored with its source, nothing twice, API data reconciled."""

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.domain.cases import new_bankruptcy
from app.domain.records import AccountRecord, TransactionRecord
from app.imports.into_case import CaseImport, ImportTargetError, account_number_of
from app.store import letters
from app.store.cases import create_case
from app.store.models import Balance, Bank, Case, Source, Transaction
from app.store.writer import BankInfo, CaseWriter
from tests.conftest import AROUND_A_PERIOD

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "camt"
NOW = datetime(2025, 6, 16, 10, tzinfo=UTC)
LETTER_BANK = "999000126"


@pytest.fixture
def case(db):
    facts = new_bankruptcy(
        reference="K-9", debtor_id="999000010", ruling_date=date(2025, 5, 5), today=NOW.date()
    )
    case_id = create_case(db, facts, environment="sandbox", user="trustee")
    writer = CaseWriter(db)
    banks = writer.upsert_banks(
        case_id,
        [BankInfo(LETTER_BANK, "Syntetisk Sparebank Nord"), BankInfo("999000029", "Fjordbank")],
    )
    writer.set_bank(banks[LETTER_BANK], status="letter_needed")
    return case_id, banks


def importer(db, case_id):
    return CaseImport(db, case_id, user="trustee", now=NOW)


# (file, records, sum of amounts, balance check): the figures worked out by hand from each
# file in tests/imports/test_camt_samples.py
EXPECTED = [
    ("viafintech__053_valid_example.xml", 5, Decimal("-10.00"), "ok"),
    ("genkgo__camt052.v2.xml", 1, Decimal("-200000"), "not checked"),
    ("genkgo__camt054.v2.xml", 1, Decimal("-200000"), "not checked"),
    ("genkgo__camt053.v8.xml", 1, Decimal("8.85"), "mismatch"),
]


@pytest.mark.parametrize(("name", "records", "total", "check"), EXPECTED)
def test_each_sample_is_stored_with_its_source(db, case, name, records, total, check):
    case_id, banks = case
    result = importer(db, case_id).import_file(SAMPLES / name, bank_org=LETTER_BANK)
    assert (result.records, result.new, result.balance_check) == (records, records, check)
    with db.session() as session:
        stored = session.scalar(
            select(func.sum(Transaction.amount_minor)).where(Transaction.case_id == case_id)
        )
        source = session.scalars(select(Source).where(Source.kind == "file")).one()
        bank_status = session.scalar(select(Bank.status).where(Bank.id == banks[LETTER_BANK]))
    assert Decimal(stored) / 100 == total
    assert source.label == name and len(source.file_hash) == 64 and source.user == "trustee"
    assert source.status == ("mismatch" if check == "mismatch" else "complete")
    if check == "mismatch":
        assert "closing" in source.message.lower() or "balance" in source.message.lower()
    assert bank_status == "imported"


def test_the_same_file_twice_adds_nothing(db, case):
    case_id, _ = case
    path = SAMPLES / "viafintech__053_valid_example.xml"
    first = importer(db, case_id).import_file(path, bank_org=LETTER_BANK)
    again = importer(db, case_id).import_file(path, bank_org=LETTER_BANK)
    assert (first.new, again.new, again.records) == (5, 0, 5)
    assert again.already_imported


def test_the_closing_balance_becomes_the_accounts_booked_balance(db, case):
    case_id, _ = case
    importer(db, case_id).import_file(
        SAMPLES / "viafintech__053_valid_example.xml", bank_org=LETTER_BANK
    )
    with db.session() as session:
        kinds = dict(session.execute(select(Balance.kind, Balance.amount_minor)).all())
    assert kinds["bookedBalance"] == 2306  # CLBD 23.06 in the file
    assert kinds["openingBalance"] == 3306  # OPBD 33.06


def test_an_account_not_in_the_case_needs_its_bank(db, case):
    case_id, _ = case
    with pytest.raises(ImportTargetError, match="name its bank"):
        importer(db, case_id).import_file(SAMPLES / "genkgo__camt052.v2.xml")


def test_a_letter_bank_is_marked_imported(db, case):
    case_id, banks = case
    with db.session() as session:
        letter_id = letters.draft(session, case_id, banks[LETTER_BANK], user="t", now=NOW)
        letters.mark_sent(session, letter_id, now=NOW)
    importer(db, case_id).import_file(SAMPLES / "genkgo__camt054.v2.xml", bank_org=LETTER_BANK)
    with db.session() as session:
        [row] = letters.letter_rows(session, case_id, NOW.date())
    assert row.status == "imported"


CSV = (
    "Dato;Forklaring;Rentedato;Ut fra konto;Inn på konto\n"
    "02.01.2025;Husleie;02.01.2025;9 800,00;\n"
    "03.01.2025;Lønn;03.01.2025;;35 000,00\n"
    "04.01.2025;Kino;04.01.2025;250,00;\n"
    "04.01.2025;Kino;04.01.2025;250,00;\n"
)


def test_a_bank_export_is_reconciled_with_the_same_days_from_the_api(db, case, tmp_path):
    case_id, banks = case
    writer = CaseWriter(db)
    account = writer.upsert_account(case_id, banks["999000029"], AccountRecord("99901000014"), None)
    api = writer.start_source(case_id, kind="api", label="sandbox", user="t")
    writer.add_transactions(
        case_id,
        account,
        [
            TransactionRecord(
                key="API-1", booking_date=date(2025, 1, 2), amount=Decimal("-9800"), currency="NOK"
            ),
            TransactionRecord(
                key="API-2", booking_date=date(2025, 1, 4), amount=Decimal("-250"), currency="NOK"
            ),
        ],
        api,
    )
    export = tmp_path / "dnb.csv"
    export.write_bytes(CSV.encode("cp1252"))

    result = importer(db, case_id).import_file(
        export, bank_org="999000029", account_number="9990.10.00014"
    )
    # 4 rows: the rent and one cinema ticket were already there from the API
    assert (result.records, result.new) == (4, 2)
    again = importer(db, case_id).import_file(
        export, bank_org="999000029", account_number="99901000014"
    )
    assert again.new == 0
    with db.session() as session:
        amounts = sorted(
            session.scalars(
                select(Transaction.amount_minor).where(Transaction.account_id == account)
            )
        )
    assert amounts == [-980_000, -25_000, -25_000, 3_500_000]


def test_a_bank_export_without_an_account_is_refused(db, case, tmp_path):
    case_id, _ = case
    export = tmp_path / "x.csv"
    export.write_text(CSV, encoding="utf-8")
    with pytest.raises(ImportTargetError, match="account number"):
        importer(db, case_id).import_file(export, bank_org="999000029")


def test_norwegian_ibans_become_account_numbers():
    assert account_number_of("NO93 8601 1117 947") == "86011117947"
    assert account_number_of("NL77ABNA0574908765") == "NL77ABNA0574908765"


def test_records_outside_the_case_period_are_kept_and_counted(db, case, tmp_path):
    case_id, _ = case  # ruling date 05.05.2025: the period is 05.05.2024 to 16.06.2025
    export = tmp_path / "old.csv"
    export.write_text(AROUND_A_PERIOD, encoding="utf-8")
    result = importer(db, case_id).import_file(
        export, bank_org="999000029", account_number="99901000014"
    )
    assert (result.records, result.new, result.outside_period) == (3, 3, 1)
    assert result.line().endswith("outside_period=1")
    with db.session() as session:  # the case's period is widened only within its own
        case_row = session.get(Case, case_id)
        assert (case_row.period_start, case_row.period_end) == (date(2024, 5, 5), date(2025, 6, 16))
    # a file wholly before the period leaves it as it was
    export.write_text(AROUND_A_PERIOD.splitlines()[0] + "\n01.01.2013;Gammel;01.01.2013;5,00;\n")
    importer(db, case_id).import_file(export, bank_org="999000029", account_number="99901000014")
    with db.session() as session:
        case_row = session.get(Case, case_id)
        assert (case_row.period_start, case_row.period_end) == (date(2024, 5, 5), date(2025, 6, 16))


def test_a_bank_export_over_the_days_of_a_camt_statement_adds_only_what_it_lacked(
    db, case, tmp_path
):
    case_id, banks = case
    writer = CaseWriter(db)
    account = writer.upsert_account(case_id, banks["999000029"], AccountRecord("99901000014"), None)
    statement = writer.start_source(case_id, kind="file", label="statement.xml", user="t")
    day = date(2025, 1, 2)
    booked = [
        ("camt:A1", "-2.00"),
        ("camt:A2", "-3.00"),
        ("camt:A3", "1.00"),
        ("camt:A4/1", "-3.50"),
    ]
    writer.add_transactions(
        case_id,
        account,
        [
            TransactionRecord(key=key, booking_date=day, amount=Decimal(amount), currency="NOK")
            for key, amount in booked
        ],
        statement,
    )
    export = tmp_path / "export.csv"
    export.write_text(
        "Dato;Forklaring;Rentedato;Ut fra konto;Inn på konto\n"
        "02.01.2025;Overføring;02.01.2025;2,00;\n"
        "02.01.2025;Overføring;02.01.2025;3,00;\n"
        "02.01.2025;Tilbakeføring;02.01.2025;;1,00\n"
        "02.01.2025;Samlebetaling;02.01.2025;3,50;\n"
        "02.01.2025;En til på to kroner;02.01.2025;2,00;\n"
        "03.01.2025;Dagen etter;03.01.2025;7,00;\n",
        encoding="utf-8",
    )

    first = importer(db, case_id).import_file(
        export, bank_org="999000029", account_number="99901000014"
    )
    again = importer(db, case_id).import_file(
        export, bank_org="999000029", account_number="99901000014"
    )

    # four rows are the statement's four; the second payment of 2,00 and the next day are new
    assert (first.records, first.new, again.new) == (6, 2, 0)
    with db.session() as session:
        amounts = sorted(session.scalars(select(Transaction.amount_minor)))
    assert amounts == [-700, -350, -300, -200, -200, 100]


def test_keys_of_one_family_are_exact_so_a_later_report_of_the_day_is_not_matched(db, case):
    case_id, banks = case
    writer = CaseWriter(db)
    account = writer.upsert_account(case_id, banks["999000029"], AccountRecord("99901000014"), None)
    day = date(2025, 1, 2)
    for number in (1, 2):  # two intraday reports, each listing only its new entry of 100,00
        source = writer.start_source(case_id, kind="file", label=f"camt052-{number}", user="t")
        record = TransactionRecord(
            key=f"camt:REF{number}", booking_date=day, amount=Decimal("100"), currency="NOK"
        )
        assert (
            writer.add_transactions(case_id, account, [record], source, reconcile_with="any") == 1
        )
    fingerprinted = TransactionRecord(
        key="fp:abc#1", booking_date=day, amount=Decimal("100"), currency="NOK"
    )
    source = writer.start_source(case_id, kind="file", label="export.csv", user="t")
    # a fingerprinted row of the same day and amount is one of the two seen again
    assert (
        writer.add_transactions(case_id, account, [fingerprinted], source, reconcile_with="any")
        == 0
    )


def test_fingerprints_of_two_formats_are_matched_but_a_file_keeps_its_own_rows(db, case):
    case_id, banks = case
    writer = CaseWriter(db)
    account = writer.upsert_account(case_id, banks["999000029"], AccountRecord("99901000014"), None)
    day = date(2025, 1, 2)

    def fingerprinted(key: str, amount: str) -> TransactionRecord:
        return TransactionRecord(key=key, booking_date=day, amount=Decimal(amount), currency="NOK")

    statement = writer.start_source(case_id, kind="file", label="statement.xml", user="t")
    stored = [fingerprinted("fp:camt-text#1", "-45"), fingerprinted("fp:other#1", "-99")]
    assert writer.add_transactions(case_id, account, stored, statement, reconcile_with="any") == 2
    export = writer.start_source(case_id, kind="file", label="export.csv", user="t")
    # the export words the coffee differently, and has a second one the statement lacked
    records = [fingerprinted("fp:csv-text#1", "-45"), fingerprinted("fp:csv-text#2", "-45")]
    assert writer.add_transactions(case_id, account, records, export, reconcile_with="any") == 1
    later = writer.start_source(case_id, kind="file", label="export-later.csv", user="t")
    # the same export made later: both coffees are known by key, the third is new
    records.append(fingerprinted("fp:csv-text#3", "-45"))
    assert writer.add_transactions(case_id, account, records, later, reconcile_with="any") == 1


def test_an_export_of_several_accounts_files_each_row_under_its_own(db, case, tmp_path):
    from app.reports.exports import export_transactions_csv

    case_id, banks = case
    writer = CaseWriter(db)
    api = writer.start_source(case_id, kind="api", label="sandbox", user="t")
    first = writer.upsert_account(case_id, banks["999000029"], AccountRecord("99901000014"), None)
    second = writer.upsert_account(case_id, banks["999000029"], AccountRecord("99901000022"), None)
    day = date(2025, 1, 2)
    writer.add_transactions(
        case_id,
        first,
        [
            TransactionRecord(key="A-1", booking_date=day, amount=Decimal("-100"), currency="NOK"),
            TransactionRecord(
                key="A-2", booking_date=None, amount=Decimal("-7"), currency="NOK", status="pending"
            ),
        ],
        api,
    )
    writer.add_transactions(
        case_id,
        second,
        [TransactionRecord(key="B-1", booking_date=day, amount=Decimal("250"), currency="NOK")],
        api,
    )
    export = export_transactions_csv(db, case_id, tmp_path / "all.csv")

    with pytest.raises(ImportTargetError, match="name 2 accounts"):
        importer(db, case_id).import_file(
            export, bank_org="999000029", account_number="99901000014"
        )
    back = importer(db, case_id).import_file(export, bank_org="999000029")

    # the reservation has no booking date and is left out; the two bookings are already there
    assert sorted((a.account_number, a.records, a.new) for a in back.accounts) == [
        ("99901000014", 1, 0),
        ("99901000022", 1, 0),
    ]
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Transaction)) == 3


def test_a_statement_goes_only_to_the_account_it_names(db, case):
    case_id, banks = case
    with pytest.raises(ImportTargetError, match=r"is for account DE14740618130000033626, not for"):
        importer(db, case_id).import_file(
            SAMPLES / "viafintech__053_valid_example.xml",
            bank_org=LETTER_BANK,
            account_number="9990.10.00014",
        )
    with db.session() as session:
        assert session.scalar(select(func.count(Transaction.id))) == 0
        assert session.scalar(select(func.count(Source.id))) == 0
    # naming the account the statement names is allowed
    result = importer(db, case_id).import_file(
        SAMPLES / "viafintech__053_valid_example.xml",
        bank_org=LETTER_BANK,
        account_number="DE14740618130000033626",
    )
    assert result.new == 5


def test_an_account_in_the_case_stays_with_its_bank(db, case):
    case_id, banks = case
    importer(db, case_id).import_file(
        SAMPLES / "viafintech__053_valid_example.xml", bank_org=LETTER_BANK
    )
    with pytest.raises(
        ImportTargetError, match=r"is in the case under bank 999000126, not 999000029"
    ):
        importer(db, case_id).import_file(
            SAMPLES / "viafintech__053_valid_example.xml", bank_org="999000029"
        )
    with db.session() as session:
        assert session.scalar(select(func.count(Transaction.id))) == 5


def test_a_bank_remembers_one_export_layout_without_refusing_another(db, case, tmp_path):
    from app.imports.tabular import ColumnMapping

    case_id, _ = case
    odd = tmp_path / "odd.csv"
    odd.write_text("Når;Hva;Sum kr\n02.01.2025;Husleie;-9800,00\n", encoding="utf-8")
    plain = tmp_path / "plain.csv"
    plain.write_text("Dato;Tekst;Beløp\n03.01.2025;Kiosk;-35,00\n", encoding="utf-8")
    given = ColumnMapping(booking_date="Når", text="Hva", amount="Sum kr")
    first = importer(db, case_id).import_file(
        odd, bank_org="999000029", account_number="99901000014", mapping=given
    )
    assert first.new == 1

    # the remembered mapping names columns this export lacks: its own are detected
    second = importer(db, case_id).import_file(
        plain, bank_org="999000029", account_number="99901000014"
    )
    assert second.new == 1
    # the bank now remembers the plain layout, and the odd one is still read
    odd.write_text("Når;Hva;Sum kr\n05.01.2025;Strøm;-1200,00\n", encoding="utf-8")
    third = importer(db, case_id).import_file(
        odd, bank_org="999000029", account_number="99901000014"
    )
    assert third.new == 1
    with db.session() as session:
        amounts = sorted(session.scalars(select(Transaction.amount_minor)))
    assert amounts == [-980_000, -120_000, -3_500]
