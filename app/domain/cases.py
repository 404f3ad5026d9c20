"""Cases: who a case is about, under which service, and the dates that fix its period.

A case of each kind needs different facts:
- bankruptcy (konkursbo): the debtor (national id, D-number or organisation number), the ruling
  date (kjennelsesdato) and optionally the cut-off date (fristdag, the day the petition reached
  the court), which lies within the period the case fetches;
- estate (dødsbo): the deceased person and the date of death;
- guardianship (vergekontroll): the ward (vergehaver), the guardian (verge) and the year.

`new_case` validates what the user typed and returns `CaseFacts`, or raises `InvalidInput`
naming the field and the rule that was broken.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from app.domain.errors import InvalidInput
from app.domain.identifiers import PartyKind, parse_person_id, validate_party_id
from app.domain.periods import Period
from app.domain.services import Service, profile
from app.domain.text import QT_TRANSLATE_NOOP as _T

FIELD_SUBJECT = {
    Service.BANKRUPTCY: _T("fields", "Debtor's national id or organisation number"),
    Service.ESTATE: _T("fields", "Deceased's national id or D-number"),
    Service.GUARDIANSHIP: _T("fields", "Ward's national id or D-number"),
}
FIELD_RULING_DATE = _T("fields", "Ruling date")
FIELD_CUTOFF_DATE = _T("fields", "Cut-off date (fristdag)")
FIELD_DEATH_DATE = _T("fields", "Date of death")
FIELD_GUARDIAN = _T("fields", "Guardian's national id or D-number")
FIELD_YEAR = _T("fields", "Year")
FIELD_REFERENCE = _T("fields", "Case reference")

MAX_REFERENCE_LENGTH = 100
LAST_YEAR_RULE = _T("rules", "must be the last calendar year, %1; the control covers no other")
"""The one year a guardianship control may cover; %1 is that year."""


@dataclass(frozen=True)
class CaseFacts:
    """The validated facts of a new case; the store adds identity, owner and times."""

    service: Service
    reference: str
    subject_id: str
    subject_kind: PartyKind
    key_date: date
    subject_name: str | None = None
    cutoff_date: date | None = None
    guardian_id: str | None = None

    @property
    def year(self) -> int | None:
        return self.key_date.year if self.service is Service.GUARDIANSHIP else None

    def period(self, today: date) -> Period:
        return profile(self.service).period(self.key_date, today)


def _reference(text: str) -> str:
    reference = text.strip()
    if not reference:
        raise InvalidInput(FIELD_REFERENCE, _T("rules", "must not be empty"))
    if len(reference) > MAX_REFERENCE_LENGTH:
        raise InvalidInput(FIELD_REFERENCE, _T("rules", "must be at most 100 characters"))
    if any(unicodedata.category(character) in ("Cc", "Cf") for character in reference):
        raise InvalidInput(
            FIELD_REFERENCE,
            _T("rules", "must not hold line breaks, tabs or other control characters"),
        )
    if reference.isdigit():
        # the command line and the case list name a case by its number or its reference
        raise InvalidInput(
            FIELD_REFERENCE,
            _T(
                "rules",
                "must hold a letter or a sign besides digits; a number alone is a case number",
            ),
        )
    return reference


OLDEST_KEY_DATE_YEARS = 10
"""Banks keep account data 5 + 1 years by law and some consumers reach back about ten
(REFERENCE, "Accounting data"); an older ruling date or date of death is a typing error."""


def earliest_key_date(today: date) -> date:
    """The oldest ruling date or date of death a case may have: ten years before today."""
    year = today.year - OLDEST_KEY_DATE_YEARS
    if (today.month, today.day) == (2, 29):
        return date(year, 2, 28)  # that year may have no 29 February
    return today.replace(year=year)


def _past_date(value: date | None, field: str, today: date) -> date:
    if value is None:
        raise InvalidInput(field, _T("rules", "must be given"))
    if value > today:
        raise InvalidInput(field, _T("rules", "cannot be in the future"))
    if value < earliest_key_date(today):
        raise InvalidInput(
            field, _T("rules", "cannot be more than ten years ago (banks keep no older data)")
        )
    return value


def earliest_cutoff_date(ruling_date: date) -> date:
    """The oldest cut-off date a bankruptcy may have: the first day its fetch may ask for,
    twelve months before the ruling date (REFERENCE 8.1, `fromDate` of Konkursbehandling)."""
    return profile(Service.BANKRUPTCY).period(ruling_date, ruling_date).start


def check_cutoff_date(cutoff_date: date, ruling_date: date) -> None:
    """Refuse a cut-off date after the ruling date, or before the period the case fetches.

    The review windows count back from the cut-off date (dekningsloven chapter 5). One that
    lies before the first day the bankruptcy service lets the banks be asked about is far more
    likely a typing error than a fact, and the windows counted from it would lie mostly outside
    what the case can fetch.
    """
    if cutoff_date > ruling_date:
        raise InvalidInput(FIELD_CUTOFF_DATE, _T("rules", "cannot be after the ruling date"))
    if cutoff_date < earliest_cutoff_date(ruling_date):
        raise InvalidInput(
            FIELD_CUTOFF_DATE,
            _T(
                "rules",
                "cannot be more than 12 months before the ruling date "
                "(the bankruptcy service fetches nothing older)",
            ),
        )


def new_bankruptcy(
    *,
    reference: str,
    debtor_id: str,
    ruling_date: date | None,
    today: date,
    cutoff_date: date | None = None,
    debtor_name: str | None = None,
    allow_synthetic: bool = True,
) -> CaseFacts:
    field = FIELD_SUBJECT[Service.BANKRUPTCY]
    subject, kind = validate_party_id(
        debtor_id, field, today=today, allow_synthetic=allow_synthetic
    )
    ruling = _past_date(ruling_date, FIELD_RULING_DATE, today)
    if cutoff_date is not None:
        check_cutoff_date(cutoff_date, ruling)
    return CaseFacts(
        service=Service.BANKRUPTCY,
        reference=_reference(reference),
        subject_id=subject,
        subject_kind=kind,
        key_date=ruling,
        subject_name=(debtor_name or "").strip() or None,
        cutoff_date=cutoff_date,
    )


def new_estate(
    *,
    reference: str,
    deceased_id: str,
    death_date: date | None,
    today: date,
    deceased_name: str | None = None,
    allow_synthetic: bool = True,
) -> CaseFacts:
    field = FIELD_SUBJECT[Service.ESTATE]
    person = parse_person_id(deceased_id, field, today=today, allow_synthetic=allow_synthetic)
    died = _past_date(death_date, FIELD_DEATH_DATE, today)
    if died < person.birth_date:
        raise InvalidInput(FIELD_DEATH_DATE, _T("rules", "cannot be before the birth date"))
    return CaseFacts(
        service=Service.ESTATE,
        reference=_reference(reference),
        subject_id=person.value,
        subject_kind=PartyKind.PERSON,
        key_date=died,
        subject_name=(deceased_name or "").strip() or None,
    )


def new_guardianship(
    *,
    reference: str,
    ward_id: str,
    guardian_id: str,
    year: int | None,
    today: date,
    ward_name: str | None = None,
    allow_synthetic: bool = True,
) -> CaseFacts:
    ward = parse_person_id(
        ward_id, FIELD_SUBJECT[Service.GUARDIANSHIP], today=today, allow_synthetic=allow_synthetic
    )
    guardian = parse_person_id(
        guardian_id, FIELD_GUARDIAN, today=today, allow_synthetic=allow_synthetic
    )
    if guardian.value == ward.value:
        raise InvalidInput(FIELD_GUARDIAN, _T("rules", "must be another person than the ward"))
    if year is None or year != today.year - 1:
        raise InvalidInput(FIELD_YEAR, LAST_YEAR_RULE, str(today.year - 1))
    return CaseFacts(
        service=Service.GUARDIANSHIP,
        reference=_reference(reference),
        subject_id=ward.value,
        subject_kind=PartyKind.PERSON,
        key_date=date(year, 1, 1),
        subject_name=(ward_name or "").strip() or None,
        guardian_id=guardian.value,
    )
