"""The sandbox's own table of service rules, written from REFERENCE §8 and kept apart from the
client's, so that a client bug in mandates, endpoints or periods shows up as a bank error.

Each service has its exact Legal-Mandate strings (plain and URL-encoded), the endpoints a bank
lets it call, the consumer organisations entitled to it and its period rule.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from dateutil.relativedelta import relativedelta

SCOPE_RELATIONS = "bits:kundeforhold"
SCOPE_SERVICING_PROVIDER = "bits:kundeforhold.konto"
SCOPE_ACCOUNTS = "bits:kontoinformasjon"
CONSUMER_SCOPES = (SCOPE_RELATIONS, SCOPE_SERVICING_PROVIDER, SCOPE_ACCOUNTS)

ADDITIONAL_REFERENCE_TYPE_SRF = "srf"
GUARDIAN_TASK_DAILY_BANKING = "representasjonDagligbank"


class Endpoint(enum.StrEnum):
    """The five Control API endpoints."""

    ACCOUNTS = "accounts"
    DETAILS = "details"
    TRANSACTIONS = "transactions"
    CARDS = "cards"
    ROLES = "roles"


class PeriodRule(enum.StrEnum):
    """How a service limits `fromDate` and `toDate`."""

    RULING_MINUS_12_MONTHS = "ruling-12m"
    DEATH_MINUS_3_MONTHS = "death-3m"
    LAST_CALENDAR_YEAR = "last-year"


@dataclass(frozen=True)
class ServiceRule:
    """What a bank accepts from one DSOP service."""

    code: str
    name: str
    step1_mandate: str
    step2_mandate: str
    endpoints: frozenset[Endpoint]
    entitled_orgs: frozenset[str]
    period_rule: PeriodRule
    needs_guardian: bool
    person_only: bool

    @property
    def step1_encoded(self) -> str:
        return encode_mandate(self.step1_mandate)

    @property
    def step2_encoded(self) -> str:
        return encode_mandate(self.step2_mandate)


def encode_mandate(text: str) -> str:
    """The documented encoding of a Legal-Mandate, the same as JavaScript encodeURIComponent."""
    return quote(text, safe="()!*'")


_BANKRUPTCY_MANDATE = "kkl. §156 (3) og (4), jf. kkfor.§21"
_ESTATE_MANDATE = (
    "Arveloven § 92 første ledd og § 118, jf. § 88 a, jf. forskrift om Digitalt dødsbo"
)
_GUARDIANSHIP_STEP1 = (
    "Vergemålsloven § 54 (2), jf. vergemålsforskriften §20a (2), "
    "jf. vergemålsforskriften §20a (1) a"
)
_GUARDIANSHIP_STEP2 = (
    "Vergemålsloven § 54 (2), jf. vergemålsforskriften § 20 (2), "
    "jf. vergemålsforskriften § 20a (1) b-e"
)

_BASIC = frozenset({Endpoint.ACCOUNTS, Endpoint.DETAILS, Endpoint.TRANSACTIONS})

BANKRUPTCY = ServiceRule(
    code="bankruptcy",
    name="Konkursbehandling",
    step1_mandate=_BANKRUPTCY_MANDATE,
    step2_mandate=_BANKRUPTCY_MANDATE,
    endpoints=_BASIC,
    entitled_orgs=frozenset({"974760673"}),
    period_rule=PeriodRule.RULING_MINUS_12_MONTHS,
    needs_guardian=False,
    person_only=False,
)
ESTATE = ServiceRule(
    code="estate",
    name="Oppgjør etter dødsfall",
    step1_mandate=_ESTATE_MANDATE,
    step2_mandate=_ESTATE_MANDATE,
    endpoints=_BASIC,
    entitled_orgs=frozenset({"974720760", "991825827"}),
    period_rule=PeriodRule.DEATH_MINUS_3_MONTHS,
    needs_guardian=False,
    person_only=True,
)
GUARDIANSHIP = ServiceRule(
    code="guardianship",
    name="Vergekontroll",
    step1_mandate=_GUARDIANSHIP_STEP1,
    step2_mandate=_GUARDIANSHIP_STEP2,
    endpoints=_BASIC | {Endpoint.ROLES},
    entitled_orgs=frozenset({"986186999"}),
    period_rule=PeriodRule.LAST_CALENDAR_YEAR,
    needs_guardian=True,
    person_only=True,
)

SERVICES: dict[str, ServiceRule] = {rule.code: rule for rule in (BANKRUPTCY, ESTATE, GUARDIANSHIP)}

# The consumers the sandbox registers with its token service, one per service (REFERENCE §1.1).
CONSUMER_AGENCIES: dict[str, tuple[str, str]] = {
    "bankruptcy": ("974760673", "Brønnøysundregistrene"),
    "estate": ("991825827", "Digitaliseringsdirektoratet"),
    "guardianship": ("986186999", "Statens sivilrettsforvaltning"),
}

# [assumption, REFERENCE §11 #11] the answer when the bank's own object check fails.
OBJECT_CHECK_FAILURE = (403, "ACC-011")


def service_for_step2(decoded_mandate: str) -> ServiceRule | None:
    """The service whose step-2 Legal-Mandate is this text, if any."""
    for rule in SERVICES.values():
        if rule.step2_mandate == decoded_mandate:
            return rule
    return None


def service_for_step1(decoded_mandate: str) -> ServiceRule | None:
    """The service whose step-1 (customer relations) Legal-Mandate is this text, if any."""
    for rule in SERVICES.values():
        if rule.step1_mandate == decoded_mandate:
            return rule
    return None


def earliest_from_date(rule: ServiceRule, key_date: date) -> date:
    """The earliest `fromDate` allowed for a ruling or death date (calendar months, clamped)."""
    if rule.period_rule is PeriodRule.RULING_MINUS_12_MONTHS:
        return key_date - relativedelta(months=12)
    if rule.period_rule is PeriodRule.DEATH_MINUS_3_MONTHS:
        return key_date - relativedelta(months=3)
    raise ValueError(f"service {rule.code} has no key-date period rule")


def last_calendar_year(today: date) -> tuple[date, date]:
    """1 January and 31 December of the year before `today`."""
    year = today.year - 1
    return date(year, 1, 1), date(year, 12, 31)
