"""The control of a stored case: the bank figures from the store, the reported account saved and
read back, the officer's outcome kept with author and time across a restart, and the control
report on paper."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.domain.clock import to_oslo
from app.domain.errors import InvalidInput
from app.domain.guardianship import Outcome, ReportedAccount, ReportedLine, Rule
from app.domain.records import TransactionRecord
from app.review.control import control_case, record_outcome
from app.store import guardianship as store
from app.store.db import Database
from app.store.models import Account
from app.store.writer import CaseWriter
from tests.guardianship.conftest import EVERYDAY, SAVINGS


def honest_report() -> list[ReportedAccount]:
    # the figures of conftest.store_case, as a careful guardian reports them
    return [
        ReportedAccount(
            EVERYDAY,
            "Fjordbank",
            205_000,
            800_000,
            (
                ReportedLine("pension", 2_000_000, "Alderspensjon"),
                ReportedLine("housing", 900_000),
                ReportedLine("cash", 200_000),
                ReportedLine("fees", 5_000),
                ReportedLine("to_guardian", 300_000, "Refusjon av utlegg"),
            ),
        )
    ]


def save(db: Database, case_id: int, accounts: list[ReportedAccount]) -> None:
    with db.session() as session:
        store.save_report(session, case_id, accounts, user="officer")


def test_the_bank_figures_are_worked_back_to_1_january(db, case_id):
    with db.session() as session:
        (account,) = store.bank_accounts(session, case_id, 2024)
    # 8 000,00 − 20 000,00 + 14 050,00 = 2 050,00 kr on 1 January; the 2024 items only
    assert account.closing_minor == 800_000 and account.opening_minor == 205_000
    assert len(account.transactions) == 7
    assert {role.party_id for role in account.roles} == {"21879010184", "09826510185"}


def test_an_honest_report_leaves_only_the_payment_to_the_guardian(db, case_id):
    save(db, case_id, honest_report())
    control = control_case(db, case_id)
    rules = [d.rule for d in control.result.deviations]
    assert rules == [Rule.TO_GUARDIAN]
    assert control.result.deviations[0].amount_minor == 300_000
    assert control.suggested is Outcome.FOLLOW_UP


def test_saving_again_replaces_the_report(db, case_id):
    save(db, case_id, honest_report())
    save(db, case_id, honest_report())
    with db.session() as session:
        assert store.load_report(session, case_id) == honest_report()


def test_a_missing_account_and_wrong_figures_are_found(db, case_id):
    wrong = honest_report()[0]
    wrong = ReportedAccount(EVERYDAY, "Fjordbank", 205_000, 700_000, wrong.lines[:2])
    extra = ReportedAccount(SAVINGS, "Lillevik", 0, 50_000, (ReportedLine("interest", 50_000),))
    save(db, case_id, [wrong, extra])
    rules = {d.rule for d in control_case(db, case_id).result.deviations}
    assert {
        Rule.CLOSING_BALANCE,
        Rule.SUM_OUT,
        Rule.CASH_NOT_REPORTED,
        Rule.ARITHMETIC,
        Rule.NOT_IN_BANK,
        Rule.TO_GUARDIAN,
    } <= rules


def test_the_outcome_is_kept_with_author_and_time_across_a_restart(tmp_path, case_id, db):
    record_outcome(db, case_id, Outcome.FOLLOW_UP, reason="Ask for receipts", user="officer")
    record_outcome(db, case_id, Outcome.APPROVED, reason="Receipts received", user="chief")
    url = db.url
    db.dispose()

    reopened = Database(url)
    try:
        control = control_case(reopened, case_id)
        recorded = control.outcome
        assert recorded is not None
        assert recorded.outcome is Outcome.APPROVED
        assert recorded.reason == "Receipts received"
        assert recorded.decided_by == "chief"
        assert recorded.decided_at.tzinfo is not None
        from app.store.workflow import decision_history

        with reopened.session() as session:
            history = [(d.value, d.decided_by) for d in decision_history(session, case_id)]
        assert history == [("follow_up", "officer"), ("approved", "chief")]
    finally:
        reopened.dispose()


def test_follow_up_needs_a_reason(db, case_id):
    with pytest.raises(InvalidInput, match="Reason"):
        record_outcome(db, case_id, Outcome.FOLLOW_UP, reason="  ", user="officer")


def test_approving_against_the_suggestion_needs_a_reason(db, case_id):
    assert control_case(db, case_id).suggested is Outcome.FOLLOW_UP  # nothing reported yet
    with pytest.raises(InvalidInput, match="approving a control that found deviations"):
        record_outcome(db, case_id, Outcome.APPROVED, reason="", user="officer")
    record_outcome(db, case_id, Outcome.APPROVED, reason="Reported on paper", user="officer")
    assert control_case(db, case_id).outcome.outcome is Outcome.APPROVED


def pdf_text(path: Path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(path).pages).replace("\u00a0", " ")


def test_the_control_report_states_figures_deviations_and_outcome(tmp_path, db, case_id, clock):
    from app.reports.control_section import write_control_report

    save(db, case_id, honest_report())
    record_outcome(db, case_id, Outcome.FOLLOW_UP, reason="Refusjon må dokumenteres", user="sf")
    out = write_control_report(db, case_id, tmp_path / "VK-TEST-1.pdf", clock=clock)
    text = pdf_text(out)
    assert "Vergekontroll" in text and "side 1 av" in text
    assert "2 050,00" in text and "8 000,00" in text  # opening and closing balance
    assert "Betalinger til vergen" in text and "3 000,00" in text  # as the window words it
    assert "Refusjon utlegg" in text  # the transaction behind it
    assert "Til oppfølging" in text and "Refusjon må dokumenteres" in text
    assert "Fortrolig" in text
    # the sum of the deviations says what it is, and the money in and out how it is counted
    words = " ".join(text.split())
    assert "beløpene lagt sammen" in words and "bak flere avvik" in words
    assert "holdes både mot bruttosummen og mot summen etter tilbakeføringer" in words
    assert "skiller seg fra begge med mer enn 1,00 kr" in words
    assert "Penger ut etter tilbakeføringer" not in words  # no reversals in this account


def test_the_control_report_shows_the_gross_sums_and_the_sums_after_a_refund(
    tmp_path, db, case_id, clock
):
    from app.reports.control_section import write_control_report

    # 200,00 kr of the rent refunded: gross in 20 200,00, out 14 050,00; net in 20 000,00,
    # out 13 850,00; the guardian books the refund against the rent (net) and is not flagged
    with db.session() as session:
        (account_id,) = session.scalars(select(Account.id).where(Account.case_id == case_id))
    refund = TransactionRecord(
        key="T8",
        booking_date=date(2024, 3, 5),
        amount=Decimal("200.00"),
        currency="NOK",
        reversal=True,
        counterparty_name="Utleier AS",
    )
    CaseWriter(db).add_transactions(case_id, account_id, [refund])
    net = honest_report()[0]
    lines = (ReportedLine("pension", 2_000_000), ReportedLine("housing", 880_000), *net.lines[2:])
    save(db, case_id, [ReportedAccount(EVERYDAY, "Fjordbank", 185_000, 800_000, lines)])

    control = control_case(db, case_id)
    assert [d.rule for d in control.result.deviations] == [Rule.TO_GUARDIAN]
    out = write_control_report(db, case_id, tmp_path / "VK-TEST-1.pdf", clock=clock)
    words = " ".join(pdf_text(out).split())
    assert "Penger inn 20 000,00 20 200,00 -200,00" in words  # the bank's column is gross
    assert "Penger inn etter tilbakeføringer 20 000,00 20 000,00 0,00" in words
    assert "Penger ut 13 850,00 14 050,00 -200,00" in words
    assert "Penger ut etter tilbakeføringer 13 850,00 13 850,00 0,00" in words


def test_the_full_case_report_carries_the_control_chapter(tmp_path, db, case_id, clock):
    from app.reports.case_report import write_case_report
    from app.reports.control_section import SECTION_KEY  # noqa: F401 - registers the chapter

    save(db, case_id, honest_report())
    out = write_case_report(db, case_id, tmp_path / "full.pdf", clock=clock, language="en")
    text = pdf_text(out)
    assert "Guardianship control" in text and "Payments to the guardian" in text
    assert "Suggested outcome" in text


def test_the_report_words_a_sum_deviation_beside_a_reversal_in_norwegian():
    from app.domain.guardianship import Deviation
    from app.reports.control_section import reason
    from app.reports.texts import catalogue

    params = {"reported": 41_000, "bank": 40_000, "net": 35_000, "difference": 1_000}
    deviation = Deviation(Rule.SUM_OUT, EVERYDAY, 1_000, params)

    assert reason(catalogue("nb"), deviation).replace("\u00a0", " ") == (
        "Penger ut i året: oppgitt 410,00 kr, bankens 400,00 kr, eller 350,00 kr etter "
        "tilbakeføringer (differanse 10,00 kr fra det nærmeste)"
    )


def test_the_report_words_a_deviation_in_euro_in_euro():
    from app.domain.guardianship import Deviation
    from app.reports.control_section import reason
    from app.reports.texts import catalogue

    params = {"reported": 1_132_648, "bank": 1_082_648, "difference": 50_000}
    deviation = Deviation(Rule.CLOSING_BALANCE, EVERYDAY, 50_000, params, (), "EUR")

    assert reason(catalogue("nb"), deviation).replace("\u00a0", " ") == (
        "Saldo 31. desember: oppgitt 11 326,48 EUR, bankens 10 826,48 EUR (differanse 500,00 EUR)"
    )


def test_the_report_adds_up_the_deviations_once_per_currency(tmp_path, db, case_id, clock):
    from app.reports.control_section import write_control_report

    # the everyday account is in euro: its payment to the guardian is 3 000,00 EUR; the savings
    # account the banks do not have is reported with 500,00 kr
    with db.session() as session:
        (account,) = session.scalars(select(Account).where(Account.case_id == case_id))
        account.currency = "EUR"
    extra = ReportedAccount(SAVINGS, "Lillevik", 0, 50_000, (ReportedLine("interest", 50_000),))
    save(db, case_id, [*honest_report(), extra])

    out = write_control_report(db, case_id, tmp_path / "VK-TEST-1.pdf", clock=clock)
    words = " ".join(pdf_text(out).split())
    assert "2 avvik, beløpene lagt sammen 500,00 kr og 3 000,00 EUR" in words


def test_an_outcome_counts_only_for_the_account_it_was_given_for(tmp_path, db, case_id, clock):
    from app.reports.control_section import write_control_report
    from app.review.steps import Step, guardianship_steps

    with db.session() as session:
        store.save_report(session, case_id, honest_report(), user="officer", source="v1.csv")
    record_outcome(db, case_id, Outcome.FOLLOW_UP, reason="Refusjon må dokumenteres", user="sf")
    with db.session() as session:  # the same file read in again changes nothing
        store.save_report(session, case_id, honest_report(), user="officer", source="v1.csv")
    assert not control_case(db, case_id).outcome.for_earlier_report

    corrected = [ReportedAccount(EVERYDAY, "Fjordbank", 205_000, 800_000, ())]
    with db.session() as session:
        store.save_report(session, case_id, corrected, user="officer", source="v2.csv")

    recorded = control_case(db, case_id).outcome
    assert recorded.for_earlier_report and recorded.report_at > recorded.decided_at
    with db.session() as session:
        assert store.latest_outcome(session, case_id) is None
    steps = {state.step: state for state in guardianship_steps(db, case_id)}
    assert not steps[Step.OUTCOME].done
    assert steps[Step.OUTCOME].status.startswith("Recorded by %1 on %2 for an earlier version")
    decided = to_oslo(recorded.decided_at).date()
    assert steps[Step.OUTCOME].args == ("sf", decided.strftime("%d.%m.%Y"))
    words = " ".join(
        pdf_text(write_control_report(db, case_id, tmp_path / "v.pdf", clock=clock)).split()
    )
    assert "Ikke registrert for dette vergeregnskapet" in words
    assert "gitt før vergeregnskapet ble lest inn på nytt" in words
    assert "Refusjon må dokumenteres" not in words

    record_outcome(db, case_id, Outcome.FOLLOW_UP, reason="Ny runde", user="sf")
    assert not control_case(db, case_id).outcome.for_earlier_report
