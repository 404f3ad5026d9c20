"""How values look on screen: Norwegian dates and amounts, and amounts typed by the user.

Account, organisation and national id numbers, and counts, are grouped as the reports group
them (`1234.56.78901`, `999 000 010`, `6 977`), by the reports' own functions.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from app.domain.money import NBSP, format_amount, to_minor
from app.reports.formatting import account_number, party_id
from app.reports.formatting import count as format_count

__all__ = [
    "DATE_FORMAT",
    "account_number",
    "format_count",
    "format_date",
    "format_minor",
    "parse_amount",
    "party_id",
]

DATE_FORMAT = "dd.MM.yyyy"
"""The Qt display format of every date field."""


def format_date(day: date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else ""


def format_minor(minor: int | None) -> str:
    """Hundredths as `-1 234,56` (no-break spaces); empty for None."""
    return format_amount(minor, minor=True)


def parse_amount(text: str) -> int | None:
    """An amount typed as `1 234,56`, `1234.56` or `-50` in hundredths; None when empty.

    Raises ValueError when the text is not an amount.
    """
    cleaned = "".join(ch for ch in text if ch not in f" {NBSP}\u202f").replace(",", ".")
    if not cleaned:
        return None
    try:
        return to_minor(Decimal(cleaned))
    except InvalidOperation:
        raise ValueError("not an amount") from None
