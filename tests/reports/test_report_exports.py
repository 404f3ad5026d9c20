"""Spreadsheet exports read back: real numbers and dates in XLSX, Norwegian CSV."""

from __future__ import annotations

import csv
from datetime import datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from report_support import REPORT_CLOCK

from app.reports.exports import (
    AMOUNT_FORMAT,
    DATE_FORMAT,
    export_summary_csv,
    export_summary_xlsx,
    export_transactions_csv,
    export_transactions_xlsx,
)
from app.store.audit_export import write_audit_csv


@pytest.fixture
def transactions_xlsx(db, bankruptcy, tmp_path):
    path = export_transactions_xlsx(
        db, bankruptcy.case_id, tmp_path / "t.xlsx", clock=REPORT_CLOCK, user="eksport.bruker"
    )
    return load_workbook(path)


def _rows(sheet) -> list[dict[str, object]]:
    rows = list(sheet.iter_rows())
    header = [cell.value for cell in rows[0]]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


def test_xlsx_transactions_are_number_and_date_cells(transactions_xlsx):
    sheet = transactions_xlsx["Transaksjoner"]
    rows = _rows(sheet)
    assert len(rows) == 10
    payment = next(r for r in rows if r["Transaksjons-id"].value == "B2")
    assert payment["Beløp"].value == pytest.approx(-12500.50)
    assert Decimal(str(payment["Beløp"].value)) == Decimal("-12500.5")
    assert payment["Beløp"].number_format == AMOUNT_FORMAT
    assert payment["Bokført dato"].value == datetime(2025, 2, 3)
    assert payment["Bokført dato"].number_format == DATE_FORMAT
    assert payment["Motpart"].value == "Łukasz Đorđević Transport"
    assert payment["Motpartens konto"].value == "8601.11.17947"
    assert payment["Kontonummer"].value == "1234.56.78903"
    card = next(r for r in rows if r["Transaksjons-id"].value == "C2")
    assert card["Opprinnelig beløp"].value == pytest.approx(39.90)
    assert card["Kurs"].value == pytest.approx(11.4481)
    flagged = {r["Transaksjons-id"].value for r in rows if r["Flagget"].value == "ja"}
    assert flagged == {"B3", "B4"}
    pending = next(r for r in rows if r["Transaksjons-id"].value == "B5")
    assert pending["Status"].value == "reservert"


def test_xlsx_has_a_frozen_header_an_autofilter_and_set_widths(transactions_xlsx):
    sheet = transactions_xlsx["Transaksjoner"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:V11"
    assert sheet.column_dimensions["A"].width == 26
    assert sheet["A1"].font.bold


def test_xlsx_says_what_it_is_and_that_it_is_confidential(transactions_xlsx):
    about = [tuple(c.value for c in row) for row in transactions_xlsx["Om eksporten"].iter_rows()]
    assert about[0][0] == "Fortrolig – taushetsbelagte opplysninger"
    assert ("SANDBOX – syntetiske testdata", None) in about
    assert ("Saksreferanse", "KONK-2025-0042") in about
    assert ("Eksportert", "16.06.2025 14:30 av eksport.bruker") in about
    assert ("Antall rader", 10) in about
    assert transactions_xlsx.properties.creator == "eksport.bruker"
    assert "Fortrolig" in transactions_xlsx.properties.keywords


def test_csv_is_semicolon_separated_utf8_with_bom_and_decimal_commas(db, bankruptcy, tmp_path):
    path = export_transactions_csv(db, bankruptcy.case_id, tmp_path / "t.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream, delimiter=";"))
    assert len(rows) == 10
    payment = next(r for r in rows if r["Transaksjons-id"] == "B2")
    assert payment["Beløp"] == "-12500,50"
    assert payment["Bokført dato"] == "03.02.2025"
    assert payment["Motpart"] == "Łukasz Đorđević Transport"
    card = next(r for r in rows if r["Transaksjons-id"] == "C2")
    assert card["Opprinnelig beløp"] == "39,90"
    assert card["Kurs"] == "11,4481"
    assert b"\r\n" in raw


def test_csv_headers_follow_the_language(db, bankruptcy, tmp_path):
    path = export_transactions_csv(db, bankruptcy.case_id, tmp_path / "t.csv", language="en")
    header = path.read_text(encoding="utf-8-sig").splitlines()[0].split(";")
    assert header[:3] == ["Bank", "Bank org. no.", "Account number"]


def test_the_summary_export_has_the_reports_figures(db, bankruptcy, tmp_path):
    book = load_workbook(
        export_summary_xlsx(db, bankruptcy.case_id, tmp_path / "s.xlsx", clock=REPORT_CLOCK)
    )
    figures = {row[0].value: row for row in book["Sammendrag"].iter_rows(min_row=2)}
    assert figures["Banker"][1].value == 3
    assert figures["Transaksjoner"][1].value == 10
    # The same sums as the PDF's summary (see test_case_report).
    assert figures["Eiendeler ved kjennelsesdato"][1].value == pytest.approx(20499.75)
    assert figures["Gjeld ved periodens slutt"][1].value == pytest.approx(-253456.78)
    assert figures["Gjeld ved periodens slutt"][1].number_format == AMOUNT_FORMAT
    assert figures["Ut (bokført)"][1].value == pytest.approx(-34957.28)
    banks = _rows(book["Banker"])
    assert [b["Svar"].value for b in banks] == ["delvis", "komplett", "krever digitalt brev"]
    assert banks[1]["Forespørsler"].value == 3
    accounts = _rows(book["Kontoer"])
    assert len(accounts) == 5
    business = next(a for a in accounts if a["Kontonummer"].value == "1234.56.78903")
    assert business["Saldo kjennelsesdato"].value == pytest.approx(12499.75)
    assert business["Kontostatus"].value == "Sperret"


def test_the_audit_export_lists_every_request_with_its_correlation_id(db, bankruptcy, tmp_path):
    path = tmp_path / "a.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        count = write_audit_csv(db, bankruptcy.case_id, stream)
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream, delimiter=";"))
    assert count == len(rows) == 4
    assert [r["correlation_id"][-1] for r in rows] == ["1", "2", "3", "1"]
    assert rows[1]["http_status"] == "503"
    assert rows[0]["time"] == "2025-06-16T11:01:00+02:00"


def test_exports_are_private_and_leave_no_part_files(db, bankruptcy, tmp_path):
    import stat

    paths = [
        export_transactions_xlsx(db, bankruptcy.case_id, tmp_path / "t.xlsx"),
        export_transactions_csv(db, bankruptcy.case_id, tmp_path / "t.csv"),
    ]
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in paths)
    assert not list(tmp_path.glob("*.part"))


FORMULAS = ["=1+2", "+47 1234", "-SUM(A1)", "@SUM(A1)", "\tTAB", "\rCR"]
FORMULA_BANK = '=HYPERLINK("http://x")'


@pytest.fixture
def formula_texts(db, bankruptcy) -> dict[str, str]:
    """Texts from an imported file that a spreadsheet would read as formulas, by key."""
    from sqlalchemy import select, update

    from app.store.models import Bank, Transaction

    with db.session() as session:
        keys = session.scalars(select(Transaction.key).order_by(Transaction.key)).all()
        texts = dict(zip(keys, FORMULAS, strict=False))
        for key, text in texts.items():
            session.execute(update(Transaction).where(Transaction.key == key).values(message=text))
        session.execute(update(Bank).values(name=FORMULA_BANK))
        session.commit()
    return texts


def test_xlsx_keeps_formula_like_texts_as_text(db, bankruptcy, formula_texts, tmp_path):
    path = export_transactions_xlsx(db, bankruptcy.case_id, tmp_path / "t.xlsx")

    rows = _rows(load_workbook(path)["Transaksjoner"])

    by_key = {r["Transaksjons-id"].value: r for r in rows}
    for key, text in formula_texts.items():
        assert by_key[key]["Melding"].data_type == "s"
        assert by_key[key]["Melding"].value == text.replace("\r", "\n")  # a cell's line break
    assert {r["Bank"].value for r in rows} == {FORMULA_BANK}
    assert all(r["Beløp"].data_type == "n" for r in rows)


def test_xlsx_summary_keeps_formula_like_texts_as_text(db, bankruptcy, formula_texts, tmp_path):
    path = export_summary_xlsx(db, bankruptcy.case_id, tmp_path / "s.xlsx")

    banks = _rows(load_workbook(path)["Banker"])

    assert [(b["Bank"].data_type, b["Bank"].value) for b in banks] == [("s", FORMULA_BANK)] * 3


def test_csv_prefixes_formula_like_texts_with_a_quote(db, bankruptcy, formula_texts, tmp_path):
    path = export_transactions_csv(db, bankruptcy.case_id, tmp_path / "t.csv")

    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = {r["Transaksjons-id"]: r for r in csv.DictReader(stream, delimiter=";")}

    for key, text in formula_texts.items():
        assert rows[key]["Melding"] == "'" + text
        assert rows[key]["Bank"] == "'" + FORMULA_BANK
    assert rows["B2"]["Beløp"] == "-12500,50"  # a number keeps its minus sign


def test_csv_summary_prefixes_formula_like_texts(db, bankruptcy, formula_texts, tmp_path):
    path = export_summary_csv(db, bankruptcy.case_id, tmp_path / "s.csv")

    text = path.read_text(encoding="utf-8-sig")

    assert f"'{FORMULA_BANK}".replace('"', '""') in text
    assert f";{FORMULA_BANK}" not in text
    assert "-253456,78" in text
