"""Period rules at the edges: the day before, on and after each limit, for all three services.

Seeded register: ruling 2025-05-05 (earliest fromDate 2024-05-05), death 2025-04-22 (earliest
fromDate 2025-01-22), guardianship control of 2024 (today is 2025-06-16).
"""

from __future__ import annotations

from datetime import date

import pytest
from sandbox_consumer import TODAY, Dsop

SLUG = "testdal"


def _status(dsop: Dsop, service: str, first: date, last: date) -> int:
    response = dsop.bank_get(service, SLUG, "/accounts", first=first, last=last)
    if response.status_code != 200:
        assert response.json()["code"] == "ACC-001", response.text
    return response.status_code


@pytest.mark.parametrize(
    ("first", "status"),
    [(date(2024, 5, 4), 400), (date(2024, 5, 5), 200), (date(2024, 5, 6), 200)],
)
def test_bankruptcy_from_date_limit_is_twelve_months_before_the_ruling(
    dsop: Dsop, first: date, status: int
) -> None:
    assert _status(dsop, "bankruptcy", first, TODAY) == status


@pytest.mark.parametrize(
    ("first", "status"),
    [(date(2025, 1, 21), 400), (date(2025, 1, 22), 200), (date(2025, 1, 23), 200)],
)
def test_estate_from_date_limit_is_three_months_before_the_death(
    dsop: Dsop, first: date, status: int
) -> None:
    assert _status(dsop, "estate", first, TODAY) == status


@pytest.mark.parametrize("service", ["bankruptcy", "estate"])
@pytest.mark.parametrize(
    ("last", "status"),
    [(date(2025, 6, 15), 200), (TODAY, 200), (date(2025, 6, 17), 400)],
)
def test_to_date_must_not_be_after_today(dsop: Dsop, service: str, last: date, status: int):
    first = date(2025, 2, 1)

    assert _status(dsop, service, first, last) == status


@pytest.mark.parametrize(
    ("first", "last", "status"),
    [
        (date(2023, 12, 31), date(2024, 12, 31), 400),
        (date(2024, 1, 1), date(2024, 12, 31), 200),
        (date(2024, 1, 2), date(2024, 12, 31), 400),
        (date(2024, 1, 1), date(2024, 12, 30), 400),
        (date(2024, 1, 1), date(2025, 1, 1), 400),
        (date(2025, 1, 1), TODAY, 400),
    ],
)
def test_guardianship_covers_exactly_the_last_calendar_year(
    dsop: Dsop, first: date, last: date, status: int
) -> None:
    assert _status(dsop, "guardianship", first, last) == status


def test_bankruptcy_limit_follows_a_new_ruling_in_the_register(dsop: Dsop) -> None:
    debtor = "999000053"
    registered = dsop.admin(
        "POST", "/registry/bankruptcy", {"debtor": debtor, "ruling_date": "2025-03-31"}
    )
    assert registered.status_code == 201

    def status(first: date) -> int:
        return dsop.bank_get(
            "bankruptcy", SLUG, "/accounts", party=debtor, first=first, last=TODAY
        ).status_code

    assert status(date(2024, 3, 30)) == 400
    assert status(date(2024, 3, 31)) == 200


def test_estate_limit_clamps_to_the_end_of_the_month(dsop: Dsop) -> None:
    person = "05817142879"
    dsop.admin("POST", "/registry/death", {"person": person, "death_date": "2025-05-31"})

    def status(first: date) -> int:
        return dsop.bank_get(
            "estate", SLUG, "/accounts", party=person, first=first, last=TODAY
        ).status_code

    assert status(date(2025, 2, 27)) == 400
    assert status(date(2025, 2, 28)) == 200
