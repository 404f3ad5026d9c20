"""Builds cases straight into a store, without the sandbox: a small fixed case whose overview
figures are worked out by hand in the tests, and large generated cases for screenshots and the
table benchmark."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from app.domain.cases import new_bankruptcy
from app.domain.records import AccountRecord, BalanceRecord, TransactionRecord
from app.store.cases import create_case
from app.store.db import Database
from app.store.writer import BankInfo, CaseWriter

TODAY = date(2025, 6, 30)
RULING = date(2025, 3, 15)
PERIOD = (date(2024, 3, 15), TODAY)
DEBTOR = "999000010"
UNFETCHED_DEBTOR = "999000193"
LARGE_DEBTOR = "999000207"
"""Each builder has its own debtor: only one open bankruptcy case per debtor is allowed."""


@dataclass(frozen=True)
class FixedCase:
    """Ids of the fixed case; see `build_fixed_case` for its figures."""

    case_id: int
    everyday: int
    savings: int
    loan: int
    closed: int


def _case(db: Database, reference: str, debtor: str = DEBTOR) -> int:
    facts = new_bankruptcy(
        reference=reference,
        debtor_id=debtor,
        debtor_name="SYNTETISK BYGG AS",
        ruling_date=RULING,
        cutoff_date=RULING - timedelta(days=3),
        today=TODAY,
    )
    case_id = create_case(db, facts, environment="sandbox", user="tester")
    CaseWriter(db).set_case_period(case_id, *PERIOD)
    return case_id


def build_unfetched_case(db: Database) -> int:
    """A bankruptcy created but never fetched: no bank, no account, no transaction."""
    return _case(db, "K-NY", UNFETCHED_DEBTOR)


def _tx(key: str, day: date, amount: str, **fields: object) -> TransactionRecord:
    return TransactionRecord(
        key=key, booking_date=day, amount=Decimal(amount), currency="NOK", **fields
    )  # type: ignore[arg-type]


def build_fixed_case(db: Database) -> FixedCase:
    """A bankruptcy ruled 15.03.2025, fetched up to 30.06.2025, with hand-checkable figures.

    Nordbanken (complete):
    - everyday 1111.22.33333, booked balance 30.06.2025: 1 000,00; booked after the ruling:
      +500,00 (01.04) and -200,00 (02.05); a pending -50,00 (20.06) does not count; so the
      balance at the ruling date is 1 000 - 500 + 200 = 700,00.
    - savings 1111.22.44444, bank gave the balance on the ruling date itself: 5 000,00, and
      10 000,00 at the end (no transactions stored).
    - loan 1111.22.55555, booked -250 000,00 at the end; a +1 000,00 instalment 10.04 after
      the ruling, so -251 000,00 at the ruling date.
    Vestbank (partial, "one account could not be read"):
    - closed 2222.33.66666 (failed, closed 01.05.2025, no balance): 0 at closing; -300,00
      (20.04) after the ruling, so +300,00 at the ruling date.
    Fjordbank: letter needed.

    Totals NOK at the ruling date: assets 700 + 5 000 + 300 = 6 000,00, debts -251 000,00;
    at the end: assets 1 000 + 10 000 + 0 = 11 000,00, debts -250 000,00.
    """
    case_id = _case(db, "K-2025-001")
    writer = CaseWriter(db)
    banks = writer.upsert_banks(
        case_id,
        [
            BankInfo("910000001", "Nordbanken ASA"),
            BankInfo("910000002", "Vestbank"),
            BankInfo("910000003", "Fjordbank"),
        ],
    )
    writer.set_bank(banks["910000001"], status="complete")
    writer.set_bank(banks["910000002"], status="partial", message="one account could not be read")
    writer.set_bank(banks["910000003"], status="letter_needed", message="ask by digital letter")

    def account(bank: str, number: str, kind: str, **extra: object) -> int:
        fields: dict[str, object] = {"status": "enabled", "owner_start": date(2019, 1, 1)}
        fields.update(extra)
        record = AccountRecord(account_number=number, type=kind, currency="NOK", **fields)  # type: ignore[arg-type]
        return writer.upsert_account(case_id, banks[bank], record, None)

    def booked(account_id: int, amount: str, on: date = TODAY) -> None:
        writer.upsert_balances(
            account_id, [BalanceRecord("bookedBalance", Decimal(amount), "NOK", on)]
        )

    everyday = account("910000001", "11112233333", "salaryAccount", name="Driftskonto")
    booked(everyday, "1000.00")
    writer.add_transactions(
        case_id,
        everyday,
        [
            _tx(
                "e1",
                date(2025, 1, 10),
                "-120.50",
                counterparty_name="Rema 1000 Sentrum",
                message="Varekjøp",
                reference="REF-100",
            ),
            _tx(
                "e2",
                date(2025, 3, 1),
                "2500.00",
                counterparty_name="Kunde AS",
                message="Faktura 17",
                reference="INV-17",
            ),
            _tx(
                "e3",
                date(2025, 4, 1),
                "500.00",
                counterparty_name="Kunde AS",
                message="Faktura 18",
                reference="INV-18",
            ),
            _tx("e4", date(2025, 5, 2), "-200.00", merchant="Circle K Ås", message="Drivstoff"),
            _tx(
                "e5",
                date(2025, 6, 20),
                "-50.00",
                status="pending",
                counterparty_name="Telenor",
                message="Mobil",
            ),
        ],
    )
    writer.set_account(everyday, fetch_status="complete")

    savings = account("910000001", "11112244444", "savingsAccount")
    booked(savings, "5000.00", RULING)
    booked(savings, "10000.00")
    writer.set_account(savings, fetch_status="complete")

    loan = account("910000001", "11112255555", "loanAccount")
    booked(loan, "-250000.00")
    writer.add_transactions(
        case_id,
        loan,
        [
            _tx("l1", date(2025, 4, 10), "1000.00", message="Avdrag"),
        ],
    )
    writer.set_account(loan, fetch_status="complete")

    closed = account(
        "910000002", "22223366666", "savingsAccount", end_date=date(2025, 5, 1), status="deleted"
    )
    writer.add_transactions(
        case_id,
        closed,
        [
            _tx(
                "c1",
                date(2025, 4, 20),
                "-300.00",
                counterparty_name="Ola Nordmann",
                message="Overføring",
                reference="X-1",
            ),
        ],
    )
    writer.set_account(closed, fetch_status="failed", message="transactions: timeout")
    return FixedCase(case_id, everyday, savings, loan, closed)


_COUNTERPARTIES = (
    "Rema 1000",
    "Kiwi Grünerløkka",
    "Coop Extra",
    "Circle K",
    "Telenor Norge AS",
    "Hafslund Strøm",
    "Skatteetaten",
    "NAV",
    "Statens vegvesen",
    "Vinmonopolet",
    "Elkjøp",
    "IKEA Furuset",
    "Posten Norge",
    "Fjordkraft",
    "DNB Eiendom",
    "Ruter",
    "Apotek 1",
    "Clas Ohlson",
    "Norwegian Air Shuttle",
    "Bygg og Anlegg AS",
)
_MESSAGES = (
    "Varekjøp",
    "Husleie",
    "Lønn",
    "Faktura",
    "Overføring",
    "Strøm",
    "Mobil",
    "Skattetrekk",
    "Kontantuttak",
    "Drivstoff",
    "Avdrag",
    "Renter",
    "Gebyr",
    "Trygd",
    "Forsikring",
)


def generated_transactions(
    count: int, seed: int, start: date, end: date
) -> Iterator[TransactionRecord]:
    """`count` varied transactions between two dates, reproducible from the seed."""
    rng = random.Random(seed)
    days = (end - start).days
    for n in range(count):
        amount = Decimal(rng.randint(-2_000_000, 1_500_000)) / 100
        if amount == 0:
            amount = Decimal("1.00")
        yield TransactionRecord(
            key=f"g{seed}-{n}",
            booking_date=start + timedelta(days=rng.randint(0, days)),
            amount=amount,
            currency="NOK",
            status="booked" if rng.random() > 0.02 else "pending",
            counterparty_name=rng.choice(_COUNTERPARTIES),
            message=f"{rng.choice(_MESSAGES)} {rng.randint(1, 9999)}",
            reference=f"REF{rng.randint(100000, 999999)}",
            merchant=rng.choice(_COUNTERPARTIES) if rng.random() < 0.3 else None,
        )


def build_large_case(
    db: Database, transactions: int, *, accounts: int = 10, chunk: int = 20_000
) -> int:
    """A bankruptcy case with `transactions` spread over `accounts` accounts at three banks."""
    case_id = _case(db, f"K-STOR-{transactions}", LARGE_DEBTOR)
    writer = CaseWriter(db)
    banks = writer.upsert_banks(
        case_id,
        [
            BankInfo("910000001", "Nordbanken ASA"),
            BankInfo("910000002", "Vestbank"),
            BankInfo("910000004", "Kystbanken"),
        ],
    )
    orgs = sorted(banks)
    for index, org in enumerate(orgs):
        writer.set_bank(banks[org], status=("complete", "partial", "complete")[index % 3])
    kinds = (
        "salaryAccount",
        "savingsAccount",
        "creditCardAccount",
        "loanAccount",
        "businessAccount",
    )
    per_account = transactions // accounts
    for n in range(accounts):
        share = per_account if n < accounts - 1 else transactions - per_account * (accounts - 1)
        account_id = writer.upsert_account(
            case_id,
            banks[orgs[n % len(orgs)]],
            AccountRecord(
                account_number=f"1{n:03d}2233{n:03d}",
                type=kinds[n % len(kinds)],
                currency="NOK",
                status="enabled",
                owner_start=date(2015, 1, 1),
            ),
            None,
        )
        writer.upsert_balances(
            account_id,
            [
                BalanceRecord(
                    "bookedBalance",
                    Decimal(10_000 * (n + 1) * (-1 if n % 5 == 3 else 1)),
                    "NOK",
                    TODAY,
                )
            ],
        )
        records = generated_transactions(share, n, PERIOD[0], TODAY)
        while True:
            batch = [record for _, record in zip(range(chunk), records, strict=False)]
            if not batch:
                break
            writer.add_transactions(case_id, account_id, batch)
        writer.set_account(account_id, fetch_status="complete")
    return case_id
