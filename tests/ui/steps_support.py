"""Helpers of the Steps tab tests: the window on the workflow tests' fixed day, showing the
Steps tab of a case, and a restart of the application on the same database file."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app import config
from app.domain.clock import FixedClock
from app.runtime import Runtime
from app.ui.main_window import TAB_STEPS, MainWindow
from app.ui.translations import Translations
from tests.unit.test_workflows import TODAY

CLOCK = FixedClock.on(TODAY)
"""16.06.2025, the day the workflow tests' figures are worked out for."""


def steps_window(
    qtbot: QtBot, runtime: Runtime, translations: Translations, case_id: int, language: str = "en"
) -> MainWindow:
    """A shown main window on the Steps tab of `case_id`, with the fixed clock."""
    translations.apply(language)
    window = MainWindow(runtime, translations, config.Settings(language=language), clock=CLOCK)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_tab(TAB_STEPS)
    window.case_model.reload()
    window.select_case(case_id)
    qtbot.waitUntil(
        lambda: window.steps.case_id == case_id and bool(window.steps.states), timeout=5000
    )
    return window


def restart(
    qtbot: QtBot, window: MainWindow, translations: Translations, case_id: int
) -> tuple[MainWindow, Runtime]:
    """Close the window and the database, then open a new window on the same file."""
    url = window.db.url
    window.close()
    window.wait_for_workers()
    window.runtime.close()
    runtime = Runtime(environment_name="sandbox", database_url=url)
    return steps_window(qtbot, runtime, translations, case_id), runtime
