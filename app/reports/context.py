"""What a section builder gets: the case's data, the language, the styles, and helpers for
numbered chapter headings and cross references.

A context lives for one layout pass. The chapter numbers follow the report kind's list of
sections, so a reference such as "see chapter 3" is known before that chapter is laid out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.reports.data import ReportData
from app.reports.document import ContentsEntry, Heading
from app.reports.formatting import markup
from app.reports.styles import Styles
from app.reports.texts import Catalogue
from app.store.db import Database


@dataclass
class ReportContext:
    data: ReportData
    tr: Catalogue
    styles: Styles
    db: Database
    chapters: dict[str, int]
    """Chapter number of each numbered section, by section key."""
    contents: list[ContentsEntry] = field(default_factory=list)
    """The contents found by the previous layout pass."""
    with_transactions: bool = True
    """False on the passes that only lay out the pages before the appendix."""

    def chapter(self, key: str) -> int:
        return self.chapters[key]

    def chapter_heading(self, key: str, title: str) -> Heading:
        """A numbered chapter heading, entered in the contents at the top level."""
        text = f"{self.chapters[key]} {title}"
        return Heading(markup(text), self.styles.h1, key=f"chapter-{key}", title=text, level=0)

    def sub_heading(self, key: str, title: str, *, contents: bool = True) -> Heading:
        """A heading under a chapter; in the contents at the second level if asked."""
        return Heading(
            markup(title), self.styles.h2, key=key, title=title, level=1 if contents else None
        )

    def running_heading(self, key: str, title: str) -> Heading:
        """A heading that also stands at the top of the pages that follow it (the appendix)."""
        return Heading(
            markup(title), self.styles.running, key=key, title=title, level=None, running=title
        )

    def minor_heading(self, key: str, title: str) -> Heading:
        """A heading that gets a bookmark but no contents entry (accounts, for instance)."""
        return Heading(markup(title), self.styles.h3, key=key, title=title, level=None)
