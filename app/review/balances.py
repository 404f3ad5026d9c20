"""Balances at any date, derived from a known balance and the booked transactions.

Banks give the booked balance at the end of the period (REFERENCE §4.5). The balance at an
earlier day is that balance minus everything booked after the day; that is how the estate's
balance at the date of death and the bankruptcy estate's balance at the ruling date are found
(REFERENCE §11 item 27: our option, not the standard's).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class KnownBalance:
    as_of: date
    amount_minor: int


def latest_known(
    booked: KnownBalance | None, available: KnownBalance | None, closed_on: date | None
) -> KnownBalance | None:
    """The balance the others are derived from: the latest booked, else the latest available.

    A bank gives no balance for an account closed within the period (REFERENCE §4.5); such an
    account held nothing after its end date, so zero on that date stands in.
    """
    if booked is not None:
        return booked
    if available is not None:
        return available
    if closed_on is not None:
        return KnownBalance(closed_on, 0)
    return None


def reaches(known: KnownBalance, period_start: date) -> bool:
    """Whether a balance in the case may be worked out from `known`.

    Only a balance inside the case's period, or at its edge (the end of the day before it
    starts), will do: the bookings between an older balance (a statement file from years
    before) and the period are not in the case, so carrying it forward would be a guess.
    """
    return known.as_of >= period_start - timedelta(days=1)


def balance_on(day: date, known: KnownBalance, bookings: Iterable[tuple[date, int]]) -> int:
    """The booked balance at the end of `day`, from a known balance and booked amounts.

    `bookings` are (booking date, signed amount in hundredths); dates after `day` and up to the
    known balance's date are taken back out, dates after `day` but past the known date are
    ignored, and for a day after the known date later bookings are added.
    """
    balance = known.amount_minor
    for booked, amount in bookings:
        if day < booked <= known.as_of:
            balance -= amount
        elif known.as_of < booked <= day:
            balance += amount
    return balance


def daily_balances(
    start: date, end: date, known: KnownBalance, bookings: Iterable[tuple[date, int]]
) -> list[tuple[date, int]]:
    """The end-of-day balance for every day from `start` to `end`."""
    per_day: dict[date, int] = {}
    for booked, amount in bookings:
        per_day[booked] = per_day.get(booked, 0) + amount
    opening = balance_on(start - timedelta(days=1), known, per_day.items())
    series, balance, day = [], opening, start
    while day <= end:
        balance += per_day.get(day, 0)
        series.append((day, balance))
        day += timedelta(days=1)
    return series
