"""How long the bankruptcy report takes, and how much memory, for a case of 50 000 transactions.

Run it as a script (pytest does not collect it):

    python tests/benchmarks/bench_report.py [--transactions 50000] [--tracemalloc] [--keep DIR]

It builds the case in a temporary SQLite database through the one writer (5 banks, 25
accounts), writes the report with a fixed clock, and prints the seconds and the peak resident
memory of the process (getrusage maxrss). The CPU seconds beside the wall-clock seconds show
how much of the time other processes on the machine took. With `--tracemalloc` it also prints
the peak of Python allocations during the report; that slows the run, so the seconds are then
not the figure to quote. The goal (issue 7): under 20 s and under 600 MB.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from app.domain.cases import CaseFacts
from app.domain.clock import FixedClock
from app.domain.identifiers import PartyKind
from app.domain.records import AccountRecord, BalanceRecord, TransactionRecord
from app.domain.services import Service
from app.reports.case_report import write_case_report
from app.store.cases import create_case
from app.store.db import Database
from app.store.writer import BankInfo, CaseWriter

GOAL_SECONDS = 20.0
GOAL_MB = 600.0
BANKS = (
    "DNB Bank ASA",
    "Sparebank 1 Østlandet",
    "Nordea Bank Abp, filial i Norge",
    "Handelsbanken",
    "Sbanken ASA",
)
ACCOUNT_TYPES = (
    "businessAccount",
    "savingsAccount",
    "taxDeductionAccount",
    "loanAccount",
    "creditCardAccount",
)
COUNTERPARTIES = (
    "Čapek Trading s.r.o.",
    "Łódź Import Sp. z o.o.",
    "Ŋiillas Sámi Duodji",
    "Đurić Bygg AS",
    "Ærøy Fisk AS",
    "Øksnes Sjømat AS",
    "Åsane Byggevare AS",
    "Müller & Søn",
    "Rema 1000 Ås",
    "Statens vegvesen",
    "Skatteetaten",
    "Elkjøp Lørenskog",
    "Bergen kommune",
    "Posten Bring AS",
)
TEXTS = ("Nettgiro", "Varekjøp", "Overføring", "eFaktura", "Avtalegiro", "Straksbetaling")


def build_case(db: Database, transactions: int, seed: int = 2025) -> int:
    rng = random.Random(seed)
    start, end = date(2024, 5, 2), date(2025, 6, 16)
    facts = CaseFacts(
        service=Service.BANKRUPTCY,
        reference="BENCH-50K",
        subject_id="999000010",
        subject_kind=PartyKind.ORGANISATION,
        key_date=date(2025, 5, 2),
        subject_name="Benkemark Bygg AS",
        cutoff_date=date(2025, 4, 28),
    )
    case_id = create_case(db, facts, environment="sandbox", user="bench")
    writer = CaseWriter(db)
    source = writer.start_source(
        case_id, kind="api", label="sandbox: Konkursbehandling", user="bench", period=(start, end)
    )
    writer.set_case_period(case_id, start, end)
    infos = [BankInfo(f"9{n:02d}000000", name) for n, name in enumerate(BANKS, start=1)]
    bank_ids = writer.upsert_banks(case_id, infos)
    accounts = len(BANKS) * len(ACCOUNT_TYPES)
    days = (end - start).days
    serial = 0
    for info in infos:
        bank_id = bank_ids[info.org_number]
        writer.set_bank(bank_id, status="complete", fetched_at=datetime.now(UTC))
        for kind in ACCOUNT_TYPES:
            number = f"{rng.randint(1000, 9999)}{rng.randint(10, 99)}{rng.randint(10000, 99999)}"
            account_id = writer.upsert_account(
                case_id,
                bank_id,
                AccountRecord(
                    number,
                    type=kind,
                    currency="NOK",
                    status="disabled",
                    name=kind,
                ),
                source,
            )
            writer.upsert_balances(
                account_id,
                [
                    BalanceRecord(
                        "bookedBalance",
                        Decimal(rng.randint(-50_000_000, 90_000_000)) / 100,
                        "NOK",
                        end,
                    )
                ],
            )
            records = []
            for _ in range(transactions // accounts):
                serial += 1
                records.append(
                    TransactionRecord(
                        key=f"T{serial}",
                        booking_date=start + timedelta(days=rng.randint(0, days)),
                        amount=Decimal(rng.randint(-2_000_000, 1_500_000)) / 100,
                        currency="NOK",
                        counterparty_name=rng.choice(COUNTERPARTIES),
                        code_text=rng.choice(TEXTS),
                        counterparty_account=f"{rng.randint(10**10, 10**11 - 1)}",
                        message=f"Faktura {rng.randint(1000, 99999)} " * rng.randint(1, 3),
                        reference=f"KID{rng.randint(10**9, 10**10)}" if serial % 3 else None,
                    )
                )
            writer.add_transactions(case_id, account_id, records, source)
            writer.set_account(account_id, fetch_status="complete")
    writer.finish_source(source, "complete")
    return case_id


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transactions", type=int, default=50_000)
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("--keep", type=Path, help="write the database and PDF here")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        db = Database(f"sqlite:///{folder / 'bench.sqlite3'}")
        started = time.perf_counter()
        case_id = build_case(db, args.transactions)
        print(f"built {args.transactions} transactions in {time.perf_counter() - started:.1f} s")

        before_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        if args.tracemalloc:
            tracemalloc.start()
        started, cpu_started = time.perf_counter(), time.process_time()
        out = write_case_report(
            db,
            case_id,
            folder / "bench.pdf",
            clock=FixedClock(datetime(2025, 6, 16, 12, tzinfo=UTC)),
            user="bench",
        )
        seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu_started
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        traced = ""
        if args.tracemalloc:
            traced = f" tracemalloc_peak_mb={tracemalloc.get_traced_memory()[1] / 2**20:.0f}"
            tracemalloc.stop()
        size_mb = out.stat().st_size / 2**20
        db.dispose()

    print(
        f"report: seconds={seconds:.1f} cpu_seconds={cpu_seconds:.1f} peak_rss_mb={peak_mb:.0f} "
        f"(before the report {before_mb:.0f}){traced} pdf_mb={size_mb:.1f}"
    )
    if args.tracemalloc:
        ok = peak_mb < GOAL_MB
        print(
            f"goal (< {GOAL_MB:.0f} MB; time not judged under tracemalloc): "
            f"{'met' if ok else 'NOT met'}"
        )
    else:
        ok = seconds < GOAL_SECONDS and peak_mb < GOAL_MB
        print(f"goal (< {GOAL_SECONDS:.0f} s, < {GOAL_MB:.0f} MB): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
