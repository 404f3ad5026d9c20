"""The appendix of every transaction: per account, blocks of a few dozen rows, streamed from
the store while the pages are laid out.

reportlab lays out one huge table in time that grows faster than its rows, and its general
`Table` spends most of its time on styling a cell at a time. The appendix is large and plain, so
its rows are `TransactionRows`: blocks of text cells, wrapped here to their columns, drawn
straight onto the canvas, split between rows with the header repeated on the next page.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence

from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import CondPageBreak, Flowable, Paragraph

from app.reports import formatting as fmt
from app.reports.context import ReportContext
from app.reports.fonts import BOLD, REGULAR, text_width
from app.reports.styles import (
    ACCENT,
    APPENDIX_FONT_SIZE,
    APPENDIX_LEADING,
    CELL_PADDING,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    HEADER_FILL,
    INK,
    ZEBRA,
)
from app.reports.texts import Catalogue
from app.store import report_queries as q

ROWS_PER_BLOCK = 45
COLUMNS = (48.0, 70.0, 120.0, 158.0, 66.0)
COLUMN_WIDTHS = (*COLUMNS, FRAME_WIDTH - sum(COLUMNS))
RIGHT = frozenset({4})
CENTRE = frozenset({5})
LINE = APPENDIX_LEADING
"""Rows are a whole number of lines high, with no padding: the stripes set them apart."""
BASELINE = LINE - 2.3
"""From the top of a line to the baseline of its text."""
ROOM_FOR_HEADING = 48.0
"""Space an account's heading needs below it (header and two rows) to start on this page."""


def wrap(
    text: str, width: float, *, face: str = REGULAR, size: float = APPENDIX_FONT_SIZE
) -> list[str]:
    """Text broken at spaces into lines that fit a column; a word too long is cut."""
    room = width - 2 * CELL_PADDING
    if "\n" not in text and text_width(text, face, size) <= room:
        return [text] if text else []
    space = text_width(" ", face, size)
    lines: list[str] = []
    for paragraph in text.splitlines():
        line, used = "", 0.0
        for word in paragraph.split():
            need = text_width(word, face, size)
            if line and used + space + need <= room:
                line, used = f"{line} {word}", used + space + need
                continue
            if line:
                lines.append(line)
            while need > room:
                cut = _fitting(word, room, face, size)
                lines.append(word[:cut])
                word = word[cut:]
                need = text_width(word, face, size)
            line, used = word, need
        if line:
            lines.append(line)
    return lines


def _fitting(word: str, room: float, face: str, size: float) -> int:
    """How many leading letters of a word fit the room (at least one)."""
    cut = len(word)
    while cut > 1 and text_width(word[:cut], face, size) > room:
        cut -= 1
    return cut


Cells = list[list[str]]
"""One row: the lines of each cell."""


def _lines(row: Cells) -> int:
    return max(1, *(len(cell) for cell in row))


class TransactionRows(Flowable):
    """Rows of plain text under a header row; splits between rows and repeats the header."""

    def __init__(
        self, header: Cells, rows: list[Cells], *, first: int = 0, lines: list[int] | None = None
    ) -> None:
        super().__init__()
        self.header = header
        self.rows = rows
        self.first = first
        """Index of the first row in its account, so the stripes go on across pages."""
        self.lines = lines if lines is not None else [_lines(row) for row in rows]
        self.width = FRAME_WIDTH
        self.rows_height = sum(self.lines) * LINE
        self.header_height = _lines(header) * LINE
        self.height = self.header_height + self.rows_height

    def _header_height(self, available: float) -> float:
        """The header stands over an account's first rows and at the top of each page."""
        at_top = available >= FRAME_HEIGHT - 1
        return self.header_height if self.first == 0 or at_top else 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.height = self._header_height(availHeight) + self.rows_height
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        room = availHeight - self._header_height(availHeight)
        fits = 0
        for lines in self.lines:
            if room < lines * LINE:
                break
            room -= lines * LINE
            fits += 1
        if fits == 0 or fits == len(self.rows):
            return []
        return [
            TransactionRows(
                self.header, self.rows[:fits], first=self.first, lines=self.lines[:fits]
            ),
            TransactionRows(
                self.header, self.rows[fits:], first=self.first + fits, lines=self.lines[fits:]
            ),
        ]

    def draw(self) -> None:
        canvas = self.canv
        top = self.height
        header = self.height - self.rows_height
        canvas.saveState()
        if header:
            canvas.setFillColor(HEADER_FILL)
            canvas.rect(0, top - header, self.width, header, stroke=0, fill=1)
        canvas.setFillColor(ZEBRA)
        y = top - header
        for index, lines in enumerate(self.lines):
            if (self.first + index) % 2:
                canvas.rect(0, y - lines * LINE, self.width, lines * LINE, stroke=0, fill=1)
            y -= lines * LINE

        text = canvas.beginText()
        text.setFillColor(INK)
        if header:
            canvas.setStrokeColor(ACCENT)
            canvas.setLineWidth(0.6)
            canvas.line(0, top - header, self.width, top - header)
            text.setFont(BOLD, APPENDIX_FONT_SIZE, LINE)
            self._rows(text, [self.header], [_lines(self.header)], top, BOLD)
        text.setFont(REGULAR, APPENDIX_FONT_SIZE, LINE)
        self._rows(text, self.rows, self.lines, top - header, REGULAR)
        canvas.drawText(text)
        canvas.restoreState()

    @staticmethod
    def _rows(
        text: PDFTextObject, rows: list[Cells], heights: list[int], top: float, face: str
    ) -> None:
        """Write the rows in reading order: row by row, each cell from its own text origin.

        A cell's lines follow each other at the text leading; numbers and marks are one line,
        aligned right or in the middle.
        """
        for row, lines in zip(rows, heights, strict=True):
            baseline = top - BASELINE
            left = 0.0
            for column, (cell, width) in enumerate(zip(row, COLUMN_WIDTHS, strict=True)):
                if cell:
                    if column in RIGHT:
                        used = text_width(cell[0], face, APPENDIX_FONT_SIZE)
                        x = left + width - CELL_PADDING - used
                    elif column in CENTRE:
                        used = text_width(cell[0], face, APPENDIX_FONT_SIZE)
                        x = left + (width - used) / 2
                    else:
                        x = left + CELL_PADDING
                    text.setTextOrigin(x, baseline)
                    for line in cell:
                        text.textLine(line)
                left += width
            top -= lines * LINE


def _header(tr: Catalogue) -> Cells:
    keys = ("date", "text", "counterparty", "message", "amount", "mark")
    return [
        wrap(tr(f"appendix.column.{key}"), width, face=BOLD)
        for key, width in zip(keys, COLUMN_WIDTHS, strict=True)
    ]


def _marks(row: q.TransactionRow, flagged: set[int]) -> str:
    marks = []
    if row.id in flagged:
        marks.append("F")
    if row.status == "pending":
        marks.append("R")
    elif row.status == "info":
        marks.append("I")
    if row.reversal:
        marks.append("T")
    return " ".join(marks)


def cells(row: q.TransactionRow, tr: Catalogue, flagged: set[int]) -> Cells:
    """The six cells of one transaction line, each as its wrapped lines."""
    when = [fmt.day(row.booking_date)] if row.booking_date else []
    if row.value_date and row.value_date != row.booking_date:
        when.append(tr("appendix.value_date", date=fmt.day(row.value_date)))
    party = (row.counterparty_name or row.merchant, fmt.account_number(row.counterparty_account))
    details = [row.message]
    if row.reference:
        details.append(tr("appendix.reference", reference=row.reference))
    if row.card:
        details.append(tr("appendix.card", card=row.card))
    if row.original_amount_minor is not None:
        details.append(
            tr(
                "appendix.exchange",
                amount=fmt.amount(row.original_amount_minor),
                currency=row.original_currency or "",
                rate=fmt.rate(row.exchange_rate),
            )
        )
    texts = (
        "\n".join(when),
        row.code_text or "",
        "\n".join(filter(None, party)),
        "\n".join(filter(None, details)),
        fmt.amount(row.amount_minor, row.currency, show=row.account_currency or "NOK"),
        _marks(row, flagged),
    )
    return [wrap(text, width) for text, width in zip(texts, COLUMN_WIDTHS, strict=True)]


def _chunks(rows: Iterable[q.TransactionRow], size: int) -> Iterator[list[q.TransactionRow]]:
    iterator = iter(rows)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def transaction_blocks(
    rows: Iterable[q.TransactionRow], tr: Catalogue, flagged: set[int]
) -> Iterator[TransactionRows]:
    """Blocks of `ROWS_PER_BLOCK` transactions, each with the column header."""
    header = _header(tr)
    first = 0
    for chunk in _chunks(rows, ROWS_PER_BLOCK):
        yield TransactionRows(header, [cells(row, tr, flagged) for row in chunk], first=first)
        first += len(chunk)


def _rows(ctx: ReportContext) -> Iterator[q.TransactionRow]:
    with ctx.db.session() as session:
        for block in q.stream_transactions(session, ctx.data.case.id):
            yield from block


def appendix_flowables(ctx: ReportContext) -> Iterator[Flowable]:
    """Per account: a heading, its transactions, and their count; then the total.

    Accounts come in the order of the banks-and-accounts chapter, those without transactions
    included, so the appendix lists every account. Each account's heading also runs at the
    top of the pages its transactions fill.
    """
    tr, styles = ctx.tr, ctx.styles
    flagged = {f.transaction.id for f in ctx.data.flagged}
    banks = {bank.id: bank.name for bank in ctx.data.banks}
    order = ctx.data.accounts
    position = {account.id: index for index, account in enumerate(order)}
    done = total = with_transactions = 0

    def heading(account_id: int, bank: str, number: str, name: str | None) -> list[Flowable]:
        title = tr("appendix.account", bank=bank, number=fmt.account_number(number))
        title = f"{title}  {name or ''}".strip()
        return [
            CondPageBreak(ROOM_FOR_HEADING),
            ctx.running_heading(f"appendix-{account_id}", title),
        ]

    def empty(accounts: Sequence[q.ReportAccount]) -> Iterator[Flowable]:
        for account in accounts:
            yield from heading(
                account.id, banks.get(account.bank_id, ""), account.account_number, account.name
            )
            yield Paragraph(fmt.markup(tr("appendix.account_none")), styles.small)

    for account_id, group in itertools.groupby(_rows(ctx), key=lambda row: row.account_id):
        first = next(group)
        index = position.get(account_id)
        if index is not None and index >= done:
            yield from empty(order[done:index])
            done = index + 1
        yield from heading(account_id, first.bank_name, first.account_number, first.account_name)
        count = 0
        for block in transaction_blocks(itertools.chain((first,), group), tr, flagged):
            count += len(block.rows)
            yield block
        yield Paragraph(
            fmt.markup(
                tr(
                    "appendix.account_end",
                    count=count,
                    number=fmt.account_number(first.account_number),
                )
            ),
            styles.small,
        )
        total += count
        with_transactions += 1
    yield from empty(order[done:])
    yield Paragraph(
        fmt.markup(tr("appendix.end", count=total, accounts=with_transactions)), styles.body
    )
