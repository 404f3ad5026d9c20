"""The database: engine, sessions and migrations.

One `Database` per process. Each thread takes its own session from it; sessions are never
shared across threads. The schema is created and upgraded by the Alembic migrations in
`app/store/migrations`, run at open.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, Table, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

INSERT_HELPERS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}
"""Each supported dialect's own insert construct, the one with ON CONFLICT."""


def upsert(
    session: Session,
    table: Table,
    rows: Sequence[dict[str, Any]],
    *,
    keys: Sequence[str],
    update_columns: Sequence[str] = (),
) -> None:
    """Insert rows; on a key conflict update the given columns, or do nothing if none given.

    The one place where the store's code depends on the dialect: everything else is portable.
    """
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    insert = INSERT_HELPERS.get(dialect)
    if insert is None:
        raise NotImplementedError(f"no upsert for the {dialect} dialect")
    statement = insert(table)
    if update_columns:
        statement = statement.on_conflict_do_update(
            index_elements=list(keys),
            set_={column: statement.excluded[column] for column in update_columns},
        )
    else:
        statement = statement.on_conflict_do_nothing(index_elements=list(keys))
    session.execute(statement, list(rows))


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    # Only a new, empty file takes the page size. Larger pages than the default 4 KiB take
    # transactions about a fifth faster, the indexes on amount and date touching fewer pages.
    cursor.execute("PRAGMA page_size=16384")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.execute("PRAGMA wal_autocheckpoint=10000")
    cursor.close()


def _restrict_sqlite_file(url: str) -> None:
    """Create the SQLite file readable by its owner alone before anything is written to it."""
    database = make_url(url).database
    if not database or database == ":memory:":
        return
    path = Path(database)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, stat.S_IRUSR | stat.S_IWUSR)
        os.close(fd)
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)


class Database:
    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = url
        self.is_sqlite = make_url(url).get_backend_name() == "sqlite"
        if self.is_sqlite:
            _restrict_sqlite_file(url)
        self.engine: Engine = create_engine(url, future=True)
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        if migrate:
            self.upgrade()

    def upgrade(self) -> None:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session committed on success and rolled back on error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()
