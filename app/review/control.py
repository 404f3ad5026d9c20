"""Runs the guardianship control for a stored case: the bank's figures and the guardian's
reported account come from the store, the rules from `app.domain.guardianship`.

The result is computed again whenever it is asked for, so it always reflects what is stored;
only the officer's outcome is recorded (see `record_outcome`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from app.domain.errors import InvalidInput
from app.domain.guardianship import (
    ControlResult,
    Outcome,
    RuleSettings,
    run_control,
)
from app.domain.text import QT_TRANSLATE_NOOP as _T
from app.store import guardianship as store
from app.store.db import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CaseControl:
    """The control of one case, with what the report and the screen show beside it."""

    facts: store.GuardianshipFacts
    result: ControlResult
    banks: list[tuple[str, str]]
    """(bank name, answer status) of every bank the relations named."""
    report_source: store.ReportSource | None
    outcome: store.RecordedOutcome | None
    """The latest outcome recorded; one given for an earlier version of the guardian's account
    is marked so (`for_earlier_report`) and no longer counts."""

    @property
    def fetched(self) -> bool:
        return self.facts.period_end is not None

    @property
    def suggested(self) -> Outcome:
        return self.result.suggested


def control_case(db: Database, case_id: int, settings: RuleSettings | None = None) -> CaseControl:
    """Hold the case's reported account against the bank figures in the store."""
    with db.session() as session:
        facts = store.guardianship_facts(session, case_id)
        accounts = store.bank_accounts(session, case_id, facts.year)
        reported = store.load_report(session, case_id)
        banks = store.bank_answers(session, case_id)
        source = store.report_source(session, case_id)
        outcome = store.recorded_outcome(session, case_id)
    result = run_control(
        accounts,
        reported,
        ward_id=facts.ward_id,
        guardian_id=facts.guardian_id,
        settings=settings,
    )
    log.info(
        "case %d controlled: %d accounts, %d deviations",
        case_id,
        len(result.accounts),
        len(result.deviations),
    )
    return CaseControl(facts, result, banks, source, outcome)


def record_outcome(db: Database, case_id: int, outcome: Outcome, *, reason: str, user: str) -> None:
    """Record the officer's outcome with its reason. A follow-up needs a reason, and so does
    an approval against the control's suggestion (deviations found, or no report to hold the
    bank's figures against)."""
    text = reason.strip()
    if outcome is Outcome.FOLLOW_UP and not text:
        raise InvalidInput(
            _T("guardianship", "Reason"),
            _T("rules", "must be given when the control needs follow-up"),
        )
    if outcome is Outcome.APPROVED and not text and control_case(db, case_id).suggested != outcome:
        raise InvalidInput(
            _T("guardianship", "Reason"),
            _T("rules", "must be given when approving a control that found deviations"),
        )
    with db.session() as session:
        store.guardianship_facts(session, case_id)
        store.record_outcome(session, case_id, outcome, reason=text, user=user)
    log.info("case %d control outcome recorded: %s", case_id, outcome.value)
