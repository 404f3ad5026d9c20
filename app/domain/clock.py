"""The clock of the application: business dates in Europe/Oslo, instants in aware UTC.

Everything that asks "what is today?" takes a `Clock`, so that tests and reports can fix time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Protocol
from zoneinfo import ZoneInfo

OSLO = ZoneInfo("Europe/Oslo")


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, aware, in UTC."""
        ...

    def today(self) -> date:
        """The current calendar date in Norway."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return datetime.now(OSLO).date()


@dataclass(frozen=True)
class FixedClock:
    """A clock stopped at one instant; used by tests and for reproducible reports."""

    instant: datetime

    def now(self) -> datetime:
        return self.instant.astimezone(UTC)

    def today(self) -> date:
        return self.instant.astimezone(OSLO).date()

    @classmethod
    def on(cls, day: date, hour: int = 12) -> FixedClock:
        return cls(datetime(day.year, day.month, day.day, hour, tzinfo=OSLO))


def to_oslo(instant: datetime) -> datetime:
    """Show an aware instant in Norwegian local time."""
    return instant.astimezone(OSLO)


def oslo_day(instant: datetime) -> date:
    """The Norwegian calendar day of an aware instant: between midnight in Oslo and midnight
    UTC it is a day later than the instant's UTC date."""
    return instant.astimezone(OSLO).date()
