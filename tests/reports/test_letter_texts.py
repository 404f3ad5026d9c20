"""The request letter's sender and the name of whom it concerns, as the bank reads them."""

from __future__ import annotations

from datetime import date

from pypdf import PdfReader
from report_support import REPORT_CLOCK

from app import config
from app.domain.cases import CaseFacts
from app.domain.identifiers import PartyKind
from app.domain.services import Service
from app.reports.letter import write_letter
from app.store.cases import create_case
from app.store.writer import BankInfo, CaseWriter


def unnamed_case(db) -> tuple[int, int]:
    facts = CaseFacts(
        service=Service.BANKRUPTCY,
        reference="KONK-UTEN-NAVN",
        subject_id="999000010",
        subject_kind=PartyKind.ORGANISATION,
        key_date=date(2025, 3, 14),
    )
    case_id = create_case(db, facts, environment="sandbox", user="root")
    banks = CaseWriter(db).upsert_banks(case_id, [BankInfo("933333333", "Ukjent Sparebank")])
    return case_id, banks["933333333"]


def letter_text(db, tmp_path, **options) -> str:
    case_id, bank_id = unnamed_case(db)
    out = write_letter(db, case_id, bank_id, tmp_path / "letter.pdf", clock=REPORT_CLOCK, **options)
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)


def test_a_subject_without_a_name_reads_as_in_the_report(db, tmp_path):
    assert "Gjelder (navn ikke oppgitt)" in letter_text(db, tmp_path)


def test_the_sender_is_the_users_name_from_the_settings(db, tmp_path):
    settings = config.Settings.load()
    settings.sender_name = "Bostyrer Berit Berg"
    settings.save()
    assert "Fra Bostyrer Berit Berg" in letter_text(db, tmp_path)


def test_without_a_name_the_sender_is_the_role_not_the_login(db, tmp_path, monkeypatch):
    monkeypatch.setattr(config, "current_user", lambda: "root")
    text = letter_text(db, tmp_path)
    assert "Fra Bostyrer i konkursboet" in text
    assert "root" not in text


def test_a_letter_sent_is_dated_as_sent_with_the_answer_date_stored_then(db, tmp_path):
    from datetime import timedelta

    from app.store import letters

    case_id, bank_id = unnamed_case(db)
    sent = REPORT_CLOCK.now() - timedelta(days=5)
    with db.session() as session:
        letter_id = letters.draft(session, case_id, bank_id, user="t", now=sent)
        letters.mark_sent(session, letter_id, now=sent)

    out = write_letter(db, case_id, bank_id, tmp_path / "l.pdf", clock=REPORT_CLOCK)  # 5 days on
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)

    sent_day = sent.date()  # the clock is Oslo's
    assert f"Dato {sent_day:%d.%m.%Y}" in text
    assert f"Svar innen {sent_day + timedelta(days=letters.ANSWER_DAYS):%d.%m.%Y}" in text


def test_the_letter_names_whom_it_concerns_as_the_banks_do_when_the_user_did_not(db, tmp_path):
    from app.domain.records import AccountRecord

    case_id, bank_id = unnamed_case(db)
    CaseWriter(db).upsert_account(
        case_id,
        bank_id,
        AccountRecord("99901000014", owner_id="999000010", owner_name="SYNTETISK BYGG AS"),
        None,
    )
    out = write_letter(db, case_id, bank_id, tmp_path / "l.pdf", clock=REPORT_CLOCK)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert "Gjelder SYNTETISK BYGG AS" in text
