"""The steps of each case kind's workflow, and which of them are done and which are left.

- Bankruptcy: key dates, review windows, close parties, assets and claims, report.
- Estate: estate picture, heirs, form of settlement (skifteform), deadline, report.
- Guardianship control: fetch, the guardian's account and the control, outcome, report.

`load_bankruptcy` and `load_estate` read what a kind's steps need in one go; the
`*_steps` functions judge that data without reading again, so a window holding the data does
not compute it twice. Step names and status lines are English source strings marked for Qt's
translation in the context "steps"; `%1`, `%2` in a status are filled from `StepState.args`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from datetime import date

from app.domain.bankruptcy import ReviewWindow
from app.domain.clock import to_oslo
from app.domain.estate import (
    Deadline,
    Relation,
    Warning_,
    private_settlement_deadline,
    warnings,
)
from app.domain.money import format_amount
from app.domain.services import Service
from app.domain.text import QT_TRANSLATE_NOOP as _T
from app.review.bankruptcy import BankruptcyReview, bankruptcy_review
from app.review.estate import EstatePicture, estate_picture
from app.review.positions import AccountPosition, positions
from app.store import workflow
from app.store.cases import load_case
from app.store.db import Database
from app.store.models import AccountAssessment, Decision, Heir


class Step(enum.StrEnum):
    KEY_DATES = "key_dates"
    WINDOWS = "windows"
    CLOSE_PARTIES = "close_parties"
    ASSETS = "assets"
    PICTURE = "picture"
    HEIRS = "heirs"
    SETTLEMENT = "settlement"
    DEADLINE = "deadline"
    FETCH = "fetch"
    CONTROL = "control"
    OUTCOME = "outcome"
    REPORT = "report"


STEP_NAMES = {
    Step.KEY_DATES: _T("steps", "Key dates"),
    Step.WINDOWS: _T("steps", "Review windows"),
    Step.CLOSE_PARTIES: _T("steps", "Close parties"),
    Step.ASSETS: _T("steps", "Assets and claims"),
    Step.PICTURE: _T("steps", "Estate picture"),
    Step.HEIRS: _T("steps", "Heirs"),
    Step.SETTLEMENT: _T("steps", "Form of settlement"),
    Step.DEADLINE: _T("steps", "Deadline"),
    Step.FETCH: _T("steps", "Fetch"),
    Step.CONTROL: _T("steps", "Guardian's account and control"),
    Step.OUTCOME: _T("steps", "Outcome"),
    Step.REPORT: _T("steps", "Report"),
}

KIND_STEPS: dict[Service, tuple[Step, ...]] = {
    Service.BANKRUPTCY: (
        Step.KEY_DATES,
        Step.WINDOWS,
        Step.CLOSE_PARTIES,
        Step.ASSETS,
        Step.REPORT,
    ),
    Service.ESTATE: (Step.PICTURE, Step.HEIRS, Step.SETTLEMENT, Step.DEADLINE, Step.REPORT),
    Service.GUARDIANSHIP: (Step.FETCH, Step.CONTROL, Step.OUTCOME, Step.REPORT),
}

TRANSACTION_WINDOWS = (
    ReviewWindow.AFTER_RULING,
    ReviewWindow.EXTRAORDINARY,
    ReviewWindow.NO_CONSIDERATION,
)
"""The windows judged in the review-windows step; the close-party window has its own step."""

NOT_FETCHED = _T("steps", "Not fetched yet")


@dataclass(frozen=True)
class StepState:
    step: Step
    done: bool
    status: str
    """An English template in the context "steps", with %1, %2 for `args`."""
    args: tuple[str, ...] = ()


def _day(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def _kroner(minor: int) -> str:
    return format_amount(minor, minor=True)


def _report_step(states: list[StepState]) -> StepState:
    left = sum(1 for state in states if not state.done)
    if left == 0:
        return StepState(Step.REPORT, True, _T("steps", "Ready: every step is done"))
    if left == 1:
        return StepState(Step.REPORT, False, _T("steps", "One step is left first"))
    return StepState(Step.REPORT, False, _T("steps", "%1 steps are left first"), (str(left),))


# -- bankruptcy ------------------------------------------------------------------------------


@dataclass
class BankruptcyWork:
    """What the steps of a bankruptcy show, read at one moment."""

    case_id: int
    reference: str
    fetched: bool
    review: BankruptcyReview
    positions: list[AccountPosition]
    """Every account at the ruling date and at the end of the period."""
    account_assessments: dict[int, AccountAssessment]
    no_close_parties: Decision | None
    """The trustee's word that no close parties are known, when the latest says "yes"."""
    key_dates_changed: Decision | None

    def assessed(self, windows: tuple[ReviewWindow, ...]) -> tuple[int, int]:
        """(assessed, listed) pairs of transaction and window, over the windows given."""
        listed = assessed = 0
        for window in windows:
            for line in self.review.windows[window].lines:
                listed += 1
                assessed += (line.id, window.value) in self.review.assessments
        return assessed, listed


def load_bankruptcy(db: Database, case_id: int, today: date) -> BankruptcyWork:
    review = bankruptcy_review(db, case_id, today)
    with db.session() as session:
        case = load_case(session, case_id)
        fetched, reference = case.period_start is not None, case.reference
        assessments = workflow.account_assessments(session, case_id)
        none_known = workflow.latest_decision(session, case_id, workflow.NO_CLOSE_PARTIES)
        changed = workflow.latest_decision(session, case_id, workflow.KEY_DATES)
    return BankruptcyWork(
        case_id=case_id,
        reference=reference,
        fetched=fetched,
        review=review,
        positions=positions(db, case_id, review.key_dates.ruling_date),
        account_assessments=assessments,
        no_close_parties=none_known if none_known and none_known.value == "yes" else None,
        key_dates_changed=changed,
    )


def bankruptcy_steps(work: BankruptcyWork) -> list[StepState]:
    dates = work.review.key_dates
    states: list[StepState] = []
    if dates.cutoff_date is None:
        states.append(
            StepState(
                Step.KEY_DATES,
                False,
                _T(
                    "steps",
                    "Ruling date %1; the cut-off date is missing, the ruling date stands in",
                ),
                (_day(dates.ruling_date),),
            )
        )
    else:
        states.append(
            StepState(
                Step.KEY_DATES,
                True,
                _T("steps", "Ruling date %1, cut-off date %2"),
                (_day(dates.ruling_date), _day(dates.cutoff_date)),
            )
        )

    assessed, listed = work.assessed(TRANSACTION_WINDOWS)
    if not work.fetched:
        states.append(StepState(Step.WINDOWS, False, NOT_FETCHED))
    elif listed == 0:
        states.append(StepState(Step.WINDOWS, True, _T("steps", "No transactions in the windows")))
    else:
        states.append(
            StepState(
                Step.WINDOWS,
                assessed == listed,
                _T("steps", "%1 of %2 transactions assessed"),
                (str(assessed), str(listed)),
            )
        )

    parties = work.review.close_parties
    assessed, listed = work.assessed((ReviewWindow.CLOSE_PARTY,))
    if parties:
        states.append(
            StepState(
                Step.CLOSE_PARTIES,
                assessed == listed,
                _T("steps", "%1 marked; %2 of %3 transactions assessed"),
                (str(len(parties)), str(assessed), str(listed)),
            )
        )
    elif work.no_close_parties is not None:
        states.append(
            StepState(
                Step.CLOSE_PARTIES,
                True,
                _T("steps", "None known, confirmed by %1"),
                (work.no_close_parties.decided_by,),
            )
        )
    else:
        states.append(StepState(Step.CLOSE_PARTIES, False, _T("steps", "None marked yet")))

    accounts = len(work.positions)
    done = sum(1 for item in work.positions if item.account.account_id in work.account_assessments)
    if not work.fetched:
        states.append(StepState(Step.ASSETS, False, NOT_FETCHED))
    elif accounts == 0:
        states.append(StepState(Step.ASSETS, True, _T("steps", "No accounts found")))
    else:
        states.append(
            StepState(
                Step.ASSETS,
                done == accounts,
                _T("steps", "%1 of %2 accounts assessed"),
                (str(done), str(accounts)),
            )
        )
    return [*states, _report_step(states)]


# -- estate ----------------------------------------------------------------------------------


def estate_deadline(death_date: date, decision: Decision | None, today: date) -> Deadline:
    """The deadline for private settlement, with the user's own date when one is in force."""
    override = date.fromisoformat(decision.value) if decision and decision.value else None
    return private_settlement_deadline(death_date, today, override)


@dataclass
class EstateWork:
    """What the steps of an estate show, read at one moment."""

    case_id: int
    reference: str
    fetched: bool
    picture: EstatePicture
    banks: list[tuple[str, str, str | None]]
    """Each bank's name, status and message."""
    heirs: list[Heir]
    settlement: Decision | None
    funeral_costs: Decision | None
    deadline_decision: Decision | None
    deadline: Deadline
    history: list[Decision] = field(default_factory=list)

    @property
    def relations(self) -> list[Relation]:
        return [Relation(heir.relation) for heir in self.heirs]

    def warnings(self, funeral_costs: int | None = None) -> list[Warning_]:
        """Where the figures argue against a form; `funeral_costs` tries another amount."""
        figures = self.picture.figures
        if funeral_costs is not None:
            figures = replace(figures, funeral_costs=funeral_costs)
        return warnings(figures, self.relations)


def load_estate(db: Database, case_id: int, today: date) -> EstateWork:
    picture = estate_picture(db, case_id)
    with db.session() as session:
        case = load_case(session, case_id)
        fetched, reference = case.period_start is not None, case.reference
        deadline_decision = workflow.latest_decision(session, case_id, workflow.DEADLINE)
        return EstateWork(
            case_id=case_id,
            reference=reference,
            fetched=fetched,
            picture=picture,
            banks=workflow.bank_statuses(session, case_id),
            heirs=workflow.heirs(session, case_id),
            settlement=workflow.latest_decision(session, case_id, workflow.SETTLEMENT_FORM),
            funeral_costs=workflow.latest_decision(session, case_id, workflow.FUNERAL_COSTS),
            deadline_decision=deadline_decision,
            deadline=estate_deadline(picture.death_date, deadline_decision, today),
            history=[
                decision
                for decision in workflow.decision_history(session, case_id)
                if decision.kind
                in (workflow.SETTLEMENT_FORM, workflow.DEADLINE, workflow.FUNERAL_COSTS)
            ],
        )


DAYS_LEFT = (
    _T("steps", "%1 days overdue"),
    _T("steps", "1 day overdue"),
    _T("steps", "Due today"),
    _T("steps", "1 day left"),
    _T("steps", "%1 days left"),
)
DUE_DAYS_LEFT = (
    _T("steps", "Due %1: %2 days overdue"),
    _T("steps", "Due %1: 1 day overdue"),
    _T("steps", "Due %1: due today"),
    _T("steps", "Due %1: 1 day left"),
    _T("steps", "Due %1: %2 days left"),
)


def _days_index(days: int) -> int:
    return 0 if days < -1 else 4 if days > 1 else days + 2


def days_left_words(deadline: Deadline) -> tuple[str, tuple[str, ...]]:
    """The days left before a deadline in words: a template and its arguments."""
    days = deadline.days_left
    return DAYS_LEFT[_days_index(days)], (str(abs(days)),) if abs(days) > 1 else ()


def due_words(deadline: Deadline) -> tuple[str, tuple[str, ...]]:
    """The due date and the days left in words: a template and its arguments."""
    days = deadline.days_left
    due = _day(deadline.due)
    return DUE_DAYS_LEFT[_days_index(days)], (due, str(abs(days))) if abs(days) > 1 else (due,)


def estate_steps(work: EstateWork) -> list[StepState]:
    states: list[StepState] = []
    figures = work.picture.figures
    if not work.fetched:
        states.append(StepState(Step.PICTURE, False, NOT_FETCHED))
    elif figures.unknowns:
        states.append(
            StepState(
                Step.PICTURE,
                False,
                _T("steps", "Banks or accounts not answered in full: %1"),
                (str(figures.unknowns),),
            )
        )
    else:
        states.append(
            StepState(
                Step.PICTURE,
                True,
                _T("steps", "Assets %1, known debts %2 at the death"),
                (_kroner(figures.assets_at_death), _kroner(figures.debts_at_death)),
            )
        )

    unknown = sum(1 for heir in work.heirs if heir.agrees is None)
    if not work.heirs:
        states.append(StepState(Step.HEIRS, False, _T("steps", "No heirs recorded yet")))
    elif unknown:
        states.append(
            StepState(
                Step.HEIRS,
                False,
                _T("steps", "Heirs: %1; position not known: %2"),
                (str(len(work.heirs)), str(unknown)),
            )
        )
    else:
        agree = sum(1 for heir in work.heirs if heir.agrees)
        states.append(
            StepState(
                Step.HEIRS,
                True,
                _T("steps", "Heirs: %1; agreeing: %2"),
                (str(len(work.heirs)), str(agree)),
            )
        )

    settlement = work.settlement
    if settlement is None:
        states.append(StepState(Step.SETTLEMENT, False, _T("steps", "Not chosen yet")))
    else:
        states.append(
            StepState(
                Step.SETTLEMENT,
                True,
                _T("steps", "Recorded by %1 on %2"),
                (settlement.decided_by, _day(_oslo_day(settlement))),
            )
        )

    due = _day(work.deadline.due)
    if settlement is not None:
        states.append(
            StepState(
                Step.DEADLINE,
                True,
                _T("steps", "Due %1; the form of settlement is recorded"),
                (due,),
            )
        )
    else:
        states.append(StepState(Step.DEADLINE, False, *due_words(work.deadline)))
    return [*states, _report_step(states)]


def _oslo_day(decision: Decision) -> date:
    return to_oslo(decision.decided_at).date()


# -- guardianship ----------------------------------------------------------------------------


def guardianship_steps(db: Database, case_id: int) -> list[StepState]:
    """The control's steps, as far as the control's store can tell them."""
    with db.session() as session:
        case = load_case(session, case_id)
        states = [
            StepState(
                Step.FETCH,
                True,
                _T("steps", "Fetched %1–%2"),
                (_day(case.period_start), _day(case.period_end)),
            )
            if case.period_start is not None
            else StepState(Step.FETCH, False, NOT_FETCHED)
        ]
        try:
            from app.store import guardianship
        except ImportError:  # the control is not part of this version
            states += [
                StepState(Step.CONTROL, False, _T("steps", "Not available in this version")),
                StepState(Step.OUTCOME, False, _T("steps", "Not available in this version")),
            ]
            return [*states, _report_step(states)]
        source = guardianship.report_source(session, case_id)
        outcome = guardianship.recorded_outcome(session, case_id)
    if source is None:
        states.append(
            StepState(
                Step.CONTROL, False, _T("steps", "The guardian's account is not recorded yet")
            )
        )
    else:
        states.append(
            StepState(
                Step.CONTROL,
                True,
                _T("steps", "The guardian's account recorded by %1"),
                (source.recorded_by,),
            )
        )
    if outcome is None:
        states.append(StepState(Step.OUTCOME, False, _T("steps", "Not recorded yet")))
    elif outcome.for_earlier_report:
        states.append(
            StepState(
                Step.OUTCOME,
                False,
                _T(
                    "steps",
                    "Recorded by %1 on %2 for an earlier version of the guardian's account; "
                    "to be recorded again",
                ),
                (outcome.decided_by, _day(to_oslo(outcome.decided_at).date())),
            )
        )
    else:
        states.append(
            StepState(
                Step.OUTCOME,
                True,
                _T("steps", "Recorded by %1 on %2"),
                (outcome.decided_by, _day(to_oslo(outcome.decided_at).date())),
            )
        )
    return [*states, _report_step(states)]


def case_steps(db: Database, case_id: int, today: date) -> list[StepState]:
    """Every step of the case's kind, in order, with what is done and what is left."""
    with db.session() as session:
        service = Service(load_case(session, case_id).service)
    if service is Service.BANKRUPTCY:
        return bankruptcy_steps(load_bankruptcy(db, case_id, today))
    if service is Service.ESTATE:
        return estate_steps(load_estate(db, case_id, today))
    return guardianship_steps(db, case_id)


def deadline_of(db: Database, case_id: int, today: date) -> tuple[Deadline, Decision | None]:
    """An estate's deadline for private settlement, and the form of settlement recorded, if
    any: what the window shows above every tab of an estate case."""
    with db.session() as session:
        death = load_case(session, case_id).key_date
        decision = workflow.latest_decision(session, case_id, workflow.DEADLINE)
        settlement = workflow.latest_decision(session, case_id, workflow.SETTLEMENT_FORM)
    return estate_deadline(death, decision, today), settlement
