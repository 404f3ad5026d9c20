"""After a fetch in the window the rule flags are refreshed in the worker, before it ends, so
the flags are there when the window reads the case again."""

from __future__ import annotations

import threading

from conftest import open_case
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from test_fetch import FakeHarvest, fake_harvest  # noqa: F401  (the fixture)
from ui_factory import FixedCase

from app.store.db import Database
from app.store.models import Flag
from app.ui import workers
from app.ui.main_window import MainWindow


def test_the_rule_flags_are_refreshed_in_the_worker_after_a_fetch(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    fixed_case: FixedCase,
    fake_harvest: type[FakeHarvest],  # noqa: F811
    monkeypatch,
) -> None:
    seen: list[threading.Thread] = []
    refresh = workers.refresh_flags

    def recording(db_: Database, case_id: int) -> int:
        seen.append(threading.current_thread())
        return refresh(db_, case_id)

    monkeypatch.setattr(workers, "refresh_flags", recording)
    with db.session() as session:
        assert session.scalar(select(func.count(Flag.id))) == 0
    open_case(qtbot, window, fixed_case.case_id)
    harvest = window.fetch()
    assert harvest is not None
    with qtbot.waitSignal(harvest.finished, timeout=10_000):
        pass
    assert seen == [FakeHarvest.seen_thread]
    assert seen[0] is not threading.main_thread()
    with db.session() as session:
        # the -300,00 of 20.04 on the closed account and the others after the ruling date
        assert session.scalar(select(func.count(Flag.id))) > 0


def test_a_guardianship_case_shows_the_control_panel_in_its_steps(
    qtbot: QtBot, runtime, translations, db: Database
) -> None:
    from datetime import date

    from conftest import person_id
    from steps_support import steps_window

    from app.domain.cases import new_guardianship
    from app.review.steps import Step
    from app.store.cases import create_case

    facts = new_guardianship(
        reference="VK-1",
        ward_id=person_id(date(1950, 3, 1)),
        guardian_id=person_id(date(1975, 8, 9)),
        year=2024,
        today=date(2025, 6, 16),
    )
    case_id = create_case(db, facts, environment="sandbox", user="officer")
    window = steps_window(qtbot, runtime, translations, case_id)
    steps = window.steps
    names = [steps.step_list.item(row).text().split("\n")[0] for row in range(4)]
    assert names == [
        "\u25cb  Fetch",
        "\u25cb  Guardian's account and control",
        "\u25cb  Outcome",
        "\u25cb  Report",
    ]
    assert steps.state(Step.FETCH).status == "Not fetched yet"
    steps.show_step(Step.OUTCOME)
    assert steps.pages.currentWidget() is steps.guardianship
    assert type(steps.guardianship.panel).__name__ == "GuardianshipPanel"
    window.wait_for_workers()
