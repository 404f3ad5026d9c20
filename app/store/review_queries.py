"""Reads and writes for the review: flag rule inputs and results, balance inputs."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from sqlalchemy import and_, delete, func, or_, select, tuple_
from sqlalchemy.orm import Session

from app.review.balances import KnownBalance
from app.review.flags import Finding, FlagInput
from app.store.db import upsert
from app.store.models import Account, Balance, Flag, Transaction

RULE_AUTHOR = "rules"
BALANCE_KINDS = ("bookedBalance", "availableBalance")
"""Which stored balance to trust for a date, best first."""


def flag_inputs(session: Session, case_id: int) -> Iterator[FlagInput]:
    query = (
        select(
            Transaction.id,
            Account.account_number,
            Transaction.booking_date,
            Transaction.amount_minor,
            Transaction.status,
            Transaction.code_subfamily,
            Transaction.code_text,
            Transaction.counterparty_name,
            Transaction.counterparty_account,
            Transaction.message,
        )
        .join(Account, Account.id == Transaction.account_id)
        .where(Transaction.case_id == case_id)
        .execution_options(yield_per=5000)
    )
    for row in session.execute(query):
        yield FlagInput(*row)


def store_rule_flags(session: Session, case_id: int, findings: Iterable[Finding]) -> int:
    """Make the case's rule flags equal to `findings`, keeping flags a user cleared.

    Returns the number of findings stored. Manual flags are never touched.
    """
    findings = list(findings)
    wanted = {(f.transaction_id, f.rule) for f in findings}
    stale = [
        (transaction_id, rule)
        for transaction_id, rule in session.execute(
            select(Flag.transaction_id, Flag.rule).where(
                Flag.case_id == case_id, Flag.rule != "manual", Flag.cleared_at.is_(None)
            )
        )
        if (transaction_id, rule) not in wanted
    ]
    for start in range(0, len(stale), 500):
        session.execute(
            delete(Flag).where(
                Flag.case_id == case_id,
                tuple_(Flag.transaction_id, Flag.rule).in_(stale[start : start + 500]),
            )
        )
    rows = [
        {
            "case_id": case_id,
            "transaction_id": f.transaction_id,
            "rule": f.rule,
            "reason": f.reason,
            "params": f.params_json,
            "created_by": RULE_AUTHOR,
        }
        for f in findings
    ]
    for start in range(0, len(rows), 2000):
        upsert(
            session,
            Flag.__table__,
            rows[start : start + 2000],  # type: ignore[arg-type]
            keys=("transaction_id", "rule"),
            update_columns=("reason", "params"),
        )
    return len(rows)


def latest_booked_balance(session: Session, account_id: int) -> KnownBalance | None:
    row = session.execute(
        select(Balance.as_of, Balance.amount_minor)
        .where(Balance.account_id == account_id, Balance.kind == "bookedBalance")
        .order_by(Balance.as_of.desc())
        .limit(1)
    ).first()
    return KnownBalance(row[0], row[1]) if row else None


def balances_on(session: Session, case_id: int, day: date) -> dict[int, int]:
    """The balance each account of the case was stored with for exactly `day`, in hundredths,
    booked before available; accounts without one for that day are left out."""
    found: dict[int, dict[str, int]] = {}
    for account_id, kind, amount in session.execute(
        select(Balance.account_id, Balance.kind, Balance.amount_minor)
        .join(Account, Account.id == Balance.account_id)
        .where(Account.case_id == case_id, Balance.as_of == day, Balance.kind.in_(BALANCE_KINDS))
    ):
        found.setdefault(account_id, {})[kind] = amount
    return {
        account_id: next(amounts[kind] for kind in BALANCE_KINDS if kind in amounts)
        for account_id, amounts in found.items()
    }


def booked_amounts(
    session: Session, account_id: int, after: date | None = None
) -> list[tuple[date, int]]:
    """(booking date, amount) of the account's booked transactions, optionally after a day."""
    conditions = [Transaction.account_id == account_id, Transaction.status == "booked"]
    if after is not None:
        conditions.append(Transaction.booking_date > after)
    return [
        (booked, amount)
        for booked, amount in session.execute(
            select(Transaction.booking_date, Transaction.amount_minor).where(and_(*conditions))
        )
        if booked is not None
    ]


def count_outside(session: Session, case_id: int, start: date, end: date) -> int:
    """How many of the case's transactions were booked before `start` or after `end`."""
    return int(
        session.scalar(
            select(func.count(Transaction.id)).where(
                Transaction.case_id == case_id,
                or_(Transaction.booking_date < start, Transaction.booking_date > end),
            )
        )
        or 0
    )
