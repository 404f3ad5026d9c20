"""The look of the reports: page geometry, colours, paragraph and table styles.

One A4 portrait page layout for every report kind. Body text is 9 pt, tables 8 pt and the
transaction appendix 7 pt, all in DejaVu Sans (see `fonts`).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from app.reports.fonts import BOLD, ITALIC, REGULAR, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT_MARGIN = RIGHT_MARGIN = 18 * mm
TOP_MARGIN = 24 * mm
BOTTOM_MARGIN = 22 * mm
FRAME_WIDTH = PAGE_WIDTH - LEFT_MARGIN - RIGHT_MARGIN
FRAME_HEIGHT = PAGE_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN

INK = colors.HexColor("#1b2a41")
ACCENT = colors.HexColor("#1f4e79")
MUTED = colors.HexColor("#5b6675")
CONFIDENTIAL = colors.HexColor("#9b1c1c")
HEADER_FILL = colors.HexColor("#dde4ee")
ZEBRA = colors.HexColor("#f4f6f9")
RULE = colors.HexColor("#9aa5b5")
SANDBOX_FILL = colors.HexColor("#ffd34d")
POSITIVE = colors.HexColor("#2e6da4")
NEGATIVE = colors.HexColor("#b23b3b")

APPENDIX_FONT_SIZE = 7.0
APPENDIX_LEADING = 9.0
CELL_PADDING = 2.5


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    running: ParagraphStyle
    body: ParagraphStyle
    note: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    cell_note: ParagraphStyle
    head_right: ParagraphStyle
    label: ParagraphStyle
    toc: tuple[ParagraphStyle, ...]
    marking: ParagraphStyle


def make_styles() -> Styles:
    register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=REGULAR,
        fontSize=9,
        leading=12,
        textColor=INK,
        spaceAfter=4,
        alignment=TA_LEFT,
    )
    cell = ParagraphStyle("cell", parent=body, fontSize=8, leading=10, spaceAfter=0)
    heading = ParagraphStyle(
        "heading", parent=body, fontName=BOLD, textColor=ACCENT, keepWithNext=1
    )
    return Styles(
        title=ParagraphStyle("title", parent=heading, fontSize=20, leading=25, spaceAfter=6),
        subtitle=ParagraphStyle("subtitle", parent=body, fontSize=12, leading=16, spaceAfter=12),
        h1=ParagraphStyle(
            "h1", parent=heading, fontSize=14, leading=18, spaceBefore=14, spaceAfter=8
        ),
        h2=ParagraphStyle(
            "h2", parent=heading, fontSize=11.5, leading=15, spaceBefore=12, spaceAfter=5
        ),
        h3=ParagraphStyle(
            "h3",
            parent=heading,
            fontSize=9.5,
            leading=12,
            spaceBefore=9,
            spaceAfter=3,
            textColor=INK,
        ),
        running=ParagraphStyle(
            "running",
            parent=heading,
            fontSize=9.5,
            leading=12,
            spaceBefore=9,
            spaceAfter=3,
            textColor=INK,
            keepWithNext=0,
        ),
        body=body,
        note=ParagraphStyle("note", parent=body, fontName=ITALIC, textColor=MUTED),
        small=ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5, textColor=MUTED),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=BOLD),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        cell_note=ParagraphStyle("cell_note", parent=cell, fontName=ITALIC, textColor=MUTED),
        head_right=ParagraphStyle("head_right", parent=cell, fontName=BOLD, alignment=TA_RIGHT),
        label=ParagraphStyle("label", parent=cell, textColor=MUTED),
        toc=(
            ParagraphStyle("toc0", parent=body, fontName=BOLD, fontSize=10, leading=14),
            ParagraphStyle("toc1", parent=body, fontSize=9, leading=12, leftIndent=14),
            ParagraphStyle("toc2", parent=body, fontSize=8.5, leading=11, leftIndent=28),
        ),
        marking=ParagraphStyle(
            "marking",
            parent=body,
            fontName=BOLD,
            fontSize=10,
            leading=13,
            textColor=CONFIDENTIAL,
        ),
    )


def grid_style(*, header: bool = True, right_columns: tuple[int, ...] = ()) -> TableStyle:
    """A light table: thin rules, a shaded header row, zebra rows, numbers to the right."""
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("LEADING", (0, 0), (-1, -1), 10),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
    ]
    for column in right_columns:
        commands.append(("ALIGN", (column, 0), (column, -1), "RIGHT"))
    if header:
        commands += [
            ("FONTNAME", (0, 0), (-1, 0), BOLD),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, ACCENT),
        ]
    return TableStyle(commands)


def facts_style() -> TableStyle:
    """Label-value tables: labels muted on the left, values on the right, thin rules."""
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("FONTSIZE", (0, 0), (-1, -1), 8),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
            ("BACKGROUND", (0, 0), (0, -1), ZEBRA),
        ]
    )
