"""Source-independent records of what a bank holds: accounts, balances, transactions.

Every source (the DSOP Control API, a camt statement, a bank's CSV export) turns its own format
into these records; the store keeps them alike and the review treats them alike. Amounts are
signed `Decimal`: positive is money in, negative money out.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class AccountRecord:
    account_number: str
    account_reference: str | None = None
    type: str | None = None
    currency: str | None = None
    status: str | None = None
    name: str | None = None
    owner_id: str | None = None
    owner_name: str | None = None
    owner_permission: str | None = None
    owner_start: date | None = None
    owner_end: date | None = None
    start_date: date | None = None
    end_date: date | None = None


@dataclass(frozen=True, slots=True)
class BalanceRecord:
    kind: str
    """`bookedBalance`, `availableBalance`, or for statements `opening`/`closing`."""
    amount: Decimal
    currency: str | None
    as_of: date
    registered: datetime | None = None
    credit_line_included: bool | None = None
    credit_line_amount: Decimal | None = None
    credit_line_currency: str | None = None


@dataclass(frozen=True, slots=True)
class TransactionRecord:
    key: str | None
    """The bank's transaction id; `None` where the source has none (see `with_keys`)."""
    booking_date: date | None
    amount: Decimal
    currency: str | None
    status: str = "booked"
    value_date: date | None = None
    registered: datetime | None = None
    reversal: bool = False
    code_domain: str | None = None
    code_family: str | None = None
    code_subfamily: str | None = None
    code_text: str | None = None
    counterparty_name: str | None = None
    counterparty_account: str | None = None
    counterparty_id: str | None = None
    merchant: str | None = None
    message: str | None = None
    reference: str | None = None
    references: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    card: str | None = None
    original_amount: Decimal | None = None
    original_currency: str | None = None
    exchange_rate: Decimal | None = None

    def fingerprint(self) -> str:
        """A digest of what identifies a payment when the source gives no id."""
        parts = (
            self.booking_date.isoformat() if self.booking_date else "",
            self.value_date.isoformat() if self.value_date else "",
            str(self.amount),
            self.currency or "",
            self.counterparty_name or "",
            self.counterparty_account or "",
            self.message or "",
            self.reference or "",
        )
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]


FILE_KEY_PREFIXES = ("fp:", "camt:")
"""How keys made from files begin: a fingerprint (`with_keys`), or a camt statement's bank ids."""


def key_scheme(key: str) -> str:
    """Which family of keys a key belongs to: `fp`, `camt`, or `bank` for the API's own ids.

    Within a family a key is exact: the same booking gets the same key from every file or page.
    Across families it is not, and the same booking seen twice has two different keys.
    """
    for prefix in FILE_KEY_PREFIXES:
        if key.startswith(prefix):
            return prefix[:-1]
    return "bank"


def with_keys(records: Iterable[TransactionRecord]) -> Iterator[TransactionRecord]:
    """Give records without an id a stable key: their fingerprint and an occurrence counter.

    Two identical payments on one day become `fp#1` and `fp#2`, so both are kept, while the
    same file imported twice yields the same keys and adds nothing.
    """
    seen: Counter[str] = Counter()
    for record in records:
        if record.key:
            yield record
            continue
        fingerprint = record.fingerprint()
        seen[fingerprint] += 1
        yield replace(record, key=f"fp:{fingerprint}#{seen[fingerprint]}")
