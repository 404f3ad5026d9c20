"""Reading the guardian's account: a CSV written the Norwegian way, and an XLSX written by the
template and filled in; errors name the file, line, column and rule."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.imports.errors import ImportFileError, MappingError, RowError, XlsxRowError
from app.imports.vergeregnskap import (
    DATA_SHEET,
    GUIDE_SHEET,
    HEADERS,
    read_report,
    write_template,
)

NORWEGIAN_CSV = (
    "Kontonummer;Bank;Post;Beløp;Merknad\r\n"
    "9990.00.33334;Fjordbank Syntetisk ASA;Inngående saldo;12 345,67;\r\n"
    "9990.00.33334;Fjordbank Syntetisk ASA;Utgående saldo;10\u00a0000,00;\r\n"
    "9990.00.33334;;Pensjon og trygd;240.000,00;Alderspensjon\r\n"
    "9990.00.33334;;Pensjon og trygd;1 200,50;Barnetrygd\r\n"
    "9990.00.33334;;Mat og dagligvarer;180 000;Butikk på Ørje\r\n"
    "9990.00.33334;;Klær;-;\r\n"
    "9990.00.33334;;Kontantuttak;;\r\n"
    ";;;;\r\n"
    "99900022227;Lillevik Fiktiv Sparebank;Inngående saldo;0;\r\n"
    "99900022227;Lillevik Fiktiv Sparebank;Utgående saldo;-1 500,25;Kredittkort, blå\r\n"
    "99900022227;Lillevik Fiktiv Sparebank;Gaver gitt;1 500,25;Julegave til barnebarn\r\n"
)


def cp1252_file(tmp_path: Path, text: str, name: str = "vergeregnskap.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("cp1252"))
    return path


def test_a_norwegian_csv_in_windows_1252_is_read():
    # "Klær" with "-" as amount is refused below; here it is left out
    text = NORWEGIAN_CSV.replace("9990.00.33334;;Klær;-;\r\n", "")
    report = read_report(text.encode("cp1252"), name="vergeregnskap.csv")

    assert report.encoding == "cp1252" and report.kind == "csv"
    first, second = report.accounts
    assert first.account_number == "99900033334"
    assert first.bank_name == "Fjordbank Syntetisk ASA"
    assert first.opening_minor == 1_234_567 and first.closing_minor == 1_000_000
    # 240 000,00 + 1 200,50 pension; 180 000 food; the empty cash row adds nothing
    assert first.amount_of("pension") == 24_120_050
    assert first.amount_of("food") == 18_000_000
    assert first.amount_of("cash") == 0
    assert [line.note for line in first.lines][:2] == ["Alderspensjon", "Barnetrygd"]
    assert first.lines[2].note == "Butikk på Ørje"
    assert second.closing_minor == -150_025
    assert second.lines[0].category == "gifts_given"
    assert second.lines[0].note == "Julegave til barnebarn"


def test_utf8_with_a_byte_order_mark_reads_the_same():
    text = NORWEGIAN_CSV.replace("9990.00.33334;;Klær;-;\r\n", "")
    from_bom = read_report(("\ufeff" + text).encode("utf-8"), name="a.csv")
    from_cp1252 = read_report(text.encode("cp1252"), name="a.csv")
    assert from_bom.accounts == from_cp1252.accounts


def test_a_bad_amount_names_the_file_line_column_and_rule(tmp_path):
    path = cp1252_file(tmp_path, NORWEGIAN_CSV)
    with pytest.raises(RowError) as caught:
        read_report(path)
    error = caught.value
    assert (error.file, error.line, error.column) == ("vergeregnskap.csv", 7, "Beløp")
    assert "is not an amount" in str(error)
    assert str(error).startswith("vergeregnskap.csv, line 7, column Beløp:")


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        ("99900011112;;Inngående saldo;1,00;", "Kontonummer", "check digit"),
        ("99900033334;;Lommepenger;1,00;", "Post", "categories"),
        ("99900033334;;Pensjon og trygd;-5,00;", "Beløp", "negative"),
        ("99900033334;;Inngående saldo;2,00;", "Post", "twice"),
    ],
)
def test_rule_breaking_rows_are_refused_where_they_stand(row, column, words):
    text = "Kontonummer;Bank;Post;Beløp\n99900033334;;Inngående saldo;1,00\n" + row + "\n"
    with pytest.raises(RowError) as caught:
        read_report(text.encode("cp1252"), name="v.csv")
    assert caught.value.line == 3 and caught.value.column == column
    assert words in str(caught.value)


def test_an_account_without_a_closing_balance_is_refused():
    text = "Kontonummer;Post;Beløp\n99900033334;Inngående saldo;1,00\n"
    with pytest.raises(RowError, match="Utgående saldo"):
        read_report(text.encode("utf-8"), name="v.csv")


def test_a_file_without_the_columns_is_refused():
    with pytest.raises(MappingError, match="Kontonummer"):
        read_report(b"Dato;Tekst;Bel\xf8p\n01.01.2024;x;1,00\n", name="bank.csv")


def test_the_xlsx_template_filled_in_reads_back(tmp_path):
    path = write_template(tmp_path / "vergeregnskap.xlsx")
    workbook = load_workbook(path)
    assert workbook.sheetnames == [DATA_SHEET, GUIDE_SHEET]
    sheet = workbook[DATA_SHEET]
    assert [c.value for c in sheet[1]] == list(HEADERS)
    guide = [row[0] for row in workbook[GUIDE_SHEET].iter_rows(values_only=True)]
    assert "Kontantuttak" in guide and "Inngående saldo" in guide
    rows = [
        ("9990.00.33334", "Fjordbank", "Inngående saldo", 12345.67, None),
        ("9990.00.33334", "Fjordbank", "Utgående saldo", Decimal("9876.54"), None),
        (99900033334, None, "Pensjon og trygd", 250000, "Uføretrygd"),
        ("9990.00.33334", None, "Bolig", "120 000,00", None),
        ("9990.00.33334", None, "Kontantuttak", 0.1 + 0.2, None),
    ]
    for index, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            sheet.cell(row=index, column=column, value=value)
    workbook.save(path)

    report = read_report(path)
    (account,) = report.accounts
    assert report.kind == "xlsx" and report.rows == 5
    assert account.opening_minor == 1_234_567 and account.closing_minor == 987_654
    assert account.amount_of("pension") == 25_000_000
    assert account.amount_of("housing") == 12_000_000
    assert account.amount_of("cash") == 30  # 0.1 + 0.2 as a float is 0,30 kr, not 0,3000…04
    assert account.lines[0].note == "Uføretrygd"


def test_an_error_in_a_spreadsheet_says_row(tmp_path):
    path = write_template(tmp_path / "v.xlsx")
    workbook = load_workbook(path)
    sheet = workbook[DATA_SHEET]
    for column, value in enumerate(("99900033334", "", "Inngående saldo", "ti kroner"), start=1):
        sheet.cell(row=2, column=column, value=value)
    workbook.save(path)
    with pytest.raises(XlsxRowError, match=r"v.xlsx, row 2, column Beløp"):
        read_report(path)


def test_the_csv_template_is_a_header_excel_opens_in_norway(tmp_path):
    path = write_template(tmp_path / "vergeregnskap.csv")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").strip() == ";".join(HEADERS)


def test_a_copy_saved_with_commas_is_refused_rather_than_read_without_its_ore():
    # Excel set to English saves the template with commas and leaves the decimal commas bare
    text = (
        "Kontonummer,Bank,Post,Beløp,Merknad\r\n"
        "99900033334,Fjordbank,Inngående saldo,96486,72,\r\n"
        "99900033334,Fjordbank,Utgående saldo,1000,00,\r\n"
    )
    with pytest.raises(RowError) as caught:
        read_report(text.encode("cp1252"), name="vergeregnskap.csv")
    assert str(caught.value).startswith(
        "vergeregnskap.csv, line 2: has 6 cells where the header names 5 columns"
    )


def test_an_amount_beyond_any_account_is_refused():
    text = NORWEGIAN_CSV.replace("12 345,67", "99999999999999999,99")
    with pytest.raises(RowError, match=r"line 2, column Beløp: .* is too large for an amount"):
        read_report(text.encode("cp1252"), name="vergeregnskap.csv")


def test_a_damaged_workbook_is_refused_by_name(tmp_path):
    template = tmp_path / "mal.xlsx"
    write_template(template)
    data = template.read_bytes()
    with pytest.raises(ImportFileError, match=r"^mal\.xlsx: is not a readable XLSX workbook"):
        read_report(data[: len(data) // 2], name="mal.xlsx")
