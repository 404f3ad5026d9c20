"""The page machinery of a report: page templates, the marks on every page, page numbers
"side x av y", the table of contents, and a story that can be fed from a stream.

- `ReportDocument` lays out a story on A4 pages. Every page carries the confidentiality mark,
  the sandbox mark when the data is synthetic, and a footer with the case reference, the time
  of the data fetch and of the report, and the data source.
- `numbered_canvas` keeps the pages until the end, when the page count is known, and then
  writes "side x av y" on each.
- `Heading` is a paragraph that becomes a contents entry, a PDF bookmark and an outline entry.
  `contents_table` draws the entries a previous layout pass found (see `case_report`).
- `Streamed` stands in the story for flowables that come from an iterator (the transaction
  appendix); the document pulls them a few at a time, so a long appendix is never held whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    ActionFlowable,
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.paragraph import ParagraphStyle

from app.reports.fonts import BOLD, REGULAR
from app.reports.formatting import markup
from app.reports.styles import (
    ACCENT,
    BOTTOM_MARGIN,
    CONFIDENTIAL,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    INK,
    LEFT_MARGIN,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RIGHT_MARGIN,
    RULE,
    SANDBOX_FILL,
    TOP_MARGIN,
    Styles,
    grid_style,
)

# Compressed page streams stay binary: smaller files, and no slow pure-Python ASCII85 pass.
rl_config.useA85 = 0

FOOTER_SIZE = 7.0
PAGE_LABEL_SIZE = 8.0


@dataclass(frozen=True)
class PageMarks:
    """What is printed on every page, outside the text frame."""

    confidential: str
    heading: tuple[str, ...]
    """Right-hand header, longest first: the first that fits is printed (the last is cut)."""
    footer: tuple[str, str]
    """Two footer lines: the case, then the times and the source."""
    page_label: Callable[[int, int], str]
    sandbox: str | None = None
    """The sandbox mark; None for real data."""


@dataclass(frozen=True)
class ContentsEntry:
    level: int
    title: str
    page: int
    key: str


class Heading(Paragraph):
    """A heading that the document enters in the contents, the bookmarks and the outline.

    A heading with a `running` title puts that title at the top of the pages that follow,
    until the next such heading or the next chapter (the appendix names its account so).
    """

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        *,
        key: str,
        title: str,
        level: int | None,
        running: str | None = None,
    ) -> None:
        super().__init__(text, style)
        self.key = key
        self.title = title
        self.level = level
        self.running = running


class Streamed(Flowable):
    """A place in the story filled from an iterator of flowables, a batch at a time."""

    def __init__(self, source: Iterator[Flowable], batch: int = 12) -> None:
        super().__init__()
        self._source = source
        self._batch = batch

    def take(self) -> list[Flowable]:
        """The next few flowables; never ends on one that must stay with the next."""
        taken: list[Flowable] = []
        for flowable in self._source:
            taken.append(flowable)
            if len(taken) >= self._batch and not flowable.getKeepWithNext():
                break
        return taken

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        return None


def numbered_canvas(marks: PageMarks) -> type[Canvas]:
    """A canvas class that holds its pages back and writes "page x of y" when it saves."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._held.append(dict(self.__dict__))
            # Later bookmarks must name the page they are on, though no page is written yet.
            self._doc.pageCounter += 1
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            self._doc.pageCounter = 1
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                self._page_label(number, total)
                Canvas.showPage(self)
            self._held = []
            Canvas.save(self)

        def _page_label(self, number: int, total: int) -> None:
            self.saveState()
            self.setFont(BOLD, PAGE_LABEL_SIZE)
            self.setFillColor(INK)
            self.drawRightString(
                PAGE_WIDTH - RIGHT_MARGIN, BOTTOM_MARGIN - 9 * mm, marks.page_label(number, total)
            )
            self.restoreState()

    return NumberedCanvas


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Text cut with an ellipsis to fit a width (footer lines must never run off the page)."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def draw_marks(canvas: Canvas, marks: PageMarks, running: str | None = None) -> None:
    """The header and footer of one page; `running` replaces the usual right-hand header."""
    canvas.saveState()
    top = PAGE_HEIGHT - TOP_MARGIN + 7 * mm
    right = PAGE_WIDTH - RIGHT_MARGIN
    if marks.sandbox:
        canvas.setFillColor(SANDBOX_FILL)
        canvas.rect(0, PAGE_HEIGHT - 9 * mm, PAGE_WIDTH, 9 * mm, stroke=0, fill=1)
        canvas.setFillColor(INK)
        canvas.setFont(BOLD, 10)
        canvas.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 6.2 * mm, marks.sandbox)
    canvas.setFont(BOLD, 8)
    canvas.setFillColor(CONFIDENTIAL)
    canvas.drawString(LEFT_MARGIN, top, marks.confidential)
    used = stringWidth(marks.confidential, BOLD, 8) + 6 * mm
    canvas.setFont(REGULAR, 8)
    canvas.setFillColor(MUTED)
    room = FRAME_WIDTH - used
    choices = (running,) if running else marks.heading
    heading = next((h for h in choices if stringWidth(h, REGULAR, 8) <= room), choices[-1])
    canvas.drawRightString(right, top, _fit(heading, REGULAR, 8, room))
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.6)
    canvas.line(LEFT_MARGIN, top - 2.5 * mm, right, top - 2.5 * mm)

    base = BOTTOM_MARGIN - 6 * mm
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.4)
    canvas.line(LEFT_MARGIN, base + 3.5 * mm, right, base + 3.5 * mm)
    canvas.setFont(REGULAR, FOOTER_SIZE)
    canvas.setFillColor(MUTED)
    first, second = marks.footer
    label_room = stringWidth(marks.page_label(99999, 99999), BOLD, PAGE_LABEL_SIZE) + 6 * mm
    canvas.drawString(LEFT_MARGIN, base, _fit(first, REGULAR, FOOTER_SIZE, FRAME_WIDTH))
    canvas.drawString(
        LEFT_MARGIN, base - 3 * mm, _fit(second, REGULAR, FOOTER_SIZE, FRAME_WIDTH - label_room)
    )
    canvas.restoreState()


class ReportDocument(BaseDocTemplate):
    """A4 pages with the report's marks; records headings for the contents as it goes."""

    def __init__(
        self,
        out: str | BinaryIO,
        marks: PageMarks,
        *,
        title: str,
        author: str,
        subject: str,
        creator: str,
        keywords: list[str],
        language: str,
        made_at: datetime,
    ) -> None:
        super().__init__(
            out,
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            leftMargin=LEFT_MARGIN,
            rightMargin=RIGHT_MARGIN,
            topMargin=TOP_MARGIN,
            bottomMargin=BOTTOM_MARGIN,
            title=title,
            author=author,
            subject=subject,
            creator=creator,
            producer=creator,
            keywords=keywords,
            lang="nb-NO" if language == "nb" else "en",
            invariant=1,
            pageCompression=1,
            displayDocTitle=1,
        )
        self.marks = marks
        self.made_at = made_at
        self.entries: list[ContentsEntry] = []
        self._running: str | None = None
        self._page_running: str | None = None
        self._page_fresh = True
        frame = Frame(
            LEFT_MARGIN,
            BOTTOM_MARGIN,
            FRAME_WIDTH,
            FRAME_HEIGHT,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="text",
        )
        self.addPageTemplates(
            [PageTemplate(id="page", frames=[frame], onPageEnd=self._on_page_end)]
        )

    def _on_page_end(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        draw_marks(canvas, self.marks, self._page_running)

    def beforePage(self) -> None:  # noqa: N802 - reportlab's name
        self._page_running = self._running
        self._page_fresh = True

    def handle_documentBegin(self) -> None:  # noqa: N802 - reportlab's name
        self.entries = []
        self._running = None
        # The document's dates are the report's time, not the wall clock (reproducible).
        stamp = self.made_at.strftime("D:%Y%m%d%H%M%S+00'00'")
        self.canv.setDateFormatter(lambda *_parts: stamp)
        super().handle_documentBegin()

    def filterFlowables(self, flowables: list[Flowable]) -> None:  # noqa: N802
        while flowables and isinstance(flowables[0], Streamed):
            taken = flowables[0].take()
            if taken:
                flowables[0:0] = taken
            else:
                flowables[0] = None  # reportlab skips a None; the list must not run empty here

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802
        if not isinstance(flowable, Heading):
            if not isinstance(flowable, (ActionFlowable, Spacer)):
                self._page_fresh = False
            return
        if flowable.running is not None or flowable.level == 0:
            self._running = flowable.running
            if self._page_fresh:
                self._page_running = flowable.running
        self._page_fresh = False
        self.canv.bookmarkPage(flowable.key, fit="XYZ", top=None)
        if flowable.level is None:
            return
        self.canv.addOutlineEntry(flowable.title, flowable.key, level=flowable.level)
        self.entries.append(ContentsEntry(flowable.level, flowable.title, self.page, flowable.key))


def contents_table(entries: list[ContentsEntry], styles: Styles) -> Table | None:
    """The table of contents, with a link from each entry to its page."""
    if not entries:
        return None
    rows = []
    for entry in entries:
        style = styles.toc[min(entry.level, len(styles.toc) - 1)]
        rows.append(
            [
                Paragraph(f'<a href="#{entry.key}">{markup(entry.title)}</a>', style),
                Paragraph(
                    str(entry.page),
                    ParagraphStyle("tocpage", parent=style, alignment=2, leftIndent=0),
                ),
            ]
        )
    table = Table(rows, colWidths=(FRAME_WIDTH - 40, 40))
    style = grid_style(header=False)
    style.add("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE)
    table.setStyle(style)
    return table
