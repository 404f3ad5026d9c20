"""The guardian's account (vergeregnskap) as a spreadsheet: reading it from CSV or XLSX, and
writing the template a guardian fills in.

The table has one row per figure: `Kontonummer; Bank; Post; Beløp; Merknad`. The post is
`Inngående saldo` (balance on 1 January), `Utgående saldo` (balance on 31 December), or an
income or expense category (`Pensjon og trygd`, `Kontantuttak`, ...; see
`app.domain.guardianship.CATEGORIES`). Income and expenses are positive amounts; several rows of
one category on one account are added up. CSV files may be UTF-8 (with or without BOM) or
Windows-1252, with semicolons and decimal commas; thousands may be grouped with spaces,
no-break spaces or points. Encoding, delimiter and amounts are read by `app.imports.tabular`.
Every error names the file, the line (or spreadsheet row), the column and the rule.
"""

from __future__ import annotations

import csv
import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from app.domain.errors import InvalidInput
from app.domain.guardianship import (
    CATEGORIES,
    ReportedAccount,
    ReportedLine,
    category_code,
    reported_account,
    reported_line,
)
from app.domain.identifiers import validate_account_number
from app.imports.errors import (
    AmountFormatError,
    MappingError,
    RowError,
    TableFileError,
    XlsxRowError,
)
from app.imports.tabular import Cell, Source, cell_amount, open_table, too_wide

log = logging.getLogger(__name__)

HEADERS = ("Kontonummer", "Bank", "Post", "Beløp", "Merknad")
OPENING = "Inngående saldo"
CLOSING = "Utgående saldo"
DATA_SHEET = "Vergeregnskap"
GUIDE_SHEET = "Veiledning"

_COLUMNS = {
    "account": ("kontonummer", "kontonr", "konto", "account number", "account"),
    "bank": ("bank", "banknavn", "bank name"),
    "item": ("post", "kategori", "category", "item"),
    "amount": ("beløp", "belop", "beløp nok", "amount", "sum"),
    "note": ("merknad", "kommentar", "note", "comment"),
}
_REQUIRED = ("account", "item", "amount")
_BALANCE_WORDS = {
    "inngående saldo": "opening",
    "inngaende saldo": "opening",
    "saldo 1.1": "opening",
    "opening balance": "opening",
    "opening": "opening",
    "utgående saldo": "closing",
    "utgaende saldo": "closing",
    "saldo 31.12": "closing",
    "closing balance": "closing",
    "closing": "closing",
}
_HEADER_SCAN_ROWS = 20


class ReportFileError(TableFileError):
    """A guardian's account file could not be read; the message says where and why."""


@dataclass
class ImportedReport:
    """A guardian's account read from a file, validated, ready to be saved."""

    accounts: list[ReportedAccount]
    file_name: str
    kind: str
    encoding: str | None = None
    rows: int = 0


@dataclass
class _Draft:
    line: int
    bank: str | None = None
    opening: Decimal | None = None
    closing: Decimal | None = None
    lines: list[ReportedLine] = field(default_factory=list)


def _normal(value: Cell) -> str:
    text = str(value or "").replace("_", " ").replace("\u00a0", " ").casefold()
    return " ".join(text.split()).strip(" .:*")


def _columns(cells: list[Cell]) -> dict[str, int] | None:
    """The role of each column if the row is a header naming at least the required columns."""
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        name = _normal(cell)
        for role, synonyms in _COLUMNS.items():
            if name in synonyms and role not in found:
                found[role] = index
    return found if all(role in found for role in _REQUIRED) else None


def _cell(cells: list[Cell], index: int | None) -> Cell:
    if index is None or index >= len(cells):
        return None
    return cells[index]


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def read_report(source: Source, *, name: str | None = None) -> ImportedReport:
    """Read a guardian's account from a CSV or XLSX file (path, bytes or stream)."""
    table = open_table(source, name=name)
    error = XlsxRowError if table.kind == "xlsx" else RowError
    try:
        rows: list[tuple[int, list[Cell]]] = [(table.header_line, list(table.headers))]
        rows += table.rows
    finally:
        close = getattr(table.rows, "close", None)
        if close is not None:
            close()

    header_at = next(
        (i for i, (_, cells) in enumerate(rows[:_HEADER_SCAN_ROWS]) if _columns(cells)), None
    )
    if header_at is None:
        raise MappingError(
            table.name,
            "has no header row naming the columns Kontonummer, Post and Beløp "
            "(write the template out to see the layout)",
        )
    _, header = rows[header_at]
    columns = _columns(header) or {}
    names = {role: _text(header[index]) for role, index in columns.items()}

    drafts: dict[str, _Draft] = {}
    count = 0
    for line, cells in rows[header_at + 1 :]:
        if not any(_text(c) for c in cells):
            continue
        if rule := too_wide(table, len(header), cells):
            raise error(table.name, rule, line)
        count += 1
        _read_row(table.name, error, line, cells, columns, names, drafts)

    accounts = _accounts(table.name, error, drafts)
    log.info("guardian's account read: %s, %d rows, %d accounts", table.kind, count, len(accounts))
    return ImportedReport(accounts, table.name, table.kind, table.encoding, count)


def _read_row(
    file: str,
    error: type[RowError],
    line: int,
    cells: list[Cell],
    columns: dict[str, int],
    names: dict[str, str],
    drafts: dict[str, _Draft],
) -> None:
    number_text = _text(_cell(cells, columns["account"]))
    if not number_text:
        raise error(file, "the account number is missing", line, names["account"])
    try:
        number = validate_account_number(number_text, names["account"])
    except InvalidInput as problem:
        raise error(file, f"account number: {problem.rule}", line, names["account"]) from None
    draft = drafts.setdefault(number, _Draft(line))
    bank = _text(_cell(cells, columns.get("bank")))
    if bank and draft.bank is None:
        draft.bank = bank

    item = _text(_cell(cells, columns["item"]))
    if not item:
        raise error(file, "the post is missing", line, names["item"])
    raw = _cell(cells, columns["amount"])
    balance = _BALANCE_WORDS.get(_normal(item))
    if not _text(raw):
        if balance is not None:
            raise error(file, f"{item}: the amount is missing", line, names["amount"])
        return  # a category left empty in the template
    try:
        amount = cell_amount(raw, ",")
    except AmountFormatError as problem:
        raise error(file, f"{_text(raw)!r} {problem.rule}", line, names["amount"]) from None

    if balance is not None:
        if getattr(draft, balance) is not None:
            raise error(file, f"{item} is given twice for this account", line, names["item"])
        setattr(draft, balance, amount)
        return
    if category_code(item) is None:
        raise error(
            file,
            f"{item!r} is neither a balance nor one of the categories of the template",
            line,
            names["item"],
        )
    note = _text(_cell(cells, columns.get("note"))) or None
    try:
        draft.lines.append(reported_line(item, amount, note=note))
    except InvalidInput as problem:
        raise error(file, problem.rule, line, names["amount"]) from None


def _accounts(file: str, error: type[RowError], drafts: dict[str, _Draft]) -> list[ReportedAccount]:
    accounts = []
    for position, (number, draft) in enumerate(drafts.items(), start=1):
        for balance, word in (("opening", OPENING), ("closing", CLOSING)):
            if getattr(draft, balance) is None:
                raise error(file, f"the account has no row {word!r}", draft.line)
        try:
            account = reported_account(
                account_number=number,
                bank_name=draft.bank,
                opening=draft.opening,
                closing=draft.closing,
                lines=draft.lines,
                position=position,
            )
        except InvalidInput as problem:
            raise error(file, f"{problem.field}: {problem.rule}", draft.line) from None
        accounts.append(account)
    if not accounts:
        raise ReportFileError(file, "holds no accounts under its header")
    return accounts


# -- the template -------------------------------------------------------------------------------


GUIDE = (
    "Vergeregnskap – slik fyller du ut",
    "",
    "Skriv én rad per beløp i arket «Vergeregnskap». Hver konto vergehaveren hadde i året, "
    "skal ha én rad «Inngående saldo» (saldo 1. januar) og én rad «Utgående saldo» "
    "(saldo 31. desember).",
    "Inntekter og utgifter føres med en post fra listen under, som positive beløp. "
    "Flere rader med samme post på samme konto legges sammen.",
    "Kontonummer skrives med 11 siffer (punktum og mellomrom er lov). "
    "Beløp skrives i kontoens valuta, med desimalkomma: 12 345,67.",
    "Overføringer mellom vergehaverens egne kontoer føres på begge kontoene.",
    "",
)


def _posts() -> list[tuple[str, str, str]]:
    posts = [(OPENING, "Saldo", "Opening balance"), (CLOSING, "Saldo", "Closing balance")]
    for category in CATEGORIES:
        kind = "Inntekt" if category.kind.value == "income" else "Utgift"
        posts.append((category.norwegian, kind, category.label))
    return posts


def write_template(target: str | Path) -> Path:
    """Write the empty template: XLSX (with a guide sheet and a list of posts to choose from)
    when `target` ends in .xlsx, else CSV (UTF-8 with BOM, semicolons)."""
    path = Path(target)
    if path.suffix.lower() == ".xlsx":
        _write_xlsx_template(path)
    else:
        with path.open("w", encoding="utf-8-sig", newline="") as stream:
            csv.writer(stream, delimiter=";").writerow(HEADERS)
    log.info("guardian's account template written (%s)", path.suffix.lower() or "csv")
    return path


def _write_xlsx_template(path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = DATA_SHEET
    sheet.append(list(HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDE", (18, 24, 32, 16, 40), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    for row in range(2, 1002):
        sheet.cell(row=row, column=4).number_format = "#,##0.00"
        sheet.cell(row=row, column=1).number_format = "@"

    guide = workbook.create_sheet(GUIDE_SHEET)
    guide.column_dimensions["A"].width = 34
    guide.column_dimensions["B"].width = 12
    guide.column_dimensions["C"].width = 40
    for text in GUIDE:
        guide.append([text])
        guide.cell(row=guide.max_row, column=1).alignment = Alignment(wrap_text=False)
    guide.cell(row=1, column=1).font = Font(bold=True, size=13)
    guide.append(["Post", "Type", "English"])
    header_row = guide.max_row
    for cell in guide[header_row]:
        cell.font = Font(bold=True)
    posts = _posts()
    for post in posts:
        guide.append(list(post))
    first, last = header_row + 1, header_row + len(posts)

    choose = DataValidation(
        type="list",
        formula1=f"'{GUIDE_SHEET}'!$A${first}:$A${last}",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Ukjent post",
        error="Velg en post fra listen i arket Veiledning.",
    )
    sheet.add_data_validation(choose)
    choose.add("C2:C1001")
    workbook.save(path)
