"""Takes screenshots of the window in Norwegian: over cases built in the store, and over a
bankruptcy case fetched from the sandbox.

    xvfb-run -a python tests/ui/screenshot.py --out out/screenshots

Writes overview.png, transactions.png, chart.png, fetch.png, new_case.png, and
sandbox_overview.png and sandbox_transactions.png. Without Xvfb it falls back to Qt's
offscreen platform, which renders the same widgets.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("out/screenshots"))
    parser.add_argument("--language", default="nb", choices=("nb", "en"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    home = Path(tempfile.mkdtemp(prefix="boinnsyn-shots-"))
    os.environ["BOINNSYN_HOME"] = str(home)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from ui_factory import build_fixed_case, build_large_case

    from app import config
    from app.harvest.events import BankProgress, BanksFound
    from app.runtime import Runtime
    from app.ui.main import create_application
    from app.ui.main_window import TAB_CHART, TAB_OVERVIEW, TAB_TRANSACTIONS, MainWindow
    from app.ui.new_case import NewCaseDialog
    from app.ui.translations import Translations

    application = create_application(["screenshot"])
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "qt"))
    runtime = Runtime(database_url=config.database_url())
    fixed = build_fixed_case(runtime.db)
    large = build_large_case(runtime.db, 3_000, accounts=6)
    translations = Translations(application)
    translations.apply(args.language)
    window = MainWindow(runtime, translations, config.Settings(language=args.language))
    window.resize(1440, 880)
    window.show()

    def settle(condition: object = None) -> None:
        for _ in range(200):
            QApplication.processEvents()
            if condition is None or condition():  # type: ignore[operator]
                break
            window.wait_for_workers(50)

    def shot(name: str) -> None:
        settle()
        window.grab().save(str(args.out / name))
        print(args.out / name)

    window.case_model.reload()
    window.select_case(fixed.case_id)
    settle(lambda: window.overview.overview is not None)
    window.show_tab(TAB_OVERVIEW)
    shot("overview.png")

    window.select_case(large)
    settle(lambda: window.overview.overview is not None)
    window.show_tab(TAB_TRANSACTIONS)
    window.transaction_view.setCurrentIndex(window.transaction_model.index(2, 2))
    window.flag_transaction(reason="Rundt beløp rett før kjennelsen")
    shot("transactions.png")

    window.show_tab(TAB_CHART)
    shot("chart.png")

    window.fetch_dock.show()
    panel = window.fetch_panel
    panel.started()
    panel.apply(BanksFound(large, (("910000001", "Nordbanken ASA", "pending"),
                                   ("910000003", "Fjordbank", "letter_needed"))))  # fmt: skip
    panel.apply(BankProgress(large, "910000001", "Nordbanken ASA", "transactions", "fetching",
                             accounts_total=4, accounts_done=2, transactions=1250))  # fmt: skip
    shot("fetch.png")
    window.fetch_dock.hide()

    dialog = NewCaseDialog("sandbox", window)
    dialog.reference.setText("K-2025-002")
    dialog.debtor_id.setText("12345")
    dialog.show()
    dialog.accept()
    settle()
    dialog.grab().save(str(args.out / "new_case.png"))
    print(args.out / "new_case.png")
    dialog.close()

    # A bankruptcy case as a user gets it: fetched from the sandbox, flags worked out.
    from datetime import timedelta

    from app.domain.cases import new_bankruptcy
    from app.domain.clock import SystemClock
    from app.harvest.harvest import Harvest
    from app.review.flags import refresh_flags
    from app.store.cases import create_case
    from app.store.deletion import close_case

    today = SystemClock().today()
    close_case(runtime.db, fixed.case_id, now=SystemClock().now())  # one open case per debtor
    facts = new_bankruptcy(
        reference="K-2025-117",
        debtor_id="999000010",
        ruling_date=today - timedelta(days=45),
        cutoff_date=today - timedelta(days=48),
        today=today,
    )
    runtime.environment_name = "sandbox"
    sandbox_case = create_case(runtime.db, facts, environment="sandbox", user="bostyrer")
    summary = Harvest(runtime.db, sandbox_case, runtime.connection(), user="bostyrer").run()
    if summary.error:
        raise SystemExit(f"the sandbox fetch failed: {summary.error}")
    refresh_flags(runtime.db, sandbox_case)
    window.case_model.reload()
    window.select_case(sandbox_case)
    settle(lambda: window.overview.overview is not None)
    window.show_tab(TAB_OVERVIEW)
    shot("sandbox_overview.png")
    window.show_tab(TAB_TRANSACTIONS)
    window.transaction_view.setCurrentIndex(window.transaction_model.index(0, 2))
    shot("sandbox_transactions.png")

    window.close()
    runtime.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
