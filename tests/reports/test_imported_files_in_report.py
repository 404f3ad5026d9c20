"""A case filled from statement files and bank exports, as its report and summary export show
it: in the report's language, with only the imports that were made, the account's balance in
the account's currency, and the accounts the files filled counted as there."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from report_support import REPORT_CLOCK, all_text

from app.domain.cases import new_bankruptcy
from app.imports.into_case import CaseImport, ImportTargetError
from app.reports.exports import export_summary_csv
from app.store.cases import create_case
from app.store.writer import CaseWriter

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "camt"
NOW = datetime(2025, 6, 16, 10, tzinfo=UTC)
BANK = "999000002"


@pytest.fixture
def case_id(db) -> int:
    facts = new_bankruptcy(
        reference="K-8", debtor_id="999000010", ruling_date=date(2025, 5, 5), today=NOW.date()
    )
    return create_case(db, facts, environment="sandbox", user="trustee")


def import_sample(db, case_id: int, name: str, **where) -> None:
    CaseImport(db, case_id, user="trustee", now=NOW).import_file(SAMPLES / name, **where)


def report_text(write_report, case_id: int, language: str = "nb") -> str:
    return " ".join(all_text(write_report(case_id, language=language)))


def test_the_sources_list_the_import_made_and_not_the_one_refused(db, case_id, write_report):
    with pytest.raises(ImportTargetError):
        import_sample(db, case_id, "genkgo__camt052.v2.xml")  # no bank named for its account
    import_sample(db, case_id, "viafintech__053_valid_example.xml", bank_org=BANK, bank_name="X")

    text = report_text(write_report, case_id)

    sources = text[text.index("Hentinger og importer") :]
    assert "Filimport: viafintech__053_valid_example.xml, fullført. Startet" in sources
    assert "genkgo__camt052" not in text
    assert "ikke fullført" not in text and "ikke ferdig" not in text


def test_imported_balances_statuses_and_banks_read_in_bokmaal(db, case_id, write_report, tmp_path):
    import_sample(db, case_id, "viafintech__053_valid_example.xml", bank_org=BANK, bank_name="X")
    import_sample(db, case_id, "genkgo__camt053.v2.minimal.xml", bank_org=BANK)

    text = report_text(write_report, case_id)
    summary = export_summary_csv(db, case_id, tmp_path / "s.csv", clock=REPORT_CLOCK)
    exported = summary.read_text(encoding="utf-8-sig")

    assert "Inngående saldo 33,06 per 27.12.2013" in text  # PRCD of the viafintech file
    assert (
        "Filimport: genkgo__camt053.v2.minimal.xml, fullført, men saldoene i filen stemmer "
        "ikke med postene." in text
    )
    assert "Svar fra innleste filer" in text
    assert "X;999000002;fra innleste filer;;" in exported
    for english in ("openingBalance", "mismatch", "added from a file"):
        assert english not in text
        assert english not in exported


def test_a_bank_message_an_earlier_version_stored_in_english_reads_in_bokmaal(
    db, case_id, write_report, tmp_path
):
    import_sample(db, case_id, "viafintech__053_valid_example.xml", bank_org=BANK, bank_name="X")
    with db.session() as session:
        from app.store.imports import bank_in_case

        bank_id = bank_in_case(session, case_id, BANK)
    CaseWriter(db).set_bank(bank_id, status="complete", message="added from a file")

    text = report_text(write_report, case_id)
    exported = export_summary_csv(db, case_id, tmp_path / "s.csv").read_text(encoding="utf-8-sig")

    assert "Melding lagt til fra fil" in text
    assert "X;999000002;komplett;lagt til fra fil;" in exported
    assert "added from a file" in report_text(write_report, case_id, language="en")


def test_a_euro_statement_shows_its_balance_in_euro_and_no_debt_from_kronor(
    db, case_id, write_report
):
    # genkgo's statement: account, entry and opening balance in EUR, a closing balance in SEK
    import_sample(db, case_id, "genkgo__camt053.v2.minimal.xml", bank_org=BANK, bank_name="X")

    text = report_text(write_report, case_id)

    assert "Valuta EUR" in text
    assert "Saldoer fra banken Inngående saldo 18,15 per 30.12.2014" in text
    assert "Bokført saldo" not in text and "SEK" not in text
    assert "Gjeld (EUR) 0,00 0,00" in text
    assert "Kontoer uten kjent saldo, ikke med i summene: 1." in text


def test_accounts_filled_from_files_are_not_missing(db, case_id, write_report):
    import_sample(db, case_id, "viafintech__053_valid_example.xml", bank_org=BANK, bank_name="X")
    import_sample(db, case_id, "genkgo__camt053.v4.xml", bank_org=BANK)

    text = report_text(write_report, case_id)

    assert "Dette mangler Alle banker og kontoer svarte fullstendig." in text
    assert "bare listet" not in text
