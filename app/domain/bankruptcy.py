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
  the debtor, in the whole period fetched; the law's longest windows for them reach two years
  before the cut-off date (dekningsloven §§ 5-2 and 5-5).

Without a cut-off date the ruling date stands in for it, and the windows say so.

A bankruptcy case fetches from twelve months before the ruling date, so the one-year and
two-year windows reach before the period fetched whenever the cut-off date lies before the
ruling date: `KeyDates.reach` gives the dates the law gives a window, `KeyDates.window` the part
the period fetched covers, and `KeyDates.reaches_outside` tells the two apart. A cut-off date
earlier than the fetch period's start is refused (`app.domain.cases.check_cutoff_date`).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.cases import FIELD_CUTOFF_DATE, FIELD_RULING_DATE, check_cutoff_date
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
WINDOW_OUTSIDE = _T(
    "bankruptcy",
    "By law this window runs %1–%2, beyond the period fetched; transactions outside the "
    "period fetched are not listed.",
)
"""Said of a window whose dates by law (`KeyDates.reach`) reach outside the period fetched:
%1 and %2 are the first and last day of its reach."""

EXTRAORDINARY_MONTHS = 3
NO_CONSIDERATION_MONTHS = 12
CLOSE_PARTY_MONTHS = 24
"""How far back from the cut-off date each window reaches (dekningsloven §§ 5-5, 5-2, and both
for close parties)."""

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

    def reach(self, window: ReviewWindow, fetched: Period) -> Period | None:
        """The dates the law gives a window, whether or not the period fetched covers them.

        The windows after the ruling date and for close parties run on to the end of the
        period fetched. None when the window has no days at all (a ruling date on the last
        day fetched leaves nothing after it).
        """
        reference = self.reference_date
        if window is ReviewWindow.AFTER_RULING:
            start, end = self.ruling_date + timedelta(days=1), fetched.end
        elif window is ReviewWindow.EXTRAORDINARY:
            start, end = months_before(reference, EXTRAORDINARY_MONTHS), self.ruling_date
        elif window is ReviewWindow.NO_CONSIDERATION:
            start, end = months_before(reference, NO_CONSIDERATION_MONTHS), self.ruling_date
        else:
            start, end = months_before(reference, CLOSE_PARTY_MONTHS), fetched.end
        return Period(start, end) if start <= end else None

    def window(self, window: ReviewWindow, fetched: Period) -> Period | None:
        """The dates a window covers, cut to the period fetched; None if nothing is left.

        The close-party window lists the whole period fetched, also before its reach.
        """
        if window is ReviewWindow.CLOSE_PARTY:
            return fetched
        reach = self.reach(window, fetched)
        if reach is None:
            return None
        start, end = max(reach.start, fetched.start), min(reach.end, fetched.end)
        return Period(start, end) if start <= end else None

    def reaches_outside(self, window: ReviewWindow, fetched: Period) -> bool:
        """Whether the law gives a window days the period fetched does not cover, so that its
        list may miss transactions (say so with `WINDOW_OUTSIDE`)."""
        reach = self.reach(window, fetched)
        return reach is not None and (reach.start < fetched.start or reach.end > fetched.end)


def checked_key_dates(ruling_date: date | None, cutoff_date: date | None, today: date) -> KeyDates:
    """The key dates a trustee entered, or `InvalidInput` naming the date that breaks a rule:
    neither date in the future, and the cut-off date neither after the ruling date nor before
    the period a bankruptcy case fetches (see `check_cutoff_date`)."""
    if ruling_date is None:
        raise InvalidInput(FIELD_RULING_DATE, _T("rules", "must be given"))
    if ruling_date > today:
        raise InvalidInput(FIELD_RULING_DATE, _T("rules", "cannot be in the future"))
    if cutoff_date is not None:
        if cutoff_date > today:
            raise InvalidInput(FIELD_CUTOFF_DATE, _T("rules", "cannot be in the future"))
        check_cutoff_date(cutoff_date, ruling_date)
    return KeyDates(ruling_date, cutoff_date)
