"""The control batch: the guardianship control for a whole list of wards in one run.

    boinnsyn control-batch wards.csv --year 2025 --out folder/

`wards.csv` has a header row and one row per ward (columns separated by semicolons; UTF-8 or
Windows-1252):

    ward_id;guardian_id;ward_name;reference;report_file

`ward_id` and `guardian_id` are national ids or D-numbers and are required; `ward_name` is
optional; `reference` is the officer's case reference (default `VK-<year>-<row>`, the ward's
row number in the list, four digits); `report_file` is the guardian's account as CSV or XLSX,
relative to the list's folder, optional (without it only the bank figures are checked).

The batch creates or reuses one case per ward and year, fetches the wards a few at a time over
one shared connection (tokens and the API directory are reused), runs the control, and writes
one PDF per ward (named after the reference, never a national id) and one summary spreadsheet.
Each ward's progress is kept in the database (`control_batch_wards`), so a batch killed at any
moment and started again skips finished wards, fetches again only wards interrupted in their
fetch (the store adds nothing twice), and never counts a ward twice.
"""

from __future__ import annotations

import asyncio
import csv
import logging
import multiprocessing
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any, TextIO, TypeVar

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from app import config
from app.domain.cases import FIELD_YEAR, LAST_YEAR_RULE, new_guardianship
from app.domain.clock import Clock, SystemClock
from app.domain.errors import InvalidInput
from app.domain.guardianship import RuleSettings
from app.dsop.audit import AuditBuffer
from app.dsop.connection import DsopConnection
from app.harvest.harvest import Harvest
from app.imports.errors import ImportFileError
from app.imports.tabular import decode_text
from app.imports.vergeregnskap import read_report
from app.logs import redact
from app.reports import formatting as fmt
from app.reports.control_section import write_control_report
from app.reports.exports import AMOUNT_FORMAT, xlsx_text
from app.reports.files import (
    check_output_folder,
    check_output_suffix,
    output_folder,
    unwritable,
    written_workbook,
)
from app.review.control import control_case
from app.store import guardianship as store
from app.store.cases import ReferenceTaken, create_case
from app.store.db import Database

log = logging.getLogger(__name__)

R = TypeVar("R")

DEFAULT_CONCURRENCY = 4
_SYNONYMS = {
    "ward_id": ("ward_id", "ward", "vergehaver", "vergehaver_id", "fnr_vergehaver"),
    "guardian_id": ("guardian_id", "guardian", "verge", "verge_id", "fnr_verge"),
    "ward_name": ("ward_name", "name", "navn", "vergehaver_navn"),
    "reference": ("reference", "referanse", "saksnummer"),
    "report_file": ("report_file", "report", "vergeregnskap", "regnskapsfil"),
}
SEPARATOR = ";"
OTHER_SEPARATORS = (",", "\t")
SEPARATOR_RULE = (
    "the columns must be separated by semicolons (;), as in "
    "ward_id;guardian_id;ward_name;reference;report_file"
)
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_ELEVEN_DIGITS = re.compile(r"\d{11}")


class WardsFileError(ValueError):
    """The list of wards breaks a rule; the message names the file, line, column and rule
    (never the value, which may be a national id)."""

    def __init__(self, file: str, problem: str, line: int | None = None, column: str | None = None):
        where = file + (f", line {line}" if line is not None else "")
        where += f", column {column}" if column else ""
        super().__init__(f"{where}: {problem}")
        self.file, self.problem, self.line, self.column = file, problem, line, column


@dataclass(frozen=True)
class WardRow:
    row: int
    """The ward's number in the list, from 1."""
    line: int
    ward_id: str
    guardian_id: str
    ward_name: str | None
    reference: str
    report_file: Path | None
    reference_given: bool = True
    """False where the list left the reference empty and the default was taken."""


def report_name(reference: str) -> str:
    """The file name of a ward's PDF: its reference with anything unsafe replaced."""
    return _UNSAFE.sub("_", reference).strip("._") + ".pdf"


def read_wards(path: Path, *, year: int, today: Any, allow_synthetic: bool = True) -> list[WardRow]:
    """Read and check the list of wards; every id is validated as a new case would be."""
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as error:
        raise WardsFileError(name, f"cannot be read: {error.strerror}") from None
    text, _ = decode_text(data, name=name)
    reader = csv.reader(text.splitlines(), delimiter=SEPARATOR)
    rows = [(number, cells) for number, cells in enumerate(reader, start=1) if any(cells)]
    if not rows:
        raise WardsFileError(name, "is empty")
    for line, cells in rows:
        if len(cells) == 1 and any(other in cells[0] for other in OTHER_SEPARATORS):
            raise WardsFileError(name, SEPARATOR_RULE, line)
    header_line, header = rows[0]
    if len(rows) == 1:
        raise WardsFileError(name, "has no wards: there is only the header line")
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        key = title.strip().lower().replace(" ", "_")
        for column, synonyms in _SYNONYMS.items():
            if key in synonyms and column not in columns:
                columns[column] = index
    for required in ("ward_id", "guardian_id"):
        if required not in columns:
            raise WardsFileError(name, f"the header has no column {required}", header_line)
    for index, title in enumerate(header):
        if title.strip() and index not in columns.values():
            # a misspelt column would otherwise be left out without a word
            shown = "" if _ELEVEN_DIGITS.search(title) else f" {title.strip()!r}"
            raise WardsFileError(
                name,
                f"the header names a column{shown} the list does not know; its columns are "
                "ward_id;guardian_id;ward_name;reference;report_file",
                header_line,
            )

    wards: list[WardRow] = []
    seen_wards: dict[str, int] = {}
    seen_references: dict[str, int] = {}
    for number, (line, cells) in enumerate(rows[1:], start=1):

        def cell(column: str, cells: list[str] = cells) -> str:
            index = columns.get(column)
            return cells[index].strip() if index is not None and index < len(cells) else ""

        given = cell("reference")
        reference = given or f"VK-{year}-{number:04d}"
        if _ELEVEN_DIGITS.search(reference):
            raise WardsFileError(
                name, "must not hold a national id: it names the report file", line, "reference"
            )
        try:
            facts = new_guardianship(
                reference=reference,
                ward_id=cell("ward_id"),
                guardian_id=cell("guardian_id"),
                year=year,
                today=today,
                ward_name=cell("ward_name") or None,
                allow_synthetic=allow_synthetic,
            )
        except InvalidInput as error:
            raise WardsFileError(name, error.rule, line, error.field) from None
        if facts.subject_id in seen_wards:
            # a ward has one control a year, whoever the guardian
            raise WardsFileError(
                name, f"the same ward as line {seen_wards[facts.subject_id]}", line, "ward_id"
            )
        if report_name(reference) in seen_references:
            raise WardsFileError(
                name,
                f"the same reference as line {seen_references[report_name(reference)]}",
                line,
                "reference",
            )
        seen_wards[facts.subject_id] = line
        seen_references[report_name(reference)] = line
        report = cell("report_file")
        report_path = (path.parent / report).resolve() if report else None
        if report_path is not None and not report_path.is_file():
            raise WardsFileError(
                name, "the guardian's account file does not exist", line, "report_file"
            )
        wards.append(
            WardRow(
                number,
                line,
                facts.subject_id,
                facts.guardian_id or "",
                facts.subject_name,
                reference,
                report_path,
                reference_given=bool(given),
            )
        )
    return wards


# -- progress -------------------------------------------------------------------------------------


@dataclass
class BatchCounts:
    """What a run did; `skipped` wards were finished by an earlier run."""

    total: int = 0
    skipped: int = 0
    fetched: int = 0
    controlled: int = 0
    failed: int = 0
    reports: int = 0
    seconds: float = 0.0
    summary: Path | None = None
    failures: list[str] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.skipped + self.controlled

    def line(self) -> str:
        rate = self.controlled / self.seconds * 60 if self.seconds else 0.0
        return (
            f"wards={self.total} done={self.done} skipped={self.skipped} fetched={self.fetched} "
            f"failed={self.failed} reports={self.reports} seconds={self.seconds:.1f} "
            f"per_minute={rate:.0f}"
        )


class ProgressBar:
    """A one-line progress bar on a terminal stream, redrawn with a carriage return."""

    def __init__(
        self, total: int, stream: TextIO | None = None, width: int = 30, already: int = 0
    ) -> None:
        self.total = max(total, 1)
        self.already = already
        """Wards finished before this run: shown as done, not counted in the rate."""
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        self.started = time.monotonic()
        self._shown = 0.0

    def update(self, done: int, failed: int, *, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._shown < 0.2:
            return
        self._shown = now
        filled = self.width * done // self.total
        elapsed = now - self.started
        rate = (done - self.already) / elapsed * 60 if elapsed > 0 else 0.0
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r[{bar}] {done}/{self.total} wards, {failed} failed, {rate:.0f}/min ")
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\n")
        self.stream.flush()


# -- the batch ------------------------------------------------------------------------------------


@dataclass
class _Work:
    ward: WardRow
    case_id: int
    fetch: bool


class ControlBatch:
    """One run of a batch; `run()` returns the counts."""

    def __init__(
        self,
        db: Database,
        connection: DsopConnection,
        wards_file: Path,
        *,
        year: int,
        out_dir: Path,
        user: str,
        clock: Clock | None = None,
        concurrency: int = DEFAULT_CONCURRENCY,
        settings: RuleSettings | None = None,
        language: str = "nb",
        progress: ProgressBar | None | bool = True,
        report_processes: int = 1,
        account_concurrency: int = 2,
    ) -> None:
        self.db = db
        self.connection = connection
        self.wards_file = wards_file.resolve()
        self.year = year
        self.out_dir = out_dir
        self.user = user
        self.clock = clock or SystemClock()
        self.concurrency = max(1, concurrency)
        self.settings = settings
        self.language = language
        self.progress = progress
        self.report_processes = report_processes
        """Processes that write the PDFs; 0 writes them in a thread of this process."""
        self.account_concurrency = account_concurrency
        """Accounts of one ward fetched at once; the wards themselves give the parallelism."""
        self.counts = BatchCounts()
        self._writer: ThreadPoolExecutor | None = None
        self._reporter: Executor | None = None
        self._bar: ProgressBar | None = None
        self._lock = threading.Lock()

    def _report_executor(self) -> Executor:
        """Where controls and PDFs are made: a process of their own, so that they use the
        second core instead of taking the fetch's turns under the interpreter lock."""
        if self.report_processes <= 0:
            return ThreadPoolExecutor(max_workers=1, thread_name_prefix="batch-reports")
        executor = ProcessPoolExecutor(
            max_workers=self.report_processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_report_worker,
            initargs=(self.db.url,),
        )
        if threading.current_thread() is not threading.main_thread():
            return executor  # only the main thread may change how signals are handled
        # The workers are started now, for the moment of their start with Ctrl-C ignored: a
        # new process inherits that and keeps it while it imports, before its initializer
        # could say so itself. The batch itself hears Ctrl-C again at once.
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            for _ in range(self.report_processes):
                executor.submit(os.getpid)  # starts a worker process before returning
        finally:
            signal.signal(signal.SIGINT, previous)
        return executor

    # -- setting up

    def _enrol(self, wards: list[WardRow]) -> tuple[int, list[_Work]]:
        """Create or reuse each ward's case, put it in the batch, and decide what is left."""
        environment = self.connection.environment.name
        today = self.clock.today()
        with self.db.session() as session:
            batch_id = store.open_batch(
                session, str(self.wards_file), self.year, str(self.out_dir), user=self.user
            )
            known = {
                (w.ward_id, w.guardian_id): store.find_guardianship_case(
                    session, w.ward_id, w.guardian_id, self.year, environment
                )
                for w in wards
            }
        case_ids = []
        for ward in wards:
            found = known[(ward.ward_id, ward.guardian_id)]
            if found is not None and ward.reference_given and found[1] != ward.reference:
                # the ward's control of the year is already open under another reference: the
                # list must name that one, or leave it to the case
                raise WardsFileError(
                    self.wards_file.name,
                    f"the ward's control of {self.year} is already case {found[0]} "
                    f"({found[1]}); give that reference, or leave the column empty",
                    ward.line,
                    "reference",
                )
            case_id = found[0] if found is not None else None
            if case_id is None:
                facts = new_guardianship(
                    reference=ward.reference,
                    ward_id=ward.ward_id,
                    guardian_id=ward.guardian_id,
                    year=self.year,
                    today=today,
                    ward_name=ward.ward_name,
                )
                try:
                    case_id = create_case(self.db, facts, environment=environment, user=self.user)
                except InvalidInput as error:
                    # the reference taken by another case, or an open control of the ward's
                    # year with another guardian: the list must be put right first
                    column = "reference" if isinstance(error, ReferenceTaken) else "ward_id"
                    raise WardsFileError(
                        self.wards_file.name, error.rule, ward.line, column
                    ) from None
            case_ids.append(case_id)
        with self.db.session() as session:
            for ward, case_id in zip(wards, case_ids, strict=True):
                store.enrol_ward(session, batch_id, case_id, ward.row)
            states = store.ward_states(session, batch_id)

        work = []
        for ward, case_id in zip(wards, case_ids, strict=True):
            state = states[case_id]
            pdf = self.out_dir / report_name(ward.reference)
            if state.status == "done" and pdf.is_file():
                self.counts.skipped += 1
                continue
            fetch = state.status not in ("fetched", "done")
            work.append(_Work(ward, case_id, fetch=fetch))
        return batch_id, work

    # -- running

    async def _write(self, function: Callable[..., R], *args: Any, **kwargs: Any) -> R:
        assert self._writer is not None
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._writer, partial(function, *args, **kwargs))

    def _in_session(self, function: Callable[..., R], *args: Any, **kwargs: Any) -> R:
        with self.db.session() as session:
            return function(session, *args, **kwargs)

    def _import_report(self, case_id: int, path: Path) -> None:
        imported = read_report(path)
        with self.db.session() as session:
            store.save_report(
                session, case_id, imported.accounts, user=self.user, source=imported.file_name
            )

    async def _ward(
        self, batch_id: int, work: _Work, semaphore: asyncio.Semaphore, shared: tuple[Any, Any]
    ) -> None:
        fetched = not work.fetch
        try:
            if work.fetch:
                async with semaphore:
                    await self._fetch(batch_id, work, shared)
                fetched = True
            await self._report(batch_id, work)
            with self._lock:
                self.counts.controlled += 1
                self.counts.reports += 1
        except Exception as failure:  # noqa: BLE001 - one ward's failure must not stop the batch
            # A ward whose fetch finished keeps it: the next run only controls and reports.
            await self._write(
                self._in_session,
                store.set_ward,
                batch_id,
                work.case_id,
                status="fetched" if fetched else "failed",
                message=str(failure),
            )
            with self._lock:
                self.counts.failed += 1
                self.counts.failures.append(f"{work.ward.reference}: {failure}")
            level = logging.WARNING if isinstance(failure, _WardFailed) else logging.ERROR
            log.log(
                level, "batch %d case %d failed: %s", batch_id, work.case_id, log_reason(failure)
            )
        if self._bar is not None:
            self._bar.update(self.counts.done, self.counts.failed)

    async def _report(self, batch_id: int, work: _Work) -> None:
        """Control the ward and write its PDF in the report worker, then mark it done."""
        loop = asyncio.get_running_loop()
        arguments = (
            work.case_id,
            str(self.out_dir / report_name(work.ward.reference)),
            self.clock,
            self.language,
            self.user,
            self.settings,
        )
        if isinstance(self._reporter, ProcessPoolExecutor):
            job = partial(_report_in_worker, *arguments)
        else:
            job = partial(control_and_report, self.db, *arguments)
        outcome = await loop.run_in_executor(self._reporter, job)
        await self._write(
            self._in_session,
            store.set_ward,
            batch_id,
            work.case_id,
            status="done",
            message=None,
            **outcome.as_values(),
        )

    async def _fetch(self, batch_id: int, work: _Work, shared: tuple[Any, Any]) -> None:
        await self._write(self._in_session, store.count_fetch, batch_id, work.case_id)
        if work.ward.report_file is not None:
            try:
                await self._write(self._import_report, work.case_id, work.ward.report_file)
            except (ImportFileError, InvalidInput) as error:
                raise _WardFailed(
                    f"the guardian's account cannot be read: {error}",
                    reason=_unreadable_report(error),
                ) from None
        harvest = Harvest(
            self.db,
            work.case_id,
            self.connection,
            user=self.user,
            clock=self.clock,
            shared=shared,
            account_concurrency=self.account_concurrency,
        )
        summary = await harvest.run_async()
        if summary.error or summary.cancelled:
            message = f"the fetch stopped: {summary.error or 'cancelled'}"
            raise _WardFailed(message, reason=message)
        await self._write(
            self._in_session, store.set_ward, batch_id, work.case_id, status="fetched"
        )
        with self._lock:
            self.counts.fetched += 1

    async def _run(self, batch_id: int, work: list[_Work]) -> None:
        semaphore = asyncio.Semaphore(self.concurrency)
        buffer = AuditBuffer()
        transport, directory = self.connection.open(buffer, self.user)
        try:
            await asyncio.gather(
                *(self._ward(batch_id, item, semaphore, (transport, directory)) for item in work)
            )
        finally:
            await transport.aclose()

    def run(self) -> BatchCounts:
        started = time.monotonic()
        last_year = self.clock.today().year - 1
        if self.year != last_year:
            raise InvalidInput(FIELD_YEAR, LAST_YEAR_RULE, str(last_year))
        wards = read_wards(self.wards_file, year=self.year, today=self.clock.today())
        output_folder(self.out_dir)
        self.counts.total = len(wards)
        batch_id, work = self._enrol(wards)
        log.info(
            "batch %d: %d wards, %d left, concurrency %d",
            batch_id,
            len(wards),
            len(work),
            self.concurrency,
        )
        if self.progress:
            self._bar = (
                self.progress
                if isinstance(self.progress, ProgressBar)
                else ProgressBar(len(wards), already=self.counts.skipped)
            )
            self._bar.update(self.counts.done, 0, force=True)
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="batch-writer")
        self._reporter = self._report_executor()
        stopped = False
        try:
            if work:
                asyncio.run(self._run(batch_id, work))
        except KeyboardInterrupt:
            # asyncio.run has cancelled the wards' tasks; the report workers ignore SIGINT
            stopped = True
            log.warning("batch %d interrupted: %d wards done", batch_id, self.counts.done)
            raise
        except BaseException:
            stopped = True
            raise
        finally:
            # When stopped, queued writes and reports are dropped: a ward not marked done is
            # controlled again by the next run. A write or report under way still finishes.
            self._writer.shutdown(wait=True, cancel_futures=stopped)
            self._reporter.shutdown(wait=not stopped, cancel_futures=stopped)
            if self._bar is not None:
                self._bar.update(self.counts.done, self.counts.failed, force=True)
                self._bar.close()

        self.counts.summary = self.out_dir / "summary.xlsx"
        with self.db.session() as session:
            rows = store.batch_summary(session, batch_id)
            if all(row.status == "done" for row in rows):
                store.finish_batch(session, batch_id)
        write_summary(self.counts.summary, rows, year=self.year, language=self.language)
        self.counts.seconds = time.monotonic() - started
        log.info("batch %d finished: %s", batch_id, self.counts.line())
        return self.counts


class _WardFailed(Exception):
    """One ward could not be finished; the others go on. The message is for the officer (the
    summary, the terminal) and may quote the guardian's account file; `reason` is for the log
    and names no file and no cell."""

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def log_reason(failure: BaseException) -> str:
    """What the log says of a ward's failure: the reason of a `_WardFailed` with anything that
    looks like a national id masked; of anything else only its class, as its message may hold
    any value."""
    if isinstance(failure, _WardFailed):
        return redact(failure.reason)
    return f"unexpected {type(failure).__name__}"


def _unreadable_report(error: ImportFileError | InvalidInput) -> str:
    """The log's reason for a guardian's account that cannot be read. An import error's
    message names the file and may quote a cell, so only its kind and line are kept; an
    `InvalidInput` never repeats the value it refused."""
    if isinstance(error, InvalidInput):
        return f"the guardian's account cannot be read: {error}"
    where = f", line {error.line}" if error.line is not None else ""
    return f"the guardian's account cannot be read ({type(error).__name__}{where})"


@dataclass(frozen=True)
class WardOutcome:
    """What the control of one ward found, as the batch keeps it."""

    banks: int
    accounts: int
    deviations: int
    deviation_minor: int
    suggested: str
    report_name: str

    def as_values(self) -> dict[str, object]:
        return {
            "banks": self.banks,
            "accounts": self.accounts,
            "deviations": self.deviations,
            "deviation_minor": self.deviation_minor,
            "suggested": self.suggested,
            "report_name": self.report_name,
        }


def control_and_report(
    db: Database,
    case_id: int,
    out: str,
    clock: Clock,
    language: str,
    user: str,
    settings: RuleSettings | None,
) -> WardOutcome:
    """Run the control of one ward's case and write its control report to `out`."""
    control = control_case(db, case_id, settings)
    result = control.result
    write_control_report(
        db, case_id, Path(out), clock=clock, language=language, user=user, control=control
    )
    return WardOutcome(
        banks=len(control.banks),  # every bank that knows the ward, as `cases` and the reports
        accounts=sum(1 for a in result.accounts if a.bank is not None),
        deviations=len(result.deviations),
        deviation_minor=result.deviation_sum_minor(),
        suggested=result.suggested.value,
        report_name=Path(out).name,
    )


_worker_db: Database | None = None


def _start_report_worker(url: str) -> None:
    """Set up a report process: Ctrl-C at the terminal reaches every process of the batch, and
    only the batch's own process acts on it (it drops the queued reports and shuts the pool
    down), so a worker ignores SIGINT and is not left with a traceback to print."""
    global _worker_db
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_db = Database(url, migrate=False)
    threading.Thread(
        target=_exit_with_parent, args=(os.getppid(),), daemon=True, name="parent-watch"
    ).start()


def _exit_with_parent(parent: int) -> None:
    """End the report process when the batch that started it is gone (killed, say): a pool
    worker keeps its own end of the task pipe open and would otherwise wait forever."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)


def _report_in_worker(*arguments: Any) -> WardOutcome:
    assert _worker_db is not None, "the report worker has no database"
    return control_and_report(_worker_db, *arguments)


# -- the summary ----------------------------------------------------------------------------------

SUMMARY_HEADERS = {
    "nb": (
        "Nr.",
        "Referanse",
        "Vergehaver",
        "Banker",
        "Kontoer",
        "Avvik",
        "Avvik, sum (NOK)",
        "Foreslått utfall",
        "Status",
        "Rapport",
        "Merknad",
    ),
    "en": (
        "No.",
        "Reference",
        "Ward",
        "Banks",
        "Accounts",
        "Deviations",
        "Deviations, sum (NOK)",
        "Suggested outcome",
        "Status",
        "Report",
        "Remark",
    ),
}
OUTCOME_WORDS = {
    "nb": {"approved": "Godkjent", "follow_up": "Til oppfølging"},
    "en": {"approved": "Approved", "follow_up": "Needs follow-up"},
}
"""The suggested outcome in the words the control report and the window use."""
STATUS_WORDS = {
    "nb": {
        "done": "ferdig",
        "failed": "feilet",
        "pending": "venter",
        "fetching": "avbrutt under henting",
        "fetched": "hentet",
    },
    "en": {},
}
REMARKS = {
    "nb": {
        "not_reported": "Vergeregnskapet er ikke registrert, så bare bankenes tall er kontrollert.",
        "deviation": "{count} avvik over tersklene; se rapporten.",
        "deviations": "{count} avvik over tersklene; se rapporten.",
        "letters": "{count} av bankene må spørres med digitalt brev; kontoene der er ikke med.",
    },
    "en": {
        "not_reported": "The guardian's account is not recorded, so only the bank figures are "
        "checked.",
        "deviation": "{count} deviation above the thresholds; see the report.",
        "deviations": "{count} deviations above the thresholds; see the report.",
        "letters": "{count} of the banks must be asked by digital letter; their accounts are "
        "not included.",
    },
}


def remark(row: store.SummaryRow, words: str) -> str:
    """The summary's remark on a ward: why it failed or stopped when it did; else why the
    control suggests a follow-up, and the banks left to a digital letter."""
    if row.message:
        return row.message
    texts = REMARKS[words]
    parts = []
    if row.status == "done" and row.suggested == "follow_up":
        if not row.reported:
            parts.append(texts["not_reported"])
        if row.deviations:
            key = "deviation" if row.deviations == 1 else "deviations"
            parts.append(texts[key].format(count=row.deviations))
    if row.letters:
        parts.append(texts["letters"].format(count=row.letters))
    return " ".join(parts)


def write_summary(
    target: Path, rows: list[store.SummaryRow], *, year: int, language: str = "nb"
) -> Path:
    """One row per ward: reference, name, banks, accounts, deviations counted and summed, the
    suggested outcome, the status, the report file and a remark (see `remark`), under a header
    with an autofilter. Written whole or not at all."""
    words = "nb" if language == "nb" else "en"
    with written_workbook(target) as workbook:
        _summary_sheet(workbook, rows, year=year, words=words)
    return target


def _summary_sheet(
    workbook: Workbook, rows: list[store.SummaryRow], *, year: int, words: str
) -> None:
    sheet = workbook.create_sheet(f"Vergekontroll {year}" if words == "nb" else f"Control {year}")
    widths = (6, 18, 28, 8, 9, 8, 18, 18, 14, 22, 60)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    header = []
    for title in SUMMARY_HEADERS[words]:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in rows:
        amount = None
        if row.deviation_minor is not None:
            amount = WriteOnlyCell(sheet, value=Decimal(row.deviation_minor) / 100)
            amount.number_format = AMOUNT_FORMAT
        values = [
            row.row,
            row.reference,
            row.ward_name or "",
            row.banks,
            row.accounts,
            row.deviations,
            amount,
            OUTCOME_WORDS[words].get(row.suggested or "", row.suggested or ""),
            STATUS_WORDS[words].get(row.status, row.status),
            row.report_name or "",
            remark(row, words),
        ]
        sheet.append([xlsx_text(sheet, value) for value in values])
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(widths))}{len(rows) + 1}"


# -- the command line ----------------------------------------------------------------------------


def control_command(runtime: Any, args: Any) -> int:
    """`control-batch`, `control-import`, `control-template`, `control-run`, `control-outcome`.

    Errors in what the user gave (the list, a file, an outcome) are printed and give exit code 2.
    """
    try:
        return _COMMANDS[args.command](runtime, args)
    except (WardsFileError, ImportFileError, InvalidInput, LookupError) as error:
        print(f"boinnsyn: {error}", file=sys.stderr)
        return 2


def _case_id(runtime: Any, key: str) -> int:
    """The number of the guardianship case `key` names; another kind of case is refused."""
    from app.domain.services import Service
    from app.store.cases import find_case

    with runtime.db.session() as session:
        case = find_case(session, key)
        if case.service != Service.GUARDIANSHIP.value or case.guardian_id is None:
            raise InvalidInput(
                "case",
                f"{case.reference} is a case of the {case.service} service, not a guardianship "
                "control; the control commands work on guardianship cases only",
            )
        runtime.environment_name = case.environment
        return case.id


def _batch_command(runtime: Any, args: Any) -> int:
    batch = ControlBatch(
        runtime.db,
        runtime.connection(),
        args.wards,
        year=args.year,
        out_dir=args.out,
        user=config.current_user(),
        concurrency=args.concurrency or DEFAULT_CONCURRENCY,
        language=args.language,
    )
    counts = batch.run()
    print(f"{counts.line()} summary={counts.summary}")
    for failure in counts.failures:
        print(f"failed: {failure}", file=sys.stderr)
    return 1 if counts.failed else 0


def _import_command(runtime: Any, args: Any) -> int:
    case_id = _case_id(runtime, args.case)
    imported = read_report(args.file)
    with runtime.db.session() as session:
        store.guardianship_facts(session, case_id)
        store.save_report(
            session,
            case_id,
            imported.accounts,
            user=config.current_user(),
            source=imported.file_name,
        )
    print(f"case={case_id} accounts={len(imported.accounts)} rows={imported.rows}")
    return 0


def _template_command(runtime: Any, args: Any) -> int:
    from app.imports.vergeregnskap import write_template

    check_output_suffix(args.out, ".xlsx", ".csv")
    check_output_folder(args.out)
    try:
        path = write_template(args.out)
    except OSError as error:
        raise unwritable(args.out, error) from None
    print(f"template={path}")
    return 0


def _run_command(runtime: Any, args: Any) -> int:
    if args.out is not None:
        check_output_suffix(args.out, ".pdf")
        check_output_folder(args.out)
    case_id = _case_id(runtime, args.case)
    control = control_case(runtime.db, case_id)
    for deviation in control.result.deviations:
        number = fmt.account_number(deviation.account_number)
        print(f"{deviation.rule.value:<22} {number} {deviation.reason}")
    line = (
        f"case={case_id} accounts={len(control.result.accounts)} "
        f"deviations={len(control.result.deviations)} suggested={control.suggested.value}"
    )
    if args.out is not None:
        write_control_report(runtime.db, case_id, args.out)
        line += f" report={args.out}"
    print(line)
    return 0


def _outcome_command(runtime: Any, args: Any) -> int:
    from app.domain.guardianship import parse_outcome
    from app.review.control import record_outcome

    case_id = _case_id(runtime, args.case)
    outcome = parse_outcome(args.outcome)
    record_outcome(runtime.db, case_id, outcome, reason=args.reason, user=config.current_user())
    print(f"case={case_id} outcome={outcome.value}")
    return 0


_COMMANDS: dict[str, Callable[[Any, Any], int]] = {
    "control-batch": _batch_command,
    "control-import": _import_command,
    "control-template": _template_command,
    "control-run": _run_command,
    "control-outcome": _outcome_command,
}
