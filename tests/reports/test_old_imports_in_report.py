"""An estate with a statement file from years before the death: its closing balance is not
carried forward to the date of death, and the report counts the transactions outside the
case's period once."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from report_support import all_text

from app.domain.cases import new_bankruptcy, new_estate
from app.imports.into_case import CaseImport
from app.reports.data import collect
from app.review.positions import positions
from app.store.browse import case_overview
from app.store.cases import create_case
from tests.conftest import AROUND_A_PERIOD

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "camt"
NOW = datetime(2025, 6, 16, 10, tzinfo=UTC)
DEATH = date(2025, 4, 22)
BANK = "999000061"


@pytest.fixture
def case_id(db) -> int:
    facts = new_estate(
        reference="D-1", deceased_id="02913810077", death_date=DEATH, today=NOW.date()
    )
    case_id = create_case(db, facts, environment="sandbox", user="executor")
    CaseImport(db, case_id, user="executor", now=NOW).import_file(
        SAMPLES / "viafintech__053_valid_example.xml", bank_org=BANK, bank_name="Utenlandsk bank"
    )
    return case_id


def test_a_balance_from_2013_gives_no_balance_at_the_date_of_death(db, case_id):
    with db.session() as session:
        overview = case_overview(session, case_id)
    (account,) = [a for bank in overview.banks for a in bank.accounts]

    assert account.balance_end == 2306
    assert account.balance_key is None
    assert not account.balance_key_derived


def test_the_estate_positions_leave_the_old_balance_unknown(db, case_id):
    (position,) = positions(db, case_id, DEATH)

    assert position.at_key_date is None


def test_the_report_counts_the_old_account_without_a_known_balance(db, case_id, write_report):
    text = " ".join(all_text(write_report(case_id, language="nb")))

    assert "23,06 (beregnet)" not in text
    assert "Kontoer uten kjent saldo, ikke med i summene: 1." in text


def test_the_report_says_once_how_many_transactions_lie_outside_the_period(
    db, case_id, write_report
):
    text = " ".join(all_text(write_report(case_id, language="en")))

    assert text.count("Imported transactions outside the case's period") == 1
    assert "22.01.2025" in text and ": 5. They are kept in the case" in text


def test_the_sums_leave_out_what_was_booked_outside_the_period(db, tmp_path):
    facts = new_bankruptcy(
        reference="K-OLD", debtor_id="999000010", ruling_date=date(2025, 5, 5), today=NOW.date()
    )
    case_id = create_case(db, facts, environment="sandbox", user="trustee")
    export = tmp_path / "old.csv"  # the period is 05.05.2024 to 16.06.2025
    export.write_text(AROUND_A_PERIOD, encoding="utf-8")
    CaseImport(db, case_id, user="trustee", now=NOW).import_file(
        export, bank_org="999000029", account_number="99901000014", bank_name="Fjordbank"
    )

    data = collect(db, case_id, made_at=NOW, user="trustee", version="test")

    nok = data.totals["NOK"]
    assert (nok.count, nok.in_minor, nok.out_minor) == (2, 30_000, -20_000)
    assert (nok.first, nok.last) == (date(2024, 5, 5), date(2025, 6, 16))
    assert data.outside_period == 1
    (per_account,) = data.activity.values()
    assert per_account["NOK"].count == 2
    assert data.after_key["NOK"].in_minor == 30_000


def test_after_midnight_in_oslo_the_period_ends_on_the_norwegian_date(db, tmp_path):
    # 16.06.2025 22:30 UTC is 17.06.2025 00:30 in Oslo: a booking of the 17th is inside
    late = datetime(2025, 6, 16, 22, 30, tzinfo=UTC)
    facts = new_bankruptcy(
        reference="K-NATT", debtor_id="999000010", ruling_date=date(2025, 5, 5),
        today=date(2025, 6, 17),
    )  # fmt: skip
    case_id = create_case(db, facts, environment="sandbox", user="trustee")
    export = tmp_path / "natt.csv"
    export.write_text("Dato;Tekst;Beløp\n16.06.2025;Før midnatt;-10,00\n17.06.2025;Etter;-5,00\n")
    result = CaseImport(db, case_id, user="trustee", now=late).import_file(
        export, bank_org="999000029", account_number="99901000014", bank_name="Fjordbank"
    )
    assert result.outside_period == 0

    data = collect(db, case_id, made_at=late, user="trustee", version="test")

    assert data.outside_period == 0
    assert (data.totals["NOK"].count, data.totals["NOK"].out_minor) == (2, -1_500)
