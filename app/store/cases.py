"""Creating, finding and listing cases, and reading what was stored for them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.domain.cases import FIELD_REFERENCE, FIELD_SUBJECT, CaseFacts
from app.domain.errors import InvalidInput
from app.domain.identifiers import PartyKind
from app.domain.services import Service
from app.domain.text import QT_TRANSLATE_NOOP as _T
from app.store.db import Database
from app.store.models import Account, Bank, Case, DeletedCase, RequestLog, Transaction


class CaseNotFound(LookupError):
    def __init__(self, case_id: int | str) -> None:
        what = "number or reference" if isinstance(case_id, str) else "number"
        super().__init__(f"no case with {what} {case_id}")
        self.case_id = case_id


class CaseClosed(InvalidInput):
    """A closed case keeps what it holds: nothing is fetched, imported or written into it."""

    def __init__(self, reference: str) -> None:
        super().__init__(
            "case", f"{reference} is closed: a closed case is kept as it was, not changed"
        )


class ReferenceTaken(InvalidInput):
    """Another case already has the reference a new case was given."""

    def __init__(self, case_number: int) -> None:
        super().__init__(
            FIELD_REFERENCE, _T("rules", "case %1 already has this reference; choose another"),
            str(case_number),
        )  # fmt: skip
        self.case_number = case_number


_ALREADY_OPEN = {
    Service.BANKRUPTCY: _T(
        "rules", "case %1 (%2) is already open for this debtor; close it before creating another"
    ),
    Service.ESTATE: _T(
        "rules",
        "case %1 (%2) is already open for this deceased person; close it before creating another",
    ),
    Service.GUARDIANSHIP: _T(
        "rules",
        "case %1 (%2) is already open for this ward and year %3; close it before creating another",
    ),
}


class DuplicateCase(InvalidInput):
    """An open case of the same kind is already about the same subject (for a guardianship
    control: the same ward and year). The message names that case by number and reference,
    never by the subject's id."""

    def __init__(self, service: Service, year: int | None, case_number: int, reference: str):
        super().__init__(
            FIELD_SUBJECT[service],
            _ALREADY_OPEN[service],
            str(case_number),
            reference,
            str(year),
        )
        self.service = service
        self.year = year
        self.case_number = case_number
        self.reference = reference


def ensure_open(session: Session, case_id: int) -> Case:
    """The case, if it may still be changed; `CaseClosed` if it has been closed."""
    case = load_case(session, case_id)
    if case.closed_at is not None:
        raise CaseClosed(case.reference)
    return case


def _next_case_number(session: Session) -> int:
    """A number no case has had: a deleted case's number is never given again, so that its
    request log, which outlives it, cannot be mistaken for a newer case's."""
    used = [
        session.scalar(select(func.max(Case.id))),
        session.scalar(select(func.max(DeletedCase.case_number))),
        session.scalar(select(func.max(RequestLog.case_id))),
    ]
    return max((number for number in used if number is not None), default=0) + 1


def open_case_of(
    session: Session, facts: CaseFacts, environment: str, *, besides: int | None = None
) -> Case | None:
    """The open case of the same kind about the same subject in this environment, if any; for
    a guardianship control only one of the same year counts. `besides` leaves one case out."""
    query = select(Case).where(
        Case.service == facts.service.value,
        Case.subject_id == facts.subject_id,
        Case.environment == environment,
        Case.closed_at.is_(None),
    )
    if facts.service is Service.GUARDIANSHIP:
        query = query.where(Case.key_date == facts.key_date)
    if besides is not None:
        query = query.where(Case.id != besides)
    return session.scalars(query.order_by(Case.id).limit(1)).first()


def refuse_duplicate(
    session: Session, facts: CaseFacts, environment: str, *, besides: int | None = None
) -> None:
    """Raise `DuplicateCase` if another open case is about the same subject as `facts`."""
    existing = open_case_of(session, facts, environment, besides=besides)
    if existing is not None:
        raise DuplicateCase(facts.service, facts.year, existing.id, existing.reference)


def create_case(db: Database, facts: CaseFacts, *, environment: str, user: str) -> int:
    """Store a new case; its reference must not be another case's (it names the case in the
    command line, in letters and in reports), and no other open case of its kind may be about
    the same subject (`DuplicateCase`). A closed case blocks nothing."""
    with db.session() as session:
        taken = session.scalar(select(Case.id).where(Case.reference == facts.reference).limit(1))
        if taken is not None:
            raise ReferenceTaken(taken)
        refuse_duplicate(session, facts, environment)
        case = Case(
            id=_next_case_number(session),
            request_id=str(uuid.uuid4()),
            service=facts.service.value,
            reference=facts.reference,
            subject_id=facts.subject_id,
            subject_kind=facts.subject_kind.value,
            subject_name=facts.subject_name,
            key_date=facts.key_date,
            cutoff_date=facts.cutoff_date,
            guardian_id=facts.guardian_id,
            environment=environment,
            created_by=user,
            created_at=datetime.now(UTC),
        )
        session.add(case)
        session.flush()
        return case.id


def facts_of(case: Case) -> CaseFacts:
    return CaseFacts(
        service=Service(case.service),
        reference=case.reference,
        subject_id=case.subject_id,
        subject_kind=PartyKind(case.subject_kind),
        key_date=case.key_date,
        subject_name=case.subject_name,
        cutoff_date=case.cutoff_date,
        guardian_id=case.guardian_id,
    )


def load_case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise CaseNotFound(case_id)
    return case


def find_case(session: Session, key: str) -> Case:
    """A case by its number, or by its reference when that is unique."""
    if key.isdigit():
        case = session.get(Case, int(key))
        if case is not None:
            return case
    matches = session.scalars(select(Case).where(Case.reference == key)).all()
    if len(matches) == 1:
        return matches[0]
    raise CaseNotFound(key)


@dataclass(frozen=True)
class CaseRow:
    id: int
    reference: str
    service: str
    subject_name: str | None
    key_date: date
    environment: str
    status: str
    created_at: datetime
    banks: int
    accounts: int
    transactions: int


def list_cases(session: Session) -> list[CaseRow]:
    bank_counts = (
        select(Bank.case_id, func.count(Bank.id).label("n")).group_by(Bank.case_id).subquery()
    )
    account_counts = (
        select(Account.case_id, func.count(Account.id).label("n"))
        .group_by(Account.case_id)
        .subquery()
    )
    transaction_counts = (
        select(Transaction.case_id, func.count(Transaction.id).label("n"))
        .group_by(Transaction.case_id)
        .subquery()
    )
    query = (
        select(
            Case,
            func.coalesce(bank_counts.c.n, 0),
            func.coalesce(account_counts.c.n, 0),
            func.coalesce(transaction_counts.c.n, 0),
        )
        .outerjoin(bank_counts, bank_counts.c.case_id == Case.id)
        .outerjoin(account_counts, account_counts.c.case_id == Case.id)
        .outerjoin(transaction_counts, transaction_counts.c.case_id == Case.id)
        .order_by(Case.created_at.desc())
    )
    return [
        CaseRow(
            id=case.id,
            reference=case.reference,
            service=case.service,
            subject_name=case.subject_name,
            key_date=case.key_date,
            environment=case.environment,
            status=case.status,
            created_at=case.created_at,
            banks=banks,
            accounts=accounts,
            transactions=transactions,
        )
        for case, banks, accounts, transactions in session.execute(query)
    ]


def banks_with_accounts(session: Session, case_id: int) -> list[Bank]:
    """The case's banks with their accounts and balances loaded, for overviews and reports."""
    return list(
        session.scalars(
            select(Bank)
            .where(Bank.case_id == case_id)
            .options(selectinload(Bank.accounts).selectinload(Account.balances))
            .order_by(Bank.name)
        )
    )


def transaction_counts(session: Session, case_id: int) -> dict[int, int]:
    """Number of stored transactions per account of the case."""
    rows = session.execute(
        select(Transaction.account_id, func.count(Transaction.id))
        .where(Transaction.case_id == case_id)
        .group_by(Transaction.account_id)
    )
    return {account_id: count for account_id, count in rows}


def count_transactions(session: Session, case_id: int) -> int:
    return (
        session.scalar(select(func.count(Transaction.id)).where(Transaction.case_id == case_id))
        or 0
    )


def audit_records(session: Session, case_id: int) -> list[RequestLog]:
    return list(
        session.scalars(
            select(RequestLog).where(RequestLog.case_id == case_id).order_by(RequestLog.id)
        )
    )
