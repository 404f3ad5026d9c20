"""One fetch of a case: relations -> directory -> every bank at once -> accounts -> details and
transactions, stored as they arrive.

Banks are fetched concurrently, and within a bank a few accounts at a time, so a fetch takes
about as long as the slowest bank. Every page is written by the one database writer as soon as
it is decrypted and read; a fetch cancelled or killed keeps what it stored, and the next run
adds only what is new. A failure at one bank or one account is recorded there and does not
stop the others.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

from app.domain.clock import Clock, SystemClock
from app.domain.services import Endpoint, Service, profile
from app.domain.text import QT_TRANSLATE_NOOP as _T
from app.dsop.audit import AuditBuffer, current_case
from app.dsop.connection import DsopConnection
from app.dsop.control import BankEndpoint, ControlClient
from app.dsop.errors import DsopError
from app.dsop.headers import CaseContext
from app.dsop.mapping import account_record, balance_records, role_rows, transaction_record
from app.dsop.models import CustomerRelation, DirectoryEntry, ResponseStatus
from app.dsop.relations import REQUIRED_VERSION, Directory, customer_relationships
from app.dsop.sandbox_admin import register_case
from app.dsop.transport import Transport
from app.harvest.events import (
    BankProgress,
    BanksFound,
    HarvestEvent,
    HarvestFinished,
    HarvestStarted,
    HarvestSummary,
)
from app.store.cases import CaseClosed, ensure_open, facts_of, load_case
from app.store.db import Database
from app.store.writer import BankInfo, CaseWriter

log = logging.getLogger(__name__)

R = TypeVar("R")

LETTER_NO_API = _T("harvest", "no Control API in the directory")
LETTER_OLD_API = _T("harvest", "only an API older than v2 in the directory")
SOME_ACCOUNTS_FAILED = _T("harvest", "some accounts could not be fetched; see each account")
EMPTY_ANSWER = _T(
    "harvest",
    "the bank answered with no accounts; for a person with a protected address banks always "
    "answer empty, so check the Population Register before concluding",
)


_pauses = 0
_pauses_lock = threading.Lock()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a fetch runs; harvests may overlap.

    Reading a page of a thousand transactions makes tens of thousands of short-lived objects,
    all freed by reference counting; the collector's sweeps over them took a fifth of the
    client's CPU time in `tests/benchmarks/bench_harvest.py`. A fetch leaves a few thousand
    objects in cycles, whatever its size; they are collected when the last fetch ends.
    """
    global _pauses
    with _pauses_lock:
        ours = _pauses > 0 or gc.isenabled()  # else someone chose to run without it
        if ours:
            _pauses += 1
            gc.disable()
    try:
        yield
    finally:
        if ours:
            with _pauses_lock:
                _pauses -= 1
                if _pauses == 0:
                    gc.enable()


@dataclass
class _BankOutcome:
    status: str = "complete"
    messages: list[str] = field(default_factory=list)
    accounts: int = 0
    received: int = 0
    new: int = 0


class Harvest:
    def __init__(
        self,
        db: Database,
        case_id: int,
        connection: DsopConnection,
        *,
        user: str,
        clock: Clock | None = None,
        on_event: Callable[[HarvestEvent], None] | None = None,
        cancel: threading.Event | None = None,
        account_concurrency: int = 4,
        only_banks: set[str] | None = None,
        shared: tuple[Transport, Directory] | None = None,
    ) -> None:
        self.db = db
        self.case_id = case_id
        self.connection = connection
        self.user = user
        self.clock = clock or SystemClock()
        self.on_event = on_event or (lambda event: None)
        self.cancel = cancel or threading.Event()
        self.account_concurrency = account_concurrency
        self.only_banks = only_banks
        """Organisation numbers to fetch; None fetches every bank the relations name."""
        self.shared = shared
        """A transport and directory kept across fetches (a batch of many cases), so that
        tokens and the directory are reused; None opens and closes a fresh pair."""
        self.writer = CaseWriter(db)
        self.audit = AuditBuffer()
        if shared is not None:
            if not isinstance(shared[0].audit, AuditBuffer):
                raise TypeError("a shared transport must record into an AuditBuffer")
            self.audit = shared[0].audit
        self._executor: ThreadPoolExecutor | None = None

    def run(self) -> HarvestSummary:
        """Run the fetch on a fresh event loop in the calling thread (a worker, or the CLI)."""
        return asyncio.run(self.run_async())

    async def _write(self, function: Callable[..., R], *args: Any, **kwargs: Any) -> R:
        return await self._submit(function, *args, **kwargs)

    def _submit(self, function: Callable[..., R], *args: Any, **kwargs: Any) -> asyncio.Future[R]:
        """Hand a write to the writer thread now; await the future for its result."""
        assert self._executor is not None
        loop = asyncio.get_running_loop()
        return loop.run_in_executor(self._executor, partial(function, *args, **kwargs))

    @staticmethod
    async def _written(writes: list[asyncio.Future[int]]) -> int:
        """How many rows the page writes added, once all are done.

        Shielded: a cancelled fetch stops waiting here, yet every page it received is still
        written, since the writer thread is shut down only when its queue is empty.
        """
        return sum(await asyncio.shield(asyncio.gather(*writes)))

    async def _flush_audit(self) -> None:
        entries = self.audit.take()
        if entries:
            await self._write(self.writer.add_audit, entries)

    async def run_async(self) -> HarvestSummary:
        started = time.monotonic()
        summary = HarvestSummary(case_id=self.case_id)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="case-writer")
        try:
            with collector_paused():
                await self._run(summary)
        finally:
            try:
                await self._flush_audit()
            finally:
                self._executor.shutdown(wait=True)
                self._executor = None
            summary.elapsed_seconds = time.monotonic() - started
            log.info("case %d fetched: %s", self.case_id, summary.line())
            self.on_event(HarvestFinished(summary))
        return summary

    def _context(self) -> CaseContext:
        with self.db.session() as session:
            case = ensure_open(session, self.case_id)
            facts = facts_of(case)
            request_id = case.request_id
        today = self.clock.today()
        service_profile = profile(facts.service)
        return CaseContext(
            profile=service_profile,
            request_id=request_id,
            subject_id=facts.subject_id,
            key_date=facts.key_date,
            period=facts.period(today),
            today=today,
            guardian_id=facts.guardian_id,
            case_id=self.case_id,
        )

    async def _run(self, summary: HarvestSummary) -> None:
        self.on_event(HarvestStarted(self.case_id))
        try:
            context = await self._write(self._context)
        except CaseClosed as error:
            summary.error = str(error)
            return
        service = context.profile.service
        current_case.set((self.case_id, service.value))
        credentials = self.connection.credentials_for(service)
        period = (context.period.start, context.period.end)
        source_id = await self._write(
            self.writer.start_source,
            self.case_id,
            kind="api",
            user=self.user,
            period=period,
            label=f"{self.connection.environment.name}: {context.profile.official_name}",
        )
        await self._write(self.writer.set_case_period, self.case_id, *period)
        if self.shared is not None:
            transport, directory = self.shared
        else:
            transport, directory = self.connection.open(self.audit, self.user)
        status = "failed"
        try:
            environment = self.connection.environment
            if environment.sandbox_admin_url:
                facts = await self._write(self._facts)
                await register_case(transport.http, environment.sandbox_admin_url, facts)
            relations = await customer_relationships(transport, context, credentials)
            entries = await directory.entries()
            await self._fetch_banks(
                summary, transport, context, relations.banks, entries, source_id
            )
            status = "cancelled" if summary.cancelled else "complete"
        except DsopError as error:
            summary.error = str(error)
            log.warning("case %d fetch stopped: %s", self.case_id, type(error).__name__)
        finally:
            if self.shared is None:
                await transport.aclose()
            await self._write(self.writer.finish_source, source_id, status)

    def _facts(self) -> Any:
        with self.db.session() as session:
            return facts_of(load_case(session, self.case_id))

    async def _fetch_banks(
        self,
        summary: HarvestSummary,
        transport: Any,
        context: CaseContext,
        relations: list[CustomerRelation],
        directory: dict[str, DirectoryEntry],
        source_id: int,
    ) -> None:
        infos = [
            BankInfo(
                org_number=bank.organization_id,
                name=bank.bank_name,
                active_account=bank.active_account,
                ownership_type=bank.ownership_type.value if bank.ownership_type else None,
            )
            for bank in relations
            if self.only_banks is None or bank.organization_id in self.only_banks
        ]
        bank_ids = await self._write(self.writer.upsert_banks, self.case_id, infos)
        summary.banks = len(infos)

        work: list[tuple[int, BankEndpoint]] = []
        found: list[tuple[str, str, str]] = []
        for info in infos:
            entry = directory.get(info.org_number)
            bank_id = bank_ids[info.org_number]
            if entry is None or entry.version.upper() != REQUIRED_VERSION:
                message = LETTER_NO_API if entry is None else LETTER_OLD_API
                await self._write(
                    self.writer.set_bank,
                    bank_id,
                    status="letter_needed",
                    message=message,
                    api_url=entry.url if entry else None,
                )
                summary.letters_needed += 1
                summary.bank_status[info.org_number] = "letter_needed"
                found.append((info.org_number, info.name, "letter_needed"))
                continue
            work.append((bank_id, BankEndpoint(info.org_number, info.name, entry.url)))
            found.append((info.org_number, info.name, "pending"))
        summary.banks_with_api = len(work)
        self.on_event(BanksFound(self.case_id, tuple(found)))

        tasks = [
            asyncio.create_task(self._bank(transport, context, bank_id, endpoint, source_id))
            for bank_id, endpoint in work
        ]
        watcher = asyncio.create_task(self._watch_cancel(tasks))
        outcomes = await asyncio.gather(*tasks, return_exceptions=True)
        watcher.cancel()
        for (bank_id, endpoint), outcome in zip(work, outcomes, strict=True):
            if isinstance(outcome, asyncio.CancelledError):
                summary.cancelled = True
                await self._write(self.writer.set_bank, bank_id, status="cancelled")
                summary.bank_status[endpoint.org_number] = "cancelled"
                continue
            if isinstance(outcome, BaseException):
                log.error("bank %s: unexpected %s", endpoint.org_number, type(outcome).__name__)
                await self._write(
                    self.writer.set_bank,
                    bank_id,
                    status="failed",
                    message=f"unexpected error: {type(outcome).__name__}",
                )
                summary.banks_failed += 1
                summary.bank_status[endpoint.org_number] = "failed"
                continue
            summary.bank_status[endpoint.org_number] = outcome.status
            summary.accounts += outcome.accounts
            summary.transactions_received += outcome.received
            summary.transactions_new += outcome.new
            if outcome.status == "complete":
                summary.banks_complete += 1
            elif outcome.status == "partial":
                summary.banks_partial += 1
            else:
                summary.banks_failed += 1

    async def _watch_cancel(self, tasks: list[asyncio.Task[Any]]) -> None:
        while not all(task.done() for task in tasks):
            if self.cancel.is_set():
                for task in tasks:
                    task.cancel()
                return
            await asyncio.sleep(0.05)

    def _progress(
        self,
        endpoint: BankEndpoint,
        step: str,
        status: str,
        outcome: _BankOutcome,
        accounts_done: int = 0,
        message: str | None = None,
    ) -> None:
        self.on_event(
            BankProgress(
                case_id=self.case_id,
                org_number=endpoint.org_number,
                name=endpoint.name,
                step=step,
                status=status,
                accounts_total=outcome.accounts,
                accounts_done=accounts_done,
                transactions=outcome.received,
                message=message,
            )
        )

    async def _bank(
        self,
        transport: Any,
        context: CaseContext,
        bank_id: int,
        endpoint: BankEndpoint,
        source_id: int,
    ) -> _BankOutcome:
        outcome = _BankOutcome()
        credentials = self.connection.credentials_for(context.profile.service)
        client = ControlClient(
            transport, context, credentials, endpoint, plain_json=self.connection.plain_json
        )
        await self._write(self.writer.set_bank, bank_id, status="fetching", message=None)
        self._progress(endpoint, "accounts", "fetching", outcome)
        accounts = []
        try:
            async for page in client.accounts():
                if page.response_details.status is ResponseStatus.PARTIAL:
                    outcome.status = "partial"
                    outcome.messages.append(page.response_details.message or "partial answer")
                accounts.extend(page.accounts or ())
        except DsopError as error:
            await self._flush_audit()
            await self._write(
                self.writer.set_bank,
                bank_id,
                status="failed",
                message=str(error),
                fetched_at=self.clock.now(),
            )
            self._progress(endpoint, "done", "failed", outcome, message=str(error))
            outcome.status = "failed"
            return outcome

        outcome.accounts = len(accounts)
        if not accounts and context.profile.service is not Service.BANKRUPTCY:
            outcome.messages.append(EMPTY_ANSWER)
        semaphore = asyncio.Semaphore(self.account_concurrency)
        done = 0

        async def one(account: Any) -> str:
            nonlocal done
            async with semaphore:
                result = await self._account(
                    client, context, bank_id, endpoint, account, source_id, outcome
                )
            done += 1
            self._progress(endpoint, "transactions", "fetching", outcome, accounts_done=done)
            return result

        results = await asyncio.gather(*(one(account) for account in accounts))
        if "failed" in results and outcome.status != "failed":
            outcome.status = "incomplete"
            outcome.messages.append(SOME_ACCOUNTS_FAILED)
        elif "partial" in results and outcome.status == "complete":
            outcome.status = "partial"
        await self._flush_audit()
        await self._write(
            self.writer.set_bank,
            bank_id,
            status=outcome.status,
            message="\n".join(dict.fromkeys(outcome.messages)) or None,
            fetched_at=self.clock.now(),
        )
        self._progress(endpoint, "done", outcome.status, outcome, accounts_done=done)
        return outcome

    async def _account(
        self,
        client: ControlClient,
        context: CaseContext,
        bank_id: int,
        endpoint: BankEndpoint,
        account: Any,
        source_id: int,
        outcome: _BankOutcome,
    ) -> str:
        account_id = await self._write(
            self.writer.upsert_account, self.case_id, bank_id, account_record(account), source_id
        )
        status, problems = "complete", []
        reference = account.account_reference

        try:
            details = await client.account_details(reference)
            if details.account is not None:
                await self._write(
                    self.writer.upsert_account,
                    self.case_id,
                    bank_id,
                    account_record(details.account),
                    source_id,
                )
                balances = balance_records(details.account, context.period.end)
                await self._write(self.writer.upsert_balances, account_id, balances)
            if details.response_details.status is ResponseStatus.PARTIAL:
                status = "partial"
                problems.append(details.response_details.message or "partial account details")
        except DsopError as error:
            status = "failed"
            problems.append(f"account details: {error}")

        # A page is handed to the writer and the next page asked for at once: the store works
        # while the bank answers. The writes are awaited before the account is marked done.
        writes: list[asyncio.Future[int]] = []
        try:
            async for page in client.transactions(reference):
                records = [transaction_record(t, context.profile) for t in page.transactions or ()]
                writes.append(
                    self._submit(
                        self.writer.add_transactions,
                        self.case_id,
                        account_id,
                        records,
                        source_id,
                        reconcile_with="file",
                    )
                )
                outcome.received += len(records)
                if page.response_details.status is ResponseStatus.PARTIAL and status != "failed":
                    status = "partial"
                    problems.append(page.response_details.message or "partial transactions")
                self._progress(endpoint, "transactions", "fetching", outcome)
        except DsopError as error:
            status = "failed"
            problems.append(f"transactions: {error}")
        finally:
            added = await self._written(writes)
            outcome.new += added  # read the total only after the await: accounts run at once

        if Endpoint.ROLES in context.profile.allowed:
            try:
                roles = await client.roles(reference)
                await self._write(
                    self.writer.replace_roles, account_id, role_rows(roles.roles or [])
                )
            except DsopError as error:
                status = "failed"
                problems.append(f"roles: {error}")

        await self._write(
            self.writer.set_account,
            account_id,
            fetch_status=status,
            message="\n".join(dict.fromkeys(problems)) or None,
        )
        return status
