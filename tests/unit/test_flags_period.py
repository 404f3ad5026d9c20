"""The flag rules look only at transactions booked inside the case's period."""

from datetime import date

from app.domain.periods import Period
from app.domain.services import Service
from app.review.flags import FlagInput, find_flags

DEATH = date(2025, 4, 22)
PERIOD = Period(date(2025, 1, 22), date(2025, 6, 30))


def payment(id: int, day: date, amount_kr: int, counterparty: str) -> FlagInput:
    return FlagInput(
        id=id,
        account_number="99901000014",
        booking_date=day,
        amount_minor=-amount_kr * 100,
        status="booked",
        code_subfamily=None,
        code_text=None,
        counterparty_name=counterparty,
        counterparty_account=None,
        message=None,
    )


def flagged(rows) -> set[tuple[int, str]]:
    found = find_flags(
        rows,
        service=Service.ESTATE,
        key_date=DEATH,
        period_start=PERIOD.start,
        case_period=PERIOD,
    )
    return {(f.transaction_id, f.rule) for f in found}


def test_a_round_sum_from_an_old_imported_file_is_not_flagged():
    assert flagged([payment(1, date(2007, 10, 18), 20_000, "Old Shop")]) == set()


def test_a_round_sum_inside_the_period_is_still_flagged():
    assert (2, "round_sum") in flagged([payment(2, date(2025, 3, 1), 20_000, "Shop")])


def test_a_booking_after_the_period_raises_no_after_key_date_flag():
    assert flagged([payment(3, date(2025, 7, 1), 5, "Shop")]) == set()


def test_a_counterparty_seen_before_the_period_is_not_new_within_it():
    rows = [payment(4, date(2013, 1, 1), 50, "Landlord"), payment(5, DEATH, 15_500, "Landlord")]

    assert (5, "new_counterparty") not in flagged(rows)
