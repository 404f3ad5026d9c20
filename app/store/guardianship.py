"""Storage of the guardianship control: the guardian's reported account (vergeregnskap), the
bank figures the control reads, the officer's outcome, and the state of a control batch.

A case's reported account is replaced whole on every save, in one transaction, so an import
run twice or a save repeated leaves one copy. A batch keeps one row per ward (unique per batch
and case), with the ward's progress, so that a batch started again skips what is finished and
never adds a ward twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import (
    BigInteger,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    delete,
    func,
    select,
    update,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from app.domain.guardianship import (
    DECISION_KIND,
    BankAccount,
    BankTransaction,
    Outcome,
    ReportedAccount,
    ReportedLine,
    RoleHolder,
)
from app.domain.services import Service
from app.review.balances import KnownBalance, balance_on
from app.store.db import upsert
from app.store.models import (
    Account,
    AccountRole,
    Balance,
    Bank,
    Base,
    Case,
    Decision,
    Transaction,
    UTCDateTime,
    utcnow,
)

# -- models ----------------------------------------------------------------------------------


class ReportedAccountRow(Base):
    """One account of the guardian's account of the year, as reported."""

    __tablename__ = "reported_accounts"
    __table_args__ = (UniqueConstraint("case_id", "account_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    account_number: Mapped[str] = mapped_column(String(34))
    bank_name: Mapped[str | None] = mapped_column(String(140))
    opening_minor: Mapped[int] = mapped_column(BigInteger)
    closing_minor: Mapped[int] = mapped_column(BigInteger)
    source: Mapped[str] = mapped_column(String(255))
    """`manual`, or the name of the imported file."""
    recorded_by: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReportedLineRow(Base):
    """One income or expense line of a reported account."""

    __tablename__ = "reported_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reported_account_id: Mapped[int] = mapped_column(
        ForeignKey("reported_accounts.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(40))
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    note: Mapped[str | None] = mapped_column(Text)


class ControlBatch(Base):
    """One run of the control over a list of wards for one year, resumable."""

    __tablename__ = "control_batches"
    __table_args__ = (UniqueConstraint("wards_file", "year"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    wards_file: Mapped[str] = mapped_column(String(1000))
    """The list's absolute path: the same list and year resume the same batch."""
    year: Mapped[int] = mapped_column(Integer)
    out_dir: Mapped[str] = mapped_column(String(1000))
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    runs: Mapped[int] = mapped_column(Integer, default=0)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ControlBatchWard(Base):
    """A ward in a batch: its case, how far it came, and what the control found."""

    __tablename__ = "control_batch_wards"
    __table_args__ = (UniqueConstraint("batch_id", "case_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(
        ForeignKey("control_batches.id", ondelete="CASCADE"), index=True
    )
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    row: Mapped[int] = mapped_column(Integer)
    """The ward's line in the list."""
    status: Mapped[str] = mapped_column(String(12), default="pending")
    """pending, fetching, fetched, done or failed."""
    fetches: Mapped[int] = mapped_column(Integer, default=0)
    banks: Mapped[int | None] = mapped_column(Integer)
    accounts: Mapped[int | None] = mapped_column(Integer)
    deviations: Mapped[int | None] = mapped_column(Integer)
    deviation_minor: Mapped[int | None] = mapped_column(BigInteger)
    suggested: Mapped[str | None] = mapped_column(String(20))
    report_name: Mapped[str | None] = mapped_column(String(255))
    message: Mapped[str | None] = mapped_column(Text)
    """Why a ward failed, for the officer: it may quote the guardian's account file (its name,
    a cell), so it goes to the summary and the terminal, never to the log."""
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


# -- the reported account --------------------------------------------------------------------


def save_report(
    session: Session,
    case_id: int,
    accounts: list[ReportedAccount],
    *,
    user: str,
    source: str = "manual",
) -> None:
    """Make the case's reported account exactly `accounts` (validated by the domain). The same
    accounts saved again from the same source are left as they are, with their time, so an
    outcome recorded for them still counts (see `recorded_outcome`)."""
    stored = report_source(session, case_id)
    same_source = stored is not None and stored.source == source[:255]
    if same_source and load_report(session, case_id) == accounts:
        return
    session.execute(delete(ReportedAccountRow).where(ReportedAccountRow.case_id == case_id))
    now = datetime.now(UTC)
    for position, account in enumerate(accounts, start=1):
        row = ReportedAccountRow(
            case_id=case_id,
            position=position,
            account_number=account.account_number,
            bank_name=account.bank_name,
            opening_minor=account.opening_minor,
            closing_minor=account.closing_minor,
            source=source[:255],
            recorded_by=user,
            recorded_at=now,
        )
        session.add(row)
        session.flush()
        session.add_all(
            ReportedLineRow(
                reported_account_id=row.id,
                position=index,
                category=line.category,
                amount_minor=line.amount_minor,
                note=line.note,
            )
            for index, line in enumerate(account.lines, start=1)
        )


def load_report(session: Session, case_id: int) -> list[ReportedAccount]:
    rows = session.scalars(
        select(ReportedAccountRow)
        .where(ReportedAccountRow.case_id == case_id)
        .order_by(ReportedAccountRow.position)
    ).all()
    lines: dict[int, list[ReportedLine]] = {row.id: [] for row in rows}
    if rows:
        for line in session.scalars(
            select(ReportedLineRow)
            .where(ReportedLineRow.reported_account_id.in_(list(lines)))
            .order_by(ReportedLineRow.reported_account_id, ReportedLineRow.position)
        ):
            lines[line.reported_account_id].append(
                ReportedLine(line.category, line.amount_minor, line.note)
            )
    return [
        ReportedAccount(
            row.account_number,
            row.bank_name,
            row.opening_minor,
            row.closing_minor,
            tuple(lines[row.id]),
        )
        for row in rows
    ]


@dataclass(frozen=True)
class ReportSource:
    source: str
    recorded_by: str
    recorded_at: datetime


def report_source(session: Session, case_id: int) -> ReportSource | None:
    """Where the case's reported account came from, who saved it and when."""
    row = session.scalars(
        select(ReportedAccountRow).where(ReportedAccountRow.case_id == case_id).limit(1)
    ).first()
    if row is None:
        return None
    return ReportSource(row.source, row.recorded_by, row.recorded_at)


# -- the bank's figures ------------------------------------------------------------------------


@dataclass(frozen=True)
class GuardianshipFacts:
    case_id: int
    reference: str
    ward_id: str
    guardian_id: str
    ward_name: str | None
    year: int
    period_start: date | None
    period_end: date | None


def guardianship_facts(session: Session, case_id: int) -> GuardianshipFacts:
    case = session.get(Case, case_id)
    if case is None:
        raise LookupError(f"no case with id {case_id}")
    if case.service != Service.GUARDIANSHIP.value or case.guardian_id is None:
        raise ValueError(f"case {case_id} is not a guardianship control")
    return GuardianshipFacts(
        case_id=case.id,
        reference=case.reference,
        ward_id=case.subject_id,
        guardian_id=case.guardian_id,
        ward_name=case.subject_name,
        year=case.key_date.year,
        period_start=case.period_start,
        period_end=case.period_end,
    )


def bank_accounts(session: Session, case_id: int, year: int) -> list[BankAccount]:
    """Every account the banks delivered for the case, with its booked transactions of the year,
    its role holders, and its balances on 31 December of the year and of the year before.

    The balance at the end of the year is the booked balance the bank gave for the period's
    end; the balance at its start is worked back from it (REFERENCE §7 "Historic balance"). A
    closed account without a balance stands at zero from the day it closed.
    """
    first, last = date(year, 1, 1), date(year, 12, 31)
    before = date(year - 1, 12, 31)
    accounts = session.execute(
        select(Account, Bank.name)
        .join(Bank, Bank.id == Account.bank_id)
        .where(Account.case_id == case_id)
        .order_by(Bank.name, Account.account_number)
    ).all()
    booked: dict[int, tuple[date, int]] = {}
    for account_id, as_of, amount in session.execute(
        select(Balance.account_id, Balance.as_of, Balance.amount_minor)
        .join(Account, Account.id == Balance.account_id)
        .where(Account.case_id == case_id, Balance.kind == "bookedBalance")
        .order_by(Balance.as_of)
    ):
        if as_of <= last or account_id not in booked:
            booked[account_id] = (as_of, amount)
    transactions: dict[int, list[tuple[date, BankTransaction]]] = {}
    for row in session.execute(
        select(
            Transaction.account_id,
            Transaction.booking_date,
            Transaction.id,
            Transaction.amount_minor,
            Transaction.code_subfamily,
            Transaction.code_text,
            Transaction.message,
            Transaction.counterparty_name,
            Transaction.counterparty_account,
            Transaction.counterparty_id,
            Transaction.merchant,
            Transaction.reversal,
        )
        .where(
            Transaction.case_id == case_id,
            Transaction.status == "booked",
            Transaction.booking_date.is_not(None),
        )
        .order_by(Transaction.booking_date, Transaction.id)
    ):
        account_id, booked_on, *fields = row
        assert booked_on is not None  # the query keeps only booked, dated transactions
        transactions.setdefault(account_id, []).append((booked_on, BankTransaction(*fields)))
    roles: dict[int, list[RoleHolder]] = {}
    for account_id, party_id, name, permission in session.execute(
        select(
            AccountRole.account_id, AccountRole.party_id, AccountRole.name, AccountRole.permission
        )
        .join(Account, Account.id == AccountRole.account_id)
        .where(Account.case_id == case_id)
        .order_by(AccountRole.id)
    ):
        roles.setdefault(account_id, []).append(RoleHolder(party_id, name, permission))

    result = []
    for account, bank_name in accounts:
        dated = transactions.get(account.id, [])
        known = booked.get(account.id)
        if known is None and account.end_date is not None and account.end_date <= last:
            known = (account.end_date, 0)
        bookings = [(day, tx.amount_minor) for day, tx in dated]
        opening = closing = None
        if known is not None:
            balance = KnownBalance(*known)
            closing = balance_on(last, balance, bookings)
            opening = balance_on(before, balance, bookings)
        result.append(
            BankAccount(
                account_number=account.account_number,
                bank_name=bank_name,
                currency=account.currency or "NOK",
                opening_minor=opening,
                closing_minor=closing,
                transactions=tuple(tx for day, tx in dated if first <= day <= last),
                roles=tuple(roles.get(account.id, ())),
                complete=account.fetch_status == "complete",
                fetch_status=account.fetch_status,
            )
        )
    return result


def bank_answers(session: Session, case_id: int) -> list[tuple[str, str]]:
    """(bank name, status) of every bank the relations named for the case."""
    return [
        (name, status)
        for name, status in session.execute(
            select(Bank.name, Bank.status).where(Bank.case_id == case_id).order_by(Bank.name)
        )
    ]


@dataclass(frozen=True)
class ShownTransaction:
    """A transaction behind a deviation, as the report and the window list it."""

    id: int
    booking_date: date | None
    amount_minor: int
    currency: str | None
    counterparty: str | None
    text: str | None


def transactions_by_id(session: Session, ids: list[int]) -> dict[int, ShownTransaction]:
    found: dict[int, ShownTransaction] = {}
    for start in range(0, len(ids), 900):
        for row in session.execute(
            select(
                Transaction.id,
                Transaction.booking_date,
                Transaction.amount_minor,
                Transaction.currency,
                func.coalesce(Transaction.counterparty_name, Transaction.merchant),
                func.coalesce(Transaction.message, Transaction.code_text),
            ).where(Transaction.id.in_(ids[start : start + 900]))
        ):
            found[row[0]] = ShownTransaction(*row)
    return found


# -- the outcome -------------------------------------------------------------------------------


def record_outcome(
    session: Session, case_id: int, outcome: Outcome, *, reason: str, user: str
) -> None:
    """Record the officer's outcome as a new decision; the latest one is in force."""
    session.add(
        Decision(
            case_id=case_id,
            kind=DECISION_KIND,
            value=outcome.value,
            reasons=reason,
            decided_by=user,
            decided_at=datetime.now(UTC),
        )
    )


@dataclass(frozen=True)
class RecordedOutcome:
    outcome: Outcome
    reason: str
    decided_by: str
    decided_at: datetime
    report_at: datetime | None = None
    """When the guardian's account now stored was saved, if that was after this outcome: the
    outcome answers an earlier version of the account, and the case needs a new one."""

    @property
    def for_earlier_report(self) -> bool:
        return self.report_at is not None


def latest_outcome(session: Session, case_id: int) -> RecordedOutcome | None:
    """The outcome in force: the latest recorded, unless the guardian's account was saved (read
    in again) after it."""
    recorded = recorded_outcome(session, case_id)
    if recorded is None or recorded.for_earlier_report:
        return None
    return recorded


def recorded_outcome(session: Session, case_id: int) -> RecordedOutcome | None:
    """The latest outcome recorded, with the time of the guardian's account when that account
    was saved after the outcome was given."""
    decision = session.scalars(
        select(Decision)
        .where(Decision.case_id == case_id, Decision.kind == DECISION_KIND)
        .order_by(Decision.decided_at.desc(), Decision.id.desc())
        .limit(1)
    ).first()
    if decision is None:
        return None
    source = report_source(session, case_id)
    newer = source is not None and source.recorded_at > decision.decided_at
    return RecordedOutcome(
        Outcome(decision.value),
        decision.reasons or "",
        decision.decided_by,
        decision.decided_at,
        source.recorded_at if newer and source is not None else None,
    )


# -- batches -----------------------------------------------------------------------------------


def open_batch(session: Session, wards_file: str, year: int, out_dir: str, *, user: str) -> int:
    """The batch of this list and year, created on first use; counts one more run."""
    upsert(
        session,
        ControlBatch.__table__,  # type: ignore[arg-type]
        [
            {
                "wards_file": wards_file,
                "year": year,
                "out_dir": out_dir,
                "created_by": user,
                "created_at": datetime.now(UTC),
                "runs": 0,
            }
        ],
        keys=("wards_file", "year"),
    )
    batch = session.scalars(
        select(ControlBatch).where(ControlBatch.wards_file == wards_file, ControlBatch.year == year)
    ).one()
    batch.runs += 1
    batch.out_dir = out_dir
    batch.finished_at = None
    return batch.id


def find_guardianship_case(
    session: Session, ward_id: str, guardian_id: str, year: int, environment: str
) -> tuple[int, str] | None:
    """(number, reference) of the case of this ward, guardian and year in this environment,
    if one exists."""
    row = session.execute(
        select(Case.id, Case.reference)
        .where(
            Case.service == Service.GUARDIANSHIP.value,
            Case.subject_id == ward_id,
            Case.guardian_id == guardian_id,
            Case.key_date == date(year, 1, 1),
            Case.environment == environment,
        )
        .order_by(Case.id)
        .limit(1)
    ).first()
    return (row[0], row[1]) if row else None


def enrol_ward(session: Session, batch_id: int, case_id: int, row: int) -> None:
    """Put a ward's case in the batch once; a ward already there keeps its progress."""
    upsert(
        session,
        ControlBatchWard.__table__,  # type: ignore[arg-type]
        [
            {
                "batch_id": batch_id,
                "case_id": case_id,
                "row": row,
                "status": "pending",
                "fetches": 0,
                "updated_at": datetime.now(UTC),
            }
        ],
        keys=("batch_id", "case_id"),
        update_columns=("row",),
    )


@dataclass(frozen=True)
class WardState:
    case_id: int
    row: int
    status: str
    fetches: int
    report_name: str | None


def ward_states(session: Session, batch_id: int) -> dict[int, WardState]:
    return {
        ward.case_id: WardState(ward.case_id, ward.row, ward.status, ward.fetches, ward.report_name)
        for ward in session.scalars(
            select(ControlBatchWard).where(ControlBatchWard.batch_id == batch_id)
        )
    }


def set_ward(session: Session, batch_id: int, case_id: int, **values: object) -> None:
    """Update a ward's row; `fetches=+1` style counting goes through `count_fetch`."""
    values["updated_at"] = datetime.now(UTC)
    session.execute(
        update(ControlBatchWard)
        .where(ControlBatchWard.batch_id == batch_id, ControlBatchWard.case_id == case_id)
        .values(**values)
    )


def count_fetch(session: Session, batch_id: int, case_id: int) -> None:
    """Mark a ward as being fetched, and count the fetch."""
    session.execute(
        update(ControlBatchWard)
        .where(ControlBatchWard.batch_id == batch_id, ControlBatchWard.case_id == case_id)
        .values(
            status="fetching",
            fetches=ControlBatchWard.fetches + 1,
            message=None,
            updated_at=datetime.now(UTC),
        )
    )


def finish_batch(session: Session, batch_id: int) -> None:
    session.execute(
        update(ControlBatch)
        .where(ControlBatch.id == batch_id)
        .values(finished_at=datetime.now(UTC))
    )


@dataclass(frozen=True)
class SummaryRow:
    row: int
    case_id: int
    reference: str
    ward_name: str | None
    status: str
    banks: int | None
    accounts: int | None
    deviations: int | None
    deviation_minor: int | None
    suggested: str | None
    report_name: str | None
    message: str | None
    fetches: int
    reported: bool = False
    """Whether the case holds the guardian's account."""
    letters: int = 0
    """Banks that know the ward but must be asked by digital letter (counted in `banks`)."""


def batch_summary(session: Session, batch_id: int) -> list[SummaryRow]:
    """One row per ward of the batch, in the order of the list. A finished ward's banks are
    counted in the store as `boinnsyn cases` counts them (every bank that knows the ward), so
    a ward finished by an older run that left out the banks needing a letter reads right."""
    banks = select(func.count(Bank.id)).where(Bank.case_id == ControlBatchWard.case_id)
    reported = (
        select(ReportedAccountRow.id)
        .where(ReportedAccountRow.case_id == ControlBatchWard.case_id)
        .exists()
    )
    letters = (
        select(func.count(Bank.id))
        .where(Bank.case_id == ControlBatchWard.case_id, Bank.status == "letter_needed")
        .scalar_subquery()
    )
    return [
        SummaryRow(
            row=ward.row,
            case_id=ward.case_id,
            reference=reference,
            ward_name=ward_name,
            status=ward.status,
            banks=bank_count if ward.status == "done" else ward.banks,
            accounts=ward.accounts,
            deviations=ward.deviations,
            deviation_minor=ward.deviation_minor,
            suggested=ward.suggested,
            report_name=ward.report_name,
            message=ward.message,
            fetches=ward.fetches,
            reported=bool(has_report),
            letters=int(letter_count or 0),
        )
        for ward, reference, ward_name, bank_count, has_report, letter_count in session.execute(
            select(
                ControlBatchWard,
                Case.reference,
                Case.subject_name,
                banks.scalar_subquery(),
                reported,
                letters,
            )
            .join(Case, Case.id == ControlBatchWard.case_id)
            .where(ControlBatchWard.batch_id == batch_id)
            .order_by(ControlBatchWard.row, ControlBatchWard.id)
        )
    ]


def status_counts(session: Session, batch_id: int) -> dict[str, int]:
    return dict(
        session.execute(
            select(ControlBatchWard.status, func.count(ControlBatchWard.id))
            .where(ControlBatchWard.batch_id == batch_id)
            .group_by(ControlBatchWard.status)
        ).all()
    )
