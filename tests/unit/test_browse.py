"""Listing a case's transactions: the text filter, and the stretch of rows a filter reads."""

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from app.domain.cases import new_bankruptcy
from app.domain.records import AccountRecord, TransactionRecord
from app.store import browse
from app.store.browse import CaseStretches, Stretch, TransactionFilter, transaction_ids
from app.store.cases import create_case
from app.store.db import Database
from app.store.writer import BankInfo, CaseWriter

TODAY = date(2025, 6, 16)


DEBTORS = {"K-1": "999000010", "K-2": "999000193"}
"""One debtor per case: a debtor has only one open bankruptcy case."""


def make_case(db: Database, reference: str) -> tuple[int, int]:
    """A case with one account; its id and the account's."""
    facts = new_bankruptcy(
        reference=reference, debtor_id=DEBTORS[reference], ruling_date=date(2025, 5, 5), today=TODAY
    )
    case_id = create_case(db, facts, environment="sandbox", user="tester")
    writer = CaseWriter(db)
    bank_id = writer.upsert_banks(case_id, [BankInfo("910000001", "Nordbanken ASA")])["910000001"]
    account_id = writer.upsert_account(
        case_id, bank_id, AccountRecord(account_number="11112233333", currency="NOK"), None
    )
    return case_id, account_id


def add(db: Database, case_id: int, account_id: int, prefix: str, count: int, **fields) -> None:
    records = [
        TransactionRecord(
            key=f"{prefix}{n}",
            booking_date=date(2025, 1, 2),
            amount=Decimal(-10 - n),
            currency="NOK",
            **fields,
        )
        for n in range(count)
    ]
    CaseWriter(db).add_transactions(case_id, account_id, records)


def listed(db: Database, case_id: int, text: str, stretches: CaseStretches | None = None) -> int:
    with db.session() as session:
        return len(
            transaction_ids(session, case_id, TransactionFilter(text=text), stretches=stretches)
        )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bjørn", 2),  # upper and lower case Ø
        ("BJØRN", 2),
        ("Ærlig", 1),  # message
        ("løkka", 1),  # merchant
        ("bjorn", 1),  # only Bjorn: ø is not o
        ("ø_1", 1),  # a wildcard beside a Norwegian letter is taken literally
    ],
)
def test_a_text_filter_ignores_the_case_of_norwegian_letters(
    db: Database, text: str, expected: int
) -> None:
    case_id, account_id = make_case(db, "K-1")
    add(db, case_id, account_id, "a", 1, counterparty_name="BJØRN HANSEN AS")
    add(db, case_id, account_id, "b", 1, counterparty_name="Bjørn Olsen", reference="Ø_1")
    add(db, case_id, account_id, "c", 1, message="ærlig talt", merchant="Kiwi GRÜNERLØKKA")
    add(db, case_id, account_id, "d", 1, counterparty_name="Bjorn", reference="øx1")

    assert listed(db, case_id, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("c:\\mappe_1", 1), ("\\m", 1), ("mappe%", 0), ("mappe/1", 0), ("e_1", 1), ("e-1", 0)],
)
def test_a_text_filter_takes_wildcards_and_escapes_literally(
    db: Database, text: str, expected: int
) -> None:
    case_id, account_id = make_case(db, "K-1")
    add(db, case_id, account_id, "a", 1, reference="C:\\mappe_1")

    assert listed(db, case_id, text) == expected


def test_a_stretch_is_found_once_while_the_case_is_unchanged(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    older, older_account = make_case(db, "K-1")
    add(db, older, older_account, "a", 5, message="husleie")
    newer, newer_account = make_case(db, "K-2")
    add(db, newer, newer_account, "b", 5, message="husleie")
    found: list[int] = []
    find = browse._find_stretch

    def counted(session: Session, case_id: int) -> Stretch | None:
        found.append(case_id)
        return find(session, case_id)

    monkeypatch.setattr(browse, "_find_stretch", counted)
    stretches = CaseStretches()

    for _ in range(3):
        assert listed(db, older, "husleie", stretches) == 5  # rows of another case above it
        assert listed(db, newer, "husleie", stretches) == 5
    assert found == [older, newer]


def test_a_known_stretch_takes_in_rows_added_after_another_cases(db: Database) -> None:
    first, first_account = make_case(db, "K-1")
    add(db, first, first_account, "a", 3, message="husleie")
    second, second_account = make_case(db, "K-2")
    add(db, second, second_account, "b", 3, message="husleie")
    stretches = CaseStretches()
    assert listed(db, first, "husleie", stretches) == 3

    add(db, first, first_account, "c", 4, message="husleie")  # row ids above the second case's
    assert listed(db, first, "husleie", stretches) == 7
    assert listed(db, second, "husleie", stretches) == 3

    add(db, second, second_account, "d", 2, message="husleie")  # the newest rows again
    assert listed(db, second, "husleie", stretches) == 5
