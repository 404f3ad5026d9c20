"""Runs one control batch against a running sandbox, as the command line would, so a test can
kill it at any moment:

    python tests/guardianship/batch_driver.py DB_URL BASE_URL STATE_DIR WARDS OUT YEAR TODAY
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from app.batch import ControlBatch
from app.domain.clock import FixedClock
from app.dsop import credentials, environments
from app.dsop.connection import DsopConnection
from app.store.db import Database


def main(argv: list[str]) -> int:
    db_url, base_url, state_dir, wards, out, year, today = argv
    db = Database(db_url)
    connection = DsopConnection(
        environment=environments.sandbox(base_url),
        credentials=credentials.load_sandbox(Path(state_dir)),
    )
    batch = ControlBatch(
        db,
        connection,
        Path(wards),
        year=int(year),
        out_dir=Path(out),
        user="officer",
        clock=FixedClock.on(date.fromisoformat(today)),
        concurrency=4,
    )
    counts = batch.run()
    print(counts.line())
    db.dispose()
    return 1 if counts.failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
