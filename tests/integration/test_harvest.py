"""A whole fetch against the sandbox: relations, directory, every bank, storage, audit."""

from sqlalchemy import func, select

from app.harvest.events import BankProgress, HarvestFinished
from app.harvest.harvest import Harvest
from app.store.cases import banks_with_accounts, count_transactions
from app.store.models import Account, AccountRole, Balance, Bank, RequestLog
from tests.integration.conftest import (
    CLOCK,
    bankruptcy_case,
    estate_case,
    guardianship_case,
)


def harvest(db, case_id, world, **options):
    return Harvest(db, case_id, world.connection(), user="tester", clock=CLOCK, **options).run()


def test_a_bankruptcy_is_fetched_stored_and_audited(db, no_faults):
    world = no_faults
    case_id = bankruptcy_case(db)
    events = []
    world.clear_requests()

    summary = harvest(db, case_id, world, on_event=events.append)

    assert summary.error is None
    assert summary.banks_with_api >= 4
    assert summary.accounts > 0
    assert summary.transactions_received > 5000
    assert summary.transactions_new == summary.transactions_received
    assert summary.banks_failed == 0
    with db.session() as session:
        assert count_transactions(session, case_id) == summary.transactions_received
        statuses = dict(
            session.execute(
                select(Bank.org_number, Bank.status).where(Bank.case_id == case_id)
            ).all()
        )
        assert set(statuses.values()) <= {"complete", "partial", "letter_needed"}
        blocked = session.scalars(select(Account.status).where(Account.case_id == case_id)).all()
        assert set(blocked) <= {"disabled", "deleted"}
        assert session.scalar(select(func.count(Balance.id))) > 0
    assert isinstance(events[-1], HarvestFinished)
    assert any(isinstance(e, BankProgress) and e.step == "done" for e in events)

    sent = world.requests()
    with db.session() as session:
        audit = session.scalars(select(RequestLog).where(RequestLog.case_id == case_id)).all()
    assert len(audit) == len(sent)
    correlations = {entry.correlation_id for entry in audit if entry.correlation_id}
    assert correlations == {r["correlation_id"] for r in sent if r.get("correlation_id")}


def test_the_fetch_line_counts_the_banks_as_the_demo_and_the_case_list_do(db, no_faults):
    case_id = bankruptcy_case(db)

    summary = harvest(db, case_id, no_faults)

    fields = dict(part.split("=", 1) for part in summary.line().split(" "))
    banks, by_api, letters = (int(fields[key]) for key in ("banks", "by_api", "letters"))
    with db.session() as session:
        stored = banks_with_accounts(session, case_id)
    assert letters >= 1  # the sandbox has a bank without a Control API for this debtor
    assert banks == len(stored) == by_api + letters
    assert by_api == sum(1 for bank in stored if bank.status != "letter_needed")


def test_a_second_run_adds_nothing(db, no_faults):
    case_id = bankruptcy_case(db)
    first = harvest(db, case_id, no_faults)
    second = harvest(db, case_id, no_faults)
    assert second.transactions_received == first.transactions_received
    assert second.transactions_new == 0
    with db.session() as session:
        assert count_transactions(session, case_id) == first.transactions_received
        assert session.scalar(select(func.count(Account.id))) == first.accounts


def test_an_estate_and_a_guardianship_year(db, no_faults):
    estate = harvest(db, estate_case(db), no_faults)
    guardianship_id = guardianship_case(db)
    control = harvest(db, guardianship_id, no_faults)
    assert estate.error is None and estate.transactions_received > 0
    assert control.error is None and control.accounts > 0
    with db.session() as session:
        roles = session.scalars(
            select(AccountRole.permission)
            .join(Account, Account.id == AccountRole.account_id)
            .where(Account.case_id == guardianship_id)
        ).all()
    assert "rightToUseAlone" in roles and "rightToSeeOnly" in roles


def test_cancelling_keeps_what_was_stored(db, no_faults):
    import threading

    case_id = bankruptcy_case(db)
    cancel = threading.Event()
    stored = []

    def on_event(event):
        if isinstance(event, BankProgress) and event.transactions >= 1000:
            stored.append(event.transactions)
            cancel.set()

    summary = harvest(db, case_id, no_faults, on_event=on_event, cancel=cancel)
    assert summary.cancelled
    with db.session() as session:
        kept = count_transactions(session, case_id)
        cancelled = session.scalars(select(Bank.status).where(Bank.status == "cancelled")).all()
    assert kept >= 1000 and cancelled
    resumed = harvest(db, case_id, no_faults)
    assert not resumed.cancelled
    assert resumed.transactions_new == resumed.transactions_received - kept


def test_a_closed_case_is_not_fetched_and_no_request_leaves(db, no_faults):
    from datetime import UTC, datetime

    from app.store.deletion import close_case

    world = no_faults
    case_id = bankruptcy_case(db)
    close_case(db, case_id, now=datetime(2025, 6, 16, 12, tzinfo=UTC))
    world.clear_requests()

    summary = harvest(db, case_id, world)

    assert summary.error is not None and "is closed" in summary.error
    assert summary.transactions_received == 0
    assert world.requests() == []
    with db.session() as session:
        assert count_transactions(session, case_id) == 0
