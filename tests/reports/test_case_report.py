"""The case report as a reader gets it: figures, order, markings, words and reproducibility.

Figures are worked out by hand from the fixtures in conftest.py; each assertion says how.
"""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader
from report_support import all_text

from app.domain.services import Service
from app.reports import decisions
from app.reports.sections import Section, register_section, sections_for
from app.store.cases import CaseNotFound


def test_the_cover_names_the_case_its_service_and_who_made_the_report(bankruptcy, write_report):
    cover = all_text(write_report(bankruptcy.case_id))[0]
    assert "Kontoopplysninger i konkursbo" in cover
    assert "KONK-2025-0042" in cover
    assert "Konkursbehandling" in cover
    assert "Ærlige Øyvind Åsen Bygg AS" in cover
    assert "999 000 010" in cover  # organisation number grouped in threes
    assert "Kjennelsesdato 14.03.2025" in cover
    assert "Fristdag 10.03.2025" in cover
    assert "Periode hentet 14.03.2024 – 16.06.2025" in cover
    assert "sandkasse (syntetiske testdata)" in cover
    assert "kkl. § 156 (3) og (4), jf. kkfor. § 21" in cover  # spaced for reading
    # Case created 08:00 UTC = 10:00 Oslo; data fetched 09:05 UTC = 11:05; report 14:30 Oslo.
    assert "Sak opprettet 10.06.2025 10:00 av bostyrer.berg" in cover
    assert "Data hentet 16.06.2025 11:05" in cover
    assert "Rapport laget 16.06.2025 14:30 av rapport.bruker" in cover


def test_the_summary_gives_assets_and_debts_at_the_ruling_date_and_the_end(
    bankruptcy, write_report
):
    pages = all_text(write_report(bankruptcy.case_id))
    summary = next(text for text in pages[2:] if "1 Sammendrag" in text)
    # Banks: one complete, one partial, one that needs a letter.
    assert "3 i alt. Komplett: 1, delvis: 1, feilet: 0, krever brev: 1" in summary
    # Accounts: business blocked; tax, loan, card open; savings closed 28.02.2025.
    assert "5 i alt: 3 åpne, 1 sperret, 1 avsluttet" in summary
    # At the end: assets 15 000,00 + 8 000,00 (+ 0 for the closed account) = 23 000,00;
    # debts -250 000,00 - 3 456,78 = -253 456,78; net -230 456,78.
    # At the ruling date 14.03.2025: business 15 000,00 - 2 500,25 booked 20.03 = 12 499,75,
    # tax 8 000,00: assets 20 499,75; card -3 456,78 + 456,78 booked 16.03 = -3 000,00, loan
    # -250 000,00: debts -253 000,00; net -232 500,25.
    assert re.search(r"Eiendeler \(NOK\)\s+20 499,75\s+23 000,00", summary)
    assert re.search(r"Gjeld \(NOK\)\s+-253 000,00\s+-253 456,78", summary)
    assert re.search(r"Netto \(NOK\)\s+-232 500,25\s+-230 456,78", summary)
    # Ten transactions, nine booked: in 50 000 + 2 500,25 + 1 000 + 5 000 = 58 500,25;
    # out -12 500,50 - 20 000 - 1 000 - 1 000 - 456,78 = -34 957,28.
    assert re.search(r"Hele perioden \(NOK\)\s+10\s+58 500,25\s+-34 957,28", summary)
    # After 14.03: 2 500,25 in (20.03), -456,78 out (16.03), the pending -100 counted only.
    assert re.search(r"Etter kjennelsesdato 14.03.2025 \(NOK\)\s+3\s+2 500,25\s+-456,78", summary)
    # After the cut-off 10.03 also the -20 000,00 of 12.03.
    assert re.search(r"Etter fristdag 10.03.2025 \(NOK\)\s+4\s+2 500,25\s+-20 456,78", summary)
    assert "ikke med i summene: 1." in summary
    assert "2, se kapittel 3" in summary


def test_the_summary_lists_what_is_still_missing(bankruptcy, write_report):
    text = " ".join(all_text(write_report(bankruptcy.case_id)))
    assert "Nordbank ASA: delvis – Kredittkortkontoen ga bare delvis svar" in text
    assert "Konto Nordbank ASA 9876.54.32106: delvis" in text
    assert "Ukjent Sparebank: krever digitalt brev – ingen kontroll-API i API-katalogen" in text


def test_the_chapters_come_in_order_and_the_contents_point_at_their_pages(bankruptcy, write_report):
    path = write_report(bankruptcy.case_id)
    pages = all_text(path)
    chapters = [
        "Sammendrag",
        "Banker og kontoer",
        "Flaggede transaksjoner og merknader",
        "Beslutninger",
        "Kilder og sporbarhet",
        "Vedlegg: alle transaksjoner",
    ]
    found = []
    for number, title in enumerate(chapters, start=1):
        heading = f"{number} {title}"
        page = next(i for i, text in enumerate(pages) if heading in text and i > 1)
        found.append(page)
        # The contents page (page 2) gives the same page number.
        assert re.search(rf"{number} {re.escape(title)}\s+{page + 1}\b", pages[1]), title
    assert found == sorted(found)

    reader = PdfReader(str(path))
    for item in reader.outline:
        if isinstance(item, list):
            continue
        page = reader.get_destination_page_number(item)
        assert item.title in pages[page]


def test_every_page_is_marked_confidential_sandbox_and_numbered(bankruptcy, write_report):
    pages = all_text(write_report(bankruptcy.case_id))
    total = len(pages)
    for number, text in enumerate(pages, start=1):
        assert "Fortrolig – taushetsbelagte opplysninger" in text
        assert "SANDBOX – syntetiske testdata" in text
        assert f"side {number} av {total}" in text
        assert "Sak KONK-2025-0042" in text
        assert "Data hentet 16.06.2025 11:05" in text
        assert "Rapport laget 16.06.2025 14:30" in text


def test_real_data_carries_no_sandbox_marking(estate, write_report):
    pages = all_text(write_report(estate.case_id))
    assert all("SANDBOX" not in text for text in pages)
    assert all("Kilde: DSOP testmiljø" in text for text in pages)


def test_letters_outside_latin_1_print(bankruptcy, write_report):
    text = " ".join(all_text(write_report(bankruptcy.case_id)))
    for name in (
        "Kunde Čermák s.r.o.",
        "Łukasz Đorđević Transport",
        "Ŋaŋ Holding AS",
        "Café Brød & Smør",
        "Ærlige Øyvind Åsen Bygg AS",
    ):
        assert name in text


def test_each_bank_shows_its_answer_and_the_identifiers_to_trace_it(bankruptcy, write_report):
    text = " ".join(all_text(write_report(bankruptcy.case_id)))
    # Three requests to Sparebanken Øst-Agder, one of them answered 503.
    assert "3, av dem uten svar: 1; 16.06.2025 11:01 – 16.06.2025 11:03" in text
    assert "første 11111111-0000-4000-8000-000000000001, siste" in text
    assert "11111111-0000-4000-8000-000000000003; 3 i alt, alle i revisjonseksporten" in text
    assert "22222222-0000-4000-8000-000000000001" in text
    assert "Banken er ikke nådd gjennom Control API" in text


def test_accounts_show_type_status_balances_and_period(bankruptcy, write_report):
    text = " ".join(all_text(write_report(bankruptcy.case_id)))
    assert "Konto 1234.56.78903 – Driftskonto" in text
    assert "Driftskonto" in text and "(virksomhet)" not in text  # as the window words it
    assert "Sperret" in text
    assert "Saldo ved kjennelsesdato 14.03.2025 12 499,75 (beregnet)" in text
    assert "Disponibel saldo 14 900,00 per 16.06.2025" in text
    assert "kredittramme 20 000,00 (ikke inkludert)" in text
    assert "Avsluttet 28.02.2025 – banken leverer ingen saldo" in text
    assert "Eierperiode 02.05.2019 –" in text
    assert "5 (4 bokført, 1 ikke bokført)" in text
    assert "Datert 10.01.2025 – 15.06.2025" in text


def test_flags_show_their_reasons_and_notes_in_the_report_language(bankruptcy, write_report):
    text = " ".join(all_text(write_report(bankruptcy.case_id)))
    assert "Merket av bruker (bostyrer.berg): Betaling til nystiftet selskap" in text
    assert "Spør styreleder om avtalen" in text
    assert "Etter nøkkeldato: Bokført 20.03.2025, etter kjennelsesdatoen 14.03.2025" in text
    assert "Bankene har bekreftet sperring av kontoene." in text
    assert "Til konto 1234.56.78938" in text


def test_a_case_without_flags_or_notes_says_so(estate, write_report):
    text = " ".join(all_text(write_report(estate.case_id)))
    assert "Ingen flaggede transaksjoner." in text
    assert "Ingen merknader." in text


def test_the_appendix_lists_every_transaction_and_every_account(bankruptcy, write_report):
    pages = all_text(write_report(bankruptcy.case_id))
    start = next(i for i, t in enumerate(pages) if "6 Vedlegg: alle transaksjoner" in t and i > 1)
    appendix = " ".join(pages[start:])
    for number in (
        "1234.56.78903",
        "1234.56.78911",
        "1234.56.78920",
        "1234.56.78938",
        "9876.54.32106",
    ):
        assert f"konto {number}" in appendix
    assert "Ingen transaksjoner." in appendix  # the tax deduction account
    assert "Transaksjoner på konto 1234.56.78903: 5." in appendix
    assert "Transaksjoner i alt: 10. Kontoer med transaksjoner: 4." in appendix
    assert re.search(r"12.03.2025\s+Nettgiro\s+Ŋaŋ Holding AS", appendix)
    assert "Opprinnelig 39,90 EUR, kurs 11,4481" in appendix  # a decimal comma, as amounts


def test_decisions_say_not_recorded_until_a_module_registers_a_builder(
    bankruptcy, write_report, monkeypatch
):
    # The framework on its own: set aside the review windows, which register themselves.
    monkeypatch.setitem(decisions._BUILDERS, Service.BANKRUPTCY, [])
    text = " ".join(all_text(write_report(bankruptcy.case_id)))
    assert "Gjennomgangsvinduer (omstøtelse) Ikke registrert ennå." in text

    from reportlab.platypus import Paragraph

    def windows(ctx):
        return [Paragraph("Omstøtelsesfrist: 3 måneder før fristdag", ctx.styles.body)]

    decisions.register_decisions(Service.BANKRUPTCY, windows)
    try:
        text = " ".join(all_text(write_report(bankruptcy.case_id, name="with.pdf")))
    finally:
        decisions.unregister_decisions(Service.BANKRUPTCY, windows)
    assert "Omstøtelsesfrist: 3 måneder før fristdag" in text
    assert "Ikke registrert ennå." not in text


def test_a_later_module_can_add_a_chapter_before_the_appendix(estate, write_report):
    from reportlab.platypus import Paragraph

    def inventory(ctx):
        return [
            ctx.chapter_heading("inventory", "Boets eiendeler"),
            Paragraph("Bolig i Sørli", ctx.styles.body),
        ]

    before = sections_for(Service.ESTATE)
    register_section(Service.ESTATE, Section("inventory", inventory))
    try:
        pages = all_text(write_report(estate.case_id))
    finally:
        from app.reports.sections import REPORT_KINDS

        REPORT_KINDS[Service.ESTATE][:] = before
    text = " ".join(pages)
    assert "6 Boets eiendeler" in text
    assert "7 Vedlegg: alle transaksjoner" in text


@pytest.mark.parametrize(
    ("fixture", "title", "key_fact"),
    [
        ("bankruptcy", "Kontoopplysninger i konkursbo", "Kjennelsesdato"),
        ("estate", "Kontoopplysninger i dødsbo", "Dødsdato 02.04.2025"),
        ("guardianship", "Kontoopplysninger til vergekontroll", "Kontrollår 2024"),
    ],
)
def test_each_service_gets_its_kind_of_report(request, write_report, fixture, title, key_fact):
    built = request.getfixturevalue(fixture)
    cover = all_text(write_report(built.case_id))[0]
    assert title in cover
    assert key_fact in cover


def test_the_estate_report_gives_the_balance_at_the_date_of_death(estate, write_report):
    text = " ".join(all_text(write_report(estate.case_id)))
    # 42 123,45 at the end less the 21 000,00 pension booked 20.04, after the death on 02.04.
    assert "Saldo ved dødsdato 02.04.2025 21 123,45 (beregnet)" in text
    assert "Skifteform Ikke registrert ennå." in text


def test_the_guardianship_report_gives_the_opening_balance_and_the_roles(
    guardianship, write_report
):
    text = " ".join(all_text(write_report(guardianship.case_id)))
    # 30 000,00 on 31.12.2024 less 12 000 + 12 000 in and plus 9 000 out during 2024.
    assert re.search(r"Eiendeler \(NOK\)\s+15 000,00\s+30 000,00", text)
    assert "Verge (fødselsnummer) 030360 12345" in text
    assert "Kari Verge Ødegård (disponerer alene) 01.01.2021 –" in text
    assert "Kontrollutfall Ikke registrert ennå." in text
    assert "Etter kjennelsesdato" not in text


def test_english_reports_use_english_words_and_page_numbers(bankruptcy, write_report):
    pages = all_text(write_report(bankruptcy.case_id, language="en"))
    text = " ".join(pages)
    assert "Bank account information: bankruptcy" in pages[0]
    assert "Confidential – information subject to a duty of secrecy" in pages[0]
    assert "SANDBOX – synthetic test data" in pages[0]
    assert f"page 1 of {len(pages)}" in pages[0]
    assert "1 Summary" in text
    assert "Review windows (avoidance)" in text
    # Amounts and dates keep the Norwegian form the court reads.
    assert "20 499,75" in text and "14.03.2025" in text
    assert "side 1 av" not in text
    assert "Sammendrag" not in text


def test_an_unknown_language_is_refused(bankruptcy, write_report):
    from app.reports.texts import UnknownLanguage

    with pytest.raises(UnknownLanguage):
        write_report(bankruptcy.case_id, language="de")


def test_an_unknown_case_is_refused_and_leaves_no_file(db, write_report, tmp_path):
    with pytest.raises(CaseNotFound):
        write_report(4242)
    assert list(tmp_path.glob("*.pdf*")) == []


def test_the_same_case_and_clock_give_the_same_document(bankruptcy, write_report):
    first = write_report(bankruptcy.case_id, name="first.pdf")
    second = write_report(bankruptcy.case_id, name="second.pdf")
    assert all_text(first) == all_text(second)
    assert first.read_bytes() == second.read_bytes()


def test_the_document_carries_its_metadata(bankruptcy, write_report):
    info = PdfReader(str(write_report(bankruptcy.case_id))).metadata
    assert info.title == "Kontoopplysninger i konkursbo – KONK-2025-0042"
    assert info.author == "rapport.bruker"
    assert info.subject == "Konkursbehandling – KONK-2025-0042"
    assert info.creator.startswith("Boinnsyn ")
    assert "Fortrolig" in info["/Keywords"]
    # The document's date is the report's time, 14:30 in Oslo = 12:30 UTC.
    assert info["/CreationDate"].startswith("D:20250616123000")


def test_no_part_file_is_left_behind(bankruptcy, write_report, tmp_path):
    write_report(bankruptcy.case_id)
    assert sorted(
        p.name for p in tmp_path.iterdir() if p.suffix != ".sqlite3" and "sqlite3" not in p.name
    ) == ["report.pdf"]


def test_a_case_not_yet_fetched_still_gets_a_whole_report(db, write_report):
    from datetime import date

    from app.domain.cases import CaseFacts
    from app.domain.identifiers import PartyKind
    from app.store.cases import create_case

    facts = CaseFacts(
        service=Service.ESTATE,
        reference="DB-NY",
        subject_id="01015012345",
        subject_kind=PartyKind.PERSON,
        key_date=date(2025, 5, 1),
    )
    case_id = create_case(db, facts, environment="sandbox", user="arving")
    pages = all_text(write_report(case_id))
    text = " ".join(pages)
    assert "Periode hentet Ikke hentet ennå" in text
    assert "Data ikke hentet" in pages[-1]
    assert "Ingen banker er funnet for saken ennå." in text
    assert "Transaksjoner i alt: 0." in text
    assert "(navn ikke oppgitt)" in pages[0]


def test_a_name_not_given_is_taken_from_the_banks_and_said_so(db, write_report):
    from datetime import date

    from app.domain.cases import new_estate
    from app.domain.records import AccountRecord
    from app.store.cases import create_case
    from app.store.writer import BankInfo, CaseWriter

    facts = new_estate(
        reference="DB-NAVN", deceased_id="02913810077", death_date=date(2025, 4, 22),
        today=date(2025, 6, 16),
    )  # fmt: skip
    case_id = create_case(db, facts, environment="sandbox", user="arving")
    writer = CaseWriter(db)
    bank = writer.upsert_banks(case_id, [BankInfo("999000029", "Fjordbank")])["999000029"]
    for number, owner, name in (
        ("99901000014", "02913810077", "Olaf Fiktiv Testesen"),
        ("99901000022", "02913810077", "Olaf Fiktiv Testesen"),
        ("99901000030", "09826510185", "Kari Medeier"),  # another owner's name is not taken
    ):
        writer.upsert_account(
            case_id, bank, AccountRecord(number, owner_id=owner, owner_name=name), None
        )

    cover = all_text(write_report(case_id))[0]

    assert "Olaf Fiktiv Testesen (som bankene oppgir det)" in cover
    assert "(navn ikke oppgitt)" not in cover


def test_the_report_file_is_readable_by_its_owner_only(bankruptcy, write_report):
    import stat

    path = write_report(bankruptcy.case_id)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
