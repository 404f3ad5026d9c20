"""The trustee's and the heirs' decisions in their reports: review windows with totals and
assessments, close parties, assets and claims; the form of settlement, heirs, deadline, the
estate figures and what is unknown. Figures are the workflow tests' hand-worked values."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from report_support import all_text
from sqlalchemy import select

from app.domain.bankruptcy import Assessment, ReviewWindow
from app.domain.cases import new_bankruptcy, new_estate
from app.domain.estate import PRIVATE_SETTLEMENT_RULE, EstateFigures, Relation, warnings
from app.domain.records import AccountRecord, BalanceRecord
from app.review.bankruptcy import bankruptcy_review
from app.review.estate import estate_picture
from app.store import workflow
from app.store.cases import create_case
from app.store.models import Bank
from app.store.writer import CaseWriter
from tests.unit.test_workflows import CUTOFF, RULING, TODAY, build_bankruptcy, build_estate, tx


@pytest.fixture
def recorded_bankruptcy(db) -> int:
    case_id, main = build_bankruptcy(db)
    lines = bankruptcy_review(db, case_id, TODAY).windows[ReviewWindow.EXTRAORDINARY].lines
    supplier, salary = lines[0], lines[1]  # -20 000 on 02.02, -15 000 on 01.04
    with db.session() as session:
        workflow.assess_transaction(
            session, case_id, supplier.id, "extraordinary", Assessment.REVERSE.value,
            user="bostyrer", note="Betalt før forfall",
        )  # fmt: skip
        workflow.assess_transaction(
            session, case_id, salary.id, "extraordinary", Assessment.ACCEPT.value, user="bostyrer"
        )
        workflow.add_close_party(session, case_id, user="bostyrer", name="Kari Nordmann")
        workflow.assess_account(
            session, case_id, main, user="bostyrer", secured_minor=4_900_000,
            remarks="Sperret 06.05",
        )  # fmt: skip
    return case_id


@pytest.fixture
def recorded_estate(db) -> int:
    case_id = build_estate(db)
    with db.session() as session:
        workflow.add_heir(session, case_id, name="Kari", relation="child", user="heir", agrees=True)
        workflow.add_heir(session, case_id, name="Per", relation="child", user="heir")
        workflow.record_decision(session, case_id, workflow.SETTLEMENT_FORM, "private", user="heir")
        workflow.record_decision(
            session, case_id, workflow.SETTLEMENT_FORM, "public", user="heir2",
            representative="Advokat Prøve", reasons="Gjelden er større enn eiendelene",
        )  # fmt: skip
        workflow.record_decision(
            session, case_id, workflow.DEADLINE, "2025-08-01", user="heir",
            reasons="Tingretten ga lengre frist",
        )  # fmt: skip
        workflow.record_decision(session, case_id, workflow.FUNERAL_COSTS, "200000", user="heir")
    return case_id


def decisions_chapter(pages: list[str]) -> str:
    """The decisions chapter of a Norwegian report (after the cover and the contents)."""
    text = " ".join(pages[2:])
    start = text.index("4 Beslutninger")
    return text[start : text.index("5 Kilder og sporbarhet", start)]


def test_the_bankruptcy_report_gives_each_window_with_its_totals_and_assessments(
    recorded_bankruptcy, write_report
):
    text = decisions_chapter(all_text(write_report(recorded_bankruptcy)))
    assert "Kjennelsesdato 05.05.2025 Fristdag 02.05.2025" in text
    assert "Vurdert 2 av 9 transaksjoner i vinduene" in text  # 2 + 3 + 2 + 2 listed
    # the summary: dates, count, out, in, assessed per window
    assert "Etter kjennelsesdatoen 06.05.2025 – 16.06.2025 2 -1 000,00 2 000,00 0 av 2" in text
    assert re.search(
        r"Betalinger de siste 3 månedene før fristdagen 02\.02\.2025 – 05\.05\.2025 3 "
        r"-40 000,00 0,00 2 av 3",
        text,
    )
    # the name "Kari Nordmann" adds the 5 000 of 05.05 to the 30 000 to the marked account
    assert "Overføringer til nærstående 05.05.2024 – 16.06.2025 2 -35 000,00 0,00 0 av 2" in text
    assert "Regel: dekningsloven § 5-5: ekstraordinære betalinger" in text
    # the one-year window starts three days before the period fetched, and says so
    assert (
        "Etter loven går dette vinduet 02.05.2024–05.05.2025, utover perioden som er hentet" in text
    )
    assert (
        "02.02.2025 9990.10.00014 Leverandør AS -20 000,00 Omstøt Betalt før forfall (bostyrer)"
        in text
    )
    assert (
        "Antall: 3, ut -40 000,00, inn 0,00. · Omstøt: -20 000,00 (1) · Godta: -15 000,00 (1) "
        "· Ikke vurdert: -5 000,00 (1)" in text
    )
    assert "Antall: 2, ut -1 000,00, inn 2 000,00. · Ikke vurdert: 1 000,00 (2)" in text
    assert "Nærstående Personer og selskaper bostyrer har merket" in text
    assert "Kari Nordmann" in text and "9990.30.00053" in text
    # 50 000 at the end less 1 000 net after the ruling; 49 000,00 secured
    assert (
        "Fjordbank 9990.10.00014 Ukjent type 49 000,00 50 000,00 49 000,00 Sperret 06.05 (bostyrer)"
        in text
    )
    assert "Ved kjennelsen (NOK): eiendeler 49 000,00, gjeld 0,00. Sikret i alt: 49 000,00." in text


def test_the_bankruptcy_report_in_english(recorded_bankruptcy, write_report):
    text = " ".join(all_text(write_report(recorded_bankruptcy, language="en")))
    assert "Payments in the 3 months before the cut-off, 02.02.2025 – 05.05.2025" in text
    assert "Number: 3, out -40 000,00, in 0,00. · Reverse: -20 000,00 (1)" in text
    assert "Assets and claims at the ruling" in text
    assert "Omstøt" not in text


def test_the_estate_report_gives_the_decision_the_figures_and_the_deadline(
    recorded_estate, write_report
):
    text = decisions_chapter(all_text(write_report(recorded_estate)))
    assert re.search(
        r"Skifteform Valgt skifteform Offentlig skifte Bofullmektig Advokat Prøve "
        r"Begrunnelse Gjelden er større enn eiendelene Registrert heir2, \d\d\.\d\d\.\d{4} "
        r"\d\d:\d\d Hva det betyr Tingretten gjør opp boet",
        text,
    )
    assert "Dette er veiledning som hjelp til arvingenes valg, ikke juridisk rådgivning." in text
    assert "Privat skifte: Den kjente gjelden er større enn eiendelene." in text
    assert "Privat skifte: Ingen arving har påtatt seg gjeldsansvar ennå." in text
    # 2 000,00 in funeral costs is more than the 1 100,00 the estate holds: no warning
    assert "ikke et lite bo" not in text
    assert "Frist 01.08.2025 Dager igjen 46 dager igjen per 16.06.2025" in text
    assert "Regel arveloven § 118: arvingene må overta boet til privat skifte" in text
    assert re.search(r"satt av heir, [\d.]+ [\d:]+; begrunnelse: Tingretten ga lengre frist", text)
    assert "Kari Barn Enig Nei" in text and "Per Barn Ukjent Nei" in text
    # at the death: 1 100,00 against 502 000 + 3 000; now 9 500,00 against 500 000 + 3 000;
    # debts with a minus, as the banks give the balance and the summary shows them
    assert (
        "Eiendeler (NOK) 1 100,00 9 500,00 Kjent gjeld (NOK) -505 000,00 -503 000,00 "
        "Netto (NOK) -503 900,00 -493 500,00" in text
    )
    assert "Begravelseskostnader oppgitt: 2 000,00." in text
    assert "Inntekter som fortsatt betales inn (pensjon, trygd): 1, sum 20 000,00" in text
    assert "Faste oppdrag og AvtaleGiro som fortsatt løper: 1, sum -9 800,00" in text
    assert "Kortbruk og kontantuttak etter dødsfallet: 1, sum -300,00" in text
    assert "Andre transaksjoner etter dødsfallet: 2, sum 1 000,00" in text
    assert "Nord: krever digitalt brev" in text and "Testdal: delvis – archived" in text
    history = text[text.index("Beslutningene så langt") :]
    assert [
        kind for kind in re.findall(r"heir2? (Skifteform|Frist|Begravelseskostnader)", history)
    ] == [
        "Skifteform",
        "Skifteform",
        "Frist",
        "Begravelseskostnader",
    ]
    assert "Privat skifte" in history and "01.08.2025" in history and "2 000,00" in history


def test_the_estate_report_in_english(recorded_estate, write_report):
    text = " ".join(all_text(write_report(recorded_estate, language="en")))
    assert "Form chosen Public settlement (offentlig skifte)" in text
    assert "Days left 46 days left on 16.06.2025" in text
    assert "Income still paid in (pensions, benefits): 1, total 20 000,00" in text
    assert "This is guidance to help the heirs decide, not legal advice." in text


def test_every_domain_text_a_report_prints_has_its_bokmaal():
    from app.bokmaal import has_norwegian, norwegian
    from app.reports.workflow_texts import DOMAIN_TEXTS

    every = EstateFigures(100, 200, 100, 200, unknowns=1, funeral_costs=50)
    texts = set(DOMAIN_TEXTS) | {w.text for w in warnings(every, [Relation.CHILD])}
    assert len(texts) == len(DOMAIN_TEXTS) + 5
    assert [english for english in texts if not has_norwegian(english)] == []
    assert norwegian(PRIVATE_SETTLEMENT_RULE).startswith("arveloven § 118: arvingene")


def test_an_account_closed_after_the_ruling_counts_with_its_balance_then(db, write_report):
    case_id, _ = build_bankruptcy(db)
    writer = CaseWriter(db)
    with db.session() as session:
        bank = session.scalars(select(Bank.id).where(Bank.case_id == case_id)).one()
    closed = writer.upsert_account(
        case_id, bank, AccountRecord("99901000030", end_date=date(2025, 5, 20)), None
    )
    writer.add_transactions(
        case_id,
        closed,
        [
            tx("C1", date(2025, 4, 1), "3000"),
            tx("C2", date(2025, 5, 20), "-3000"),
        ],
    )
    pages = all_text(write_report(case_id))
    # no balance from the bank: zero at the closing, less the -3 000 booked after the ruling
    assert "Saldo ved kjennelsesdato 05.05.2025 3 000,00 (beregnet)" in " ".join(pages)
    summary = next(page for page in pages[2:] if "1 Sammendrag" in page)
    assert "Eiendeler (NOK) 52 000,00 50 000,00" in summary  # 49 000 + 3 000; 50 000 + 0
    text = decisions_chapter(pages)
    assert "Fjordbank 9990.10.00030 Ukjent type 3 000,00 0,00" in text
    assert "Ved kjennelsen (NOK): eiendeler 52 000,00, gjeld 0,00." in text


def test_the_asset_table_prints_the_balance_the_bank_gave_for_the_ruling_date(db, write_report):
    case_id, main = build_bankruptcy(db)
    # worked back from the 50 000 of 16.06 the ruling date would have 49 000
    CaseWriter(db).upsert_balances(
        main, [BalanceRecord("bookedBalance", Decimal("48000"), "NOK", RULING)]
    )
    pages = all_text(write_report(case_id))
    text = decisions_chapter(pages)
    assert "Fjordbank 9990.10.00014 Ukjent type 48 000,00 50 000,00" in text
    assert "Ved kjennelsen (NOK): eiendeler 48 000,00, gjeld 0,00." in text
    assert "49 000,00" not in text
    assert "Saldo ved kjennelsesdato 05.05.2025 48 000,00" in " ".join(pages)


def fjordbank(db, case_id: int) -> int:
    """The id of the estate's Fjordbank."""
    with db.session() as session:
        return session.scalars(
            select(Bank.id).where(Bank.case_id == case_id, Bank.name == "Fjordbank")
        ).one()


def estate_with_closed_and_euro_accounts(db) -> int:
    case_id = build_estate(db)
    writer = CaseWriter(db)
    bank = fjordbank(db, case_id)
    closed = writer.upsert_account(
        case_id,
        bank,
        AccountRecord("99901000049", type="savingsAccount", end_date=date(2025, 5, 10)),
        None,
    )
    writer.add_transactions(
        case_id,
        closed,
        [
            tx("E1", date(2025, 3, 1), "5000"),
            tx("E2", date(2025, 5, 10), "-5000"),
        ],
    )
    euro = writer.upsert_account(
        case_id, bank, AccountRecord("99901000057", type="savingsAccount", currency="EUR"), None
    )
    writer.upsert_balances(
        euro, [BalanceRecord("bookedBalance", Decimal("1000"), "EUR", date(2025, 6, 16))]
    )
    return case_id


def test_the_estate_picture_counts_an_account_closed_after_the_death(db, write_report):
    case_id = estate_with_closed_and_euro_accounts(db)
    text = decisions_chapter(all_text(write_report(case_id)))
    # 1 100,00 on the salary account and 5 000,00 on the savings account closed 10.05.2025
    assert "Fjordbank 9990.10.00049 Sparekonto 5 000,00 avsluttet 10.05.2025" in text
    assert "Eiendeler (NOK) 6 100,00 9 500,00" in text  # counted as nothing now


def test_an_account_opened_after_the_death_is_not_given_a_balance_at_the_death(db, write_report):
    case_id = estate_with_closed_and_euro_accounts(db)
    writer = CaseWriter(db)
    bank = fjordbank(db, case_id)
    opened = writer.upsert_account(
        case_id,
        bank,
        AccountRecord("99901000065", type="savingsAccount", start_date=date(2025, 5, 2)),
        None,
    )
    writer.upsert_balances(
        opened, [BalanceRecord("bookedBalance", Decimal("250"), "NOK", date(2025, 6, 16))]
    )
    text = decisions_chapter(all_text(write_report(case_id)))
    assert "Fjordbank 9990.10.00065 Sparekonto ikke åpnet ennå 250,00" in text


def test_the_estate_picture_totals_each_currency_apart(db, write_report):
    case_id = estate_with_closed_and_euro_accounts(db)
    assert estate_picture(db, case_id).figures.assets_at_death == 610_000  # NOK only
    text = decisions_chapter(all_text(write_report(case_id)))
    assert "Eiendeler (NOK) 6 100,00 9 500,00 Kjent gjeld (NOK) -505 000,00 -503 000,00" in text
    assert "Eiendeler (EUR) 1 000,00 1 000,00 Kjent gjeld (EUR) 0,00 0,00" in text
    assert "Fjordbank 9990.10.00057 Sparekonto 1 000,00 EUR 1 000,00 EUR" in text
    assert "Advarslene bygger bare på beløpene i NOK." in text


def test_a_bankruptcy_not_fetched_says_so_and_gives_the_windows_their_dates(db, write_report):
    facts = new_bankruptcy(
        reference="K-NY", debtor_id="999000010", ruling_date=RULING, cutoff_date=CUTOFF, today=TODAY
    )
    case_id = create_case(db, facts, environment="sandbox", user="bostyrer")
    pages = all_text(write_report(case_id))
    summary = next(page for page in pages[2:] if "1 Sammendrag" in page)
    assert (
        "Dette mangler Ingenting er hentet ennå: ingen banker eller kontoer har svart." in summary
    )
    assert "svarte fullstendig" not in summary
    text = decisions_chapter(pages)
    assert "Betalinger de siste 3 månedene før fristdagen 02.02.2025 – 05.05.2025 0" in text
    assert "02.05.2024 – 05.05.2025 0" in text  # the twelve months before the cut-off
    assert "05.05.2025 – 05.05.2025" not in text


def test_an_estate_not_fetched_says_that_everything_is_unknown(db, write_report):
    facts = new_estate(
        reference="D-NY", deceased_id="02913810077", death_date=date(2025, 4, 22), today=TODAY
    )
    case_id = create_case(db, facts, environment="sandbox", user="heir")
    text = decisions_chapter(all_text(write_report(case_id)))
    assert "Ikke kjent ennå Alt: ingenting er hentet fra bankene ennå." in text
    assert "svarte fullstendig" not in text


def test_the_asset_table_keeps_account_types_whole_and_its_heading_with_it(
    bankruptcy, write_report
):
    pages = all_text(write_report(bankruptcy.case_id))
    text = decisions_chapter(pages)
    assert "Skattetrekkskonto" in text and "Kredittkortkonto" in text
    heading = [page for page in pages[2:] if "Eiendeler og krav ved kjennelsen Saldo per" in page]
    assert len(heading) == 1 and "Bank Konto Type Ved kjennelsen" in heading[0]
