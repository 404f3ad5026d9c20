"""The bundled DejaVu Sans family, registered once with reportlab.

The PDF core fonts lack letters such as Č, Ł, ŋ and Đ that occur in counterparty names, so
every report text is set in DejaVu Sans, embedded as a subset. Bold and italic markup in
paragraphs map to the family's bold and oblique faces.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.paths import resource

FAMILY = "DejaVuSans"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"

_FACES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}
_lock = threading.Lock()
_registered = False


class FontMissing(FileNotFoundError):
    """A bundled font file is not where the installation should have put it."""


def register_fonts() -> str:
    """Register the family (once per process) and return its name."""
    global _registered
    with _lock:
        if _registered:
            return FAMILY
        for name, filename in _FACES.items():
            path = resource("fonts", filename)
            if not path.is_file():
                raise FontMissing(f"the bundled font {filename} is missing from {path.parent}")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(
            FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        _registered = True
        return FAMILY


class _Widths(dict[str, float]):
    """Glyph widths of one face in thousandths of the font size, filled as letters occur."""

    def __init__(self, face_name: str) -> None:
        super().__init__()
        face = pdfmetrics.getFont(face_name).face
        self._widths = face.charWidths
        self._default = face.defaultWidth

    def __missing__(self, letter: str) -> float:
        width = self[letter] = self._widths.get(ord(letter), self._default)
        return width


_widths: dict[str, _Widths] = {}


def text_width(text: str, face: str, size: float) -> float:
    """The width of a text in points; the same as reportlab's `stringWidth`, much faster."""
    widths = _widths.get(face)
    if widths is None:
        register_fonts()
        widths = _widths[face] = _Widths(face)
    return sum(map(widths.__getitem__, text)) * size / 1000
