"""The trustee's steps in the window: key dates, review windows, close parties, assets and
claims, on the workflow tests' fixed bankruptcy (ruled 05.05.2025, cut-off 02.05.2025, seen on
16.06.2025), and what was recorded still shown after a restart."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot
from steps_support import restart, steps_window

from app.domain.bankruptcy import Assessment, ReviewWindow
from app.domain.money import NBSP
from app.review.steps import Step
from app.runtime import Runtime
from app.store import workflow
from app.store.cases import load_case
from app.store.db import Database
from app.ui.bankruptcy_steps import ASSESSMENT_COLUMN, NOTE_COLUMN, REMARKS_COLUMN, SECURED_COLUMN
from app.ui.main_window import MainWindow
from app.ui.translations import Translations
from tests.unit.test_workflows import CUTOFF, build_bankruptcy


def kroner(text: str) -> str:
    return text.replace(" ", NBSP)


@pytest.fixture
def case(db: Database) -> tuple[int, int]:
    return build_bankruptcy(db)


@pytest.fixture
def window(
    qtbot: QtBot, runtime: Runtime, translations: Translations, case: tuple[int, int]
) -> MainWindow:
    window = steps_window(qtbot, runtime, translations, case[0])
    yield window
    window.wait_for_workers()


def marks(window: MainWindow) -> dict[Step, bool]:
    return {state.step: state.done for state in window.steps.states}


def test_the_steps_of_a_bankruptcy_show_what_is_done_and_left(window: MainWindow) -> None:
    steps = window.steps
    items = [steps.step_list.item(row).text() for row in range(steps.step_list.count())]
    assert [text.split("\n")[0] for text in items] == [
        "\u2714  Key dates",
        "\u25cb  Review windows",
        "\u25cb  Close parties",
        "\u25cb  Assets and claims",
        "\u25cb  Report",
    ]
    assert "0 of 7 transactions assessed" in items[1]
    assert "1 of 5 steps done" in steps.heading.text()  # as many as the ticks listed
    assert "3 steps are left first" in steps.report.summary.text() or "Report" not in items


def test_a_cut_off_date_after_the_ruling_date_is_refused_with_the_field_named(
    window: MainWindow, db: Database, case: tuple[int, int]
) -> None:
    page = window.steps.key_dates
    window.steps.show_step(Step.KEY_DATES)
    page.cutoff_date.setDate(QDate(2025, 5, 6))
    assert page.save() is False
    assert page.cutoff_error.isVisibleTo(page)
    assert page.cutoff_error.text() == "Cut-off date (fristdag): cannot be after the ruling date"
    assert not page.ruling_error.isVisibleTo(page)
    with db.session() as session:
        assert load_case(session, case[0]).cutoff_date == CUTOFF


def test_new_key_dates_move_the_windows_and_the_case_list(
    window: MainWindow, db: Database, case: tuple[int, int]
) -> None:
    page = window.steps.key_dates
    page.ruling_date.setDate(QDate(2025, 5, 9))
    page.cutoff_known.setChecked(False)
    # the preview follows the fields before anything is saved: three months before 09.05
    assert page.windows.item(1, 1).text() == "09.02.2025"
    assert "stands in" in page.stand_in.text()
    assert page.save() is True

    with db.session() as session:
        stored = load_case(session, case[0])
        assert (stored.key_date, stored.cutoff_date) == (date(2025, 5, 9), None)
    windows = window.steps.windows
    windows.choose_window(ReviewWindow.EXTRAORDINARY)
    assert "09.02.2025 to 09.05.2025" in windows.window_title.text()
    assert windows.stand_in.isVisibleTo(windows)
    assert "Last changed by" in page.saved.text()
    row = window.case_model.row_of(case[0])
    assert window.case_model.index(row, 2).data() == "09.05.2025"
    assert not marks(window)[Step.KEY_DATES]


def test_assessing_a_window_transaction_updates_the_totals_and_is_stored(
    window: MainWindow, db: Database, case: tuple[int, int]
) -> None:
    window.steps.show_window(ReviewWindow.EXTRAORDINARY)
    page = window.steps.windows
    model = page.model
    # 02.02 -20 000 to the supplier, 01.04 -15 000 salary, 05.05 -5 000 to a person
    assert [line.amount_minor for line in model.lines] == [-2_000_000, -1_500_000, -500_000]
    assert page.summary.item(1, 3).text() == kroner("40 000,00")

    page.table.selectRow(0)
    assert page.assess_selected(Assessment.REVERSE)
    assert model.index(0, ASSESSMENT_COLUMN).data() == "Reverse"
    assert model.setData(model.index(1, NOTE_COLUMN), "Lønn, sjekk arbeidsavtalen")
    assert model.index(1, ASSESSMENT_COLUMN).data() == "Investigate"
    totals = page.totals.text()
    assert "Transactions: 3, out " + kroner("40 000,00") + ", in 0,00" in totals
    assert "Reverse: " + kroner("-20 000,00") + " (1)" in totals
    assert "Investigate: " + kroner("-15 000,00") + " (1)" in totals
    assert "Not assessed: " + kroner("-5 000,00") + " (1)" in totals
    assert page.summary.item(1, 5).text() == "2 of 3"
    assert "2 of 7 transactions assessed" in window.steps.step_list.item(1).text()

    with db.session() as session:
        stored = workflow.window_assessments(session, case[0])
    by_line = {key[0]: value for key, value in stored.items()}
    first, second = model.lines[0].id, model.lines[1].id
    assert (by_line[first].assessment, by_line[first].assessed_by) == ("reverse", window.user)
    assert (by_line[second].assessment, by_line[second].note) == (
        "investigate",
        "Lønn, sjekk arbeidsavtalen",
    )

    page.table.selectRow(0)
    assert page.assess_selected(None)
    assert model.index(0, ASSESSMENT_COLUMN).data() == ""


def test_the_assessment_column_edits_with_a_drop_down(window: MainWindow, qtbot: QtBot) -> None:
    window.steps.show_window(ReviewWindow.AFTER_RULING)
    page = window.steps.windows
    index = page.model.index(0, ASSESSMENT_COLUMN)
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    editor = page.table.indexWidget(index) or page.table.focusWidget()
    qtbot.waitUntil(lambda: page.table.focusWidget() is not None)
    combo = page.table.focusWidget()
    assert combo.count() == 4
    combo.setCurrentIndex(combo.findData("accept"))
    combo.activated.emit(combo.currentIndex())
    assert page.model.index(0, ASSESSMENT_COLUMN).data() == "Accept"
    assert editor is not None


def test_adding_a_close_party_fills_the_close_party_window(
    window: MainWindow, db: Database, case: tuple[int, int]
) -> None:
    window.steps.show_step(Step.CLOSE_PARTIES)
    page = window.steps.close_parties
    # marked by account 9990.30.00053: the 30 000,00 to "Nær Venn" on 01.06.2024
    assert page.listing.rowCount() == 1
    assert page.listing_title.text() == (
        "<b>Close-party window — transactions: 1, out: " + kroner("30 000,00") + "</b>"
    )

    page.account.setText("12ab")
    assert page.add_current() is False
    assert page.add_error.text() == "An account number has digits only."
    page.account.clear()
    page.name.setText("kari nordmann")
    page.note.setText("Daglig leders søster")
    assert page.add_current() is True
    # the name matches "Kari Nordmann", paid 5 000,00 on the ruling date
    assert page.parties.rowCount() == 2
    assert page.listing.rowCount() == 2
    assert page.listing_title.text() == (
        "<b>Close-party window — transactions: 2, out: " + kroner("35 000,00") + "</b>"
    )
    assert window.steps.windows.summary.item(3, 2).text() == "2"
    with db.session() as session:
        names = [p.name for p in workflow.close_parties(session, case[0])]
    assert names == [None, "kari nordmann"]

    page.parties.selectRow(1)
    assert page.remove_selected() is True
    assert page.listing.rowCount() == 1


def test_no_close_parties_known_marks_the_step_done(window: MainWindow) -> None:
    page = window.steps.close_parties
    page.parties.selectRow(0)
    page.remove_selected()
    assert not marks(window)[Step.CLOSE_PARTIES]
    page.none_known.click()
    assert marks(window)[Step.CLOSE_PARTIES]
    assert page.none_known.isChecked()


def test_secured_amount_and_remarks_are_saved(
    window: MainWindow, db: Database, case: tuple[int, int]
) -> None:
    window.steps.show_step(Step.ASSETS)
    page = window.steps.assets
    model = page.model
    main = next(row for row, p in enumerate(model.positions) if p.account.account_id == case[1])
    # 50 000 booked at 16.06 less +1 000 net after the ruling: 49 000,00 at 05.05.2025
    assert model.index(main, 3).data() == kroner("49 000,00")

    assert model.setData(model.index(main, SECURED_COLUMN), "abc") is False
    assert "is not an amount" in page.error.text()
    assert model.setData(model.index(main, SECURED_COLUMN), "49 000") is True
    assert model.setData(model.index(main, REMARKS_COLUMN), "Sperret 06.05") is True
    assert not page.error.isVisibleTo(page)
    assert model.index(main, SECURED_COLUMN).data() == kroner("49 000,00")
    assert "Secured: " + kroner("49 000,00") + "." in page.totals.text()
    with db.session() as session:
        stored = workflow.account_assessments(session, case[0])[case[1]]
    assert (stored.secured_minor, stored.remarks) == (4_900_000, "Sperret 06.05")
    assert "1 of 2 accounts assessed" in window.steps.step_list.item(3).text()


def test_what_the_trustee_recorded_is_shown_after_a_restart(
    qtbot: QtBot, window: MainWindow, translations: Translations, case: tuple[int, int]
) -> None:
    steps = window.steps
    steps.key_dates.cutoff_date.setDate(QDate(2025, 5, 1))
    assert steps.key_dates.save()
    steps.show_window(ReviewWindow.NO_CONSIDERATION)
    steps.windows.table.selectRow(0)
    steps.windows.assess_selected(Assessment.ACCEPT)
    steps.close_parties.name.setText("Kari Nordmann")
    steps.close_parties.add_current()
    main = next(
        row for row, p in enumerate(steps.assets.model.positions) if p.account.account_id == case[1]
    )
    steps.assets.model.setData(steps.assets.model.index(main, SECURED_COLUMN), "1 234,50")

    second, runtime = restart(qtbot, window, translations, case[0])
    try:
        steps = second.steps
        assert steps.key_dates.cutoff_date.date() == QDate(2025, 5, 1)
        assert steps.key_dates.cutoff_known.isChecked()
        steps.show_window(ReviewWindow.NO_CONSIDERATION)
        assert steps.windows.model.index(0, ASSESSMENT_COLUMN).data() == "Accept"
        assert steps.close_parties.parties.item(1, 0).text() == "Kari Nordmann"
        assert steps.assets.model.index(main, SECURED_COLUMN).data() == kroner("1 234,50")
        assert steps.assets.model.index(main, 7).data(Qt.ItemDataRole.DisplayRole) == second.user
        assert steps.state(Step.KEY_DATES).args == ("05.05.2025", "01.05.2025")
    finally:
        second.close()
        second.wait_for_workers()
        runtime.close()


def test_a_window_reaching_before_the_period_fetched_says_so_with_its_dates(
    window: MainWindow,
) -> None:
    # fetched from 05.05.2024; the cut-off date is 02.05.2025
    windows = window.steps.windows
    windows.choose_window(ReviewWindow.EXTRAORDINARY)  # from 02.02.2025: inside
    assert not windows.outside.isVisibleTo(windows)

    windows.choose_window(ReviewWindow.NO_CONSIDERATION)  # from 02.05.2024: three days before
    assert windows.outside.isVisibleTo(windows)
    assert windows.outside.text().startswith("By law this window runs 02.05.2024–05.05.2025,")


def test_the_asset_totals_are_given_per_currency(
    qtbot: QtBot, runtime: Runtime, translations: Translations, db: Database, case: tuple[int, int]
) -> None:
    from datetime import date
    from decimal import Decimal

    from app.domain.records import AccountRecord, BalanceRecord
    from app.store.writer import BankInfo, CaseWriter

    writer = CaseWriter(db)
    bank = writer.upsert_banks(case[0], [BankInfo("999000029", "Fjordbank")])["999000029"]
    euro = writer.upsert_account(
        case[0], bank, AccountRecord("DE14740618130000033626", currency="EUR"), None
    )
    writer.upsert_balances(
        euro, [BalanceRecord("bookedBalance", Decimal("-1234.50"), "EUR", date(2025, 5, 5))]
    )
    window = steps_window(qtbot, runtime, translations, case[0])
    window.steps.show_step(Step.ASSETS)

    nok, eur = window.steps.assets.totals.text().splitlines()
    assert nok.startswith("In NOK at the ruling date 05.05.2025: assets ")
    assert eur == (
        f"In EUR at the ruling date 05.05.2025: assets {kroner('0,00')}, debts "
        f"{kroner('-1 234,50')}. At the end of the period: assets {kroner('0,00')}, debts "
        f"{kroner('-1 234,50')}. Secured: {kroner('0,00')}."
    )
    assert kroner("1 234,50") not in nok  # never added to the kroner
    window.wait_for_workers()


def test_the_asset_columns_are_as_wide_as_their_titles_in_either_language(
    qtbot: QtBot, window: MainWindow, translations: Translations
) -> None:
    table = window.steps.assets.table
    header = table.horizontalHeader()
    for language, title in (("en", "Assets and claims"), ("nb", "Eiendeler og krav")):
        translations.apply(language)
        qtbot.waitUntil(lambda title=title: window.steps.assets.title.text() == title)
        narrow = [
            column
            for column in range(header.count() - 1)  # the last one stretches
            if table.columnWidth(column) < header.sectionSizeHint(column)
        ]
        assert narrow == [], (language, narrow)
    translations.apply("en")
