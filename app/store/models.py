"""SQLAlchemy models of the case database.

Money is stored as integer hundredths (`*_minor`), so sums and sorting in SQL are exact. Times
are aware UTC. A transaction's identity is its account and key (the bank's id, or a content
fingerprint with an occurrence counter where the source has none).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime on every backend (SQLite keeps no zone of its own)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; give an aware UTC time")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Case(Base):
    """One case: a bankruptcy estate, a deceased's estate or a guardianship year."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[str] = mapped_column(String(36), unique=True)
    """The AccountInfoRequestID: one UUID on every request that belongs to the case."""
    service: Mapped[str] = mapped_column(String(20))
    reference: Mapped[str] = mapped_column(String(100))
    subject_id: Mapped[str] = mapped_column(String(11))
    subject_kind: Mapped[str] = mapped_column(String(12))
    subject_name: Mapped[str | None] = mapped_column(String(140))
    key_date: Mapped[date] = mapped_column(Date)
    cutoff_date: Mapped[date | None] = mapped_column(Date)
    guardian_id: Mapped[str | None] = mapped_column(String(11))
    environment: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(12), default="open")
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    """The period of the last fetch; None until the case has been fetched."""

    banks: Mapped[list[Bank]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Bank.name"
    )


class Source(Base):
    """Where records came from: one run of a fetch from the banks, or one imported file."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    """`api` for a fetch from the DSOP services, `file` for an import."""
    label: Mapped[str] = mapped_column(String(255))
    file_hash: Mapped[str | None] = mapped_column(String(64))
    user: Mapped[str] = mapped_column(String(100))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(12), default="running")
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    message: Mapped[str | None] = mapped_column(Text)
    """What the import found worth saying: a balance mismatch, rows reconciled with the API."""


class Bank(Base):
    """A financial institution that knows the case's subject, and how its answer went."""

    __tablename__ = "banks"
    __table_args__ = (UniqueConstraint("case_id", "org_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    org_number: Mapped[str] = mapped_column(String(9))
    name: Mapped[str] = mapped_column(String(140))
    api_url: Mapped[str | None] = mapped_column(String(500))
    active_account: Mapped[bool | None] = mapped_column(Boolean)
    ownership_type: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="pending")
    """pending, fetching, complete, partial, failed, letter_needed, cancelled."""
    message: Mapped[str | None] = mapped_column(Text)
    fetched_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    case: Mapped[Case] = relationship(back_populates="banks")
    accounts: Mapped[list[Account]] = relationship(
        back_populates="bank", cascade="all, delete-orphan", order_by="Account.account_number"
    )


class Account(Base):
    __tablename__ = "accounts"
    __table_args__ = (UniqueConstraint("bank_id", "account_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    bank_id: Mapped[int] = mapped_column(ForeignKey("banks.id", ondelete="CASCADE"), index=True)
    account_number: Mapped[str] = mapped_column(String(34))
    account_reference: Mapped[str | None] = mapped_column(String(500))
    type: Mapped[str | None] = mapped_column(String(30))
    currency: Mapped[str | None] = mapped_column(String(3))
    status: Mapped[str | None] = mapped_column(String(12))
    name: Mapped[str | None] = mapped_column(String(140))
    owner_id: Mapped[str | None] = mapped_column(String(11))
    owner_name: Mapped[str | None] = mapped_column(String(140))
    owner_permission: Mapped[str | None] = mapped_column(String(30))
    owner_start: Mapped[date | None] = mapped_column(Date)
    owner_end: Mapped[date | None] = mapped_column(Date)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    fetch_status: Mapped[str] = mapped_column(String(20), default="listed")
    """listed, complete, partial, failed: how far the transactions of this account came."""
    message: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"))

    bank: Mapped[Bank] = relationship(back_populates="accounts")
    balances: Mapped[list[Balance]] = relationship(
        back_populates="account", cascade="all, delete-orphan", order_by="Balance.as_of"
    )


class Balance(Base):
    __tablename__ = "balances"
    __table_args__ = (UniqueConstraint("account_id", "kind", "as_of"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str | None] = mapped_column(String(3))
    as_of: Mapped[date] = mapped_column(Date)
    registered: Mapped[datetime | None] = mapped_column(UTCDateTime)
    credit_line_included: Mapped[bool | None] = mapped_column(Boolean)
    credit_line_minor: Mapped[int | None] = mapped_column(BigInteger)
    credit_line_currency: Mapped[str | None] = mapped_column(String(3))

    account: Mapped[Account] = relationship(back_populates="balances")


class Transaction(Base):
    __tablename__ = "transactions"
    __table_args__ = (
        UniqueConstraint("account_id", "key"),
        Index("ix_transactions_case_booking", "case_id", "booking_date"),
        Index("ix_transactions_case_amount", "case_id", "amount_minor"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"))
    key: Mapped[str] = mapped_column(String(120))
    booking_date: Mapped[date | None] = mapped_column(Date)
    value_date: Mapped[date | None] = mapped_column(Date)
    registered: Mapped[datetime | None] = mapped_column(UTCDateTime)
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str | None] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(10))
    reversal: Mapped[bool] = mapped_column(Boolean, default=False)
    code_domain: Mapped[str | None] = mapped_column(String(40))
    code_family: Mapped[str | None] = mapped_column(String(60))
    code_subfamily: Mapped[str | None] = mapped_column(String(60))
    code_text: Mapped[str | None] = mapped_column(String(500))
    counterparty_name: Mapped[str | None] = mapped_column(String(140))
    counterparty_account: Mapped[str | None] = mapped_column(String(34))
    counterparty_id: Mapped[str | None] = mapped_column(String(11))
    merchant: Mapped[str | None] = mapped_column(String(140))
    message: Mapped[str | None] = mapped_column(String(500))
    reference: Mapped[str | None] = mapped_column(String(140))
    card: Mapped[str | None] = mapped_column(String(30))
    original_amount_minor: Mapped[int | None] = mapped_column(BigInteger)
    original_currency: Mapped[str | None] = mapped_column(String(3))
    exchange_rate: Mapped[str | None] = mapped_column(String(30))


class RequestLog(Base):
    """The audit trail: one row per request that left the machine, retries included.

    It holds identifiers, the legal basis and outcomes, never a national id, a name or an
    amount.
    """

    __tablename__ = "request_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user: Mapped[str] = mapped_column(String(100))
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("cases.id", ondelete="SET NULL"), index=True
    )
    environment: Mapped[str] = mapped_column(String(20))
    service: Mapped[str | None] = mapped_column(String(20))
    bank_org_number: Mapped[str | None] = mapped_column(String(9))
    endpoint: Mapped[str] = mapped_column(String(40))
    method: Mapped[str] = mapped_column(String(8), default="GET")
    correlation_id: Mapped[str | None] = mapped_column(String(36))
    request_id: Mapped[str | None] = mapped_column(String(36))
    legal_mandate: Mapped[str | None] = mapped_column(String(300))
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    http_status: Mapped[int | None] = mapped_column(Integer)
    response_status: Mapped[str | None] = mapped_column(String(20))
    error_code: Mapped[str | None] = mapped_column(String(40))
    item_count: Mapped[int | None] = mapped_column(Integer)
    attempt: Mapped[int] = mapped_column(Integer, default=1)
    duration_ms: Mapped[int | None] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(String(20))
    """ok, partial, http_error, transport_error, protocol_error."""


class AccountRole(Base):
    """Someone with a right on an account (the Roles endpoint; guardianship control only)."""

    __tablename__ = "account_roles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    permission: Mapped[str | None] = mapped_column(String(30))
    party_id: Mapped[str | None] = mapped_column(String(11))
    party_kind: Mapped[str | None] = mapped_column(String(30))
    name: Mapped[str | None] = mapped_column(String(140))
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)


class Flag(Base):
    """A mark on a transaction worth a look: set by a review rule or by the user, with a reason.

    Rule flags are recomputed on demand; a flag the user cleared stays cleared (`cleared_at`)
    so that the rule does not raise it again.
    """

    __tablename__ = "flags"
    __table_args__ = (UniqueConstraint("transaction_id", "rule"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    transaction_id: Mapped[int] = mapped_column(
        ForeignKey("transactions.id", ondelete="CASCADE"), index=True
    )
    rule: Mapped[str] = mapped_column(String(40))
    """after_key_date, large_cash, round_sum, own_transfer, new_counterparty, or manual."""
    reason: Mapped[str] = mapped_column(Text)
    """The reason in English, or the user's own words for a manual flag."""
    params: Mapped[str | None] = mapped_column(Text)
    """The figures behind a rule's reason as JSON, so the reason can be shown in any language."""
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    cleared_by: Mapped[str | None] = mapped_column(String(100))
    cleared_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Note(Base):
    """A note by a user on the case, an account or a transaction, kept with author and time."""

    __tablename__ = "notes"
    __table_args__ = (Index("ix_notes_target", "case_id", "target_kind", "target_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    target_kind: Mapped[str] = mapped_column(String(12))
    """case, account or transaction."""
    target_id: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class DeletedCase(Base):
    """What remains of a deleted case: enough to answer for the requests made, nothing personal.

    The request log rows of the case stay (they hold no personal data, and the
    AccountInfoRequestID must be traceable for years); this row ties them to the deletion.
    """

    __tablename__ = "deleted_cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_number: Mapped[int] = mapped_column(Integer, unique=True)
    request_id: Mapped[str] = mapped_column(String(36))
    service: Mapped[str] = mapped_column(String(20))
    environment: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    deleted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    deleted_by: Mapped[str] = mapped_column(String(100))


class Heir(Base):
    """An heir of an estate, with their position on the settlement form."""

    __tablename__ = "heirs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(140))
    relation: Mapped[str] = mapped_column(String(20))
    agrees: Mapped[bool | None] = mapped_column(Boolean)
    """Whether this heir agrees with the chosen form; None until asked."""
    takes_debt_responsibility: Mapped[bool] = mapped_column(Boolean, default=False)
    recorded_by: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Decision(Base):
    """A recorded decision on a case; the latest of a kind is the one in force.

    Kinds: `settlement_form` (estate), `deadline` (estate, a date set by the user),
    `funeral_costs` (estate), `control_outcome` (guardianship). Every change is a new row, so
    the history of who decided what and when is kept.
    """

    __tablename__ = "decisions"
    __table_args__ = (Index("ix_decisions_case_kind", "case_id", "kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(30))
    value: Mapped[str] = mapped_column(String(200))
    representative: Mapped[str | None] = mapped_column(String(140))
    reasons: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(100))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class WindowAssessment(Base):
    """The trustee's assessment of one transaction in one review window."""

    __tablename__ = "window_assessments"
    __table_args__ = (UniqueConstraint("transaction_id", "window"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    transaction_id: Mapped[int] = mapped_column(ForeignKey("transactions.id", ondelete="CASCADE"))
    window: Mapped[str] = mapped_column(String(20))
    assessment: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    assessed_by: Mapped[str] = mapped_column(String(100))
    assessed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CloseParty(Base):
    """A person or company the trustee marks as close to the debtor (nærstående)."""

    __tablename__ = "close_parties"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    name: Mapped[str | None] = mapped_column(String(140))
    account_number: Mapped[str | None] = mapped_column(String(34))
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AccountAssessment(Base):
    """The trustee's record of an account: what was secured, and remarks for the report."""

    __tablename__ = "account_assessments"
    __table_args__ = (UniqueConstraint("account_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    secured_minor: Mapped[int | None] = mapped_column(BigInteger)
    remarks: Mapped[str | None] = mapped_column(Text)
    assessed_by: Mapped[str] = mapped_column(String(100))
    assessed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Letter(Base):
    """A request by digital letter to a bank that cannot be asked through the API.

    Status: drafted (the letter is written), sent, answered, imported (the bank's files are in
    the case). A sent letter whose answer is overdue is shown as "reminder due".
    """

    __tablename__ = "letters"
    __table_args__ = (UniqueConstraint("case_id", "bank_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    bank_id: Mapped[int] = mapped_column(ForeignKey("banks.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(12), default="drafted")
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    due_on: Mapped[date | None] = mapped_column(Date)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    imported_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    note: Mapped[str | None] = mapped_column(Text)


class ImportMapping(Base):
    """The column mapping a user confirmed for one bank's CSV or XLSX export, reused next time."""

    __tablename__ = "import_mappings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bank_key: Mapped[str] = mapped_column(String(140), unique=True)
    """The bank's organisation number, or its name where the number is unknown."""
    mapping: Mapped[str] = mapped_column(Text)
    updated_by: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


import app.store.guardianship  # noqa: E402,F401  (register its tables)
