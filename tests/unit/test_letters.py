"""Digital letters: which banks need one, their states, and the letter itself."""

from datetime import UTC, date, datetime, timedelta

import pytest
from pypdf import PdfReader

from app.domain.cases import new_bankruptcy
from app.domain.clock import FixedClock
from app.reports.letter import write_letter
from app.store import letters
from app.store.cases import create_case
from app.store.writer import BankInfo, CaseWriter

NOW = datetime(2025, 6, 16, 10, tzinfo=UTC)


def case_with_banks(db) -> tuple[int, dict[str, int]]:
    facts = new_bankruptcy(
        reference="K-7",
        debtor_id="999000010",
        debtor_name="SYNTETISK BYGG AS",
        ruling_date=date(2025, 5, 5),
        today=NOW.date(),
    )
    case_id = create_case(db, facts, environment="sandbox", user="trustee")
    writer = CaseWriter(db)
    banks = writer.upsert_banks(
        case_id,
        [
            BankInfo("999000029", "Fjordbank"),
            BankInfo("999000126", "Syntetisk Sparebank Nord"),
            BankInfo("999000037", "Testdal"),
        ],
    )
    writer.set_bank(banks["999000126"], status="letter_needed")
    writer.set_bank(banks["999000029"], status="complete")
    writer.set_bank(banks["999000037"], status="partial")
    return case_id, banks


def test_a_bank_without_api_needs_a_letter_and_its_state_moves_on(db):
    case_id, banks = case_with_banks(db)
    with db.session() as session:
        rows = letters.letter_rows(session, case_id, NOW.date())
        assert [(r.org_number, r.status) for r in rows] == [("999000126", "none")]
        letter_id = letters.draft(session, case_id, banks["999000126"], user="t", now=NOW)
        assert letters.draft(session, case_id, banks["999000126"], user="t", now=NOW) == letter_id
        letters.mark_sent(session, letter_id, now=NOW)
    with db.session() as session:
        [row] = letters.letter_rows(session, case_id, NOW.date())
        assert (row.status, row.due_on) == ("sent", date(2025, 6, 30))
        [late] = letters.letter_rows(session, case_id, date(2025, 7, 1))
        assert late.status == "reminder_due"
        assert letters.mark_imported(session, case_id, banks["999000126"], now=NOW + timedelta(1))
    with db.session() as session:
        [row] = letters.letter_rows(session, case_id, date(2025, 7, 1))
        assert row.status == "imported" and row.answered_at is not None


def test_a_letter_to_a_partial_bank_is_listed_once_drafted(db):
    case_id, banks = case_with_banks(db)
    with db.session() as session:
        letters.draft(session, case_id, banks["999000037"], user="t", now=NOW)
        listed = [r.org_number for r in letters.letter_rows(session, case_id, NOW.date())]
    assert listed == ["999000126", "999000037"]  # by bank name: Syntetisk before Testdal


def test_a_bank_that_answered_in_full_gets_no_letter(db):
    case_id, banks = case_with_banks(db)
    with db.session() as session:
        with pytest.raises(letters.LetterNotNeeded, match="bank 999000029 answered in full"):
            letters.draft(session, case_id, banks["999000029"], user="t", now=NOW)
        listed = [r.org_number for r in letters.letter_rows(session, case_id, NOW.date())]
    assert listed == ["999000126"]


def test_the_letter_states_basis_period_object_and_how_to_answer(db, tmp_path):
    case_id, banks = case_with_banks(db)
    out = write_letter(
        db,
        case_id,
        banks["999000126"],
        tmp_path / "letter.pdf",
        clock=FixedClock(NOW),
        user="Bostyrer Prøve",
    )
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    for expected in (
        "Anmodning om kontoopplysninger",
        "Syntetisk Sparebank Nord",
        "kkl. § 156 (3) og (4)",
        "SYNTETISK BYGG AS",
        "999 000 010",
        "05.05.2024 – 16.06.2025",
        "camt.053",
        "K-7",
        "Bostyrer Prøve",
        "30.06.2025",
        "Fortrolig",
        "SANDBOX",
        "side 1 av 1",
    ):
        assert expected in text, expected
    assert out.stat().st_mode & 0o777 == 0o600
    english = write_letter(
        db, case_id, banks["999000126"], tmp_path / "en.pdf", clock=FixedClock(NOW), language="en"
    )
    assert "Request for account information" in PdfReader(english).pages[0].extract_text()


def test_a_closed_case_gets_no_new_letter_and_its_letters_stay_where_they_were(db):
    import pytest

    from app.store.cases import CaseClosed
    from app.store.deletion import close_case

    case_id, banks = case_with_banks(db)
    with db.session() as session:
        sent = letters.draft(session, case_id, banks["999000126"], user="t", now=NOW)
        letters.mark_sent(session, sent, now=NOW)
    close_case(db, case_id, now=NOW)

    with db.session() as session, pytest.raises(CaseClosed):
        letters.draft(session, case_id, banks["999000037"], user="t", now=NOW)
    with db.session() as session, pytest.raises(CaseClosed):
        letters.mark_answered(session, sent, now=NOW)
    with db.session() as session:
        assert letters.draft(session, case_id, banks["999000126"], user="t", now=NOW) == sent
        [row] = letters.letter_rows(session, case_id, NOW.date())
    assert row.status == "sent"
