"""The window's remembered state: geometry, dock and splitter positions, table columns.

Kept with QSettings in an INI file under the organisation "Boinnsyn". When `BOINNSYN_HOME` is
set (tests, portable installs), the file lives in that folder instead of the user's profile.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QSplitter

from app import config

ORGANISATION = "Boinnsyn"
APPLICATION = "Boinnsyn"


def configure_location() -> None:
    """Point the INI settings at the home folder when one is forced by the environment."""
    if os.environ.get("BOINNSYN_HOME"):
        QSettings.setPath(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(config.private_dir("qt"))
        )


def qsettings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
    )


def _bytes(value: object) -> QByteArray | None:
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def restore_splitter(splitter: QSplitter, key: str) -> None:
    state = _bytes(qsettings().value(f"splitters/{key}"))
    if state is not None:
        splitter.restoreState(state)


def save_splitter(splitter: QSplitter, key: str) -> None:
    qsettings().setValue(f"splitters/{key}", splitter.saveState())


def restore_header(header: QHeaderView, key: str) -> bool:
    """Column order, widths and hidden columns of a table; False when none were saved."""
    state = _bytes(qsettings().value(f"tables/{key}"))
    return state is not None and header.restoreState(state)


def save_header(header: QHeaderView, key: str) -> None:
    qsettings().setValue(f"tables/{key}", header.saveState())
