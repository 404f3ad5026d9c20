"""The review workspace in the window: the overview figures of a fixed case, manual flags and
notes stored with author and time, and the balance chart."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from conftest import open_case
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from ui_factory import FixedCase

from app import config
from app.domain.money import NBSP
from app.store.browse import NoteTarget, SortKey, TransactionFilter, case_overview
from app.store.db import Database
from app.store.models import Account, Flag, Note
from app.ui.main_window import TAB_TRANSACTIONS, MainWindow
from app.ui.transactions import COLUMN_OF


def kroner(text: str) -> str:
    return text.replace(" ", NBSP)


def cells(table: object, row: int) -> list[str]:
    return [table.item(row, column).text() for column in range(table.columnCount())]  # type: ignore[attr-defined]


@pytest.fixture
def opened(qtbot: QtBot, window: MainWindow, fixed_case: FixedCase) -> MainWindow:
    open_case(qtbot, window, fixed_case.case_id)
    return window


# Overview --------------------------------------------------------------------------------


def test_overview_balances_at_the_ruling_date_are_worked_out_by_hand(
    db: Database, fixed_case: FixedCase
) -> None:
    with db.session() as session:
        overview = case_overview(session, fixed_case.case_id)
    accounts = {a.id: a for bank in overview.banks for a in bank.accounts}
    assert overview.balance_date == date(2025, 3, 15)
    assert accounts[fixed_case.everyday].balance_key == 70_000  # 1 000 - 500 + 200
    assert accounts[fixed_case.everyday].balance_key_derived
    assert accounts[fixed_case.savings].balance_key == 500_000  # given for the day itself
    assert not accounts[fixed_case.savings].balance_key_derived
    assert accounts[fixed_case.loan].balance_key == -25_100_000
    assert accounts[fixed_case.closed].balance_key == 30_000  # 0 at closing, +300 back
    (totals,) = overview.totals
    assert (totals.assets_key, totals.debts_key) == (600_000, -25_100_000)
    assert (totals.assets_end, totals.debts_end) == (1_100_000, -25_000_000)


def test_overview_page_shows_banks_accounts_totals_and_what_is_missing(
    opened: MainWindow,
) -> None:
    page = opened.overview
    assert "K-2025-001" in page.heading.text()
    assert "Ruling date 15.03.2025" in page.heading.text()
    assert "Sandbox (synthetic test data)" in page.heading.text()  # fetched from the sandbox
    assert [cells(page.banks, row)[:3] for row in range(page.banks.rowCount())] == [
        ["Fjordbank", "910 000 003", "Letter needed"],
        ["Nordbanken ASA", "910 000 001", "Complete"],
        ["Vestbank", "910 000 002", "Partial"],
    ]
    headers = [page.accounts.horizontalHeaderItem(c).text() for c in range(10)]
    assert headers[8:] == ["Balance 15.03.2025", "Balance 30.06.2025"]
    rows = [cells(page.accounts, row) for row in range(page.accounts.rowCount())]
    assert [row[1:4] + row[8:] for row in rows] == [
        ["1111.22.33333", "Everyday account", "NOK", "700,00 *", kroner("1 000,00")],
        ["1111.22.44444", "Savings account", "NOK", kroner("5 000,00"), kroner("10 000,00")],
        ["1111.22.55555", "Loan account", "NOK", kroner("-251 000,00") + " *",
         kroner("-250 000,00")],
        ["2222.33.66666", "Savings account", "NOK", "300,00 *", "0,00"],
    ]  # fmt: skip
    assert cells(page.totals, 0) == [
        "NOK", kroner("6 000,00"), kroner("-251 000,00"), kroner("-245 000,00"),
        kroner("11 000,00"), kroner("-250 000,00"), kroner("-239 000,00"),
    ]  # fmt: skip
    missing = [page.missing.item(row).text() for row in range(page.missing.count())]
    assert missing == [
        "Fjordbank: Letter needed — ask by digital letter",
        "Vestbank: Partial — one account could not be read",
        "Vestbank 2222.33.66666: Failed — transactions: timeout",  # grouped as elsewhere
    ]


def test_account_tree_lists_banks_and_accounts_and_narrows_the_table(
    opened: MainWindow, fixed_case: FixedCase
) -> None:
    tree = opened.account_tree
    assert [tree.topLevelItem(n).text(0) for n in range(tree.topLevelItemCount())] == [
        "All accounts", "Fjordbank", "Nordbanken ASA", "Vestbank",
    ]  # fmt: skip
    nordbanken = tree.topLevelItem(2)
    assert [nordbanken.child(n).text(1) for n in range(nordbanken.childCount())] == [
        "Everyday account", "Savings account", "Loan account",
    ]  # fmt: skip
    # narrow columns cut long names short; the whole name and status are read on hover
    assert nordbanken.toolTip(0) == "Nordbanken ASA"
    assert nordbanken.toolTip(3) == nordbanken.text(3) != ""
    assert nordbanken.child(0).toolTip(1) == "Everyday account"
    balances = [
        bank.child(n).text(4)
        for bank in (tree.topLevelItem(i) for i in range(1, tree.topLevelItemCount()))
        for n in range(bank.childCount())
    ]
    widest = max(tree.fontMetrics().horizontalAdvance(text) for text in balances)
    assert widest < tree.columnWidth(4)  # a balance is never cut short
    assert opened.transaction_model.rowCount() == 7
    tree.select_account(fixed_case.loan)
    assert opened.transaction_model.current_filter.account_ids == (fixed_case.loan,)
    assert opened.transaction_model.rowCount() == 1
    tree.setCurrentItem(nordbanken)
    assert opened.transaction_model.rowCount() == 6


def test_filter_bar_narrows_the_table(qtbot: QtBot, opened: MainWindow) -> None:
    bar = opened.filter_bar
    bar.text.setText("kunde")
    bar.flush()
    assert opened.transaction_model.rowCount() == 2
    bar.amount_min.setText("1 000,00")
    bar.flush()
    assert opened.transaction_model.rowCount() == 1
    assert opened.transaction_model.current_filter == TransactionFilter(
        text="kunde", amount_min=100_000
    )
    bar.clear()
    assert opened.transaction_model.rowCount() == 7
    assert opened.count_label.text().replace(NBSP, " ") == "7 of 7 transactions"
    # money in and out, chosen in the combo box as a user does
    model = opened.transaction_model
    for text, keeps in (
        ("Money out", lambda minor: minor < 0),
        ("Money in", lambda minor: minor > 0),
    ):
        bar.direction.setCurrentIndex(bar.direction.findText(text))
        bar.flush()
        amounts = [model.transaction_at(row).amount_minor for row in range(model.rowCount())]
        assert 0 < len(amounts) < 7 and all(keeps(minor) for minor in amounts), (text, amounts)
    bar.clear()


def test_status_choices_come_from_the_case_and_filter_the_table(opened: MainWindow) -> None:
    opened.wait_for_workers()  # the statuses arrive with the overview
    combo = opened.filter_bar.status
    choices = [combo.itemData(index) for index in range(combo.count())]
    assert choices == [None, "booked", "pending"]
    combo.setCurrentIndex(choices.index("pending"))
    opened.filter_bar.flush()
    assert opened.transaction_model.current_filter.status == "pending"
    assert opened.transaction_model.rowCount() == 1


def test_filter_bar_waits_for_a_pause_in_typing(qtbot: QtBot, opened: MainWindow) -> None:
    opened.filter_bar.text.setText("rema")
    assert opened.transaction_model.rowCount() == 7
    qtbot.waitUntil(lambda: opened.transaction_model.rowCount() == 1, timeout=2000)


def test_clicking_the_amount_header_sorts_in_sql(opened: MainWindow) -> None:
    opened.transaction_view.sortByColumn(COLUMN_OF[SortKey.AMOUNT], Qt.SortOrder.DescendingOrder)
    assert opened.transaction_model.sort_key is SortKey.AMOUNT
    first = opened.transaction_model.transaction_at(0)
    assert first is not None and first.amount_minor == 250_000


# Flags and notes -------------------------------------------------------------------------


def _choose_row(window: MainWindow, row: int) -> int:
    window.show_tab(TAB_TRANSACTIONS)
    window.transaction_view.setCurrentIndex(window.transaction_model.index(row, 2))
    transaction_id = window.selected_transaction()
    assert transaction_id is not None
    return transaction_id


def test_manual_flag_is_stored_with_author_and_time_and_can_be_cleared(
    opened: MainWindow, db: Database
) -> None:
    transaction_id = _choose_row(opened, 3)
    before = datetime.now(UTC)
    assert opened.flag_transaction(reason="Avdrag etter kjennelsen")

    with db.session() as session:
        flag = session.scalars(select(Flag).where(Flag.transaction_id == transaction_id)).one()
        assert (flag.rule, flag.reason, flag.created_by) == (
            "manual", "Avdrag etter kjennelsen", config.current_user(),
        )  # fmt: skip
        assert before - timedelta(seconds=1) <= flag.created_at <= datetime.now(UTC)
        assert flag.cleared_at is None
    model = opened.transaction_model
    assert model.index(3, COLUMN_OF[SortKey.FLAG]).data(Qt.ItemDataRole.DecorationRole)
    assert "Avdrag etter kjennelsen" in opened.details.text()

    opened.filter_bar.flagged.setChecked(True)
    opened.filter_bar.flush()
    assert model.rowCount() == 1 and model.transaction_id(0) == transaction_id

    opened.transaction_view.setCurrentIndex(model.index(0, 2))
    assert opened.clear_transaction_flags()
    with db.session() as session:
        flag = session.scalars(select(Flag).where(Flag.transaction_id == transaction_id)).one()
        assert flag.cleared_by == config.current_user()
        assert flag.cleared_at is not None
    opened.filter_bar.flush()
    model.reload()
    assert model.rowCount() == 0


def test_note_on_a_transaction_is_stored_with_author_and_time(
    opened: MainWindow, db: Database
) -> None:
    transaction_id = _choose_row(opened, 0)
    opened.item_notes.editor.setPlainText("Kvittering mangler")
    opened.item_notes.add_current()

    with db.session() as session:
        note = session.scalars(select(Note)).one()
        assert (note.target_kind, note.target_id, note.text, note.author) == (
            "transaction", transaction_id, "Kvittering mangler", config.current_user(),
        )  # fmt: skip
        assert note.created_at.tzinfo is not None
    assert opened.item_notes.notes.count() == 1
    assert "Kvittering mangler" in opened.item_notes.notes.item(0).text()
    marker = opened.transaction_model.index(0, COLUMN_OF[SortKey.NOTES])
    assert marker.data(Qt.ItemDataRole.DecorationRole)


def test_notes_on_an_account_and_on_the_case(
    opened: MainWindow, db: Database, fixed_case: FixedCase
) -> None:
    opened.show_tab(TAB_TRANSACTIONS)
    opened.account_tree.select_account(fixed_case.savings)
    opened.item_notes.add("Saldo bekreftet av banken")
    opened.case_notes.add("Bostyrer varslet")

    with db.session() as session:
        notes = session.scalars(select(Note).order_by(Note.id)).all()
        assert [(n.target_kind, n.target_id, n.text) for n in notes] == [
            (NoteTarget.ACCOUNT.value, fixed_case.savings, "Saldo bekreftet av banken"),
            (NoteTarget.CASE.value, None, "Bostyrer varslet"),
        ]


# Chart -----------------------------------------------------------------------------------


def test_balance_chart_follows_the_chosen_account(
    opened: MainWindow, fixed_case: FixedCase
) -> None:
    opened.account_tree.select_account(fixed_case.everyday)
    series = dict(opened.chart.series)
    assert series[date(2025, 3, 15)] == 70_000
    assert series[date(2025, 4, 1)] == 120_000
    assert series[date(2025, 5, 2)] == 100_000
    assert series[date(2025, 6, 30)] == 100_000
    assert min(series) == date(2024, 3, 15)
    assert len(opened.chart.chart.series()) == 1


def test_the_chart_of_an_account_looks_the_same_however_it_was_reached(
    qtbot, db, opened: MainWindow, fixed_case: FixedCase
) -> None:
    from app.ui.chart import BalanceChart

    def picture(chart: BalanceChart) -> bytes:
        """What is on the screen, as the user sees it, rather than the widget painted anew."""
        chart.resize(800, 500)
        chart.show()
        qtbot.waitExposed(chart)
        qtbot.wait(50)
        image = chart.screen().grabWindow(chart.winId()).toImage()
        return bytes(image.constBits())

    switched = opened.chart
    switched.setParent(None)
    for account in (fixed_case.everyday, fixed_case.loan, fixed_case.everyday, fixed_case.loan):
        switched.show_account(account)
    fresh = BalanceChart(db)
    qtbot.addWidget(fresh)
    fresh.set_case(switched._overview)
    fresh.show_account(fixed_case.loan)
    assert fresh.series == switched.series != []
    # no label or line of an account shown before is left behind, no label cut short
    assert picture(switched) == picture(fresh)


def test_production_data_carries_no_sandbox_mark(opened: MainWindow) -> None:
    import dataclasses

    opened.wait_for_workers()
    page = opened.overview
    overview = page.overview
    assert overview is not None and overview.environment == "sandbox"
    page.show_overview(dataclasses.replace(overview, environment="production"))
    assert "K-2025-001" in page.heading.text()
    assert "Sandbox" not in page.heading.text()


def test_after_an_import_the_count_shows_the_new_total(
    qtbot, db: Database, opened: MainWindow, fixed_case: FixedCase, tmp_path
) -> None:
    from datetime import UTC, datetime

    from app.imports.into_case import CaseImport

    export = tmp_path / "eksport.csv"
    export.write_text("Dato;Tekst;Beløp\n02.05.2025;Kiosk;-35,00\n03.05.2025;Kiosk;-45,00\n")
    with db.session() as session:
        number = session.get(Account, fixed_case.everyday).account_number
    CaseImport(db, fixed_case.case_id, user="t", now=datetime.now(UTC)).import_file(
        export, account_number=number
    )

    opened._after_import()
    qtbot.waitUntil(lambda: opened.transaction_model.rowCount() == 9, timeout=10_000)

    assert opened.count_label.text().replace(NBSP, " ") == "9 of 9 transactions"


def test_the_totals_keep_room_for_every_currency_and_put_kroner_first(
    qtbot, db: Database, opened: MainWindow, fixed_case: FixedCase
) -> None:
    from datetime import date
    from decimal import Decimal

    from app.domain.records import AccountRecord, BalanceRecord
    from app.store.writer import CaseWriter

    writer = CaseWriter(db)
    with db.session() as session:
        bank_id = session.get(Account, fixed_case.everyday).bank_id
    other = writer.upsert_account(
        fixed_case.case_id, bank_id, AccountRecord("DE14740618130000033626", currency="AUD"), None
    )
    writer.upsert_balances(
        other, [BalanceRecord("bookedBalance", Decimal("23.06"), "AUD", date(2025, 6, 16))]
    )
    opened.load_overview()
    qtbot.waitUntil(lambda: opened.overview.totals.rowCount() == 2, timeout=10_000)

    table = opened.overview.totals
    assert [table.item(row, 0).text() for row in range(table.rowCount())] == ["NOK", "AUD"]
    rows = 2 * table.verticalHeader().defaultSectionSize()
    assert table.minimumHeight() >= table.horizontalHeader().sizeHint().height() + rows


def test_a_chosen_case_says_it_is_being_read_until_its_overview_arrives(
    qtbot, window: MainWindow, fixed_case: FixedCase
) -> None:
    window.case_model.reload()
    window.open_case(fixed_case.case_id)  # the overview arrives through the event loop
    assert window.overview.heading.text() == "Reading the case…"
    qtbot.waitUntil(lambda: window.overview.overview is not None, timeout=10_000)
    assert "K-2025-001" in window.overview.heading.text()
    window.overview.show_overview(None)  # no case chosen
    assert window.overview.heading.text().startswith("Choose a case")
