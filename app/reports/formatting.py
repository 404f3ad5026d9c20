"""How values read in a report: dates `dd.mm.yyyy`, times in Norwegian local time, amounts
`1 234,56`, and account, organisation and national id numbers grouped as Norwegians write them.

Everything here returns plain text; `markup` escapes text for reportlab's paragraph markup.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from xml.sax.saxutils import escape

from stdnum import iban

from app.domain.clock import to_oslo
from app.domain.money import NBSP, format_amount

DASH = "–"


def count(number: int) -> str:
    """A count with its thousands grouped as amounts are (`6 977`)."""
    return f"{number:,}".replace(",", NBSP)


def day(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value is not None else ""


def moment(value: datetime | None) -> str:
    """An aware instant as Norwegian local time, `dd.mm.yyyy HH:MM`."""
    return to_oslo(value).strftime("%d.%m.%Y %H:%M") if value is not None else ""


def period(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return ""
    return f"{day(start)} {DASH} {day(end)}".strip()


def amount(minor: int | None, currency: str | None = None, *, show: str | None = None) -> str:
    """An amount in hundredths as `-1 234,56`; the currency is added when it is not `show`."""
    if minor is None:
        return ""
    text = format_amount(minor, minor=True)
    if currency and currency != show:
        return f"{text} {currency}"
    return text


_SECTION_SIGN = re.compile(r"\s*§\s*(?=\d)")


def legal_reference(value: str) -> str:
    """A legal reference as it is read: `kkl. §156, jf. kkfor.§21` as `kkl. § 156, jf.
    kkfor. § 21`. The bank gets the text exactly as the service prescribes it; only the
    report spaces it."""
    return _SECTION_SIGN.sub(" § ", value).strip()


def rate(value: str | None) -> str:
    """An exchange rate, stored as the bank gave it (`13.9742`), with a decimal comma."""
    if not value:
        return ""
    try:
        exact = Decimal(value)
    except InvalidOperation:
        return value
    return format(exact, "f").replace(".", ",") if exact.is_finite() else value


def account_number(value: str | None) -> str:
    """A Norwegian account number as `1234.56.78901`, an IBAN in groups of four as it is
    printed (`DE14 7406 1813 …`, which also wraps between groups); anything else as given."""
    if value is None:
        return ""
    if len(value) == 11 and value.isdigit():
        return f"{value[:4]}.{value[4:6]}.{value[6:]}"
    if iban.is_valid(value):
        return iban.format(value)
    return value


def party_id(value: str | None) -> str:
    """An organisation number as `999 000 010`, a national id as `010203 12345`."""
    if value is None:
        return ""
    if len(value) == 9 and value.isdigit():
        return f"{value[:3]} {value[3:6]} {value[6:]}"
    if len(value) == 11 and value.isdigit():
        return f"{value[:6]} {value[6:]}"
    return value


def markup(text: str | None) -> str:
    """Text made safe for a reportlab Paragraph, with line breaks kept."""
    return escape(text or "").replace("\n", "<br/>")
