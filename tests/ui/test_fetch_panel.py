"""The fetch panel in the window: it keeps to a few rows under the case's tables, and shows
the progress of the case on view, not of the one before."""

from __future__ import annotations

from conftest import open_case
from pytestqt.qtbot import QtBot
from ui_factory import FixedCase, build_unfetched_case

from app.harvest.events import BanksFound, HarvestFinished, HarvestSummary
from app.store.db import Database
from app.ui.fetch_panel import VISIBLE_BANKS
from app.ui.main_window import MainWindow
from app.ui.overview import ACCOUNT_ROWS_KEPT

TEN_BANKS = tuple((f"91000001{number}", f"Bank {number}", "pending") for number in range(10))


def _fetched(window: MainWindow, case_id: int) -> None:
    """What a finished fetch of ten banks leaves in the panel."""
    window.fetch_panel.started(case_id)
    window.fetch_dock.show()
    window.fetch_panel.apply(BanksFound(case_id, TEN_BANKS))
    window.fetch_panel.apply(HarvestFinished(HarvestSummary(case_id=case_id, banks=10)))


def test_the_panel_shows_a_few_banks_and_scrolls_for_the_rest(
    qtbot: QtBot, window: MainWindow, fixed_case: FixedCase
) -> None:
    table = window.fetch_panel.table
    row = table.verticalHeader().defaultSectionSize()
    header = table.horizontalHeader().sizeHint().height()
    assert table.maximumHeight() == header + VISIBLE_BANKS * row + 2 * table.frameWidth()


def test_the_accounts_keep_their_rows_when_the_panel_opens(
    qtbot: QtBot, window: MainWindow, fixed_case: FixedCase
) -> None:
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    open_case(qtbot, window, fixed_case.case_id)

    _fetched(window, fixed_case.case_id)
    qtbot.waitUntil(lambda: window.fetch_dock.isVisible())

    accounts = window.overview.accounts
    row = accounts.verticalHeader().defaultSectionSize()
    qtbot.waitUntil(lambda: accounts.viewport().height() >= (ACCOUNT_ROWS_KEPT - 1) * row)
    assert accounts.viewport().height() >= 2 * row
    assert window.height() <= 720


def test_another_case_does_not_show_the_last_fetch(
    qtbot: QtBot, window: MainWindow, db: Database, fixed_case: FixedCase
) -> None:
    other = build_unfetched_case(db)
    open_case(qtbot, window, fixed_case.case_id)
    _fetched(window, fixed_case.case_id)

    open_case(qtbot, window, other)

    assert window.fetch_panel.model.rowCount() == 0
    assert window.fetch_panel.summary.text() == "No fetch has run in this window yet."
    assert window.fetch_dock.isHidden()


def test_the_same_case_keeps_its_fetch_on_view(
    qtbot: QtBot, window: MainWindow, fixed_case: FixedCase
) -> None:
    open_case(qtbot, window, fixed_case.case_id)
    _fetched(window, fixed_case.case_id)
    window.open_case(fixed_case.case_id)  # as after the fetch, to show what it brought
    assert window.fetch_panel.model.rowCount() == 10
