"""Benchmark of the transaction table on a case of 500 000 transactions.

    python tests/benchmarks/bench_table.py [--rows 500000] [--db PATH] [--repeat N] [--text T]

Builds the case in a temporary store (bulk inserts through `CaseWriter.add_transactions`),
then measures, each in a fresh child process so that peak memory is its own:

- lazy: the main window's lazy model over the store (ordered ids from SQL, rows in blocks);
- standard: a plain QStandardItemModel holding every row, behind a QSortFilterProxyModel.

For each: time from opening the case to the first rows painted (goal < 1 s), time to sort by
amount and to apply a text filter (goal < 0.5 s each), and peak memory (goal < 1.5 GB).
With `--repeat`, each is measured that many times and shown as a range: on a busy machine one
run says little. Runs offscreen; pytest does not collect it (its name does not start with
test_).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "ui"))
sys.path.insert(0, str(HERE.parents[1]))

TEXT = "kiwi"
GOALS = {"open_s": 1.0, "sort_s": 0.5, "filter_s": 0.5, "peak_mb": 1536}


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(db_path: Path, rows: int) -> int:
    from ui_factory import build_large_case

    from app.store.db import Database

    db = Database(f"sqlite:///{db_path}")
    started = time.perf_counter()
    case_id = build_large_case(db, rows, chunk=25_000)
    print(f"built a case of {rows:,} transactions in {time.perf_counter() - started:.1f} s")
    db.dispose()
    return case_id


def _last_case(db_path: Path) -> int:
    from sqlalchemy import func, select

    from app.store.db import Database
    from app.store.models import Case

    db = Database(f"sqlite:///{db_path}", migrate=False)
    with db.session() as session:
        case_id = session.scalar(select(func.max(Case.id)))
    db.dispose()
    assert case_id is not None, "the store holds no case"
    return case_id


def _painted(view: object) -> None:
    from PySide6.QtWidgets import QApplication

    view.viewport().repaint()  # type: ignore[attr-defined]
    QApplication.processEvents()


def measure_lazy(db_path: Path, case_id: int, text: str = TEXT) -> dict[str, float]:
    """Through the real main window: choose the case, sort by amount, type a search."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from app import config
    from app.runtime import Runtime
    from app.store.browse import SortKey
    from app.ui.main_window import TAB_TRANSACTIONS, MainWindow
    from app.ui.transactions import COLUMN_OF
    from app.ui.translations import Translations

    application = QApplication([])
    home = Path(tempfile.mkdtemp(prefix="bench-home-"))
    os.environ["BOINNSYN_HOME"] = str(home)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home))
    runtime = Runtime(database_url=f"sqlite:///{db_path}")
    window = MainWindow(runtime, Translations(application), config.Settings(language="en"))
    window.show()
    window.show_tab(TAB_TRANSACTIONS)
    application.processEvents()
    view, model = window.transaction_view, window.transaction_model
    # The window may have opened the only case by itself; start from no case at all.
    window.case_view.selectionModel().clear()
    window.open_case(None)
    window.wait_for_workers()
    application.processEvents()
    assert model.rowCount() == 0

    started = time.perf_counter()
    window.select_case(case_id)
    _painted(view)
    opened = time.perf_counter() - started
    total, cached = model.rowCount(), model.cached_rows()
    window.wait_for_workers()  # the overview, computed in a worker meanwhile

    started = time.perf_counter()
    view.sortByColumn(COLUMN_OF[SortKey.AMOUNT], Qt.SortOrder.AscendingOrder)
    _painted(view)
    sorted_s = time.perf_counter() - started
    first = model.transaction_at(0)
    assert first is not None

    started = time.perf_counter()
    window.filter_bar.text.setText(text)
    window.filter_bar.flush()
    _painted(view)
    filtered = time.perf_counter() - started
    matches = model.rowCount()

    window.wait_for_workers()
    window.close()
    runtime.close()
    return {
        "open_s": opened, "sort_s": sorted_s, "filter_s": filtered, "peak_mb": peak_mb(),
        "rows_matching": matches, "rows_shown": total, "rows_cached": cached,
    }  # fmt: skip


def measure_standard(db_path: Path, case_id: int, text: str = TEXT) -> dict[str, float]:
    """The yardstick: every row as QStandardItems, sorted and filtered by a proxy."""
    from PySide6.QtCore import QSortFilterProxyModel, Qt
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    from app.store.browse import transaction_ids, transaction_rows
    from app.store.db import Database
    from app.ui.formatting import format_date, format_minor

    application = QApplication([])
    db = Database(f"sqlite:///{db_path}", migrate=False)
    view = QTableView()
    view.resize(1200, 800)
    view.show()
    application.processEvents()

    started = time.perf_counter()
    # Filled through setData, which returns a bool: PySide6 6.12.0 on Python 3.11 drops a
    # reference to None on every call of a method returning void (appendRow, setTextAlignment),
    # and half a million of them would crash the interpreter.
    model = QStandardItemModel(0, 7)
    display, user = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    with db.session() as session:
        ids = transaction_ids(session, case_id)
        model.insertRows(0, len(ids))
        number = 0
        for start in range(0, len(ids), 20_000):
            for row in transaction_rows(session, ids[start : start + 20_000].tolist()):
                values = (format_date(row.booking_date), row.account_number,
                          format_minor(row.amount_minor), row.counterparty or "",
                          row.text or "", row.reference or "", row.status)  # fmt: skip
                for column, value in enumerate(values):
                    model.setData(model.index(number, column), value, display)
                amount = model.index(number, 2)
                model.setData(amount, row.amount_minor, user)
                model.setData(amount, right, Qt.ItemDataRole.TextAlignmentRole)
                number += 1
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)
    view.setModel(proxy)
    _painted(view)
    opened = time.perf_counter() - started

    started = time.perf_counter()
    proxy.setSortRole(Qt.ItemDataRole.UserRole)
    proxy.sort(2, Qt.SortOrder.AscendingOrder)
    _painted(view)
    sorted_s = time.perf_counter() - started

    started = time.perf_counter()
    proxy.setFilterFixedString(text)
    _painted(view)
    filtered = time.perf_counter() - started
    return {
        "open_s": opened, "sort_s": sorted_s, "filter_s": filtered, "peak_mb": peak_mb(),
        "rows_matching": proxy.rowCount(), "rows_shown": model.rowCount(),
    }  # fmt: skip


def _child(kind: str, db_path: Path, case_id: int, text: str) -> dict[str, float]:
    command = [sys.executable, __file__, "--measure", kind, "--db", str(db_path),
               "--case", str(case_id), "--text", text]  # fmt: skip
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def _runs(kind: str, db_path: Path, case_id: int, text: str, repeat: int) -> dict[str, list]:
    """Each figure of `repeat` runs, in the order they were measured."""
    runs = [_child(kind, db_path, case_id, text) for _ in range(repeat)]
    return {key: [run[key] for run in runs] for key in runs[0]}


def _report(results: dict[str, dict[str, list]], text: str) -> None:
    labels = {
        "open_s": "open -> first rows",
        "sort_s": "sort by amount",
        "filter_s": f"filter '{text}'",
        "peak_mb": "peak memory",
        "rows_shown": "rows in the case",
        "rows_matching": "rows matching",
    }

    def one(key: str, value: float) -> str:
        if key == "peak_mb":
            return f"{value:.0f}"
        return f"{value:,}" if key.startswith("rows") else f"{value:.3f}"

    def cell(kind: str, key: str) -> str:
        values = results.get(kind, {}).get(key)
        if not values:
            return "–"
        low, high = min(values), max(values)
        shown = one(key, low) if low == high else f"{one(key, low)}–{one(key, high)}"
        unit = " MB" if key == "peak_mb" else "" if key.startswith("rows") else " s"
        return shown + unit

    print(f"\n{'':20}{'lazy model':>18}{'QStandardItem':>18}{'goal':>11}")
    for key, label in labels.items():
        goal = GOALS.get(key)
        goal_text = "" if goal is None else f"< {goal:g}" + (" MB" if key == "peak_mb" else " s")
        print(f"{label:20}{cell('lazy', key):>18}{cell('standard', key):>18}{goal_text:>11}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=500_000)
    parser.add_argument("--db", type=Path, help="reuse (or keep) the store at this path")
    parser.add_argument("--case", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--measure", choices=("lazy", "standard"), help=argparse.SUPPRESS)
    parser.add_argument("--skip-standard", action="store_true", help="measure the lazy model only")
    parser.add_argument("--repeat", type=int, default=1, help="measure each this many times")
    parser.add_argument("--text", default=TEXT, help=f"what to filter by (default '{TEXT}')")
    args = parser.parse_args()

    if args.measure:
        measure = measure_lazy if args.measure == "lazy" else measure_standard
        print(json.dumps(measure(args.db, args.case, args.text)))
        return 0

    folder = None
    if args.db is None:
        folder = tempfile.TemporaryDirectory(prefix="bench-table-")
        args.db = Path(folder.name) / "bench.sqlite3"
    if args.db.exists():
        case_id = _last_case(args.db)
        print(f"reusing {args.db}")
    else:
        case_id = build(args.db, args.rows)
    repeat = max(args.repeat, 1)
    results = {"lazy": _runs("lazy", args.db, case_id, args.text, repeat)}
    if not args.skip_standard:
        results["standard"] = _runs("standard", args.db, case_id, args.text, repeat)
    _report(results, args.text)
    if folder is not None:
        folder.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
