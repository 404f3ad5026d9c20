"""Where Boinnsyn keeps its files, and the settings a user can change.

Everything lives under one home folder: the user's data folder by default, or the folder named
by `BOINNSYN_HOME` (tests and portable installs use that). The database URL can be replaced
with `BOINNSYN_DATABASE_URL`. Settings are a small JSON file; secrets never go there.
"""

from __future__ import annotations

import getpass
import json
import os
import stat
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

APP_NAME = "boinnsyn"


def home() -> Path:
    configured = os.environ.get("BOINNSYN_HOME")
    folder = Path(configured) if configured else Path(platformdirs.user_data_dir(APP_NAME))
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def private_dir(*parts: str) -> Path:
    """A folder under the home folder that only the user may read."""
    folder = home().joinpath(*parts)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def log_dir() -> Path:
    configured = os.environ.get("BOINNSYN_HOME")
    if configured:
        return private_dir("logs")
    folder = Path(platformdirs.user_log_dir(APP_NAME))
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def database_url() -> str:
    configured = os.environ.get("BOINNSYN_DATABASE_URL")
    if configured:
        return configured
    return f"sqlite:///{home() / 'cases.sqlite3'}"


def current_user() -> str:
    """The name recorded as author of cases, notes and requests: the operating-system user."""
    try:
        return getpass.getuser()
    except OSError:
        return "unknown"


@dataclass
class Settings:
    """User settings kept in `settings.json` in the home folder."""

    environment: str = "sandbox"
    language: str = "nb"
    retention_days: int = 365
    sender_name: str = ""
    """The user's own name as a letter's sender; empty until the user gives it."""
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def path(cls) -> Path:
        return home() / "settings.json"

    @classmethod
    def load(cls) -> Settings:
        path = cls.path()
        if not path.exists():
            return cls()
        data = json.loads(path.read_text(encoding="utf-8"))
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def save(self) -> None:
        path = self.path()
        path.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)
