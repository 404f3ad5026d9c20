"""Small icons drawn at run time, so the window needs no image files for its markers."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF

SIZE = 16


def _canvas() -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter


@cache
def flag_icon() -> QIcon:
    """A red pennant on a pole: the transaction is flagged."""
    pixmap, painter = _canvas()
    painter.setPen(QPen(QColor("#444444"), 1.5))
    painter.drawLine(QPointF(4, 2), QPointF(4, 14))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#c62828"))
    painter.drawPolygon(QPolygonF([QPointF(4.5, 2), QPointF(13, 5), QPointF(4.5, 8.5)]))
    painter.end()
    return QIcon(pixmap)


@cache
def note_icon() -> QIcon:
    """A sheet with lines: the item has notes."""
    pixmap, painter = _canvas()
    painter.setPen(QPen(QColor("#5d4037"), 1))
    painter.setBrush(QColor("#fff59d"))
    painter.drawRect(3, 2, 10, 12)
    for y in (5, 8, 11):
        painter.drawLine(5, y, 11, y)
    painter.end()
    return QIcon(pixmap)
