"""The pages as a reader sees them: nothing wider than the text frame, no blank page, nothing
in the side margins, appendix rows that split cleanly between pages."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from report_support import REPORT_CLOCK, build_large_bankruptcy
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, KeepTogether, Table

from app.reports.appendix import (
    COLUMN_WIDTHS,
    TransactionRows,
    wrap,
)
from app.reports.context import ReportContext
from app.reports.data import collect
from app.reports.document import Streamed
from app.reports.fonts import REGULAR, text_width
from app.reports.sections import chapter_numbers, sections_for
from app.reports.styles import (
    APPENDIX_FONT_SIZE,
    CELL_PADDING,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    LEFT_MARGIN,
    PAGE_WIDTH,
    RIGHT_MARGIN,
    make_styles,
)
from app.reports.texts import catalogue

EPSILON = 0.01


def _story(db, case_id: int, language: str = "nb") -> list[Flowable]:
    data = collect(db, case_id, made_at=REPORT_CLOCK.now(), user="test", version="test")
    sections = sections_for(data.service)
    ctx = ReportContext(
        data=data,
        tr=catalogue(language),
        styles=make_styles(),
        db=db,
        chapters=chapter_numbers(sections),
        with_transactions=True,
    )
    story: list[Flowable] = []
    for section in sections:
        story += section.build(ctx)
    return story


def _check_width(flowable, width: float, where: str) -> int:
    """Assert a flowable fits `width`; returns how many tables were checked."""
    checked = 0
    if isinstance(flowable, list | tuple):
        return sum(_check_width(f, width, where) for f in flowable)
    if isinstance(flowable, Streamed):
        return sum(_check_width(f, width, where) for f in flowable.take_all())
    if isinstance(flowable, KeepTogether):
        return _check_width(flowable._content, width, where)
    if isinstance(flowable, Table):
        widths = flowable._argW
        assert sum(widths) <= width + EPSILON, f"{where}: table {sum(widths):.1f} > {width:.1f}"
        for row in flowable._cellvalues:
            for cell, column in zip(row, widths, strict=True):
                if not isinstance(cell, str):
                    checked += _check_width(cell, column, where)
        return checked + 1
    if isinstance(flowable, TransactionRows):
        assert flowable.width <= width + EPSILON
        for row in [flowable.header, *flowable.rows]:
            for lines, column in zip(row, COLUMN_WIDTHS, strict=True):
                for line in lines:
                    used = text_width(line, REGULAR, APPENDIX_FONT_SIZE)
                    assert used <= column - 2 * CELL_PADDING + 2.0, f"{where}: {line!r}"
        return checked + 1
    if isinstance(flowable, Drawing):
        assert flowable.width <= width + EPSILON, f"{where}: drawing {flowable.width}"
        return 1
    if isinstance(flowable, Flowable):
        used, _ = flowable.wrap(width, FRAME_HEIGHT)
        assert used <= width + EPSILON, f"{where}: {type(flowable).__name__} {used} > {width}"
    return checked


@pytest.fixture(autouse=True)
def _streamed_take_all(monkeypatch):
    """Let the width check drain a streamed appendix in one go."""

    def take_all(self):
        taken = []
        while batch := self.take():
            taken += batch
        return taken

    monkeypatch.setattr(Streamed, "take_all", take_all, raising=False)


@pytest.mark.parametrize("fixture", ["bankruptcy", "estate", "guardianship"])
@pytest.mark.parametrize("language", ["nb", "en"])
def test_no_table_or_chart_is_wider_than_the_text_frame(request, db, fixture, language):
    built = request.getfixturevalue(fixture)
    checked = _check_width(_story(db, built.case_id, language), FRAME_WIDTH, fixture)
    assert checked > 5


def test_the_appendix_columns_fill_the_frame_exactly():
    assert sum(COLUMN_WIDTHS) == pytest.approx(FRAME_WIDTH)


def test_long_words_are_cut_to_fit_their_column():
    width = COLUMN_WIDTHS[2]
    lines = wrap("Ŋ" * 80 + " kort ord", width)
    assert len(lines) > 1
    for line in lines:
        assert text_width(line, REGULAR, APPENDIX_FONT_SIZE) <= width - 2 * CELL_PADDING
    assert "".join(lines).replace(" ", "") == "Ŋ" * 80 + "kortord"


def test_appendix_rows_split_between_rows_and_keep_every_row():
    header = [["Bokført"], ["Type"], ["Motpart"], ["Melding"], ["Beløp"], ["Merk."]]
    rows = [
        [[f"{n:02d}.01.2025"], ["Nettgiro"], ["A", "B"], ["x"], ["1,00"], []] for n in range(1, 41)
    ]
    block = TransactionRows(header, rows)
    _, height = block.wrap(FRAME_WIDTH, FRAME_HEIGHT)
    parts = block.split(FRAME_WIDTH, height / 3)
    assert len(parts) == 2
    assert [r for p in parts for r in p.rows] == rows
    assert parts[1].first == len(parts[0].rows)
    # The continuation starts a page, so it has the header again.
    assert parts[1].wrap(FRAME_WIDTH, FRAME_HEIGHT)[1] > parts[1].rows_height


# -- rendered pages -----------------------------------------------------------------------

DPI = 40


def _pages_as_gray(pdf: Path, folder: Path) -> list[tuple[int, int, bytes]]:
    """Render with pdftoppm to 8-bit gray PGM files and read them: (width, height, pixels)."""
    subprocess.run(
        ["pdftoppm", "-gray", "-r", str(DPI), str(pdf), str(folder / "page")],
        check=True,
        capture_output=True,
    )
    pages = []
    for path in sorted(folder.glob("page-*.pgm")):
        data = path.read_bytes()
        magic, width, height, depth, pixels = data.split(maxsplit=4)
        assert magic == b"P5" and depth == b"255"
        pages.append((int(width), int(height), pixels[: int(width) * int(height)]))
    return pages


needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None,
    reason="pdftoppm (poppler-utils) is not installed; install it to check rendered pages",
)


def _check_pages(pdf: Path, folder: Path) -> int:
    pages = _pages_as_gray(pdf, folder)
    scale = DPI / 72
    left = int((LEFT_MARGIN - 2) * scale)
    right = int((PAGE_WIDTH - RIGHT_MARGIN + 2) * scale) + 1
    for number, (width, height, pixels) in enumerate(pages, start=1):
        inked = sum(1 for value in pixels if value < 200)
        assert inked > 0.01 * width * height, f"page {number} is (nearly) blank"
        for y in range(height):
            row = pixels[y * width : (y + 1) * width]
            assert min(row[:left]) > 120, f"page {number}: ink in the left margin, row {y}"
            assert min(row[right:]) > 120, f"page {number}: ink in the right margin, row {y}"
    return len(pages)


@needs_poppler
@pytest.mark.parametrize("fixture", ["bankruptcy", "estate", "guardianship"])
def test_rendered_pages_are_not_blank_and_keep_their_margins(
    request, write_report, tmp_path, fixture
):
    built = request.getfixturevalue(fixture)
    pdf = write_report(built.case_id, language="en" if fixture == "estate" else "nb")
    folder = tmp_path / "png"
    folder.mkdir()
    assert _check_pages(pdf, folder) >= 6


@needs_poppler
def test_a_case_with_charts_and_a_long_appendix_keeps_its_margins(db, write_report, tmp_path):
    built = build_large_bankruptcy(db, transactions=1500, banks=3, accounts_per_bank=4)
    pdf = write_report(built.case_id)
    folder = tmp_path / "png"
    folder.mkdir()
    assert _check_pages(pdf, folder) > 20
