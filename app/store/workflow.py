"""Reads and writes of the case workflows: heirs and decisions for estates; key dates, review
windows, close parties and account assessments for bankruptcies; and the account figures both
need.

Decisions are kept as rows that are never changed: the latest of a kind is in force, the
others are its history. The kinds used here are `SETTLEMENT_FORM`, `DEADLINE` (an ISO date set
by the user, or empty for the rule's own date), `FUNERAL_COSTS` (hundredths), `KEY_DATES`
(the ruling date and the cut-off date as entered) and `NO_CLOSE_PARTIES` ("yes" or "no").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain.bankruptcy import KeyDates, checked_key_dates
from app.domain.services import Service
from app.store.cases import CaseNotFound
from app.store.db import upsert
from app.store.models import (
    Account,
    AccountAssessment,
    Balance,
    Bank,
    Case,
    CloseParty,
    Decision,
    Heir,
    Transaction,
    WindowAssessment,
)

SETTLEMENT_FORM = "settlement_form"
DEADLINE = "deadline"
FUNERAL_COSTS = "funeral_costs"
KEY_DATES = "key_dates"
NO_CLOSE_PARTIES = "no_close_parties"


@dataclass(frozen=True)
class AccountFigures:
    account_id: int
    bank_id: int
    bank_name: str
    bank_status: str
    account_number: str
    type: str | None
    currency: str | None
    status: str | None
    end_date: date | None
    fetch_status: str
    booked_as_of: date | None
    booked_minor: int | None
    available_as_of: date | None
    available_minor: int | None
    start_date: date | None = None


def account_figures(session: Session, case_id: int) -> list[AccountFigures]:
    """Every account of the case with its latest booked and available balance."""
    accounts = session.execute(
        select(Account, Bank.name, Bank.status)
        .join(Bank, Bank.id == Account.bank_id)
        .where(Account.case_id == case_id)
        .order_by(Bank.name, Account.account_number)
    ).all()
    balances: dict[int, dict[str, tuple[date, int]]] = {}
    for account_id, kind, as_of, amount in session.execute(
        select(Balance.account_id, Balance.kind, Balance.as_of, Balance.amount_minor)
        .join(Account, Account.id == Balance.account_id)
        .where(Account.case_id == case_id)
        .order_by(Balance.as_of)
    ):
        balances.setdefault(account_id, {})[kind] = (as_of, amount)
    figures = []
    for account, bank_name, bank_status in accounts:
        known = balances.get(account.id, {})
        booked = known.get("bookedBalance")
        available = known.get("availableBalance")
        figures.append(
            AccountFigures(
                account_id=account.id,
                bank_id=account.bank_id,
                bank_name=bank_name,
                bank_status=bank_status,
                account_number=account.account_number,
                type=account.type,
                currency=account.currency,
                status=account.status,
                end_date=account.end_date,
                fetch_status=account.fetch_status,
                start_date=account.start_date,
                booked_as_of=booked[0] if booked else None,
                booked_minor=booked[1] if booked else None,
                available_as_of=available[0] if available else None,
                available_minor=available[1] if available else None,
            )
        )
    return figures


def bank_statuses(session: Session, case_id: int) -> list[tuple[str, str, str | None]]:
    return [
        (name, status, message)
        for name, status, message in session.execute(
            select(Bank.name, Bank.status, Bank.message)
            .where(Bank.case_id == case_id)
            .order_by(Bank.name)
        )
    ]


@dataclass(frozen=True, slots=True)
class TransactionLine:
    id: int
    account_id: int
    account_number: str
    booking_date: date
    amount_minor: int
    status: str
    counterparty_name: str | None
    counterparty_account: str | None
    counterparty_id: str | None
    message: str | None
    code_family: str | None
    code_subfamily: str | None
    code_text: str | None
    card: str | None
    merchant: str | None


def transactions_between(
    session: Session, case_id: int, start: date, end: date
) -> Iterator[TransactionLine]:
    """Booked and pending transactions of the case booked from `start` to `end`, in date order."""
    query = (
        select(
            Transaction.id,
            Transaction.account_id,
            Account.account_number,
            Transaction.booking_date,
            Transaction.amount_minor,
            Transaction.status,
            Transaction.counterparty_name,
            Transaction.counterparty_account,
            Transaction.counterparty_id,
            Transaction.message,
            Transaction.code_family,
            Transaction.code_subfamily,
            Transaction.code_text,
            Transaction.card,
            Transaction.merchant,
        )
        .join(Account, Account.id == Transaction.account_id)
        .where(
            Transaction.case_id == case_id,
            Transaction.booking_date >= start,
            Transaction.booking_date <= end,
            Transaction.status != "info",
        )
        .order_by(Transaction.booking_date, Transaction.id)
        .execution_options(yield_per=5000)
    )
    for row in session.execute(query):
        yield TransactionLine(*row)


# -- estate -------------------------------------------------------------------------------


def add_heir(
    session: Session,
    case_id: int,
    *,
    name: str,
    relation: str,
    user: str,
    agrees: bool | None = None,
    takes_debt_responsibility: bool = False,
) -> int:
    heir = Heir(
        case_id=case_id,
        name=name,
        relation=relation,
        agrees=agrees,
        takes_debt_responsibility=takes_debt_responsibility,
        recorded_by=user,
        recorded_at=datetime.now(UTC),
    )
    session.add(heir)
    session.flush()
    return heir.id


def update_heir(session: Session, heir_id: int, *, user: str, **values: object) -> None:
    heir = session.get(Heir, heir_id)
    if heir is None:
        raise LookupError(f"no heir {heir_id}")
    for name, value in values.items():
        setattr(heir, name, value)
    heir.recorded_by, heir.recorded_at = user, datetime.now(UTC)


def remove_heir(session: Session, heir_id: int) -> None:
    heir = session.get(Heir, heir_id)
    if heir is not None:
        session.delete(heir)


def heirs(session: Session, case_id: int) -> list[Heir]:
    return list(session.scalars(select(Heir).where(Heir.case_id == case_id).order_by(Heir.id)))


def record_decision(
    session: Session,
    case_id: int,
    kind: str,
    value: str,
    *,
    user: str,
    representative: str | None = None,
    reasons: str | None = None,
) -> None:
    session.add(
        Decision(
            case_id=case_id,
            kind=kind,
            value=value,
            representative=representative,
            reasons=reasons,
            decided_by=user,
            decided_at=datetime.now(UTC),
        )
    )


def latest_decision(session: Session, case_id: int, kind: str) -> Decision | None:
    return session.scalars(
        select(Decision)
        .where(Decision.case_id == case_id, Decision.kind == kind)
        .order_by(Decision.decided_at.desc(), Decision.id.desc())
        .limit(1)
    ).first()


def decision_history(session: Session, case_id: int) -> list[Decision]:
    return list(
        session.scalars(select(Decision).where(Decision.case_id == case_id).order_by(Decision.id))
    )


# -- bankruptcy ---------------------------------------------------------------------------


def set_key_dates(
    session: Session,
    case_id: int,
    *,
    ruling_date: date | None,
    cutoff_date: date | None,
    today: date,
    user: str,
) -> KeyDates:
    """Change a bankruptcy's ruling date and cut-off date, and record who did it and when.

    Raises `InvalidInput` naming the date that breaks a rule (see `checked_key_dates`). The
    review windows follow at once; the period a new fetch asks for follows the ruling date.
    """
    dates = checked_key_dates(ruling_date, cutoff_date, today)
    case = session.get(Case, case_id)
    if case is None:
        raise CaseNotFound(case_id)
    if case.service != Service.BANKRUPTCY.value:
        raise ValueError(f"case {case_id} is not a bankruptcy; it has no ruling date")
    case.key_date, case.cutoff_date = dates.ruling_date, dates.cutoff_date
    cutoff = dates.cutoff_date.isoformat() if dates.cutoff_date else ""
    record_decision(
        session, case_id, KEY_DATES, f"{dates.ruling_date.isoformat()};{cutoff}", user=user
    )
    return dates


def assess_transaction(
    session: Session,
    case_id: int,
    transaction_id: int,
    window: str,
    assessment: str,
    *,
    user: str,
    note: str | None = None,
) -> None:
    upsert(
        session,
        WindowAssessment.__table__,  # type: ignore[arg-type]
        [
            {
                "case_id": case_id,
                "transaction_id": transaction_id,
                "window": window,
                "assessment": assessment,
                "note": note,
                "assessed_by": user,
                "assessed_at": datetime.now(UTC),
            }
        ],
        keys=("transaction_id", "window"),
        update_columns=("assessment", "note", "assessed_by", "assessed_at"),
    )


def remove_assessment(session: Session, case_id: int, transaction_id: int, window: str) -> None:
    """Take back the assessment of one transaction in one window."""
    session.execute(
        delete(WindowAssessment).where(
            WindowAssessment.case_id == case_id,
            WindowAssessment.transaction_id == transaction_id,
            WindowAssessment.window == window,
        )
    )


def window_assessments(session: Session, case_id: int) -> dict[tuple[int, str], WindowAssessment]:
    return {
        (item.transaction_id, item.window): item
        for item in session.scalars(
            select(WindowAssessment).where(WindowAssessment.case_id == case_id)
        )
    }


def add_close_party(
    session: Session,
    case_id: int,
    *,
    user: str,
    name: str | None = None,
    account_number: str | None = None,
    note: str | None = None,
) -> int:
    if not (name or account_number):
        raise ValueError("a close party needs a name or an account number")
    party = CloseParty(
        case_id=case_id,
        name=name,
        account_number=account_number,
        note=note,
        recorded_by=user,
        recorded_at=datetime.now(UTC),
    )
    session.add(party)
    session.flush()
    return party.id


def close_parties(session: Session, case_id: int) -> list[CloseParty]:
    return list(
        session.scalars(
            select(CloseParty).where(CloseParty.case_id == case_id).order_by(CloseParty.id)
        )
    )


def remove_close_party(session: Session, party_id: int) -> None:
    party = session.get(CloseParty, party_id)
    if party is not None:
        session.delete(party)


def assess_account(
    session: Session,
    case_id: int,
    account_id: int,
    *,
    user: str,
    secured_minor: int | None,
    remarks: str | None,
) -> None:
    upsert(
        session,
        AccountAssessment.__table__,  # type: ignore[arg-type]
        [
            {
                "case_id": case_id,
                "account_id": account_id,
                "secured_minor": secured_minor,
                "remarks": remarks,
                "assessed_by": user,
                "assessed_at": datetime.now(UTC),
            }
        ],
        keys=("account_id",),
        update_columns=("secured_minor", "remarks", "assessed_by", "assessed_at"),
    )


def account_assessments(session: Session, case_id: int) -> dict[int, AccountAssessment]:
    return {
        item.account_id: item
        for item in session.scalars(
            select(AccountAssessment).where(AccountAssessment.case_id == case_id)
        )
    }
