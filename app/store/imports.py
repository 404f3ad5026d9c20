"""Store side of file imports: finding the case's account or bank a file belongs to, and the
column mappings remembered per bank."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.store.db import upsert
from app.store.models import Account, Bank, Case, ImportMapping, Source


def account_in_case(session: Session, case_id: int, account_number: str) -> tuple[int, int] | None:
    """(account id, bank id) of the case's account with this number, if there is one."""
    row = session.execute(
        select(Account.id, Account.bank_id).where(
            Account.case_id == case_id, Account.account_number == account_number
        )
    ).first()
    return (row[0], row[1]) if row else None


def account_state(session: Session, account_id: int) -> tuple[str | None, str]:
    """(currency, fetch status) of one account."""
    row = session.execute(
        select(Account.currency, Account.fetch_status).where(Account.id == account_id)
    ).one()
    return row[0], row[1]


def bank_in_case(session: Session, case_id: int, org_number: str) -> int | None:
    return session.scalar(
        select(Bank.id).where(Bank.case_id == case_id, Bank.org_number == org_number)
    )


def bank_org_number(session: Session, bank_id: int) -> str:
    return session.scalar(select(Bank.org_number).where(Bank.id == bank_id)) or ""


def remembered_mapping(session: Session, bank_key: str) -> dict[str, Any] | None:
    text = session.scalar(select(ImportMapping.mapping).where(ImportMapping.bank_key == bank_key))
    return json.loads(text) if text else None


def remember_mapping(session: Session, bank_key: str, mapping: dict[str, Any], user: str) -> None:
    upsert(
        session,
        ImportMapping.__table__,  # type: ignore[arg-type]
        [
            {
                "bank_key": bank_key,
                "mapping": json.dumps(mapping, sort_keys=True),
                "updated_by": user,
                "updated_at": datetime.now(UTC),
            }
        ],
        keys=("bank_key",),
        update_columns=("mapping", "updated_by", "updated_at"),
    )


def set_source_result(
    session: Session,
    source_id: int,
    *,
    status: str,
    message: str | None,
    period: tuple[Any, Any] | None,
) -> None:
    values: dict[str, Any] = {
        "status": status,
        "message": message,
        "finished_at": datetime.now(UTC),
    }
    if period:
        values.update(period_start=period[0], period_end=period[1])
    session.execute(update(Source).where(Source.id == source_id).values(**values))


def widen_case_period(session: Session, case_id: int, first: Any, last: Any) -> None:
    """A case known only from files gets its period from what the files cover."""
    case = session.get(Case, case_id)
    if case is None or first is None:
        return
    case.period_start = min(filter(None, (case.period_start, first)))
    case.period_end = max(filter(None, (case.period_end, last)))


def imported_file(session: Session, case_id: int, file_hash: str) -> Source | None:
    return session.scalars(
        select(Source).where(
            Source.case_id == case_id, Source.kind == "file", Source.file_hash == file_hash
        )
    ).first()


def mark_bank_imported(session: Session, bank_id: int) -> None:
    """A bank that could only be asked by letter now has data in the case from its files."""
    session.execute(
        update(Bank)
        .where(Bank.id == bank_id, Bank.status == "letter_needed")
        .values(status="imported", fetched_at=datetime.now(UTC))
    )


def banks_and_accounts(session: Session, case_id: int) -> list[tuple[int, str, str, list[str]]]:
    """(bank id, organisation number, name, account numbers) of every bank of the case."""
    banks = session.execute(
        select(Bank.id, Bank.org_number, Bank.name)
        .where(Bank.case_id == case_id)
        .order_by(Bank.name)
    ).all()
    accounts: dict[int, list[str]] = {}
    for bank_id, number in session.execute(
        select(Account.bank_id, Account.account_number)
        .where(Account.case_id == case_id)
        .order_by(Account.account_number)
    ):
        accounts.setdefault(bank_id, []).append(number)
    return [(bank_id, org, name, accounts.get(bank_id, [])) for bank_id, org, name in banks]
