"""The lazy transaction model: order from SQL, every filter, Norwegian formats, bounded cache."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from ui_factory import FixedCase, build_large_case

from app.domain.money import NBSP
from app.domain.records import TransactionRecord
from app.store.browse import Direction, SortKey, TransactionFilter, set_manual_flag
from app.store.db import Database
from app.store.writer import CaseWriter
from app.ui.transactions import COLUMN_OF, TransactionTableModel

AMOUNT = COLUMN_OF[SortKey.AMOUNT]


@pytest.fixture
def model(qapp: object, db: Database, fixed_case: FixedCase) -> TransactionTableModel:
    model = TransactionTableModel(db)
    model.set_case(fixed_case.case_id)
    return model


def amounts(model: TransactionTableModel) -> list[int]:
    rows = [model.transaction_at(row) for row in range(model.rowCount())]
    return [row.amount_minor for row in rows if row is not None]


def shown(model: TransactionTableModel, key: SortKey) -> list[str]:
    column = COLUMN_OF[key]
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_rows_come_in_booking_date_order(model: TransactionTableModel) -> None:
    assert shown(model, SortKey.DATE) == [
        "10.01.2025", "01.03.2025", "01.04.2025", "10.04.2025", "20.04.2025", "02.05.2025",
        "20.06.2025",
    ]  # fmt: skip


def test_amounts_are_norwegian_and_right_aligned(model: TransactionTableModel) -> None:
    index = model.index(1, AMOUNT)
    assert index.data() == f"2{NBSP}500,00"
    assert model.index(0, AMOUNT).data() == "-120,50"
    alignment = Qt.AlignmentFlag(index.data(Qt.ItemDataRole.TextAlignmentRole))
    assert alignment & Qt.AlignmentFlag.AlignRight


def test_sort_by_amount_ascending_and_descending(model: TransactionTableModel) -> None:
    model.sort(AMOUNT, Qt.SortOrder.AscendingOrder)
    assert amounts(model) == [-30000, -20000, -12050, -5000, 50000, 100000, 250000]
    model.sort(AMOUNT, Qt.SortOrder.DescendingOrder)
    assert amounts(model) == [250000, 100000, 50000, -5000, -12050, -20000, -30000]


def test_sort_by_counterparty_uses_merchant_when_there_is_no_counterparty(
    model: TransactionTableModel,
) -> None:
    model.sort(COLUMN_OF[SortKey.COUNTERPARTY], Qt.SortOrder.AscendingOrder)
    assert shown(model, SortKey.COUNTERPARTY) == [
        "", "Circle K Ås", "Kunde AS", "Kunde AS", "Ola Nordmann", "Rema 1000 Sentrum", "Telenor",
    ]  # fmt: skip


def test_sort_by_account(model: TransactionTableModel, fixed_case: FixedCase) -> None:
    model.sort(COLUMN_OF[SortKey.ACCOUNT], Qt.SortOrder.DescendingOrder)
    assert shown(model, SortKey.ACCOUNT)[:2] == ["2222.33.66666", "1111.22.55555"]


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        (TransactionFilter(text="kunde"), [250000, 50000]),  # counterparty, any case
        (TransactionFilter(text="INV-18"), [50000]),  # reference
        (TransactionFilter(text="circle"), [-20000]),  # merchant
        (TransactionFilter(text="drivstoff"), [-20000]),  # message
        (TransactionFilter(text="50%"), []),  # wildcards are taken literally
        (TransactionFilter(text="VAREKJØP"), [-12050]),  # the case of æ, ø and å too
        (TransactionFilter(text="circle k ås"), [-20000]),
        (TransactionFilter(amount_min=40000, amount_max=60000), [50000]),
        (TransactionFilter(amount_min=100000), [250000, 100000]),
        (TransactionFilter(amount_max=12050), [-12050, -5000]),
        (TransactionFilter(direction=Direction.IN), [250000, 50000, 100000]),
        (TransactionFilter(direction=Direction.OUT), [-12050, -30000, -20000, -5000]),
        (TransactionFilter(date_from=date(2025, 4, 1), date_to=date(2025, 4, 30)),
         [50000, 100000, -30000]),
        (TransactionFilter(status="pending"), [-5000]),
        (TransactionFilter(text="kunde", direction=Direction.IN, date_from=date(2025, 3, 2)),
         [50000]),
    ],
)  # fmt: skip
def test_filters(model: TransactionTableModel, wanted: TransactionFilter, expected: list) -> None:
    model.set_filter(wanted)
    assert amounts(model) == expected


def test_a_filter_lists_rows_added_to_the_case_after_another_cases(
    model: TransactionTableModel, db: Database, fixed_case: FixedCase
) -> None:
    model.set_filter(TransactionFilter(text="kunde"))
    assert amounts(model) == [250000, 50000]
    build_large_case(db, 50, accounts=1)  # another case's rows, above the fixed case's

    payment = TransactionRecord(
        key="e6",
        booking_date=date(2025, 6, 25),
        amount=Decimal("75.00"),
        currency="NOK",
        counterparty_name="Kunde AS",
    )
    CaseWriter(db).add_transactions(fixed_case.case_id, fixed_case.everyday, [payment])
    model.reload()
    assert amounts(model) == [250000, 50000, 7500]


def test_account_filter(model: TransactionTableModel, fixed_case: FixedCase) -> None:
    model.set_filter(TransactionFilter(account_ids=(fixed_case.loan, fixed_case.closed)))
    assert amounts(model) == [100000, -30000]


def test_flagged_only(model: TransactionTableModel, db: Database) -> None:
    target = model.transaction_id(2)
    assert target is not None
    with db.session() as session:
        set_manual_flag(session, target, user="tester", reason="look")
    model.set_filter(TransactionFilter(flagged_only=True))
    assert [model.transaction_id(row) for row in range(model.rowCount())] == [target]
    assert model.index(0, COLUMN_OF[SortKey.FLAG]).data(Qt.ItemDataRole.DecorationRole)


def test_rows_are_read_in_blocks_and_the_cache_stays_small(
    qapp: object, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = build_large_case(db, 2_000, accounts=2)
    monkeypatch.setattr(TransactionTableModel, "BLOCK_SIZE", 50)
    monkeypatch.setattr(TransactionTableModel, "CACHED_BLOCKS", 4)
    model = TransactionTableModel(db)
    model.set_case(case_id)
    assert model.rowCount() == 2_000
    assert model.cached_rows() == 0

    model.index(0, AMOUNT).data()
    assert model.cached_rows() == 50

    for row in range(0, 2_000, 7):
        assert model.index(row, AMOUNT).data()
    assert model.cached_rows() == 4 * 50


def test_header_names_the_columns(model: TransactionTableModel) -> None:
    names = [
        model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())
    ]
    assert names[2:] == [
        "Date", "Account", "Amount", "Currency", "Counterparty", "Text", "Reference", "Status",
    ]  # fmt: skip


@pytest.mark.parametrize("key", [SortKey.DATE, SortKey.AMOUNT])
@pytest.mark.parametrize("descending", [False, True])
def test_an_unfiltered_listing_is_read_by_stretches_in_the_same_order(
    qapp: object, db: Database, monkeypatch: pytest.MonkeyPatch, key: SortKey, descending: bool
) -> None:
    from app.store.browse import transaction_ids
    from app.ui.transactions import IndexedListing

    case_id = build_large_case(db, 1_000, accounts=3)
    monkeypatch.setattr(IndexedListing, "STRETCH", 64)
    monkeypatch.setattr(IndexedListing, "CACHED", 3)
    with db.session() as session:
        expected = transaction_ids(session, case_id, sort=key, descending=descending).tolist()

    listing = IndexedListing(db, case_id, key, descending)
    assert len(listing) == 1_000
    assert listing[0:1_000].tolist() == expected  # across sixteen stretch boundaries
    assert listing[60:70].tolist() == expected[60:70]
    assert [listing[row] for row in (0, 63, 64, 999, -1)] == [
        expected[0], expected[63], expected[64], expected[999], expected[-1]
    ]  # fmt: skip
    assert listing.index(expected[700]) == 700
    with pytest.raises(IndexError):
        listing[1_000]

    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    model = TransactionTableModel(db)
    model.set_case(case_id)
    model.sort(COLUMN_OF[key], order)
    assert [model.transaction_id(row) for row in range(0, 1_000, 37)] == expected[::37]
    model.set_filter(TransactionFilter(direction=Direction.OUT))  # a filter reads every id
    assert model.rowCount() == sum(1 for i in expected if _amount_of(db, i) < 0) > 0


def _amount_of(db: Database, transaction_id: int) -> int:
    from app.store.models import Transaction

    with db.session() as session:
        return session.get(Transaction, transaction_id).amount_minor
