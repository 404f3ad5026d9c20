"""A long listing in the report: its header on top of every page it runs onto, and nowhere
else, however its rows are cut into tables for layout."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from app.reports.sections import ROWS_PER_TABLE, long_grid
from app.reports.styles import make_styles


def pages_of(lead_height: float, rows: int) -> list[str]:
    styles = make_styles()
    ctx = SimpleNamespace(styles=styles)
    listing = [[f"{n:04d}-row", "x", "1,00"] for n in range(1, rows + 1)]
    story = [Paragraph("Listing", styles.body), Spacer(1, lead_height)]
    story += long_grid(ctx, ["HeadA", "HeadB", "HeadC"], listing, (120, 120, 120), right=(2,))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(story)
    return [page.extract_text() for page in PdfReader(io.BytesIO(out.getvalue())).pages]


@pytest.mark.parametrize("lead_height", [0, 200, 500, 640])
def test_the_header_opens_every_page_and_stands_nowhere_else(lead_height):
    rows = 6 * ROWS_PER_TABLE + 7
    pages = pages_of(lead_height, rows)

    assert len(pages) >= 3
    seen = []
    for text in pages:
        assert text.count("HeadA") == 1, text[:200]  # once on each page ...
        assert text.index("HeadC") < text.index("-row")  # ... above its first row
        seen += [line.strip()[:4] for line in text.splitlines() if line.endswith("-row")]
    assert seen == [f"{n:04d}" for n in range(1, rows + 1)]  # every row once, in order
