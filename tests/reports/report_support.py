"""Fixed cases of each report kind, stored through the one writer, and helpers to read PDFs.

The figures the report tests assert are worked out by hand from these cases; the comments
beside each amount say where it goes. The fixtures in conftest.py hand them to the tests.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import update

from app.domain.cases import CaseFacts
from app.domain.clock import OSLO, FixedClock
from app.domain.identifiers import PartyKind
from app.domain.records import AccountRecord, BalanceRecord, TransactionRecord
from app.domain.services import Service
from app.dsop.audit import AuditEntry
from app.review.flags import Finding
from app.store import review_queries
from app.store.browse import NoteTarget, add_note, set_manual_flag
from app.store.cases import create_case
from app.store.models import Case, Source, Transaction
from app.store.writer import BankInfo, CaseWriter

REPORT_CLOCK = FixedClock(datetime(2025, 6, 16, 14, 30, tzinfo=OSLO))
"""The report's time: 16.06.2025 14:30 in Oslo."""
FETCHED_AT = datetime(2025, 6, 16, 9, 5, tzinfo=UTC)
"""The data fetch finished at 16.06.2025 11:05 Oslo time."""
CREATED_AT = datetime(2025, 6, 10, 8, 0, tzinfo=UTC)


@dataclass
class BuiltCase:
    case_id: int
    transactions: dict[str, int]
    """Transaction ids by the fixture's own key."""
    accounts: dict[str, int]


def tx(key: str, day: date, amount: str, **fields) -> TransactionRecord:
    return TransactionRecord(
        key=key, booking_date=day, amount=Decimal(amount), currency="NOK", **fields
    )


def _fix_times(db, case_id: int) -> None:
    """The writer stamps wall-clock times; the fixtures pin them so reports can be compared."""
    with db.session() as session:
        session.execute(update(Case).where(Case.id == case_id).values(created_at=CREATED_AT))
        session.execute(
            update(Source)
            .where(Source.case_id == case_id)
            .values(started_at=FETCHED_AT - timedelta(minutes=3), finished_at=FETCHED_AT)
        )


def _ids(db, case_id: int) -> dict[str, int]:
    with db.session() as session:
        return {
            key: tid
            for tid, key in session.execute(
                Transaction.__table__.select()
                .with_only_columns(Transaction.id, Transaction.key)
                .where(Transaction.case_id == case_id)
            )
        }


def build_bankruptcy(db, *, environment: str = "sandbox") -> BuiltCase:
    """A company bankruptcy: three banks (complete, partial, letter), five accounts."""
    facts = CaseFacts(
        service=Service.BANKRUPTCY,
        reference="KONK-2025-0042",
        subject_id="999000010",
        subject_kind=PartyKind.ORGANISATION,
        key_date=date(2025, 3, 14),
        subject_name="Ærlige Øyvind Åsen Bygg AS",
        cutoff_date=date(2025, 3, 10),
    )
    case_id = create_case(db, facts, environment=environment, user="bostyrer.berg")
    writer = CaseWriter(db)
    source = writer.start_source(
        case_id,
        kind="api",
        label="sandbox: Konkursbehandling",
        user="bostyrer.berg",
        period=(date(2024, 3, 14), date(2025, 6, 16)),
    )
    writer.set_case_period(case_id, date(2024, 3, 14), date(2025, 6, 16))
    banks = writer.upsert_banks(
        case_id,
        [
            BankInfo("911111111", "Sparebanken Øst-Agder"),
            BankInfo("922222222", "Nordbank ASA"),
            BankInfo("933333333", "Ukjent Sparebank"),
        ],
    )
    writer.set_bank(banks["911111111"], status="complete", fetched_at=FETCHED_AT)
    writer.set_bank(
        banks["922222222"],
        status="partial",
        fetched_at=FETCHED_AT,
        message="Kredittkortkontoen ga bare delvis svar",
    )
    writer.set_bank(
        banks["933333333"],
        status="letter_needed",
        message="no Control API in the directory",
    )
    end = date(2025, 6, 16)
    accounts = {}

    # Sparebanken Øst-Agder, business account, blocked after the ruling: 15 000,00 at the end.
    accounts["business"] = writer.upsert_account(
        case_id,
        banks["911111111"],
        AccountRecord(
            "12345678903",
            type="businessAccount",
            currency="NOK",
            status="disabled",
            name="Driftskonto",
            owner_id="999000010",
            owner_name="Ærlige Øyvind Åsen Bygg AS",
            owner_permission="rightToUseAlone",
            owner_start=date(2019, 5, 2),
            start_date=date(2019, 5, 2),
        ),
        source,
    )
    writer.upsert_balances(
        accounts["business"],
        [
            BalanceRecord("bookedBalance", Decimal("15000.00"), "NOK", end),
            BalanceRecord("availableBalance", Decimal("14900.00"), "NOK", end),
        ],
    )
    writer.add_transactions(
        case_id,
        accounts["business"],
        [
            tx(
                "B1",
                date(2025, 1, 10),
                "50000.00",
                counterparty_name="Kunde Čermák s.r.o.",
                message="Faktura 1001",
                code_text="Overføring",
            ),
            tx(
                "B2",
                date(2025, 2, 3),
                "-12500.50",
                counterparty_name="Łukasz Đorđević Transport",
                counterparty_account="86011117947",
                message="Frakt januar",
                code_text="Nettgiro",
            ),
            tx(
                "B3",
                date(2025, 3, 12),
                "-20000.00",
                counterparty_name="Ŋaŋ Holding AS",
                message="Lån til styreleder",
                code_text="Nettgiro",
                reference="E2E-778899",
            ),
            tx(
                "B4",
                date(2025, 3, 20),
                "2500.25",
                counterparty_name="Skatteetaten",
                message="Tilbakebetalt forskuddsskatt",
                code_text="Overføring",
            ),
            tx(
                "B5",
                date(2025, 6, 15),
                "-100.00",
                status="pending",
                merchant="Kiwi Grünerløkka",
                code_text="Varekjøp",
            ),
        ],
        source,
    )
    writer.set_account(accounts["business"], fetch_status="complete")

    # Tax deduction account: 8 000,00, no transactions.
    accounts["tax"] = writer.upsert_account(
        case_id,
        banks["911111111"],
        AccountRecord(
            "12345678911",
            type="taxDeductionAccount",
            currency="NOK",
            status="enabled",
            owner_name="Ærlige Øyvind Åsen Bygg AS",
        ),
        source,
    )
    writer.upsert_balances(
        accounts["tax"], [BalanceRecord("bookedBalance", Decimal("8000.00"), "NOK", end)]
    )
    writer.set_account(accounts["tax"], fetch_status="complete")

    # Savings account closed 28.02.2025: no balance from the bank, two transactions.
    accounts["closed"] = writer.upsert_account(
        case_id,
        banks["911111111"],
        AccountRecord(
            "12345678920",
            type="savingsAccount",
            currency="NOK",
            status="deleted",
            start_date=date(2020, 1, 1),
            end_date=date(2025, 2, 28),
        ),
        source,
    )
    writer.add_transactions(
        case_id,
        accounts["closed"],
        [
            tx("S1", date(2025, 1, 5), "1000.00", message="Sparing", code_text="Overføring"),
            tx(
                "S2",
                date(2025, 2, 28),
                "-1000.00",
                message="Avslutning",
                code_text="Kontoavslutning",
            ),
        ],
        source,
    )
    writer.set_account(accounts["closed"], fetch_status="complete")

    # Loan: -250 000,00, one instalment in.
    accounts["loan"] = writer.upsert_account(
        case_id,
        banks["911111111"],
        AccountRecord(
            "12345678938",
            type="loanAccount",
            currency="NOK",
            status="enabled",
            name="Byggelån",
        ),
        source,
    )
    writer.upsert_balances(
        accounts["loan"], [BalanceRecord("bookedBalance", Decimal("-250000.00"), "NOK", end)]
    )
    writer.add_transactions(
        case_id,
        accounts["loan"],
        [
            tx("L1", date(2025, 1, 20), "5000.00", code_text="Innbetaling lån"),
        ],
        source,
    )
    writer.set_account(accounts["loan"], fetch_status="complete")

    # Nordbank credit card: -3 456,78, credit line 20 000 not included.
    accounts["card"] = writer.upsert_account(
        case_id,
        banks["922222222"],
        AccountRecord(
            "98765432106",
            type="creditCardAccount",
            currency="NOK",
            status="enabled",
        ),
        source,
    )
    writer.upsert_balances(
        accounts["card"],
        [
            BalanceRecord(
                "bookedBalance",
                Decimal("-3456.78"),
                "NOK",
                end,
                credit_line_included=False,
                credit_line_amount=Decimal("20000"),
                credit_line_currency="NOK",
            )
        ],
    )
    writer.add_transactions(
        case_id,
        accounts["card"],
        [
            tx(
                "C1",
                date(2025, 2, 1),
                "-1000.00",
                merchant="Café Brød & Smør",
                code_text="Visa Varekjøp",
                card="999999XXXXXX1234",
            ),
            tx(
                "C2",
                date(2025, 3, 16),
                "-456.78",
                merchant="Bensin Øst",
                code_text="Varekjøp",
                original_amount=Decimal("39.90"),
                original_currency="EUR",
                exchange_rate=Decimal("11.4481"),
            ),
        ],
        source,
    )
    writer.set_account(
        accounts["card"], fetch_status="partial", message="transactions: side 2 mangler"
    )

    writer.add_audit(
        [
            AuditEntry(
                environment=environment,
                endpoint="accounts",
                user="bostyrer.berg",
                at=datetime(2025, 6, 16, 9, 1, tzinfo=UTC),
                case_id=case_id,
                bank_org_number="911111111",
                outcome="ok",
                correlation_id="11111111-0000-4000-8000-000000000001",
            ),
            AuditEntry(
                environment=environment,
                endpoint="transactions",
                user="bostyrer.berg",
                at=datetime(2025, 6, 16, 9, 2, tzinfo=UTC),
                case_id=case_id,
                bank_org_number="911111111",
                outcome="http_error",
                http_status=503,
                correlation_id="11111111-0000-4000-8000-000000000002",
            ),
            AuditEntry(
                environment=environment,
                endpoint="transactions",
                user="bostyrer.berg",
                at=datetime(2025, 6, 16, 9, 3, tzinfo=UTC),
                case_id=case_id,
                bank_org_number="911111111",
                outcome="ok",
                correlation_id="11111111-0000-4000-8000-000000000003",
            ),
            AuditEntry(
                environment=environment,
                endpoint="accounts",
                user="bostyrer.berg",
                at=datetime(2025, 6, 16, 9, 4, tzinfo=UTC),
                case_id=case_id,
                bank_org_number="922222222",
                outcome="partial",
                correlation_id="22222222-0000-4000-8000-000000000001",
            ),
        ]
    )
    writer.finish_source(source, "complete")
    _fix_times(db, case_id)

    ids = _ids(db, case_id)
    with db.session() as session:
        set_manual_flag(
            session,
            ids["B3"],
            user="bostyrer.berg",
            reason="Betaling til nystiftet selskap rett før konkursen",
            now=datetime(2025, 6, 12, 10, 0, tzinfo=UTC),
        )
        review_queries.store_rule_flags(
            session,
            case_id,
            [
                Finding(
                    ids["B4"],
                    "after_key_date",
                    {
                        "booking_date": "20.03.2025",
                        "key_date": "14.03.2025",
                        "key_date_label": "ruling date",
                    },
                ),
            ],
        )
        add_note(
            session,
            case_id,
            NoteTarget.TRANSACTION,
            ids["B3"],
            "Spør styreleder om avtalen",
            author="bostyrer.berg",
            now=datetime(2025, 6, 12, 10, 5, tzinfo=UTC),
        )
        add_note(
            session,
            case_id,
            NoteTarget.CASE,
            None,
            "Bankene har bekreftet sperring av kontoene.",
            author="bostyrer.berg",
            now=datetime(2025, 6, 13, 7, 0, tzinfo=UTC),
        )
        add_note(
            session,
            case_id,
            NoteTarget.ACCOUNT,
            accounts["loan"],
            "Pant i driftstilbehør.",
            author="bostyrer.berg",
            now=datetime(2025, 6, 13, 7, 30, tzinfo=UTC),
        )
    return BuiltCase(case_id, ids, accounts)


def build_estate(db, *, environment: str = "test") -> BuiltCase:
    """A deceased's estate at one bank: an everyday account and a savings account."""
    facts = CaseFacts(
        service=Service.ESTATE,
        reference="DB-2025-117",
        subject_id="01015012345",
        subject_kind=PartyKind.PERSON,
        key_date=date(2025, 4, 2),
        subject_name="Åse Ødegård Sørli",
    )
    case_id = create_case(db, facts, environment=environment, user="arving.hansen")
    writer = CaseWriter(db)
    source = writer.start_source(
        case_id,
        kind="api",
        label="test: Oppgjør etter dødsfall",
        user="arving.hansen",
        period=(date(2025, 1, 2), date(2025, 6, 16)),
    )
    writer.set_case_period(case_id, date(2025, 1, 2), date(2025, 6, 16))
    banks = writer.upsert_banks(case_id, [BankInfo("944444444", "Fjordbanken")])
    writer.set_bank(banks["944444444"], status="complete", fetched_at=FETCHED_AT)
    end = date(2025, 6, 16)
    accounts = {}
    accounts["salary"] = writer.upsert_account(
        case_id,
        banks["944444444"],
        AccountRecord(
            "15038812345",
            type="salaryAccount",
            currency="NOK",
            status="enabled",
            name="Brukskonto",
            owner_id="01015012345",
            owner_name="Åse Ødegård Sørli",
            owner_permission="rightToUseAlone",
        ),
        source,
    )
    # 42 123,45 at the end; +21 000,00 pension after the death, so 21 123,45 at the death.
    writer.upsert_balances(
        accounts["salary"], [BalanceRecord("bookedBalance", Decimal("42123.45"), "NOK", end)]
    )
    writer.add_transactions(
        case_id,
        accounts["salary"],
        [
            tx(
                "P1", date(2025, 3, 20), "21000.00", counterparty_name="NAV", message="Pensjon mars"
            ),
            tx("K1", date(2025, 3, 28), "-876.55", merchant="Apotek 1 Sørli", code_text="Varekjøp"),
            tx(
                "P2",
                date(2025, 4, 20),
                "21000.00",
                counterparty_name="NAV",
                message="Pensjon april",
            ),
        ],
        source,
    )
    writer.set_account(accounts["salary"], fetch_status="complete")
    accounts["savings"] = writer.upsert_account(
        case_id,
        banks["944444444"],
        AccountRecord(
            "15038812353",
            type="savingsAccount",
            currency="NOK",
            status="enabled",
            name="Sparekonto",
        ),
        source,
    )
    writer.upsert_balances(
        accounts["savings"], [BalanceRecord("bookedBalance", Decimal("100000.00"), "NOK", end)]
    )
    writer.set_account(accounts["savings"], fetch_status="complete")
    writer.finish_source(source, "complete")
    _fix_times(db, case_id)
    return BuiltCase(case_id, _ids(db, case_id), accounts)


def build_guardianship(db, *, environment: str = "sandbox") -> BuiltCase:
    """A guardianship control of 2024: one account the guardian may use."""
    facts = CaseFacts(
        service=Service.GUARDIANSHIP,
        reference="VK-2024-0555",
        subject_id="02023012345",
        subject_kind=PartyKind.PERSON,
        key_date=date(2024, 1, 1),
        subject_name="Ola Nordmann Ødegaard",
        guardian_id="03036012345",
    )
    case_id = create_case(db, facts, environment=environment, user="sf.kontroll")
    writer = CaseWriter(db)
    source = writer.start_source(
        case_id,
        kind="api",
        label="sandbox: Vergekontroll",
        user="sf.kontroll",
        period=(date(2024, 1, 1), date(2024, 12, 31)),
    )
    writer.set_case_period(case_id, date(2024, 1, 1), date(2024, 12, 31))
    banks = writer.upsert_banks(case_id, [BankInfo("955555555", "Trøndelag Sparebank")])
    writer.set_bank(banks["955555555"], status="complete", fetched_at=FETCHED_AT)
    accounts = {}
    accounts["salary"] = writer.upsert_account(
        case_id,
        banks["955555555"],
        AccountRecord(
            "42001234567",
            type="salaryAccount",
            currency="NOK",
            status="enabled",
            owner_name="Ola Nordmann Ødegaard",
            owner_id="02023012345",
        ),
        source,
    )
    # 30 000,00 on 31.12.2024; +24 000,00 in and -9 000,00 out during the year: 15 000,00 opening.
    writer.upsert_balances(
        accounts["salary"],
        [BalanceRecord("bookedBalance", Decimal("30000.00"), "NOK", date(2024, 12, 31))],
    )
    writer.add_transactions(
        case_id,
        accounts["salary"],
        [
            tx("G1", date(2024, 2, 15), "12000.00", counterparty_name="NAV", message="Uføretrygd"),
            tx(
                "G2",
                date(2024, 3, 1),
                "-9000.00",
                counterparty_name="Boligbyggelaget Ås",
                message="Husleie",
            ),
            tx("G3", date(2024, 8, 15), "12000.00", counterparty_name="NAV", message="Uføretrygd"),
        ],
        source,
    )
    writer.replace_roles(
        accounts["salary"],
        [
            {
                "permission": "rightToUseAlone",
                "party_id": "03036012345",
                "party_kind": "nationalIdentityNumber",
                "name": "Kari Verge Ødegård",
                "start_date": date(2021, 1, 1),
                "end_date": None,
            },
        ],
    )
    writer.set_account(accounts["salary"], fetch_status="complete")
    writer.finish_source(source, "complete")
    _fix_times(db, case_id)
    return BuiltCase(case_id, _ids(db, case_id), accounts)


NAMES = (
    "Čapek Trading",
    "Łódź Import AS",
    "Ŋiillas Sámi Duodji",
    "Đurić Bygg",
    "Ærøy Fisk AS",
    "Øksnes Sjømat",
    "Åsane Byggevare",
    "Müller & Søn",
    "Café Señora",
    "Kiwi Grünerløkka",
    "Bergen Kommune",
    "Skatteetaten",
    "Statens vegvesen",
    "Elkjøp Lørenskog",
    "Rema 1000 Ås",
)


def build_large_bankruptcy(
    db, *, transactions: int = 7000, banks: int = 5, accounts_per_bank: int = 5, seed: int = 7
) -> BuiltCase:
    """A demo-sized bankruptcy: many banks and accounts, thousands of transactions."""
    rng = random.Random(seed)
    facts = CaseFacts(
        service=Service.BANKRUPTCY,
        reference="KONK-STOR-2025",
        subject_id="999000010",
        subject_kind=PartyKind.ORGANISATION,
        key_date=date(2025, 5, 2),
        subject_name="Syntetisk Bygg AS",
        cutoff_date=date(2025, 4, 28),
    )
    case_id = create_case(db, facts, environment="sandbox", user="bostyrer")
    writer = CaseWriter(db)
    start, end = date(2024, 5, 2), date(2025, 6, 16)
    source = writer.start_source(
        case_id,
        kind="api",
        label="sandbox: Konkursbehandling",
        user="bostyrer",
        period=(start, end),
    )
    writer.set_case_period(case_id, start, end)
    infos = [
        BankInfo(f"9{n:02d}000000", f"Bank {n} {NAMES[n % len(NAMES)]}")
        for n in range(1, banks + 1)
    ]
    bank_ids = writer.upsert_banks(case_id, infos)
    kinds = (
        "businessAccount",
        "savingsAccount",
        "loanAccount",
        "creditCardAccount",
        "taxDeductionAccount",
        "clientAccount",
        "currencyAccount",
    )
    account_ids = {}
    per_account = transactions // (banks * accounts_per_bank)
    days = (end - start).days
    for b, info in enumerate(infos):
        bank_id = bank_ids[info.org_number]
        writer.set_bank(bank_id, status="complete" if b else "partial", fetched_at=FETCHED_AT)
        for a in range(accounts_per_bank):
            number = f"{1200 + b}{a:02d}{rng.randint(10000, 99999)}"
            kind = kinds[a % len(kinds)]
            currency = "EUR" if kind == "currencyAccount" else "NOK"
            account_id = writer.upsert_account(
                case_id,
                bank_id,
                AccountRecord(
                    number,
                    type=kind,
                    currency=currency,
                    status="disabled" if a == 0 else "enabled",
                    name=f"Konto {a + 1}",
                ),
                source,
            )
            account_ids[number] = account_id
            balance = Decimal(rng.randint(-500000, 900000)) / 100 * 100
            writer.upsert_balances(
                account_id, [BalanceRecord("bookedBalance", balance, currency, end)]
            )
            records = []
            for i in range(per_account):
                day = start + timedelta(days=rng.randint(0, days))
                amount = Decimal(rng.randint(-2_000_000, 1_500_000)) / 100
                records.append(
                    TransactionRecord(
                        key=f"{number}-{i}",
                        booking_date=day,
                        amount=amount,
                        currency=currency,
                        counterparty_name=rng.choice(NAMES),
                        message=f"Betaling {i} " * rng.randint(1, 4),
                        code_text=rng.choice(("Nettgiro", "Varekjøp", "Overføring", "eFaktura")),
                        reference=f"KID{rng.randint(10**9, 10**10)}" if i % 3 == 0 else None,
                    )
                )
            writer.add_transactions(case_id, account_id, records, source)
            writer.set_account(account_id, fetch_status="complete")
    writer.finish_source(source, "complete")
    _fix_times(db, case_id)
    return BuiltCase(case_id, {}, account_ids)


def pdf_text(path: Path) -> list[str]:
    """The text of each page, as pypdf extracts it."""
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(str(path)).pages]


def all_text(path: Path) -> list[str]:
    """Each page's text with every run of white space (line breaks, no-break spaces) as one
    plain space, so that figures and sentences compare whatever the line breaking."""
    return [" ".join(text.split()) for text in pdf_text(path)]
