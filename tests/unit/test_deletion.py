"""A deleted case leaves nothing personal in the database file."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.domain.cases import new_estate
from app.domain.records import AccountRecord, TransactionRecord
from app.dsop.audit import AuditEntry
from app.store.cases import create_case
from app.store.deletion import (
    CaseStillOpen,
    close_case,
    delete_case,
    due_for_deletion,
    find_in_file,
    reopen_case,
)
from app.store.models import DeletedCase, RequestLog, Transaction
from app.store.writer import BankInfo, CaseWriter

NOW = datetime(2025, 6, 16, 10, tzinfo=UTC)
DECEASED = "02913810077"
ACCOUNT = "99902000018"
COUNTERPARTY = "Eksempel Begravelsesbyrå AS"


def estate_with_data(db, reference="D-1", deceased=DECEASED, name="Olaf Fiktiv") -> int:
    facts = new_estate(
        reference=reference,
        deceased_id=deceased,
        deceased_name=name,
        death_date=date(2025, 4, 22),
        today=NOW.date(),
    )
    case_id = create_case(db, facts, environment="sandbox", user="tester")
    writer = CaseWriter(db)
    bank = writer.upsert_banks(case_id, [BankInfo("999000037", "Testdal Sparebank")])["999000037"]
    account = writer.upsert_account(
        case_id, bank, AccountRecord(ACCOUNT, owner_id=deceased, owner_name=name), None
    )
    writer.add_transactions(
        case_id,
        account,
        [
            TransactionRecord(
                key=f"T{i}",
                booking_date=date(2025, 5, 1),
                amount=Decimal("-500"),
                currency="NOK",
                counterparty_name=COUNTERPARTY,
                message="Begravelse",
            )
            for i in range(200)
        ],
    )
    writer.add_audit(
        [
            AuditEntry(
                environment="sandbox",
                endpoint="accounts",
                user="tester",
                case_id=case_id,
                correlation_id="c0ffee00-0000-4000-8000-000000000001",
                outcome="ok",
            )
        ]
    )
    return case_id


def test_an_open_case_cannot_be_deleted(db):
    case_id = estate_with_data(db)
    with pytest.raises(CaseStillOpen):
        delete_case(db, case_id, user="tester", now=NOW)


def test_after_deletion_no_id_account_or_name_is_left_in_the_file(db):
    case_id = estate_with_data(db)
    kept = estate_with_data(db, reference="D-2", deceased="15836110045", name="Annen Person")
    assert find_in_file(db, [DECEASED, ACCOUNT, COUNTERPARTY, "Olaf Fiktiv"])

    close_case(db, case_id, now=NOW)
    delete_case(db, case_id, user="tester", now=NOW)

    # the other case still holds its own account number and counterparty name
    assert find_in_file(db, [DECEASED, "Olaf Fiktiv"]) == []
    assert find_in_file(db, ["15836110045"]) == ["15836110045"]
    with db.session() as session:
        assert session.scalar(select(func.count(Transaction.id))) == 200
        tombstone = session.scalars(select(DeletedCase)).one()
        assert tombstone.case_number == case_id
        log = session.scalars(select(RequestLog).order_by(RequestLog.id)).all()
        assert [entry.case_id for entry in log] == [None, kept]


def test_the_shared_values_go_when_the_last_case_holding_them_goes(db):
    case_id = estate_with_data(db)
    close_case(db, case_id, now=NOW)
    delete_case(db, case_id, user="tester", now=NOW)
    assert find_in_file(db, [DECEASED, ACCOUNT, COUNTERPARTY, "Olaf Fiktiv", "Begravelse"]) == []


def test_retention_proposes_closed_cases_older_than_the_setting(db):
    old = estate_with_data(db, reference="old")
    close_case(db, old, now=NOW - timedelta(days=400))
    recent = estate_with_data(db, reference="recent")
    close_case(db, recent, now=NOW - timedelta(days=10))
    estate_with_data(db, reference="open")
    proposed = due_for_deletion(db, retention_days=365, now=NOW)
    assert [case.id for case in proposed] == [old]


def test_a_deleted_case_number_is_never_given_again(db):
    first = estate_with_data(db, reference="D-1")
    close_case(db, first, now=NOW)
    delete_case(db, first, user="tester", now=NOW)

    second = estate_with_data(db, reference="D-2")
    assert second == first + 1  # the deleted number stays with the deleted case's log
    close_case(db, second, now=NOW)
    delete_case(db, second, user="tester", now=NOW)  # and this one can be deleted in turn
    with db.session() as session:
        assert sorted(session.scalars(select(DeletedCase.case_number))) == [first, second]
        logged = select(RequestLog.case_id).where(RequestLog.case_id.is_not(None))
        assert session.scalars(logged).all() == []  # SET NULL on deletion, numbers kept apart


def test_a_closed_case_refuses_import_and_fetch_but_reopens(db, tmp_path):
    from app.imports.into_case import CaseImport
    from app.store.cases import CaseClosed, ensure_open

    case_id = estate_with_data(db)
    close_case(db, case_id, now=NOW)
    statement = tmp_path / "s.csv"
    statement.write_text("Dato;Beløp\n01.05.2025;-10,00\n", encoding="utf-8")
    with pytest.raises(CaseClosed, match="D-1 is closed"):
        CaseImport(db, case_id, user="tester", now=NOW).import_file(statement)
    with db.session() as session:
        assert session.scalar(select(func.count(Transaction.id))) == 200  # nothing added
    reopen_case(db, case_id)
    with db.session() as session:
        assert ensure_open(session, case_id).id == case_id


def test_a_reference_already_taken_is_refused_and_nothing_is_stored(db):
    from app.domain.cases import FIELD_REFERENCE
    from app.domain.errors import InvalidInput
    from app.store.models import Case

    estate_with_data(db, reference="D-1")
    facts = new_estate(
        reference="D-1", deceased_id=DECEASED, death_date=date(2025, 4, 22), today=NOW.date()
    )
    with pytest.raises(InvalidInput) as refused:
        create_case(db, facts, environment="sandbox", user="tester")
    assert refused.value.field == FIELD_REFERENCE
    assert "already has this reference" in refused.value.rule
    with db.session() as session:
        assert session.scalar(select(func.count(Case.id))) == 1
