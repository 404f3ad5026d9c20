"""Closing cases, deleting them for good, and proposing which to delete.

Deleting a case removes everything personal it holds: transactions, accounts, balances, roles,
flags, notes, sources and the case itself. The request log stays, detached from the case and
tied to a `DeletedCase` row: it holds no personal data and the legal basis of each request must
stay provable. On SQLite the freed pages are overwritten (`secure_delete`), the write-ahead log
is truncated and the file rebuilt (`VACUUM`), so the deleted values are gone from the file's
bytes, which `find_in_file` lets a test or an auditor check.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select, text, update
from sqlalchemy.engine import make_url

from app.store.cases import facts_of, load_case, refuse_duplicate
from app.store.db import Database
from app.store.models import Case, DeletedCase, RequestLog


class CaseStillOpen(RuntimeError):
    def __init__(self, case_id: int) -> None:
        super().__init__(f"case {case_id} is open; close it before deleting it")


def close_case(db: Database, case_id: int, *, now: datetime) -> None:
    with db.session() as session:
        case = load_case(session, case_id)
        case.status = "closed"
        case.closed_at = now


def reopen_case(db: Database, case_id: int) -> None:
    """Open a closed case again, unless another open case is now about the same subject."""
    with db.session() as session:
        case = load_case(session, case_id)
        refuse_duplicate(session, facts_of(case), case.environment, besides=case.id)
        case.status = "open"
        case.closed_at = None


def delete_case(db: Database, case_id: int, *, user: str, now: datetime) -> None:
    """Delete a closed case and everything personal it holds, then compact the file."""
    with db.session() as session:
        if db.is_sqlite:
            session.execute(text("PRAGMA secure_delete=ON"))
        case = load_case(session, case_id)
        if case.status != "closed":
            raise CaseStillOpen(case_id)
        session.add(
            DeletedCase(
                case_number=case.id,
                request_id=case.request_id,
                service=case.service,
                environment=case.environment,
                created_at=case.created_at,
                deleted_at=now,
                deleted_by=user,
            )
        )
        session.execute(
            update(RequestLog).where(RequestLog.case_id == case_id).values(case_id=None)
        )
        session.delete(case)
    if db.is_sqlite:
        compact(db)


def compact(db: Database) -> None:
    """Truncate the write-ahead log and rebuild the SQLite file without free pages."""
    with db.engine.connect() as connection:
        connection = connection.execution_options(isolation_level="AUTOCOMMIT")
        connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        connection.execute(text("VACUUM"))
        connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))


def database_files(db: Database) -> list[Path]:
    """The SQLite file and its companions, as they are on disk."""
    database = make_url(db.url).database
    if not db.is_sqlite or not database:
        return []
    main = Path(database)
    return [path for path in (main, Path(f"{main}-wal"), Path(f"{main}-shm")) if path.exists()]


def find_in_file(db: Database, needles: Iterable[str]) -> list[str]:
    """Which of the given values can still be found in the database files' bytes."""
    contents = b"".join(path.read_bytes() for path in database_files(db))
    return [needle for needle in needles if needle and needle.encode("utf-8") in contents]


def due_for_deletion(db: Database, *, retention_days: int, now: datetime) -> list[Case]:
    """Closed cases whose closing lies further back than the retention period."""
    limit = now.astimezone(UTC) - timedelta(days=retention_days)
    with db.session() as session:
        return list(
            session.scalars(
                select(Case)
                .where(Case.status == "closed", Case.closed_at <= limit)
                .order_by(Case.closed_at)
            )
        )
