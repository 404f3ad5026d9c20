"""The one place where a case and its service profile become request headers and parameters.

`CaseContext` also runs the guard rails: an endpoint, a period or an additional reference the
profile does not allow raises `GuardRailError` before any request is built.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.periods import Period
from app.domain.services import Endpoint, ServiceProfile

JOSE = "application/jose"
JSON = "application/json"


@dataclass(frozen=True)
class CaseContext:
    profile: ServiceProfile
    request_id: str
    """AccountInfoRequestID: the same UUID on every request of the case, across banks."""
    subject_id: str
    key_date: date
    period: Period
    today: date
    guardian_id: str | None = None
    case_id: int | None = None

    @property
    def additional_reference(self) -> tuple[str | None, str | None]:
        if self.profile.additional_reference_type is None:
            return None, None
        return self.profile.additional_reference_type, self.guardian_id

    def check(self, endpoint: Endpoint) -> None:
        """Refuse, locally, a request the service does not allow."""
        self.profile.check_endpoint(endpoint)
        self.profile.check_period(self.period, self.key_date, self.today)
        if endpoint is not Endpoint.CUSTOMER_RELATIONSHIPS:
            self.profile.check_additional_reference(*self.additional_reference)

    def headers(
        self, endpoint: Endpoint, correlation_id: str, *, plain_json: bool
    ) -> dict[str, str]:
        headers = {
            "CorrelationID": correlation_id,
            "AccountInfoRequestID": self.request_id,
            "Legal-Mandate": self.profile.encoded_mandate(endpoint),
        }
        if endpoint is Endpoint.CUSTOMER_RELATIONSHIPS:
            headers["CustomerID"] = self.subject_id
            headers["Accept"] = JSON
            return headers
        headers["Accept"] = JSON if plain_json else JOSE
        if endpoint is Endpoint.ACCOUNTS:
            headers["PartyID"] = self.subject_id
        reference_type, reference = self.additional_reference
        if reference_type and reference:
            headers["AdditionalReferenceIDType"] = reference_type
            headers["AdditionalReferenceID"] = reference
        return headers

    def params(self, endpoint: Endpoint) -> dict[str, str]:
        params = {"fromDate": self.period.start.isoformat(), "toDate": self.period.end.isoformat()}
        if self.profile.only_primary_owner:
            if endpoint is Endpoint.CUSTOMER_RELATIONSHIPS:
                params["onlyPrimaryOwner"] = "true"
            elif endpoint is Endpoint.ACCOUNTS:
                params["OnlyPrimaryOwner"] = "true"
        return params
