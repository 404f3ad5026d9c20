"""A fetch where every bank misbehaves in its own way: each outcome is recorded per bank, the
good banks' data is complete, and no log line or audit export carries the case's ids."""

import io
import logging
import time
from pathlib import Path

from sqlalchemy import func, select

from app.harvest.harvest import Harvest
from app.logs import setup_logging
from app.store.audit_export import write_audit_csv
from app.store.deletion import close_case
from app.store.models import Account, Bank, RequestLog, Transaction
from tests.integration.conftest import CLOCK, bankruptcy_case

FJORDBANK, TESTDAL, LILLEVIK, SJOSTRAND, KYSTLINJE = (
    "999000029",
    "999000037",
    "999000142",
    "999000169",
    "999000177",
)
PARTIAL = "Archived history before 2024 must be requested by letter"


def per_bank(db, case_id):
    with db.session() as session:
        rows = session.execute(
            select(Bank.org_number, Bank.status, Bank.message, func.count(Transaction.id))
            .outerjoin(Account, Account.bank_id == Bank.id)
            .outerjoin(Transaction, Transaction.account_id == Account.id)
            .where(Bank.case_id == case_id)
            .group_by(Bank.id)
        ).all()
    return {org: (status, message, count) for org, status, message, count in rows}


def test_each_bank_misbehaving_differently(db, no_faults):
    world = no_faults
    clean_id = bankruptcy_case(db)
    Harvest(db, clean_id, world.connection(), user="t", clock=CLOCK).run()
    clean = per_bank(db, clean_id)
    close_case(db, clean_id, now=CLOCK.now())  # one open case per debtor

    world.faults(
        {
            "seed": 7,
            "banks": {
                FJORDBANK: {"fail_first": {"status": 503, "count": 2}},
                TESTDAL: {"rate_limit": {"first": 1, "retry_after": 1}},
                LILLEVIK: {"malformed_rate": 1.0, "malformed_kind": "bad_json"},
                SJOSTRAND: {"partial": PARTIAL},
                KYSTLINJE: {"expire_tokens": True},
            },
        }
    )
    case_id = bankruptcy_case(db, days_ago=60)
    started = time.monotonic()
    summary = Harvest(db, case_id, world.connection(), user="t", clock=CLOCK).run()
    assert time.monotonic() - started >= 1.0  # the 429's Retry-After of 1 s was honoured

    found = per_bank(db, case_id)
    for good in (FJORDBANK, TESTDAL, KYSTLINJE):
        assert found[good][0] == "complete", good
        assert found[good][2] == clean[good][2] > 0, good
    assert found[SJOSTRAND][0] == "partial"
    assert PARTIAL in found[SJOSTRAND][1]
    assert found[SJOSTRAND][2] == clean[SJOSTRAND][2]
    assert found[LILLEVIK][0] == "failed"
    assert "does not match the standard" in found[LILLEVIK][1]
    assert summary.bank_status[LILLEVIK] == "failed"
    assert summary.banks_failed == 1 and summary.banks_partial == 1

    with db.session() as session:
        attempts = session.execute(
            select(RequestLog.bank_org_number, RequestLog.http_status, RequestLog.attempt).where(
                RequestLog.case_id == case_id
            )
        ).all()
    assert (FJORDBANK, 503, 1) in attempts and (FJORDBANK, 503, 2) in attempts
    assert (FJORDBANK, 200, 3) in attempts
    assert (TESTDAL, 429, 1) in attempts and (TESTDAL, 200, 2) in attempts
    assert (KYSTLINJE, 401, 1) in attempts


def test_a_schema_violation_is_recorded_per_account(db, no_faults):
    no_faults.faults(
        {
            "seed": 3,
            "banks": {
                TESTDAL: {"malformed_rate": 0.3, "malformed_kind": "schema"},
            },
        }
    )
    case_id = bankruptcy_case(db)
    summary = Harvest(db, case_id, no_faults.connection(), user="t", clock=CLOCK).run()
    status = summary.bank_status[TESTDAL]
    assert status in ("incomplete", "failed")
    with db.session() as session:
        messages = session.scalars(
            select(Account.message)
            .join(Bank, Bank.id == Account.bank_id)
            .where(
                Bank.org_number == TESTDAL,
                Account.case_id == case_id,
                Account.fetch_status == "failed",
            )
        ).all()
        bank_message = session.scalar(
            select(Bank.message).where(Bank.case_id == case_id, Bank.org_number == TESTDAL)
        )
    assert messages or "does not match the standard" in (bank_message or "")
    for message in messages:
        assert "does not match the standard" in message


def test_logs_and_audit_export_hold_no_id_from_the_case(db, no_faults, private_home):
    setup_logging(logging.DEBUG)
    case_id = bankruptcy_case(db)
    Harvest(db, case_id, no_faults.connection(), user="t", clock=CLOCK).run()
    for handler in logging.getLogger().handlers:
        handler.flush()
    logs = "".join(
        Path(handler.baseFilename).read_text(encoding="utf-8")
        for handler in logging.getLogger().handlers
        if getattr(handler, "_boinnsyn", False)
    )
    export = io.StringIO()
    count = write_audit_csv(db, case_id, export)
    with db.session() as session:
        accounts = session.scalars(
            select(Account.account_number).where(Account.case_id == case_id)
        ).all()
    assert count > 10 and "correlation_id" in export.getvalue()
    assert logs.strip()
    for secret in ["999000010", *accounts]:
        assert secret not in logs
        assert secret not in export.getvalue()
    # No token (a JWT starts with the base64 of '{"'), authorisation header or key either.
    for marker in ("eyJ", "Bearer", "BEGIN PRIVATE KEY", "BEGIN RSA", "client_assertion"):
        assert marker not in logs
        assert marker not in export.getvalue()
