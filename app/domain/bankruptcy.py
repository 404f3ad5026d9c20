"""The bankruptcy estate (konkursbo): key dates and the windows a trustee reviews.

The ruling date (kjennelsesdato) opens the bankruptcy; the cut-off date (fristdag) is the day
the court received the petition, and the windows for reversing payments (omstøtelse) count
back from it:
- after the ruling date: money moved on accounts that should have been blocked;
- extraordinary payments (dekningsloven § 5-5): payments to creditors made later than three
  months before the cut-off date, up to the ruling date;
- transfers without consideration (dekningsloven § 5-2): gifts and the like made later than one
  year before the cut-off date, up to the ruling date;
- close parties (nærstående): transfers to persons or companies the trustee marks as close to
  the debtor, in the whole period fetched.

Without a cut-off date the ruling date stands in for it, and the windows say so.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from app.domain.cases import FIELD_CUTOFF_DATE, FIELD_RULING_DATE
from app.domain.errors import InvalidInput
from app.domain.periods import Period, months_before
from app.domain.text import QT_TRANSLATE_NOOP as _T


class ReviewWindow(enum.StrEnum):
    AFTER_RULING = "after_ruling"
    EXTRAORDINARY = "extraordinary"
    NO_CONSIDERATION = "no_consideration"
    CLOSE_PARTY = "close_party"


class Assessment(enum.StrEnum):
    REVERSE = "reverse"
    ACCEPT = "accept"
    INVESTIGATE = "investigate"


WINDOW_NAMES = {
    ReviewWindow.AFTER_RULING: _T("bankruptcy", "After the ruling date"),
    ReviewWindow.EXTRAORDINARY: _T("bankruptcy", "Payments in the 3 months before the cut-off"),
    ReviewWindow.NO_CONSIDERATION: _T("bankruptcy", "Transfers without consideration, 1 year"),
    ReviewWindow.CLOSE_PARTY: _T("bankruptcy", "Transfers to close parties"),
}
WINDOW_RULES = {
    ReviewWindow.AFTER_RULING: _T(
        "bankruptcy", "konkursloven § 100: the debtor lost control of the assets at the opening"
    ),
    ReviewWindow.EXTRAORDINARY: _T(
        "bankruptcy",
        "dekningsloven § 5-5: extraordinary payments in the 3 months before the "
        "cut-off date may be reversed",
    ),
    ReviewWindow.NO_CONSIDERATION: _T(
        "bankruptcy",
        "dekningsloven § 5-2: gifts in the year before the cut-off date may be reversed",
    ),
    ReviewWindow.CLOSE_PARTY: _T(
        "bankruptcy", "dekningsloven chapter 5: longer windows apply to close parties"
    ),
}
ASSESSMENT_NAMES = {
    Assessment.REVERSE: _T("bankruptcy", "Reverse"),
    Assessment.ACCEPT: _T("bankruptcy", "Accept"),
    Assessment.INVESTIGATE: _T("bankruptcy", "Investigate"),
}


@dataclass(frozen=True)
class KeyDates:
    ruling_date: date
    cutoff_date: date | None

    @property
    def reference_date(self) -> date:
        """The cut-off date, or the ruling date when no cut-off date was entered."""
        return self.cutoff_date or self.ruling_date

    @property
    def cutoff_missing(self) -> bool:
        return self.cutoff_date is None

    def window(self, window: ReviewWindow, fetched: Period) -> Period | None:
        """The dates a window covers, cut to the period fetched; None if nothing is left."""
        reference = self.reference_date
        if window is ReviewWindow.AFTER_RULING:
            start, end = date.fromordinal(self.ruling_date.toordinal() + 1), fetched.end
        elif window is ReviewWindow.EXTRAORDINARY:
            start, end = months_before(reference, 3), self.ruling_date
        elif window is ReviewWindow.NO_CONSIDERATION:
            start, end = months_before(reference, 12), self.ruling_date
        else:
            start, end = fetched.start, fetched.end
        start, end = max(start, fetched.start), min(end, fetched.end)
        return Period(start, end) if start <= end else None


def checked_key_dates(ruling_date: date | None, cutoff_date: date | None, today: date) -> KeyDates:
    """The key dates a trustee entered, or `InvalidInput` naming the date that breaks a rule:
    neither date in the future, and the cut-off date not after the ruling date."""
    if ruling_date is None:
        raise InvalidInput(FIELD_RULING_DATE, _T("rules", "must be given"))
    if ruling_date > today:
        raise InvalidInput(FIELD_RULING_DATE, _T("rules", "cannot be in the future"))
    if cutoff_date is not None:
        if cutoff_date > today:
            raise InvalidInput(FIELD_CUTOFF_DATE, _T("rules", "cannot be in the future"))
        if cutoff_date > ruling_date:
            raise InvalidInput(FIELD_CUTOFF_DATE, _T("rules", "cannot be after the ruling date"))
    return KeyDates(ruling_date, cutoff_date)
