"""Benchmark of the camt.053 reader: records per second and peak memory on a large statement.

Run it as a script (pytest does not collect it):

    python tests/benchmarks/bench_camt_import.py [--entries 100000] [--version 8]

It writes a camt.053 with one statement of N entries to a temporary file, pretty-printed, each
entry one booked payment with one transaction detail as Norwegian banks send them (references,
bank transaction code, debtor or creditor with account, unstructured remittance text), imports it
`--runs` times for the speed (best and median; the machine is shared, so the CPU seconds are
printed beside the wall-clock ones) and once under tracemalloc for the peak of Python
allocations, and checks the figures. It exits 1 when the best run misses the target.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import tracemalloc
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.imports.camt import read_camt  # noqa: E402 - after the path is set

TARGET_RECORDS_PER_SECOND = 20_000


def write_statement(path: Path, entries: int, version: int, compact: bool = False) -> Decimal:
    """Write the statement; return the sum of its entries, signed. `compact` leaves out the
    line breaks and indentation between the elements of each entry, as many bank systems do."""
    namespace = f"urn:iso:std:iso:20022:tech:xsd:camt.053.001.{version:02d}"
    total = Decimal(0)
    opening = Decimal("100000.00")
    body = []
    for i in range(entries):
        amount = Decimal(f"{(i * 7919) % 100000}.{i % 100:02d}")
        credit = i % 3 == 0
        total += amount if credit else -amount
        day = f"2024-{1 + i * 12 // entries:02d}-{1 + i % 28:02d}"
        name = f"Motpart {i % 997}"
        party = f"<Pty><Nm>{name}</Nm></Pty>" if version >= 8 else f"<Nm>{name}</Nm>"
        side, family = ("Dbtr", "RCDT") if credit else ("Cdtr", "ICDT")
        status = "<Sts><Cd>BOOK</Cd></Sts>" if version >= 7 else "<Sts>BOOK</Sts>"
        body.append(
            f"""    <Ntry>
      <Amt Ccy="NOK">{amount}</Amt>
      <CdtDbtInd>{"CRDT" if credit else "DBIT"}</CdtDbtInd>
      {status}
      <BookgDt><Dt>{day}</Dt></BookgDt>
      <ValDt><Dt>{day}</Dt></ValDt>
      <AcctSvcrRef>{20240000000000 + i}</AcctSvcrRef>
      <BkTxCd>
        <Domn><Cd>PMNT</Cd><Fmly><Cd>{family}</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn>
      </BkTxCd>
      <NtryDtls>
        <TxDtls>
          <Refs><EndToEndId>E2E-{i}</EndToEndId><TxId>TX-{i}</TxId></Refs>
          <RltdPties>
            <{side}>{party}</{side}>
            <{side}Acct><Id><Othr><Id>{12000000000 + i % 997}</Id></Othr></Id></{side}Acct>
          </RltdPties>
          <RmtInf><Ustrd>Faktura {i} betalt</Ustrd></RmtInf>
        </TxDtls>
      </NtryDtls>
    </Ntry>
"""
        )
    if compact:
        body = ["".join(line.strip() for line in entry.splitlines()) + "\n" for entry in body]
    closing = opening + total
    with path.open("w", encoding="utf-8") as out:
        out.write(
            f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="{namespace}">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2025-01-01T06:00:00+01:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>BENCH-1</Id>
      <CreDtTm>2025-01-01T06:00:00+01:00</CreDtTm>
      <Acct><Id><IBAN>NO9386011117947</IBAN></Id><Ccy>NOK</Ccy></Acct>
      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="NOK">{opening}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-01-01</Dt></Dt></Bal>
      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="NOK">{abs(closing)}</Amt>
        <CdtDbtInd>{"CRDT" if closing >= 0 else "DBIT"}</CdtDbtInd>
        <Dt><Dt>2024-12-31</Dt></Dt></Bal>
"""
        )
        out.writelines(body)
        out.write("    </Stmt>\n  </BkToCstmrStmt>\n</Document>\n")
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--version", type=int, default=8, choices=range(2, 14))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--compact", action="store_true", help="no indentation inside entries")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.camt053.xml"
        total = write_statement(path, args.entries, args.version, args.compact)
        size = path.stat().st_size
        layout = "compact" if args.compact else "indented"
        print(
            f"file: {args.entries} entries, camt.053.001.{args.version:02d}, {layout}, "
            f"{size / 1e6:.1f} MB"
        )

        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        runs: list[tuple[float, float]] = []
        for _ in range(args.runs):
            wall, cpu = time.perf_counter(), time.process_time()
            statements = read_camt(path)
            runs.append((time.perf_counter() - wall, time.process_time() - cpu))
            (statement,) = statements
            records = len(statement.transactions)
            assert records == args.entries, records
            assert sum(r.amount for r in statement.transactions) == total
            assert statement.balance_check == "ok", statement.findings
            del statements, statement
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

        tracemalloc.start()
        read_camt(path)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()

    runs.sort()
    wall, cpu = runs[0]
    median_wall, median_cpu = runs[len(runs) // 2]
    rate = records / wall
    print(f"records: {records}, balance check ok")
    print(f"best of {len(runs)}: {wall:.2f} s wall, {cpu:.2f} s CPU")
    print(f"speed: {rate:,.0f} records/s wall (best), {records / median_wall:,.0f} (median)")
    print(f"       {records / cpu:,.0f} records/s CPU (best), {records / median_cpu:,.0f} (median)")
    print(f"peak traced Python memory: {peak / 1e6:.1f} MB ({peak / records:.0f} bytes/record)")
    print(f"max RSS grew by {(rss_after - rss_before) / 1024:.1f} MB during the import")
    verdict = "meets" if rate >= TARGET_RECORDS_PER_SECOND else "MISSES"
    print(f"{verdict} the target of {TARGET_RECORDS_PER_SECOND:,} records/s")
    return 0 if rate >= TARGET_RECORDS_PER_SECOND else 1


if __name__ == "__main__":
    raise SystemExit(main())
