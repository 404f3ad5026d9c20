"""Qt's own widgets in Norwegian: its file dialog and the edit menu of text fields, whose
texts Qt translates under its own contexts and which Boinnsyn's translation carries."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFileSystemModel,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)
from pytestqt.qtbot import QtBot

from app.ui.translations import QT_FILE_DIALOGS_AND_MENUS, Translations


def qt_file_dialog(qtbot: QtBot, folder: Path, mode: QFileDialog.AcceptMode) -> QFileDialog:
    dialog = QFileDialog(None, "Boinnsyn", str(folder), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(mode)
    qtbot.addWidget(dialog)
    return dialog


def labels(dialog: QFileDialog) -> set[str]:
    return {label.text() for label in dialog.findChildren(QLabel)}


def test_every_qt_text_carried_has_a_norwegian_translation(translations: Translations) -> None:
    translations.apply("nb")
    contexts = (
        "QFileDialog",
        "QFileSystemModel",
        "QAbstractFileIconProvider",
        "QLineEdit",
        "QWidgetTextControl",
    )
    untranslated = [
        source
        for source in QT_FILE_DIALOGS_AND_MENUS
        if all(QCoreApplication.translate(context, source) == source for context in contexts)
        and source != "Type"  # the same word in bokmål
    ]
    assert untranslated == []


def test_the_file_dialog_reads_in_norwegian(
    qtbot: QtBot, tmp_path: Path, translations: Translations
) -> None:
    translations.apply("nb")
    dialog = qt_file_dialog(qtbot, tmp_path, QFileDialog.AcceptMode.AcceptSave)

    assert {"&Søk i:", "Fil&navn:", "Fil&type:"} <= labels(dialog)
    model = dialog.findChild(QFileSystemModel)
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(4)]
    assert headers == ["Navn", "Størrelse", "Type", "Endret"]


def test_the_file_dialog_follows_a_switch_back_to_english(
    qtbot: QtBot, tmp_path: Path, translations: Translations
) -> None:
    translations.apply("nb")
    translations.apply("en")
    dialog = qt_file_dialog(qtbot, tmp_path, QFileDialog.AcceptMode.AcceptOpen)
    QApplication.processEvents()

    assert {"&Look in:", "File &name:", "Files of &type:"} <= labels(dialog)


def test_the_edit_menu_of_text_fields_reads_in_norwegian(
    qtbot: QtBot, translations: Translations
) -> None:
    translations.apply("nb")
    line, text = QLineEdit(), QPlainTextEdit()
    qtbot.addWidget(line)
    qtbot.addWidget(text)

    for menu in (line.createStandardContextMenu(), text.createStandardContextMenu()):
        words = [action.text().split("\t")[0] for action in menu.actions() if action.text()]
        assert {"&Angre", "Gjør &om", "Klipp &ut", "&Kopier", "&Lim inn", "Merk alt"} <= set(
            words
        ), words
