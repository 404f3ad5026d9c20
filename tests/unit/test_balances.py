"""Balances at earlier days, from the booked balance at the end of the period."""

from datetime import date

from app.review.balances import KnownBalance, balance_on, daily_balances

END = KnownBalance(date(2025, 6, 16), 100_000)
BOOKINGS = [(date(2025, 6, 1), -20_000), (date(2025, 6, 10), 50_000), (date(2025, 6, 16), 5_000)]


def test_balance_on_an_earlier_day_takes_later_bookings_out():
    # 1 000,00 - 50,00 (16.06) - 500,00 (10.06) = 450,00 at the end of 09.06
    assert balance_on(date(2025, 6, 9), END, BOOKINGS) == 45_000
    # ... and 650,00 before the payment of 01.06 was booked
    assert balance_on(date(2025, 5, 31), END, BOOKINGS) == 65_000
    assert balance_on(date(2025, 6, 16), END, BOOKINGS) == 100_000


def test_daily_series_ends_on_the_known_balance():
    series = daily_balances(date(2025, 5, 31), date(2025, 6, 16), END, BOOKINGS)
    assert series[0] == (date(2025, 5, 31), 65_000)
    assert series[1] == (date(2025, 6, 1), 45_000)
    assert dict(series)[date(2025, 6, 10)] == 95_000
    assert series[-1] == (date(2025, 6, 16), 100_000)
    assert len(series) == 17
