"""Readers for the CSV and XLSX transaction exports of Norwegian banks.

A bank's export is a table: one header row naming the columns and one row per transaction.
The banks differ in the details (delimiter, encoding, column names, one signed amount or separate
money-in and money-out columns, how numbers and dates are written), so reading one takes three
steps that the interface can show one at a time:

1. `open_table` finds the encoding (UTF-8 with or without BOM, or Windows-1252), the delimiter
   (semicolon, comma or tab) and the header row, and gives the headers and the raw rows.
2. `detect_mapping` proposes a `ColumnMapping` from the headers (and a few rows) and says which
   required roles it could not fill; the user corrects it, and the app stores it per bank with
   `ColumnMapping.to_dict`.
3. `preview` parses the first rows and reports every bad cell without stopping; `read_table`
   yields the `TransactionRecord`s and stops at the first bad row with a `RowError` naming the
   line, the column and the rule.

Records come without keys: bank exports carry no id that is sure to be unique, so the caller
passes them through `app.domain.records.with_keys`, which fingerprints them.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import logging
import math
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from app.domain.money import TOO_LARGE, too_large
from app.domain.records import TransactionRecord
from app.imports.errors import (
    AmountFormatError,
    DateFormatError,
    MappingError,
    RowError,
    TableFileError,
    UnsupportedEncodingError,
    UnsupportedTableError,
    ValueFormatError,
    XlsxRowError,
)

log = logging.getLogger(__name__)

Source = str | Path | bytes | BinaryIO
Cell = str | int | float | Decimal | date | datetime | None

ENCODINGS = ("utf-8-sig", "utf-8", "cp1252")
"""The encodings `detect_encoding` can answer, in the order it tries them."""
DELIMITERS = (";", ",", "\t")

_HEADER_SCAN_ROWS = 20
_SAMPLE_ROWS = 50
_XLSX_MAGIC = b"PK\x03\x04"
_XLS_MAGIC = b"\xd0\xcf\x11\xe0"

# -- amounts ----------------------------------------------------------------------------------

_GROUP_SPACES = " \u00a0\u202f\u2009"
_MINUS_SIGNS = "-\u2212\u2013"
_CURRENCY_WORDS = re.compile(r"^(?:kr\.?|nok)\s*|\s*(?:kr\.?|nok)$", re.IGNORECASE)
_PLAIN = re.compile(r"\d+")
_SPACE_GROUPED = re.compile(r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+")
_POINT_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")
_COMMA_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")
_DIGITS = re.compile(r"\d+")
_DIGITS_ONLY = re.compile(r"\D")


def parse_amount(text: str, decimal_separator: str | None = None) -> Decimal:
    """A `Decimal` from an amount as Norwegian bank exports write it.

    Accepted: `1234,56`, `1 234,56` (space, no-break space U+00A0 or narrow no-break space
    U+202F between thousands), `1.234,56`, `1234.56`, `1,234.56`; a sign before (`-`, `+`,
    `−`), a minus after (`1234,56-`) or parentheses (`(1 234,56)`); `kr`/`NOK` before or after.
    `decimal_separator` (`,` or `.`) settles the one ambiguous form, three digits after a single
    separator (`1.234`, `1,234`): without it, a comma is the decimal separator (the Norwegian
    rule) and a point is refused as ambiguous. Raises `AmountFormatError` naming the rule.
    """
    original = text
    value = text.strip().strip(_GROUP_SPACES)
    if not value:
        raise AmountFormatError(original, "is empty, not an amount")
    negative = False
    value = _without_currency(value)
    if value.startswith("(") and value.endswith(")"):
        negative, value = True, _without_currency(value[1:-1])
    if value and value[-1] in _MINUS_SIGNS:
        if negative:
            raise AmountFormatError(original, "has two minus signs")
        negative, value = True, value[:-1].rstrip()
    if value and value[0] in _MINUS_SIGNS + "+":
        if value[0] != "+":
            if negative:
                raise AmountFormatError(original, "has two minus signs")
            negative = True
        value = _without_currency(value[1:])
    number = _unsigned(value, decimal_separator, original)
    if too_large(number):
        raise AmountFormatError(original, TOO_LARGE)
    if negative:
        number = -number
    return number if number else Decimal(0)


def _without_currency(value: str) -> str:
    return _CURRENCY_WORDS.sub("", value.strip(_GROUP_SPACES)).strip(_GROUP_SPACES)


def _unsigned(value: str, decimal_separator: str | None, original: str) -> Decimal:
    """The number in `value`, which has no sign left; see `parse_amount` for the forms."""
    whole, separator, fraction = _split_decimal(value, decimal_separator, original)
    if separator and not _DIGITS.fullmatch(fraction):
        raise AmountFormatError(original, "is not an amount")
    points_group = separator == "," or (not separator and decimal_separator != ".")
    commas_group = separator == "." or (not separator and decimal_separator == ".")
    if _PLAIN.fullmatch(whole):
        digits = whole
    elif _SPACE_GROUPED.fullmatch(whole):
        digits = _DIGITS_ONLY.sub("", whole)
    elif points_group and _POINT_GROUPED.fullmatch(whole):
        digits = whole.replace(".", "")
    elif commas_group and _COMMA_GROUPED.fullmatch(whole):
        digits = whole.replace(",", "")
    else:
        raise AmountFormatError(original, "is not an amount")
    return Decimal(f"{digits}.{fraction}" if separator else digits)


def _split_decimal(
    value: str, decimal_separator: str | None, original: str
) -> tuple[str, str, str]:
    """Whole part, decimal separator ('' if none) and fraction of an unsigned amount."""
    commas, points = value.count(","), value.count(".")
    last_comma, last_point = value.rfind(","), value.rfind(".")
    if commas == 0 and points == 0:
        return value, "", ""
    if commas and points:
        if last_comma > last_point and commas == 1:
            whole, _, fraction = value.rpartition(",")  # 1.234,56
            return whole, ",", fraction
        if last_point > last_comma and points == 1:
            whole, _, fraction = value.rpartition(".")  # 1,234.56
            return whole, ".", fraction
        raise AmountFormatError(original, "is not an amount")
    if commas > 1 or points > 1:
        return value, "", ""  # 1.234.567 or 1,234,567: thousands only, checked by the caller
    mark = "," if commas else "."
    whole, _, fraction = value.partition(mark)
    looks_grouped = len(fraction) == 3 and 1 <= len(whole) <= 3 and whole.isdigit()
    if not looks_grouped or decimal_separator == mark:
        return whole, mark, fraction
    if decimal_separator is not None:
        return value, "", ""  # the other mark is the decimal one: this one groups thousands
    if mark == ",":
        return whole, ",", fraction  # the Norwegian rule: a comma separates decimals
    raise AmountFormatError(
        original,
        "is ambiguous: a point before three digits may separate thousands or decimals; "
        "set the decimal separator of the mapping",
    )


def _float_amount(value: float) -> Decimal:
    """A spreadsheet number as a `Decimal`: its shortest decimal form, and float noise such as
    0.30000000000000004 rounded to the øre."""
    exact = Decimal(repr(value))
    rounded = exact.quantize(Decimal("0.01"))
    return rounded if abs(exact - rounded) < Decimal("1e-9") else exact


# -- dates ----------------------------------------------------------------------------------

_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SLASHED_ISO = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")
_TIME_SUFFIX = re.compile(r"(?:[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?)?")
_EXCEL_EPOCH = date(1899, 12, 30)
TWO_DIGIT_YEAR_PIVOT = 70
"""`dd.mm.yy` means 20yy below this, 19yy from it (so 69 is 2069 and 70 is 1970)."""


def parse_date(text: str) -> date:
    """A `date` from `dd.mm.yyyy`, `d.m.yyyy`, `dd.mm.yy`, `yyyy-mm-dd` or `yyyy/mm/dd`,
    optionally followed by a time of day, which is dropped. Raises `DateFormatError`.

    Day/month orders with slashes (`01/02/2024`) are refused: banks write them both ways.
    """
    value = text.strip()
    for pattern, order in ((_DOTTED, "dmy"), (_ISO, "ymd"), (_SLASHED_ISO, "ymd")):
        match = pattern.match(value)
        if match is None or not _TIME_SUFFIX.fullmatch(value[match.end() :]):
            continue
        parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
        year = parts["y"]
        if len(match.group(3 if order == "dmy" else 1)) == 2:
            year += 2000 if year < TWO_DIGIT_YEAR_PIVOT else 1900
        try:
            return date(year, parts["m"], parts["d"])
        except ValueError:
            raise DateFormatError(text, "is not a date in the calendar") from None
    raise DateFormatError(text, "is not a date (dd.mm.yyyy, dd.mm.yy or yyyy-mm-dd)")


# -- encodings and delimiters -----------------------------------------------------------------


def detect_encoding(data: bytes, *, name: str = "<bytes>") -> str:
    """Which of `ENCODINGS` the text is in: `utf-8-sig` when it starts with a UTF-8 byte order
    mark, `utf-8` when it decodes as UTF-8, else `cp1252` (Windows-1252, which older Norwegian
    exports use for æ, ø and å). Raises `UnsupportedEncodingError` for UTF-16 and for bytes
    that are neither; it guesses no other encoding."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    head = data[:4096]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_utf16(head):
        raise UnsupportedEncodingError(
            name, "is UTF-16 text; save the export as UTF-8 or Windows-1252 (ANSI) CSV"
        )
    if b"\x00" in head:
        raise UnsupportedEncodingError(
            name, "holds binary data: it is neither a text (CSV) export nor an XLSX workbook"
        )
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    try:
        data.decode("cp1252")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise UnsupportedEncodingError(
            name, f"is neither UTF-8 nor Windows-1252 text (byte 0x{data[exc.start]:02x})", line
        ) from None
    return "cp1252"


def _looks_utf16(head: bytes) -> bool:
    """Text in UTF-16 without a byte order mark: every other byte of its Latin letters is
    zero, so zeros fill (nearly) all even or all odd positions."""
    pairs = len(head) // 2
    if pairs < 2:
        return False
    return max(head[0::2].count(0), head[1::2].count(0)) >= 0.9 * pairs


def decode_text(
    data: bytes, encoding: str | None = None, *, name: str = "<bytes>"
) -> tuple[str, str]:
    """The text and the encoding used: `encoding` if given, else `detect_encoding`'s answer."""
    used = encoding or detect_encoding(data, name=name)
    try:
        return data.decode(used), used
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise UnsupportedEncodingError(name, f"is not {used} text", line) from None
    except LookupError:
        raise UnsupportedEncodingError(name, f"{used!r} is not an encoding") from None


def detect_delimiter(text: str) -> str:
    """The delimiter (`;`, `,` or tab) that splits the first lines into the most rows of one
    width. Quoted fields are respected, so `"1,50"` does not count for the comma."""
    lines = [line for line in text.splitlines()[:60] if line.strip()][:30]
    best, best_score = ";", (0, 0)
    for delimiter in DELIMITERS:
        widths = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        wide = [w for w in widths if w > 1]
        if not wide:
            continue
        width = max(set(wide), key=wide.count)
        score = (wide.count(width), width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


# -- the column mapping ------------------------------------------------------------------------

ROLES = (
    "booking_date",
    "value_date",
    "text",
    "amount",
    "amount_in",
    "amount_out",
    "counterparty",
    "from_account",
    "to_account",
    "reference",
    "archive_reference",
    "currency",
    "balance",
    "transaction_type",
    "status",
    "account",
)
"""What a column can be. `from_account`/`to_account` (Nordea's Avsender/Mottaker, SpareBank 1's
Fra konto/Til konto) give the counterparty: the sender of money in, the receiver of money out.
`account` is the account the row belongs to, in exports that hold several accounts."""

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "booking_date": (
        "bokføringsdato",
        "bokført dato",
        "bokført",
        "bokf.dato",
        "bokføringsdag",
        "dato",
        "transaksjonsdato",
        "utført dato",
        "booking date",
        "posting date",
        "booked",
        "date",
        "transaction date",
    ),
    "value_date": ("rentedato", "valuteringsdato", "valutadato", "value date", "interest date"),
    "text": (
        "forklaring",
        "beskrivelse",
        "tekst",
        "tittel",
        "transaksjonstekst",
        "melding",
        "spesifikasjon",
        "description",
        "text",
        "details",
        "narrative",
    ),
    "amount": ("beløp", "belop", "beløp nok", "beløp i nok", "amount", "sum"),
    "amount_in": (
        "inn på konto",
        "innskudd på konto",
        "inn",
        "beløp inn",
        "innskudd",
        "kredit",
        "money in",
        "paid in",
        "credit",
    ),
    "amount_out": (
        "ut fra konto",
        "uttak fra konto",
        "ut",
        "beløp ut",
        "uttak",
        "debet",
        "money out",
        "paid out",
        "debit",
    ),
    "counterparty": (
        "navn",
        "motpart",
        "mottaker/avsender",
        "avsender/mottaker",
        "betaler/mottaker",
        "name",
        "counterparty",
        "payee",
        "payer",
    ),
    "from_account": ("avsender", "fra konto", "fra kontonummer", "from account"),
    "to_account": ("mottaker", "til konto", "til kontonummer", "to account"),
    "reference": ("kid", "referanse", "kid/melding", "melding/kid", "reference"),
    "archive_reference": (
        "arkivref",
        "arkivreferanse",
        "arkiv referanse",
        "arkivref nr",
        "archive reference",
    ),
    "currency": ("valuta", "currency", "valutakode"),
    "balance": ("saldo", "balance", "bokført saldo"),
    "transaction_type": (
        "type",
        "betalingstype",
        "transaksjonstype",
        "transaction type",
        "kategori",
    ),
    "status": ("status",),
    "account": ("kontonummer", "kontonr", "konto nr", "account number", "account"),
}
_HEADER_ROLES = {synonym: role for role, synonyms in _SYNONYMS.items() for synonym in synonyms}

_STATUS_WORDS = {
    "utført": "booked",
    "bokført": "booked",
    "booked": "booked",
    "gjennomført": "booked",
    "venter": "pending",
    "reservert": "pending",
    "ikke bokført": "pending",
    "pending": "pending",
    "reserved": "pending",
    "til informasjon": "info",
    "for information": "info",
}


def _normal_header(header: object) -> str:
    text = str(header or "").replace("_", " ").replace("\u00a0", " ").casefold()
    return " ".join(text.split()).strip(" .:")


@dataclass
class ColumnMapping:
    """Which column of an export plays which role, and how the file is read.

    Each role holds the column's header text as the file writes it, or `None`. The reading
    settings default to `None`, meaning "detect": `delimiter`, `encoding`, `decimal_separator`
    (`,` or `.`), `header_line` (1-based line or row of the header), `sheet` (XLSX only);
    `default_currency` is used where no currency column is mapped.
    """

    booking_date: str | None = None
    value_date: str | None = None
    text: str | None = None
    amount: str | None = None
    amount_in: str | None = None
    amount_out: str | None = None
    counterparty: str | None = None
    from_account: str | None = None
    to_account: str | None = None
    reference: str | None = None
    archive_reference: str | None = None
    currency: str | None = None
    balance: str | None = None
    transaction_type: str | None = None
    status: str | None = None
    account: str | None = None
    delimiter: str | None = None
    encoding: str | None = None
    decimal_separator: str | None = None
    header_line: int | None = None
    sheet: str | None = None
    default_currency: str | None = None

    def missing_roles(self) -> list[str]:
        """The required roles that no column fills: `booking_date`, and `amount` unless both
        `amount_in` and `amount_out` are mapped (reported as those two when one is)."""
        missing = []
        if not self.booking_date:
            missing.append("booking_date")
        if not self.amount:
            if self.amount_in and not self.amount_out:
                missing.append("amount_out")
            elif self.amount_out and not self.amount_in:
                missing.append("amount_in")
            elif not self.amount_in and not self.amount_out:
                missing.append("amount")
        return missing

    def columns(self) -> dict[str, str]:
        """Role -> header, for the roles that are mapped."""
        return {role: getattr(self, role) for role in ROLES if getattr(self, role)}

    def fits(self, headers: Sequence[str]) -> bool:
        """Whether every column the mapping names is among `headers`: a mapping remembered
        for a bank fits that export, not another the bank makes."""
        return all(header in headers for header in self.columns().values())

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with every field, for the app to remember per bank."""
        data: dict[str, Any] = {"version": 1}
        data.update({f.name: getattr(self, f.name) for f in fields(self)})
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ColumnMapping:
        """The mapping `to_dict` wrote. Unknown keys are ignored (a newer version wrote them);
        a value of the wrong type raises `ValueError` naming the key."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data or data[f.name] is None:
                continue
            value = data[f.name]
            expected = int if f.name == "header_line" else str
            if not isinstance(value, expected) or isinstance(value, bool):
                raise ValueError(f"column mapping: {f.name} must be {expected.__name__}")
            values[f.name] = value
        if values.get("decimal_separator") not in (None, ",", "."):
            raise ValueError("column mapping: decimal_separator must be ',' or '.'")
        if values.get("delimiter") not in (None, *DELIMITERS):
            raise ValueError("column mapping: delimiter must be ';', ',' or a tab")
        return cls(**values)


def detect_mapping(
    headers: Sequence[object], sample_rows: Iterable[Sequence[Cell]] = ()
) -> ColumnMapping:
    """A mapping proposed from the header texts and, where a header says nothing, the content.

    Known Norwegian and English headers are recognised (DNB: Dato, Forklaring, Rentedato,
    Ut fra konto, Inn på konto; Nordea, Sbanken, SpareBank 1: Bokføringsdato, Beløp, Avsender,
    Mottaker, Navn, Tittel, Beskrivelse, Valuta, Arkivref., Type, Saldo, ...). A column of
    unknown name whose sample values are all dates or all amounts fills a missing date or amount
    role. The decimal separator is detected from the amount samples. Call `missing_roles()` on
    the result to learn what the user must still map.
    """
    names = [str(h).strip() if h is not None else "" for h in headers]
    samples = [list(row) for row in sample_rows][:_SAMPLE_ROWS]
    mapping = ColumnMapping()
    ranks: dict[str, int] = {}
    for name in names:
        role = _HEADER_ROLES.get(_normal_header(name))
        if role is None:
            continue
        rank = _SYNONYMS[role].index(_normal_header(name))
        if role not in ranks or rank < ranks[role]:
            ranks[role] = rank
            setattr(mapping, role, name)

    _fill_from_content(mapping, names, samples)
    mapping.decimal_separator = _detect_decimal_separator(mapping, names, samples)
    return mapping


def _fill_from_content(mapping: ColumnMapping, names: list[str], samples: list[list]) -> None:
    if not samples:
        return
    used = set(mapping.columns().values())
    free = [i for i, name in enumerate(names) if name and name not in used]
    if not mapping.booking_date:
        for index in free:
            if _all_parse(samples, index, _cell_date):
                mapping.booking_date = names[index]
                free.remove(index)
                break
    if not (mapping.amount or mapping.amount_in or mapping.amount_out):
        for index in free:
            if _all_parse(samples, index, lambda v: cell_amount(v, ",")):
                mapping.amount = names[index]
                break


def _all_parse(samples: list[list], index: int, parse: Any) -> bool:
    values = [row[index] for row in samples if index < len(row) and _filled(row[index])]
    if not values:
        return False
    try:
        for value in values:
            parse(value)
    except (ValueFormatError, TypeError):
        return False
    return True


_COMMA_DECIMALS = re.compile(r",\d{1,2}$")
_POINT_DECIMALS = re.compile(r"\.\d{1,2}$")


def _detect_decimal_separator(
    mapping: ColumnMapping, names: list[str], samples: list[list]
) -> str | None:
    columns = [mapping.amount, mapping.amount_in, mapping.amount_out, mapping.balance]
    indexes = [names.index(c) for c in columns if c and c in names]
    comma = point = False
    for row in samples:
        for index in indexes:
            if index < len(row) and isinstance(row[index], str):
                value = row[index].strip().rstrip("-)")
                comma = comma or _COMMA_DECIMALS.search(value) is not None
                point = point or _POINT_DECIMALS.search(value) is not None
    if comma and not point:
        return ","
    if point and not comma:
        return "."
    return None


# -- opening a table ---------------------------------------------------------------------------


@dataclass
class Table:
    """An export as read: headers, and the rows after the header with their line numbers."""

    name: str
    kind: str
    """`csv` or `xlsx`."""
    headers: list[str]
    rows: Iterator[tuple[int, list[Cell]]]
    header_line: int
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    samples: list[list[Cell]] = field(default_factory=list)
    """The first rows after the header, kept for `detect_mapping`; `rows` yields them too."""


def open_table(
    source: Source,
    *,
    name: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    header_line: int | None = None,
    sheet: str | None = None,
) -> Table:
    """Open a CSV or XLSX export: find its encoding, delimiter and header row.

    Each setting left `None` is detected. The header is the first of the first 20 rows whose
    cells name at least two known roles, else the first row that is not empty.
    """
    display = name or _display_name(source)
    data = _read_bytes(source, display)
    if data.startswith(_XLS_MAGIC):
        raise UnsupportedTableError(
            display, "is an old binary Excel file (.xls); save it as .xlsx or CSV"
        )
    if data.startswith(_XLSX_MAGIC):
        return _open_xlsx(data, display, header_line, sheet)
    if display.lower().endswith((".xlsx", ".xlsm")):
        raise UnsupportedTableError(
            display, "is not an XLSX workbook: the file does not begin as one (a zip archive)"
        )
    return _open_csv(data, display, encoding, delimiter, header_line)


def _open_csv(
    data: bytes,
    name: str,
    encoding: str | None,
    delimiter: str | None,
    header_line: int | None,
) -> Table:
    text, used = decode_text(data, encoding, name=name)
    if not text.strip():
        raise UnsupportedTableError(name, "is empty")
    chosen = delimiter or detect_delimiter(text)
    rows = _csv_rows(text, chosen)
    head = _take(rows, _HEADER_SCAN_ROWS)
    index = _header_index(head, header_line, name)
    line, headers = head[index]
    held = head[index + 1 :]
    held += _take(rows, max(0, _SAMPLE_ROWS - len(held)))
    return Table(
        name=name,
        kind="csv",
        headers=[str(h).strip() for h in headers],
        rows=itertools.chain(held, rows),
        header_line=line,
        encoding=used,
        delimiter=chosen,
        samples=[cells for _, cells in held],
    )


def _csv_rows(text: str, delimiter: str) -> Iterator[tuple[int, list[Cell]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    previous = 0
    for cells in reader:
        line = previous + 1
        previous = reader.line_num
        yield line, list(cells)


def _take(rows: Iterator[tuple[int, list[Cell]]], count: int) -> list[tuple[int, list[Cell]]]:
    taken: list[tuple[int, list[Cell]]] = []
    if count <= 0:
        return taken
    for row in rows:
        taken.append(row)
        if len(taken) >= count:
            break
    return taken


def _header_index(head: list[tuple[int, list[Cell]]], header_line: int | None, name: str) -> int:
    if header_line is not None:
        for index, (line, _) in enumerate(head):
            if line == header_line:
                return index
        raise MappingError(name, f"has no header at line {header_line}")
    for index, (_, cells) in enumerate(head):
        known = {_HEADER_ROLES.get(_normal_header(c)) for c in cells} - {None}
        if len(known) >= 2:
            return index
    for index, (_, cells) in enumerate(head):
        if any(_filled(c) for c in cells):
            return index
    raise UnsupportedTableError(name, "holds no rows")


def _open_xlsx(data: bytes, name: str, header_line: int | None, sheet: str | None) -> Table:
    from openpyxl import load_workbook  # imported here: only XLSX imports pay for it
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, *_XLSX_DAMAGE) as exc:
        raise _damaged_xlsx(name, exc) from None
    if sheet is not None and sheet not in workbook.sheetnames:
        raise MappingError(name, f"has no sheet named {sheet!r}")
    worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
    rows = _xlsx_rows(worksheet, name)
    head = _take(rows, _HEADER_SCAN_ROWS)
    index = _header_index(head, header_line, name)
    line, headers = head[index]
    held = head[index + 1 :]
    held += _take(rows, max(0, _SAMPLE_ROWS - len(held)))
    return Table(
        name=name,
        kind="xlsx",
        headers=[str(h).strip() if h is not None else "" for h in headers],
        rows=_xlsx_chain(held, rows, workbook),
        header_line=line,
        sheet=worksheet.title,
        samples=[cells for _, cells in held],
    )


_XLSX_DAMAGE = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    OSError,
    ValueError,
    SyntaxError,
)
"""What a cut-short or corrupted workbook raises, on opening or while its sheet is read
(XML parse errors of either parser are SyntaxErrors)."""


def _damaged_xlsx(name: str, error: BaseException) -> UnsupportedTableError:
    detail = (
        "it is not a complete zip archive"
        if isinstance(error, zipfile.BadZipFile | zlib.error | EOFError)
        else "its parts cannot be read"
    )
    return UnsupportedTableError(
        name, f"is not a readable XLSX workbook: {detail}; open and save it again in Excel"
    )


def _xlsx_rows(worksheet: Any, name: str) -> Iterator[tuple[int, list[Cell]]]:
    first = getattr(worksheet, "min_row", 1) or 1
    try:
        for offset, values in enumerate(worksheet.iter_rows(values_only=True)):
            yield first + offset, list(values)
    except _XLSX_DAMAGE as exc:
        raise _damaged_xlsx(name, exc) from None


def _xlsx_chain(
    held: list[tuple[int, list[Cell]]], rest: Iterator[tuple[int, list[Cell]]], workbook: Any
) -> Iterator[tuple[int, list[Cell]]]:
    try:
        yield from held
        yield from rest
    finally:
        workbook.close()


# -- rows to records ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RowProblem:
    """One cell that broke a rule: where, what it held and the rule."""

    line: int
    column: str | None
    value: str | None
    rule: str
    line_word: str = "line"
    """`row` for a spreadsheet, as the user sees it there."""

    @property
    def message(self) -> str:
        where = f"{self.line_word} {self.line}" + (f", column {self.column}" if self.column else "")
        shown = f"{self.value!r} " if self.value is not None else ""
        return f"{where}: {shown}{self.rule}"


@dataclass
class PreviewRow:
    line: int
    cells: dict[str, Cell]
    record: TransactionRecord | None
    problems: list[RowProblem] = field(default_factory=list)


@dataclass
class Preview:
    """The first rows of an export, parsed with a mapping, and every problem found in them."""

    table_name: str
    kind: str
    headers: list[str]
    mapping: ColumnMapping
    missing_roles: list[str]
    encoding: str | None
    delimiter: str | None
    rows: list[PreviewRow]
    more_rows: bool

    @property
    def problems(self) -> list[RowProblem]:
        return [p for row in self.rows for p in row.problems]


class _CellProblem(Exception):
    def __init__(self, column: str | None, value: Cell, rule: str) -> None:
        super().__init__(rule)
        self.column = column
        self.value = None if value is None else str(value)
        self.rule = rule


class _RowReader:
    """Turns rows into records under one mapping; knows the column positions."""

    def __init__(self, table: Table, mapping: ColumnMapping) -> None:
        self.table = table
        self.mapping = mapping
        self.decimal = mapping.decimal_separator
        positions = {}
        for role, header in mapping.columns().items():
            if header not in table.headers:
                raise MappingError(
                    table.name, f"has no column {header!r} (mapped as {role})", table.header_line
                )
            positions[role] = table.headers.index(header)
        self.positions = positions

    def cell(self, cells: list[Cell], role: str) -> Cell:
        index = self.positions.get(role)
        if index is None or index >= len(cells):
            return None
        value = cells[index]
        if isinstance(value, str):
            value = value.strip()
            return value or None
        return value

    def record(self, cells: list[Cell]) -> TransactionRecord | None:
        """The record of one row; `None` for a row with neither date nor amount (a blank or a
        note line) and for a row not booked (no booking date, status pending or for information);
        raises `_CellProblem` for the first bad cell."""
        mapping = self.mapping
        booking_raw = self.cell(cells, "booking_date")
        amount = self._amount(cells)
        if booking_raw is None and amount is None:
            return None
        if booking_raw is None and self._status(cells) in ("pending", "info"):
            return None
        if booking_raw is None:
            raise _CellProblem(mapping.booking_date, None, "has no booking date")
        if amount is None:
            column = mapping.amount or f"{mapping.amount_in}/{mapping.amount_out}"
            raise _CellProblem(column, None, "has no amount")
        booking_date = self._date(booking_raw, mapping.booking_date)
        value_raw = self.cell(cells, "value_date")
        value_date = self._date(value_raw, mapping.value_date) if value_raw is not None else None

        incoming = amount >= 0
        name = _text_or_none(self.cell(cells, "counterparty"))
        other = self.cell(cells, "from_account" if incoming else "to_account")
        account = None
        if other is not None:
            other_text = str(other)
            if _looks_like_account(other_text):
                account = other_text
            elif name is None:
                name = other_text

        references: list[tuple[str, str]] = []
        reference = _text_or_none(self.cell(cells, "reference"))
        archive = _text_or_none(self.cell(cells, "archive_reference"))
        if archive:
            references.append(("archiveReference", archive))
        if reference:
            references.append(("remittanceReference", reference))
        status = self._status(cells)
        currency = _text_or_none(self.cell(cells, "currency")) or mapping.default_currency
        return TransactionRecord(
            key=None,
            booking_date=booking_date,
            amount=amount,
            currency=currency.upper() if currency else None,
            status=status,
            value_date=value_date,
            code_text=_text_or_none(self.cell(cells, "transaction_type")),
            counterparty_name=name,
            counterparty_account=account,
            message=_text_or_none(self.cell(cells, "text")),
            reference=reference,
            references=tuple(references),
        )

    def _status(self, cells: list[Cell]) -> str:
        text = _text_or_none(self.cell(cells, "status"))
        return _STATUS_WORDS.get(text.casefold(), "unknown") if text else "booked"

    def _amount(self, cells: list[Cell]) -> Decimal | None:
        mapping = self.mapping
        if mapping.amount:
            raw = self.cell(cells, "amount")
            return None if raw is None else self._number(raw, mapping.amount)
        money_in = self.cell(cells, "amount_in")
        money_out = self.cell(cells, "amount_out")
        if money_in is None and money_out is None:
            return None
        total = Decimal(0)
        if money_in is not None:
            total += abs(self._number(money_in, mapping.amount_in))
        if money_out is not None:
            total -= abs(self._number(money_out, mapping.amount_out))
        return total

    def _number(self, value: Cell, column: str | None) -> Decimal:
        try:
            return cell_amount(value, self.decimal)
        except ValueFormatError as exc:
            raise _CellProblem(column, value, exc.rule) from None

    def _date(self, value: Cell, column: str | None) -> date:
        try:
            return _cell_date(value)
        except ValueFormatError as exc:
            raise _CellProblem(column, value, exc.rule) from None


def cell_amount(value: Cell, decimal_separator: str | None) -> Decimal:
    """An amount cell: a spreadsheet number, or text in a form `parse_amount` reads."""
    if isinstance(value, str):
        return parse_amount(value, decimal_separator)
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int) and not isinstance(value, bool):
        number = Decimal(value)
    elif isinstance(value, float) and math.isfinite(value):
        number = _float_amount(value)
    else:
        raise AmountFormatError(str(value), "is not an amount")
    if too_large(number):
        raise AmountFormatError(str(value), TOO_LARGE)
    return number


def _cell_date(value: Cell) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value < 100_000:
        return _EXCEL_EPOCH + timedelta(days=int(value))  # a date cell stored as a number
    if isinstance(value, str):
        return parse_date(value)
    raise DateFormatError(str(value), "is not a date")


def too_wide(table: Table, width: int, cells: Sequence[Cell]) -> str | None:
    """The rule a CSV row breaks when it has more cells than its header has columns, or
    `None`. A comma-separated file whose amounts carry bare decimal commas reads that way, and
    taking it cell by cell would move the øre into the next column; as that may leave the
    last cell empty, a comma-separated row is held to its header's width exactly, while other
    separators may end a row with empty cells."""
    if table.kind != "csv":
        return None
    used = len(cells)
    if table.delimiter != ",":
        while used > width and not _filled(cells[used - 1]):
            used -= 1
    if used <= width:
        return None
    return (
        f"has {used} cells where the header names {width} columns: a decimal comma in a "
        "comma-separated file must be inside quotes, or the file saved with semicolons"
    )


def _filled(value: Cell) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _text_or_none(value: Cell) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    text = " ".join(str(value).split())
    return text or None


_ACCOUNT = re.compile(r"[A-Z]{2}\d{2}[A-Z0-9 ]{8,30}|[\d .]{6,}")


def _looks_like_account(text: str) -> bool:
    return _ACCOUNT.fullmatch(text.strip()) is not None


# -- the public readers --------------------------------------------------------------------------


def preview(
    source: Source,
    mapping: ColumnMapping | None = None,
    *,
    name: str | None = None,
    limit: int = 20,
) -> Preview:
    """The first `limit` data rows parsed with `mapping` (detected when `None`), each with its
    record or its problems. One bad row never stops the preview."""
    table = _open_for(source, mapping, name)
    chosen = mapping or detect_mapping(table.headers, table.samples)
    missing = chosen.missing_roles()
    rows: list[PreviewRow] = []
    more = False
    word = "row" if table.kind == "xlsx" else "line"
    try:
        reader = None if missing else _RowReader(table, chosen)
        for line, cells in table.rows:
            if not any(_filled(c) for c in cells):
                continue
            if len(rows) >= limit:
                more = True
                break
            shown = {h: cells[i] if i < len(cells) else None for i, h in enumerate(table.headers)}
            row = PreviewRow(line=line, cells=shown, record=None)
            if rule := too_wide(table, len(table.headers), cells):
                row.problems.append(RowProblem(line, None, None, rule, word))
            elif reader is not None:
                try:
                    row.record = reader.record(cells)
                except _CellProblem as problem:
                    row.problems.append(
                        RowProblem(line, problem.column, problem.value, problem.rule, word)
                    )
            rows.append(row)
    finally:
        _close(table)
    return Preview(
        table_name=table.name,
        kind=table.kind,
        headers=table.headers,
        mapping=chosen,
        missing_roles=missing,
        encoding=table.encoding,
        delimiter=table.delimiter,
        rows=rows,
        more_rows=more,
    )


def read_table(
    source: Source,
    mapping: ColumnMapping | None = None,
    *,
    name: str | None = None,
) -> Iterator[TransactionRecord]:
    """Yield the transactions of a CSV or XLSX export, without keys (see `with_keys`).

    `mapping` defaults to `detect_mapping`'s proposal. Raises `MappingError` when a required
    role is unmapped or a mapped column is absent, and `RowError` (`XlsxRowError` for a
    spreadsheet) at the first bad row, naming the line, the column and the rule.
    """
    for _, record in read_rows(source, mapping, name=name):
        yield record


def read_rows(
    source: Source,
    mapping: ColumnMapping | None = None,
    *,
    name: str | None = None,
) -> Iterator[tuple[str | None, TransactionRecord]]:
    """As `read_table`, with each record the text of its row's `account` cell (or `None`)."""
    table = _open_for(source, mapping, name)
    chosen = mapping or detect_mapping(table.headers, table.samples)
    missing = chosen.missing_roles()
    error = XlsxRowError if table.kind == "xlsx" else RowError
    count = 0
    try:
        if missing:
            raise MappingError(
                table.name, f"no column is mapped as {', '.join(missing)}", table.header_line
            )
        reader = _RowReader(table, chosen)
        for line, cells in table.rows:
            if rule := too_wide(table, len(table.headers), cells):
                raise error(table.name, rule, line)
            try:
                record = reader.record(cells)
            except _CellProblem as problem:
                shown = f"{problem.value!r} " if problem.value is not None else ""
                raise error(table.name, f"{shown}{problem.rule}", line, problem.column) from None
            if record is not None:
                count += 1
                account = reader.cell(cells, "account")
                yield (None if account is None else str(account)), record
    finally:
        _close(table)
    log.info("table import: %s, %d records", table.kind, count)


def _open_for(source: Source, mapping: ColumnMapping | None, name: str | None) -> Table:
    if mapping is None:
        return open_table(source, name=name)
    return open_table(
        source,
        name=name,
        encoding=mapping.encoding,
        delimiter=mapping.delimiter,
        header_line=mapping.header_line,
        sheet=mapping.sheet,
    )


def mapping_fits(source: Source, mapping: ColumnMapping, *, name: str | None = None) -> bool:
    """Whether the file, read with the mapping's settings, `fits` the mapping."""
    try:
        table = _open_for(source, mapping, name)
    except TableFileError:
        return False
    _close(table)
    return mapping.fits(table.headers)


def _close(table: Table) -> None:
    close = getattr(table.rows, "close", None)
    if close is not None:
        close()


def _read_bytes(source: Source, name: str) -> bytes:
    if isinstance(source, bytes):
        return source
    if isinstance(source, str | Path):
        try:
            return Path(source).read_bytes()
        except OSError as exc:
            raise TableFileError(name, f"cannot be opened: {exc.strerror}") from None
    return source.read()


def _display_name(source: Source) -> str:
    if isinstance(source, str | Path):
        return Path(source).name
    if isinstance(source, bytes):
        return "<bytes>"
    name = getattr(source, "name", None)
    return Path(name).name if isinstance(name, str) else "<stream>"
