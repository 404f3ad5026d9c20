"""The control batch against a real sandbox: the list of wards, a whole run, a run killed
halfway and started again (nothing redone, nothing twice), and the command line."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from app.batch import WardsFileError, read_wards, report_name, write_summary
from app.domain.cases import new_guardianship
from app.domain.clock import SystemClock
from app.sandbox.process import SandboxProcess
from app.store import guardianship as store
from app.store.cases import create_case
from app.store.db import Database
from app.store.guardianship import ControlBatchWard, ReportedAccountRow, SummaryRow
from app.store.models import Account, Case, RequestLog, Transaction
from tests.guardianship.batch_driver import control_batch
from tests.guardianship.conftest import person_id

TODAY = date(2025, 6, 16)
YEAR = 2024
REPO = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("batch_driver.py")
WARDS = 40


def ward_list(folder: Path, count: int, *, report_for: int | None = None) -> Path:
    """A list of `count` wards in Windows-1252 with semicolons; ward `report_for` gets a file."""
    lines = ["ward_id;guardian_id;ward_name;reference;report_file"]
    for n in range(1, count + 1):
        ward = person_id(1 + n % 28, 1 + n % 12, 1940 + n % 50, 100 + n)
        guardian = person_id(1 + (n + 5) % 28, 1 + (n + 3) % 12, 1960 + n % 30, 600 + n)
        report = ""
        if n == report_for:
            report = "regnskap/vergeregnskap.csv"
            (folder / "regnskap").mkdir(exist_ok=True)
            (folder / "regnskap" / "vergeregnskap.csv").write_bytes(
                "Kontonummer;Post;Beløp\n99900033334;Inngående saldo;1 000,00\n"
                "99900033334;Utgående saldo;1 000,00\n".encode("cp1252")
            )
        lines.append(f"{ward};{guardian};Vergehaver Nr {n} Ærlig;;{report}")
    path = folder / "wards.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxProcess]:
    state = tmp_path_factory.mktemp("batch-sandbox")
    with SandboxProcess(state, today=TODAY, latency_ms=0) as process:
        yield process


def run_driver(
    db_url: str,
    sandbox: SandboxProcess,
    wards: Path,
    out: Path,
    concurrency: int = 4,
    **popen: Any,
) -> subprocess.Popen:
    assert sandbox.info is not None
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.Popen(
        [
            sys.executable,
            str(DRIVER),
            db_url,
            sandbox.info.base_url,
            str(sandbox.info.state_dir),
            str(wards),
            str(out),
            str(YEAR),
            TODAY.isoformat(),
            str(concurrency),
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **popen,
    )


def done_count(db: Database) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).where(ControlBatchWard.status == "done")) or 0


def wait_for_done(db: Database, process: subprocess.Popen, count: int) -> None:
    deadline = time.monotonic() + 240
    while done_count(db) < count:
        assert process.poll() is None, process.stderr.read().decode()  # type: ignore[union-attr]
        assert time.monotonic() < deadline, "the batch made no progress"
        time.sleep(0.05)


def report_workers(parent: int) -> dict[int, str]:
    """The state letter of each report process the batch `parent` spawned (Linux /proc)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        state, ppid = stat.rsplit(")", 1)[1].split()[:2]
        if int(ppid) == parent and b"multiprocessing.spawn" in command:
            found[int(entry.name)] = state
    return found


def wait_for_idle_worker(process: subprocess.Popen) -> None:
    """Until a report worker sleeps, waiting for work: where an interrupt it does not ignore
    ends it with a traceback and breaks the batch's pool."""
    deadline = time.monotonic() + 30
    seen: dict[int, str] = {}
    while "S" not in seen.values():
        assert process.poll() is None, "the batch ended before a worker came to rest"
        assert time.monotonic() < deadline, f"no report worker came to rest: {seen}"
        time.sleep(0.005)
        seen = report_workers(process.pid)


def stored_counts(session) -> dict[str, int]:
    """Cases, transactions and accounts stored, each beside how many distinct ones there are."""

    def count(*columns) -> int:
        distinct = select(*columns).distinct().subquery()
        return session.scalar(select(func.count()).select_from(distinct)) or 0

    return {
        "cases": session.scalar(select(func.count(Case.id))) or 0,
        "wards": count(Case.subject_id, Case.guardian_id),
        "transactions": session.scalar(select(func.count(Transaction.id))) or 0,
        "distinct_transactions": count(Transaction.account_id, Transaction.key),
        "accounts": session.scalar(select(func.count(Account.id))) or 0,
        "distinct_accounts": count(Account.case_id, Account.account_number),
    }


def assert_each_ward_once(db: Database, wards: int, out: Path) -> None:
    """Every ward done, with one case, its accounts and transactions once, one PDF each."""
    with db.session() as session:
        statuses = list(session.scalars(select(ControlBatchWard.status)))
        counted = stored_counts(session)
    assert statuses == ["done"] * wards
    assert counted["cases"] == counted["wards"] == wards
    assert counted["transactions"] == counted["distinct_transactions"] > 0
    assert counted["accounts"] == counted["distinct_accounts"]
    pdfs = sorted(path.name for path in out.glob("*.pdf"))
    assert pdfs == [f"VK-2024-{n:04d}.pdf" for n in range(1, wards + 1)]
    assert not list(out.glob("*.part"))
    rows = list(load_workbook(out / "summary.xlsx").active.iter_rows(min_row=2, values_only=True))
    assert [row[1] for row in rows] == [f"VK-2024-{n:04d}" for n in range(1, wards + 1)]


# -- the list of wards --------------------------------------------------------------------------


def test_the_list_is_read_with_default_references_and_report_files(tmp_path):
    path = ward_list(tmp_path, 3, report_for=2)
    wards = read_wards(path, year=YEAR, today=TODAY)
    assert [w.reference for w in wards] == ["VK-2024-0001", "VK-2024-0002", "VK-2024-0003"]
    assert wards[0].ward_name == "Vergehaver Nr 1 Ærlig"
    assert wards[1].report_file == (tmp_path / "regnskap" / "vergeregnskap.csv").resolve()
    assert report_name("SF 2025/123 æ") == "SF_2025_123.pdf"


@pytest.mark.parametrize(
    ("row", "words"),
    [
        ("12345678901;09826510185;;;", "line 2, column Ward's national id or D-number"),
        ("21879010184;21879010184;;;", "another person"),
        ("21879010184;09826510185;;;missing.csv", "column report_file"),
        ("21879010184;09826510185;;VK 21879010184;", "column reference: must not hold"),
    ],
)
def test_a_bad_line_is_named_without_repeating_the_id(tmp_path, row, words):
    path = tmp_path / "wards.csv"
    path.write_text(f"ward_id;guardian_id;ward_name;reference;report_file\n{row}\n")
    with pytest.raises(WardsFileError) as caught:
        read_wards(path, year=YEAR, today=TODAY)
    assert words in str(caught.value)
    assert "12345678901" not in str(caught.value) and "21879010184" not in str(caught.value)


@pytest.mark.parametrize("guardian", ["09826510185", person_id(5, 6, 1970, 202)])
def test_the_same_ward_twice_is_refused_whoever_the_guardian(tmp_path, guardian):
    # a ward has one control a year
    path = tmp_path / "wards.csv"
    path.write_text(f"ward_id;guardian_id\n21879010184;09826510185\n21879010184;{guardian}\n")
    with pytest.raises(WardsFileError, match="line 3, column ward_id: the same ward as line 2"):
        read_wards(path, year=YEAR, today=TODAY)


def refused_beside_a_case(tmp_path, sandbox, reference, ward, guardian, wards_text):
    """A batch over `wards_text` run beside the control of `ward` and `guardian` made by hand
    as `reference`: (database, that case's number, the refusal)."""
    db = Database(f"sqlite:///{tmp_path / 'cases.sqlite3'}")
    facts = new_guardianship(
        reference=reference, ward_id=ward, guardian_id=guardian, year=YEAR, today=TODAY
    )
    existing = create_case(db, facts, environment="sandbox", user="officer")
    wards = tmp_path / "wards.csv"
    wards.write_text(wards_text)
    assert sandbox.info is not None
    info = sandbox.info
    batch = control_batch(db, info.base_url, info.state_dir, wards, tmp_path / "out", YEAR, TODAY)
    with pytest.raises(WardsFileError) as caught:
        batch.run()
    with db.session() as session:  # nothing fetched
        assert session.scalar(select(func.count()).select_from(Transaction)) == 0
    return db, existing, str(caught.value)


def test_an_open_control_of_the_year_with_another_guardian_is_named_by_line(tmp_path, sandbox):
    ward, first, second = person_id(3, 4, 1950, 101), person_id(5, 6, 1970, 202), "09826510185"
    wards = f"ward_id;guardian_id\n{second};{first}\n{ward};{second}\n"

    db, old, message = refused_beside_a_case(tmp_path, sandbox, "VK-OLD", ward, first, wards)

    assert message.startswith("wards.csv, line 3, column ward_id: ")
    assert f"case {old}" in message and "(VK-OLD) is already open" in message
    assert ward not in message and first not in message and second not in message
    with db.session() as session:  # the open case untouched
        assert session.get(Case, old).guardian_id == first
    db.dispose()


def test_a_control_made_by_hand_is_not_taken_under_another_reference(tmp_path, sandbox):
    ward, guardian = person_id(3, 4, 1950, 101), person_id(5, 6, 1970, 202)
    wards = f"ward_id;guardian_id;reference\n{ward};{guardian};VB-9\n"

    db, by_hand, message = refused_beside_a_case(tmp_path, sandbox, "V-HAND", ward, guardian, wards)

    assert message == (
        f"wards.csv, line 2, column reference: the ward's control of {YEAR} is already case "
        f"{by_hand} (V-HAND); give that reference, or leave the column empty"
    )
    db.dispose()


@pytest.mark.parametrize(
    "text",
    [
        "ward,guardian\n21879010184,09826510185\n",
        "ward_id\tguardian_id\n21879010184\t09826510185\n",
        "ward_id;guardian_id\n21879010184,09826510185\n",
    ],
)
def test_a_list_not_separated_by_semicolons_is_refused(tmp_path, text):
    path = tmp_path / "wards.csv"
    path.write_text(text, "utf-8")

    with pytest.raises(WardsFileError, match="columns must be separated by semicolons"):
        read_wards(path, year=YEAR, today=TODAY)


@pytest.mark.parametrize(
    ("header", "shown"),
    [("ward;guardian;name;ref;file", " 'ref'"), ("ward_id;guardian_id;21879010184", "")],
)
def test_a_column_the_list_does_not_know_is_refused_by_its_title(tmp_path, header, shown):
    path = tmp_path / "wards.csv"
    path.write_text(f"{header}\n21879010184;09826510185\n", "utf-8")

    with pytest.raises(WardsFileError) as caught:
        read_wards(path, year=YEAR, today=TODAY)

    assert str(caught.value) == (
        f"wards.csv, line 1: the header names a column{shown} the list does not know; its "
        "columns are ward_id;guardian_id;ward_name;reference;report_file"
    )


def test_a_list_with_only_a_header_has_no_wards(tmp_path):
    path = tmp_path / "wards.csv"
    path.write_text("ward_id;guardian_id\n", "utf-8")

    with pytest.raises(WardsFileError) as caught:
        read_wards(path, year=YEAR, today=TODAY)

    assert str(caught.value) == "wards.csv: has no wards: there is only the header line"


def test_the_command_refuses_a_list_without_wards(tmp_path, capsys):
    from app.cli import main

    path = tmp_path / "wards.csv"
    path.write_text("ward_id;guardian_id\n", "utf-8")
    year = SystemClock().today().year - 1

    code = main(["control-batch", str(path), "--year", str(year), "--out", str(tmp_path / "o")])

    assert code == 2
    assert capsys.readouterr().err == (
        "boinnsyn: wards.csv: has no wards: there is only the header line\n"
    )
    assert not (tmp_path / "o").exists()


def test_the_command_names_the_one_year_it_controls(tmp_path, capsys):
    from app.cli import main

    path = tmp_path / "wards.csv"
    path.write_text("ward_id;guardian_id\n", "utf-8")
    last_year = SystemClock().today().year - 1

    code = main(["control-batch", str(path), "--year", str(last_year - 1), "--out", str(tmp_path)])

    assert code == 2
    assert capsys.readouterr().err == (
        f"boinnsyn: Year: must be the last calendar year, {last_year}; "
        "the control covers no other\n"
    )


def test_the_summary_keeps_formula_like_texts_as_text(tmp_path):
    row = SummaryRow(
        row=1,
        case_id=1,
        reference="@VK",
        ward_name="=1+2",
        status="failed",
        banks=None,
        accounts=None,
        deviations=None,
        deviation_minor=-1050,
        suggested=None,
        report_name=None,
        message="-the fetch stopped",
        fetches=1,
    )

    path = write_summary(tmp_path / "summary.xlsx", [row], year=YEAR)

    cells = list(load_workbook(path).active.iter_rows(min_row=2))[0]
    texts = [(c.data_type, c.value) for c in (cells[1], cells[2], cells[10])]
    assert texts == [("s", "@VK"), ("s", "=1+2"), ("s", "-the fetch stopped")]
    assert cells[6].value == -10.5


def summary_row(**values: Any) -> SummaryRow:
    fields: dict[str, Any] = dict(
        row=1,
        case_id=1,
        reference="VK-2024-0001",
        ward_name=None,
        status="done",
        banks=3,
        accounts=4,
        deviations=0,
        deviation_minor=0,
        suggested="approved",
        report_name="VK-2024-0001.pdf",
        message=None,
        fetches=1,
        reported=True,
        letters=0,
    )
    fields.update(values)
    return SummaryRow(**fields)


def remarks(path: Path) -> list[str | None]:
    return [row[10] for row in load_workbook(path).active.iter_rows(min_row=2, values_only=True)]


def test_the_summary_says_why_a_follow_up_is_suggested(tmp_path):
    rows = [
        summary_row(row=1, suggested="follow_up", reported=False),
        summary_row(row=2, suggested="follow_up", deviations=2, deviation_minor=1_234_567),
        summary_row(row=3),
        summary_row(row=4, status="failed", suggested=None, message="the fetch stopped: HTTP 503"),
    ]

    path = write_summary(tmp_path / "summary.xlsx", rows, year=YEAR)

    assert remarks(path) == [
        "Vergeregnskapet er ikke registrert, så bare bankenes tall er kontrollert.",
        "2 avvik over tersklene; se rapporten.",
        None,
        "the fetch stopped: HTTP 503",
    ]


def test_the_english_summary_says_why_in_english(tmp_path):
    rows = [
        summary_row(suggested="follow_up", reported=False, deviations=1, deviation_minor=100),
    ]

    path = write_summary(tmp_path / "summary.xlsx", rows, year=YEAR, language="en")

    assert remarks(path) == [
        "The guardian's account is not recorded, so only the bank figures are checked. "
        "1 deviation above the thresholds; see the report."
    ]


def test_the_summary_counts_the_banks_left_to_a_letter_in_the_remark(tmp_path):
    rows = [summary_row(banks=8, letters=2), summary_row(row=2, letters=1, message="failed")]

    path = write_summary(tmp_path / "summary.xlsx", rows, year=YEAR)

    assert remarks(path) == [
        "2 av bankene må spørres med digitalt brev; kontoene der er ikke med.",
        "failed",
    ]


def test_the_summary_sums_are_numbers_with_two_decimals_under_an_autofilter(tmp_path):
    rows = [summary_row(deviation_minor=1_234_567), summary_row(row=2, deviation_minor=None)]

    path = write_summary(tmp_path / "summary.xlsx", rows, year=YEAR)

    sheet = load_workbook(path).active
    amount = sheet["G2"]
    assert amount.value == 12_345.67 and amount.number_format == "#,##0.00"
    assert sheet["G3"].value is None
    assert sheet.auto_filter.ref == "A1:K3"


def test_a_ward_counts_every_bank_that_knows_it_as_the_case_list_does(tmp_path, db, case_id, clock):
    from app.batch import control_and_report
    from app.store.cases import list_cases
    from app.store.writer import BankInfo, CaseWriter

    # Fjordbank answered through the API; two more banks know the ward but have no API
    writer = CaseWriter(db)
    banks = writer.upsert_banks(
        case_id, [BankInfo("999000037", "Brevbank"), BankInfo("999000045", "Papirbank")]
    )
    for org_number in ("999000037", "999000045"):
        writer.set_bank(banks[org_number], status="letter_needed")

    outcome = control_and_report(
        db, case_id, str(tmp_path / "VK-TEST-1.pdf"), clock, "nb", "officer", None
    )

    with db.session() as session:
        (listed,) = [row for row in list_cases(session) if row.id == case_id]
    assert outcome.banks == listed.banks == 3
    assert outcome.accounts == 1
    with db.session() as session:
        batch_id = store.open_batch(session, "wards.csv", YEAR, str(tmp_path), user="officer")
        store.enrol_ward(session, batch_id, case_id, 1)
        store.set_ward(session, batch_id, case_id, status="done", **outcome.as_values())
    with db.session() as session:
        (row,) = store.batch_summary(session, batch_id)
    assert (row.banks, row.letters, row.reported) == (3, 2, False)
    with db.session() as session:  # as an older run stored it, without the letter banks
        store.set_ward(session, batch_id, case_id, banks=1)
    with db.session() as session:
        assert store.batch_summary(session, batch_id)[0].banks == 3
    path = write_summary(tmp_path / "summary.xlsx", [row], year=YEAR)
    assert remarks(path) == [
        "Vergeregnskapet er ikke registrert, så bare bankenes tall er kontrollert. "
        "1 avvik over tersklene; se rapporten. "  # the payment to the guardian
        "2 av bankene må spørres med digitalt brev; kontoene der er ikke med."
    ]


# -- a ward that fails --------------------------------------------------------------------------


def test_a_failed_ward_is_logged_with_its_reason_and_no_national_id(tmp_path, sandbox, caplog):
    ward, guardian = person_id(3, 4, 1950, 111), person_id(5, 6, 1970, 222)
    account = tmp_path / f"regnskap-{ward}.csv"
    account.write_text(
        "Kontonummer;Post;Beløp\n99900033334;Inngående saldo;1 000,00\n"
        f"99900033334;Gave til {guardian};500,00\n",
        "utf-8",
    )
    wards = tmp_path / "wards.csv"
    wards.write_text(f"ward_id;guardian_id;report_file\n{ward};{guardian};{account.name}\n")
    db = Database(f"sqlite:///{tmp_path / 'cases.sqlite3'}")
    assert sandbox.info is not None
    info = sandbox.info
    batch = control_batch(db, info.base_url, info.state_dir, wards, tmp_path / "out", YEAR, TODAY)

    with caplog.at_level(logging.INFO, logger="app"):
        counts = batch.run()

    # the officer is told the file, line and cell; the log only the kind of error and the line
    assert counts.failed == 1
    assert account.name in counts.failures[0] and "line 3" in counts.failures[0]
    failed = [r.getMessage() for r in caplog.records if " failed: " in r.getMessage()]
    assert len(failed) == 1
    assert failed[0].endswith("failed: the guardian's account cannot be read (RowError, line 3)"), (
        failed
    )
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert ward not in logged and guardian not in logged
    db.dispose()


def test_the_log_reason_masks_anything_like_a_national_id():
    from app.batch import _WardFailed, log_reason

    failure = _WardFailed(
        "the fetch stopped", reason="the fetch stopped: HTTP 404: no customer 218790 10184"
    )
    assert log_reason(failure) == "the fetch stopped: HTTP 404: no customer [id]"
    assert log_reason(RuntimeError("value 21879010184")) == "unexpected RuntimeError"


# -- a batch killed halfway and started again -----------------------------------------------------


@pytest.mark.slow
def test_a_batch_killed_halfway_finishes_without_redoing_or_doubling(tmp_path, sandbox):
    wards = ward_list(tmp_path, WARDS, report_for=3)
    out = tmp_path / "out"
    db_url = f"sqlite:///{tmp_path / 'cases.sqlite3'}"
    db = Database(db_url)

    first = run_driver(db_url, sandbox, wards, out)
    deadline = time.monotonic() + 240
    while done_count(db) < 8:
        assert first.poll() is None, first.stderr.read().decode()  # type: ignore[union-attr]
        assert time.monotonic() < deadline, "the batch made no progress"
        time.sleep(0.05)
    first.kill()
    first.wait()
    with db.session() as session:
        finished_first = set(
            session.scalars(
                select(ControlBatchWard.case_id).where(ControlBatchWard.status == "done")
            )
        )
    assert 8 <= len(finished_first) < WARDS, "kill came too late to test a resume"

    second = run_driver(db_url, sandbox, wards, out)
    stdout, stderr = second.communicate(timeout=600)
    assert second.returncode == 0, stderr.decode()
    assert f"skipped={len(finished_first)}" in stdout.decode()

    with db.session() as session:
        fetches = dict(
            session.execute(select(ControlBatchWard.case_id, ControlBatchWard.fetches)).all()
        )
        statuses = set(session.scalars(select(ControlBatchWard.status)))
        relations = dict(
            session.execute(
                select(RequestLog.case_id, func.count())
                .where(RequestLog.endpoint == "customerRelationships")
                .group_by(RequestLog.case_id)
            ).all()
        )
        counted = stored_counts(session)
        reported = session.scalar(select(func.count(ReportedAccountRow.id)))

    assert statuses == {"done"} and len(fetches) == WARDS
    assert all(fetches[case_id] == 1 for case_id in finished_first)  # not redone
    assert all(1 <= count <= 2 for count in fetches.values())
    for case_id in finished_first:
        assert relations[case_id] == 1  # one fetch reached the banks for a finished ward
    assert counted["cases"] == counted["wards"] == WARDS
    assert counted["transactions"] == counted["distinct_transactions"] > 0
    assert counted["accounts"] == counted["distinct_accounts"]
    assert reported == 1  # the one ward with a guardian's account, imported once

    pdfs = sorted(path.name for path in out.glob("*.pdf"))
    assert pdfs == [f"VK-2024-{n:04d}.pdf" for n in range(1, WARDS + 1)]
    assert not list(out.glob("*.part"))
    sheet = load_workbook(out / "summary.xlsx").active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == WARDS
    assert [row[1] for row in rows] == [f"VK-2024-{n:04d}" for n in range(1, WARDS + 1)]
    assert {row[8] for row in rows} == {"ferdig"}
    assert all(row[7] in ("Godkjent", "Til oppfølging") for row in rows)  # as in the reports

    third = run_driver(db_url, sandbox, wards, out)
    stdout, _ = third.communicate(timeout=120)
    assert f"skipped={WARDS} fetched=0" in stdout.decode()
    db.dispose()


@pytest.mark.slow
def test_ctrl_c_stops_the_batch_quietly_and_the_next_run_finishes_each_ward_once(tmp_path, sandbox):
    count = 16
    wards = ward_list(tmp_path, count)
    out = tmp_path / "out"
    db_url = f"sqlite:///{tmp_path / 'cases.sqlite3'}"
    db = Database(db_url)

    # one ward fetched at a time, so that the report worker waits for work between wards; a
    # process group of its own, so that SIGINT reaches the batch and its report worker
    # together, as Ctrl-C at a terminal does
    first = run_driver(db_url, sandbox, wards, out, 1, start_new_session=True)
    wait_for_done(db, first, 3)
    wait_for_idle_worker(first)
    os.killpg(first.pid, signal.SIGINT)
    _, stderr = first.communicate(timeout=60)

    errors = stderr.decode()
    assert first.returncode == 130, errors
    assert "Traceback" not in errors and "InvalidStateError" not in errors
    assert errors.rstrip().endswith("interrupted")
    deadline = time.monotonic() + 10
    while True:  # the report workers are gone with the batch
        try:
            os.killpg(first.pid, 0)
        except ProcessLookupError:
            break
        assert time.monotonic() < deadline, "a report worker outlived the batch"
        time.sleep(0.1)
    finished_first = done_count(db)
    assert 3 <= finished_first < count, "the interrupt came too late to test a resume"

    second = run_driver(db_url, sandbox, wards, out)
    stdout, stderr = second.communicate(timeout=600)
    assert second.returncode == 0, stderr.decode()
    assert f"wards={count} done={count} skipped={finished_first}" in stdout.decode()
    assert_each_ward_once(db, count, out)
    db.dispose()


# -- the command line ----------------------------------------------------------------------------


@pytest.mark.slow
def test_the_command_line_runs_a_small_batch(tmp_path, private_home):
    year = SystemClock().today().year - 1
    wards = ward_list(tmp_path, 3)
    out = tmp_path / "out"
    env = dict(os.environ, BOINNSYN_HOME=str(private_home), PYTHONPATH=str(REPO))
    result = subprocess.run(
        [sys.executable, "-m", "app", "control-batch", str(wards), "--year", str(year),
         "--out", str(out)],
        cwd=REPO,
        env=env,
        capture_output=True,
        timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr.decode()
    assert "wards=3 done=3" in result.stdout.decode()
    assert "3/3 wards" in result.stderr.decode()  # the progress bar
    assert len(list(out.glob("*.pdf"))) == 3 and (out / "summary.xlsx").is_file()
    ids = {w.ward_id for w in read_wards(wards, year=year, today=SystemClock().today())}
    assert not any(ward in name for name in os.listdir(out) for ward in ids)


def test_a_report_worker_ignores_ctrl_c_from_its_first_moment(tmp_path, sandbox):
    """Ctrl-C reaches every process of the terminal's group, a report worker still importing
    its modules included; it must not die there with a traceback."""
    db = Database(f"sqlite:///{tmp_path / 'cases.sqlite3'}")
    wards = tmp_path / "wards.csv"
    wards.write_text("ward_id;guardian_id\n21879010184;09826510185\n")
    assert sandbox.info is not None
    info = sandbox.info
    batch = control_batch(db, info.base_url, info.state_dir, wards, tmp_path / "out", YEAR, TODAY)
    executor = batch._report_executor()
    try:
        (worker,) = executor._processes.values()  # type: ignore[attr-defined]
        os.kill(worker.pid, signal.SIGINT)  # while it is still starting
        assert executor.submit(os.getpid).result(timeout=60) == worker.pid
    finally:
        executor.shutdown()
        db.dispose()
