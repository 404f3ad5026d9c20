"""Read queries for the reports and exports: one snapshot of a case, made of plain rows.

Everything here returns frozen dataclasses, never ORM objects, so a report can be laid out
after the session is gone. The transactions come as a stream of blocks (`stream_transactions`)
in the order of the report's appendix, so a case of any size is never held whole in memory.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy import case as sql_case
from sqlalchemy.orm import Session

from app.store.cases import load_case
from app.store.models import (
    Account,
    AccountRole,
    Balance,
    Bank,
    Flag,
    Note,
    RequestLog,
    Source,
    Transaction,
)

BOOKED = "booked"
STREAM_BLOCK = 2000
"""Transactions fetched from the database at a time by the streaming queries."""


@dataclass(frozen=True)
class ReportCase:
    id: int
    request_id: str
    service: str
    reference: str
    subject_id: str
    subject_kind: str
    subject_name: str | None
    """As the user gave it, else as the banks give the account owner's name (see below)."""
    key_date: date
    cutoff_date: date | None
    guardian_id: str | None
    environment: str
    status: str
    created_by: str
    created_at: datetime
    period_start: date | None
    period_end: date | None
    name_from_banks: bool = False
    """True where the user gave no name and `subject_name` is the banks'."""


def _name_from_banks(session: Session, case_id: int, subject_id: str) -> str | None:
    """The name the banks give most often for accounts the subject owns."""
    return session.scalars(
        select(Account.owner_name)
        .where(
            Account.case_id == case_id,
            Account.owner_id == subject_id,
            Account.owner_name.is_not(None),
        )
        .group_by(Account.owner_name)
        .order_by(func.count().desc(), Account.owner_name)
        .limit(1)
    ).first()


def report_case(session: Session, case_id: int) -> ReportCase:
    """The case's own facts; raises `CaseNotFound` for an unknown id."""
    case = load_case(session, case_id)
    banks_name = None if case.subject_name else _name_from_banks(session, case.id, case.subject_id)
    return ReportCase(
        id=case.id,
        request_id=case.request_id,
        service=case.service,
        reference=case.reference,
        subject_id=case.subject_id,
        subject_kind=case.subject_kind,
        subject_name=case.subject_name or banks_name,
        key_date=case.key_date,
        cutoff_date=case.cutoff_date,
        guardian_id=case.guardian_id,
        environment=case.environment,
        status=case.status,
        created_by=case.created_by,
        created_at=case.created_at,
        period_start=case.period_start,
        period_end=case.period_end,
        name_from_banks=banks_name is not None,
    )


@dataclass(frozen=True)
class ReportBank:
    id: int
    org_number: str
    name: str
    status: str
    message: str | None
    fetched_at: datetime | None


def report_banks(session: Session, case_id: int) -> list[ReportBank]:
    """The case's banks, by name, with how their answers went."""
    rows = session.execute(
        select(Bank.id, Bank.org_number, Bank.name, Bank.status, Bank.message, Bank.fetched_at)
        .where(Bank.case_id == case_id)
        .order_by(Bank.name, Bank.org_number)
    )
    return [ReportBank(*row) for row in rows]


@dataclass(frozen=True)
class ReportBalance:
    kind: str
    amount_minor: int
    currency: str | None
    as_of: date
    credit_line_included: bool | None
    credit_line_minor: int | None


@dataclass(frozen=True)
class ReportRole:
    permission: str | None
    party_id: str | None
    name: str | None
    start_date: date | None
    end_date: date | None


@dataclass(frozen=True)
class ReportAccount:
    id: int
    bank_id: int
    account_number: str
    name: str | None
    type: str | None
    currency: str | None
    status: str | None
    owner_id: str | None
    owner_name: str | None
    owner_permission: str | None
    owner_start: date | None
    owner_end: date | None
    start_date: date | None
    end_date: date | None
    fetch_status: str
    message: str | None
    balances: tuple[ReportBalance, ...]
    roles: tuple[ReportRole, ...]


def report_accounts(session: Session, case_id: int) -> list[ReportAccount]:
    """Every account of the case with its stored balances and roles, by bank and number."""
    balances: dict[int, list[ReportBalance]] = defaultdict(list)
    balance_rows = session.execute(
        select(
            Balance.account_id,
            Balance.kind,
            Balance.amount_minor,
            Balance.currency,
            Balance.as_of,
            Balance.credit_line_included,
            Balance.credit_line_minor,
        )
        .join(Account, Account.id == Balance.account_id)
        .where(Account.case_id == case_id)
        .order_by(Balance.account_id, Balance.as_of, Balance.kind)
    )
    for account_id, kind, amount, currency, as_of, included, line in balance_rows:
        balances[account_id].append(ReportBalance(kind, amount, currency, as_of, included, line))

    roles: dict[int, list[ReportRole]] = defaultdict(list)
    role_rows = session.execute(
        select(
            AccountRole.account_id,
            AccountRole.permission,
            AccountRole.party_id,
            AccountRole.name,
            AccountRole.start_date,
            AccountRole.end_date,
        )
        .join(Account, Account.id == AccountRole.account_id)
        .where(Account.case_id == case_id)
        .order_by(AccountRole.account_id, AccountRole.id)
    )
    for account_id, permission, party_id, name, start, end in role_rows:
        roles[account_id].append(ReportRole(permission, party_id, name, start, end))

    rows = session.execute(
        select(
            Account.id,
            Account.bank_id,
            Account.account_number,
            Account.name,
            Account.type,
            Account.currency,
            Account.status,
            Account.owner_id,
            Account.owner_name,
            Account.owner_permission,
            Account.owner_start,
            Account.owner_end,
            Account.start_date,
            Account.end_date,
            Account.fetch_status,
            Account.message,
        )
        .join(Bank, Bank.id == Account.bank_id)
        .where(Account.case_id == case_id)
        .order_by(Bank.name, Bank.org_number, Account.account_number)
    )
    return [
        ReportAccount(
            **row._asdict(),
            balances=tuple(balances.get(row.id, ())),
            roles=tuple(roles.get(row.id, ())),
        )
        for row in rows
    ]


@dataclass(frozen=True)
class AccountActivity:
    """What was stored of one account's transactions in one currency."""

    account_id: int
    currency: str
    count: int
    booked: int
    pending: int
    """Transactions not booked: reservations (`pending`) and `info`."""
    in_minor: int
    """Sum of booked money in."""
    out_minor: int
    """Sum of booked money out (zero or negative)."""
    first: date | None
    last: date | None


def account_activity(
    session: Session,
    case_id: int,
    *,
    after: date | None = None,
    within: tuple[date, date] | None = None,
) -> list[AccountActivity]:
    """Counts and booked sums per account and currency; only bookings after `after`, and only
    those booked inside `within` (first and last day) or not booked yet, where given."""
    is_booked = Transaction.status == BOOKED
    booked_amount = sql_case((is_booked, Transaction.amount_minor), else_=0)
    currency = func.coalesce(Transaction.currency, Account.currency, "NOK")
    query = (
        select(
            Transaction.account_id,
            currency,
            func.count(Transaction.id),
            func.sum(sql_case((is_booked, 1), else_=0)),
            func.sum(sql_case((Transaction.amount_minor > 0, booked_amount), else_=0)),
            func.sum(sql_case((Transaction.amount_minor < 0, booked_amount), else_=0)),
            func.min(Transaction.booking_date),
            func.max(Transaction.booking_date),
        )
        .join(Account, Account.id == Transaction.account_id)
        .where(Transaction.case_id == case_id)
        .group_by(Transaction.account_id, currency)
        .order_by(Transaction.account_id, currency)
    )
    if after is not None:
        query = query.where(Transaction.booking_date > after)
    if within is not None:
        query = query.where(
            or_(Transaction.booking_date.is_(None), Transaction.booking_date.between(*within))
        )
    return [
        AccountActivity(
            account_id=account_id,
            currency=cur,
            count=int(count),
            booked=int(booked or 0),
            pending=int(count) - int(booked or 0),
            in_minor=int(money_in or 0),
            out_minor=int(money_out or 0),
            first=first,
            last=last,
        )
        for account_id, cur, count, booked, money_in, money_out, first, last in session.execute(
            query
        )
    ]


def booked_movements(session: Session, case_id: int) -> dict[int, list[tuple[date, int]]]:
    """Booked amounts summed per account and day: what balances at any date are derived from."""
    query = (
        select(Transaction.account_id, Transaction.booking_date, func.sum(Transaction.amount_minor))
        .where(
            Transaction.case_id == case_id,
            Transaction.status == BOOKED,
            Transaction.booking_date.is_not(None),
        )
        .group_by(Transaction.account_id, Transaction.booking_date)
        .order_by(Transaction.account_id, Transaction.booking_date)
    )
    movements: dict[int, list[tuple[date, int]]] = defaultdict(list)
    for account_id, day, amount in session.execute(query):
        if day is not None:
            movements[account_id].append((day, int(amount)))
    return dict(movements)


def latest_fetch(session: Session, case_id: int) -> datetime | None:
    """When the data was fetched: the last finished API fetch, else the banks' latest answer."""
    finished = session.scalar(
        select(func.max(Source.finished_at)).where(Source.case_id == case_id, Source.kind == "api")
    )
    if finished is not None:
        return _aware(finished)
    answered = session.scalar(select(func.max(Bank.fetched_at)).where(Bank.case_id == case_id))
    return _aware(answered) if answered is not None else None


def _aware(moment: datetime) -> datetime:
    """Aggregates bypass the column type, so SQLite hands back a naive UTC time."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


@dataclass(frozen=True)
class ReportSource:
    kind: str
    label: str
    user: str
    started_at: datetime
    finished_at: datetime | None
    status: str
    period_start: date | None
    period_end: date | None


def report_sources(session: Session, case_id: int) -> list[ReportSource]:
    rows = session.execute(
        select(
            Source.kind,
            Source.label,
            Source.user,
            Source.started_at,
            Source.finished_at,
            Source.status,
            Source.period_start,
            Source.period_end,
        )
        .where(Source.case_id == case_id)
        .order_by(Source.started_at, Source.id)
    )
    return [ReportSource(*row) for row in rows]


@dataclass(frozen=True)
class RequestTrail:
    """The requests sent to one bank for the case: enough for the bank to find them again."""

    org_number: str
    requests: int
    failed: int
    first_at: datetime
    last_at: datetime
    first_correlation_id: str | None
    last_correlation_id: str | None
    correlation_ids: int
    """How many distinct CorrelationIDs; the full list is in the audit export."""


def request_trails(session: Session, case_id: int) -> dict[str, RequestTrail]:
    """Per bank organisation number, a summary of the request log for the case."""
    ok = RequestLog.outcome.in_(("ok", "partial"))
    summary = session.execute(
        select(
            RequestLog.bank_org_number,
            func.count(RequestLog.id),
            func.sum(sql_case((ok, 0), else_=1)),
            func.min(RequestLog.at),
            func.max(RequestLog.at),
            func.count(func.distinct(RequestLog.correlation_id)),
            func.min(RequestLog.id),
            func.max(RequestLog.id),
        )
        .where(RequestLog.case_id == case_id, RequestLog.bank_org_number.is_not(None))
        .group_by(RequestLog.bank_org_number)
    ).all()
    ends = {row[6] for row in summary} | {row[7] for row in summary}
    correlation = dict(
        session.execute(
            select(RequestLog.id, RequestLog.correlation_id).where(RequestLog.id.in_(ends))
        ).all()
    )
    return {
        org: RequestTrail(
            org_number=org,
            requests=int(count),
            failed=int(failed or 0),
            first_at=_aware(first_at),
            last_at=_aware(last_at),
            first_correlation_id=correlation.get(first_id),
            last_correlation_id=correlation.get(last_id),
            correlation_ids=int(distinct),
        )
        for org, count, failed, first_at, last_at, distinct, first_id, last_id in summary
    }


@dataclass(frozen=True)
class FlagRow:
    transaction_id: int
    rule: str
    reason: str
    params: str | None
    created_by: str
    created_at: datetime


@dataclass(frozen=True)
class NoteRow:
    target_kind: str
    target_id: int | None
    text: str
    author: str
    created_at: datetime


@dataclass(frozen=True)
class TransactionRow:
    """One transaction joined with its account and bank, as the appendix and exports show it."""

    id: int
    bank_name: str
    bank_org_number: str
    account_id: int
    account_number: str
    account_name: str | None
    account_currency: str | None
    key: str
    booking_date: date | None
    value_date: date | None
    amount_minor: int
    currency: str | None
    status: str
    reversal: bool
    code_text: str | None
    counterparty_name: str | None
    counterparty_account: str | None
    merchant: str | None
    message: str | None
    reference: str | None
    card: str | None
    original_amount_minor: int | None
    original_currency: str | None
    exchange_rate: str | None


_TRANSACTION_COLUMNS = (
    Transaction.id,
    Bank.name,
    Bank.org_number,
    Account.id,
    Account.account_number,
    Account.name,
    Account.currency,
    Transaction.key,
    Transaction.booking_date,
    Transaction.value_date,
    Transaction.amount_minor,
    Transaction.currency,
    Transaction.status,
    Transaction.reversal,
    Transaction.code_text,
    Transaction.counterparty_name,
    Transaction.counterparty_account,
    Transaction.merchant,
    Transaction.message,
    Transaction.reference,
    Transaction.card,
    Transaction.original_amount_minor,
    Transaction.original_currency,
    Transaction.exchange_rate,
)


def _transactions() -> Select[*tuple[Any, ...]]:
    """Transactions joined with their account and bank, in `TransactionRow`'s columns."""
    return (
        select(*_TRANSACTION_COLUMNS)
        .join(Account, Account.id == Transaction.account_id)
        .join(Bank, Bank.id == Account.bank_id)
    )


def stream_transactions(
    session: Session, case_id: int, *, block: int = STREAM_BLOCK
) -> Iterator[list[TransactionRow]]:
    """Every transaction of the case in blocks, by bank, account, date and arrival.

    The rows are read with a streaming cursor a block at a time; nothing holds the whole case.
    Transactions without any date come first within their account.
    """
    day = func.coalesce(Transaction.booking_date, Transaction.value_date)
    query = (
        _transactions()
        .where(Transaction.case_id == case_id)
        .order_by(
            Bank.name,
            Bank.org_number,
            Account.account_number,
            day.is_not(None),
            day,
            Transaction.id,
        )
        .execution_options(yield_per=block)
    )
    for partition in session.execute(query).partitions():
        yield [TransactionRow(*tuple(row)) for row in partition]


def transactions_by_id(session: Session, ids: list[int]) -> dict[int, TransactionRow]:
    """Some transactions of a case, by id (for the flagged list and notes)."""
    found: dict[int, TransactionRow] = {}
    for start in range(0, len(ids), 500):
        query = _transactions().where(Transaction.id.in_(ids[start : start + 500]))
        for row in session.execute(query):
            found[row[0]] = TransactionRow(*tuple(row))
    return found


def active_flags(session: Session, case_id: int) -> list[FlagRow]:
    """Flags not cleared by a user, by transaction."""
    rows = session.execute(
        select(
            Flag.transaction_id,
            Flag.rule,
            Flag.reason,
            Flag.params,
            Flag.created_by,
            Flag.created_at,
        )
        .where(Flag.case_id == case_id, Flag.cleared_at.is_(None))
        .order_by(Flag.transaction_id, Flag.rule)
    )
    return [FlagRow(*row) for row in rows]


def cleared_flag_count(session: Session, case_id: int) -> int:
    return (
        session.scalar(
            select(func.count(Flag.id)).where(Flag.case_id == case_id, Flag.cleared_at.is_not(None))
        )
        or 0
    )


def flagged_transaction_ids(session: Session, case_id: int) -> set[int]:
    return set(
        session.scalars(
            select(Flag.transaction_id)
            .where(Flag.case_id == case_id, Flag.cleared_at.is_(None))
            .distinct()
        )
    )


def case_notes(session: Session, case_id: int) -> list[NoteRow]:
    """Every note of the case, oldest first."""
    rows = session.execute(
        select(Note.target_kind, Note.target_id, Note.text, Note.author, Note.created_at)
        .where(Note.case_id == case_id)
        .order_by(Note.created_at, Note.id)
    )
    return [NoteRow(*row) for row in rows]
