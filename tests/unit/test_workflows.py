"""The estate and bankruptcy workflows: figures against hand-computed values, window edges,
and decisions that survive a restart."""

from datetime import UTC, date, datetime
from decimal import Decimal

from app.domain.bankruptcy import Assessment, KeyDates, ReviewWindow
from app.domain.cases import new_bankruptcy, new_estate
from app.domain.estate import (
    Relation,
    SettlementForm,
    private_settlement_deadline,
    warnings,
)
from app.domain.periods import Period
from app.domain.records import AccountRecord, BalanceRecord, TransactionRecord
from app.review.bankruptcy import bankruptcy_review
from app.review.estate import estate_picture
from app.review.positions import positions, totals
from app.store import workflow
from app.store.cases import create_case
from app.store.db import Database
from app.store.writer import BankInfo, CaseWriter

TODAY = date(2025, 6, 16)


def tx(key, day, amount, **extra):
    return TransactionRecord(
        key=key, booking_date=day, amount=Decimal(amount), currency="NOK", **extra
    )


def build_estate(db) -> int:
    facts = new_estate(
        reference="D-1", deceased_id="02913810077", death_date=date(2025, 4, 22), today=TODAY
    )
    case_id = create_case(db, facts, environment="sandbox", user="heir")
    writer = CaseWriter(db)
    writer.set_case_period(case_id, date(2025, 1, 22), TODAY)
    banks = writer.upsert_banks(
        case_id,
        [
            BankInfo("999000029", "Fjordbank"),
            BankInfo("999000037", "Testdal"),
            BankInfo("999000126", "Nord"),
        ],
    )
    writer.set_bank(banks["999000029"], status="complete")
    writer.set_bank(banks["999000037"], status="partial", message="archived")
    writer.set_bank(banks["999000126"], status="letter_needed")
    salary = writer.upsert_account(
        case_id, banks["999000029"], AccountRecord("99901000014", type="salaryAccount"), None
    )
    loan = writer.upsert_account(
        case_id, banks["999000029"], AccountRecord("99901000022", type="loanAccount"), None
    )
    card = writer.upsert_account(
        case_id, banks["999000037"], AccountRecord("99902000018", type="creditCardAccount"), None
    )
    writer.upsert_balances(
        salary,
        [
            BalanceRecord("bookedBalance", Decimal("10000"), "NOK", TODAY),
            BalanceRecord("availableBalance", Decimal("9500"), "NOK", TODAY),
        ],
    )
    writer.upsert_balances(loan, [BalanceRecord("bookedBalance", Decimal("-500000"), "NOK", TODAY)])
    writer.upsert_balances(card, [BalanceRecord("bookedBalance", Decimal("-3000"), "NOK", TODAY)])
    pension = {"counterparty_name": "Fiktiv Pensjonskasse", "counterparty_account": "99903000011"}
    rent = {
        "counterparty_name": "Demo Husleie AS",
        "counterparty_account": "99903000038",
        "code_text": "Avtalegiro",
    }
    writer.add_transactions(
        case_id,
        salary,
        [
            tx("1", date(2025, 3, 20), "20000", **pension),
            tx("2", date(2025, 4, 1), "-9800", **rent),
            tx("3", date(2025, 4, 22), "-500", card="999999XXXXXX4417"),
            tx("4", date(2025, 4, 23), "-300", card="999999XXXXXX4417", merchant="KIOSK"),
            tx("5", date(2025, 5, 1), "-9800", **rent),
            tx("6", date(2025, 5, 20), "20000", **pension),
            tx(
                "7",
                date(2025, 6, 1),
                "-1000",
                counterparty_name="Ola Nordmann",
                counterparty_account="99903000046",
            ),
        ],
    )
    writer.add_transactions(case_id, loan, [tx("8", date(2025, 5, 15), "2000")])
    return case_id


def test_estate_figures_at_the_death_and_now(db):
    case_id = build_estate(db)
    picture = estate_picture(db, case_id)
    at_death = {p.account.account_number: p.at_key_date for p in picture.accounts}
    # salary: 10 000 - (-300 - 9 800 + 20 000 - 1 000) booked after 22.04 = 1 100,00
    # loan: -500 000 - 2 000 (instalment booked 15.05) = -502 000,00
    assert at_death == {"99901000014": 110_000, "99901000022": -50_200_000, "99902000018": -300_000}
    figures = picture.figures
    assert (figures.assets_at_death, figures.debts_at_death) == (110_000, 50_500_000)
    # now: available 9 500 on the salary account; debts 500 000 + 3 000
    assert (figures.assets_now, figures.debts_now) == (950_000, 50_300_000)
    assert figures.unknowns == 2
    assert picture.unknown == ["Nord: letter_needed", "Testdal: partial"]


def test_transactions_after_the_death_are_sorted_by_what_the_heirs_must_do(db):
    picture = estate_picture(db, build_estate(db))
    keyed = {
        kind: [line.amount_minor for line in lines] for kind, lines in picture.after_death.items()
    }
    assert keyed == {
        "income": [2_000_000],
        "standing": [-980_000],
        "card": [-30_000],
        "other": [200_000, -100_000],
    }


def test_warnings_follow_the_figures(db):
    figures = estate_picture(db, build_estate(db)).figures
    found = {(w.form, w.text.split(".")[0]) for w in warnings(figures, [Relation.CHILD])}
    forms = [form for form, _ in found]
    assert forms.count(SettlementForm.PRIVATE) == 2
    assert forms.count(SettlementForm.UNDIVIDED) == 2
    assert not warnings(type(figures)(100, 50, 100, 50, 0, None), [Relation.SPOUSE])


def test_private_settlement_deadline_is_sixty_days_unless_set():
    deadline = private_settlement_deadline(date(2025, 4, 22), TODAY)
    assert (deadline.due, deadline.days_left) == (date(2025, 6, 21), 5)
    assert "§ 118" in deadline.rule
    later = private_settlement_deadline(date(2025, 4, 22), TODAY, override=date(2025, 8, 1))
    assert (later.due, later.days_left, later.set_by_user) == (date(2025, 8, 1), 46, True)


def test_decisions_and_heirs_survive_a_restart(tmp_path):
    url = f"sqlite:///{tmp_path / 'restart.sqlite3'}"
    first = Database(url)
    case_id = build_estate(first)
    with first.session() as session:
        workflow.add_heir(
            session,
            case_id,
            name="Kari",
            relation=Relation.CHILD.value,
            user="heir",
            agrees=True,
            takes_debt_responsibility=False,
        )
        workflow.record_decision(
            session,
            case_id,
            "settlement_form",
            SettlementForm.PUBLIC.value,
            user="heir",
            representative="Advokat Prøve",
            reasons="Debts larger than assets",
        )
        workflow.record_decision(
            session, case_id, "settlement_form", SettlementForm.PRIVATE.value, user="heir2"
        )
        workflow.record_decision(
            session,
            case_id,
            "settlement_form",
            SettlementForm.PUBLIC.value,
            user="heir3",
            reasons="Changed our minds",
        )
    first.dispose()

    second = Database(url)
    with second.session() as session:
        current = workflow.latest_decision(session, case_id, "settlement_form")
        assert (current.value, current.decided_by, current.reasons) == (
            "public",
            "heir3",
            "Changed our minds",
        )
        assert [d.decided_by for d in workflow.decision_history(session, case_id)] == [
            "heir",
            "heir2",
            "heir3",
        ]
        assert [(h.name, h.agrees) for h in workflow.heirs(session, case_id)] == [("Kari", True)]
    second.dispose()


# -- bankruptcy ---------------------------------------------------------------------------

RULING, CUTOFF = date(2025, 5, 5), date(2025, 5, 2)


def bankruptcy_with_an_account(
    db, reference: str = "K-1", period_start: date = date(2024, 5, 5)
) -> tuple[int, int, CaseWriter]:
    """A bankruptcy ruled on RULING with one account at Fjordbank: case, account, writer."""
    facts = new_bankruptcy(
        reference=reference,
        debtor_id="999000010",
        ruling_date=RULING,
        cutoff_date=CUTOFF,
        today=TODAY,
    )
    case_id = create_case(db, facts, environment="sandbox", user="trustee")
    writer = CaseWriter(db)
    writer.set_case_period(case_id, period_start, TODAY)
    bank = writer.upsert_banks(case_id, [BankInfo("999000029", "Fjordbank")])["999000029"]
    return case_id, writer.upsert_account(case_id, bank, AccountRecord("99901000014"), None), writer


def build_bankruptcy(db) -> tuple[int, int]:
    case_id, main, writer = bankruptcy_with_an_account(db)
    bank = writer.upsert_banks(case_id, [BankInfo("999000029", "Fjordbank")])["999000029"]
    writer.upsert_account(case_id, bank, AccountRecord("99901000022"), None)  # own, no activity
    writer.upsert_balances(main, [BalanceRecord("bookedBalance", Decimal("50000"), "NOK", TODAY)])
    supplier = {"counterparty_name": "Leverandør AS"}
    writer.add_transactions(
        case_id,
        main,
        [
            tx("1", date(2025, 2, 1), "-10000", **supplier),
            tx("2", date(2025, 2, 2), "-20000", **supplier),
            tx(
                "3",
                RULING,
                "-5000",
                counterparty_name="Kari Nordmann",
                counterparty_id="21879010184",
            ),
            tx("4", date(2025, 5, 6), "-1000", **supplier),
            tx("5", date(2025, 5, 6), "2000", counterparty_name="Kunde AS"),
            tx(
                "6",
                date(2024, 6, 1),
                "-30000",
                counterparty_name="Nær Venn",
                counterparty_account="99903000053",
            ),
            tx("7", date(2025, 3, 1), "-7000", counterparty_account="99901000022"),
            tx(
                "8",
                date(2025, 4, 1),
                "-15000",
                counterparty_name="Ansatt Person",
                counterparty_id="09826510185",
                message="Lønn april",
            ),
        ],
    )
    with db.session() as session:
        workflow.add_close_party(session, case_id, user="trustee", account_number="9990.30.00053")
    return case_id, main


def keys_of(listing, db):
    from sqlalchemy import select

    from app.store.models import Transaction

    ids = [line.id for line in listing.lines]
    with db.session() as session:
        found = dict(session.execute(select(Transaction.id, Transaction.key)).all())
    return sorted(found[i] for i in ids)


def test_window_dates_count_back_from_the_cut_off_date():
    dates = KeyDates(RULING, CUTOFF)
    fetched = Period(date(2024, 5, 5), TODAY)
    assert dates.window(ReviewWindow.AFTER_RULING, fetched) == Period(date(2025, 5, 6), TODAY)
    assert dates.window(ReviewWindow.EXTRAORDINARY, fetched) == Period(date(2025, 2, 2), RULING)
    assert dates.window(ReviewWindow.NO_CONSIDERATION, fetched) == Period(date(2024, 5, 5), RULING)
    without = KeyDates(RULING, None)
    assert without.window(ReviewWindow.EXTRAORDINARY, fetched) == Period(date(2025, 2, 5), RULING)


def test_windows_reaching_before_the_period_fetched_say_so():
    dates = KeyDates(RULING, CUTOFF)
    fetched = Period(date(2024, 5, 5), TODAY)  # twelve months before the ruling date
    reach = {window: dates.reach(window, fetched) for window in ReviewWindow}
    assert reach == {
        ReviewWindow.AFTER_RULING: Period(date(2025, 5, 6), TODAY),
        ReviewWindow.EXTRAORDINARY: Period(date(2025, 2, 2), RULING),
        ReviewWindow.NO_CONSIDERATION: Period(date(2024, 5, 2), RULING),
        ReviewWindow.CLOSE_PARTY: Period(date(2023, 5, 2), TODAY),
    }
    outside = {window for window in ReviewWindow if dates.reaches_outside(window, fetched)}
    assert outside == {ReviewWindow.NO_CONSIDERATION, ReviewWindow.CLOSE_PARTY}
    assert dates.window(ReviewWindow.CLOSE_PARTY, fetched) == fetched


def test_a_cut_off_date_ten_months_back_leaves_the_three_month_window_partly_unfetched():
    dates = KeyDates(RULING, date(2024, 7, 5))
    fetched = Period(date(2024, 5, 5), TODAY)
    assert dates.reach(ReviewWindow.EXTRAORDINARY, fetched) == Period(date(2024, 4, 5), RULING)
    assert dates.window(ReviewWindow.EXTRAORDINARY, fetched) == Period(date(2024, 5, 5), RULING)
    assert dates.reaches_outside(ReviewWindow.EXTRAORDINARY, fetched)


def test_without_a_cut_off_date_the_one_year_window_fits_the_period_fetched():
    dates = KeyDates(RULING, None)
    fetched = Period(date(2024, 5, 5), TODAY)
    assert dates.reach(ReviewWindow.NO_CONSIDERATION, fetched) == Period(date(2024, 5, 5), RULING)
    assert not dates.reaches_outside(ReviewWindow.NO_CONSIDERATION, fetched)


def test_the_review_tells_which_windows_reach_outside_the_period_fetched(db):
    case_id, _ = build_bankruptcy(db)
    windows = bankruptcy_review(db, case_id, TODAY).windows
    one_year = windows[ReviewWindow.NO_CONSIDERATION]
    assert (one_year.period, one_year.reach) == (
        Period(date(2024, 5, 5), RULING),
        Period(date(2024, 5, 2), RULING),
    )
    outside = {window for window, listing in windows.items() if listing.reaches_outside}
    assert outside == {ReviewWindow.NO_CONSIDERATION, ReviewWindow.CLOSE_PARTY}

    # Statement files reaching further back widen the period: then every window is covered.
    CaseWriter(db).set_case_period(case_id, date(2023, 1, 1), TODAY)
    windows = bankruptcy_review(db, case_id, TODAY).windows
    assert not any(listing.reaches_outside for listing in windows.values())
    assert windows[ReviewWindow.NO_CONSIDERATION].period == Period(date(2024, 5, 2), RULING)


def test_window_membership_and_totals(db):
    case_id, _ = build_bankruptcy(db)
    review = bankruptcy_review(db, case_id, TODAY)
    windows = review.windows
    assert keys_of(windows[ReviewWindow.AFTER_RULING], db) == ["4", "5"]
    assert (
        windows[ReviewWindow.AFTER_RULING].total_out,
        windows[ReviewWindow.AFTER_RULING].total_in,
    ) == (100_000, 200_000)
    # 02.02 is the first day (three months before 02.05); 01.02 is outside; own transfer out
    assert keys_of(windows[ReviewWindow.EXTRAORDINARY], db) == ["2", "3", "8"]
    assert windows[ReviewWindow.EXTRAORDINARY].total_out == 4_000_000
    # to persons only, salary left out
    assert keys_of(windows[ReviewWindow.NO_CONSIDERATION], db) == ["3", "6"]
    assert windows[ReviewWindow.NO_CONSIDERATION].total_out == 3_500_000
    assert keys_of(windows[ReviewWindow.CLOSE_PARTY], db) == ["6"]


def test_assets_at_the_ruling_date(db):
    case_id, main = build_bankruptcy(db)
    found = {p.account.account_id: p.at_key_date for p in positions(db, case_id, RULING)}
    # 50 000 at 16.06 minus what was booked after 05.05 on the account: -1 000 + 2 000
    assert found[main] == 4_900_000
    assert totals(positions(db, case_id, RULING), at_key_date=True) == (4_900_000, 0)


def test_a_balance_stored_for_the_ruling_date_is_taken_as_it_is(db):
    case_id, main = build_bankruptcy(db)
    writer = CaseWriter(db)
    # 48 000 given by the bank for the ruling date; worked back from 16.06 it would be 49 000
    writer.upsert_balances(main, [BalanceRecord("bookedBalance", Decimal("48000"), "NOK", RULING)])
    found = {p.account.account_id: p for p in positions(db, case_id, RULING)}
    assert (found[main].at_key_date, found[main].at_end) == (4_800_000, 5_000_000)
    assert totals(positions(db, case_id, RULING), at_key_date=True) == (4_800_000, 0)


def test_an_available_balance_for_the_ruling_date_counts_when_no_booked_one_does(db):
    case_id, main = build_bankruptcy(db)
    CaseWriter(db).upsert_balances(
        main, [BalanceRecord("availableBalance", Decimal("47500"), "NOK", RULING)]
    )
    found = {p.account.account_id: p.at_key_date for p in positions(db, case_id, RULING)}
    assert found[main] == 4_750_000


def test_assessments_are_kept_with_author_and_survive_a_restart(tmp_path):
    url = f"sqlite:///{tmp_path / 'k.sqlite3'}"
    first = Database(url)
    case_id, main = build_bankruptcy(first)
    review = bankruptcy_review(first, case_id, TODAY)
    line = review.windows[ReviewWindow.EXTRAORDINARY].lines[0]
    with first.session() as session:
        workflow.assess_transaction(
            session,
            case_id,
            line.id,
            ReviewWindow.EXTRAORDINARY.value,
            Assessment.INVESTIGATE.value,
            user="trustee",
            note="check",
        )
        workflow.assess_transaction(
            session,
            case_id,
            line.id,
            ReviewWindow.EXTRAORDINARY.value,
            Assessment.REVERSE.value,
            user="trustee2",
            note="reverse it",
        )
        workflow.assess_account(
            session, case_id, main, user="trustee", secured_minor=4_900_000, remarks="Blocked 06.05"
        )
    first.dispose()
    second = Database(url)
    review = bankruptcy_review(second, case_id, TODAY)
    kept = review.assessments[(line.id, "extraordinary")]
    assert (kept.assessment, kept.note, kept.assessed_by) == ("reverse", "reverse it", "trustee2")
    with second.session() as session:
        secured = workflow.account_assessments(session, case_id)[main]
        assert (secured.secured_minor, secured.remarks) == (4_900_000, "Blocked 06.05")
        assert secured.assessed_at.tzinfo is not None
        assert secured.assessed_at <= datetime.now(UTC)
    second.dispose()
