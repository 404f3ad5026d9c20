"""Bringing a statement file or a bank export into a case.

A file is read (camt.053/052/054, or a bank's CSV or XLSX export with a column mapping), each
account in it is matched to the case's account with the same number or, where the user names
the bank, added to the case, and its transactions are stored with their source: file name,
SHA-256 of the bytes, import time and user. The same file twice, or two files over the same
days, add nothing twice; a file over the days of an API fetch adds only what the API lacked.
A bank that was sent a digital letter is marked as answered and imported.

A file is read, and each of its accounts checked to have a place, before anything is stored: a
file refused (unreadable, or an account the user must name a bank for) leaves nothing in the
case. An account keeps one currency: the one the case knows, else the file's. A statement
balance in another currency is left out (the import's message says so), and a Norwegian export
without a currency is in NOK.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from app.domain.clock import oslo_day
from app.domain.identifiers import validate_account_number, validate_iban
from app.domain.records import AccountRecord, BalanceRecord, TransactionRecord, with_keys
from app.imports import camt, tabular
from app.imports.errors import ImportFileError
from app.store import imports as store
from app.store import letters
from app.store.cases import ensure_open, facts_of
from app.store.db import Database
from app.store.writer import BankInfo, CaseWriter

log = logging.getLogger(__name__)

BALANCE_KINDS = {"closing": "bookedBalance", "opening": "openingBalance"}
"""How statement balances are kept: the closing balance is the booked balance at its date."""

NORWEGIAN_CURRENCY = "NOK"
"""The currency of a Norwegian account's export that names none."""


class ImportTargetError(ImportFileError):
    """The file cannot be placed in the case: an account or bank the user must name.

    `needs` says what the user must give so that it can: "bank" (the bank's organisation
    number), "bank_name" or "account"; None where naming something would not help.
    """

    def __init__(self, file: str, problem: str, needs: str | None = None) -> None:
        super().__init__(file, problem)
        self.needs = needs

    @classmethod
    def needs_bank(cls, file: str, number: str) -> ImportTargetError:
        return cls(file, f"account {number} is not in the case; name its bank to add it", "bank")

    @classmethod
    def needs_bank_name(cls, file: str, bank_org: str) -> ImportTargetError:
        return cls(
            file,
            f"bank {bank_org} is not in the case; give the bank's name to add it",
            "bank_name",
        )


@dataclass
class AccountResult:
    account_number: str
    records: int = 0
    new: int = 0
    balance_check: str = "not checked"
    message: str | None = None


@dataclass
class FileResult:
    file: str
    kind: str
    accounts: list[AccountResult] = field(default_factory=list)
    already_imported: bool = False
    outside_period: int = 0
    """Records booked outside the case's period: kept, as the bank sent them, and told."""

    @property
    def records(self) -> int:
        return sum(item.records for item in self.accounts)

    @property
    def new(self) -> int:
        return sum(item.new for item in self.accounts)

    @property
    def balance_check(self) -> str:
        checks = {item.balance_check for item in self.accounts}
        for word in ("mismatch", "ok"):
            if word in checks:
                return word
        return "not checked"

    def line(self) -> str:
        return (
            f"file={self.file} kind={self.kind} accounts={len(self.accounts)} "
            f"records={self.records} new={self.new} already={self.records - self.new} "
            f"balance={self.balance_check} outside_period={self.outside_period}"
        )


def account_number_of(identifier: str | None) -> str | None:
    """The Norwegian 11-digit account number inside a Norwegian IBAN; other ids unchanged."""
    if not identifier:
        return None
    compact = "".join(identifier.split()).upper()
    if compact.startswith("NO") and len(compact) == 15 and compact[2:].isdigit():
        return compact[4:]
    return compact


def is_statement(data: bytes) -> bool:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<")


@dataclass(frozen=True)
class Target:
    """Where records of one account go."""

    account_id: int
    bank_id: int


@dataclass
class AccountPart:
    """What a file holds for one account, read before anything is stored."""

    number: str
    records: list[TransactionRecord]
    balances: list[BalanceRecord] = field(default_factory=list)
    account: AccountRecord | None = None
    bank_name: str | None = None
    currency: str | None = None
    """The account's currency as the file tells it; None where it does not."""
    balance_check: str = "not checked"
    message: str | None = None


class CaseImport:
    """Imports files into one case, as one user, through the case writer."""

    def __init__(self, db: Database, case_id: int, *, user: str, now: datetime) -> None:
        self.db = db
        self.case_id = case_id
        self.user = user
        self.now = now
        self.writer = CaseWriter(db)

    def _target(
        self,
        number: str,
        *,
        bank_org: str | None,
        bank_name: str | None,
        file: str,
        record: AccountRecord | None = None,
    ) -> Target:
        with self.db.session() as session:
            found = store.account_in_case(session, self.case_id, number)
            if found is not None:
                return Target(*found)
            bank_id = store.bank_in_case(session, self.case_id, bank_org) if bank_org else None
        if bank_org is None:
            raise ImportTargetError.needs_bank(file, number)
        if bank_id is None:
            if not bank_name:
                raise ImportTargetError.needs_bank_name(file, bank_org)
            bank_id = self.writer.upsert_banks(
                self.case_id, [BankInfo(org_number=bank_org, name=bank_name)]
            )[bank_org]
            self.writer.set_bank(bank_id, status="imported")
        account = record or AccountRecord(account_number=number)
        if account.account_number != number:
            account = AccountRecord(
                account_number=number,
                currency=account.currency,
                name=account.name,
                owner_name=account.owner_name,
            )
        return Target(self.writer.upsert_account(self.case_id, bank_id, account, None), bank_id)

    def _check_targets(self, parts: list[AccountPart], *, bank_org: str | None, file: str) -> None:
        """Refuse the file, before anything is stored, where `_target` could not place one of
        its accounts: an account not in the case needs its bank, a bank new to the case its
        name; an account already in the case stays with its bank, whatever bank is named."""
        unknown = []
        with self.db.session() as session:
            for part in parts:
                found = store.account_in_case(session, self.case_id, part.number)
                if found is None:
                    unknown.append(part)
                    continue
                held_by = store.bank_org_number(session, found[1])
                if bank_org is not None and held_by != bank_org:
                    raise ImportTargetError(
                        file,
                        f"account {part.number} is in the case under bank {held_by}, "
                        f"not {bank_org}; leave the bank out or name that one",
                        "bank",
                    )
            bank_known = bank_org is not None and (
                store.bank_in_case(session, self.case_id, bank_org) is not None
            )
        for part in unknown:
            if bank_org is None:
                raise ImportTargetError.needs_bank(file, part.number)
            if not bank_known and not part.bank_name:
                raise ImportTargetError.needs_bank_name(file, bank_org)
            bank_known = True

    def _given_account(self, text: str) -> str:
        """The account number the user named: one already in the case as it is stored there
        (a foreign one came from a statement), a new one if it is a valid Norwegian account
        number or IBAN."""
        number = account_number_of("".join(ch for ch in text if ch not in ". "))
        if number:
            with self.db.session() as session:
                if store.account_in_case(session, self.case_id, number) is not None:
                    return number
            if number[:2].isalpha():
                return account_number_of(validate_iban(number, "Account number")) or number
        return validate_account_number(number or text, "Account number")

    def _store(self, target: Target, part: AccountPart, source_id: int) -> AccountResult:
        """Store one account's part of the file. The account takes the file's currency where
        the case knows none; an account the banks only listed counts as fetched once a file
        brought its data."""
        with self.db.session() as session:
            stored_currency, fetch_status = store.account_state(session, target.account_id)
        currency = stored_currency or part.currency
        changes: dict[str, str] = {}
        if stored_currency is None and currency is not None:
            changes["currency"] = currency
        if fetch_status == "listed":
            changes["fetch_status"] = "complete"
        if changes:
            self.writer.set_account(target.account_id, **changes)

        # The records were keyed (`with_keys`) as the file wrote them: the currency filled in
        # here leaves their fingerprints as they were, so a file imported again matches.
        records = part.records
        if currency is not None:
            records = [r if r.currency else replace(r, currency=currency) for r in records]
        result = AccountResult(part.number, balance_check=part.balance_check)
        result.records = len(records)
        result.new = self.writer.add_transactions(
            self.case_id, target.account_id, records, source_id, reconcile_with="any"
        )

        kept, left_out = _balances_kept(part.balances, currency)
        if kept:
            self.writer.upsert_balances(target.account_id, kept)
        notes = [part.message] if part.message else []
        notes += [
            f"the {b.kind} balance of {b.as_of.isoformat()} is in {b.currency}, not in the "
            f"account's {currency}, and is left out"
            for b in left_out
        ]
        result.message = "; ".join(notes) or None
        with self.db.session() as session:
            letters.mark_imported(session, self.case_id, target.bank_id, now=self.now)
            store.mark_bank_imported(session, target.bank_id)
        return result

    def import_file(
        self,
        path: Path,
        *,
        bank_org: str | None = None,
        bank_name: str | None = None,
        account_number: str | None = None,
        mapping: tabular.ColumnMapping | None = None,
        remember: bool = True,
    ) -> FileResult:
        with self.db.session() as session:
            case_period = facts_of(ensure_open(session, self.case_id)).period(oslo_day(self.now))
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        kind = "statement" if is_statement(data) else "table"
        result = FileResult(file=path.name, kind=kind)
        if account_number is not None:
            account_number = self._given_account(account_number)
        with self.db.session() as session:
            result.already_imported = store.imported_file(session, self.case_id, digest) is not None
        if kind == "statement":
            parts = _statement_parts(data, path.name, account_number, bank_name)
        else:
            rows = self._table_records(data, path.name, bank_org, mapping, remember)
            parts = [
                AccountPart(
                    number, records, bank_name=bank_name, currency=_export_currency(number, records)
                )
                for number, records in _by_account(rows, account_number, path.name).items()
            ]
        self._check_targets(parts, bank_org=bank_org, file=path.name)

        source_id = self.writer.start_source(
            self.case_id, kind="file", label=path.name, user=self.user, file_hash=digest
        )
        try:
            for part in parts:
                target = self._target(
                    part.number,
                    bank_org=bank_org,
                    bank_name=part.bank_name,
                    file=path.name,
                    record=part.account,
                )
                result.accounts.append(self._store(target, part, source_id))
        except Exception:
            # What was stored before the failure stays, under a source the report calls failed.
            with self.db.session() as session:
                store.set_source_result(
                    session, source_id, status="failed", message=None, period=None
                )
            raise
        days = [r.booking_date for part in parts for r in part.records if r.booking_date]
        messages = [
            f"{item.account_number}: {item.message}" for item in result.accounts if item.message
        ]

        period = (min(days), max(days)) if days else None
        result.outside_period = sum(
            1 for day in days if not case_period.start <= day <= case_period.end
        )
        status = "mismatch" if result.balance_check == "mismatch" else "complete"
        with self.db.session() as session:
            store.set_source_result(
                session,
                source_id,
                status=status,
                message="\n".join(messages) or None,
                period=period,
            )
            # the case's period grows with what the files cover, within the period the case
            # may look at by law: an old statement must not make it look fetched from then
            if period:
                first, last = max(period[0], case_period.start), min(period[1], case_period.end)
                if first <= last:
                    store.widen_case_period(session, self.case_id, first, last)
        log.info(
            "case %d: imported %s (%s): %d records, %d new",
            self.case_id,
            kind,
            digest[:12],
            result.records,
            result.new,
        )
        return result

    def _table_records(
        self,
        data: bytes,
        name: str,
        bank_org: str | None,
        mapping: tabular.ColumnMapping | None,
        remember: bool,
    ) -> list[tuple[str | None, TransactionRecord]]:
        if mapping is None and bank_org:
            with self.db.session() as session:
                stored = store.remembered_mapping(session, bank_org)
            remembered = tabular.ColumnMapping.from_dict(stored) if stored is not None else None
            # a bank makes more than one kind of export: the columns of one that the
            # remembered mapping does not fit are detected afresh, as the window does
            if remembered is not None and tabular.mapping_fits(data, remembered, name=name):
                mapping = remembered
        records = list(tabular.read_rows(data, mapping, name=name))
        if remember and bank_org:
            chosen = mapping or _detected(data, name)
            with self.db.session() as session:
                store.remember_mapping(session, bank_org, chosen.to_dict(), self.user)
        return records


def _by_account(
    rows: list[tuple[str | None, TransactionRecord]], given: str | None, file: str
) -> dict[str, list[TransactionRecord]]:
    """The rows of an export per account, each account's rows keyed (`with_keys`).

    An export with an account column may hold several accounts: each row goes to its own. A
    given account number takes the rows that name none, and must be the only one named.
    """
    named = {
        text: account_number_of("".join(ch for ch in text if ch not in ". "))
        for text in {account for account, _ in rows if account}
    }
    accounts = {number for number in named.values() if number}
    if given is not None and accounts - {given}:
        raise ImportTargetError(
            file,
            f"its rows name {len(accounts)} accounts, not only the one given; leave the "
            "account number out to file each row under its own account",
            "account",
        )
    if given is None and (not accounts or any(account is None for account, _ in rows)):
        raise ImportTargetError(file, "a bank export needs the account number", "account")
    grouped: dict[str, list[TransactionRecord]] = {}
    for account, record in rows:
        number = (named.get(account) if account else None) or given
        if not number:
            raise ImportTargetError(file, "a row names no account number", "account")
        grouped.setdefault(number, []).append(record)
    return {number: list(with_keys(records)) for number, records in grouped.items()}


def _statement_parts(
    data: bytes, name: str, account_number: str | None, bank_name: str | None
) -> list[AccountPart]:
    """The accounts of a camt file, each with its records keyed, its balances and findings."""
    parts = []
    for statement in camt.read_camt(data, name=name):
        named = account_number_of(statement.account.account_number)
        if account_number and named and named.replace(".", "") != account_number:
            # a statement's records belong to the account it names, never to another
            raise ImportTargetError(
                name,
                f"a statement is for account {named}, not for the account given "
                f"({account_number}); leave the account out to import it to its own",
            )
        number = account_number or named
        if not number:
            raise ImportTargetError(name, "a statement names no account")
        records = statement.keyed_transactions()
        currency = statement.account.currency or _one_currency(
            [r.currency for r in records]
            or [b.currency for b in (statement.opening, statement.closing) if b is not None]
        )
        parts.append(
            AccountPart(
                number,
                records,
                balances=statement.balances,
                account=replace(statement.account, currency=currency),
                bank_name=bank_name or statement.servicer_name,
                currency=currency,
                balance_check=statement.balance_check,
                message="; ".join(finding.message for finding in statement.findings) or None,
            )
        )
    return parts


def _export_currency(number: str, records: list[TransactionRecord]) -> str | None:
    """The currency of an account's rows in a bank export: the one its rows name, else NOK
    for a Norwegian account number (a Norwegian bank's export names none); None otherwise."""
    named = _one_currency([r.currency for r in records])
    if named is not None or any(r.currency for r in records):
        return named
    return NORWEGIAN_CURRENCY if number.isdigit() else None


def _one_currency(currencies: Iterable[str | None]) -> str | None:
    """The one currency all of these are in; None where they name none, or several."""
    named = {currency for currency in currencies if currency}
    return named.pop() if len(named) == 1 else None


def _balances_kept(
    balances: list[BalanceRecord], currency: str | None
) -> tuple[list[BalanceRecord], list[BalanceRecord]]:
    """(kept, left out): the statement balances the case keeps (`BALANCE_KINDS`), renamed as
    it keeps them, and those of them in another currency than the account's. A balance is the
    account's money in the account's currency; one in another currency cannot be added to the
    account's bookings nor summed with its balances."""
    kept: list[BalanceRecord] = []
    left_out: list[BalanceRecord] = []
    for balance in balances:
        if balance.kind not in BALANCE_KINDS:
            continue
        if currency is not None and balance.currency and balance.currency != currency:
            left_out.append(balance)
            continue
        kept.append(replace(balance, kind=BALANCE_KINDS[balance.kind]))
    return kept, left_out


def _detected(data: bytes, name: str) -> tabular.ColumnMapping:
    return tabular.preview(data, None, name=name, limit=1).mapping
