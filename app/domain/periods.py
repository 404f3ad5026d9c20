"""Periods of a request: inclusive date ranges and the calendar arithmetic of the services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta


@dataclass(frozen=True, order=True)
class Period:
    """An inclusive range of dates, as `fromDate` and `toDate` are on the wire."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("a period cannot end before it starts")

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def months_before(day: date, months: int) -> date:
    """The same day number `months` calendar months earlier, clamped to the month's last day."""
    return day - relativedelta(months=months)


def calendar_year(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31))
