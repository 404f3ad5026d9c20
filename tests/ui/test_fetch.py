"""Fetching from the window: progress per bank from a worker thread, cancellation, and the
end-to-end path against the real sandbox process."""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

import pytest
from conftest import open_case
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot
from ui_factory import FixedCase

from app.cli import DEMO_DEBTOR, DEMO_DEBTOR_NAME
from app.domain.clock import SystemClock
from app.harvest.events import (
    BankProgress,
    BanksFound,
    HarvestFinished,
    HarvestStarted,
    HarvestSummary,
)
from app.store.cases import count_transactions
from app.store.db import Database
from app.ui import workers
from app.ui.main_window import MainWindow
from app.ui.new_case import NewCaseDialog


class FakeHarvest:
    """Stands in for `Harvest`: reports two banks, then waits for a cancel or finishes."""

    block = False

    def __init__(self, db: Database, case_id: int, connection: Any, *, user: str,
                 on_event: Any, cancel: threading.Event) -> None:  # fmt: skip
        self.case_id, self.on_event, self.cancel = case_id, on_event, cancel
        self.thread = None

    def run(self) -> HarvestSummary:
        self.thread = threading.current_thread()
        FakeHarvest.seen_thread = self.thread
        self.on_event(HarvestStarted(self.case_id))
        self.on_event(
            BanksFound(
                self.case_id,
                (
                    ("910000001", "Nordbanken ASA", "pending"),
                    ("910000003", "Fjordbank", "letter_needed"),
                ),
            )
        )
        self.on_event(BankProgress(self.case_id, "910000001", "Nordbanken ASA", "transactions",
                                   "fetching", accounts_total=3, accounts_done=1,
                                   transactions=250))  # fmt: skip
        summary = HarvestSummary(case_id=self.case_id, banks=2, accounts=3)
        if FakeHarvest.block:
            self.cancel.wait(10)
            summary.cancelled = self.cancel.is_set()
        else:
            summary.transactions_new = 250
        self.on_event(HarvestFinished(summary))
        return summary


@pytest.fixture
def fake_harvest(monkeypatch: pytest.MonkeyPatch) -> type[FakeHarvest]:
    monkeypatch.setattr(workers, "Harvest", FakeHarvest)
    monkeypatch.setattr(workers.Runtime, "connection", lambda self: object())
    FakeHarvest.block = False
    return FakeHarvest


def test_fetch_runs_off_the_gui_thread_and_shows_progress_per_bank(
    qtbot: QtBot, window: MainWindow, fixed_case: FixedCase, fake_harvest: type[FakeHarvest]
) -> None:
    open_case(qtbot, window, fixed_case.case_id)
    harvest = window.fetch()
    assert harvest is not None
    assert window.fetching and not window.fetch_action.isEnabled()
    qtbot.waitUntil(lambda: not window.fetching, timeout=10_000)

    assert fake_harvest.seen_thread is not threading.main_thread()
    model = window.fetch_panel.model
    nordbanken = model.line("910000001")
    assert nordbanken is not None
    assert (nordbanken.step, nordbanken.accounts_done, nordbanken.accounts_total) == (
        "transactions", 1, 3,
    )  # fmt: skip
    assert [model.index(0, column).data() for column in range(5)] == [
        "Nordbanken ASA", "Transactions", "1/3", "250", "Fetching",
    ]  # fmt: skip
    assert model.index(1, 4).data() == "Letter needed"
    assert "250 new transactions" in window.fetch_panel.summary.text()
    assert window.fetch_action.isEnabled()


def test_cancel_stops_the_fetch(
    qtbot: QtBot, window: MainWindow, fixed_case: FixedCase, fake_harvest: type[FakeHarvest]
) -> None:
    fake_harvest.block = True
    open_case(qtbot, window, fixed_case.case_id)
    harvest = window.fetch()
    assert harvest is not None
    qtbot.waitUntil(lambda: window.fetch_panel.model.rowCount() == 2)
    assert window.fetch_panel.cancel_button.isEnabled()
    window.fetch_panel.cancel_button.click()
    qtbot.waitUntil(lambda: not window.fetching, timeout=10_000)
    assert window.fetch_panel.summary.text() == (
        "The fetch was cancelled; what was received is kept."
    )


def test_a_fetch_that_cannot_start_says_why(
    qtbot: QtBot, window: MainWindow, fixed_case: FixedCase, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: object) -> None:
        raise OSError("no sandbox here")

    monkeypatch.setattr(workers.Runtime, "connection", refuse)
    open_case(qtbot, window, fixed_case.case_id)
    assert window.fetch() is not None
    qtbot.waitUntil(lambda: not window.fetching, timeout=10_000)
    assert window.fetch_panel.summary.text() == ("The fetch could not start: no sandbox here")


@pytest.mark.slow
def test_create_fetch_and_find_the_rows_end_to_end(
    qtbot: QtBot, window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A case made in the dialog is fetched from the sandbox process and shown in the table."""
    pytest.importorskip("app.sandbox.process", reason="the sandbox process is unavailable")
    ruling = SystemClock().today() - timedelta(days=45)

    def fill(dialog: NewCaseDialog) -> int:
        dialog.reference.setText("E2E-KONKURS")
        dialog.debtor_id.setText(DEMO_DEBTOR)
        dialog.debtor_name.setText(DEMO_DEBTOR_NAME)
        dialog.ruling_date.setDate(QDate(ruling.year, ruling.month, ruling.day))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(NewCaseDialog, "exec", fill)
    case_id = window.new_case()
    assert case_id is not None and window.case_id == case_id

    assert window.fetch() is not None
    qtbot.waitUntil(lambda: not window.fetching, timeout=240_000)
    qtbot.waitUntil(lambda: window.overview.overview is not None, timeout=30_000)

    with db.session() as session:
        stored = count_transactions(session, case_id)
    assert stored > 0
    assert window.transaction_model.rowCount() == stored
    first = window.transaction_model.transaction_at(0)
    assert first is not None and first.booking_date is not None
    assert window.fetch_panel.model.rowCount() >= 1
    assert window.overview.banks.rowCount() >= 1
