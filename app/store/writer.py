"""Writes what a source delivers into the case database, once.

Accounts and balances are upserted (the latest answer wins); transactions are inserted or
ignored on their identity (account and key), so a page repeated, a fetch run twice, or a file
imported twice adds nothing. Upserts go through each dialect's own insert helper behind one
function, so the same code runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Date, Dialect, Table, delete, or_, select, update
from sqlalchemy.orm import Session

from app.domain.money import to_minor
from app.domain.records import AccountRecord, BalanceRecord, TransactionRecord, key_scheme
from app.dsop.audit import AuditEntry
from app.store.db import INSERT_HELPERS, Database, upsert
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


@dataclass(frozen=True)
class BankInfo:
    org_number: str
    name: str
    active_account: bool | None = None
    ownership_type: str | None = None


TRANSACTION_COLUMNS = (
    "case_id", "account_id", "source_id", "key", "booking_date", "value_date", "registered",
    "amount_minor", "currency", "status", "reversal", "code_domain", "code_family",
    "code_subfamily", "code_text", "counterparty_name", "counterparty_account",
    "counterparty_id", "merchant", "message", "reference", "card", "original_amount_minor",
    "original_currency", "exchange_rate",
)  # fmt: skip


def transaction_values(
    record: TransactionRecord, case_id: int, account_id: int, source_id: int | None
) -> tuple[Any, ...]:
    """One transaction's column values, in the order of `TRANSACTION_COLUMNS`."""
    return (
        case_id,
        account_id,
        source_id,
        record.key,
        record.booking_date,
        record.value_date,
        record.registered.astimezone(UTC) if record.registered else None,
        to_minor(record.amount),
        record.currency,
        record.status,
        record.reversal,
        record.code_domain,
        record.code_family,
        record.code_subfamily,
        record.code_text,
        record.counterparty_name,
        record.counterparty_account,
        record.counterparty_id,
        record.merchant,
        record.message,
        record.reference,
        record.card,
        to_minor(record.original_amount) if record.original_amount is not None else None,
        record.original_currency,
        str(record.exchange_rate) if record.exchange_rate is not None else None,
    )


def _bind_processor(column_type: Any, dialect: Dialect) -> Any:
    """The function the dialect applies to a value of this type before the driver sees it.

    Where the dialect writes a date exactly as `date.isoformat` does (SQLite's text dates),
    that C method stands in for it: the same text, several times faster.
    """
    processor = column_type.dialect_impl(dialect).bind_processor(dialect)
    if processor is not None and isinstance(column_type, Date):
        samples = (date(2025, 1, 2), date(1999, 12, 31))
        if all(processor(day) == day.isoformat() for day in samples):
            return date.isoformat
    return processor


class TransactionInsert:
    """The insert of new transactions, compiled once for a database and fed plain tuples.

    Transactions come by the thousand, and building SQLAlchemy's per-row parameter dicts cost
    as much as SQLite's own work. The statement is still SQLAlchemy's (each dialect's insert
    helper, conflicts ignored); only the values skip the per-row machinery: each column's own
    bind processor (dates, times) is applied directly. Dialects with named parameters take
    the ordinary path.
    """

    def __init__(self, dialect: Dialect) -> None:
        statement = INSERT_HELPERS[dialect.name](_TRANSACTIONS).on_conflict_do_nothing(
            index_elements=["account_id", "key"]
        )
        compiled = statement.compile(dialect=dialect, column_keys=list(TRANSACTION_COLUMNS))
        order = tuple(compiled.positiontup or ())
        self.fast = bool(compiled.positional) and order == TRANSACTION_COLUMNS
        self.sql = str(compiled)
        self.processors = [
            (index, processor)
            for index, name in enumerate(TRANSACTION_COLUMNS)
            if (processor := _bind_processor(_TRANSACTIONS.c[name].type, dialect)) is not None
        ]

    def run(self, session: Session, rows: list[tuple[Any, ...]]) -> int:
        """Insert the rows, skipping keys already stored; returns how many were inserted (on
        the fast path; the other path relies on the caller having left out stored keys)."""
        if not rows:
            return 0
        if not self.fast:
            upsert(
                session,
                _TRANSACTIONS,
                [dict(zip(TRANSACTION_COLUMNS, row, strict=True)) for row in rows],
                keys=("account_id", "key"),
            )
            return len(rows)
        if self.processors:
            columns = list(zip(*rows, strict=True))
            for index, processor in self.processors:
                columns[index] = tuple(
                    None if value is None else processor(value) for value in columns[index]
                )
            rows = list(zip(*columns, strict=True))
        result = session.connection().exec_driver_sql(self.sql, rows)
        return max(result.rowcount, 0)


_ACCOUNT_FIELDS = (
    "account_reference",
    "type",
    "currency",
    "status",
    "name",
    "owner_id",
    "owner_name",
    "owner_permission",
    "owner_start",
    "owner_end",
    "start_date",
    "end_date",
)


class CaseWriter:
    """The one writer of fetched and imported data. Call it from one thread at a time."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._transaction_insert: TransactionInsert | None = None

    def start_source(
        self,
        case_id: int,
        *,
        kind: str,
        label: str,
        user: str,
        period: tuple[date, date] | None = None,
        file_hash: str | None = None,
    ) -> int:
        with self.db.session() as session:
            source = Source(
                case_id=case_id,
                kind=kind,
                label=label,
                user=user,
                file_hash=file_hash,
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
                session,
                Bank.__table__,
                rows,  # type: ignore[arg-type]
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
        row = {
            "case_id": case_id,
            "bank_id": bank_id,
            "account_number": record.account_number,
            "source_id": source_id,
        }
        row.update({name: getattr(record, name) for name in _ACCOUNT_FIELDS})
        present = [name for name in _ACCOUNT_FIELDS if row[name] is not None]
        with self.db.session() as session:
            upsert(
                session,
                Account.__table__,
                [row],  # type: ignore[arg-type]
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
                    if balance.credit_line_amount is not None
                    else None
                ),
                "credit_line_currency": balance.credit_line_currency,
            }
            for balance in balances
        ]
        with self.db.session() as session:
            upsert(
                session,
                Balance.__table__,
                rows,  # type: ignore[arg-type]
                keys=("account_id", "kind", "as_of"),
                update_columns=(
                    "amount_minor",
                    "currency",
                    "registered",
                    "credit_line_included",
                    "credit_line_minor",
                    "credit_line_currency",
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
        *,
        reconcile_with: str | None = None,
    ) -> int:
        """Store transactions not stored before; return how many were new.

        The insert ignores keys already stored for the account, so a repeated page adds
        nothing; the count of new rows comes from the database (or, where it cannot tell, from
        looking the keys up first).

        With `reconcile_with` set ("file" when fetching: reconcile once the case has imported
        files; "any" when importing: once the case has any other source), a record whose key is
        new is matched against the stored transactions of the account whose keys are of another
        family (`key_scheme`): the bank's own ids, a camt file's ids, or a fingerprint. One of
        those with the same booking date and amount, not from this source and not yet matched,
        is taken as the same transaction seen twice, and the record is not stored again: a
        statement file over the days of an API fetch adds only what the API lacked, a bank's
        CSV export over the days of its camt statement adds nothing, and the other way round.
        Two equal payments on one day match two stored ones, not one. Within the families of
        bank ids keys are exact, so an intraday report that only lists the day's new entries is
        not matched against the entries of the report before it. Fingerprints are exact only
        within one file's format, so they are matched against the fingerprints of other files.
        """
        unique: dict[str, TransactionRecord] = {}
        for record in records:
            if record.key is None:
                raise ValueError("transactions need a key; give file records one with with_keys()")
            unique.setdefault(record.key, record)
        if not unique:
            return 0
        with self.db.session() as session:
            reconcile = reconcile_with is not None and self._has_other_source(
                session, case_id, source_id, reconcile_with
            )
            inserter = self._inserter()
            if inserter.fast and not reconcile:
                rows = [
                    transaction_values(record, case_id, account_id, source_id)
                    for record in unique.values()
                ]
                return inserter.run(session, rows)
            known: set[str] = set()
            keys = list(unique)
            for start in range(0, len(keys), 900):
                known.update(
                    session.scalars(
                        select(Transaction.key).where(
                            Transaction.account_id == account_id,
                            Transaction.key.in_(keys[start : start + 900]),
                        )
                    )
                )
            fresh = [record for key, record in unique.items() if key not in known]
            if reconcile and fresh:
                fresh = self._unmatched(session, account_id, fresh, source_id, set(unique))
            rows = [transaction_values(record, case_id, account_id, source_id) for record in fresh]
            inserter.run(session, rows)
        return len(rows)

    def _inserter(self) -> TransactionInsert:
        if self._transaction_insert is None:
            self._transaction_insert = TransactionInsert(self.db.engine.dialect)
        return self._transaction_insert

    @staticmethod
    def _has_other_source(session: Session, case_id: int, source_id: int | None, kind: str) -> bool:
        query = select(Source.id).where(Source.case_id == case_id)
        if kind != "any":
            query = query.where(Source.kind == kind)
        if source_id is not None:
            query = query.where(Source.id != source_id)
        return session.scalar(query.limit(1)) is not None

    @staticmethod
    def _unmatched(
        session: Session,
        account_id: int,
        records: list[TransactionRecord],
        source_id: int | None,
        batch_keys: set[str],
    ) -> list[TransactionRecord]:
        """The records that match no stored transaction of another source (see
        `add_transactions`). A fingerprint is exact only within one file's format, so
        fingerprinted records are matched against fingerprints of other files as well; stored
        rows whose key this batch repeats are its own and match nothing else."""
        # TODO: Matching on booking date and amount alone merges two different payments of the
        # same amount on the same day when each was seen by only one of two sources.
        days = [record.booking_date for record in records if record.booking_date is not None]
        if not days:
            return records
        query = select(Transaction.booking_date, Transaction.amount_minor, Transaction.key).where(
            Transaction.account_id == account_id,
            Transaction.booking_date.between(min(days), max(days)),
        )
        if source_id is not None:
            query = query.where(
                or_(Transaction.source_id.is_(None), Transaction.source_id != source_id)
            )
        stored: dict[str, Counter[tuple[date, int]]] = {}
        for day, amount, key in session.execute(query):
            if key not in batch_keys:
                stored.setdefault(key_scheme(key), Counter())[(day, amount)] += 1
        unmatched = []
        for record in records:
            signature = (record.booking_date, to_minor(record.amount))
            own = key_scheme(record.key or "")
            match = next(
                (
                    counts
                    for scheme, counts in stored.items()
                    if (scheme != own or own == "fp") and counts[signature] > 0
                ),
                None,
            )
            if match is None:
                unmatched.append(record)
            else:
                match[signature] -= 1
        return unmatched

    def add_audit(self, entries: Iterable[AuditEntry]) -> None:
        rows = [
            {
                "at": entry.at,
                "user": entry.user,
                "case_id": entry.case_id,
                "environment": entry.environment,
                "service": entry.service,
                "bank_org_number": entry.bank_org_number,
                "endpoint": entry.endpoint,
                "method": entry.method,
                "correlation_id": entry.correlation_id,
                "request_id": entry.request_id,
                "legal_mandate": entry.legal_mandate,
                "period_start": entry.period_start,
                "period_end": entry.period_end,
                "http_status": entry.http_status,
                "response_status": entry.response_status,
                "error_code": entry.error_code,
                "item_count": entry.item_count,
                "attempt": entry.attempt,
                "duration_ms": entry.duration_ms,
                "outcome": entry.outcome,
            }
            for entry in entries
        ]
        if not rows:
            return
        with self.db.session() as session:
            session.execute(RequestLog.__table__.insert(), rows)  # type: ignore[attr-defined]
