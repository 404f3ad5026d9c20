"""The three DSOP services Boinnsyn speaks, each as one `ServiceProfile`.

A profile holds what the law and the standard allow for its service: the legal mandate sent
with every request, the endpoints it may call, whose accounts it may see, and how the request
period follows from the case's key date. The client asks the profile before any request leaves
the machine; the sandbox keeps its own copy of these rules so that each side checks the other.

Service names, in Norwegian as the standard uses them:
- Konkursbehandling: a bankruptcy; the court-appointed trustee (bostyrer) maps the debtor's
  bank relations from twelve months before the ruling date (kjennelsesdato) up to today.
- Oppgjør etter dødsfall (OED): settling the estate (dødsbo) of a deceased person; the heirs see
  accounts and transactions from three months before the death up to today.
- Vergekontroll: the county governor's (statsforvalter) yearly check of how a guardian (verge)
  managed the money of the ward (vergehaver), for the last calendar year.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from app.domain.errors import DomainError
from app.domain.identifiers import PartyKind
from app.domain.periods import Period, calendar_year, months_before
from app.domain.text import QT_TRANSLATE_NOOP as _T


class Service(enum.StrEnum):
    BANKRUPTCY = "bankruptcy"
    ESTATE = "estate"
    GUARDIANSHIP = "guardianship"


class Endpoint(enum.StrEnum):
    """Every DSOP endpoint a consumer could call; the profiles say which are allowed."""

    CUSTOMER_RELATIONSHIPS = "customerRelationships"
    ACCOUNT_SERVICING_PROVIDER = "accountServicingProvider"
    ACCOUNTS = "accounts"
    ACCOUNT_DETAILS = "accountDetails"
    TRANSACTIONS = "transactions"
    CARDS = "cards"
    ROLES = "roles"


class GuardRailError(DomainError):
    """A request the service profile does not allow; it is refused before it leaves the machine."""


def encode_mandate(text: str) -> str:
    """URL-encode a legal mandate exactly as JavaScript's encodeURIComponent would."""
    return quote(text, safe="()!*'-_.~")


@dataclass(frozen=True)
class ServiceProfile:
    service: Service
    official_name: str
    consumer_agency: str
    consumer_org_number: str
    subject_kinds: frozenset[PartyKind]
    allowed: frozenset[Endpoint]
    mandate_relations: str
    mandate_accounts: str
    only_primary_owner: bool = True
    additional_reference_type: str | None = None
    fields_to_delete: frozenset[str] = frozenset()
    """Fields the service marks "may be filtered away": received anyway, the agency deletes them."""

    @property
    def forbidden(self) -> frozenset[Endpoint]:
        return frozenset(Endpoint) - self.allowed

    def mandate(self, endpoint: Endpoint) -> str:
        """The exact legal-mandate text for one endpoint (step 1 and step 2 may differ)."""
        if endpoint is Endpoint.CUSTOMER_RELATIONSHIPS:
            return self.mandate_relations
        return self.mandate_accounts

    def encoded_mandate(self, endpoint: Endpoint) -> str:
        return encode_mandate(self.mandate(endpoint))

    def period(self, key_date: date, today: date) -> Period:
        """The widest period the service allows for a case with this key date.

        The key date is the ruling date (bankruptcy), the date of death (estate) or 1 January of
        the controlled year (guardianship).
        """
        if self.service is Service.BANKRUPTCY:
            return Period(months_before(key_date, 12), today)
        if self.service is Service.ESTATE:
            return Period(months_before(key_date, 3), today)
        return calendar_year(key_date.year)

    def check_endpoint(self, endpoint: Endpoint) -> None:
        if endpoint not in self.allowed:
            raise GuardRailError(
                f"{endpoint.value} is not part of the service {self.official_name}"
            )

    def check_period(self, period: Period, key_date: date, today: date) -> None:
        """Refuse a period the service does not allow for this key date."""
        allowed = self.period(key_date, today)
        if period.start < allowed.start:
            raise GuardRailError(
                f"fromDate {period.start.isoformat()} is before {allowed.start.isoformat()}, "
                f"the earliest date {self.official_name} allows for this case"
            )
        if period.end > allowed.end:
            raise GuardRailError(
                f"toDate {period.end.isoformat()} is after {allowed.end.isoformat()}, "
                f"the latest date {self.official_name} allows for this case"
            )
        if self.service is Service.GUARDIANSHIP and key_date.year != today.year - 1:
            raise GuardRailError(
                f"{self.official_name} covers only the last calendar year ({today.year - 1})"
            )

    def check_additional_reference(self, reference_type: str | None, reference: str | None) -> None:
        if self.additional_reference_type is None:
            if reference_type or reference:
                raise GuardRailError(f"{self.official_name} sends no additional reference")
            return
        if reference_type != self.additional_reference_type or not reference:
            raise GuardRailError(
                f"{self.official_name} requires AdditionalReferenceIDType "
                f"'{self.additional_reference_type}' and the guardian's id on every account call"
            )


_STEP2 = frozenset({Endpoint.ACCOUNTS, Endpoint.ACCOUNT_DETAILS, Endpoint.TRANSACTIONS})

BANKRUPTCY = ServiceProfile(
    service=Service.BANKRUPTCY,
    official_name="Konkursbehandling",
    consumer_agency="Brønnøysundregistrene",
    consumer_org_number="974760673",
    subject_kinds=frozenset({PartyKind.PERSON, PartyKind.ORGANISATION}),
    allowed=_STEP2 | {Endpoint.CUSTOMER_RELATIONSHIPS},
    mandate_relations="kkl. §156 (3) og (4), jf. kkfor.§21",
    mandate_accounts="kkl. §156 (3) og (4), jf. kkfor.§21",
)

ESTATE = ServiceProfile(
    service=Service.ESTATE,
    official_name="Oppgjør etter dødsfall",
    consumer_agency="Digitaliseringsdirektoratet",
    consumer_org_number="991825827",
    subject_kinds=frozenset({PartyKind.PERSON}),
    allowed=_STEP2 | {Endpoint.CUSTOMER_RELATIONSHIPS},
    fields_to_delete=frozenset({"counterparty_account", "postal_address", "currency_exchange"}),
    mandate_relations=(
        "Arveloven § 92 første ledd og § 118, jf. § 88 a, jf. forskrift om Digitalt dødsbo"
    ),
    mandate_accounts=(
        "Arveloven § 92 første ledd og § 118, jf. § 88 a, jf. forskrift om Digitalt dødsbo"
    ),
)

GUARDIANSHIP = ServiceProfile(
    service=Service.GUARDIANSHIP,
    official_name="Vergekontroll",
    consumer_agency="Statens sivilrettsforvaltning",
    consumer_org_number="986186999",
    subject_kinds=frozenset({PartyKind.PERSON}),
    allowed=_STEP2 | {Endpoint.CUSTOMER_RELATIONSHIPS, Endpoint.ROLES},
    mandate_relations=(
        "Vergemålsloven § 54 (2), jf. vergemålsforskriften §20a (2), "
        "jf. vergemålsforskriften §20a (1) a"
    ),
    mandate_accounts=(
        "Vergemålsloven § 54 (2), jf. vergemålsforskriften § 20 (2), "
        "jf. vergemålsforskriften § 20a (1) b-e"
    ),
    additional_reference_type="srf",
)

PROFILES: dict[Service, ServiceProfile] = {p.service: p for p in (BANKRUPTCY, ESTATE, GUARDIANSHIP)}

SERVICE_LABELS = {
    Service.BANKRUPTCY: _T("services", "Bankruptcy (Konkursbehandling)"),
    Service.ESTATE: _T("services", "Estate after a death (Oppgjør etter dødsfall)"),
    Service.GUARDIANSHIP: _T("services", "Guardianship control (Vergekontroll)"),
}


def profile(service: Service | str) -> ServiceProfile:
    return PROFILES[Service(service)]
