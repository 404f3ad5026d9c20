"""The steps of each case kind, done and left; new key dates with the domain's checks; and
window membership on the edges of the one-year window, against hand-worked dates."""

from datetime import date
from decimal import Decimal

import pytest

from app.domain.bankruptcy import Assessment, ReviewWindow, checked_key_dates
from app.domain.cases import FIELD_CUTOFF_DATE, FIELD_RULING_DATE
from app.domain.errors import InvalidInput
from app.domain.estate import private_settlement_deadline
from app.domain.periods import Period
from app.review.bankruptcy import bankruptcy_review
from app.review.steps import (
    Step,
    bankruptcy_steps,
    case_steps,
    days_left_words,
    due_words,
    estate_steps,
    load_bankruptcy,
    load_estate,
)
from app.store import workflow
from app.store.cases import load_case
from tests.unit.test_workflows import (
    CUTOFF,
    RULING,
    TODAY,
    bankruptcy_with_an_account,
    build_bankruptcy,
    build_estate,
    tx,
)


def states(found):
    return {state.step: (state.done, state.status, state.args) for state in found}


# -- key dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cutoff", "rule"),
    [
        (date(2025, 5, 6), "cannot be after the ruling date"),
        (
            date(2024, 5, 4),  # a day before 05.05.2024, where the fetch starts
            "cannot be more than 12 months before the ruling date "
            "(the bankruptcy service fetches nothing older)",
        ),
    ],
)
def test_a_cut_off_date_outside_its_rules_is_refused_naming_the_field_and_not_stored(
    db, cutoff, rule
):
    case_id, _ = build_bankruptcy(db)
    with pytest.raises(InvalidInput) as refused, db.session() as session:
        workflow.set_key_dates(
            session, case_id, ruling_date=RULING, cutoff_date=cutoff, today=TODAY, user="trustee"
        )
    assert (refused.value.field, refused.value.rule) == (FIELD_CUTOFF_DATE, rule)
    with db.session() as session:
        case = load_case(session, case_id)
        assert (case.key_date, case.cutoff_date) == (RULING, CUTOFF)
        assert workflow.latest_decision(session, case_id, workflow.KEY_DATES) is None


@pytest.mark.parametrize(
    ("ruling", "cutoff", "field"),
    [
        (date(2025, 6, 17), None, FIELD_RULING_DATE),
        (date(2025, 6, 16), date(2025, 6, 17), FIELD_CUTOFF_DATE),
        (None, None, FIELD_RULING_DATE),
    ],
)
def test_key_dates_in_the_future_or_missing_are_refused(ruling, cutoff, field):
    with pytest.raises(InvalidInput) as refused:
        checked_key_dates(ruling, cutoff, TODAY)
    assert refused.value.field == field


def test_a_later_ruling_date_refuses_a_cut_off_date_it_leaves_before_its_period():
    with pytest.raises(InvalidInput) as refused:
        checked_key_dates(date(2025, 6, 2), date(2024, 6, 1), TODAY)
    assert refused.value.field == FIELD_CUTOFF_DATE
    assert checked_key_dates(date(2025, 6, 1), date(2024, 6, 1), TODAY).cutoff_date == date(
        2024, 6, 1
    )


def test_new_key_dates_move_the_windows_and_are_recorded_with_author(db):
    case_id, _ = build_bankruptcy(db)
    with db.session() as session:
        workflow.set_key_dates(
            session, case_id, ruling_date=RULING, cutoff_date=None, today=TODAY, user="trustee2"
        )
    review = bankruptcy_review(db, case_id, TODAY)
    # Without the cut-off date the three months count back from the ruling date 05.05.
    assert review.windows[ReviewWindow.EXTRAORDINARY].period == Period(date(2025, 2, 5), RULING)
    with db.session() as session:
        changed = workflow.latest_decision(session, case_id, workflow.KEY_DATES)
        assert (changed.value, changed.decided_by) == ("2025-05-05;", "trustee2")
        with pytest.raises(ValueError, match="not a bankruptcy"):
            workflow.set_key_dates(
                session,
                build_estate(db),
                ruling_date=RULING,
                cutoff_date=None,
                today=TODAY,
                user="x",
            )


# -- the one-year window on its edges --------------------------------------------------------


def test_the_one_year_window_starts_twelve_months_before_the_cut_off_date(db):
    case_id, account, writer = bankruptcy_with_an_account(db, "K-2", date(2024, 4, 1))
    person = {"counterparty_name": "Ola Person", "counterparty_id": "21879010184"}
    writer.add_transactions(
        case_id,
        account,
        [
            tx("a", date(2024, 5, 1), "-100", **person),  # the day before: outside
            tx("b", date(2024, 5, 2), "-200", **person),  # 02.05.2024: the first day
            tx("c", date(2024, 5, 4), "-400", **person),
            tx("d", date(2025, 5, 5), "-800", **person),  # the ruling date: the last day
            tx("e", date(2025, 5, 6), "-1600", **person),  # after the ruling: outside
        ],
    )
    listing = bankruptcy_review(db, case_id, TODAY).windows[ReviewWindow.NO_CONSIDERATION]
    assert listing.period == Period(date(2024, 5, 2), RULING)
    assert [line.amount_minor for line in listing.lines] == [-20_000, -40_000, -80_000]
    assert listing.total_out == 140_000

    # Without the cut-off date the ruling date stands in: the window starts 05.05.2024.
    with db.session() as session:
        workflow.set_key_dates(
            session, case_id, ruling_date=RULING, cutoff_date=None, today=TODAY, user="t"
        )
    listing = bankruptcy_review(db, case_id, TODAY).windows[ReviewWindow.NO_CONSIDERATION]
    assert listing.period == Period(date(2024, 5, 5), RULING)
    assert [line.amount_minor for line in listing.lines] == [-80_000]


# -- steps -----------------------------------------------------------------------------------


def test_bankruptcy_steps_count_what_is_assessed(db):
    case_id, _ = build_bankruptcy(db)
    work = load_bankruptcy(db, case_id, TODAY)
    found = states(bankruptcy_steps(work))
    assert found[Step.KEY_DATES][0] is True
    # after the ruling 2, extraordinary 3, no consideration 2: seven to assess
    assert found[Step.WINDOWS] == (False, "%1 of %2 transactions assessed", ("0", "7"))
    assert found[Step.CLOSE_PARTIES] == (
        False,
        "%1 marked; %2 of %3 transactions assessed",
        ("1", "0", "1"),
    )
    assert found[Step.ASSETS] == (False, "%1 of %2 accounts assessed", ("0", "2"))
    assert found[Step.REPORT] == (False, "%1 steps are left first", ("3",))

    review = bankruptcy_review(db, case_id, TODAY)
    with db.session() as session:
        for window, listing in review.windows.items():
            for line in listing.lines:
                workflow.assess_transaction(
                    session, case_id, line.id, window.value, Assessment.ACCEPT.value, user="t"
                )
        for position in work.positions:
            workflow.assess_account(
                session,
                case_id,
                position.account.account_id,
                user="t",
                secured_minor=None,
                remarks="ok",
            )
    found = states(case_steps(db, case_id, TODAY))
    assert {step: done for step, (done, _, _) in found.items()} == dict.fromkeys(found, True)


def test_no_close_parties_known_counts_as_done(db):
    case_id, _ = build_bankruptcy(db)
    with db.session() as session:
        for party in workflow.close_parties(session, case_id):
            workflow.remove_close_party(session, party.id)
    assert states(case_steps(db, case_id, TODAY))[Step.CLOSE_PARTIES][0] is False
    with db.session() as session:
        workflow.record_decision(session, case_id, workflow.NO_CLOSE_PARTIES, "yes", user="t")
    done, status, args = states(case_steps(db, case_id, TODAY))[Step.CLOSE_PARTIES]
    assert (done, status, args) == (True, "None known, confirmed by %1", ("t",))


def test_estate_steps_follow_the_heirs_and_the_decision(db):
    case_id = build_estate(db)
    found = states(estate_steps(load_estate(db, case_id, TODAY)))
    assert found[Step.PICTURE] == (
        False,
        "Banks or accounts not answered in full: %1",
        ("2",),
    )
    assert found[Step.HEIRS] == (False, "No heirs recorded yet", ())
    assert found[Step.SETTLEMENT] == (False, "Not chosen yet", ())
    # died 22.04.2025: due 21.06.2025, five days after 16.06.2025
    assert found[Step.DEADLINE] == (False, "Due %1: %2 days left", ("21.06.2025", "5"))

    with db.session() as session:
        workflow.add_heir(session, case_id, name="Kari", relation="child", user="k", agrees=True)
        workflow.record_decision(session, case_id, workflow.SETTLEMENT_FORM, "public", user="kari")
    found = states(case_steps(db, case_id, TODAY))
    assert found[Step.HEIRS] == (True, "Heirs: %1; agreeing: %2", ("1", "1"))
    assert found[Step.SETTLEMENT][0] is True
    assert found[Step.DEADLINE][0] is True
    assert found[Step.REPORT] == (False, "One step is left first", ())


@pytest.mark.parametrize(
    ("today", "words", "due"),
    [
        (
            date(2025, 6, 19),
            ("%1 days left", ("2",)),
            ("Due %1: %2 days left", ("21.06.2025", "2")),
        ),
        (date(2025, 6, 20), ("1 day left", ()), ("Due %1: 1 day left", ("21.06.2025",))),
        (date(2025, 6, 21), ("Due today", ()), ("Due %1: due today", ("21.06.2025",))),
        (date(2025, 6, 22), ("1 day overdue", ()), ("Due %1: 1 day overdue", ("21.06.2025",))),
        (
            date(2025, 6, 24),
            ("%1 days overdue", ("3",)),
            ("Due %1: %2 days overdue", ("21.06.2025", "3")),
        ),
    ],
)
def test_days_left_in_words_on_the_edges(today, words, due):
    deadline = private_settlement_deadline(date(2025, 4, 22), today)
    assert days_left_words(deadline) == words
    assert due_words(deadline) == due


def test_a_deadline_set_by_the_user_wins_and_an_empty_one_returns_to_the_rule(db):
    case_id = build_estate(db)
    with db.session() as session:
        workflow.record_decision(session, case_id, workflow.DEADLINE, "2025-08-01", user="k")
    work = load_estate(db, case_id, TODAY)
    assert (work.deadline.due, work.deadline.days_left, work.deadline.set_by_user) == (
        date(2025, 8, 1),
        46,
        True,
    )
    with db.session() as session:
        workflow.record_decision(session, case_id, workflow.DEADLINE, "", user="k")
    assert load_estate(db, case_id, TODAY).deadline.due == date(2025, 6, 21)


def test_funeral_costs_change_the_small_estate_warning(db):
    work = load_estate(db, build_estate(db), TODAY)
    # assets at the death 1 100,00
    small = "The assets are larger than the funeral costs, so the estate is not a small estate."
    assert small in [w.text for w in work.warnings(funeral_costs=100_000)]
    assert small not in [w.text for w in work.warnings(funeral_costs=110_000)]
    assert Decimal(work.picture.figures.assets_at_death) == Decimal(110_000)
