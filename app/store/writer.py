"""Writes what a source delivers into the case database, once.

Accounts and balances are upserted (the latest answer wins); transactions are inserted or
ignored on their identity (account and key), so a page repeated, a fetch run twice, or a file
imported twice adds nothing. Upserts go through each dialect's own insert helper behind one
function, so the same code runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Table, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.domain.money import to_minor
from app.domain.records import AccountRecord, BalanceRecord, TransactionRecord
from app.dsop.audit import AuditEntry
from app.store.db import Database
from app.store.models import (
    Account,
    AccountRole,
    Balance,
    Bank,
    Case,
    RequestLog,
    Source,
    Transaction,
)

_TRANSACTIONS: Table = Transaction.__table__  # type: ignore[assignment]


def upsert(
    session: Session,
    table: Table,
    rows: Sequence[dict[str, Any]],
    *,
    keys: Sequence[str],
    update_columns: Sequence[str] = (),
    returning: Any = None,
) -> list[Any]:
    """Insert rows; on a key conflict update the given columns, or do nothing if none given."""
    if not rows:
        return []
    dialect = session.get_bind().dialect.name
    insert = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}.get(dialect)
    if insert is None:
        raise NotImplementedError(f"no upsert for the {dialect} dialect")
    statement = insert(table)
    if update_columns:
        statement = statement.on_conflict_do_update(
            index_elements=list(keys),
            set_={column: statement.excluded[column] for column in update_columns},
        )
    else:
        statement = statement.on_conflict_do_nothing(index_elements=list(keys))
    if returning is not None:
        return list(session.execute(statement.returning(returning), list(rows)).scalars())
    session.execute(statement, list(rows))
    return []


@dataclass(frozen=True)
class BankInfo:
    org_number: str
    name: str
    active_account: bool | None = None
    ownership_type: str | None = None


def transaction_row(
    record: TransactionRecord, *, case_id: int, account_id: int, source_id: int | None
) -> dict[str, Any]:
    return {
        "case_id": case_id,
        "account_id": account_id,
        "source_id": source_id,
        "key": record.key,
        "booking_date": record.booking_date,
        "value_date": record.value_date,
        "registered": record.registered.astimezone(UTC) if record.registered else None,
        "amount_minor": to_minor(record.amount),
        "currency": record.currency,
        "status": record.status,
        "reversal": record.reversal,
        "code_domain": record.code_domain,
        "code_family": record.code_family,
        "code_subfamily": record.code_subfamily,
        "code_text": record.code_text,
        "counterparty_name": record.counterparty_name,
        "counterparty_account": record.counterparty_account,
        "counterparty_id": record.counterparty_id,
        "merchant": record.merchant,
        "message": record.message,
        "reference": record.reference,
        "card": record.card,
        "original_amount_minor": (
            to_minor(record.original_amount) if record.original_amount is not None else None
        ),
        "original_currency": record.original_currency,
        "exchange_rate": str(record.exchange_rate) if record.exchange_rate is not None else None,
    }


_ACCOUNT_FIELDS = (
    "account_reference", "type", "currency", "status", "name", "owner_id", "owner_name",
    "owner_permission", "owner_start", "owner_end", "start_date", "end_date",
)


class CaseWriter:
    """The one writer of fetched and imported data. Call it from one thread at a time."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def start_source(
        self, case_id: int, *, kind: str, label: str, user: str,
        period: tuple[date, date] | None = None, file_hash: str | None = None,
    ) -> int:
        with self.db.session() as session:
            source = Source(
                case_id=case_id, kind=kind, label=label, user=user, file_hash=file_hash,
                period_start=period[0] if period else None,
                period_end=period[1] if period else None,
            )
            session.add(source)
            session.flush()
            return source.id

    def finish_source(self, source_id: int, status: str) -> None:
        with self.db.session() as session:
            session.execute(
                update(Source)
                .where(Source.id == source_id)
                .values(status=status, finished_at=datetime.now(UTC))
            )

    def set_case_period(self, case_id: int, start: date, end: date) -> None:
        with self.db.session() as session:
            session.execute(
                update(Case).where(Case.id == case_id).values(period_start=start, period_end=end)
            )

    def upsert_banks(self, case_id: int, banks: Iterable[BankInfo]) -> dict[str, int]:
        rows = [
            {
                "case_id": case_id,
                "org_number": bank.org_number,
                "name": bank.name,
                "active_account": bank.active_account,
                "ownership_type": bank.ownership_type,
                "status": "pending",
            }
            for bank in banks
        ]
        with self.db.session() as session:
            upsert(
                session, Bank.__table__, rows,  # type: ignore[arg-type]
                keys=("case_id", "org_number"),
                update_columns=("name", "active_account", "ownership_type"),
            )
            found = session.execute(
                select(Bank.org_number, Bank.id).where(Bank.case_id == case_id)
            ).all()
        return {org: bank_id for org, bank_id in found}

    def set_bank(self, bank_id: int, **values: Any) -> None:
        with self.db.session() as session:
            session.execute(update(Bank).where(Bank.id == bank_id).values(**values))

    def upsert_account(
        self, case_id: int, bank_id: int, record: AccountRecord, source_id: int | None
    ) -> int:
        """Insert or refresh one account; fields the new answer lacks keep their old value."""
        row = {"case_id": case_id, "bank_id": bank_id, "account_number": record.account_number,
               "source_id": source_id}
        row.update({name: getattr(record, name) for name in _ACCOUNT_FIELDS})
        present = [name for name in _ACCOUNT_FIELDS if row[name] is not None]
        with self.db.session() as session:
            upsert(
                session, Account.__table__, [row],  # type: ignore[arg-type]
                keys=("bank_id", "account_number"),
                update_columns=present or ("account_number",),
            )
            return session.execute(
                select(Account.id).where(
                    Account.bank_id == bank_id, Account.account_number == record.account_number
                )
            ).scalar_one()

    def set_account(self, account_id: int, **values: Any) -> None:
        with self.db.session() as session:
            session.execute(update(Account).where(Account.id == account_id).values(**values))

    def upsert_balances(self, account_id: int, balances: Iterable[BalanceRecord]) -> None:
        rows = [
            {
                "account_id": account_id,
                "kind": balance.kind,
                "amount_minor": to_minor(balance.amount),
                "currency": balance.currency,
                "as_of": balance.as_of,
                "registered": balance.registered.astimezone(UTC) if balance.registered else None,
                "credit_line_included": balance.credit_line_included,
                "credit_line_minor": (
                    to_minor(balance.credit_line_amount)
                    if balance.credit_line_amount is not None else None
                ),
                "credit_line_currency": balance.credit_line_currency,
            }
            for balance in balances
        ]
        with self.db.session() as session:
            upsert(
                session, Balance.__table__, rows,  # type: ignore[arg-type]
                keys=("account_id", "kind", "as_of"),
                update_columns=(
                    "amount_minor", "currency", "registered", "credit_line_included",
                    "credit_line_minor", "credit_line_currency",
                ),
            )

    def replace_roles(self, account_id: int, roles: Sequence[dict[str, Any]]) -> None:
        with self.db.session() as session:
            session.execute(delete(AccountRole).where(AccountRole.account_id == account_id))
            for role in roles:
                session.add(AccountRole(account_id=account_id, **role))

    def add_transactions(
        self,
        case_id: int,
        account_id: int,
        records: Iterable[TransactionRecord],
        source_id: int | None = None,
    ) -> int:
        """Store transactions not stored before; return how many were new.

        Keys already stored for the account are looked up first, so a repeated page costs one
        read and no write; the insert still ignores conflicts, in case another writer raced.
        """
        unique: dict[str, TransactionRecord] = {}
        for record in records:
            if record.key is None:
                raise ValueError("transactions need a key; give file records one with with_keys()")
            unique.setdefault(record.key, record)
        if not unique:
            return 0
        with self.db.session() as session:
            known: set[str] = set()
            keys = list(unique)
            for start in range(0, len(keys), 900):
                known.update(session.scalars(
                    select(Transaction.key).where(
                        Transaction.account_id == account_id,
                        Transaction.key.in_(keys[start : start + 900]),
                    )
                ))
            rows = [
                transaction_row(record, case_id=case_id, account_id=account_id,
                                source_id=source_id)
                for key, record in unique.items()
                if key not in known
            ]
            upsert(session, _TRANSACTIONS, rows, keys=("account_id", "key"))
        return len(rows)

    def add_audit(self, entries: Iterable[AuditEntry]) -> None:
        rows = [
            {
                "at": entry.at, "user": entry.user, "case_id": entry.case_id,
                "environment": entry.environment, "service": entry.service,
                "bank_org_number": entry.bank_org_number, "endpoint": entry.endpoint,
                "method": entry.method, "correlation_id": entry.correlation_id,
                "request_id": entry.request_id, "legal_mandate": entry.legal_mandate,
                "period_start": entry.period_start, "period_end": entry.period_end,
                "http_status": entry.http_status, "response_status": entry.response_status,
                "error_code": entry.error_code, "item_count": entry.item_count,
                "attempt": entry.attempt, "duration_ms": entry.duration_ms,
                "outcome": entry.outcome,
            }
            for entry in entries
        ]
        if not rows:
            return
        with self.db.session() as session:
            session.execute(RequestLog.__table__.insert(), rows)  # type: ignore[attr-defined]
