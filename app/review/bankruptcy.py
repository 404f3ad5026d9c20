"""The trustee's review windows: which transactions fall in each, with totals and assessments."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from app.domain.bankruptcy import CLOSE_PARTY_MONTHS, KeyDates, ReviewWindow
from app.domain.periods import Period, months_before
from app.store.cases import load_case
from app.store.db import Database
from app.store.models import CloseParty, WindowAssessment
from app.store.workflow import (
    TransactionLine,
    account_figures,
    close_parties,
    transactions_between,
    window_assessments,
)

SALARY_WORDS = re.compile(r"\blønn\b|salary|feriepenger", re.I)
COMPANY_WORDS = re.compile(r"\b(as|asa|ans|da|sa|ba|nuf|ab|ltd|gmbh|kommune|stat)\b", re.I)


@dataclass
class WindowListing:
    window: ReviewWindow
    period: Period | None
    """The window's dates inside the period fetched: the transactions listed lie in these."""
    reach: Period | None = None
    """The window's dates by law, which may reach outside the period fetched."""
    reaches_outside: bool = False
    """The law gives the window days the period fetched does not cover; show `WINDOW_OUTSIDE`
    with `reach`, as transactions on those days may exist but are not listed."""
    lines: list[TransactionLine] = field(default_factory=list)

    @property
    def total_out(self) -> int:
        return -sum(line.amount_minor for line in self.lines if line.amount_minor < 0)

    @property
    def total_in(self) -> int:
        return sum(line.amount_minor for line in self.lines if line.amount_minor > 0)


@dataclass
class BankruptcyReview:
    key_dates: KeyDates
    fetched: Period
    windows: dict[ReviewWindow, WindowListing]
    assessments: dict[tuple[int, str], WindowAssessment]
    close_parties: list[CloseParty]


def _digits(text: str | None) -> str:
    return "".join(ch for ch in text or "" if ch.isdigit())


def is_own_transfer(line: TransactionLine, own_accounts: set[str]) -> bool:
    account = _digits(line.counterparty_account)
    return bool(account) and account in own_accounts


def to_a_person(line: TransactionLine) -> bool:
    """A payment that by its counterparty looks like it went to a private person."""
    if line.counterparty_id:
        return len(_digits(line.counterparty_id)) == 11
    name = line.counterparty_name or ""
    return bool(name) and not COMPANY_WORDS.search(name)


def matches_close_party(line: TransactionLine, parties: list[CloseParty]) -> bool:
    account = _digits(line.counterparty_account)
    name = (line.counterparty_name or "").casefold()
    for party in parties:
        if party.account_number and account and _digits(party.account_number) == account:
            return True
        if party.name and name and party.name.casefold() in name:
            return True
    return False


def in_window(
    window: ReviewWindow, line: TransactionLine, own: set[str], parties: list[CloseParty]
) -> bool:
    """Whether a transaction already known to lie in the window's dates belongs in its list."""
    if window is ReviewWindow.AFTER_RULING:
        return True
    if line.amount_minor >= 0 or is_own_transfer(line, own):
        return False
    if window is ReviewWindow.EXTRAORDINARY:
        return bool(line.counterparty_name or line.counterparty_account)
    if window is ReviewWindow.NO_CONSIDERATION:
        text = " ".join(filter(None, (line.code_text, line.message)))
        return to_a_person(line) and not SALARY_WORDS.search(text)
    return matches_close_party(line, parties)


def _frame(key_dates: KeyDates, start: date | None, end: date | None, today: date) -> Period:
    """The period the windows are cut to: the one fetched, or before any fetch the widest the
    windows reach (two years before the cut-off date up to today), so that they show their own
    dates rather than a single day."""
    if start is None:
        return Period(months_before(key_dates.reference_date, CLOSE_PARTY_MONTHS), end or today)
    return Period(start, end or today)


def bankruptcy_review(db: Database, case_id: int, today: date) -> BankruptcyReview:
    with db.session() as session:
        case = load_case(session, case_id)
        key_dates = KeyDates(case.key_date, case.cutoff_date)
        fetched = _frame(key_dates, case.period_start, case.period_end, today)
        parties = close_parties(session, case_id)
        assessments = window_assessments(session, case_id)
        lines = list(transactions_between(session, case_id, fetched.start, fetched.end))
        own = {_digits(item.account_number) for item in account_figures(session, case_id)}
    windows: dict[ReviewWindow, WindowListing] = {}
    for window in ReviewWindow:
        span = key_dates.window(window, fetched)
        listing = WindowListing(
            window,
            span,
            reach=key_dates.reach(window, fetched),
            reaches_outside=key_dates.reaches_outside(window, fetched),
        )
        if span is not None:
            listing.lines = [
                line
                for line in lines
                if line.booking_date in span and in_window(window, line, own, parties)
            ]
        windows[window] = listing
    return BankruptcyReview(key_dates, fetched, windows, assessments, parties)
