"""The three service profiles: mandates, endpoints, periods and additional references."""

from datetime import date

import pytest

from app.domain.periods import Period
from app.domain.services import (
    BANKRUPTCY,
    ESTATE,
    GUARDIANSHIP,
    Endpoint,
    GuardRailError,
    encode_mandate,
)

TODAY = date(2025, 6, 16)

ENCODED = {
    (
        BANKRUPTCY,
        Endpoint.CUSTOMER_RELATIONSHIPS,
    ): "kkl.%20%C2%A7156%20(3)%20og%20(4)%2C%20jf.%20kkfor.%C2%A721",
    (
        BANKRUPTCY,
        Endpoint.TRANSACTIONS,
    ): "kkl.%20%C2%A7156%20(3)%20og%20(4)%2C%20jf.%20kkfor.%C2%A721",
    (
        ESTATE,
        Endpoint.ACCOUNTS,
    ): "Arveloven%20%C2%A7%2092%20f%C3%B8rste%20ledd%20og%20%C2%A7%20118%2C%20jf.%20%C2%A7%2088"
    "%20a%2C%20jf.%20forskrift%20om%20Digitalt%20d%C3%B8dsbo",
    (
        GUARDIANSHIP,
        Endpoint.CUSTOMER_RELATIONSHIPS,
    ): "Vergem%C3%A5lsloven%20%C2%A7%2054%20(2)%2C%20jf.%20vergem%C3%A5lsforskriften%20%C2%A720a"
    "%20(2)%2C%20jf.%20vergem%C3%A5lsforskriften%20%C2%A720a%20(1)%20a",
    (
        GUARDIANSHIP,
        Endpoint.ROLES,
    ): "Vergem%C3%A5lsloven%20%C2%A7%2054%20(2)%2C%20jf.%20vergem%C3%A5lsforskriften%20%C2%A7%20"
    "20%20(2)%2C%20jf.%20vergem%C3%A5lsforskriften%20%C2%A7%2020a%20(1)%20b-e",
}


@pytest.mark.parametrize(("service", "endpoint"), list(ENCODED))
def test_legal_mandates_are_encoded_byte_for_byte(service, endpoint):
    assert service.encoded_mandate(endpoint) == ENCODED[(service, endpoint)]


def test_encoding_matches_encode_uri_component():
    assert encode_mandate("a b(c)!*'-_.~,§") == "a%20b(c)!*'-_.~%2C%C2%A7"


@pytest.mark.parametrize(
    ("service", "forbidden"),
    [
        (BANKRUPTCY, {Endpoint.CARDS, Endpoint.ROLES, Endpoint.ACCOUNT_SERVICING_PROVIDER}),
        (ESTATE, {Endpoint.CARDS, Endpoint.ROLES, Endpoint.ACCOUNT_SERVICING_PROVIDER}),
        (GUARDIANSHIP, {Endpoint.CARDS, Endpoint.ACCOUNT_SERVICING_PROVIDER}),
    ],
)
def test_forbidden_endpoints(service, forbidden):
    assert service.forbidden == forbidden
    for endpoint in forbidden:
        with pytest.raises(GuardRailError, match=endpoint.value):
            service.check_endpoint(endpoint)


@pytest.mark.parametrize(
    ("service", "key_date", "expected"),
    [
        (BANKRUPTCY, date(2025, 5, 5), Period(date(2024, 5, 5), TODAY)),
        (BANKRUPTCY, date(2024, 2, 29), Period(date(2023, 2, 28), TODAY)),
        (ESTATE, date(2025, 4, 22), Period(date(2025, 1, 22), TODAY)),
        (ESTATE, date(2025, 5, 31), Period(date(2025, 2, 28), TODAY)),
        (GUARDIANSHIP, date(2024, 1, 1), Period(date(2024, 1, 1), date(2024, 12, 31))),
    ],
)
def test_period_rules(service, key_date, expected):
    assert service.period(key_date, TODAY) == expected


@pytest.mark.parametrize(
    ("service", "key_date", "limit_start"),
    [
        (BANKRUPTCY, date(2025, 5, 5), date(2024, 5, 5)),
        (ESTATE, date(2025, 4, 22), date(2025, 1, 22)),
    ],
)
@pytest.mark.parametrize(("offset", "allowed"), [(-1, False), (0, True), (1, True)])
def test_from_date_edges(service, key_date, limit_start, offset, allowed):
    from datetime import timedelta

    period = Period(limit_start + timedelta(days=offset), TODAY)
    if allowed:
        service.check_period(period, key_date, TODAY)
    else:
        with pytest.raises(GuardRailError, match="fromDate"):
            service.check_period(period, key_date, TODAY)


@pytest.mark.parametrize(("offset", "allowed"), [(-1, True), (0, True), (1, False)])
def test_to_date_may_not_pass_today(offset, allowed):
    from datetime import timedelta

    period = Period(date(2024, 6, 1), TODAY + timedelta(days=offset))
    if allowed:
        BANKRUPTCY.check_period(period, date(2025, 5, 5), TODAY)
    else:
        with pytest.raises(GuardRailError, match="toDate"):
            BANKRUPTCY.check_period(period, date(2025, 5, 5), TODAY)


@pytest.mark.parametrize(("year", "allowed"), [(2023, False), (2024, True), (2025, False)])
def test_guardianship_covers_only_the_last_calendar_year(year, allowed):
    period = Period(date(year, 1, 1), date(year, 12, 31))
    key = date(year, 1, 1)
    if allowed:
        GUARDIANSHIP.check_period(period, key, TODAY)
    else:
        with pytest.raises(GuardRailError):
            GUARDIANSHIP.check_period(period, key, TODAY)


def test_guardianship_period_edges_inside_the_year():
    key = date(2024, 1, 1)
    with pytest.raises(GuardRailError, match="fromDate"):
        GUARDIANSHIP.check_period(Period(date(2023, 12, 31), date(2024, 12, 31)), key, TODAY)
    with pytest.raises(GuardRailError, match="toDate"):
        GUARDIANSHIP.check_period(Period(date(2024, 1, 1), date(2025, 1, 1)), key, TODAY)


def test_additional_reference_rules():
    GUARDIANSHIP.check_additional_reference("srf", "09826510185")
    with pytest.raises(GuardRailError, match="srf"):
        GUARDIANSHIP.check_additional_reference(None, None)
    with pytest.raises(GuardRailError, match="srf"):
        GUARDIANSHIP.check_additional_reference("pol1", "09826510185")
    BANKRUPTCY.check_additional_reference(None, None)
    with pytest.raises(GuardRailError, match="no additional reference"):
        ESTATE.check_additional_reference("srf", "09826510185")
