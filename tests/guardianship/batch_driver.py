"""Runs one control batch against a running sandbox, as the command line would, so a test can
kill or interrupt it at any moment (an interrupt ends it with one line and code 130):

    python tests/guardianship/batch_driver.py DB_URL BASE_URL STATE_DIR WARDS OUT YEAR TODAY [N]

`N` is the number of wards fetched at once (4 by default).
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


def control_batch(
    db: Database,
    base_url: str,
    state_dir: Path,
    wards: Path,
    out: Path,
    year: int,
    today: date,
    concurrency: int = 4,
) -> ControlBatch:
    """A control batch over a fresh connection to the sandbox at `base_url`."""
    connection = DsopConnection(
        environment=environments.sandbox(base_url),
        credentials=credentials.load_sandbox(state_dir),
    )
    return ControlBatch(
        db,
        connection,
        wards,
        year=year,
        out_dir=out,
        user="officer",
        clock=FixedClock.on(today),
        concurrency=concurrency,
    )


def main(argv: list[str]) -> int:
    db_url, base_url, state_dir, wards, out, year, today, *rest = argv
    db = Database(db_url)
    batch = control_batch(
        db,
        base_url,
        Path(state_dir),
        Path(wards),
        Path(out),
        int(year),
        date.fromisoformat(today),
        int(rest[0]) if rest else 4,
    )
    try:
        counts = batch.run()
    except KeyboardInterrupt:
        # as the command line does: one line, no traceback
        print("interrupted", file=sys.stderr)
        return 130
    finally:
        db.dispose()
    print(counts.line())
    return 1 if counts.failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
