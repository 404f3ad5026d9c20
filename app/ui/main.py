"""Starts the window: the Qt application, the language, the runtime, and the main window."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication, QMessageBox

from app import config
from app.runtime import Runtime
from app.ui import settings
from app.ui.translations import Translations

log = logging.getLogger(__name__)


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    application = QApplication(list(argv) if argv is not None else sys.argv)
    application.setOrganizationName(settings.ORGANISATION)
    application.setApplicationName(settings.APPLICATION)
    application.setApplicationDisplayName("Boinnsyn")
    return application


def run_gui(argv: Sequence[str] | None = None) -> int:
    """Show the main window until it is closed; returns the exit code."""
    from app.ui.main_window import MainWindow

    application = create_application(argv)
    settings.configure_location()
    user_settings = config.Settings.load()
    translations = Translations(application)
    translations.apply(user_settings.language)
    runtime = Runtime.from_settings()
    try:
        window = MainWindow(runtime, translations, user_settings)
    except Exception as error:  # the store could not open: say so instead of vanishing
        log.exception("the window could not open")
        QMessageBox.critical(None, "Boinnsyn", f"{type(error).__name__}: {error}")
        runtime.close()
        return 1
    window.show()
    try:
        return application.exec()
    finally:
        runtime.close()
