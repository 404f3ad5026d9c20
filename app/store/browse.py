"""Read-side queries for reviewing a case: the ordered, filtered transaction ids and their rows
in blocks, the case overview with balances at the key date, daily balances for a chart, and the
user's manual flags and notes.

Sorting and filtering happen in SQL, so a case of half a million transactions is never loaded
whole: a browser asks for the ordered ids once and then for the rows it shows, a block at a
time. Balances the banks did not give for a date are derived by `app.review.balances` from a
known balance and the booked transactions between the two dates.
"""

from __future__ import annotations

import enum
import threading
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, and_, exists, func, or_, select, update
from sqlalchemy.orm import Session

from app.domain.clock import SystemClock
from app.domain.money import home_first
from app.domain.services import Service, profile
from app.review.balances import KnownBalance, balance_on, daily_balances, latest_known, reaches
from app.store.cases import banks_with_accounts, load_case, transaction_counts
from app.store.models import Account, Flag, Note, Transaction
from app.store.report_queries import booked_movements
from app.store.review_queries import BALANCE_KINDS, booked_amounts

MANUAL_RULE = "manual"
BOOKED = "booked"


class SortKey(enum.StrEnum):
    """The columns a transaction list can be ordered by."""

    FLAG = "flag"
    NOTES = "notes"
    DATE = "date"
    ACCOUNT = "account"
    AMOUNT = "amount"
    CURRENCY = "currency"
    COUNTERPARTY = "counterparty"
    TEXT = "text"
    REFERENCE = "reference"
    STATUS = "status"


class Direction(enum.StrEnum):
    IN = "in"
    OUT = "out"


class NoteTarget(enum.StrEnum):
    CASE = "case"
    ACCOUNT = "account"
    TRANSACTION = "transaction"


@dataclass(frozen=True)
class TransactionFilter:
    """What the user narrowed a transaction list to; empty fields do not filter.

    `amount_min`/`amount_max` are hundredths and bound the amount's size, whichever the
    direction: use `direction` for money in or out. Dates bound the booking date, inclusive.
    """

    account_ids: tuple[int, ...] = ()
    text: str = ""
    amount_min: int | None = None
    amount_max: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    direction: Direction | None = None
    status: str | None = None
    flagged_only: bool = False


@dataclass(frozen=True, slots=True)
class TransactionRow:
    """One line of the transaction table, already joined with its account."""

    id: int
    booking_date: date | None
    account_id: int
    account_number: str
    amount_minor: int
    currency: str | None
    counterparty: str | None
    text: str | None
    reference: str | None
    status: str
    flagged: bool
    has_notes: bool


def _is_flagged() -> ColumnElement[bool]:
    return exists().where(Flag.transaction_id == Transaction.id, Flag.cleared_at.is_(None))


def _has_notes() -> ColumnElement[bool]:
    return exists().where(
        Note.case_id == Transaction.case_id,
        Note.target_kind == NoteTarget.TRANSACTION.value,
        Note.target_id == Transaction.id,
    )


_COUNTERPARTY = func.coalesce(Transaction.counterparty_name, Transaction.merchant)
_TEXT = func.coalesce(Transaction.message, Transaction.code_text)


def _sort_column(key: SortKey) -> Any:
    return {
        SortKey.FLAG: _is_flagged(),
        SortKey.NOTES: _has_notes(),
        SortKey.DATE: Transaction.booking_date,
        SortKey.ACCOUNT: Account.account_number,
        SortKey.AMOUNT: Transaction.amount_minor,
        SortKey.CURRENCY: Transaction.currency,
        SortKey.COUNTERPARTY: _COUNTERPARTY,
        SortKey.TEXT: _TEXT,
        SortKey.REFERENCE: Transaction.reference,
        SortKey.STATUS: Transaction.status,
    }[key]


INDEXED_SORTS = frozenset({SortKey.DATE, SortKey.AMOUNT})
"""Sort keys with a (case_id, key) index in the schema; the others are sorted after a scan."""


def _needs_rows(wanted: TransactionFilter, sort: SortKey) -> bool:
    """Whether a (case, sort key) index alone cannot answer the query."""
    return sort not in INDEXED_SORTS or bool(
        wanted.account_ids
        or wanted.text.strip()
        or wanted.amount_min is not None
        or wanted.amount_max is not None
        or wanted.direction
        or wanted.status
    )


def _case_condition(
    session: Session, case_id: int, bypass: bool, stretches: CaseStretches | None
) -> ColumnElement[bool]:
    """Transactions of the case; on SQLite, read as a stretch of the table when `bypass` is set.

    SQLite would otherwise walk the (case, booking date) index and fetch each row from it at
    random: several times slower, for a large case, than reading the rows in table order. A
    case's rows were written together, so they lie in one stretch of row ids; the condition
    reads just that stretch (adding zero hides the case column from the index, and rows of
    other cases inside the stretch are left out by the same test). Finding the stretch reads
    the whole case's index, so `stretches` keeps it from one listing to the next. PostgreSQL
    plans this well without help.
    """
    if not (bypass and session.get_bind().dialect.name == "sqlite"):
        return Transaction.case_id == case_id
    if stretches is not None:
        found = stretches.find(session, case_id)
    else:
        found = _find_stretch(session, case_id)
    if found is None:
        return Transaction.case_id == case_id
    return and_(Transaction.id.between(found.first, found.last), Transaction.case_id + 0 == case_id)


@dataclass(frozen=True, slots=True)
class Stretch:
    """The first and last row id of a case's transactions, and how many it had then."""

    first: int
    last: int
    count: int


def _find_stretch(session: Session, case_id: int) -> Stretch | None:
    """The case's stretch of row ids; None when it has no transactions."""
    count, first, last = session.execute(
        select(func.count(), func.min(Transaction.id), func.max(Transaction.id)).where(
            Transaction.case_id == case_id
        )
    ).one()
    return None if first is None else Stretch(first, last, count)


class CaseStretches:
    """Each case's stretch of row ids on SQLite (see `_case_condition`), found once and then
    checked on every use. Safe to share between threads.

    Finding a stretch decodes the index entry of every transaction of the case: a tenth of a
    second for half a million. Checking one is cheaper. A case's transactions are only ever
    added to (the writer skips the keys it has; they are deleted only with the case, whose
    number is never given again), and SQLite gives a new row an id above every row there is.
    So a known stretch holds all of the case's rows while no row lies above it (the case was
    written last), or else while the case has as many rows as when it was found: a count reads
    the index without decoding it, several times faster.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._known: dict[int, Stretch] = {}

    def find(self, session: Session, case_id: int) -> Stretch | None:
        """The case's stretch of row ids; None when it has no transactions, or when the store
        is not SQLite."""
        if session.get_bind().dialect.name != "sqlite":
            return None
        with self._lock:
            known = self._known.get(case_id)
        if known is not None and (
            known.last == session.scalar(select(func.max(Transaction.id)))
            or known.count == count_listed(session, case_id)
        ):
            return known

        found = _find_stretch(session, case_id)
        with self._lock:
            if found is None:
                self._known.pop(case_id, None)
            else:
                self._known[case_id] = found
        return found


SEARCHED = (
    Transaction.counterparty_name,
    Transaction.message,
    Transaction.reference,
    Transaction.merchant,
)
"""The columns a text filter looks in."""
LIKE_ESCAPE = "/"
LIKE_SPECIAL = "%_\\" + LIKE_ESCAPE
"""Characters a LIKE pattern takes literally only when escaped (PostgreSQL's own escape
character, the backslash, stops being special once another is named)."""


def _like_pattern(text: str, anyone: Iterable[str] = ()) -> str:
    """A LIKE pattern for `text` anywhere in a value: its own special characters taken
    literally, and each character in `anyone` standing for any one character."""
    loose = set(anyone)
    escaped = "".join(
        "_" if char in loose else LIKE_ESCAPE + char if char in LIKE_SPECIAL else char
        for char in text
    )
    return f"%{escaped}%"


def _cased_letters(text: str) -> dict[str, str]:
    """The letters of `text` beyond ASCII that have an upper and a lower case, upper case to
    lower: {"Ø": "ø"} for "Bjørn"."""
    letters: dict[str, str] = {}
    for char in set(text):
        lower, upper = char.lower(), char.upper()
        single = len(lower) == len(upper) == 1 and lower != upper
        if single and not lower.isascii() and not upper.isascii():
            letters[upper] = lower
    return letters


def _text_condition(session: Session, text: str) -> ColumnElement[bool]:
    """Any of the searchable texts contains `text`, ignoring case, also that of æ, ø and å.

    SQLite's LIKE ignores the case of ASCII letters only, and is much faster than comparing
    lower-cased copies; other databases get ILIKE. Letters beyond ASCII are compared in a copy
    of the value with just those letters lowered; a LIKE with any character in their places
    picks the rows first, so only those pay for the copy.
    """
    sqlite = session.get_bind().dialect.name == "sqlite"
    escape = LIKE_ESCAPE if any(char in LIKE_SPECIAL for char in text) else None

    def like(value: ColumnElement[Any], pattern: str) -> ColumnElement[bool]:
        if sqlite:
            return value.like(pattern, escape=escape)
        return value.ilike(pattern, escape=escape)

    letters = _cased_letters(text)
    if not letters:
        return or_(*(like(column, _like_pattern(text)) for column in SEARCHED))

    rough = _like_pattern(text, anyone=[*letters, *letters.values()])
    exact = _like_pattern("".join(letters.get(char, char) for char in text))

    def lowered(column: ColumnElement[Any]) -> ColumnElement[Any]:
        for upper, lower in letters.items():
            column = func.replace(column, upper, lower)
        return column

    return or_(*(and_(like(column, rough), like(lowered(column), exact)) for column in SEARCHED))


def _conditions(
    session: Session,
    case_id: int,
    wanted: TransactionFilter,
    sort: SortKey,
    stretches: CaseStretches | None,
) -> list[ColumnElement[bool]]:
    conditions = [_case_condition(session, case_id, _needs_rows(wanted, sort), stretches)]
    if wanted.account_ids:
        conditions.append(Transaction.account_id.in_(wanted.account_ids))
    text = wanted.text.strip()
    if text:
        conditions.append(_text_condition(session, text))
    size = func.abs(Transaction.amount_minor)
    if wanted.amount_min is not None:
        conditions.append(size >= wanted.amount_min)
    if wanted.amount_max is not None:
        conditions.append(size <= wanted.amount_max)
    if wanted.date_from is not None:
        conditions.append(Transaction.booking_date >= wanted.date_from)
    if wanted.date_to is not None:
        conditions.append(Transaction.booking_date <= wanted.date_to)
    if wanted.direction == Direction.IN:
        conditions.append(Transaction.amount_minor > 0)
    elif wanted.direction == Direction.OUT:
        conditions.append(Transaction.amount_minor < 0)
    if wanted.status:
        conditions.append(Transaction.status == wanted.status)
    if wanted.flagged_only:
        conditions.append(_is_flagged())
    return conditions


def transaction_ids(
    session: Session,
    case_id: int,
    wanted: TransactionFilter | None = None,
    *,
    sort: SortKey = SortKey.DATE,
    descending: bool = False,
    stretches: CaseStretches | None = None,
) -> array[int]:
    """The ids of the case's transactions that pass the filter, in the asked order.

    Ties are broken by id, so the order is stable from one query to the next. The ids come
    back as a compact array, eight bytes a transaction, read straight from the driver's
    cursor: for half a million ids, building result rows would cost twice the query. A caller
    that lists the same case again and again keeps `stretches` between the calls.
    """
    wanted = wanted or TransactionFilter()
    column = _sort_column(sort)
    order = (column.desc(), Transaction.id.desc()) if descending else (column, Transaction.id)
    conditions = _conditions(session, case_id, wanted, sort, stretches)
    query = select(Transaction.id).where(*conditions)
    if sort is SortKey.ACCOUNT:
        query = query.join(Account, Account.id == Transaction.account_id)
    ids: array[int] = array("q")
    result = session.connection().execute(query.order_by(*order))
    try:
        while rows := result.cursor.fetchmany(50_000):
            ids.extend(row[0] for row in rows)
    finally:
        result.close()
    return ids


def read_from_index(wanted: TransactionFilter, sort: SortKey) -> bool:
    """Whether the listing comes straight from a (case, sort key) index: any stretch of it can
    then be read by position, without reading what comes before."""
    return sort in INDEXED_SORTS and wanted == TransactionFilter()


def count_listed(session: Session, case_id: int) -> int:
    """How many transactions the case has (the length of an unfiltered listing)."""
    query = select(func.count()).select_from(Transaction).where(Transaction.case_id == case_id)
    return session.scalar(query) or 0


def transaction_ids_at(
    session: Session,
    case_id: int,
    *,
    sort: SortKey,
    descending: bool,
    offset: int,
    limit: int,
) -> array[int]:
    """A stretch of the case's unfiltered listing by position, for an indexed sort: the index
    is walked to `offset` inside the database, so a stretch far down costs milliseconds."""
    if sort not in INDEXED_SORTS:
        raise ValueError(f"sorting by {sort} is not read from an index")
    column = _sort_column(sort)
    order = (column.desc(), Transaction.id.desc()) if descending else (column, Transaction.id)
    query = (
        select(Transaction.id)
        .where(Transaction.case_id == case_id)
        .order_by(*order)
        .offset(offset)
        .limit(limit)
    )
    return array("q", session.scalars(query))


def transaction_rows(session: Session, ids: Sequence[int]) -> list[TransactionRow]:
    """The rows of the given transactions, in the order of `ids` (unknown ids are left out)."""
    if not ids:
        return []
    query = (
        select(
            Transaction.id,
            Transaction.booking_date,
            Transaction.account_id,
            Account.account_number,
            Transaction.amount_minor,
            Transaction.currency,
            _COUNTERPARTY,
            _TEXT,
            Transaction.reference,
            Transaction.status,
            _is_flagged(),
            _has_notes(),
        )
        .join(Account, Account.id == Transaction.account_id)
        .where(Transaction.id.in_(list(ids)))
    )
    found = {row[0]: TransactionRow(*cast(tuple[Any, ...], row)) for row in session.execute(query)}
    return [found[i] for i in ids if i in found]


def transaction_statuses(session: Session, case_id: int) -> list[str]:
    """The distinct transaction statuses present in the case, for a filter's choices."""
    query = (
        select(Transaction.status)
        .where(Transaction.case_id == case_id)
        .distinct()
        .order_by(Transaction.status)
    )
    return list(session.scalars(query))


# Balances ---------------------------------------------------------------------------------


def key_balance_date(service: str, key_date: date) -> date:
    """The day whose closing balance the case turns on.

    For a bankruptcy the ruling date and for an estate the date of death; a guardianship
    control starts from the balance at the end of the day before its year begins.
    """
    if Service(service) is Service.GUARDIANSHIP:
        return key_date - timedelta(days=1)
    return key_date


def case_period_start(service: str, key_date: date, today: date | None = None) -> date:
    """The first day of the widest period the service allows for the case.

    Files may be imported from long before it (the stored case period widens to take them in);
    a balance older than this day says nothing about the key date.
    """
    return profile(Service(service)).period(key_date, today or SystemClock().today()).start


def _known_balance(account: Account) -> KnownBalance | None:
    """The latest stored balance, booked before available; zero at closing for a closed one."""
    latest: dict[str, KnownBalance] = {}
    for kind in BALANCE_KINDS:
        balances = [b for b in account.balances if b.kind == kind]
        if balances:
            found = max(balances, key=lambda b: b.as_of)
            latest[kind] = KnownBalance(found.as_of, found.amount_minor)
    return latest_known(
        latest.get("bookedBalance"), latest.get("availableBalance"), account.end_date
    )


def _stored_on(account: Account, day: date) -> int | None:
    for kind in BALANCE_KINDS:
        for balance in account.balances:
            if balance.kind == kind and balance.as_of == day:
                return balance.amount_minor
    return None


@dataclass(frozen=True)
class AccountOverview:
    id: int
    bank_id: int
    account_number: str
    name: str | None
    type: str | None
    currency: str | None
    status: str | None
    fetch_status: str
    message: str | None
    owner_start: date | None
    owner_end: date | None
    start_date: date | None
    end_date: date | None
    transactions: int
    balance_key: int | None
    """At the end of the case's balance date; None where no balance is known."""
    balance_key_derived: bool
    """True when `balance_key` was computed from transactions, not given by the bank."""
    balance_end: int | None
    balance_end_on: date | None


@dataclass(frozen=True)
class BankOverview:
    id: int
    org_number: str
    name: str
    status: str
    message: str | None
    accounts: tuple[AccountOverview, ...]


@dataclass(frozen=True)
class Totals:
    """Sums of the positive (assets) and negative (debts) balances in one currency."""

    currency: str
    assets_key: int = 0
    debts_key: int = 0
    assets_end: int = 0
    debts_end: int = 0


@dataclass(frozen=True)
class Missing:
    """Something the case still lacks: a bank that needs a letter, a failed bank or account."""

    kind: str
    """bank or account."""
    name: str
    """The bank's name."""
    status: str
    message: str | None
    account_number: str | None = None
    """The account's number as stored (digits only for a Norwegian one); None for a bank.
    Whoever shows it groups it, as every other account number is shown."""


INCOMPLETE_BANK = (
    "pending",
    "fetching",
    "partial",
    "incomplete",
    "failed",
    "letter_needed",
    "cancelled",
)
INCOMPLETE_ACCOUNT = ("listed", "partial", "failed")


@dataclass(frozen=True)
class CaseOverview:
    case_id: int
    reference: str
    service: str
    key_date: date
    balance_date: date
    period_start: date | None
    period_end: date | None
    banks: tuple[BankOverview, ...]
    totals: tuple[Totals, ...]
    missing: tuple[Missing, ...]
    transactions: int = 0
    accounts: int = 0
    environment: str = "sandbox"
    """Where the case was fetched from: sandbox data is synthetic and is shown as such."""


def _account_overview(
    account: Account,
    balance_date: date,
    movements: list[tuple[date, int]],
    count: int,
    period_start: date,
) -> AccountOverview:
    known = _known_balance(account)
    stored = _stored_on(account, balance_date)
    derived = stored is None and known is not None and reaches(known, period_start)
    if stored is not None:
        at_key: int | None = stored
    elif derived:
        at_key = balance_on(balance_date, known, movements)  # type: ignore[arg-type]
    else:
        at_key = None
    return AccountOverview(
        id=account.id,
        bank_id=account.bank_id,
        account_number=account.account_number,
        name=account.name,
        type=account.type,
        currency=account.currency,
        status=account.status,
        fetch_status=account.fetch_status,
        message=account.message,
        owner_start=account.owner_start,
        owner_end=account.owner_end,
        start_date=account.start_date,
        end_date=account.end_date,
        transactions=count,
        balance_key=at_key,
        balance_key_derived=derived,
        balance_end=known.amount_minor if known else None,
        balance_end_on=known.as_of if known else None,
    )


def _totals(accounts: Iterable[AccountOverview]) -> tuple[Totals, ...]:
    sums: dict[str, Counter[str]] = {}
    for account in accounts:
        row = sums.setdefault(account.currency or "NOK", Counter())
        for moment, value in (("key", account.balance_key), ("end", account.balance_end)):
            if value is not None:
                row[f"{'assets' if value >= 0 else 'debts'}_{moment}"] += value
    ordered = sorted(sums, key=home_first)  # as the reports order them
    return tuple(Totals(currency, **sums[currency]) for currency in ordered)


def case_overview(session: Session, case_id: int) -> CaseOverview:
    """Everything the overview page shows, computed from what is stored for the case."""
    case = load_case(session, case_id)
    balance_date = key_balance_date(case.service, case.key_date)
    period_start = case_period_start(case.service, case.key_date)
    movements = booked_movements(session, case_id)
    counts = transaction_counts(session, case_id)

    banks: list[BankOverview] = []
    missing: list[Missing] = []
    all_accounts: list[AccountOverview] = []
    for bank in banks_with_accounts(session, case_id):
        accounts = tuple(
            _account_overview(
                a, balance_date, movements.get(a.id, []), counts.get(a.id, 0), period_start
            )
            for a in bank.accounts
        )
        all_accounts.extend(accounts)
        banks.append(
            BankOverview(bank.id, bank.org_number, bank.name, bank.status, bank.message, accounts)
        )
        if bank.status in INCOMPLETE_BANK:
            missing.append(Missing("bank", bank.name, bank.status, bank.message))
        for account in accounts:
            if account.fetch_status in INCOMPLETE_ACCOUNT and bank.status != "cancelled":
                missing.append(
                    Missing(
                        "account",
                        bank.name,
                        account.fetch_status,
                        account.message,
                        account_number=account.account_number,
                    )
                )
    return CaseOverview(
        case_id=case.id,
        reference=case.reference,
        service=case.service,
        key_date=case.key_date,
        balance_date=balance_date,
        period_start=case.period_start,
        period_end=case.period_end,
        banks=tuple(banks),
        totals=_totals(all_accounts),
        missing=tuple(missing),
        transactions=sum(counts.values()),
        accounts=len(all_accounts),
        environment=case.environment,
    )


def account_daily_balances(
    session: Session, account_id: int, start: date | None = None, end: date | None = None
) -> list[tuple[date, int]]:
    """The account's end-of-day balance over the case period (or the given dates).

    Empty when no balance is known for the account.
    """
    account = session.get(Account, account_id)
    if account is None:
        return []
    known = _known_balance(account)
    if known is None:
        return []
    case = load_case(session, account.case_id)
    start = start or case.period_start or case.key_date
    end = end or case.period_end or known.as_of
    return daily_balances(start, end, known, booked_amounts(session, account_id))


# Flags and notes --------------------------------------------------------------------------


@dataclass(frozen=True)
class FlagView:
    rule: str
    reason: str
    params: str | None
    """The rule's figures as JSON, for showing its reason in the user's language."""
    created_by: str
    created_at: datetime
    cleared_by: str | None
    cleared_at: datetime | None


@dataclass(frozen=True)
class NoteView:
    id: int
    target_kind: str
    target_id: int | None
    text: str
    author: str
    created_at: datetime


def set_manual_flag(
    session: Session,
    transaction_id: int,
    *,
    user: str,
    reason: str,
    now: datetime | None = None,
) -> None:
    """Flag a transaction by hand; a manual flag cleared before is raised again."""
    now = now or datetime.now(UTC)
    case_id = session.scalar(select(Transaction.case_id).where(Transaction.id == transaction_id))
    if case_id is None:
        raise LookupError(f"no transaction with id {transaction_id}")
    flag = session.scalar(
        select(Flag).where(Flag.transaction_id == transaction_id, Flag.rule == MANUAL_RULE)
    )
    if flag is None:
        session.add(
            Flag(
                case_id=case_id,
                transaction_id=transaction_id,
                rule=MANUAL_RULE,
                reason=reason,
                created_by=user,
                created_at=now,
            )
        )
        return
    flag.reason, flag.created_by, flag.created_at = reason, user, now
    flag.cleared_by = flag.cleared_at = None


def clear_flags(
    session: Session, transaction_id: int, *, user: str, now: datetime | None = None
) -> int:
    """Clear every active flag of a transaction; cleared rule flags stay cleared."""
    result = session.execute(
        update(Flag)
        .where(Flag.transaction_id == transaction_id, Flag.cleared_at.is_(None))
        .values(cleared_by=user, cleared_at=now or datetime.now(UTC))
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def flags_of(session: Session, transaction_id: int) -> list[FlagView]:
    flags = session.scalars(
        select(Flag).where(Flag.transaction_id == transaction_id).order_by(Flag.created_at)
    )
    return [
        FlagView(f.rule, f.reason, f.params, f.created_by, f.created_at, f.cleared_by, f.cleared_at)
        for f in flags
    ]


def add_note(
    session: Session,
    case_id: int,
    target: NoteTarget,
    target_id: int | None,
    text: str,
    *,
    author: str,
    now: datetime | None = None,
) -> int:
    """Keep a note on the case, an account or a transaction, with its author and time."""
    body = text.strip()
    if not body:
        raise ValueError("a note needs some text")
    note = Note(
        case_id=case_id,
        target_kind=target.value,
        target_id=None if target is NoteTarget.CASE else target_id,
        text=body,
        author=author,
        created_at=now or datetime.now(UTC),
    )
    session.add(note)
    session.flush()
    return note.id


def notes_of(
    session: Session, case_id: int, target: NoteTarget, target_id: int | None = None
) -> list[NoteView]:
    conditions = [Note.case_id == case_id, Note.target_kind == target.value]
    if target is not NoteTarget.CASE:
        conditions.append(Note.target_id == target_id)
    notes = session.scalars(
        select(Note).where(and_(*conditions)).order_by(Note.created_at, Note.id)
    )
    return [
        NoteView(n.id, n.target_kind, n.target_id, n.text, n.author, n.created_at) for n in notes
    ]
