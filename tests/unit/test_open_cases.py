"""One open case of a kind per subject: a second open bankruptcy of a debtor, estate of a
deceased or control of a ward's year is refused, naming the case that is open; a closed case,
another kind, another year or another environment blocks nothing."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from app.domain.cases import FIELD_SUBJECT, new_bankruptcy, new_estate, new_guardianship
from app.domain.services import Service
from app.store.cases import DuplicateCase, create_case
from app.store.deletion import close_case, reopen_case
from app.store.models import Case

TODAY = date(2025, 6, 16)
NOW = datetime(2025, 6, 16, 10, tzinfo=UTC)
DEBTOR = "999000010"
DECEASED = "02913810077"
WARD = "21879010184"
GUARDIAN = "09826510185"
OTHER_GUARDIAN = "02913810077"


def bankruptcy(reference: str, ruling: date = date(2025, 5, 5)):
    return new_bankruptcy(reference=reference, debtor_id=DEBTOR, ruling_date=ruling, today=TODAY)


def estate(reference: str):
    return new_estate(
        reference=reference, deceased_id=DECEASED, death_date=date(2025, 4, 22), today=TODAY
    )


def guardianship(reference: str, guardian: str = GUARDIAN, today: date = TODAY):
    return new_guardianship(
        reference=reference, ward_id=WARD, guardian_id=guardian, year=today.year - 1, today=today
    )


def stored(db) -> list[str]:
    with db.session() as session:
        return list(session.scalars(select(Case.reference).order_by(Case.id)))


def test_a_second_open_bankruptcy_of_a_debtor_is_refused_naming_the_open_case(db):
    first = create_case(db, bankruptcy("K-1"), environment="sandbox", user="tester")

    with pytest.raises(DuplicateCase) as refused:
        create_case(db, bankruptcy("K-2", date(2025, 5, 20)), environment="sandbox", user="t")

    assert refused.value.field == FIELD_SUBJECT[Service.BANKRUPTCY]
    assert (refused.value.case_number, refused.value.reference) == (first, "K-1")
    assert refused.value.rule == (
        f"case {first} (K-1) is already open for this debtor; close it before creating another"
    )
    assert DEBTOR not in str(refused.value)
    assert stored(db) == ["K-1"]


def test_a_second_open_estate_of_a_deceased_is_refused(db):
    first = create_case(db, estate("D-1"), environment="sandbox", user="tester")

    with pytest.raises(DuplicateCase) as refused:
        create_case(db, estate("D-2"), environment="sandbox", user="tester")

    assert refused.value.rule == (
        f"case {first} (D-1) is already open for this deceased person; "
        "close it before creating another"
    )
    assert stored(db) == ["D-1"]


def test_a_second_control_of_a_wards_year_is_refused_whoever_the_guardian(db):
    first = create_case(db, guardianship("V-1"), environment="sandbox", user="tester")

    with pytest.raises(DuplicateCase) as refused:
        create_case(db, guardianship("V-2", OTHER_GUARDIAN), environment="sandbox", user="t")

    assert refused.value.rule == (
        f"case {first} (V-1) is already open for this ward and year 2024; "
        "close it before creating another"
    )
    assert stored(db) == ["V-1"]


def test_the_next_year_of_a_ward_is_a_case_of_its_own(db):
    create_case(db, guardianship("V-2024"), environment="sandbox", user="tester")

    next_year = guardianship("V-2025", today=date(2026, 2, 1))
    create_case(db, next_year, environment="sandbox", user="tester")

    assert stored(db) == ["V-2024", "V-2025"]


def test_a_closed_case_does_not_block_a_new_one(db):
    first = create_case(db, bankruptcy("K-1"), environment="sandbox", user="tester")
    close_case(db, first, now=NOW)

    create_case(db, bankruptcy("K-2"), environment="sandbox", user="tester")

    assert stored(db) == ["K-1", "K-2"]


def test_another_kind_or_environment_does_not_block(db):
    create_case(db, estate("D-1"), environment="sandbox", user="tester")

    as_debtor = new_bankruptcy(
        reference="K-1", debtor_id=DECEASED, ruling_date=date(2025, 3, 1), today=TODAY
    )
    create_case(db, as_debtor, environment="sandbox", user="tester")
    create_case(db, estate("D-1-TEST"), environment="test", user="tester")

    with db.session() as session:
        assert session.scalar(select(func.count(Case.id))) == 3


def test_a_closed_case_is_not_reopened_beside_a_newer_open_one(db):
    first = create_case(db, bankruptcy("K-1"), environment="sandbox", user="tester")
    close_case(db, first, now=NOW)
    second = create_case(db, bankruptcy("K-2"), environment="sandbox", user="tester")

    with pytest.raises(DuplicateCase) as refused:
        reopen_case(db, first)

    assert (refused.value.case_number, refused.value.reference) == (second, "K-2")
    with db.session() as session:
        assert session.get(Case, first).status == "closed"
