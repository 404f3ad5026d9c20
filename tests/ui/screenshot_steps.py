"""Screenshots of the Steps tab of a bankruptcy and an estate, and the two case reports as PNG
pages, over the fixed cases of the workflow tests with a few decisions recorded.

    xvfb-run -a python tests/ui/screenshot_steps.py --out out/screenshots

Writes steps_<kind>_<step>.png into `--out`, the reports as PDF into `--out`/reports and their
pages as PNG (with `pdftoppm`, when it is installed) beside them. Without Xvfb it falls back
to Qt's offscreen platform, which renders the same widgets.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(REPO))


def record_decisions(db: object, estate: int, bankruptcy: int) -> None:
    """What a trustee and the heirs might have recorded by now."""
    from app.domain.bankruptcy import Assessment, ReviewWindow
    from app.review.bankruptcy import bankruptcy_review
    from app.store import workflow
    from tests.unit.test_workflows import TODAY

    with db.session() as session:  # type: ignore[attr-defined]
        workflow.add_heir(
            session, estate, name="Kari Nordmann", relation="child", user="kari", agrees=True,
            takes_debt_responsibility=False,
        )  # fmt: skip
        workflow.add_heir(
            session, estate, name="Per Nordmann", relation="child", user="kari", agrees=None
        )
    review = bankruptcy_review(db, bankruptcy, TODAY)  # type: ignore[arg-type]
    first = review.windows[ReviewWindow.EXTRAORDINARY].lines[0]
    with db.session() as session:  # type: ignore[attr-defined]
        workflow.assess_transaction(
            session, bankruptcy, first.id, ReviewWindow.EXTRAORDINARY.value,
            Assessment.REVERSE.value, user="bostyrer", note="Betalt etter forfall, omstøtes",
        )  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("out/screenshots"))
    parser.add_argument("--language", default="nb", choices=("nb", "en"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    home = Path(tempfile.mkdtemp(prefix="boinnsyn-steps-"))
    os.environ["BOINNSYN_HOME"] = str(home)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app import config
    from app.domain.cases import new_guardianship
    from app.domain.clock import FixedClock
    from app.domain.estate import SettlementForm
    from app.domain.services import Service
    from app.reports.case_report import write_case_report
    from app.review.steps import KIND_STEPS, Step
    from app.runtime import Runtime
    from app.store.cases import create_case
    from app.ui.main import create_application
    from app.ui.main_window import TAB_STEPS, MainWindow
    from app.ui.translations import Translations
    from tests.unit.test_workflows import TODAY, build_bankruptcy, build_estate

    application = create_application(["screenshot"])
    from conftest import person_id  # after the application: it would pick the platform

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "qt"))
    runtime = Runtime(database_url=config.database_url())
    estate = build_estate(runtime.db)
    bankruptcy, _main = build_bankruptcy(runtime.db)
    guardianship = create_case(
        runtime.db,
        new_guardianship(
            reference="VK-2024-0001",
            ward_id=person_id(date(1950, 3, 1)),
            guardian_id=person_id(date(1975, 8, 9)),
            year=TODAY.year - 1,
            today=TODAY,
        ),
        environment="sandbox",
        user="officer",
    )
    record_decisions(runtime.db, estate, bankruptcy)
    translations = Translations(application)
    translations.apply(args.language)
    clock = FixedClock.on(TODAY)
    window = MainWindow(runtime, translations, config.Settings(language=args.language), clock=clock)
    window.resize(1440, 880)
    window.show()

    def settle() -> None:
        for _ in range(50):
            QApplication.processEvents()
            window.wait_for_workers(20)

    window.show_tab(TAB_STEPS)
    for name, case_id, service in (
        ("bankruptcy", bankruptcy, Service.BANKRUPTCY),
        ("estate", estate, Service.ESTATE),
        ("guardianship", guardianship, Service.GUARDIANSHIP),
    ):
        window.case_model.reload()
        window.select_case(case_id)
        settle()
        for step in KIND_STEPS[service]:
            window.steps.show_step(step)
            if step is Step.SETTLEMENT:
                window.steps.settlement.choose(SettlementForm.PRIVATE)
            settle()
            path = args.out / f"steps_{name}_{step.value}.png"
            window.grab().save(str(path))
            print(path)

    reports = args.out / "reports"
    reports.mkdir(exist_ok=True)
    for name, case_id in (("bankruptcy", bankruptcy), ("estate", estate)):
        pdf = write_case_report(
            runtime.db, case_id, reports / f"{name}.pdf", clock=clock, language=args.language,
            user="rapport.bruker",
        )  # fmt: skip
        print(pdf)
        if shutil.which("pdftoppm"):
            subprocess.run(
                ["pdftoppm", "-r", "60", "-png", str(pdf), str(reports / name)], check=True
            )
    window.close()
    runtime.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
