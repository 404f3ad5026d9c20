"""Creating cases of the three kinds: the facts each needs and the rules each follows."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.cases import (
    FIELD_CUTOFF_DATE,
    FIELD_DEATH_DATE,
    FIELD_GUARDIAN,
    FIELD_REFERENCE,
    FIELD_RULING_DATE,
    FIELD_SUBJECT,
    FIELD_YEAR,
    earliest_cutoff_date,
    earliest_key_date,
    new_bankruptcy,
    new_estate,
    new_guardianship,
)
from app.domain.errors import InvalidInput
from app.domain.identifiers import PartyKind
from app.domain.periods import Period
from app.domain.services import Service

TODAY = date(2025, 6, 16)


def test_a_company_bankruptcy():
    facts = new_bankruptcy(
        reference=" K-12/2025 ",
        debtor_id="999 000 010",
        ruling_date=date(2025, 5, 5),
        cutoff_date=date(2025, 5, 2),
        today=TODAY,
        debtor_name="SYNTETISK BYGG AS",
    )
    assert facts.reference == "K-12/2025"
    assert facts.subject_id == "999000010"
    assert facts.subject_kind is PartyKind.ORGANISATION
    assert facts.period(TODAY) == Period(date(2024, 5, 5), TODAY)


def test_an_estate_and_its_period():
    facts = new_estate(
        reference="D-1", deceased_id="02913810077", death_date=date(2025, 4, 22), today=TODAY
    )
    assert facts.service is Service.ESTATE
    assert facts.period(TODAY) == Period(date(2025, 1, 22), TODAY)


def test_a_guardianship_year():
    facts = new_guardianship(
        reference="V-1", ward_id="21879010184", guardian_id="09826510185", year=2024, today=TODAY
    )
    assert facts.year == 2024
    assert facts.guardian_id == "09826510185"
    assert facts.period(TODAY) == Period(date(2024, 1, 1), date(2024, 12, 31))


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (
            lambda: new_bankruptcy(
                reference="", debtor_id="999000010", ruling_date=date(2025, 5, 5), today=TODAY
            ),
            FIELD_REFERENCE,
        ),
        (
            lambda: new_bankruptcy(
                reference="x" * 101,
                debtor_id="999000010",
                ruling_date=date(2025, 5, 5),
                today=TODAY,
            ),
            FIELD_REFERENCE,
        ),
        (
            lambda: new_bankruptcy(
                reference="K", debtor_id="999000011", ruling_date=date(2025, 5, 5), today=TODAY
            ),
            FIELD_SUBJECT[Service.BANKRUPTCY],
        ),
        (
            lambda: new_bankruptcy(
                reference="K",
                debtor_id="999000010",
                ruling_date=TODAY + timedelta(days=1),
                today=TODAY,
            ),
            FIELD_RULING_DATE,
        ),
        (
            lambda: new_bankruptcy(
                reference="K", debtor_id="999000010", ruling_date=None, today=TODAY
            ),
            FIELD_RULING_DATE,
        ),
        (
            lambda: new_bankruptcy(
                reference="K",
                debtor_id="999000010",
                ruling_date=date(2025, 5, 5),
                cutoff_date=date(2025, 5, 6),
                today=TODAY,
            ),
            FIELD_CUTOFF_DATE,
        ),
        (
            lambda: new_estate(
                reference="D", deceased_id="999000010", death_date=date(2025, 4, 22), today=TODAY
            ),
            FIELD_SUBJECT[Service.ESTATE],
        ),
        (
            lambda: new_estate(
                reference="D",
                deceased_id="02913810077",
                death_date=TODAY + timedelta(days=1),
                today=TODAY,
            ),
            FIELD_DEATH_DATE,
        ),
        (
            lambda: new_estate(
                reference="D", deceased_id="02913810077", death_date=date(1930, 1, 1), today=TODAY
            ),
            FIELD_DEATH_DATE,
        ),
        (
            lambda: new_guardianship(
                reference="V",
                ward_id="21879010184",
                guardian_id="21879010184",
                year=2024,
                today=TODAY,
            ),
            FIELD_GUARDIAN,
        ),
        (
            lambda: new_guardianship(
                reference="V",
                ward_id="21879010184",
                guardian_id="09826510185",
                year=2025,
                today=TODAY,
            ),
            FIELD_YEAR,
        ),
        (
            lambda: new_guardianship(
                reference="V",
                ward_id="21879010184",
                guardian_id="09826510185",
                year=2023,
                today=TODAY,
            ),
            FIELD_YEAR,
        ),
    ],
)
def test_each_broken_rule_names_its_field(make, field):
    with pytest.raises(InvalidInput) as refused:
        make()
    assert refused.value.field == field
    assert refused.value.rule


ids = st.one_of(
    st.text(alphabet="0123456789", min_size=8, max_size=12),
    st.sampled_from(["999000010", "21879010184", "02913810077", "09826510185"]),
)
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2030, 12, 31))


@settings(max_examples=1500, deadline=None)
@given(
    kind=st.sampled_from(list(Service)),
    subject=ids,
    other=ids,
    day=dates,
    year=st.integers(1990, 2030),
)
def test_generated_input_is_accepted_or_refused_never_crashes(kind, subject, other, day, year):
    try:
        if kind is Service.BANKRUPTCY:
            facts = new_bankruptcy(reference="R", debtor_id=subject, ruling_date=day, today=TODAY)
        elif kind is Service.ESTATE:
            facts = new_estate(reference="R", deceased_id=subject, death_date=day, today=TODAY)
        else:
            facts = new_guardianship(
                reference="R", ward_id=subject, guardian_id=other, year=year, today=TODAY
            )
    except InvalidInput as refused:
        assert refused.field and refused.rule
        return
    assert facts.key_date <= TODAY or kind is Service.GUARDIANSHIP
    if kind is not Service.GUARDIANSHIP:
        assert facts.key_date >= earliest_key_date(TODAY)
    period = facts.period(TODAY)
    assert period.start <= period.end <= TODAY
    if kind is Service.GUARDIANSHIP:
        assert year == TODAY.year - 1
    assert len(facts.subject_id) in (9, 11)


@pytest.mark.parametrize(
    ("ruling", "accepted"),
    [(date(2015, 6, 16), True), (date(2015, 6, 15), False), (date(1900, 5, 5), False)],
)
def test_a_ruling_date_more_than_ten_years_ago_is_refused(ruling, accepted):
    assert date(2025, 6, 16) == TODAY
    make = lambda: new_bankruptcy(  # noqa: E731
        reference="K", debtor_id="999000010", ruling_date=ruling, today=TODAY
    )
    if accepted:
        assert make().key_date == ruling
        return
    with pytest.raises(InvalidInput) as refused:
        make()
    assert refused.value.field == "Ruling date"
    assert refused.value.rule.startswith("cannot be more than ten years ago")


def test_the_ten_year_limit_from_a_29_february():
    assert earliest_key_date(date(2024, 2, 29)) == date(2014, 2, 28)
    assert earliest_key_date(date(2025, 3, 1)) == date(2015, 3, 1)


CUTOFF_RULE = (
    "cannot be more than 12 months before the ruling date "
    "(the bankruptcy service fetches nothing older)"
)


@pytest.mark.parametrize(
    ("cutoff", "accepted"),
    [
        (date(2024, 5, 5), True),  # the first day the case fetches: 12 months before
        (date(2024, 5, 4), False),
        (date(2020, 1, 1), False),  # the newcomer's fristdag, five years before
    ],
)
def test_a_cutoff_date_before_the_period_fetched_is_refused(cutoff, accepted):
    make = lambda: new_bankruptcy(  # noqa: E731
        reference="K-3",
        debtor_id="999000037",
        ruling_date=date(2025, 5, 5),
        cutoff_date=cutoff,
        today=TODAY,
    )
    if accepted:
        facts = make()
        assert facts.cutoff_date == cutoff
        assert cutoff in facts.period(TODAY)
        return
    with pytest.raises(InvalidInput) as refused:
        make()
    assert refused.value.field == FIELD_CUTOFF_DATE
    assert refused.value.rule == CUTOFF_RULE
    assert str(refused.value) == f"Cut-off date (fristdag): {CUTOFF_RULE}"


def test_the_earliest_cutoff_date_is_the_start_of_the_period_fetched():
    for ruling in (date(2025, 5, 5), date(2025, 2, 28), date(2024, 2, 29)):
        period = new_bankruptcy(
            reference="K", debtor_id="999000010", ruling_date=ruling, today=TODAY
        ).period(TODAY)
        assert earliest_cutoff_date(ruling) == period.start
    assert earliest_cutoff_date(date(2024, 2, 29)) == date(2023, 2, 28)


@pytest.mark.parametrize(
    ("reference", "rule"),
    [
        ("3", "a number alone is a case number"),
        ("2025 ", "a number alone is a case number"),  # spaces around are trimmed first
        ("K-4\nline2", "control characters"),
        ("K\ttab", "control characters"),
        ("K\x07", "control characters"),
        ("K\u200b", "control characters"),  # a zero-width space, invisible in the case list
    ],
)
def test_a_reference_that_reads_as_a_case_number_or_hides_characters_is_refused(reference, rule):
    with pytest.raises(InvalidInput) as refused:
        new_bankruptcy(
            reference=reference, debtor_id="999000010", ruling_date=date(2025, 5, 5), today=TODAY
        )
    assert refused.value.field == FIELD_REFERENCE
    assert rule in refused.value.rule


@pytest.mark.parametrize("reference", ["K-3", "3/2025", "17-123456KONK-OTIR/05", "Bo æøå 12"])
def test_ordinary_references_are_kept(reference):
    facts = new_bankruptcy(
        reference=reference, debtor_id="999000010", ruling_date=date(2025, 5, 5), today=TODAY
    )
    assert facts.reference == reference
