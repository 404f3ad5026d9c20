"""Spreadsheet exports of a case: its transactions and its summary.

The request log is exported by `app.store.audit_export`, in machine-readable CSV.

XLSX files have real number and date cells (amounts as exact decimals with the format
`#,##0.00`, which Excel shows as `1 234,56` in Norwegian), a header row, frozen panes and an
autofilter; column widths are fixed per column, not measured over the rows. They are written
in openpyxl's streaming mode, so a case of any size is never held whole. CSV files are what
Excel in Norway opens without a question: semicolons between fields, decimal commas, dates
`dd.mm.yyyy`, UTF-8 with a byte order mark. A text a spreadsheet would take for a formula
(one starting with =, +, -, @, a tab or a carriage return, as bank texts and imported files may)
stays text: a string cell in XLSX, and in CSV the text after a single quote.

Every export says what it is, for which case, when it was made and by whom, and carries the
confidentiality and (for sandbox data) the sandbox marking: in a sheet of its own in XLSX, in
the file's properties, and nowhere in CSV, which has no room for it outside the data.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from app import __version__, config
from app.domain.clock import Clock, SystemClock, to_oslo
from app.domain.money import from_minor
from app.reports import formatting as fmt
from app.reports.data import ReportData, account_state, collect
from app.reports.files import written_csv, written_workbook
from app.reports.texts import Catalogue, catalogue
from app.store import report_queries as q
from app.store.db import Database

log = logging.getLogger(__name__)

AMOUNT_FORMAT = "#,##0.00"
DATE_FORMAT = "DD.MM.YYYY"
TIME_FORMAT = "DD.MM.YYYY HH:MM"
CSV_DELIMITER = ";"

TEXT, DATE, TIME, AMOUNT, NUMBER, DECIMAL = "text", "date", "time", "amount", "number", "decimal"
FIGURE = "figure"
"""An amount when the value is a Decimal, a plain number otherwise (the summary's figures)."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a text as a formula. Texts come from banks
and imported files, so any of them may start so; they must stay text."""


@dataclass(frozen=True)
class Column:
    """One column of an export: its header (a catalogue key), kind, width and value."""

    header: str
    kind: str
    width: float
    value: Callable[[Any], Any]


def _decimal(text: str | None) -> Decimal | None:
    if not text:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _minor(value: int | None) -> Decimal | None:
    return from_minor(value) if value is not None else None


def transaction_columns(tr: Catalogue, flagged: set[int]) -> tuple[Column, ...]:
    yes = tr("yes")
    return (
        Column("col.bank", TEXT, 26, lambda r: r.bank_name),
        Column("col.bank_org", TEXT, 13, lambda r: r.bank_org_number),
        Column("col.account", TEXT, 15, lambda r: fmt.account_number(r.account_number)),
        Column("col.account_name", TEXT, 18, lambda r: r.account_name),
        Column("col.booking_date", DATE, 12, lambda r: r.booking_date),
        Column("col.value_date", DATE, 12, lambda r: r.value_date),
        Column("col.amount", AMOUNT, 15, lambda r: from_minor(r.amount_minor)),
        Column("col.currency", TEXT, 8, lambda r: r.currency or r.account_currency),
        Column("col.status", TEXT, 12, lambda r: tr.word("tx_status", r.status)),
        Column("col.reversal", TEXT, 8, lambda r: yes if r.reversal else ""),
        Column("col.text", TEXT, 18, lambda r: r.code_text),
        Column("col.counterparty", TEXT, 30, lambda r: r.counterparty_name),
        Column(
            "col.counterparty_account",
            TEXT,
            16,
            lambda r: fmt.account_number(r.counterparty_account),
        ),
        Column("col.merchant", TEXT, 22, lambda r: r.merchant),
        Column("col.message", TEXT, 40, lambda r: r.message),
        Column("col.reference", TEXT, 22, lambda r: r.reference),
        Column("col.card", TEXT, 18, lambda r: r.card),
        Column("col.original_amount", AMOUNT, 14, lambda r: _minor(r.original_amount_minor)),
        Column("col.original_currency", TEXT, 8, lambda r: r.original_currency),
        Column("col.exchange_rate", DECIMAL, 10, lambda r: _decimal(r.exchange_rate)),
        Column("col.flagged", TEXT, 8, lambda r: yes if r.id in flagged else ""),
        Column("col.transaction_id", TEXT, 28, lambda r: r.key),
    )


# -- XLSX ---------------------------------------------------------------------------------

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
_WRAP = Alignment(wrap_text=True, vertical="top")


def xlsx_text(sheet: Any, value: Any) -> Any:
    """A value for a write-only row; a text openpyxl would take for a formula or an error
    (a leading "=", "#N/A") becomes a string cell holding the text unchanged. Carriage returns
    become line feeds, the line break of a spreadsheet cell: XML readers turn a bare one into a
    line feed anyway, and writing it so keeps the file the same with or without lxml."""
    if isinstance(value, str) and "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if isinstance(value, str) and (value.startswith(FORMULA_STARTS) or value in ERROR_CODES):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def csv_text(value: str) -> str:
    """A text for a CSV cell; one a spreadsheet would take for a formula gets a leading
    single quote, which Excel and LibreOffice read as "this is text"."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _local(moment: datetime) -> datetime:
    """Excel knows no time zones: Norwegian local time, without its zone."""
    return to_oslo(moment).replace(tzinfo=None)


def _cell(sheet: Any, kind: str, value: Any) -> Any:
    if value is None or value == "":
        return None
    if kind == AMOUNT or (kind == FIGURE and isinstance(value, Decimal)):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = AMOUNT_FORMAT
        return cell
    if kind == DATE:
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    if kind == TIME:
        cell = WriteOnlyCell(sheet, value=_local(value))
        cell.number_format = TIME_FORMAT
        return cell
    return xlsx_text(sheet, value)


def _table_sheet(
    workbook: Workbook,
    title: str,
    headers: list[str],
    kinds: list[str],
    widths: list[float],
    rows: Iterable[list[Any]],
) -> int:
    """A sheet of one table: header, frozen header row, autofilter; returns the row count."""
    sheet = workbook.create_sheet(title[:31])
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    header_cells = []
    for text in headers:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
        header_cells.append(cell)
    sheet.append(header_cells)
    count = 0
    for row in rows:
        sheet.append([_cell(sheet, kind, value) for kind, value in zip(kinds, row, strict=True)])
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{count + 1}"
    return count


def _column_sheet(
    workbook: Workbook, title: str, columns: tuple[Column, ...], tr: Catalogue, rows: Iterable[Any]
) -> int:
    return _table_sheet(
        workbook,
        title,
        [tr(c.header) for c in columns],
        [c.kind for c in columns],
        [c.width for c in columns],
        ([c.value(row) for c in columns] for row in rows),
    )


@dataclass(frozen=True)
class _About:
    """Who, what and when of an export, for its "about" sheet and file properties."""

    case: q.ReportCase
    what: str
    made_at: datetime
    user: str


def _about(db: Database, case_id: int, what: str, clock: Clock | None, user: str | None) -> _About:
    with db.session() as session:
        case = q.report_case(session, case_id)
    return _About(case, what, (clock or SystemClock()).now(), user or config.current_user())


def _about_sheet(workbook: Workbook, about: _About, tr: Catalogue, rows: int) -> None:
    sheet = workbook.create_sheet(tr("export.sheet.about")[:31])
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 70
    case = about.case
    lines: list[tuple[str, Any]] = [
        (tr("confidential"), ""),
    ]
    if case.environment == "sandbox":
        lines.append((tr("sandbox_marking"), ""))
    lines += [
        (tr("export.about.what"), about.what),
        (tr("fact.reference"), case.reference),
        (tr("fact.service"), tr(f"service.{case.service}")),
        (
            tr(f"fact.subject.{case.service}"),
            tr.subject_name(case.subject_name, from_banks=case.name_from_banks),
        ),
        (tr("fact.period"), fmt.period(case.period_start, case.period_end) or tr("not_fetched")),
        (tr("fact.environment"), tr.word("environment", case.environment)),
        (tr("fact.request_id"), case.request_id),
        (tr("export.made"), tr("fact.by", time=fmt.moment(about.made_at), user=about.user)),
        (tr("export.about.rows"), rows),
        (tr("export.about.times"), ""),
        (tr("made_with", version=__version__), ""),
    ]
    bold = Font(bold=True, color="9B1C1C")
    for index, (label, value) in enumerate(lines):
        cell = WriteOnlyCell(sheet, value=label)
        if index == 0 or label == tr("sandbox_marking"):
            cell.font = bold
        value_cell = WriteOnlyCell(sheet, value=value if value != "" else None)
        if isinstance(value, str) and value:
            value_cell.data_type = "s"
        value_cell.alignment = _WRAP
        sheet.append([cell, value_cell])


def _describe(workbook: Workbook, about: _About, tr: Catalogue) -> None:
    """The file's properties: what it is, for which case, by whom, and its markings."""
    properties = workbook.properties
    properties.title = f"{about.what} – {about.case.reference}"
    properties.subject = tr(f"service.{about.case.service}")
    properties.creator = about.user
    properties.keywords = tr("confidential") + (
        f"; {tr('sandbox_marking')}" if about.case.environment == "sandbox" else ""
    )
    properties.description = tr("confidential")
    properties.created = _local(about.made_at)


def _transactions(db: Database, case_id: int) -> Iterator[q.TransactionRow]:
    with db.session() as session:
        for block in q.stream_transactions(session, case_id):
            yield from block


def _flagged(db: Database, case_id: int) -> set[int]:
    with db.session() as session:
        return q.flagged_transaction_ids(session, case_id)


def export_transactions_xlsx(
    db: Database,
    case_id: int,
    out: str | Path,
    *,
    language: str = "nb",
    clock: Clock | None = None,
    user: str | None = None,
) -> Path:
    """Every transaction of a case as an XLSX workbook; returns the file's path."""
    tr = catalogue(language)
    about = _about(db, case_id, tr("export.about.transactions"), clock, user)
    columns = transaction_columns(tr, _flagged(db, case_id))
    with written_workbook(out) as workbook:
        _describe(workbook, about, tr)
        rows = _column_sheet(
            workbook, tr("export.sheet.transactions"), columns, tr, _transactions(db, case_id)
        )
        _about_sheet(workbook, about, tr, rows)
    log.info("case %d: %d transactions exported to XLSX", case_id, rows)
    return Path(out)


# -- the summary --------------------------------------------------------------------------


def _figures(data: ReportData, tr: Catalogue) -> list[list[Any]]:
    """Figure, value, currency: the summary's key figures as rows."""
    key_label = tr(f"key_label.{data.service.value}")
    rows: list[list[Any]] = [
        [tr("export.figure.banks"), len(data.banks), None],
        [tr("export.figure.accounts"), len(data.accounts), None],
        [tr("export.figure.transactions"), data.transaction_count, None],
        [tr("export.figure.flagged"), len(data.flagged), None],
    ]
    for totals in data.overview.totals:
        rows += [
            [
                tr("export.figure.assets_key", label=key_label),
                from_minor(totals.assets_key),
                totals.currency,
            ],
            [
                tr("export.figure.debts_key", label=key_label),
                from_minor(totals.debts_key),
                totals.currency,
            ],
            [tr("export.figure.assets_end"), from_minor(totals.assets_end), totals.currency],
            [tr("export.figure.debts_end"), from_minor(totals.debts_end), totals.currency],
        ]
    for currency, sums in data.totals.items():
        rows += [
            [tr("export.figure.in"), from_minor(sums.in_minor), currency],
            [tr("export.figure.out"), from_minor(sums.out_minor), currency],
        ]
    return rows


def _bank_rows(data: ReportData, tr: Catalogue) -> Iterator[list[Any]]:
    for bank in data.banks:
        trail = data.trails.get(bank.org_number)
        yield [
            bank.name,
            bank.org_number,
            tr.word("bank_status", bank.status),
            tr.source(bank.message) if bank.message else None,
            bank.fetched_at,
            len(data.accounts_of(bank.id)),
            trail.requests if trail else 0,
            trail.failed if trail else 0,
            trail.first_correlation_id if trail else None,
            trail.last_correlation_id if trail else None,
        ]


def _account_rows(data: ReportData, tr: Catalogue) -> Iterator[list[Any]]:
    banks = {bank.id: bank.name for bank in data.banks}
    for account in data.accounts:
        overview = data.account_overview(account.id)
        activity = data.activity.get(account.id, {})
        count = sum(s.count for s in activity.values())
        money_in = sum(s.in_minor for s in activity.values())
        money_out = sum(s.out_minor for s in activity.values())
        state = account_state(account, data.case.period_end)
        yield [
            banks.get(account.bank_id),
            fmt.account_number(account.account_number),
            account.name,
            tr.word("account_type", account.type),
            account.currency,
            tr(f"account_state.{state}", date=fmt.day(account.end_date)),
            account.owner_name,
            _minor(overview.balance_key) if overview else None,
            tr("yes") if overview and overview.balance_key_derived else None,
            _minor(overview.balance_end) if overview else None,
            overview.balance_end_on if overview else None,
            count,
            from_minor(money_in),
            from_minor(money_out),
            tr.word("fetch_status", account.fetch_status),
            account.message,
        ]


@dataclass(frozen=True)
class _Table:
    """One table of the summary: a sheet in XLSX, a section in CSV."""

    title: str
    headers: list[str]
    kinds: list[str]
    widths: list[float]
    rows: Iterable[list[Any]]


def _summary_tables(data: ReportData, tr: Catalogue) -> list[_Table]:
    """The summary's key figures, banks and accounts, as the PDF shows them."""
    key_label = tr(f"key_label.{data.service.value}")
    figures = _Table(
        tr("export.sheet.summary"),
        [tr("export.figure"), tr("export.value"), tr("col.currency")],
        [TEXT, FIGURE, TEXT],
        [44, 18, 10],
        _figures(data, tr),
    )
    banks = _Table(
        tr("export.sheet.banks"),
        [
            tr(k)
            for k in (
                "col.bank",
                "col.bank_org",
                "col.answer",
                "col.message_fetch",
                "col.fetched",
                "summary.accounts",
                "col.requests",
                "col.failed",
                "col.first_correlation",
                "col.last_correlation",
            )
        ],
        [TEXT, TEXT, TEXT, TEXT, TIME, NUMBER, NUMBER, NUMBER, TEXT, TEXT],
        [28, 13, 20, 40, 17, 9, 12, 10, 38, 38],
        _bank_rows(data, tr),
    )
    accounts = _Table(
        tr("export.sheet.accounts"),
        [
            tr("col.bank"),
            tr("col.account"),
            tr("col.account_name"),
            tr("col.account_type"),
            tr("col.currency"),
            tr("col.account_status"),
            tr("col.owner"),
            tr("col.balance_key", label=key_label),
            tr("col.balance_key_computed"),
            tr("col.balance_end"),
            tr("col.balance_end_date"),
            tr("col.transactions"),
            tr("col.in"),
            tr("col.out"),
            tr("col.fetch"),
            tr("col.message_fetch"),
        ],
        [
            TEXT,
            TEXT,
            TEXT,
            TEXT,
            TEXT,
            TEXT,
            TEXT,
            AMOUNT,
            TEXT,
            AMOUNT,
            DATE,
            NUMBER,
            AMOUNT,
            AMOUNT,
            TEXT,
            TEXT,
        ],
        [26, 15, 18, 22, 8, 18, 26, 16, 10, 16, 12, 12, 15, 15, 12, 36],
        _account_rows(data, tr),
    )
    return [figures, banks, accounts]


def export_summary_xlsx(
    db: Database,
    case_id: int,
    out: str | Path,
    *,
    language: str = "nb",
    clock: Clock | None = None,
    user: str | None = None,
) -> Path:
    """The case's summary, banks and accounts as an XLSX workbook (the PDF's figures)."""
    tr = catalogue(language)
    about = _about(db, case_id, tr("export.about.summary"), clock, user)
    data = collect(db, case_id, made_at=about.made_at, user=about.user, version=__version__)
    with written_workbook(out) as workbook:
        _describe(workbook, about, tr)
        for table in _summary_tables(data, tr):
            _table_sheet(
                workbook, table.title, table.headers, table.kinds, table.widths, table.rows
            )
        _about_sheet(workbook, about, tr, len(data.accounts))
    return Path(out)


# -- CSV ----------------------------------------------------------------------------------


def _csv_value(kind: str, value: Any) -> str:
    if value is None:
        return ""
    if kind in (AMOUNT, DECIMAL, FIGURE) and isinstance(value, Decimal):
        return format(value, "f").replace(".", ",")
    if kind == DATE:
        return fmt.day(value)
    if kind == TIME:
        return fmt.moment(value)
    if isinstance(value, str):
        return csv_text(value)
    return str(value)


def _write_csv(
    out: str | Path, columns: tuple[Column, ...], tr: Catalogue, rows: Iterable[Any]
) -> tuple[Path, int]:
    count = 0
    with written_csv(out) as stream:
        writer = csv.writer(stream, delimiter=CSV_DELIMITER, lineterminator="\r\n")
        writer.writerow([tr(c.header) for c in columns])
        for row in rows:
            writer.writerow([_csv_value(c.kind, c.value(row)) for c in columns])
            count += 1
    return Path(out), count


def export_transactions_csv(
    db: Database, case_id: int, out: str | Path, *, language: str = "nb"
) -> Path:
    """Every transaction of a case as CSV for Excel in Norway; returns the file's path."""
    tr = catalogue(language)
    columns = transaction_columns(tr, _flagged(db, case_id))
    path, count = _write_csv(out, columns, tr, _transactions(db, case_id))
    log.info("case %d: %d transactions exported to CSV", case_id, count)
    return path


def export_summary_csv(
    db: Database,
    case_id: int,
    out: str | Path,
    *,
    language: str = "nb",
    clock: Clock | None = None,
    user: str | None = None,
) -> Path:
    """The case's summary, banks and accounts as CSV: one section per table.

    Each section is the table's title on a line of its own, its header line and its rows; an
    empty line separates the sections. The figures are the XLSX summary's, in the CSV formats.
    """
    tr = catalogue(language)
    made_at = (clock or SystemClock()).now()
    data = collect(
        db, case_id, made_at=made_at, user=user or config.current_user(), version=__version__
    )
    with written_csv(out) as stream:
        writer = csv.writer(stream, delimiter=CSV_DELIMITER, lineterminator="\r\n")
        for index, table in enumerate(_summary_tables(data, tr)):
            if index:
                writer.writerow([])
            writer.writerow([table.title])
            writer.writerow(table.headers)
            for row in table.rows:
                writer.writerow(
                    [_csv_value(kind, value) for kind, value in zip(table.kinds, row, strict=True)]
                )
    log.info("case %d: summary exported to CSV", case_id)
    return Path(out)
