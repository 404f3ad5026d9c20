"""The guardianship panel, offscreen: enter a reported account by hand, run the control, see
the deviation with the transactions behind it, and record the outcome."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402

from app.domain.guardianship import CATEGORIES, Outcome  # noqa: E402
from app.store import guardianship as store  # noqa: E402
from app.ui.formatting import account_number  # noqa: E402
from app.ui.guardianship import FIXED_COLUMNS, GuardianshipPanel  # noqa: E402
from tests.guardianship.conftest import EVERYDAY  # noqa: E402

COLUMN = {c.code: FIXED_COLUMNS + i for i, c in enumerate(CATEGORIES)}


def panel_for(qtbot, db, case_id) -> GuardianshipPanel:
    panel = GuardianshipPanel(db, case_id, "officer")
    qtbot.addWidget(panel)
    panel.resize(1200, 800)
    panel.show()
    return panel


def test_the_panel_opens_with_no_report_and_suggests_follow_up(qtbot, db, case_id):
    panel = panel_for(qtbot, db, case_id)
    assert panel.accounts.rowCount() == 0
    assert "No guardian's account" in panel.summary.text()
    assert "No outcome recorded yet." in panel.recorded.text()


def test_an_account_entered_by_hand_is_controlled_and_the_outcome_recorded(qtbot, db, case_id):
    panel = panel_for(qtbot, db, case_id)
    row = panel.add_account_row()
    panel.set_cell(row, 0, "9990.00.33334")
    panel.set_cell(row, 1, "Fjordbank")
    panel.set_cell(row, 2, "2 050,00")
    panel.set_cell(row, 3, "8 000,00")
    panel.set_cell(row, COLUMN["pension"], "20 000,00")
    panel.set_cell(row, COLUMN["housing"], "9 000")
    panel.set_cell(row, COLUMN["cash"], "1 000,00")  # the bank shows 2 000,00 kr in cash
    panel.set_cell(row, COLUMN["fees"], "50,00")
    panel.set_cell(row, COLUMN["to_guardian"], "3 000,00")
    panel.set_cell(row, COLUMN["other_expense"], "1 000,00")

    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)

    assert panel.status.text().startswith("Saved 1 account")
    assert sorted(panel.deviation_rules()) == ["cash_not_reported", "to_guardian"]
    top = [panel.deviations.topLevelItem(i) for i in range(panel.deviations.topLevelItemCount())]
    cash = next(item for item in top if "cash" in item.text(0).lower())
    assert cash.text(1) == account_number(EVERYDAY) == "9990.00.33334"
    assert cash.childCount() == 2  # the two withdrawals behind it
    assert cash.child(0).text(0) == "02.04.2024"
    assert "Suggested:" in panel.summary.text()

    panel.set_outcome(Outcome.FOLLOW_UP, "Ask the guardian about the cash")
    qtbot.mouseClick(panel.outcome_button, Qt.MouseButton.LeftButton)
    assert "officer" in panel.recorded.text()
    with db.session() as session:
        recorded = store.latest_outcome(session, case_id)
        (reported,) = store.load_report(session, case_id)
    assert recorded.outcome is Outcome.FOLLOW_UP
    assert recorded.reason == "Ask the guardian about the cash"
    assert reported.amount_of("cash") == 100_000


def test_a_bad_cell_is_named_and_nothing_is_saved(qtbot, db, case_id):
    panel = panel_for(qtbot, db, case_id)
    row = panel.add_account_row()
    panel.set_cell(row, 0, "99900033334")
    panel.set_cell(row, 2, "2 050,00")
    panel.set_cell(row, 3, "åtte tusen")
    assert panel.save_report() is False
    assert panel.status.text() == ("Account 1, Balance 31 December: 'åtte tusen' is not an amount")
    with db.session() as session:
        assert store.load_report(session, case_id) == []


def test_importing_a_file_fills_the_table(qtbot, db, case_id, tmp_path):
    path = tmp_path / "v.csv"
    path.write_bytes(
        "Kontonummer;Bank;Post;Beløp\n"
        "99900033334;Fjordbank;Inngående saldo;2 050,00\n"
        "99900033334;Fjordbank;Utgående saldo;8 000,00\n"
        "99900033334;Fjordbank;Pensjon og trygd;20 000,00\n".encode("cp1252")
    )
    panel = panel_for(qtbot, db, case_id)
    assert panel.import_file(path)
    assert panel.accounts.rowCount() == 1
    assert panel.accounts.item(0, COLUMN["pension"]).text().replace("\u00a0", " ") == "20 000,00"
    assert "sum_out" in panel.deviation_rules()  # nothing reported out; the bank paid 14 050


def test_following_up_without_a_reason_is_refused(qtbot, db, case_id):
    panel = panel_for(qtbot, db, case_id)
    panel.set_outcome(Outcome.FOLLOW_UP, "")
    assert panel.save_outcome() is False
    assert "Reason" in panel.status.text()


def test_an_outcome_given_before_the_account_was_read_in_again_is_shown_as_earlier(
    qtbot, db, case_id
):
    from app.domain.guardianship import ReportedAccount
    from app.review.control import record_outcome

    with db.session() as session:
        first = [ReportedAccount(EVERYDAY, "Fjordbank", 205_000, 800_000, ())]
        store.save_report(session, case_id, first, user="officer", source="v1.csv")
    record_outcome(db, case_id, Outcome.FOLLOW_UP, reason="Ask for receipts", user="officer")
    with db.session() as session:
        second = [ReportedAccount(EVERYDAY, "Fjordbank", 205_000, 810_000, ())]
        store.save_report(session, case_id, second, user="officer", source="v2.csv")

    panel = panel_for(qtbot, db, case_id)
    assert "No outcome recorded for this guardian's account" in panel.recorded.text()
    assert "read in again" in panel.recorded.text()
    assert panel.outcome_group.checkedButton() is None
    assert panel.reason.toPlainText() == ""


def test_a_deviation_on_a_euro_account_gives_its_reason_in_euro(qtbot, db, case_id):
    from sqlalchemy import select

    from app.domain.guardianship import ReportedAccount
    from app.store.models import Account

    with db.session() as session:
        (account,) = session.scalars(select(Account).where(Account.case_id == case_id))
        account.currency = "EUR"
        wrong = [ReportedAccount(EVERYDAY, "Fjordbank", 255_000, 800_000, ())]
        store.save_report(session, case_id, wrong, user="officer")

    panel = panel_for(qtbot, db, case_id)
    top = [panel.deviations.topLevelItem(i) for i in range(panel.deviations.topLevelItemCount())]
    opening = next(
        item for item in top if item.data(0, Qt.ItemDataRole.UserRole) == "opening_balance"
    )
    assert opening.text(2).replace("\u00a0", " ") == "500,00 EUR"
    assert "2 550,00 EUR" in opening.text(3).replace("\u00a0", " ")
    assert " kr" not in opening.text(3)


def test_a_note_stays_with_its_account_when_another_is_removed(qtbot, db, case_id, tmp_path):
    path = tmp_path / "v.csv"
    path.write_bytes(
        "Kontonummer;Bank;Post;Beløp;Merknad\n"
        "99900033334;Fjordbank;Inngående saldo;100,00;\n"
        "99900033334;Fjordbank;Utgående saldo;100,00;\n"
        "99900033334;Fjordbank;Kontantuttak;50,00;til frisør\n"
        "99900022227;Lillevik;Inngående saldo;0;\n"
        "99900022227;Lillevik;Utgående saldo;0;\n"
        "99900022227;Lillevik;Kontantuttak;30,00;lommepenger\n".encode("cp1252")
    )
    panel = panel_for(qtbot, db, case_id)
    assert panel.import_file(path)
    first = [panel.accounts.item(r, 0).text() for r in range(panel.accounts.rowCount())]
    assert first == ["9990.00.33334", "9990.00.22227"]  # grouped as everywhere else

    panel.accounts.selectRow(0)
    panel.remove_selected_rows()
    assert panel.save_report()

    with db.session() as session:
        (kept,) = store.load_report(session, case_id)
    assert kept.account_number == "99900022227"
    assert [(line.category, line.note) for line in kept.lines] == [("cash", "lommepenger")]
    cell = panel.accounts.item(0, COLUMN["cash"])
    assert cell.toolTip() == "lommepenger"


def test_a_refusal_is_cleared_once_the_outcome_is_recorded(qtbot, db, case_id):
    panel = panel_for(qtbot, db, case_id)
    panel.set_outcome(Outcome.FOLLOW_UP, "")
    assert panel.save_outcome() is False and panel.status.text()
    panel.set_outcome(Outcome.FOLLOW_UP, "Ber om kvitteringer")
    assert panel.save_outcome() is True
    assert panel.status.text() == ""


def test_a_refused_account_is_named_in_norwegian_with_the_column(qtbot, qapp, db, case_id):
    from app.ui.translations import Translations

    translations = Translations(qapp)
    translations.apply("nb")
    panel = panel_for(qtbot, db, case_id)
    row = panel.add_account_row()
    panel.set_cell(row, 0, "99900033334")
    panel.set_cell(row, 2, "0,00")
    panel.set_cell(row, 3, "0,00")
    panel.set_cell(row, COLUMN["cash"], "-100,00")
    assert panel.save_report() is False
    assert panel.status.text() == (
        "Konto 1, Kontantuttak: kan ikke være negativt; skriv utgifter som positive beløp"
    )  # the category's column named, no English left
    panel.set_cell(row, COLUMN["cash"], "100,00")
    panel.set_cell(row, 0, "99900033335")  # a wrong check digit
    assert panel.save_report() is False
    assert panel.status.text().startswith("Konto 1, Kontonummer: ")
    translations.apply("en")
