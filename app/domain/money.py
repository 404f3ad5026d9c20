"""Money: `Decimal` in the core, integer hundredths in the store, Norwegian format on screen."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

HUNDRED = Decimal(100)
CENT = Decimal("0.01")
NBSP = "\u00a0"
HOME_CURRENCY = "NOK"
LIMIT = Decimal(10) ** 15
"""Every amount read is smaller than this in absolute value: far above any bank account, and
well inside the 64-bit integer hundredths the store keeps."""
TOO_LARGE = "is too large for an amount (at most 15 digits before the decimal separator)"


def too_large(amount: Decimal) -> bool:
    """Whether an amount read from outside is beyond `LIMIT` (or not a finite number)."""
    return not amount.is_finite() or abs(amount) >= LIMIT


def home_first(code: str) -> tuple[bool, str]:
    """Sort key of currency codes: kroner first, then the others by code."""
    return code != HOME_CURRENCY, code


def to_minor(amount: Decimal) -> int:
    """Whole hundredths of the currency unit (øre for NOK), rounded half to even."""
    return int((amount * HUNDRED).to_integral_value(rounding=ROUND_HALF_EVEN))


def from_minor(minor: int) -> Decimal:
    return (Decimal(minor) / HUNDRED).quantize(CENT)


def signed(amount: Decimal, is_debit: bool) -> Decimal:
    """The standard sends amounts positive with a credit/debit indicator; the core signs them."""
    return -amount if is_debit else amount


def format_amount(amount: Decimal | int | None, *, minor: bool = False) -> str:
    """Norwegian number format: `-1 234 567,89` with no-break spaces between thousands."""
    if amount is None:
        return ""
    value = from_minor(amount) if minor else Decimal(amount).quantize(CENT)
    sign = "-" if value < 0 else ""
    whole, _, fraction = f"{abs(value):.2f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return f"{sign}{NBSP.join(groups)},{fraction}"
