"""Everything a case report shows, read from the store in one go and kept as plain values.

`collect` asks the store once per kind of fact; the sections then lay the values out without
touching the database again (only the transaction appendix streams its rows while it is laid
out). Figures the overview page also shows (balances at the key date and at the period's end,
assets and debts) come from the same store function, `browse.case_overview`, so screen and
paper agree.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from app.domain.clock import oslo_day
from app.domain.services import Service, ServiceProfile, profile
from app.store import report_queries as q
from app.store import review_queries
from app.store.browse import AccountOverview, CaseOverview, case_overview
from app.store.db import Database

ANSWER_GROUPS = {
    "complete": "complete",
    "partial": "partial",
    "incomplete": "partial",
    "failed": "failed",
    "cancelled": "failed",
    "letter_needed": "letter",
    "imported": "complete",
}
"""How a bank's status counts in the summary line; other statuses are listed apart."""


@dataclass(frozen=True)
class Sums:
    """Counts and booked sums of transactions in one currency."""

    count: int = 0
    booked: int = 0
    pending: int = 0
    in_minor: int = 0
    out_minor: int = 0
    first: date | None = None
    last: date | None = None

    def __add__(self, other: Sums) -> Sums:
        return Sums(
            count=self.count + other.count,
            booked=self.booked + other.booked,
            pending=self.pending + other.pending,
            in_minor=self.in_minor + other.in_minor,
            out_minor=self.out_minor + other.out_minor,
            first=min(filter(None, (self.first, other.first)), default=None),
            last=max(filter(None, (self.last, other.last)), default=None),
        )


def _sums(activity: q.AccountActivity) -> Sums:
    return Sums(
        activity.count,
        activity.booked,
        activity.pending,
        activity.in_minor,
        activity.out_minor,
        activity.first,
        activity.last,
    )


def sums_by_currency(rows: list[q.AccountActivity]) -> dict[str, Sums]:
    totals: dict[str, Sums] = defaultdict(Sums)
    for row in rows:
        totals[row.currency] = totals[row.currency] + _sums(row)
    return dict(sorted(totals.items()))


@dataclass(frozen=True)
class FlaggedTransaction:
    transaction: q.TransactionRow
    flags: tuple[q.FlagRow, ...]
    notes: tuple[q.NoteRow, ...]


@dataclass
class ReportData:
    case: q.ReportCase
    profile: ServiceProfile
    overview: CaseOverview
    banks: list[q.ReportBank]
    accounts: list[q.ReportAccount]
    activity: dict[int, dict[str, Sums]]
    """Per account id, per currency."""
    totals: dict[str, Sums]
    after_key: dict[str, Sums]
    after_cutoff: dict[str, Sums] | None
    movements: dict[int, list[tuple[date, int]]]
    trails: dict[str, q.RequestTrail]
    sources: list[q.ReportSource]
    flagged: list[FlaggedTransaction]
    cleared_flags: int
    notes: list[q.NoteRow]
    note_transactions: dict[int, q.TransactionRow]
    fetched_at: datetime | None
    made_at: datetime
    user: str
    version: str
    outside_period: int = 0
    """Transactions booked outside the period the service allows (old imported files); they
    are left out of `activity`, `totals` and the sums after the key and cut-off dates."""
    allowed_period: tuple[date, date] | None = None
    _overviews: dict[int, AccountOverview] = field(default_factory=dict, repr=False)

    @property
    def service(self) -> Service:
        return Service(self.case.service)

    @property
    def is_sandbox(self) -> bool:
        return self.case.environment == "sandbox"

    @property
    def fetched(self) -> bool:
        """Whether data was ever fetched or imported for the case."""
        return self.case.period_start is not None or self.fetched_at is not None or bool(self.banks)

    @property
    def transaction_count(self) -> int:
        return sum(s.count for s in self.totals.values())

    def accounts_of(self, bank_id: int) -> list[q.ReportAccount]:
        return [a for a in self.accounts if a.bank_id == bank_id]

    def account_overview(self, account_id: int) -> AccountOverview | None:
        if not self._overviews:
            self._overviews = {a.id: a for bank in self.overview.banks for a in bank.accounts}
        return self._overviews.get(account_id)

    def answer_counts(self) -> tuple[Counter[str], Counter[str]]:
        """Banks per summary group (complete, partial, failed, letter), and the other statuses."""
        groups: Counter[str] = Counter()
        others: Counter[str] = Counter()
        for bank in self.banks:
            group = ANSWER_GROUPS.get(bank.status)
            if group:
                groups[group] += 1
            else:
                others[bank.status] += 1
        return groups, others


def account_state(account: q.ReportAccount, on: date | None) -> str:
    """open, blocked, closed, deleted or unknown, as of the day given (the period's end)."""
    if account.end_date is not None and (on is None or account.end_date <= on):
        return "closed"
    if account.status == "disabled":
        return "blocked"
    if account.status == "deleted":
        return "deleted"
    if account.status == "enabled":
        return "open"
    return "unknown"


def collect(
    db: Database, case_id: int, *, made_at: datetime, user: str, version: str
) -> ReportData:
    """Read everything the report shows; raises `CaseNotFound` for an unknown case."""
    with db.session() as session:
        case = q.report_case(session, case_id)
        service = Service(case.service)
        allowed = profile(service).period(case.key_date, oslo_day(made_at))
        within = (allowed.start, allowed.end)
        rows = q.account_activity(session, case_id, within=within)
        after_key = after_cutoff = None
        if service is not Service.GUARDIANSHIP:
            after_key = q.account_activity(session, case_id, after=case.key_date, within=within)
        if case.cutoff_date is not None:
            after_cutoff = q.account_activity(
                session, case_id, after=case.cutoff_date, within=within
            )
        flags = q.active_flags(session, case_id)
        notes = q.case_notes(session, case_id)
        wanted = {flag.transaction_id for flag in flags} | {
            n.target_id for n in notes if n.target_kind == "transaction" and n.target_id
        }
        transactions = q.transactions_by_id(session, sorted(wanted))
        return ReportData(
            case=case,
            profile=profile(service),
            overview=case_overview(session, case_id),
            banks=q.report_banks(session, case_id),
            accounts=q.report_accounts(session, case_id),
            activity=_per_account(rows),
            totals=sums_by_currency(rows),
            after_key=sums_by_currency(after_key or []),
            after_cutoff=sums_by_currency(after_cutoff) if after_cutoff is not None else None,
            movements=q.booked_movements(session, case_id),
            trails=q.request_trails(session, case_id),
            sources=q.report_sources(session, case_id),
            flagged=_flagged(flags, notes, transactions),
            cleared_flags=q.cleared_flag_count(session, case_id),
            notes=notes,
            note_transactions=transactions,
            fetched_at=q.latest_fetch(session, case_id),
            made_at=made_at,
            user=user,
            version=version,
            outside_period=review_queries.count_outside(
                session, case_id, allowed.start, allowed.end
            ),
            allowed_period=within,
        )


def _per_account(rows: list[q.AccountActivity]) -> dict[int, dict[str, Sums]]:
    activity: dict[int, dict[str, Sums]] = defaultdict(dict)
    for row in rows:
        activity[row.account_id][row.currency] = _sums(row)
    return dict(activity)


def _flagged(
    flags: list[q.FlagRow], notes: list[q.NoteRow], transactions: dict[int, q.TransactionRow]
) -> list[FlaggedTransaction]:
    by_transaction: dict[int, list[q.FlagRow]] = defaultdict(list)
    for flag in flags:
        by_transaction[flag.transaction_id].append(flag)
    notes_by: dict[int, list[q.NoteRow]] = defaultdict(list)
    for note in notes:
        if note.target_kind == "transaction" and note.target_id is not None:
            notes_by[note.target_id].append(note)
    flagged = [
        FlaggedTransaction(transactions[tid], tuple(found), tuple(notes_by.get(tid, ())))
        for tid, found in by_transaction.items()
        if tid in transactions
    ]
    flagged.sort(
        key=lambda f: (
            f.transaction.booking_date or date.min,
            f.transaction.bank_name,
            f.transaction.account_number,
            f.transaction.id,
        )
    )
    return flagged
