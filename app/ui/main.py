"""Starts the window: the Qt application, the language, the runtime, and the main window."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QApplication, QMessageBox

from app import config
from app.runtime import Runtime
from app.ui import settings
from app.ui.translations import Translations

log = logging.getLogger(__name__)


NO_DISPLAY = (
    "boinnsyn: no display to show the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
    "use `boinnsyn demo` or the other commands (`boinnsyn --help`) without a screen, "
    "or run the window under a virtual display: `xvfb-run -a boinnsyn`"
)


def display_missing(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> bool:
    """True when Qt would find no screen and abort: on Linux and the BSDs, with no platform
    chosen through QT_QPA_PLATFORM and neither an X11 nor a Wayland display."""
    if platform in ("win32", "darwin"):
        return False
    return not any(environ.get(name) for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"))


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
    if display_missing():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
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
