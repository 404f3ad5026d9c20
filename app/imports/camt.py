"""Reader for ISO 20022 bank-to-customer cash management files: camt.052, camt.053, camt.054.

One file holds one message (an account report, a statement or a debit/credit notification) of any
schema version 001.02 to 001.13, and one message may hold several statements for several accounts.
`iter_camt` yields one `Statement` per statement, report or notification as soon as it has been
read; `read_camt` returns them all. Each carries the account as an `AccountRecord`, its balances
as `BalanceRecord`s and its entries as `TransactionRecord`s with signed amounts (credit positive,
debit negative), and, for a camt.053, the result of checking opening + booked = closing.

Entries and transaction details
-------------------------------
An entry (Ntry) is one booking on the account. When it holds several transaction details
(NtryDtls/TxDtls) that each carry an amount in the entry's currency (TxDtls/Amt, or in 001.02
AmtDtls/TxAmt/Amt), each detail becomes one record, and where they do not add up to the entry
amount the difference becomes one more record ("charges" when the entry shows Chrgs), so the
records of an entry always add up to the entry. A detail amount counts only when it is in the
entry's currency; one in another currency cannot be set against the entry and is treated as
absent. A single detail without an amount takes the entry's amount. Several details of which any
lacks an amount cannot be split without inventing figures, so the entry stays one record and
their descriptions are joined.

Transaction keys
----------------
A key must be unique within the account and the same each time the file is imported:

1. The entry's AcctSvcrRef, the bank's own reference for the booking: `camt:<ref>` when the entry
   gives one record; `camt:<ref>/<n>` for the n-th detail (1-based, in file order) and
   `camt:<ref>/rest` for the difference record when it gives several. It comes before the
   details' own references because it is the one the account's bank assigns to this booking on
   this account, it is there whether or not the bank sends details (an intraday camt.052 often
   does not, the camt.053 of the same day does), and details carry references copied from the
   payment, which repeat.
2. Without it, a record from one detail uses the detail's own bank ids: `camt:ref:<AcctSvcrRef>`,
   else `camt:uetr:<UETR>`, else `camt:txid:<TxId>`. EndToEndId is never used: payers reuse it
   and send NOTPROVIDED.
3. Otherwise the key is `None`, and `app.domain.records.with_keys` gives the record a fingerprint
   (see `Statement.keyed_transactions`).

Should one statement repeat a key (a bank that reuses references), the second and later records
get `#2`, `#3`, ... appended, in file order. A key repeated in another statement of the file is
left alone: that is the same booking shown twice, which the store takes once.

Speed and memory: the file is fed in chunks to the C XML parser building into a tree that this
reader prunes as entries are completed, so memory holds the records and one chunk of XML, not the
document. Lines in error messages are found by a second, counting pass over the file that only
runs when there is an error. Building the tree takes more than half the time of a large import
and reading the entries the rest, so the entry code takes the cheapest steps the rules allow
(see "entries" in `_Reader`). lxml was measured as the alternative and is slower here: it parses
faster but each element it hands to Python costs two to three times as much, and an entry needs
most of its elements.

Bank files are untrusted input. The parser reads no external entity (a reference to one is an
error) and stops a document whose internal entities expand to many times its size (the protection
against "billion laughs" that expat has from version 2.4); the tests hold it to both.
"""

from __future__ import annotations

import gc
import io
import logging
import re
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from sys import intern
from typing import BinaryIO, NamedTuple
from xml.parsers import expat

from app.domain.clock import OSLO
from app.domain.money import TOO_LARGE, too_large
from app.domain.records import AccountRecord, BalanceRecord, TransactionRecord, with_keys
from app.imports.errors import (
    InvalidValueError,
    MalformedXmlError,
    MissingElementError,
    NotXmlError,
    StatementFileError,
    TruncatedFileError,
    UnsupportedMessageError,
)

log = logging.getLogger(__name__)

Source = str | Path | bytes | BinaryIO

FIRST_VERSION = 2
LAST_VERSION = 13
NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:"
_NAMESPACE = re.compile(r"urn:iso:std:iso:20022:tech:xsd:camt\.(05[234])\.001\.(\d{2})")

# message number -> (message element, statement element, what the statement is called)
MESSAGES = {
    "052": ("BkToCstmrAcctRpt", "Rpt", "report"),
    "053": ("BkToCstmrStmt", "Stmt", "statement"),
    "054": ("BkToCstmrDbtCdtNtfctn", "Ntfctn", "notification"),
}

_CHUNK = 64 * 1024
_AMOUNT = re.compile(r"\d{1,18}(?:\.\d{1,17})?")
_DETAILS_IN_JOINED_MESSAGE = 10

STATUS = {"BOOK": "booked", "PDNG": "pending", "INFO": "info", "FUTR": "pending"}
"""Entry status codes; a future-dated entry (FUTR, 001.08+) is not booked yet, so pending."""

BALANCE_KINDS = {
    "OPBD": "opening",
    "CLBD": "closing",
    "PRCD": "previouslyClosedBooked",
    "ITBD": "interimBooked",
    "OPAV": "openingAvailable",
    "CLAV": "closingAvailable",
    "ITAV": "interimAvailable",
    "FWAV": "forwardAvailable",
    "INFO": "information",
    "XPCD": "expected",
}
"""Balance type codes; PRCD stands in as the opening balance when a statement has no OPBD."""

# TODO: These names of the bank transaction codes reach the reports and the window in English;
# they need bokmål through the translation source, as the other core texts have.
DOMAINS = {
    "PMNT": "Payments",
    "CAMT": "Cash management",
    "ACMT": "Account management",
    "LDAS": "Loans, deposits and syndications",
    "FORX": "Foreign exchange",
    "SECU": "Securities",
    "DERV": "Derivatives",
    "TRAD": "Trade services",
    "CMDT": "Commodities",
    "PMET": "Precious metals",
    "XTND": "Extended domain",
}
FAMILIES = {
    "RCDT": "Received credit transfers",
    "ICDT": "Issued credit transfers",
    "RRCT": "Received real-time credit transfers",
    "IRCT": "Issued real-time credit transfers",
    "RDDT": "Received direct debits",
    "IDDT": "Issued direct debits",
    "CCRD": "Customer card transactions",
    "MCRD": "Merchant card transactions",
    "CNTR": "Counter transactions",
    "ICHQ": "Issued cheques",
    "RCHQ": "Received cheques",
    "DRFT": "Drafts",
    "CAPL": "Cash pooling",
    "ACCB": "Account balancing",
    "MCOP": "Miscellaneous credit operations",
    "MDOP": "Miscellaneous debit operations",
    "NTDP": "Notice deposits",
    "FTDP": "Fixed-term deposits",
    "FTLN": "Fixed-term loans",
    "OTHR": "Other",
    "NTAV": "Not available",
}
SUBFAMILIES = {
    "DMCT": "Domestic credit transfer",
    "ESCT": "SEPA credit transfer",
    "XBCT": "Cross-border credit transfer",
    "SALA": "Salary payment",
    "STDO": "Standing order",
    "BOOK": "Internal book transfer",
    "AUTT": "Automatic transfer",
    "PRCT": "Priority credit transfer",
    "SDVA": "Same-day value credit transfer",
    "VCOM": "Credit transfer with commercial information",
    "ESDD": "SEPA core direct debit",
    "BBDD": "SEPA B2B direct debit",
    "PMDD": "Direct debit",
    "CWDL": "Cash withdrawal",
    "CDPT": "Cash deposit",
    "POSD": "Point-of-sale payment (debit card)",
    "POSC": "Credit card payment",
    "SMRT": "Smart-card payment",
    "FCDP": "Foreign currency deposit",
    "FCWD": "Foreign currency withdrawal",
    "CHRG": "Charges",
    "FEES": "Fees",
    "COMM": "Commission",
    "INTR": "Interest",
    "TAXE": "Taxes",
    "ADJT": "Adjustments",
    "DAJT": "Credit adjustments",
    "RRTN": "Reversal due to return",
    "RPCR": "Reversal due to cancellation request",
    "OTHR": "Other",
    "NTAV": "Not available",
}


@dataclass(frozen=True, slots=True)
class MessageType:
    """Which camt message a file holds: `kind` `camt.053`, `version` 8 for camt.053.001.08."""

    kind: str
    version: int

    @property
    def schema(self) -> str:
        return f"{self.kind}.001.{self.version:02d}"


@dataclass(frozen=True, slots=True)
class BalanceMismatch:
    """A camt.053 whose opening balance plus its booked entries is not its closing balance."""

    opening: Decimal
    booked_total: Decimal
    expected_closing: Decimal
    closing: Decimal
    opening_currency: str | None
    closing_currency: str | None

    @property
    def difference(self) -> Decimal:
        """What the bank's closing balance is above (positive) or below the computed one."""
        return self.closing - self.expected_closing

    @property
    def message(self) -> str:
        text = (
            f"opening {self.opening} + booked entries {self.booked_total} = "
            f"{self.expected_closing}, but the closing balance is {self.closing}"
        )
        if self.opening_currency != self.closing_currency:
            text += f" (opening in {self.opening_currency}, closing in {self.closing_currency})"
        return text


Finding = BalanceMismatch


@dataclass(slots=True)
class Statement:
    """One statement (053), account report (052) or notification (054) for one account."""

    message: MessageType
    statement_id: str | None
    account: AccountRecord
    servicer_bic: str | None = None
    servicer_name: str | None = None
    message_id: str | None = None
    created: datetime | None = None
    period_from: datetime | None = None
    period_to: datetime | None = None
    sequence_number: str | None = None
    page: int | None = None
    opening: BalanceRecord | None = None
    closing: BalanceRecord | None = None
    balances: list[BalanceRecord] = field(default_factory=list)
    """Every balance of the statement, the opening and closing ones included."""
    transactions: list[TransactionRecord] = field(default_factory=list)
    entry_count: int = 0
    balance_checked: bool = False
    findings: list[Finding] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.message.kind

    @property
    def version(self) -> int:
        return self.message.version

    @property
    def balance_check(self) -> str:
        """`ok`, `mismatch`, or `not checked` (not a camt.053, or a balance is missing)."""
        if not self.balance_checked:
            return "not checked"
        if any(isinstance(f, BalanceMismatch) for f in self.findings):
            return "mismatch"
        return "ok"

    def keyed_transactions(self) -> list[TransactionRecord]:
        """The transactions with every missing key filled by `with_keys`."""
        return list(with_keys(self.transactions))


class _Problem(Exception):
    """Raised inside the reader; turned into a `StatementFileError` with file and line."""

    def __init__(
        self, kind: type[StatementFileError], problem: str, element: ET.Element | None
    ) -> None:
        super().__init__(problem)
        self.kind = kind
        self.problem = problem
        self.element = element


class _Tags:
    """Qualified tag names for one namespace: `t.Amt` is `{namespace}Amt`, built on first use."""

    def __init__(self, namespace: str, statement: str) -> None:
        self.ns = f"{{{namespace}}}"
        self.statement = f"{{{namespace}}}{statement}"
        self.entry_fields = _index(namespace, _ENTRY_FIELDS)
        self.detail_fields = _index(namespace, _DETAIL_FIELDS)
        self.references = {f"{{{namespace}}}{tag}": kind for tag, kind in _DETAIL_REFERENCES}

    def __getattr__(self, name: str) -> str:
        tag = self.ns + name
        setattr(self, name, tag)
        return tag


class _Found(Exception):
    """Stops the counting pass once the element is found."""


class _Located:
    """Finds the line of the n-th element by a counting pass over the file, for errors only."""

    def __init__(self, reopen: Callable[[], tuple[BinaryIO, bool] | None]) -> None:
        self._reopen = reopen

    def line_of(self, local_name: str, occurrence: int, offset: int) -> int | None:
        """The line where the `occurrence`-th `local_name` element (1-based) starts, or of the
        element `offset` starts after it in document order."""
        opened = self._reopen()
        if opened is None:
            return None
        stream, owned = opened
        parser = expat.ParserCreate(namespace_separator="}")
        seen = 0
        after = -1

        def start(name: str, _attrs: object) -> None:
            nonlocal seen, after
            if after >= 0:
                after += 1
            elif name.rpartition("}")[2] == local_name:
                seen += 1
                if seen == occurrence:
                    after = 0
            if after == offset:
                raise _Found

        parser.StartElementHandler = start
        try:
            parser.ParseFile(stream)
        except _Found:
            return parser.CurrentLineNumber
        except expat.ExpatError:
            return None
        finally:
            if owned:
                stream.close()
        return None


class _Reader:
    """Reads one camt file; `statements()` yields each statement when it is complete."""

    def __init__(self, source: Source, name: str | None) -> None:
        self.source = source
        self.name = name or _display_name(source)
        self.message_type: MessageType | None = None
        self.message_id: str | None = None
        self.t = _Tags("", "")  # replaced by `_identify` once the namespace is known
        self._dates: dict[str, date] = {}
        self._code_cache: dict[tuple, _CodesAndText] = {}
        self._statement_ordinal = 0
        self._entry_ordinal = 0
        self._records = 0

    # -- plumbing: opening, feeding, errors ------------------------------------------------

    def _open(self) -> BinaryIO:
        source = self.source
        if isinstance(source, bytes):
            return io.BytesIO(source)
        if isinstance(source, str | Path):
            try:
                return open(source, "rb")  # noqa: SIM115 - closed by the caller
            except OSError as exc:
                raise StatementFileError(self.name, f"cannot be opened: {exc.strerror}") from exc
        return source

    def _reopen(self) -> tuple[BinaryIO, bool] | None:
        """The file from its start for the line finder, and whether the finder must close it."""
        source = self.source
        if isinstance(source, bytes | str | Path):
            try:
                return self._open(), True
            except StatementFileError:
                return None
        try:
            source.seek(0)
        except (AttributeError, OSError, ValueError):
            return None
        return source, False

    def _error(
        self, problem: _Problem, anchor: tuple[str, int, ET.Element] | None
    ) -> StatementFileError:
        line = None
        if anchor is not None:
            local, occurrence, container = anchor
            offset = _preorder_offset(container, problem.element)
            if offset is not None:
                line = _Located(self._reopen).line_of(local, occurrence, offset)
        return problem.kind(self.name, problem.problem, line)

    def statements(self) -> Iterator[Statement]:
        started = time.perf_counter()
        count = 0
        stream = self._open()
        try:
            for statement in self._parse(stream):
                count += 1
                yield statement
        finally:
            if stream is not self.source:
                stream.close()
        log.info(
            "camt import: %s %s, %d statements, %d records in %.2f s",
            self.message_type.kind if self.message_type else "?",
            f"v{self.message_type.version:02d}" if self.message_type else "",
            count,
            self._records,
            time.perf_counter() - started,
        )

    def _parse(self, stream: BinaryIO) -> Iterator[Statement]:
        builder = ET.TreeBuilder()
        holder = builder.start("holder", {})
        parser = ET.XMLParser(target=builder)
        state = _MessageState()
        collector = _CollectorPause()
        collector.pause()
        try:
            chunk = stream.read(_CHUNK)
            self._check_looks_like_xml(chunk)
            while chunk:
                try:
                    parser.feed(chunk)
                except ET.ParseError as exc:
                    raise self._parse_error(exc, truncated=False) from None
                finished = list(self._drain(holder, state, final=False))
                if finished:
                    collector.resume()
                    yield from finished
                    collector.pause()
                chunk = stream.read(_CHUNK)
            try:
                parser.close()
            except ET.ParseError as exc:
                raise self._parse_error(exc, truncated=True) from None
            finished = list(self._drain(holder, state, final=True))
        finally:
            collector.resume()
        yield from finished
        if self.message_type is None:
            raise NotXmlError(self.name, "holds no XML element")
        if self._statement_ordinal == 0:
            what = MESSAGES[self.message_type.kind[-3:]]
            raise MissingElementError(
                self.name,
                f"the {what[0]} message holds no {what[2]} ({what[1]})",
                _Located(self._reopen).line_of(what[0], 1, 0),
            )

    def _check_looks_like_xml(self, chunk: bytes) -> None:
        head = chunk.lstrip(b"\xef\xbb\xbf \t\r\n")
        if not head:
            raise NotXmlError(self.name, "is empty")
        if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:2] in (b"<\x00", b"\x00<"):
            return  # UTF-16: the XML parser decides
        if not head.startswith(b"<"):
            raise NotXmlError(self.name, "is not an XML file (it does not start with '<')", 1)

    def _parse_error(self, exc: ET.ParseError, truncated: bool) -> StatementFileError:
        line, _column = exc.position
        reason = expat.ErrorString(exc.code) if exc.code else str(exc)
        if truncated:
            return TruncatedFileError(
                self.name,
                f"the XML ends before the document is complete ({reason}); "
                "the file may be truncated",
                line,
            )
        if line == 1 and exc.code == expat.errors.codes[expat.errors.XML_ERROR_SYNTAX]:
            return NotXmlError(self.name, f"is not an XML file ({reason})", line)
        return MalformedXmlError(self.name, f"is not well-formed XML: {reason}", line)

    # -- walking the growing tree ---------------------------------------------------------

    def _drain(self, holder: ET.Element, state: _MessageState, final: bool) -> Iterator[Statement]:
        if not len(holder):
            return
        document = holder[0]
        if self.message_type is None:
            self._identify(document)
        if not len(document):
            if final:
                raise self._error(
                    _Problem(MissingElementError, self._missing_message(), document),
                    ("Document", 1, document),
                )
            return
        message = document[0]
        if state.message is None:
            self._check_message_element(message, document)
            state.message = message
        yield from self._drain_message(message, state, final)

    def _identify(self, document: ET.Element) -> None:
        namespace, _, local = document.tag[1:].partition("}")
        if not document.tag.startswith("{"):
            namespace, local = "", document.tag
        match = _NAMESPACE.fullmatch(namespace)
        if match is None:
            what = f"namespace '{namespace}'" if namespace else "no namespace"
            raise UnsupportedMessageError(
                self.name,
                f"is not a camt.052, camt.053 or camt.054 message ({local} with {what})",
                _Located(self._reopen).line_of(local, 1, 0),
            )
        number, version = match.group(1), int(match.group(2))
        if not FIRST_VERSION <= version <= LAST_VERSION:
            raise UnsupportedMessageError(
                self.name,
                f"camt.{number}.001.{version:02d} is not a supported version "
                f"(001.{FIRST_VERSION:02d} to 001.{LAST_VERSION:02d})",
                _Located(self._reopen).line_of(local, 1, 0),
            )
        self.message_type = MessageType(f"camt.{number}", version)
        self.t = _Tags(namespace, MESSAGES[number][1])
        self._message_tag = f"{{{namespace}}}{MESSAGES[number][0]}"

    def _missing_message(self) -> str:
        return f"the document holds no {_local(self._message_tag)} message"

    def _check_message_element(self, message: ET.Element, document: ET.Element) -> None:
        if message.tag != self._message_tag:
            problem = _Problem(
                UnsupportedMessageError,
                f"expected {_local(self._message_tag)} but found {_local(message.tag)}",
                message,
            )
            raise self._error(problem, ("Document", 1, document))

    def _drain_message(
        self, message: ET.Element, state: _MessageState, final: bool
    ) -> Iterator[Statement]:
        t = self.t
        while len(message):
            child = message[0]
            complete = final or len(message) > 1
            if child.tag == t.statement:
                if state.statement is None or state.statement.element is not child:
                    self._statement_ordinal += 1
                    state.statement = _StatementState(child, self._statement_ordinal)
                self._advance(state.statement, complete)
                if not complete:
                    return
                yield self._finish(state.statement)
                state.statement = None
            elif not complete:
                return
            elif child.tag == t.GrpHdr:
                self.message_id = _text(child, t.MsgId)
            del message[0]

    def _advance(self, st: _StatementState, complete: bool) -> None:
        element = st.element
        t = self.t
        if st.statement is None:
            first_entry = next((i for i, c in enumerate(element) if c.tag == t.Ntry), None)
            if first_entry is None and not complete:
                return
            try:
                st.statement = self._header(element)
            except _Problem as problem:
                raise self._error(problem, (_local(t.statement), st.ordinal, element)) from None
            del element[: first_entry if first_entry is not None else len(element)]
        usable = len(element) if complete else len(element) - 1
        if usable <= 0:
            return
        statement = st.statement
        append = statement.transactions.append
        seen = st.keys
        entry_tag = t.Ntry
        read_entry = self._entry
        for entry in element[:usable]:
            if entry.tag != entry_tag:
                continue
            self._entry_ordinal += 1
            try:
                records = read_entry(entry)
            except _Problem as problem:
                raise self._error(problem, ("Ntry", self._entry_ordinal, entry)) from None
            for record in records:
                key = record.key
                if key is not None:
                    if key in seen:
                        record = _repeated(st, record)
                    seen.add(key)
                append(record)
            statement.entry_count += 1
        del element[:usable]

    def _finish(self, st: _StatementState) -> Statement:
        statement = st.statement
        assert statement is not None
        self._records += len(statement.transactions)
        if (
            statement.message.kind == "camt.053"
            and statement.opening is not None
            and statement.closing is not None
        ):
            statement.balance_checked = True
            booked = sum(
                (r.amount for r in statement.transactions if r.status == "booked"), Decimal(0)
            )
            expected = statement.opening.amount + booked
            opening, closing = statement.opening, statement.closing
            if expected != closing.amount or opening.currency != closing.currency:
                statement.findings.append(
                    BalanceMismatch(
                        opening=opening.amount,
                        booked_total=booked,
                        expected_closing=expected,
                        closing=closing.amount,
                        opening_currency=opening.currency,
                        closing_currency=closing.currency,
                    )
                )
        return statement

    # -- statement header -------------------------------------------------------------------

    def _header(self, element: ET.Element) -> Statement:
        t = self.t
        assert self.message_type is not None
        period = element.find(t.FrToDt)
        pages = (element.find(tag) for tag in (t.StmtPgntn, t.RptPgntn, t.NtfctnPgntn))
        page = next((p for p in pages if p is not None), None)
        account_element = element.find(t.Acct)
        if account_element is None:
            raise _Problem(MissingElementError, self._no("account (Acct)", element), element)
        account, bic, bank = self._account(account_element)
        statement = Statement(
            message=self.message_type,
            statement_id=_text(element, t.Id),
            account=account,
            servicer_bic=bic,
            servicer_name=bank,
            message_id=self.message_id,
            created=self._datetime_or_none(element.find(t.CreDtTm)),
            period_from=self._datetime_or_none(_find(period, t.FrDtTm)),
            period_to=self._datetime_or_none(_find(period, t.ToDtTm)),
            sequence_number=_text(element, t.ElctrncSeqNb) or _text(element, t.LglSeqNb),
            page=self._page(page),
        )
        self._balances(statement, element.findall(t.Bal))
        return statement

    def _no(self, what: str, element: ET.Element) -> str:
        return f"{_local(element.tag)} has no {what}"

    def _page(self, page: ET.Element | None) -> int | None:
        text = _text(page, self.t.PgNb) if page is not None else None
        return int(text) if text and text.isdigit() else None

    def _account(self, element: ET.Element) -> tuple[AccountRecord, str | None, str | None]:
        t = self.t
        number = _account_id(element, t)
        if number is None:
            raise _Problem(
                MissingElementError, "the account (Acct) has no Id/IBAN or Id/Othr/Id", element
            )
        owner = element.find(t.Ownr)
        kind = element.find(t.Tp)
        servicer = _find(element.find(t.Svcr), t.FinInstnId)
        account = AccountRecord(
            account_number=number,
            type=(_text(kind, t.Cd) or _text(kind, t.Prtry)) if kind is not None else None,
            currency=_text(element, t.Ccy),
            name=_text(element, t.Nm),
            owner_name=_party_name(owner, t),
            owner_id=_party_id(owner, t),
        )
        bic = None
        if servicer is not None:
            bic = _text(servicer, t.BICFI) or _text(servicer, t.BIC)
        return account, bic, _text(servicer, t.Nm) if servicer is not None else None

    def _balances(self, statement: Statement, elements: list[ET.Element]) -> None:
        t = self.t
        coded: list[tuple[str, BalanceRecord]] = []
        for element in elements:
            kind_choice = _find(element.find(t.Tp), t.CdOrPrtry)
            code = _text(kind_choice, t.Cd)
            if code is None:
                prtry = _text(kind_choice, t.Prtry)
                if prtry is None:
                    raise _Problem(
                        MissingElementError, "the balance has no type (Tp/CdOrPrtry)", element
                    )
                kind = f"other:{prtry}"
            else:
                kind = BALANCE_KINDS.get(code, f"other:{code}")
            amount_element = element.find(t.Amt)
            if amount_element is None:
                raise _Problem(MissingElementError, "the balance has no amount (Amt)", element)
            amount, currency = self._money(amount_element)
            debit = self._debit(element)
            when = element.find(t.Dt)
            if when is None:
                raise _Problem(MissingElementError, "the balance has no date (Dt)", element)
            as_of, registered = self._date_choice(when)
            if as_of is None:
                raise _Problem(MissingElementError, "the balance date has no Dt or DtTm", when)
            line = element.find(t.CdtLine)
            line_amount = _find(line, t.Amt)
            line_money = self._money(line_amount) if line_amount is not None else (None, None)
            record = BalanceRecord(
                kind=kind,
                amount=-amount if debit else amount,
                currency=currency,
                as_of=as_of,
                registered=registered,
                credit_line_included=_bool(_text(line, t.Incl)),
                credit_line_amount=line_money[0],
                credit_line_currency=line_money[1],
            )
            coded.append((code or "", record))
        codes = {code for code, _ in coded}
        for code, record in coded:
            if code == "OPBD" or (code == "PRCD" and "OPBD" not in codes):
                if statement.opening is None:
                    record = replace(record, kind="opening")
                    statement.opening = record
            elif code == "CLBD" and statement.closing is None:
                statement.closing = record
            statement.balances.append(record)

    # -- entries ---------------------------------------------------------------------------
    # The hot path of a large import, where every Python step shows. An entry's and a detail's
    # children are picked in one pass over them (`_pick`), which costs less than a `find` per
    # child wanted or a dict of them all; common forms are read first, the careful way after.

    def _entry(self, entry: ET.Element) -> list[TransactionRecord]:
        t = self.t
        (
            amount_element,
            indicator,
            reversal,
            status,
            booking,
            value,
            entry_ref_element,
            code_element,
            amount_details,
            card_tx,
            info,
            entry_id_element,
            charges,
        ) = _pick(entry, t.entry_fields)
        if amount_element is None:
            raise _Problem(MissingElementError, "the entry (Ntry) has no amount (Amt)", entry)
        amount, currency = self._money(amount_element)
        debit = self._indicator(indicator, entry)
        signed = -amount if debit else amount
        status_name = self._status(status, entry)
        booking_date, registered = self._date_choice(booking)
        entry_ref = _value(entry_ref_element)
        references: tuple[tuple[str, str], ...] = (
            (("accountServicerReference", entry_ref),) if entry_ref else ()
        )
        if entry_id_element is not None:
            entry_id = _value(entry_id_element)
            if entry_id:
                references += (("entryReference", entry_id),)
        common = _Common(
            booking_date,
            currency,
            status_name,
            self._day(value) if value is not None else None,
            registered,
            reversal is not None and _value(reversal) in ("true", "1"),
            self._codes(code_element),
            _value(info) if info is not None else None,
            references,
        )
        entry_key = f"camt:{entry_ref}" if entry_ref else None
        blocks = entry.findall(t.NtryDtls)
        if len(blocks) == 1:
            details = blocks[0].findall(t.TxDtls)
        else:
            details = [tx for block in blocks for tx in block.findall(t.TxDtls)]

        if not details:
            return [
                common.record(
                    entry_key,
                    signed,
                    card=self._card(card_tx) if card_tx is not None else None,
                    foreign=self._foreign(amount_details, currency, debit)
                    if amount_details is not None
                    else _NO_FOREIGN,
                )
            ]

        amounts: list[Decimal | None]
        detail_fields = t.detail_fields
        parts = [_pick(tx, detail_fields) for tx in details]
        if len(details) == 1:
            part = parts[0]
            detail_amount = (
                None
                if part[_D_AMT] is None and part[_D_AMTDTLS] is None
                else self._detail_amount(part, details[0], currency, debit)
            )
            if detail_amount is None or detail_amount == signed:
                return [self._from_detail(common, part, signed, debit, entry_key)]
            amounts = [detail_amount]
        else:
            amounts = [
                self._detail_amount(part, tx, currency, debit)
                for part, tx in zip(parts, details, strict=True)
            ]
            if None in amounts:
                return [self._joined(common, parts, signed, debit, entry_key)]

        records = []
        for index, (part, detail_amount) in enumerate(zip(parts, amounts, strict=True), 1):
            assert detail_amount is not None
            key = f"{entry_key}/{index}" if entry_key else None
            records.append(self._from_detail(common, part, detail_amount, debit, key))
        rest = signed - sum(amounts)  # type: ignore[arg-type]
        if rest:
            charged = charges is not None or any(part[_D_CHRGS] is not None for part in parts)
            records.append(
                common.record(
                    f"{entry_key}/rest" if entry_key else None,
                    rest,
                    message=CHARGES_MESSAGE if charged else DIFFERENCE_MESSAGE,
                )
            )
        return records

    def _from_detail(
        self,
        common: _Common,
        part: list[ET.Element | None],
        amount: Decimal,
        entry_debit: bool,
        key: str | None,
    ) -> TransactionRecord:
        """One record from one transaction detail, whose children `_pick` put in `part`;
        `key` None means: use the detail's ids."""
        t = self.t
        refs, _, _, amount_details, code_element, _, parties, remittance, additional, card_tx = part
        debit = amount < 0 if amount else entry_debit
        references, own_key = _detail_references(refs, t, key is None)
        message, reference, remittance_refs = _remittance(remittance, t, additional)
        return common.record(
            key or own_key,
            amount,
            message=message,
            reference=reference,
            party=_counterparty(parties, t, (not debit) != common.reversal),
            references=references + remittance_refs if remittance_refs else references,
            card=self._card(card_tx) if card_tx is not None else None,
            codes=self._codes(code_element) if code_element is not None else None,
            foreign=self._foreign(amount_details, common.currency, debit)
            if amount_details is not None
            else _NO_FOREIGN,
        )

    def _joined(
        self,
        common: _Common,
        parts: list[list[ET.Element | None]],
        amount: Decimal,
        debit: bool,
        key: str | None,
    ) -> TransactionRecord:
        """One record for an entry whose details cannot be given amounts of their own."""
        t = self.t
        incoming = (not debit) != common.reversal
        messages: list[str] = []
        parties: set[tuple[str | None, str | None, str | None]] = set()
        references: set[str] = set()
        for part in parts:
            message, reference, _ = _remittance(part[_D_RMTINF], t, part[_D_ADDTL])
            if message and message not in messages:
                messages.append(message)
            if reference:
                references.add(reference)
            parties.add(_counterparty(part[_D_PARTIES], t, incoming))
        shown = messages[:_DETAILS_IN_JOINED_MESSAGE]
        if len(messages) > len(shown):
            shown.append(f"(and {len(messages) - len(shown)} more)")
        return common.record(
            key,
            amount,
            message="; ".join(shown) or None,
            reference=references.pop() if len(references) == 1 else None,
            party=parties.pop() if len(parties) == 1 else _NO_PARTY,
        )

    def _detail_amount(
        self, part: list[ET.Element | None], tx: ET.Element, currency: str, entry_debit: bool
    ) -> Decimal | None:
        """The detail's signed amount in the entry currency, or None where it gives none."""
        t = self.t
        own, amount_details = part[_D_AMT], part[_D_AMTDTLS]
        if own is None and amount_details is None:
            return None
        for element in (own, _find(_find(amount_details, t.TxAmt), t.Amt)):
            if element is None or element.get("Ccy") != currency:
                continue
            amount, _ = self._money(element)
            indicator = part[_D_CDTDBT]
            debit = entry_debit if indicator is None else self._indicator(indicator, tx)
            return -amount if debit else amount
        return None

    def _foreign(
        self, details: ET.Element | None, currency: str | None, debit: bool
    ) -> tuple[Decimal | None, str | None, Decimal | None]:
        """Original amount, currency and exchange rate where AmtDtls/InstdAmt is in another
        currency than the account's entry."""
        if details is None:
            return _NO_FOREIGN
        t = self.t
        instructed = details.find(t.InstdAmt)
        amount_element = _find(instructed, t.Amt)
        if amount_element is None or amount_element.get("Ccy") == currency:
            return _NO_FOREIGN
        rate_text = None
        for part in (instructed, details.find(t.TxAmt), details.find(t.CntrValAmt)):
            rate_text = _text(_find(part, t.CcyXchg), t.XchgRate)
            if rate_text:
                break
        amount, original_currency = self._money(amount_element)
        rate = self._rate(rate_text, instructed) if rate_text else None
        return (-amount if debit else amount), original_currency, rate

    def _rate(self, text: str, element: ET.Element | None) -> Decimal:
        if not _AMOUNT.fullmatch(text):
            raise _Problem(InvalidValueError, f"{text!r} is not an exchange rate", element)
        return Decimal(text)

    def _card(self, card_tx: ET.Element | None) -> str | None:
        if card_tx is None:
            return None
        t = self.t
        card = card_tx.find(t.Card)
        plain = _find(card, t.PlainCardData)
        return _text(plain, t.PAN) or _text(card, t.MskdPAN)

    def _codes(self, element: ET.Element | None) -> _CodesAndText:
        """Domain, family, sub-family and proprietary code of a BkTxCd, as the bank wrote them,
        and their `code_text`.

        A statement repeats a few codes thousands of times: in the usual forms of the element
        its texts decide the answer, which is kept by them (`_code_key`)."""
        if element is None:
            return _NO_CODES
        key = _code_key(element, self.t)
        cached = self._code_cache.get(key) if key is not None else None
        if cached is not None:
            return cached
        codes = self._read_codes(element)
        found = (*codes, code_text(codes))
        if key is not None and len(self._code_cache) < 1_000:
            self._code_cache[key] = found
        return found

    def _read_codes(self, element: ET.Element) -> _Codes:
        t = self.t
        domain = element.find(t.Domn)
        proprietary = element.find(t.Prtry)
        proprietary_code = _value(proprietary.find(t.Cd)) if proprietary is not None else None
        if domain is None:
            return None, None, None, proprietary_code
        family = domain.find(t.Fmly)
        if family is None:
            return _value(domain.find(t.Cd)), None, None, proprietary_code
        return (
            _value(domain.find(t.Cd)),
            _value(family.find(t.Cd)),
            _value(family.find(t.SubFmlyCd)),
            proprietary_code,
        )

    def _status(self, element: ET.Element | None, entry: ET.Element) -> str:
        t = self.t
        if element is None:
            raise _Problem(MissingElementError, "the entry (Ntry) has no status (Sts)", entry)
        first = element[0] if len(element) else element  # Sts/Cd from 001.07 on, else Sts
        status = STATUS.get(first.text)  # type: ignore[arg-type]
        if status is not None:
            return status
        code = (element.text or "").strip()
        if not code and len(element):
            status = STATUS.get(element[0].text)  # type: ignore[arg-type]
            if status is not None:
                return status
        if not code:
            code = _text(element, t.Cd) or _text(element, t.Prtry) or ""
        if not code:
            raise _Problem(MissingElementError, "the entry status (Sts) is empty", element)
        return STATUS.get(code, "unknown")

    # -- values ----------------------------------------------------------------------------

    def _money(self, element: ET.Element) -> tuple[Decimal, str]:
        text = (element.text or "").strip()
        if not _AMOUNT.fullmatch(text):
            raise _Problem(
                InvalidValueError,
                f"{text!r} in {_local(element.tag)} is not an amount "
                "(an unsigned decimal such as 1234.50)",
                element,
            )
        currency = element.get("Ccy")
        if not currency:
            raise _Problem(MissingElementError, f"the amount {text} has no currency (Ccy)", element)
        amount = Decimal(text)
        if too_large(amount):
            raise _Problem(
                InvalidValueError, f"{text!r} in {_local(element.tag)} {TOO_LARGE}", element
            )
        return amount, intern(currency)

    def _debit(self, element: ET.Element) -> bool:
        return self._indicator(element.find(self.t.CdtDbtInd), element)

    def _indicator(self, indicator: ET.Element | None, element: ET.Element) -> bool:
        """True for DBIT, False for CRDT; `element` is the one that should hold it."""
        if indicator is not None:
            text = indicator.text
            if text == "DBIT":
                return True
            if text == "CRDT":
                return False
        if indicator is None:
            raise _Problem(
                MissingElementError,
                f"{_local(element.tag)} has no credit/debit indicator (CdtDbtInd)",
                element,
            )
        text = (indicator.text or "").strip()
        if text == "DBIT":
            return True
        if text == "CRDT":
            return False
        raise _Problem(
            InvalidValueError, f"{text!r} is not a credit/debit indicator (CRDT, DBIT)", indicator
        )

    def _date_choice(self, element: ET.Element | None) -> tuple[date | None, datetime | None]:
        """A DateAndDateTimeChoice: the date (local, as the bank wrote it) and, from DtTm,
        the instant in UTC."""
        if element is None:
            return None, None
        t = self.t
        if len(element):
            first = element[0]
            if first.tag == t.Dt:
                cached = self._dates.get(first.text)  # type: ignore[arg-type]
                return (cached if cached is not None else self._date(first)), None
        day = element.find(t.Dt)
        if day is not None:
            return self._date(day), None
        moment = element.find(t.DtTm)
        if moment is not None:
            local = self._datetime(moment, utc=False)
            return local.date(), local.astimezone(UTC)
        return None, None

    def _day(self, element: ET.Element) -> date | None:
        """The date of a DateAndDateTimeChoice, quickly when it is a Dt seen before."""
        if len(element):
            first = element[0]
            if first.tag == self.t.Dt:
                cached = self._dates.get(first.text)  # type: ignore[arg-type]
                if cached is not None:
                    return cached
        return self._date_choice(element)[0]

    def _date(self, element: ET.Element) -> date:
        text = (element.text or "").strip()
        cached = self._dates.get(text)
        if cached is not None:
            return cached
        try:
            value = date.fromisoformat(text[:10])
        except ValueError:
            raise _Problem(
                InvalidValueError, f"{text!r} is not a date (YYYY-MM-DD)", element
            ) from None
        if len(self._dates) < 10_000:
            self._dates[element.text] = value  # type: ignore[index]
        return value

    def _datetime(self, element: ET.Element, utc: bool = True) -> datetime:
        """An ISO 8601 date and time; one without an offset is taken as Norwegian time."""
        text = (element.text or "").strip()
        try:
            value = datetime.fromisoformat(text)
        except ValueError:
            raise _Problem(
                InvalidValueError, f"{text!r} is not a date and time (ISO 8601)", element
            ) from None
        if value.tzinfo is None:
            value = value.replace(tzinfo=OSLO)
        return value.astimezone(UTC) if utc else value

    def _datetime_or_none(self, element: ET.Element | None) -> datetime | None:
        return self._datetime(element) if element is not None else None


_Codes = tuple[str | None, str | None, str | None, str | None]
_CodesAndText = tuple[str | None, str | None, str | None, str | None, str | None]
_NO_FOREIGN: tuple[Decimal | None, str | None, Decimal | None] = (None, None, None)
_NO_CODES: _CodesAndText = (None, None, None, None, None)


@lru_cache(maxsize=1024)
def code_text(codes: _Codes) -> str | None:
    """A readable text for a bank transaction code: the ISO names where this module knows them,
    the raw codes otherwise, and the proprietary code after a semicolon."""
    domain, family, subfamily, proprietary = codes
    names = [
        table.get(code, code)
        for table, code in ((DOMAINS, domain), (FAMILIES, family), (SUBFAMILIES, subfamily))
        if code
    ]
    text = " / ".join(names)
    if proprietary:
        text = f"{text}; {proprietary}" if text else proprietary
    return text or None


CHARGES_MESSAGE = "Charges: the part of the entry that its transaction details do not cover"
DIFFERENCE_MESSAGE = "Unassigned difference between the entry amount and its transaction details"


class _Common(NamedTuple):
    """What every record of one entry shares; `record` builds one record in one call."""

    booking_date: date | None
    currency: str
    status: str
    value_date: date | None
    registered: datetime | None
    reversal: bool
    codes: _CodesAndText
    message: str | None
    references: tuple[tuple[str, str], ...]

    def record(
        self,
        key: str | None,
        amount: Decimal,
        *,
        message: str | None = None,
        codes: _CodesAndText | None = None,
        references: tuple[tuple[str, str], ...] = (),
        reference: str | None = None,
        party: tuple[str | None, str | None, str | None] = (None, None, None),
        card: str | None = None,
        foreign: tuple[Decimal | None, str | None, Decimal | None] = (None, None, None),
    ) -> TransactionRecord:
        """One record of the entry, with the detail's codes where it has its own.

        `TransactionRecord` is a frozen dataclass, whose `__init__` sets each of its 23 fields
        through `object.__setattr__`: that costs more than reading the entry. The record is
        filled as a `_RecordDraft`, which has the same slots and is not frozen, and then takes
        its class, which Python allows between classes of the same layout; the result is the
        record `TransactionRecord(...)` would give (`_check_record_draft` makes sure)."""
        entry_codes = self.codes
        if codes is None or codes == _NO_CODES:
            codes = entry_codes
        elif codes != entry_codes:
            merged = (
                (codes[0], codes[1], codes[2])
                if codes[0]
                else (entry_codes[0], entry_codes[1], entry_codes[2])
            ) + (codes[3] or entry_codes[3],)
            codes = (*merged, code_text(merged))
        record = _new(_RecordDraft)
        record.key = key
        record.booking_date = self.booking_date
        record.amount = amount
        record.currency = self.currency
        record.status = self.status
        record.value_date = self.value_date
        record.registered = self.registered
        record.reversal = self.reversal
        record.code_domain, record.code_family, record.code_subfamily = codes[:3]
        record.code_text = codes[4]
        record.counterparty_name, record.counterparty_account, record.counterparty_id = party
        record.merchant = None  # camt has none
        record.message = message or self.message
        record.reference = reference
        record.references = self.references + references if references else self.references
        record.card = card
        record.original_amount, record.original_currency, record.exchange_rate = foreign
        record.__class__ = TransactionRecord
        return record  # type: ignore[return-value]


class _RecordDraft:
    """A TransactionRecord being filled in: the same slots, not frozen (see `_Common.record`)."""

    __slots__ = TransactionRecord.__slots__


_new = object.__new__


_RECORD_FIELDS = (
    "key",
    "booking_date",
    "amount",
    "currency",
    "status",
    "value_date",
    "registered",
    "reversal",
    "code_domain",
    "code_family",
    "code_subfamily",
    "code_text",
    "counterparty_name",
    "counterparty_account",
    "counterparty_id",
    "merchant",
    "message",
    "reference",
    "references",
    "card",
    "original_amount",
    "original_currency",
    "exchange_rate",
)
if tuple(f.name for f in fields(TransactionRecord)) != _RECORD_FIELDS:
    raise ImportError(
        "TransactionRecord's fields changed: update _Common.record, which passes "
        "them by position in the order of _RECORD_FIELDS"
    )


def _check_record_draft() -> None:
    """Refuse to load where `_Common.record` would not build what `TransactionRecord` does:
    a field it does not fill, or a record class that checks or converts its fields."""
    common = _Common(None, "NOK", "booked", None, None, False, _NO_CODES, None, ())
    draft = common.record("key", Decimal(1))
    if (
        hasattr(TransactionRecord, "__post_init__")
        or any(not hasattr(draft, name) for name in _RECORD_FIELDS)
        or draft != TransactionRecord("key", None, Decimal(1), "NOK")
    ):
        raise ImportError("TransactionRecord changed: update _Common.record")


_check_record_draft()


@dataclass(slots=True)
class _StatementState:
    element: ET.Element
    ordinal: int
    statement: Statement | None = None
    keys: set[str] = field(default_factory=set)
    repeats: Counter[str] = field(default_factory=Counter)


def _repeated(st: _StatementState, record: TransactionRecord) -> TransactionRecord:
    """A record whose key an earlier record of the statement has: `#2`, `#3`, ... appended."""
    assert record.key is not None
    st.repeats[record.key] += 1
    key = f"{record.key}#{st.repeats[record.key] + 1}"
    st.keys.add(key)
    return replace(record, key=key)


@dataclass(slots=True)
class _MessageState:
    message: ET.Element | None = None
    statement: _StatementState | None = None


class _CollectorPause:
    """Pauses the cyclic garbage collector while the reader parses, between the statements it
    hands out.

    Parsing creates millions of short-lived elements, and every few hundred allocations would
    start a collection that walks the records read so far: that more than doubles the time of a
    large import. Nothing here makes reference cycles, so reference counting frees it all. The
    collector runs again whenever a statement is handed to the caller and when the reader ends
    or fails; if it was off to begin with, it stays off.
    """

    def __init__(self) -> None:
        self._paused = False

    def pause(self) -> None:
        if gc.isenabled():
            gc.disable()
            self._paused = True

    def resume(self) -> None:
        if self._paused:
            gc.enable()
            self._paused = False


# -- small helpers, free functions for speed ------------------------------------------------


_ENTRY_FIELDS = (
    "Amt",
    "CdtDbtInd",
    "RvslInd",
    "Sts",
    "BookgDt",
    "ValDt",
    "AcctSvcrRef",
    "BkTxCd",
    "AmtDtls",
    "CardTx",
    "AddtlNtryInf",
    "NtryRef",
    "Chrgs",
)
_DETAIL_FIELDS = (
    "Refs",
    "Amt",
    "CdtDbtInd",
    "AmtDtls",
    "BkTxCd",
    "Chrgs",
    "RltdPties",
    "RmtInf",
    "AddtlTxInf",
    "CardTx",
)
_D_REFS, _D_AMT, _D_CDTDBT, _D_AMTDTLS, _D_BKTXCD, _D_CHRGS = range(6)
_D_PARTIES, _D_RMTINF, _D_ADDTL, _D_CARD = range(6, 10)


def _index(namespace: str, names: tuple[str, ...]) -> dict[str, int]:
    """Qualified tag -> position, for `_pick`."""
    return {f"{{{namespace}}}{name}": position for position, name in enumerate(names)}


def _pick(element: ET.Element, index: dict[str, int]) -> list[ET.Element | None]:
    """The children named in `index`, in its order, in one pass over the element; of children
    with the same name the last, as a dict of the children by tag would hold."""
    found: list[ET.Element | None] = [None] * len(index)
    get = index.get
    for child in element:
        position = get(child.tag)
        if position is not None:
            found[position] = child
    return found


def _value(element: ET.Element | None) -> str | None:
    if element is None:
        return None
    text = element.text
    if text is None:
        return None
    return text.strip() or None


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _find(element: ET.Element | None, tag: str) -> ET.Element | None:
    return element.find(tag) if element is not None else None


def _text(element: ET.Element | None, tag: str) -> str | None:
    if element is None:
        return None
    child = element.find(tag)
    if child is None or child.text is None:
        return None
    return child.text.strip() or None


def _code_key(element: ET.Element, t: _Tags) -> tuple | None:
    """The texts that decide the codes of a BkTxCd in one of its usual forms: Domn holding Cd
    and Fmly (holding Cd and SubFmlyCd), and or or Prtry holding Cd first. None for any other
    form, which is read the careful way each time. `_read_codes` finds in these forms exactly
    the elements read here, so equal keys give equal codes."""
    count = len(element)
    if not 0 < count <= 2:
        return None
    first = element[0]
    if first.tag == t.Domn:
        if len(first) < 2:
            return None
        code, family = first[0], first[1]
        if code.tag != t.Cd or family.tag != t.Fmly or len(family) < 2:
            return None
        family_code, subfamily = family[0], family[1]
        if family_code.tag != t.Cd or subfamily.tag != t.SubFmlyCd:
            return None
        domain = (code.text, family_code.text, subfamily.text)
        if count == 1:
            return domain
        proprietary = element[1]
    elif count == 1:
        domain, proprietary = None, first
    else:
        return None
    if proprietary.tag != t.Prtry or not len(proprietary) or proprietary[0].tag != t.Cd:
        return None
    return domain, proprietary[0].text


def _bool(text: str | None) -> bool | None:
    if text is None:
        return None
    return text in ("true", "1")


def _display_name(source: Source) -> str:
    if isinstance(source, str | Path):
        return Path(source).name
    if isinstance(source, bytes):
        return "<bytes>"
    name = getattr(source, "name", None)
    return Path(name).name if isinstance(name, str) else "<stream>"


def _preorder_offset(container: ET.Element, target: ET.Element | None) -> int | None:
    if target is None:
        return None
    for offset, element in enumerate(container.iter()):
        if element is target:
            return offset
    return None


def _account_id(account: ET.Element | None, t: _Tags) -> str | None:
    identification = _find(account, t.Id)
    if identification is None:
        return None
    return _text(identification, t.IBAN) or _text(identification.find(t.Othr), t.Id)


def _party(party: ET.Element | None, t: _Tags) -> ET.Element | None:
    """The party itself: 001.08+ wraps it in Pty (or Agt for a bank)."""
    if party is None:
        return None
    inner = party.find(t.Pty)
    if inner is not None:
        return inner
    if len(party) == 1:
        agent = party.find(t.Agt)
        if agent is not None:
            return agent.find(t.FinInstnId)
    return party


def _party_name(party: ET.Element | None, t: _Tags) -> str | None:
    return _text(_party(party, t), t.Nm)


def _party_id(party: ET.Element | None, t: _Tags) -> str | None:
    identification = _find(_party(party, t), t.Id)
    return _identification(identification, t) if identification is not None else None


def _identification(identification: ET.Element, t: _Tags) -> str | None:
    """A party's id: the organisation's BIC or other id, or the person's other id."""
    organisation = identification.find(t.OrgId)
    if organisation is not None:
        return (
            _text(organisation, t.AnyBIC)
            or _text(organisation, t.BICOrBEI)
            or _text(organisation.find(t.Othr), t.Id)
        )
    return _text(_find(identification.find(t.PrvtId), t.Othr), t.Id)


_NO_PARTY: tuple[str | None, str | None, str | None] = (None, None, None)


def _counterparty(
    parties: ET.Element | None, t: _Tags, incoming: bool
) -> tuple[str | None, str | None, str | None]:
    """Name, account and id of the other side: the debtor of money in, the creditor of money
    out; the ultimate party's name where the direct one has none."""
    if parties is None:
        return _NO_PARTY
    find = parties.find
    if incoming:
        party, account = find(t.Dbtr), find(t.DbtrAcct)
    else:
        party, account = find(t.Cdtr), find(t.CdtrAcct)
    name = party_id = number = None
    if party is not None:
        inner = party.find(t.Pty)  # 001.08 on
        party = inner if inner is not None else _party(party, t)
    if party is not None:
        name_element = party.find(t.Nm)
        text = name_element.text if name_element is not None else None
        name = text.strip() or None if text else None
        identification = party.find(t.Id)
        if identification is not None:
            party_id = _identification(identification, t)
    if name is None:
        name = _party_name(find(t.UltmtDbtr if incoming else t.UltmtCdtr), t)
    if account is not None:
        identification = account.find(t.Id)
        if identification is not None:
            number = _account_number(identification, t)
    # the same payees and accounts recur through a statement: keep one copy of each
    return (
        intern(name) if name is not None else None,
        intern(number) if number is not None else None,
        party_id,
    )


def _account_number(identification: ET.Element, t: _Tags) -> str | None:
    """An account's number: Id/IBAN, else Id/Othr/Id."""
    if len(identification) == 1:  # the usual: one of them, read without a search
        only = identification[0]
        if only.tag == t.IBAN:
            return _value(only)
        if only.tag == t.Othr:
            return _text(only, t.Id)
    return _value(identification.find(t.IBAN)) or _text(identification.find(t.Othr), t.Id)


def _remittance(
    info: ET.Element | None, t: _Tags, additional_tx: ET.Element | None
) -> tuple[str | None, str | None, tuple]:
    """The description, the creditor reference (KID, SCOR) and remittance references.

    The description is the unstructured remittance lines joined, else AddtlTxInf, else the
    structured AddtlRmtInf, else the creditor references."""
    if info is None:
        return _value(additional_tx), None, ()
    if len(info) == 1 and info[0].tag == t.Ustrd:  # the usual: one line of text
        text = info[0].text
        return (" ".join(text.split()) if text else "") or _value(additional_tx), None, ()
    lines = info.findall(t.Ustrd)
    if len(lines) == 1:
        text = lines[0].text
        unstructured = " ".join(text.split()) if text else ""
    else:
        unstructured = " ".join(" ".join((e.text or "").split()) for e in lines).strip()
    structured = info.findall(t.Strd)
    if not structured:
        return unstructured or _value(additional_tx), None, ()
    additional: list[str] = []
    creditor_refs: list[str] = []
    refs: list[tuple[str, str]] = []
    for block in structured:
        ref = _text(block.find(t.CdtrRefInf), t.Ref)
        if ref:
            creditor_refs.append(ref)
            refs.append(("remittanceReference", ref))
        for document in block.findall(t.RfrdDocInf):
            number = _text(document, t.Nb)
            if number:
                refs.append(("invoiceNumber", number))
        for element in block.findall(t.AddtlRmtInf):
            text = _value(element)
            if text:
                additional.append(text)
    message = (
        unstructured
        or _value(additional_tx)
        or " ".join(additional)
        or " ".join(creditor_refs)
        or None
    )
    return message, creditor_refs[0] if creditor_refs else None, tuple(refs)


_DETAIL_REFERENCES = (
    ("AcctSvcrRef", "accountServicerReference"),
    ("MsgId", "messageIdentification"),
    ("PmtInfId", "paymentInformationIdentification"),
    ("InstrId", "instructionIdentification"),
    ("EndToEndId", "endToEndIdentification"),
    ("UETR", "uetr"),
    ("TxId", "transactionIdentification"),
    ("MndtId", "mandateIdentification"),
    ("ChqNb", "chequeNumber"),
    ("ClrSysRef", "clearingSystemReference"),
)


def _detail_references(
    refs: ET.Element | None, t: _Tags, want_key: bool
) -> tuple[tuple[tuple[str, str], ...], str | None]:
    """The references of a detail (Refs) and, if `want_key`, the key its own ids give (see the
    module doc): its AcctSvcrRef, else its UETR, else its TxId."""
    if refs is None:
        return (), None
    kinds = t.references
    found = []
    for child in refs:
        kind = kinds.get(child.tag)
        text = child.text
        if kind is not None and text:
            value = text.strip()
            if value and value != "NOTPROVIDED":
                found.append((kind, value))
    if not want_key:
        return tuple(found), None
    if not found:
        return (), None
    by_kind = dict(found)
    own = by_kind.get("accountServicerReference")
    if own:
        return tuple(found), f"camt:ref:{own}"
    uetr = by_kind.get("uetr")
    if uetr:
        return tuple(found), f"camt:uetr:{uetr}"
    txid = by_kind.get("transactionIdentification")
    return tuple(found), f"camt:txid:{txid}" if txid else None


# -- public API -------------------------------------------------------------------------------


def iter_camt(source: Source, *, name: str | None = None) -> Iterator[Statement]:
    """Yield each statement, report or notification of a camt file as soon as it is read.

    `source` is a path, the file's bytes or a binary stream; `name` is what error messages call
    the file (by default its file name). Raises a `StatementFileError` subclass naming the file,
    the problem and the line. A file that breaks off after some statements raises only when the
    reader reaches the break: use `read_camt` to import all or nothing.
    """
    yield from _Reader(source, name).statements()


def read_camt(source: Source, *, name: str | None = None) -> list[Statement]:
    """All statements of a camt file, or a `StatementFileError` and none."""
    return list(iter_camt(source, name=name))


def identify(source: Source, *, name: str | None = None) -> MessageType:
    """Which camt message and version a file holds, reading no further than its root element.

    Raises `NotXmlError` or `UnsupportedMessageError` for anything else.
    """
    reader = _Reader(source, name)
    stream = reader._open()
    try:
        builder = ET.TreeBuilder()
        holder = builder.start("holder", {})
        parser = ET.XMLParser(target=builder)
        first = True
        while not len(holder):
            chunk = stream.read(64 * 1024)
            if first:
                reader._check_looks_like_xml(chunk)
                first = False
            if not chunk:
                raise NotXmlError(reader.name, "holds no XML element")
            try:
                parser.feed(chunk)
            except ET.ParseError as exc:
                raise reader._parse_error(exc, truncated=False) from None
        reader._identify(holder[0])
    finally:
        if stream is not source:
            stream.close()
    assert reader.message_type is not None
    return reader.message_type
