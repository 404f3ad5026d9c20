"""What every page of a case's documents carries, and the document that carries it.

`page_marks` gives the confidentiality and sandbox marks, the header and the two footer lines
of a case; `report_document` sets up an A4 document for the case with those marks and the
document's metadata. The case report and the guardianship control report share both.
"""

from __future__ import annotations

from io import BytesIO

from app import __version__
from app.reports import formatting as fmt
from app.reports.data import ReportData
from app.reports.document import PageMarks, ReportDocument
from app.reports.texts import Catalogue


def page_marks(data: ReportData, tr: Catalogue) -> PageMarks:
    case = data.case
    service = tr(f"service.{data.service.value}")
    fetched = (
        tr("footer_fetched", time=fmt.moment(data.fetched_at))
        if data.fetched_at
        else tr("footer_not_fetched")
    )
    second = " · ".join(
        (
            fetched,
            tr("footer_made", time=fmt.moment(data.made_at)),
            tr("footer_source", source=tr.word("environment", case.environment)),
        )
    )
    return PageMarks(
        confidential=tr("confidential"),
        heading=(f"{service} · {case.reference}", case.reference),
        footer=(f"{tr('footer_case', reference=case.reference)} · {service}", second),
        page_label=lambda page, pages: tr("page", page=page, pages=pages),
        sandbox=tr("sandbox_marking") if data.is_sandbox else None,
    )


def report_document(
    out: str | BytesIO, data: ReportData, tr: Catalogue, marks: PageMarks, *, title: str
) -> ReportDocument:
    """An A4 document for the case, with its marks and metadata (title, author, subject)."""
    keywords = [tr("confidential")]
    if data.is_sandbox:
        keywords.append(tr("sandbox_marking"))
    return ReportDocument(
        out,
        marks,
        title=title,
        author=data.user,
        subject=f"{data.profile.official_name} – {data.case.reference}",
        creator=f"Boinnsyn {__version__}",
        keywords=keywords,
        language=tr.language,
        made_at=data.made_at,
    )
