"""Benchmark of issue 2: how close a fetch of many banks comes to the slowest bank alone, and
how fast the store takes transactions.

    python tests/benchmarks/bench_harvest.py [--latency-ms 50] [--repeat 3]

Prints (1) the time to fetch one sandbox bankruptcy case with the given latency added to every
request, divided by the time of the longest single-bank request chain (each bank fetched alone,
the slowest taken; goal under 1.5), and (2) the storage rate in transactions per second when
pages of 1000 are written by the case writer (goal over 50 000 per second).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from random import Random

from app.domain.cases import new_bankruptcy
from app.domain.clock import FixedClock
from app.domain.records import AccountRecord, TransactionRecord
from app.dsop import credentials, environments
from app.dsop.connection import DsopConnection
from app.harvest.harvest import Harvest
from app.sandbox.process import SandboxProcess
from app.store.cases import create_case
from app.store.db import Database
from app.store.writer import BankInfo, CaseWriter

TODAY = date(2025, 6, 16)
DEBTOR = "999000010"


def fresh_case(folder: Path, name: str) -> tuple[Database, int]:
    db = Database(f"sqlite:///{folder / name}.sqlite3")
    facts = new_bankruptcy(
        reference=name, debtor_id=DEBTOR, today=TODAY, ruling_date=TODAY - timedelta(days=45)
    )
    return db, create_case(db, facts, environment="sandbox", user="bench")


def timed_harvest(
    folder: Path, connection: DsopConnection, name: str, only: set[str] | None = None
) -> tuple[float, object]:
    db, case_id = fresh_case(folder, name)
    harvest = Harvest(
        db, case_id, connection, user="bench", clock=FixedClock.on(TODAY), only_banks=only
    )
    started = time.perf_counter()
    summary = harvest.run()
    elapsed = time.perf_counter() - started
    db.dispose()
    if summary.error:
        raise SystemExit(f"fetch failed: {summary.error}")
    return elapsed, summary


def harvest_ratio(latency_ms: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with SandboxProcess(folder / "sandbox", today=TODAY, latency_ms=latency_ms) as sandbox:
            assert sandbox.info is not None
            connection = DsopConnection(
                environment=environments.sandbox(sandbox.info.base_url),
                credentials=credentials.load_sandbox(sandbox.info.state_dir),
            )
            timed_harvest(folder, connection, "warm-up")  # the sandbox generates its data once
            whole = [timed_harvest(folder, connection, f"all-{i}") for i in range(repeat)]
            summary = whole[0][1]
            banks = [
                org for org, status in summary.bank_status.items() if status != "letter_needed"
            ]
            alone = {
                org: min(
                    timed_harvest(folder, connection, f"{org}-{i}", {org})[0] for i in range(repeat)
                )
                for org in banks
            }
    slowest_org = max(alone, key=alone.get)
    all_banks = statistics.median(elapsed for elapsed, _ in whole)
    print(
        f"case: banks={summary.banks_with_api} accounts={summary.accounts} "
        f"transactions={summary.transactions_received} latency={latency_ms} ms/request"
    )
    for org, seconds in sorted(alone.items(), key=lambda item: item[1]):
        print(f"  bank {org} alone: {seconds:.2f} s")
    runs = ", ".join(f"{elapsed:.2f}" for elapsed, _ in whole)
    print(f"all banks together: {all_banks:.2f} s (median of {repeat}: {runs})")
    print(f"slowest single bank ({slowest_org}): {alone[slowest_org]:.2f} s")
    print(f"ratio all/slowest = {all_banks / alone[slowest_org]:.2f} (goal < 1.5)")


def storage_rate(total: int = 200_000, page: int = 1000) -> None:
    rng = Random(7)
    names = [
        "Dagligvare Nordlys",
        "Matkroken Prøvegata",
        "Fiktiv Kraft AS",
        "Husleie Prøvegata 12",
        "Eksempel Bompenger",
        "Syntetisk Vinhandel",
        "Apotek Testby",
        "Kaffebaren Demo",
    ]
    records = [
        TransactionRecord(
            # bank ids as the sandbox's banks make them: booking day, then a running number
            key=f"FJB-{TODAY - timedelta(days=i // 40):%Y%m%d}-{i % 40:04d}"
            f"{rng.randrange(16**4):04X}",
            booking_date=TODAY - timedelta(days=i // 40),
            value_date=TODAY - timedelta(days=i // 40),
            amount=Decimal(rng.randrange(-2_000_000, 3_000_000)) / 100,
            currency="NOK",
            counterparty_name=rng.choice(names),
            counterparty_account="99903000011",
            message="Varekjøp",
            reference=f"REF{i}",
            code_domain="payments",
            code_family="customerCardTransactions",
            code_subfamily="pointOfSalePosPayment",
            code_text="Visa Varekjøp",
            card="999999XXXXXX4417",
            merchant=rng.choice(names),
        )
        for i in range(total)
    ]
    with tempfile.TemporaryDirectory() as tmp:
        db, case_id = fresh_case(Path(tmp), "store")
        writer = CaseWriter(db)
        bank = writer.upsert_banks(case_id, [BankInfo("999000029", "Fjordbank")])["999000029"]
        accounts = [
            writer.upsert_account(case_id, bank, AccountRecord(f"9990100001{n}"), None)
            for n in range(4)
        ]
        started = time.perf_counter()
        for index, start in enumerate(range(0, total, page)):
            writer.add_transactions(case_id, accounts[index % 4], records[start : start + page])
        elapsed = time.perf_counter() - started
        again = time.perf_counter()
        for index, start in enumerate(range(0, total, page)):
            writer.add_transactions(case_id, accounts[index % 4], records[start : start + page])
        repeated = time.perf_counter() - again
        db.dispose()
    print(
        f"storage: {total} transactions in pages of {page}: {elapsed:.2f} s = "
        f"{total / elapsed:,.0f} per second (goal > 50 000)"
    )
    print(f"storage, same pages again (nothing new): {total / repeated:,.0f} per second")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency-ms", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    harvest_ratio(args.latency_ms, args.repeat)
    storage_rate()


if __name__ == "__main__":
    main()
