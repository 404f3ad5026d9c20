"""Bank CSV and XLSX exports: encodings, delimiters, number and date formats, mappings, rows."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.domain.records import with_keys
from app.imports.errors import (
    AmountFormatError,
    DateFormatError,
    MappingError,
    RowError,
    UnsupportedEncodingError,
    UnsupportedTableError,
    XlsxRowError,
)
from app.imports.tabular import (
    ColumnMapping,
    cell_amount,
    decode_text,
    detect_delimiter,
    detect_encoding,
    detect_mapping,
    open_table,
    parse_amount,
    parse_date,
    preview,
    read_table,
)

# The same three logical rows in every variant below: 2 January 1 234,50 out at Rema 1000,
# 3 January 25 000,00 in as salary, 4 January 0,99 out in fees.
AMOUNTS = [Decimal("-1234.50"), Decimal("25000.00"), Decimal("-0.99")]
DATES = [date(2024, 1, 2), date(2024, 1, 3), date(2024, 1, 4)]
TEXTS = ["Varekjøp Rema 1000 Bærum", "Lønn fra Ærlig Arbeid AS", "Gebyr"]


def amounts(data: bytes, mapping: ColumnMapping | None = None) -> list[Decimal]:
    return [r.amount for r in read_table(data, mapping, name="export.csv")]


VARIANTS = {
    "semicolon, comma decimals, signed": (
        "Bokføringsdato;Beløp;Tittel\n"
        "02.01.2024;-1234,50;Varekjøp Rema 1000 Bærum\n"
        "03.01.2024;25000,00;Lønn fra Ærlig Arbeid AS\n"
        "04.01.2024;-0,99;Gebyr\n"
    ),
    "comma delimiter, quoted fields": (
        'Date,Description,Amount\n"02.01.2024","Varekjøp Rema 1000 Bærum","-1 234,50"\n'
        '"03.01.2024","Lønn fra Ærlig Arbeid AS","25 000,00"\n"04.01.2024","Gebyr","-0,99"\n'
    ),
    "tab delimiter, thousands with space": (
        "Dato\tForklaring\tBeløp\n02.01.2024\tVarekjøp Rema 1000 Bærum\t-1 234,50\n"
        "03.01.2024\tLønn fra Ærlig Arbeid AS\t25 000,00\n04.01.2024\tGebyr\t-0,99\n"
    ),
    "thousands with no-break space": (
        "Dato;Forklaring;Beløp\n02.01.2024;Varekjøp Rema 1000 Bærum;-1\u00a0234,50\n"
        "03.01.2024;Lønn fra Ærlig Arbeid AS;25\u00a0000,00\n04.01.2024;Gebyr;-0,99\n"
    ),
    "thousands with narrow no-break space, trailing minus": (
        "Dato;Forklaring;Beløp\n02.01.2024;Varekjøp Rema 1000 Bærum;1\u202f234,50-\n"
        "03.01.2024;Lønn fra Ærlig Arbeid AS;25\u202f000,00\n04.01.2024;Gebyr;0,99-\n"
    ),
    "thousands with point, parentheses": (
        "Dato;Forklaring;Beløp\n02.01.2024;Varekjøp Rema 1000 Bærum;(1.234,50)\n"
        "03.01.2024;Lønn fra Ærlig Arbeid AS;25.000,00\n04.01.2024;Gebyr;(0,99)\n"
    ),
    "plain points, ISO dates": (
        "Date,Description,Amount\n2024-01-02,Varekjøp Rema 1000 Bærum,-1234.50\n"
        "2024-01-03,Lønn fra Ærlig Arbeid AS,25000.00\n2024-01-04,Gebyr,-0.99\n"
    ),
    "DNB: separate out and in columns": (
        '"Dato";"Forklaring";"Rentedato";"Ut fra konto";"Inn på konto"\n'
        '"02.01.2024";"Varekjøp Rema 1000 Bærum";"02.01.2024";"1 234,50";""\n'
        '"03.01.2024";"Lønn fra Ærlig Arbeid AS";"03.01.2024";"";"25 000,00"\n'
        '"04.01.2024";"Gebyr";"04.01.2024";"0,99";""\n'
    ),
    "DNB: Uttak fra konto and Innskudd på konto": (
        "Dato;Forklaring;Rentedato;Uttak fra konto;Innskudd på konto\n"
        "02.01.2024;Varekjøp Rema 1000 Bærum;02.01.2024;1234,50;\n"
        "03.01.2024;Lønn fra Ærlig Arbeid AS;03.01.2024;;25000,00\n"
        "04.01.2024;Gebyr;04.01.2024;0,99;\n"
    ),
    "SpareBank 1: Inn and Ut, two-digit years": (
        "Dato;Beskrivelse;Rentedato;Inn;Ut;Til konto;Fra konto\n"
        "02.01.24;Varekjøp Rema 1000 Bærum;02.01.24;;-1234,50;;\n"
        "03.01.24;Lønn fra Ærlig Arbeid AS;03.01.24;25000,00;;;\n"
        "04.01.24;Gebyr;04.01.24;;-0,99;;\n"
    ),
    "Sbanken: tab, capitals, Beløp inn/ut": (
        "BOKFØRINGSDATO\tRENTEDATO\tARKIVREFERANSE\tTYPE\tTEKST\tBELØP UT\tBELØP INN\n"
        "02.01.2024\t02.01.2024\t111\tVARER\tVarekjøp Rema 1000 Bærum\t1234,50\t\n"
        "03.01.2024\t03.01.2024\t222\tLØNN\tLønn fra Ærlig Arbeid AS\t\t25000,00\n"
        "04.01.2024\t04.01.2024\t333\tGEBYR\tGebyr\t0,99\t\n"
    ),
}


ENCODED = [
    (variant, encoding)
    for variant in sorted(VARIANTS)
    for encoding in ("utf-8", "utf-8-sig", "cp1252")
    if not (encoding == "cp1252" and "\u202f" in VARIANTS[variant])  # not in Windows-1252
]


@pytest.mark.parametrize(("variant", "encoding"), ENCODED)
def test_every_variant_yields_the_same_rows(variant: str, encoding: str) -> None:
    data = VARIANTS[variant].encode(encoding)

    records = list(read_table(data, name="export.csv"))

    assert [r.amount for r in records] == AMOUNTS
    assert [r.booking_date for r in records] == DATES
    assert [r.message for r in records] == TEXTS
    assert all(r.key is None and r.status == "booked" for r in records)


@pytest.mark.parametrize(
    ("encoding", "detected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp1252", "cp1252")],
)
def test_encoding_is_detected_and_told(encoding: str, detected: str) -> None:
    data = VARIANTS["DNB: separate out and in columns"].encode(encoding)

    assert detect_encoding(data) == detected
    text, used = decode_text(data)
    assert used == detected
    assert "Inn på konto" in text
    assert open_table(data).encoding == detected


def test_utf16_and_undecodable_bytes_are_refused() -> None:
    with pytest.raises(UnsupportedEncodingError, match="UTF-16"):
        detect_encoding("Dato;Beløp\n".encode("utf-16"), name="u16.csv")
    with pytest.raises(UnsupportedEncodingError, match=r"^bad\.csv, line 2: is neither"):
        detect_encoding(b"Dato;Bel\xf8p\n01.01.2024;\x81\n", name="bad.csv")


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("a;b;c\n1;2,50;3\n", ";"),
        ('a,b,c\n1,"2,50",3\n', ","),
        ("a\tb\tc\n1\t2,50\t3\n", "\t"),
        ("Konto: 1234.56.78903\nPeriode: januar\nDato;Tekst;Beløp\n1;2;3\n4;5;6\n", ";"),
    ],
)
def test_delimiter_detection(text: str, delimiter: str) -> None:
    assert detect_delimiter(text) == delimiter


def test_header_after_preamble_lines_is_found() -> None:
    data = (
        "Kontoutskrift for 1234.56.78903\n\n"
        "Dato;Forklaring;Beløp\n02.01.2024;Kaffe;-45,00\n03.01.2024;Renter;1,20\n"
    ).encode()

    table = open_table(data)
    records = list(read_table(data, name="x.csv"))

    assert table.header_line == 3
    assert [r.amount for r in records] == [Decimal("-45.00"), Decimal("1.20")]


# -- mapping -------------------------------------------------------------------------------


def test_detects_dnb_headers() -> None:
    mapping = detect_mapping(["Dato", "Forklaring", "Rentedato", "Ut fra konto", "Inn på konto"])

    assert mapping.columns() == {
        "booking_date": "Dato",
        "text": "Forklaring",
        "value_date": "Rentedato",
        "amount_out": "Ut fra konto",
        "amount_in": "Inn på konto",
    }
    assert mapping.missing_roles() == []


def test_detects_nordea_headers_and_comma_decimals() -> None:
    headers = [
        "Bokføringsdato",
        "Beløp",
        "Avsender",
        "Mottaker",
        "Navn",
        "Tittel",
        "Valuta",
        "Betalingstype",
    ]
    rows = [["2024/01/02", "-1234,50", "", "", "Rema", "Varer", "NOK", "Varekjøp"]]

    mapping = detect_mapping(headers, rows)

    assert mapping.columns() == {
        "booking_date": "Bokføringsdato",
        "amount": "Beløp",
        "from_account": "Avsender",
        "to_account": "Mottaker",
        "counterparty": "Navn",
        "text": "Tittel",
        "currency": "Valuta",
        "transaction_type": "Betalingstype",
    }
    assert mapping.decimal_separator == ","


def test_detects_sbanken_style_headers() -> None:
    headers = ["Bokført dato", "Beskrivelse", "Arkivref.", "Type", "Beløp", "Saldo", "Valuta"]

    mapping = detect_mapping(headers)

    assert mapping.booking_date == "Bokført dato"
    assert mapping.archive_reference == "Arkivref."
    assert mapping.transaction_type == "Type"
    assert mapping.balance == "Saldo"
    assert mapping.missing_roles() == []


def test_reports_the_required_roles_it_cannot_find() -> None:
    assert detect_mapping(["Tekst", "Kategori"]).missing_roles() == ["booking_date", "amount"]
    assert detect_mapping(["Dato", "Inn"]).missing_roles() == ["amount_out"]


def test_unknown_headers_are_mapped_from_their_content() -> None:
    mapping = detect_mapping(["Når", "Hva", "Hvor mye"], [["02.01.2024", "Kaffe", "-45,00"]])

    assert (mapping.booking_date, mapping.amount) == ("Når", "Hvor mye")
    assert mapping.missing_roles() == []


def test_mapping_round_trips_through_json() -> None:
    mapping = detect_mapping(["Dato", "Forklaring", "Beløp"], [["01.01.2024", "x", "1,00"]])
    mapping.default_currency = "NOK"
    mapping.header_line = 3

    again = ColumnMapping.from_dict(json.loads(json.dumps(mapping.to_dict())))

    assert again == mapping


def test_mapping_from_dict_ignores_unknown_keys_and_checks_types() -> None:
    assert ColumnMapping.from_dict({"booking_date": "Dato", "later": 1}).booking_date == "Dato"
    with pytest.raises(ValueError, match="header_line"):
        ColumnMapping.from_dict({"header_line": "3"})
    with pytest.raises(ValueError, match="decimal_separator"):
        ColumnMapping.from_dict({"decimal_separator": ";"})


def test_user_mapping_with_a_column_the_file_lacks_is_refused() -> None:
    data = VARIANTS["semicolon, comma decimals, signed"].encode()
    mapping = ColumnMapping(booking_date="Dato", amount="Beløp")

    with pytest.raises(MappingError, match=r"export\.csv, line 1: has no column 'Dato'"):
        list(read_table(data, mapping, name="export.csv"))


def test_unmapped_required_role_is_refused() -> None:
    with pytest.raises(MappingError, match="no column is mapped as amount"):
        list(read_table(b"Dato;Tekst\n01.01.2024;x\n", name="x.csv"))


# -- record fields ---------------------------------------------------------------------------


def test_nordea_row_fields_become_record_fields() -> None:
    data = (
        "Bokføringsdato;Beløp;Avsender;Mottaker;Navn;Tittel;Valuta;Betalingstype;Arkivref.\n"
        "2024/01/02;-1234,50;1234.56.78903;9876.54.32109;REMA 1000;Varer;NOK;Varekjøp;A1\n"
        "2024/01/03;25000,00;5555.55.55555;1234.56.78903;Arbeidsgiver AS;Lønn;nok;Lønn;A2\n"
    ).encode()

    out, into = read_table(data, name="nordea.csv")

    assert (out.counterparty_name, out.counterparty_account) == ("REMA 1000", "9876.54.32109")
    assert (into.counterparty_name, into.counterparty_account) == (
        "Arbeidsgiver AS",
        "5555.55.55555",
    )
    assert (out.currency, into.currency) == ("NOK", "NOK")
    assert out.code_text == "Varekjøp"
    assert out.references == (("archiveReference", "A1"),)


def test_status_column_and_default_currency() -> None:
    data = "Dato;Tekst;Beløp;Status\n01.01.2024;a;1,00;Utført\n02.01.2024;b;2,00;Reservert\n"
    mapping = detect_mapping(["Dato", "Tekst", "Beløp", "Status"])
    mapping.default_currency = "NOK"

    records = list(read_table(data.encode(), mapping))

    assert [r.status for r in records] == ["booked", "pending"]
    assert {r.currency for r in records} == {"NOK"}


def test_identical_rows_get_distinct_stable_keys() -> None:
    data = "Dato;Tekst;Beløp\n01.01.2024;Kaffe;-45,00\n01.01.2024;Kaffe;-45,00\n".encode()

    first = [r.key for r in with_keys(read_table(data))]
    again = [r.key for r in with_keys(read_table(data))]

    assert first == again
    assert len(set(first)) == 2


# -- bad rows ----------------------------------------------------------------------------------

BAD = (
    "Dato;Forklaring;Beløp\n"
    "02.01.2024;ok;-10,00\n"
    "03.01.2024;bad amount;12,3,4\n"
    "32.01.2024;bad date;5,00\n"
    "\n"
    "05.01.2024;no amount;\n"
    "06.01.2024;ok again;7,00\n"
)


def test_preview_reports_every_bad_row_without_stopping() -> None:
    result = preview(BAD.encode(), name="bad.csv")

    assert [row.line for row in result.rows] == [2, 3, 4, 6, 7]
    assert [p.message for p in result.problems] == [
        "line 3, column Beløp: '12,3,4' is not an amount",
        "line 4, column Dato: '32.01.2024' is not a date in the calendar",
        "line 6, column Beløp: has no amount",
    ]
    assert [row.record.amount for row in result.rows if row.record] == [
        Decimal("-10.00"),
        Decimal("7.00"),
    ]
    assert result.rows[1].cells["Forklaring"] == "bad amount"
    assert result.missing_roles == []


def test_preview_stops_at_the_limit_and_says_there_is_more() -> None:
    result = preview(BAD.encode(), limit=2)
    assert len(result.rows) == 2
    assert result.more_rows is True


def test_read_table_raises_at_the_first_bad_row_with_line_column_and_rule() -> None:
    with pytest.raises(RowError) as caught:
        list(read_table(BAD.encode(), name="bad.csv"))

    assert str(caught.value) == "bad.csv, line 3, column Beløp: '12,3,4' is not an amount"
    assert (caught.value.line, caught.value.column) == (3, "Beløp")


def test_multi_line_quoted_field_keeps_line_numbers() -> None:
    data = 'Dato;Tekst;Beløp\n01.01.2024;"two\nlines";1,00\n02.01.2024;x;oops\n'.encode()
    with pytest.raises(RowError, match=r"line 4, column Beløp: 'oops'"):
        list(read_table(data))


def test_old_binary_excel_and_empty_files_are_refused() -> None:
    with pytest.raises(UnsupportedTableError, match=r"old\.xls: is an old binary Excel"):
        open_table(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), name="old.xls")
    with pytest.raises(UnsupportedTableError, match="is empty"):
        open_table(b"  \n", name="empty.csv")


# -- XLSX --------------------------------------------------------------------------------------


def workbook_bytes(rows: list[list[object]], title: str = "Transaksjoner") -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsx_with_real_date_and_number_cells(tmp_path: Path) -> None:
    data = workbook_bytes(
        [
            ["Dato", "Forklaring", "Rentedato", "Ut fra konto", "Inn på konto"],
            [datetime(2024, 1, 2), TEXTS[0], datetime(2024, 1, 2), 1234.5, None],
            [datetime(2024, 1, 3), TEXTS[1], datetime(2024, 1, 3), None, 25000],
            [datetime(2024, 1, 4), TEXTS[2], datetime(2024, 1, 4), 0.99, None],
        ]
    )
    path = tmp_path / "dnb.xlsx"
    path.write_bytes(data)

    records = list(read_table(path))

    assert [r.amount for r in records] == AMOUNTS
    assert [r.booking_date for r in records] == DATES
    assert [r.value_date for r in records] == DATES
    assert [r.message for r in records] == TEXTS


def test_xlsx_float_noise_is_rounded_to_the_ore() -> None:
    data = workbook_bytes([["Dato", "Beløp"], [date(2024, 1, 2), 0.1 + 0.2]])

    (record,) = read_table(data)

    assert record.amount == Decimal("0.30")


def test_xlsx_text_cells_and_other_sheet() -> None:
    book = Workbook()
    book.active.title = "Info"
    book.active.append(["Kontoutskrift"])
    sheet = book.create_sheet("Data")
    sheet.append(["Bokføringsdato", "Beløp", "Tekst"])
    sheet.append(["02.01.2024", "-1 234,50", "x"])
    buffer = BytesIO()
    book.save(buffer)
    mapping = ColumnMapping(booking_date="Bokføringsdato", amount="Beløp", sheet="Data")

    (record,) = read_table(buffer.getvalue(), mapping)

    assert (record.booking_date, record.amount) == (date(2024, 1, 2), Decimal("-1234.50"))


def test_xlsx_bad_row_names_the_spreadsheet_row() -> None:
    data = workbook_bytes([["Dato", "Beløp"], [date(2024, 1, 2), 1], [date(2024, 1, 3), "x"]])

    with pytest.raises(XlsxRowError) as caught:
        list(read_table(data, name="book.xlsx"))

    assert str(caught.value) == "book.xlsx, row 3, column Beløp: 'x' is not an amount"


# -- dates and amounts ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("02.01.2024", date(2024, 1, 2)),
        ("2.1.2024", date(2024, 1, 2)),
        ("02.01.24", date(2024, 1, 2)),
        ("31.12.99", date(1999, 12, 31)),
        ("2024-01-02", date(2024, 1, 2)),
        ("2024/01/02", date(2024, 1, 2)),
        ("02.01.2024 13:45", date(2024, 1, 2)),
        ("2024-01-02T13:45:00", date(2024, 1, 2)),
    ],
)
def test_dates(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["01/02/2024", "2024-13-01", "29.02.2023", "i går", ""])
def test_bad_dates(text: str) -> None:
    with pytest.raises(DateFormatError):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "decimal", "expected"),
    [
        ("1.234", ",", Decimal("1234")),
        ("1.234", ".", Decimal("1.234")),
        ("1,234", None, Decimal("1.234")),
        ("1,234", ".", Decimal("1234")),
        ("1,234.56", None, Decimal("1234.56")),
        ("1.234.567", None, Decimal("1234567")),
        ("kr 1 234,50", None, Decimal("1234.50")),
        ("−7,00", None, Decimal("-7.00")),
    ],
)
def test_amount_forms(text: str, decimal: str | None, expected: Decimal) -> None:
    assert parse_amount(text, decimal) == expected


def test_ambiguous_amount_asks_for_the_decimal_separator() -> None:
    with pytest.raises(AmountFormatError, match="ambiguous"):
        parse_amount("1.234")


def test_xlsx_preview_names_spreadsheet_rows() -> None:
    data = workbook_bytes([["Dato", "Beløp"], [date(2024, 1, 2), "x"]])

    (problem,) = preview(data).problems

    assert problem.message == "row 2, column Beløp: 'x' is not an amount"


def _workbook_bytes(rows: int = 200) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["Dato", "Tekst", "Beløp"])
    for n in range(rows):
        sheet.append(["02.01.2024", f"Kiosk {n}", -100.5])
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _with_half_a_sheet(data: bytes) -> bytes:
    """The workbook with its sheet's XML cut in the middle, the zip archive itself whole."""
    import zipfile

    source, out = zipfile.ZipFile(BytesIO(data)), BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            part = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                part = part[: len(part) // 2]
            target.writestr(item, part)
    return out.getvalue()


@pytest.mark.parametrize(
    ("make", "rule"),
    [
        (lambda good: b"PK\x03\x04" + bytes(range(256)) * 8, "it is not a complete zip archive"),
        (lambda good: good[:3000], "it is not a complete zip archive"),
        (_with_half_a_sheet, "its parts cannot be read"),
    ],
    ids=["zip header then noise", "cut short", "sheet cut in half"],
)
def test_a_damaged_workbook_is_refused_by_name(make, rule) -> None:
    data = make(_workbook_bytes())
    with pytest.raises(UnsupportedTableError) as caught:
        list(read_table(data, name="konto.xlsx"))
    assert str(caught.value) == (
        f"konto.xlsx: is not a readable XLSX workbook: {rule}; open and save it again in Excel"
    )


def test_binary_data_is_neither_called_utf16_nor_read_as_text() -> None:
    noise = bytes(range(256)) * 20
    with pytest.raises(UnsupportedEncodingError, match=r"^noise\.csv: holds binary data"):
        open_table(noise, name="noise.csv")
    with pytest.raises(UnsupportedTableError, match=r"^noise\.xlsx: is not an XLSX workbook"):
        open_table(noise, name="noise.xlsx")
    # UTF-16 without a byte order mark is still recognised as such
    with pytest.raises(UnsupportedEncodingError, match="is UTF-16 text"):
        open_table("Dato;Beløp\n01.01.2024;1,00\n".encode("utf-16-le"), name="u16.csv")


@pytest.mark.parametrize(
    "cell",
    ["99999999999999999,99", "1 000 000 000 000 000,00", 1e16, Decimal("1e15")],
)
def test_an_amount_too_large_for_any_account_is_refused(cell) -> None:
    book = Workbook()
    book.active.append(["Dato", "Tekst", "Beløp"])
    book.active.append(["02.01.2024", "x", cell])
    out = BytesIO()
    book.save(out)
    with pytest.raises(XlsxRowError, match=r"row 2, column Beløp: .* is too large for an amount"):
        list(read_table(out.getvalue(), name="huge.xlsx"))


def test_the_largest_amount_read_has_fifteen_digits() -> None:
    with pytest.raises(AmountFormatError, match="is not an amount"):
        cell_amount(float("inf"), None)
    assert parse_amount("-999 999 999 999 999,99") == Decimal("-999999999999999.99")
    with pytest.raises(AmountFormatError, match="too large"):
        parse_amount("1000000000000000")


def test_a_comma_separated_row_with_unquoted_decimal_commas_is_refused() -> None:
    data = "Dato,Tekst,Beløp\n02.01.2024,Kiosk,-100,50\n".encode()
    with pytest.raises(RowError) as caught:
        list(read_table(data, name="komma.csv"))
    assert str(caught.value) == (
        "komma.csv, line 2: has 4 cells where the header names 3 columns: a decimal comma in a "
        "comma-separated file must be inside quotes, or the file saved with semicolons"
    )
    # the window's preview shows the same problem, and no amount for the row
    shown = preview(data, name="komma.csv")
    assert [p.message for p in shown.problems] == [str(caught.value).removeprefix("komma.csv, ")]
    assert shown.rows[0].record is None
    quoted = 'Dato,Tekst,Beløp\n02.01.2024,Kiosk,"-100,50"\n'.encode()
    assert [r.amount for r in read_table(quoted)] == [Decimal("-100.50")]
    trailing = "Dato;Tekst;Beløp\n02.01.2024;Kiosk;-100,50;;\n".encode()  # empty cells after
    assert [r.amount for r in read_table(trailing)] == [Decimal("-100.50")]
