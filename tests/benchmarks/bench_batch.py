"""Benchmark of issue 6: a guardianship control batch of 1 000 wards against the sandbox.

    python tests/benchmarks/bench_batch.py [--wards 1000] [--concurrency 6]

The sandbox runs with its default latency (20 ms a request); every ward is fetched (relations,
accounts, details, transactions, roles), controlled and written as a PDF, and the summary
spreadsheet is written at the end. Prints the wards per minute (goal: over 300 on a 2-core
machine), the total time, and the processor time per ward of the batch process (the fetch),
the report process and the sandbox, which is what bounds the rate.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from datetime import date
from pathlib import Path

from stdnum.no import fodselsnummer

from app.batch import DEFAULT_CONCURRENCY, ControlBatch
from app.domain.clock import FixedClock
from app.dsop import credentials, environments
from app.dsop.connection import DsopConnection
from app.sandbox.process import SandboxProcess
from app.store.db import Database

TODAY = date(2025, 6, 16)
YEAR = TODAY.year - 1


def synthetic_id(rng: random.Random) -> str:
    """A Tenor-style national id (month + 80) with valid check digits."""
    while True:
        stem = (
            f"{rng.randint(1, 28):02d}{rng.randint(1, 12) + 80:02d}"
            f"{rng.randint(30, 99):02d}{rng.randint(0, 499):03d}"
        )
        first = fodselsnummer.calc_check_digit1(stem)
        second = fodselsnummer.calc_check_digit2(stem + first) if len(first) == 1 else "10"
        if len(first) == 1 and len(second) == 1:
            return stem + first + second


def ward_list(folder: Path, count: int) -> Path:
    rng = random.Random(2025)
    seen: set[str] = set()
    lines = ["ward_id;guardian_id;ward_name;reference;report_file"]
    while len(lines) <= count:
        ward, guardian = synthetic_id(rng), synthetic_id(rng)
        if ward in seen or ward == guardian:
            continue
        seen.add(ward)
        lines.append(f"{ward};{guardian};Vergehaver {len(lines)};;")
    path = folder / "wards.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def cpu_seconds(pid: int) -> float:
    """User and system time of a running process (Linux), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wards", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=DEFAULT_CONCURRENCY)
    parser.add_argument("--account-concurrency", type=int, default=2)
    parser.add_argument("--report-processes", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="keep the database, PDFs and summary here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        wards = ward_list(folder, args.wards)
        db = Database(f"sqlite:///{folder / 'cases.sqlite3'}")
        with SandboxProcess(folder / "sandbox", today=TODAY) as sandbox:
            assert sandbox.info is not None and sandbox._process is not None
            connection = DsopConnection(
                environment=environments.sandbox(sandbox.info.base_url),
                credentials=credentials.load_sandbox(sandbox.info.state_dir),
            )
            batch = ControlBatch(
                db,
                connection,
                wards,
                year=YEAR,
                out_dir=folder / "out",
                user="bench",
                clock=FixedClock.on(TODAY),
                concurrency=args.concurrency,
                account_concurrency=args.account_concurrency,
                report_processes=args.report_processes,
            )
            before = os.times()
            sandbox_before = cpu_seconds(sandbox._process.pid)
            started = time.perf_counter()
            counts = batch.run()
            elapsed = time.perf_counter() - started
            after = os.times()
            sandbox_cpu = cpu_seconds(sandbox._process.pid) - sandbox_before
        db.dispose()

    n = max(counts.total, 1)
    own = after.user + after.system - before.user - before.system
    reports = after.children_user + after.children_system
    reports -= before.children_user + before.children_system
    print(
        f"wards={counts.total} done={counts.done} failed={counts.failed} "
        f"concurrency={args.concurrency} account_concurrency={args.account_concurrency} "
        f"report_processes={args.report_processes}"
    )
    print(f"total: {elapsed:.1f} s for {counts.total} wards")
    print(f"rate: {counts.total / elapsed * 60:.0f} wards per minute (goal > 300)")
    print(
        f"processor time per ward: batch process {own / n:.3f} s, "
        f"report process {reports / n:.3f} s, sandbox {sandbox_cpu / n:.3f} s"
    )


if __name__ == "__main__":
    main()
