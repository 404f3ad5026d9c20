"""Norwegian identifiers: national ids and D-numbers, organisation numbers, account numbers.

Check digits and birth dates come from python-stdnum. On top of it the module knows one thing
the library does not: the synthetic national ids of the Norwegian test register (Tenor), which
add 80 to the month, and which are what every test environment of the DSOP services uses.
Error messages name the field and the rule and never repeat the rejected value.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from stdnum import iban as stdnum_iban
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.no import fodselsnummer, kontonr, orgnr

from app.domain.errors import InvalidInput
from app.domain.text import QT_TRANSLATE_NOOP as _T

SYNTHETIC_MONTH_OFFSET = 80
D_NUMBER_DAY_OFFSET = 40


class PartyKind(enum.StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"


@dataclass(frozen=True)
class PersonId:
    """A validated national id (fødselsnummer) or D-number."""

    value: str
    birth_date: date
    is_d_number: bool
    is_synthetic: bool


def _digits(value: str) -> str:
    return "".join(value.split())


def parse_person_id(
    value: str, field: str, *, today: date, allow_synthetic: bool = True
) -> PersonId:
    """Validate a national id or D-number: 11 digits, two check digits, a real birth date.

    `allow_synthetic` admits the test register's numbers (month + 80); the production
    environment refuses them, since no real person carries one.
    """
    number = _digits(value)
    if len(number) != 11 or not number.isdigit():
        raise InvalidInput(field, _T("rules", "must be 11 digits"))
    first = fodselsnummer.calc_check_digit1(number[:9])
    second = fodselsnummer.calc_check_digit2(number[:9] + first)
    if number[9:] != first + second:
        raise InvalidInput(field, _T("rules", "the check digits do not match (mistyped?)"))

    month = int(number[2:4])
    synthetic = month > SYNTHETIC_MONTH_OFFSET
    if synthetic and not allow_synthetic:
        raise InvalidInput(
            field, _T("rules", "is a synthetic test number, not allowed in production")
        )
    plain = number
    if synthetic:
        plain = number[:2] + f"{month - SYNTHETIC_MONTH_OFFSET:02d}" + number[4:]
    try:
        born = fodselsnummer.get_birth_date(plain)
    except StdnumError:
        raise InvalidInput(field, _T("rules", "does not contain a valid birth date")) from None
    if born > today:
        raise InvalidInput(field, _T("rules", "gives a birth date in the future"))
    return PersonId(
        value=number,
        birth_date=born,
        is_d_number=int(number[:2]) > D_NUMBER_DAY_OFFSET,
        is_synthetic=synthetic,
    )


def validate_org_number(value: str, field: str) -> str:
    """Validate a 9-digit organisation number (Enhetsregisteret, MOD11 check digit)."""
    number = _digits(value)
    if len(number) != 9 or not number.isdigit():
        raise InvalidInput(field, _T("rules", "must be 9 digits"))
    try:
        return orgnr.validate(number)
    except StdnumError:
        raise InvalidInput(
            field, _T("rules", "the check digit does not match (mistyped?)")
        ) from None


def party_kind(value: str) -> PartyKind:
    """Tell an organisation number from a personal id by its length, without validating it."""
    return PartyKind.ORGANISATION if len(_digits(value)) == 9 else PartyKind.PERSON


def validate_party_id(
    value: str, field: str, *, today: date, allow_synthetic: bool = True
) -> tuple[str, PartyKind]:
    """Validate an id that may be a person's or an organisation's (a bankruptcy debtor)."""
    number = _digits(value)
    if len(number) == 9:
        return validate_org_number(number, field), PartyKind.ORGANISATION
    if len(number) == 11:
        parse_person_id(number, field, today=today, allow_synthetic=allow_synthetic)
        return number, PartyKind.PERSON
    raise InvalidInput(
        field,
        _T(
            "rules", "must be 9 digits (organisation number) or 11 digits (national id or D-number)"
        ),
    )


def validate_account_number(value: str, field: str) -> str:
    """Validate a Norwegian 11-digit account number (MOD11), dots and spaces allowed."""
    number = "".join(ch for ch in value if ch not in " .")
    if len(number) != 11 or not number.isdigit():
        raise InvalidInput(field, _T("rules", "must be 11 digits"))
    try:
        return kontonr.validate(number)
    except StdnumError:
        raise InvalidInput(
            field, _T("rules", "the check digit does not match (mistyped?)")
        ) from None


def validate_iban(value: str, field: str) -> str:
    """Validate an IBAN (country format and ISO 7064 check digits)."""
    try:
        return stdnum_iban.validate(value)
    except StdnumError:
        raise InvalidInput(field, _T("rules", "is not a valid IBAN")) from None


def mask_id(value: str) -> str:
    """Show an id with all but the last three digits hidden, for places that need a hint only."""
    digits = _digits(value)
    return "•" * max(len(digits) - 3, 0) + digits[-3:]
