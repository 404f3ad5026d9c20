"""The case report: one PDF with the facts, banks, accounts, balances, flags, decisions,
sources and every transaction of a case, in the kind the case's service calls for.

The pages before the appendix are laid out first, without the transactions, until the table
of contents stops moving (usually twice, which is quick); then the whole report is laid out
once with that contents table, the transactions streaming from the database. The file is
written beside its final name and moved there when complete, so a failed run leaves no half
report behind. The same case and the same clock give the same document.
"""

from __future__ import annotations

import logging
import time
from io import BytesIO
from pathlib import Path

from reportlab.platypus import Flowable

from app import __version__, config
from app.domain.clock import Clock, SystemClock
from app.reports import (  # noqa: F401  (they register their sections)
    bankruptcy_section,
    control_section,
    estate_section,
)
from app.reports.context import ReportContext
from app.reports.data import ReportData, collect
from app.reports.document import ContentsEntry, ReportDocument, numbered_canvas
from app.reports.files import written_privately
from app.reports.pages import page_marks, report_document
from app.reports.sections import Section, chapter_numbers, sections_for
from app.reports.styles import Styles, make_styles
from app.reports.texts import Catalogue, catalogue
from app.store.db import Database

log = logging.getLogger(__name__)

MAX_LAYOUT_PASSES = 4


class _Report:
    """One report being made: its data, words, styles and sections."""

    def __init__(
        self, db: Database, data: ReportData, tr: Catalogue, styles: Styles, sections: list[Section]
    ) -> None:
        self.db = db
        self.data = data
        self.tr = tr
        self.styles = styles
        self.sections = sections
        self.chapters = chapter_numbers(sections)
        self.marks = page_marks(data, tr)

    def story(self, contents: list[ContentsEntry], *, with_transactions: bool) -> list[Flowable]:
        ctx = ReportContext(
            data=self.data,
            tr=self.tr,
            styles=self.styles,
            db=self.db,
            chapters=self.chapters,
            contents=contents,
            with_transactions=with_transactions,
        )
        story: list[Flowable] = []
        for section in self.sections:
            story += section.build(ctx)
        return story

    def document(self, out: str | BytesIO) -> ReportDocument:
        title = f"{self.tr(f'title.{self.data.service.value}')} – {self.data.case.reference}"
        return report_document(out, self.data, self.tr, self.marks, title=title)

    def build(
        self, out: str | BytesIO, contents: list[ContentsEntry], *, with_transactions: bool
    ) -> list[ContentsEntry]:
        document = self.document(out)
        document.build(
            self.story(contents, with_transactions=with_transactions),
            canvasmaker=numbered_canvas(self.marks),
        )
        return document.entries

    def contents(self) -> list[ContentsEntry]:
        """Lay out the pages before the appendix until the contents table stops moving."""
        contents: list[ContentsEntry] = []
        for _ in range(MAX_LAYOUT_PASSES):
            found = self.build(BytesIO(), contents, with_transactions=False)
            if found == contents:
                break
            contents = found
        return contents


def write_case_report(
    db: Database,
    case_id: int,
    out: str | Path,
    *,
    clock: Clock | None = None,
    language: str = "nb",
    user: str | None = None,
) -> Path:
    """Write the report of a case to `out` (a PDF) and return its path.

    `language` is "nb" or "en"; `clock` fixes the report's time (tests, reproducible
    copies); `user` is who made it, by default the operating-system user.
    """
    started = time.monotonic()
    tr = catalogue(language)
    made_at = (clock or SystemClock()).now()
    data = collect(
        db, case_id, made_at=made_at, user=user or config.current_user(), version=__version__
    )
    report = _Report(db, data, tr, make_styles(), sections_for(data.service))
    contents = report.contents()

    with written_privately(out) as part:
        found = report.build(str(part), contents, with_transactions=True)
        if found != contents:
            # The appendix never moves earlier pages; if it did, lay out once more to agree.
            log.warning("case %d report: contents moved in the last pass; laid out again", case_id)
            report.build(str(part), found, with_transactions=True)
    log.info(
        "case %d report written: %d transactions, %.1f s",
        case_id,
        data.transaction_count,
        time.monotonic() - started,
    )
    return Path(out)
