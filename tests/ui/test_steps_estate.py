"""The heirs' steps in the window: the estate picture, the heirs, the form of settlement with
its warnings, and the deadline, on the workflow tests' fixed estate (died 22.04.2025, seen on
16.06.2025), and what was decided still shown after a restart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot
from steps_support import restart, steps_window

from app.domain.estate import SettlementForm
from app.domain.money import NBSP
from app.review.steps import Step
from app.runtime import Runtime
from app.store import workflow
from app.store.db import Database
from app.ui.main_window import MainWindow
from app.ui.translations import Translations
from tests.unit.test_workflows import build_estate

DEBTS_WARNING = "The known debts are larger than the assets."


def kroner(text: str) -> str:
    return text.replace(" ", NBSP)


@pytest.fixture
def case_id(db: Database) -> int:
    return build_estate(db)


@pytest.fixture
def window(qtbot: QtBot, runtime: Runtime, translations: Translations, case_id: int) -> MainWindow:
    window = steps_window(qtbot, runtime, translations, case_id)
    yield window
    window.wait_for_workers()


def cells(table: object, row: int) -> list[str]:
    return [table.item(row, column).text() for column in range(table.columnCount())]  # type: ignore[attr-defined]


def test_the_estate_picture_shows_the_figures_at_the_death_and_now(window: MainWindow) -> None:
    page = window.steps.picture
    # at the death: 1 100,00 on the salary account; debts 502 000 + 3 000
    assert cells(page.figures, 0) == ["Assets (NOK)", kroner("1 100,00"), kroner("9 500,00")]
    assert cells(page.figures, 1) == [
        "Known debts (NOK)",
        kroner("-505 000,00"),
        kroner("-503 000,00"),
    ]
    assert cells(page.figures, 2) == ["Net (NOK)", kroner("-503 900,00"), kroner("-493 500,00")]
    assert page.figures.rowCount() == 3  # no account in another currency
    groups = [page.after.topLevelItem(n).text(0) for n in range(page.after.topLevelItemCount())]
    assert groups == [
        "Income still paid in (pensions, benefits) (1)",
        "Standing orders and direct debits still running (1)",
        "Card use and cash withdrawals after the death (1)",
        "Other transactions after the death (2)",
    ]
    assert page.after.topLevelItem(3).text(3) == kroner("1 000,00")  # +2 000 - 1 000
    unknown = [page.unknown.item(n).text() for n in range(page.unknown.count())]
    assert unknown == ["Nord: Letter needed", "Testdal: Partial — archived"]


def test_an_account_in_another_currency_is_shown_apart_and_named(
    qtbot: QtBot, runtime: Runtime, translations: Translations, db: Database, case_id: int
) -> None:
    from datetime import date
    from decimal import Decimal

    from app.domain.records import AccountRecord, BalanceRecord
    from app.store.writer import BankInfo, CaseWriter

    writer = CaseWriter(db)
    bank = writer.upsert_banks(case_id, [BankInfo("999000029", "Fjordbank")])["999000029"]
    euro = writer.upsert_account(
        case_id, bank, AccountRecord("DE14740618130000033626", currency="EUR"), None
    )
    writer.upsert_balances(
        euro, [BalanceRecord("bookedBalance", Decimal("2359.79"), "EUR", date(2025, 4, 22))]
    )
    window = steps_window(qtbot, runtime, translations, case_id)
    page = window.steps.picture

    assert cells(page.figures, 0)[0] == "Assets (NOK)"  # the NOK figures are unchanged
    assert cells(page.figures, 0)[1] == kroner("1 100,00")
    assert cells(page.figures, 3) == ["Assets (EUR)", kroner("2 359,79"), kroner("2 359,79")]
    assert cells(page.figures, 4) == ["Known debts (EUR)", kroner("0,00"), kroner("0,00")]
    column = [
        page.accounts.horizontalHeaderItem(n).text() for n in range(page.accounts.columnCount())
    ]
    currency = column.index("Currency")
    shown = [page.accounts.item(r, currency).text() for r in range(page.accounts.rowCount())]
    assert sorted(shown) == ["EUR", "NOK", "NOK", "NOK"]
    window.steps.show_step(Step.SETTLEMENT)
    assert "In EUR apart: assets " + kroner("2 359,79") in window.steps.settlement.figures.text()
    window.wait_for_workers()


def test_heirs_are_added_changed_and_removed(
    window: MainWindow, db: Database, case_id: int
) -> None:
    window.steps.show_step(Step.HEIRS)
    page = window.steps.heirs
    assert page.add_current() is False
    assert page.error.text() == "Give the heir's name."

    page.name.setText("Kari  Nordmann")
    page.relation.setCurrentIndex(page.relation.findData("spouse"))
    page.agrees.setCurrentIndex(1)
    page.debts.setChecked(True)
    assert page.add_current() is True
    page.clear_form()
    page.name.setText("Per Nordmann")
    page.relation.setCurrentIndex(page.relation.findData("child"))
    assert page.add_current() is True
    assert [cells(page.table, row)[:4] for row in range(page.table.rowCount())] == [
        ["Kari Nordmann", "Spouse", "Agrees", "Yes"],
        ["Per Nordmann", "Child", "Not known", "No"],
    ]
    assert "position not known: 1" in window.steps.step_list.item(1).text()

    page.table.selectRow(1)
    assert page.name.text() == "Per Nordmann"
    page.agrees.setCurrentIndex(2)
    assert page.update_current() is True
    assert cells(page.table, 1)[2] == "Does not agree"
    assert window.steps.state(Step.HEIRS).done

    page.table.selectRow(0)
    assert page.remove_current() is True
    with db.session() as session:
        stored = [(h.name, h.agrees) for h in workflow.heirs(session, case_id)]
    assert stored == [("Per Nordmann", False)]


def test_private_settlement_is_warned_against_when_debts_exceed_assets(
    window: MainWindow, db: Database, case_id: int
) -> None:
    window.steps.show_step(Step.SETTLEMENT)
    page = window.steps.settlement
    assert DEBTS_WARNING in page.warning_text(SettlementForm.PRIVATE)
    assert page.warning_labels[SettlementForm.PRIVATE].isVisibleTo(page)
    assert not page.warning_labels[SettlementForm.PUBLIC].isVisibleTo(page)
    assert "not legal advice" in page.disclaimer.text()
    assert (
        f"assets {kroner('1 100,00')} against known debts {kroner('505 000,00')}"
        in page.figures.text()
    )

    assert page.save() is False
    assert page.error.text() == "Choose a form of settlement first."
    page.choose(SettlementForm.PUBLIC)
    page.representative.setText("Advokat Prøve")
    page.reasons.setPlainText("Gjelden er større enn det boet eier.")
    assert page.save() is True
    assert "In force: Public settlement (offentlig skifte)" in page.recorded.text()
    assert cells(page.history, 0)[2:5] == [
        "Form of settlement",
        "Public settlement (offentlig skifte)",
        "Advokat Prøve",
    ]
    assert page.save() is False  # nothing changed
    with db.session() as session:
        decision = workflow.latest_decision(session, case_id, workflow.SETTLEMENT_FORM)
    assert (decision.value, decision.representative, decision.decided_by) == (
        "public",
        "Advokat Prøve",
        window.user,
    )
    assert decision.decided_at.tzinfo is not None
    assert window.steps.state(Step.SETTLEMENT).done
    assert "a form of settlement is recorded" in window.banner.text()


def test_funeral_costs_decide_the_small_estate_warning(
    window: MainWindow, db: Database, case_id: int
) -> None:
    page = window.steps.settlement
    small = "not a small estate"
    page.funeral.setText("1 000")  # less than the 1 100,00 the estate holds
    assert small in page.warning_text(SettlementForm.SMALL_ESTATE)
    page.funeral.setText("1 500")
    assert page.warning_text(SettlementForm.SMALL_ESTATE) == ""
    page.choose(SettlementForm.SMALL_ESTATE)
    assert page.save() is True
    with db.session() as session:
        stored = workflow.latest_decision(session, case_id, workflow.FUNERAL_COSTS)
    assert stored.value == "150000"
    assert (
        f"funeral costs of {kroner('1 500,00')}"
        in page.figure_labels[SettlementForm.SMALL_ESTATE].text()
    )


def test_the_deadline_shows_days_left_and_takes_another_date(
    window: MainWindow, db: Database, case_id: int
) -> None:
    window.steps.show_step(Step.DEADLINE)
    page = window.steps.deadline
    assert page.due.text() == "Due 21.06.2025"
    assert page.days.text() == "5 days left"
    assert "arveloven § 118" in page.rule.text()
    assert "60 days after the death on 22.04.2025" in page.basis.text()
    assert window.banner.isVisibleTo(window)
    assert "private settlement: 21.06.2025 (5 days left)" in window.banner.text()

    page.override.setChecked(True)
    page.date.setDate(QDate(2025, 4, 20))
    assert page.save() is False
    assert page.error.text() == "The deadline must fall after the death."
    page.date.setDate(QDate(2025, 8, 1))
    page.reason.setText("Tingretten forlenget fristen")
    assert page.save() is True
    assert (page.due.text(), page.days.text()) == ("Due 01.08.2025", "46 days left")
    assert "Tingretten forlenget fristen" in page.basis.text()
    assert "01.08.2025 (46 days left)" in window.banner.text()
    assert "Due 01.08.2025: 46 days left" in window.steps.step_list.item(3).text()

    page.override.setChecked(False)
    assert page.save() is True
    assert page.due.text() == "Due 21.06.2025"
    with db.session() as session:
        values = [
            d.value
            for d in workflow.decision_history(session, case_id)
            if d.kind == workflow.DEADLINE
        ]
    assert values == ["2025-08-01", ""]


def test_the_banner_is_only_for_estates(qtbot: QtBot, window: MainWindow, db: Database) -> None:
    from tests.unit.test_workflows import build_bankruptcy

    bankruptcy, _ = build_bankruptcy(db)
    window.case_model.reload()
    window.select_case(bankruptcy)
    qtbot.waitUntil(lambda: window.steps.case_id == bankruptcy)
    assert not window.banner.isVisibleTo(window)


def test_the_heirs_decision_is_shown_after_a_restart(
    qtbot: QtBot, window: MainWindow, translations: Translations, case_id: int
) -> None:
    steps = window.steps
    steps.heirs.name.setText("Kari Nordmann")
    steps.heirs.agrees.setCurrentIndex(1)
    steps.heirs.add_current()
    steps.settlement.choose(SettlementForm.PRIVATE)
    steps.settlement.representative.setText("Kari Nordmann")
    steps.settlement.reasons.setPlainText("Vi tar over gjelden.")
    steps.settlement.save()
    steps.deadline.override.setChecked(True)
    steps.deadline.date.setDate(QDate(2025, 7, 1))
    steps.deadline.save()

    second, runtime = restart(qtbot, window, translations, case_id)
    try:
        steps = second.steps
        assert cells(steps.heirs.table, 0)[:3] == ["Kari Nordmann", "Spouse", "Agrees"]
        assert steps.settlement.chosen_form() is SettlementForm.PRIVATE
        assert steps.settlement.representative.text() == "Kari Nordmann"
        assert steps.settlement.reasons.toPlainText() == "Vi tar over gjelden."
        assert "In force: Private settlement (privat skifte)" in steps.settlement.recorded.text()
        assert steps.settlement.history.rowCount() == 2
        assert steps.deadline.due.text() == "Due 01.07.2025"
        assert steps.deadline.days.text() == "15 days left"
        assert "01.07.2025 (15 days left)" in second.banner.text()
    finally:
        second.close()
        second.wait_for_workers()
        runtime.close()


def test_the_steps_speak_norwegian(
    qtbot: QtBot, runtime: Runtime, translations: Translations, case_id: int
) -> None:
    window = steps_window(qtbot, runtime, translations, case_id, language="nb")
    try:
        assert window.tabs.tabText(3) == "Sa&ksgang"
        assert window.steps.step_list.item(0).text().startswith("\u25cb  Boets stilling")
        assert "privat skifte: 21.06.2025 (5 dager igjen)" in window.banner.text()
        assert window.steps.settlement.radios[SettlementForm.PRIVATE].text() == "Privat skifte"
        assert "Den kjente gjelden er større enn eiendelene" in (
            window.steps.settlement.warning_text(SettlementForm.PRIVATE)
        )
    finally:
        window.wait_for_workers()
        translations.apply("en")
