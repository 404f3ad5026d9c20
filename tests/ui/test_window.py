"""The window as a whole: live language switch, remembered layout, keyboard access, the
report action."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import make_window, open_case
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from ui_factory import FixedCase

from app import config
from app.runtime import Runtime
from app.store.browse import SortKey
from app.ui.main_window import TAB_CHART, TAB_OVERVIEW, TAB_TRANSACTIONS, MainWindow
from app.ui.transactions import COLUMN_OF
from app.ui.translations import Translations


def test_interface_is_norwegian_by_default_and_switches_live(
    qtbot: QtBot, runtime: Runtime, translations: Translations, fixed_case: FixedCase
) -> None:
    window = make_window(qtbot, runtime, translations, config.Settings().language)
    open_case(qtbot, window, fixed_case.case_id)
    amount = COLUMN_OF[SortKey.AMOUNT]
    assert window.tabs.tabText(TAB_OVERVIEW) == "&Oversikt"
    assert window.transaction_model.headerData(amount, Qt.Orientation.Horizontal) == "Beløp"
    assert window.overview.banks_box.title() == "Banker"

    window.set_language("en")
    qtbot.waitUntil(lambda: window.tabs.tabText(TAB_OVERVIEW) == "&Overview")
    assert window.transaction_model.headerData(amount, Qt.Orientation.Horizontal) == "Amount"
    assert window.overview.banks_box.title() == "Banks"
    assert window.filter_bar.flagged.text() == "&Flagged only"
    assert config.Settings.load().language == "en"

    window.set_language("nb")
    qtbot.waitUntil(lambda: window.tabs.tabText(TAB_OVERVIEW) == "&Oversikt")
    assert window.filter_bar.flagged.text() == "Kun &flaggede"
    assert window.overview.accounts.item(0, 2).text() == "Brukskonto"
    assert window.language_actions["nb"].isChecked()
    assert config.Settings.load().language == "nb"


def test_layout_and_columns_are_remembered(
    qtbot: QtBot, runtime: Runtime, translations: Translations
) -> None:
    first = make_window(qtbot, runtime, translations, "en")
    header = first.transaction_view.horizontalHeader()
    header.setSectionHidden(COLUMN_OF[SortKey.REFERENCE], True)
    header.resizeSection(COLUMN_OF[SortKey.TEXT], 333)
    first.main_split.setSizes([250, 900])
    first.show_tab(TAB_CHART)
    first.close()

    second = make_window(qtbot, runtime, translations, "en")
    header = second.transaction_view.horizontalHeader()
    assert header.isSectionHidden(COLUMN_OF[SortKey.REFERENCE])
    assert header.sectionSize(COLUMN_OF[SortKey.TEXT]) == 333
    assert second.main_split.sizes()[0] == first.main_split.sizes()[0]
    assert second.tabs.currentIndex() == TAB_CHART
    assert (Path(config.home()) / "qt" / "Boinnsyn" / "Boinnsyn.ini").exists()


def test_shortcuts(window: MainWindow) -> None:
    assert window.new_case_action.shortcut() == QKeySequence("Ctrl+N")
    assert window.fetch_action.shortcut() == QKeySequence("F5")
    assert window.find_action.shortcut() == QKeySequence("Ctrl+F")
    assert window.flag_action.shortcut() == QKeySequence("Ctrl+M")
    shortcuts = [a.shortcut().toString() for a in window.tab_actions]
    assert shortcuts == ["Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4"]


def test_ctrl_f_goes_to_the_search_field(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.show_tab(TAB_OVERVIEW)
    window.find_action.trigger()
    assert window.tabs.currentIndex() == TAB_TRANSACTIONS
    qtbot.waitUntil(window.filter_bar.text.hasFocus)


def test_tab_moves_from_the_search_field_through_the_filters_to_the_table(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.focus_filter()
    qtbot.waitUntil(window.filter_bar.text.hasFocus)
    bar = window.filter_bar
    assert bar.text.nextInFocusChain() is bar.amount_min
    chain, widget = [], bar.text
    for _ in range(11):
        widget = widget.nextInFocusChain()
        chain.append(widget)
    assert window.transaction_view in chain


def test_fetch_needs_a_case(window: MainWindow) -> None:
    assert not window.fetch_action.isEnabled()
    assert window.fetch() is None


def test_report_is_written_in_a_worker(
    qtbot: QtBot, window: MainWindow, fixed_case: FixedCase, tmp_path: Path
) -> None:
    pytest.importorskip("app.reports.case_report")
    open_case(qtbot, window, fixed_case.case_id)
    target = tmp_path / "rapport.pdf"
    assert window.write_report(target) is not None
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage() == f"Report written to {target}",
        timeout=60_000,
    )
    assert target.read_bytes().startswith(b"%PDF")


def test_report_without_the_report_module_says_so(
    qtbot: QtBot,
    window: MainWindow,
    fixed_case: FixedCase,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    open_case(qtbot, window, fixed_case.case_id)
    monkeypatch.setitem(sys.modules, "app.reports.case_report", None)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[2]))
    assert window.write_report(tmp_path / "r.pdf") is None
    assert shown == ["Reports cannot be written by this version of Boinnsyn yet."]
