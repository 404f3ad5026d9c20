"""Fixtures for the window tests: an offscreen Qt, a home folder and a store per test, QSettings
in that folder, and the main window over a fixed case.

Qt must not look for a display: the platform is set before anything imports Qt.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from pytestqt.qtbot import QtBot  # noqa: E402
from stdnum.no import fodselsnummer  # noqa: E402
from ui_factory import FixedCase, build_fixed_case  # noqa: E402

from app import config  # noqa: E402
from app.runtime import Runtime  # noqa: E402
from app.store.db import Database  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from app.ui.translations import Translations  # noqa: E402


def person_id(born: date, individual: int = 123, *, synthetic: bool = True) -> str:
    """A national id with valid check digits; synthetic ones (Tenor) add 80 to the month."""
    month = born.month + (80 if synthetic else 0)
    stem = f"{born.day:02d}{month:02d}{born.year % 100:02d}{individual:03d}"
    first = fodselsnummer.calc_check_digit1(stem)
    return stem + first + fodselsnummer.calc_check_digit2(stem + first)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh BOINNSYN_HOME with the window's QSettings inside it."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("BOINNSYN_HOME", str(folder))
    monkeypatch.delenv("BOINNSYN_DATABASE_URL", raising=False)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "qt"))
    return folder


@pytest.fixture
def runtime(home: Path) -> Iterator[Runtime]:
    runtime = Runtime(environment_name="sandbox", database_url=config.database_url())
    yield runtime
    runtime.close()


@pytest.fixture
def db(runtime: Runtime) -> Database:
    return runtime.db


@pytest.fixture
def fixed_case(db: Database) -> FixedCase:
    return build_fixed_case(db)


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    translations = Translations(qapp)
    yield translations
    translations.apply("en")


def make_window(
    qtbot: QtBot, runtime: Runtime, translations: Translations, language: str
) -> MainWindow:
    translations.apply(language)
    window = MainWindow(runtime, translations, config.Settings(language=language))
    qtbot.addWidget(window)
    return window


@pytest.fixture
def window(qtbot: QtBot, runtime: Runtime, translations: Translations) -> Iterator[MainWindow]:
    """The main window in English, with nothing chosen."""
    window = make_window(qtbot, runtime, translations, "en")
    yield window
    window.wait_for_workers()


def open_case(qtbot: QtBot, window: MainWindow, case_id: int) -> None:
    """Choose a case in the list and wait until its overview has arrived."""
    window.case_model.reload()
    window.select_case(case_id)
    qtbot.waitUntil(lambda: window.overview.overview is not None, timeout=10_000)
