"""The import dialog (mapping, preview, import) and the letters dialog, offscreen."""

from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import func, select

from app.store.models import ImportMapping, Transaction
from app.ui.import_dialog import ImportDialog
from app.ui.letters_dialog import LettersDialog

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "camt"
EXPORT = (
    "Bokført;Beskrivelse;Beløpet;Mottakernavn\n"
    "02.01.2025;Husleie januar;-9 800,00;Demo Husleie AS\n"
    "03.01.2025;Lønn;35 000,00;Arbeidsgiver AS\n"
    "04.01.2025;Kino;x12;Kino Prøve\n"
)


def test_an_export_is_mapped_previewed_and_imported(qtbot, db, fixed_case, tmp_path):
    export = tmp_path / "export.csv"
    export.write_bytes(EXPORT.encode("cp1252"))
    dialog = ImportDialog(db, fixed_case.case_id, "tester")
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(export))
    dialog.file_changed()
    # "Beløpet" is not a header the detector knows: the amount role is missing
    assert "Amount (signed)" in dialog.problems_label.text()
    dialog.role_combos["amount"].setCurrentIndex(dialog.role_combos["amount"].findData("Beløpet"))
    assert dialog.preview_table.rowCount() == 3
    assert dialog.preview_table.item(0, 2).text() == "-9\u00a0800,00"
    assert "'x12'" in dialog.problems_label.text()  # the bad cell, with line and column
    export.write_bytes(EXPORT.replace("x12", "-250,00").encode("cp1252"))
    dialog.refresh_preview()

    dialog.account_combo.setEditText("9990.10.00014")
    worker = dialog.start_import()
    assert worker is not None
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=10_000)
    assert (dialog.result_.records, dialog.result_.new) == (3, 3)
    with db.session() as session:
        remembered = session.scalar(select(func.count(ImportMapping.id)))
    assert remembered == 1

    again = ImportDialog(db, fixed_case.case_id, "tester")
    qtbot.addWidget(again)
    again.bank_combo.setCurrentIndex(dialog.bank_combo.currentIndex())
    again.path_edit.setText(str(export))
    again.file_changed()
    assert again.role_combos["amount"].currentData() == "Beløpet"  # remembered for the bank


def test_a_wrong_account_number_is_named_and_nothing_is_imported(qtbot, db, fixed_case):
    with db.session() as session:
        before = session.scalar(select(func.count(Transaction.id)))
    dialog = ImportDialog(db, fixed_case.case_id, "tester")
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(SAMPLES / "viafintech__053_valid_example.xml"))
    dialog.file_changed()
    dialog.account_combo.setEditText("12345678901")
    assert dialog.start_import() is None
    assert "Account number" in dialog.problems_label.text()
    with db.session() as session:
        assert session.scalar(select(func.count(Transaction.id))) == before


def test_a_statement_is_imported_to_its_own_account_as_the_dialog_opens(qtbot, db, fixed_case):
    dialog = ImportDialog(db, fixed_case.case_id, "tester")
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(SAMPLES / "viafintech__053_valid_example.xml"))
    dialog.file_changed()
    assert dialog.account_combo.currentText() == ""  # no account of the case chosen for it
    dialog.bank_combo.setCurrentIndex(dialog.bank_combo.count() - 1)  # a bank not in the case
    dialog.new_org.setText("999000029")
    dialog.new_name.setText("Viafintech")
    assert dialog.account_combo.currentText() == ""

    worker = dialog.start_import()

    assert worker is not None, dialog.problems_label.text()
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=10_000)
    assert (dialog.result_.records, dialog.result_.new) == (5, 5)
    assert dialog.result_.accounts[0].account_number == "DE14740618130000033626"


def test_choosing_another_bank_drops_the_account_chosen_and_keeps_one_typed(qtbot, db, fixed_case):
    dialog = ImportDialog(db, fixed_case.case_id, "tester")
    qtbot.addWidget(dialog)
    with_accounts = next(
        index
        for index in range(dialog.bank_combo.count())
        if dialog.bank_combo.setCurrentIndex(index) or dialog.account_combo.count()
    )
    assert dialog.account_combo.currentText() == ""
    dialog.account_combo.setCurrentIndex(0)
    assert dialog.account_combo.currentText() != ""
    dialog.bank_combo.setCurrentIndex(dialog.bank_combo.count() - 1)
    assert dialog.account_combo.currentText() == ""
    dialog.account_combo.setEditText("9990.10.00014")
    dialog.bank_combo.setCurrentIndex(with_accounts)
    assert dialog.account_combo.currentText() == "9990.10.00014"


def test_letters_are_written_sent_and_answered(qtbot, db, fixed_case, tmp_path):
    dialog = LettersDialog(db, fixed_case.case_id, "tester", "nb")
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 1).text() == "910 000 003"  # Fjordbank needs a letter
    assert dialog.table.item(0, 2).text() == "Letter needed"
    worker = dialog.write_letter(tmp_path / "letter.pdf")
    worker.wait(30_000)
    qtbot.waitUntil(lambda: (tmp_path / "letter.pdf").exists(), timeout=10_000)
    text = PdfReader(tmp_path / "letter.pdf").pages[0].extract_text()
    assert "Anmodning om kontoopplysninger" in text and "Fjordbank" in text
    qtbot.waitUntil(lambda: dialog.table.item(0, 2).text() == "Written, not sent", timeout=5000)
    dialog.mark("sent")
    assert dialog.table.item(0, 2).text() == "Sent"
    assert dialog.table.item(0, 3).text()
    assert dialog.sent_button.isEnabled() is False  # sent already: only answered is next
    dialog.mark("answered")
    assert dialog.table.item(0, 2).text() == "Answered"
    assert not dialog.sent_button.isEnabled() and not dialog.answered_button.isEnabled()
    dialog.mark("sent")  # as a stale click would: refused, the state stays
    assert dialog.table.item(0, 2).text() == "Answered"
    assert "only moves on" in dialog.status.text()


def test_a_closed_case_gets_no_letter_and_says_why(qtbot, db, fixed_case, tmp_path):
    from datetime import UTC, datetime

    from app.store.deletion import close_case

    close_case(db, fixed_case.case_id, now=datetime.now(UTC))
    dialog = LettersDialog(db, fixed_case.case_id, "tester", "en")
    qtbot.addWidget(dialog)
    assert dialog.write_letter(tmp_path / "letter.pdf") is None
    assert not (tmp_path / "letter.pdf").exists()
    assert "closed" in dialog.status.text()
    dialog.mark("sent")
    assert dialog.table.item(0, 2).text() == "Letter needed"


def test_the_request_log_shows_each_request_and_saves_csv(qtbot, db, fixed_case, tmp_path):
    from app.dsop.audit import AuditEntry
    from app.store.writer import CaseWriter
    from app.ui.audit_dialog import AuditDialog

    CaseWriter(db).add_audit(
        [
            AuditEntry(
                environment="sandbox",
                endpoint="accounts",
                user="tester",
                case_id=fixed_case.case_id,
                bank_org_number="910000001",
                correlation_id="0b7e4c6d-8a21-4f3b-b0c9-5e2d1a9f4e20",
                http_status=200,
                response_status="complete",
                item_count=3,
                legal_mandate="kkl. §156",
                outcome="ok",
            ),
            AuditEntry(
                environment="sandbox",
                endpoint="transactions",
                user="tester",
                case_id=fixed_case.case_id,
                bank_org_number="910000002",
                http_status=503,
                attempt=2,
                outcome="http_error",
            ),
        ]
    )
    dialog = AuditDialog(db, fixed_case.case_id)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, 3).text() == "0b7e4c6d-8a21-4f3b-b0c9-5e2d1a9f4e20"
    assert dialog.table.item(1, 4).text() == "503" and dialog.table.item(1, 8).text() == "2"
    assert "kkl. §156" in dialog.summary.text()
    saved = dialog.save(tmp_path / "log.csv")
    lines = saved.read_text(encoding="utf-8-sig").splitlines()
    assert saved.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    assert len(lines) == 3 and lines[0].startswith("time;user;case")


def test_a_file_that_cannot_be_read_is_named_in_the_dialog_without_a_traceback(
    qtbot, db, fixed_case, tmp_path, caplog
):
    broken = tmp_path / "kutt.xml"
    broken.write_bytes((SAMPLES / "viafintech__053_valid_example.xml").read_bytes()[:2000])
    dialog = ImportDialog(db, fixed_case.case_id, "tester")
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(broken))
    dialog.file_changed()
    dialog.bank_combo.setCurrentIndex(dialog.bank_combo.count() - 1)
    dialog.new_org.setText("999000029")
    dialog.new_name.setText("Viafintech")

    worker = dialog.start_import()
    assert worker is not None
    qtbot.waitUntil(lambda: dialog.problems_label.text() != "", timeout=10_000)

    shown = dialog.problems_label.text()
    assert shown.startswith("Not imported: kutt.xml, line ")
    assert "Error" not in shown  # no Python class name
    assert not any(record.exc_info for record in caplog.records)  # no traceback in the log
