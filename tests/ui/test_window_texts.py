"""What the window says in Norwegian: every text reaches the translation, Qt's own buttons
included; numbers read as Norwegians and the reports write them; and a case never fetched
says so instead of reporting that nothing is missing."""

from __future__ import annotations

import io
import re
import tokenize

from conftest import make_window, open_case
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot
from ui_factory import FixedCase, build_unfetched_case

from app.harvest.events import HarvestFinished, HarvestSummary
from app.runtime import Runtime
from app.store.db import Database
from app.ui import translation_build
from app.ui.fetch_panel import FetchPanel
from app.ui.import_dialog import ImportDialog
from app.ui.main_window import MainWindow
from app.ui.translations import Translations

LITERAL_TR = re.compile(r"\.tr\(\s*['\"]")


def test_no_text_is_translated_inside_an_f_string() -> None:
    """lupdate cannot see a `tr("…")` inside an f-string: such a text stays English."""
    found = []
    root = translation_build.PACKAGE_ROOT
    for path in sorted(root.rglob("*.py")):
        if path.relative_to(root).parts[0] in translation_build.SKIPPED:
            continue  # the PDF report keeps its own catalogue
        tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
        for token in tokens:
            prefix = token.string[:2].lower()
            if token.type == tokenize.STRING and "f" in prefix and LITERAL_TR.search(token.string):
                found.append(f"{path.name}:{token.start[0]}")
    assert found == []


def test_the_key_dates_heading_is_translated(translations: Translations) -> None:
    translations.apply("nb")
    assert (
        QCoreApplication.translate("KeyDatesPage", "The review windows with these dates")
        == "Gjennomgangsvinduene med disse datoene"
    )


def test_qt_standard_buttons_read_in_norwegian(qtbot: QtBot, translations: Translations) -> None:
    translations.apply("nb")
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(buttons)
    close = buttons.button(QDialogButtonBox.StandardButton.Close)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert (close.text(), cancel.text()) == ("Lukk", "Avbryt")


def test_qt_standard_buttons_follow_a_switch_back_to_english(
    qtbot: QtBot, translations: Translations
) -> None:
    translations.apply("nb")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(buttons)
    translations.apply("en")
    QApplication.processEvents()
    assert buttons.button(QDialogButtonBox.StandardButton.Close).text() == "Close"


def test_the_import_dialog_file_label_is_a_mnemonic_for_the_path(
    qtbot: QtBot, db: Database, fixed_case: FixedCase, translations: Translations
) -> None:
    translations.apply("nb")
    dialog = ImportDialog(db, fixed_case.case_id, "tester")
    qtbot.addWidget(dialog)
    assert dialog.file_label.text() == "&Fil:"
    assert dialog.file_label.buddy() is dialog.path_edit


def test_the_import_dialog_names_banks_with_grouped_org_numbers(
    qtbot: QtBot, db: Database, fixed_case: FixedCase
) -> None:
    dialog = ImportDialog(db, fixed_case.case_id, "tester")
    qtbot.addWidget(dialog)
    assert "Nordbanken ASA (910 000 001)" in [
        dialog.bank_combo.itemText(number) for number in range(dialog.bank_combo.count())
    ]


def test_the_fetch_summary_has_a_decimal_comma(qtbot: QtBot, translations: Translations) -> None:
    translations.apply("nb")
    panel = FetchPanel()
    qtbot.addWidget(panel)
    panel.started(1)
    summary = HarvestSummary(case_id=1, banks=2, accounts=3, elapsed_seconds=1.43)
    summary.transactions_new = 7
    panel.apply(HarvestFinished(summary))
    assert panel.summary.text() == "Ferdig på 1,4 s: 2 banker, 3 kontoer, 7 nye transaksjoner."


def test_the_overview_groups_account_and_organisation_numbers(
    qtbot: QtBot, window: MainWindow, fixed_case: FixedCase
) -> None:
    open_case(qtbot, window, fixed_case.case_id)
    banks, accounts = window.overview.banks, window.overview.accounts
    assert [banks.item(row, 1).text() for row in range(banks.rowCount())] == [
        "910 000 003", "910 000 001", "910 000 002",
    ]  # fmt: skip
    assert accounts.item(0, 1).text() == "1111.22.33333"


def test_the_transaction_table_groups_account_numbers(
    qtbot: QtBot, window: MainWindow, fixed_case: FixedCase
) -> None:
    open_case(qtbot, window, fixed_case.case_id)
    model = window.transaction_model
    column = next(
        number
        for number in range(model.columnCount())
        if model.headerData(number, Qt.Orientation.Horizontal) == "Account"
    )
    shown = {model.index(row, column).data() for row in range(model.rowCount())}
    assert "1111.22.33333" in shown
    assert not any(text.isdigit() for text in shown)


def test_a_case_never_fetched_says_so_under_still_missing(
    qtbot: QtBot, runtime: Runtime, db: Database, translations: Translations
) -> None:
    case_id = build_unfetched_case(db)
    window = make_window(qtbot, runtime, translations, "nb")
    open_case(qtbot, window, case_id)
    missing = window.overview.missing
    assert [missing.item(row).text() for row in range(missing.count())] == [
        "Ingenting er hentet ennå: hent fra bankene eller importer filene deres."
    ]
    window.wait_for_workers()


def test_the_case_list_shows_the_kind_of_every_case_whole(
    qtbot: QtBot, runtime: Runtime, translations: Translations
) -> None:
    from app.domain.services import Service
    from app.ui.labels import service_label

    window = make_window(qtbot, runtime, translations, "nb")
    window.resize(1440, 880)
    window.show()
    qtbot.waitExposed(window)
    view, metrics = window.case_view, window.case_view.fontMetrics()

    widest = max(metrics.horizontalAdvance(service_label(s.value, short=True)) for s in Service)
    assert service_label(Service.GUARDIANSHIP.value, short=True) == "Vergekontroll"
    assert view.columnWidth(1) >= widest + 8  # the text and the cell's margins
    assert window.main_split.sizes()[0] >= sum(view.columnWidth(c) for c in range(3))
