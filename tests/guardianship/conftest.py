"""A stored guardianship case with fixed bank data, built through the store's own writer."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from stdnum.no import fodselsnummer

from app.domain.cases import new_guardianship
from app.domain.records import AccountRecord, BalanceRecord, TransactionRecord
from app.store.cases import create_case
from app.store.db import Database
from app.store.writer import BankInfo, CaseWriter

TODAY = date(2025, 6, 16)
YEAR = 2024
WARD = "21879010184"
GUARDIAN = "09826510185"
EVERYDAY = "99900033334"
SAVINGS = "99900022227"


def person_id(day: int, month: int, year: int, individual: int) -> str:
    """A synthetic (Tenor) national id with valid check digits."""
    stem = f"{day:02d}{month + 80:02d}{year % 100:02d}{individual:03d}"
    first = fodselsnummer.calc_check_digit1(stem)
    second = fodselsnummer.calc_check_digit2(stem + first)
    if len(first) != 1 or len(second) != 1:
        return person_id(day, month, year, individual + 1)
    return stem + first + second


def _tx(key: str, day: date, amount: str, **fields) -> TransactionRecord:
    return TransactionRecord(
        key=key, booking_date=day, amount=Decimal(amount), currency="NOK", **fields
    )


def store_case(db: Database) -> int:
    """The ward's everyday account at Fjordbank in 2024:

    balance 31.12.2024: 8 000,00 kr; in: pension 2 × 10 000,00 = 20 000,00 kr;
    out: rent 9 000,00 + cash 2 × 1 000,00 + fee 50,00 + 3 000,00 to the guardian
    = 14 050,00 kr; so 1.1.2024 = 8 000,00 − 20 000,00 + 14 050,00 = 2 050,00 kr.
    A transaction of 2025 (500,00 in, after the year) must not count.
    """
    facts = new_guardianship(
        reference="VK-TEST-1",
        ward_id=WARD,
        guardian_id=GUARDIAN,
        year=YEAR,
        today=TODAY,
        ward_name="Kari Fiktiv Vergehaver",
    )
    case_id = create_case(db, facts, environment="sandbox", user="officer")
    writer = CaseWriter(db)
    writer.set_case_period(case_id, date(YEAR, 1, 1), date(YEAR, 12, 31))
    bank_id = writer.upsert_banks(case_id, [BankInfo("999000029", "Fjordbank Syntetisk ASA")])[
        "999000029"
    ]
    writer.set_bank(bank_id, status="complete")
    account_id = writer.upsert_account(
        case_id, bank_id, AccountRecord(EVERYDAY, type="salaryAccount", currency="NOK"), None
    )
    writer.set_account(account_id, fetch_status="complete")
    writer.upsert_balances(
        account_id, [BalanceRecord("bookedBalance", Decimal("8000.00"), "NOK", date(2024, 12, 31))]
    )
    cash = {"code_subfamily": "cashWithdrawal", "code_text": "Minibank"}
    writer.add_transactions(
        case_id,
        account_id,
        [
            _tx("T1", date(2024, 1, 20), "10000.00", counterparty_name="PENSJONSKASSEN"),
            _tx("T2", date(2024, 2, 20), "10000.00", counterparty_name="PENSJONSKASSEN"),
            _tx("T3", date(2024, 3, 1), "-9000.00", counterparty_name="Utleier AS"),
            _tx("T4", date(2024, 4, 2), "-1000.00", **cash),
            _tx("T5", date(2024, 5, 2), "-1000.00", **cash),
            _tx("T6", date(2024, 6, 28), "-50.00", code_subfamily="fees", code_text="Gebyr"),
            _tx(
                "T7",
                date(2024, 7, 1),
                "-3000.00",
                counterparty_id=GUARDIAN,
                counterparty_name="Ola Verge",
                message="Refusjon utlegg",
            ),
        ],
    )
    writer.replace_roles(
        account_id,
        [
            {"permission": "rightToSeeOnly", "party_id": WARD, "name": "Kari Fiktiv Vergehaver"},
            {"permission": "rightToUseAlone", "party_id": GUARDIAN, "name": "Ola Verge"},
        ],
    )
    return case_id


@pytest.fixture
def case_id(db: Database) -> int:
    return store_case(db)
