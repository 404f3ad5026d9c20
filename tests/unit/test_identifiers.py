"""National ids, D-numbers, organisation and account numbers."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.no import fodselsnummer

from app.domain.errors import InvalidInput
from app.domain.identifiers import (
    PartyKind,
    parse_person_id,
    validate_account_number,
    validate_iban,
    validate_org_number,
    validate_party_id,
)

TODAY = date(2025, 6, 16)
FIELD = "National id"


def with_check_digits(first_nine: str) -> str | None:
    first = fodselsnummer.calc_check_digit1(first_nine)
    second = fodselsnummer.calc_check_digit2(first_nine + first)
    if len(first) != 1 or len(second) != 1:
        return None  # this base has no valid check digit (remainder 1)
    return first_nine + first + second


@pytest.mark.parametrize(
    ("number", "born", "synthetic"),
    [
        ("21879010184", date(1990, 7, 21), True),
        ("09826510185", date(1965, 2, 9), True),
        ("02913810077", date(1938, 11, 2), True),
    ],
)
def test_synthetic_test_register_ids_are_read_with_their_birth_date(number, born, synthetic):
    person = parse_person_id(number, FIELD, today=TODAY)
    assert person.birth_date == born
    assert person.is_synthetic is synthetic
    assert not person.is_d_number


def test_a_d_number_adds_forty_to_the_day():
    number = with_check_digits("410190123") or with_check_digits("410190124")
    assert number is not None
    person = parse_person_id(number, FIELD, today=TODAY)
    assert person.is_d_number
    assert person.birth_date == date(1990, 1, 1)


def test_production_refuses_synthetic_ids():
    with pytest.raises(InvalidInput) as refused:
        parse_person_id("21879010184", FIELD, today=TODAY, allow_synthetic=False)
    assert refused.value.field == FIELD
    assert "synthetic" in refused.value.rule


@pytest.mark.parametrize(
    ("number", "rule"),
    [
        ("2187901018", "must be 11 digits"),
        ("2187901018x", "must be 11 digits"),
        ("21879010185", "check digits"),
        ("31029010132", "valid birth date"),
    ],
)
def test_bad_national_ids_are_refused_with_the_rule(number, rule):
    if rule == "valid birth date":
        number = with_check_digits("310290101") or with_check_digits("310290102")
    with pytest.raises(InvalidInput) as refused:
        parse_person_id(number, FIELD, today=TODAY)
    assert rule in refused.value.rule
    assert number not in str(refused.value)


def test_a_person_born_after_today_is_refused():
    number = with_check_digits("010126500") or with_check_digits("010126501")
    with pytest.raises(InvalidInput, match="future"):
        parse_person_id(number, FIELD, today=TODAY)


def test_organisation_numbers():
    assert validate_org_number("999 000 010", "Org") == "999000010"
    with pytest.raises(InvalidInput, match="check digit"):
        validate_org_number("999000011", "Org")
    with pytest.raises(InvalidInput, match="9 digits"):
        validate_org_number("99900001", "Org")


def test_party_ids_tell_people_from_organisations():
    assert validate_party_id("999000010", "Debtor", today=TODAY) == (
        "999000010",
        PartyKind.ORGANISATION,
    )
    assert validate_party_id("21879010184", "Debtor", today=TODAY) == (
        "21879010184",
        PartyKind.PERSON,
    )
    with pytest.raises(InvalidInput, match="9 digits .* or 11 digits"):
        validate_party_id("1234", "Debtor", today=TODAY)


def test_account_numbers_and_ibans():
    assert validate_account_number("9990.10.00014", "Account") == "99901000014"
    with pytest.raises(InvalidInput, match="check digit"):
        validate_account_number("99901000015", "Account")
    assert validate_iban("NO93 8601 1117 947", "IBAN") == "NO9386011117947"
    with pytest.raises(InvalidInput, match="IBAN"):
        validate_iban("NO9386011117948", "IBAN")


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="0123456789 .-x", max_size=14))
def test_any_text_is_either_accepted_or_refused_with_a_message(text):
    try:
        number, kind = validate_party_id(text, "Debtor", today=TODAY)
    except InvalidInput as refused:
        assert refused.field == "Debtor"
        assert refused.rule
    else:
        assert len(number) in (9, 11)
        assert kind in PartyKind
