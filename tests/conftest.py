"""Shared fixtures: a private home folder per test, a real database file, a fixed clock."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.domain.clock import FixedClock

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
AROUND_A_PERIOD = (
    "Dato;Forklaring;Rentedato;Ut fra konto;Inn på konto\n"
    "04.05.2024;Dagen før perioden;04.05.2024;100,00;\n"
    "05.05.2024;Periodens første dag;05.05.2024;200,00;\n"
    "16.06.2025;Periodens siste dag;16.06.2025;;300,00\n"
)
"""A bank export over the first day of a bankruptcy ruled 05.05.2025 and fetched 16.06.2025
(the period 05.05.2024 to 16.06.2025), with one booking the day before it."""


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own Boinnsyn home: settings, database, logs and sandbox state."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("BOINNSYN_HOME", str(home))
    monkeypatch.delenv("BOINNSYN_DATABASE_URL", raising=False)
    return home


@pytest.fixture
def db(tmp_path: Path):
    from app.store.db import Database

    database = Database(f"sqlite:///{tmp_path / 'cases.sqlite3'}")
    yield database
    database.dispose()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock.on(date(2025, 6, 16))


@pytest.fixture
def memory_keyring():
    """Install an in-memory keyring for one test and restore the previous one after."""
    import keyring

    from tests.memory_keyring import MemoryKeyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring():
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)
