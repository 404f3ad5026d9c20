"""The Customer Relations Overview (KAR and KFR behind the Bits message hub): which
institutions knew a control object in a period (REFERENCE §4.1, §10 item 2).

Answers are plain JSON. Errors use the relations service's own body
`{"errorCode", "errorMessage", "timestamp"}`: ERR-001 not authorised (403), ERR-002 invalid
customer id, ERR-003 invalid period, and [assumption] ERR-005 for a missing or malformed
header or parameter (400); a bad token gets 401 `{"statusCode": 401, "message"}`.
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import unquote

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from app.dsop import models
from app.sandbox import rules
from app.sandbox.banks import BANKS, Ownership, Relation, relations_for
from app.sandbox.numbers import is_party_id
from app.sandbox.tokens import InvalidAccessToken
from app.sandbox.world import World

logger = logging.getLogger(__name__)

TARGET = "relations"


class RelationsError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.headers = headers or {}

    def response(self) -> JSONResponse:
        if self.status == 401:
            body: dict[str, Any] = {"statusCode": 401, "message": self.message}
        else:
            body = models.RelationsErrorResponse(
                error_code=self.code,
                error_message=self.message,
                timestamp=datetime.now(UTC).isoformat(timespec="seconds"),
            ).to_wire()
        return JSONResponse(body, status_code=self.status, headers=self.headers)


def _header(request: Request, name: str) -> str:
    value = request.headers.get(name)
    if value is None:
        raise RelationsError(400, "ERR-005", f"Mangler header {name}")
    return value


def _uuid(request: Request, name: str) -> None:
    try:
        uuid.UUID(_header(request, name))
    except ValueError:
        raise RelationsError(400, "ERR-005", f"Header {name} må være en UUID") from None


def _period(request: Request, today: date) -> tuple[date, date]:
    try:
        first = date.fromisoformat(request.query_params["fromDate"])
        last = date.fromisoformat(request.query_params["toDate"])
    except (KeyError, ValueError):
        raise RelationsError(400, "ERR-003", "Ugyldig periode eller datoformat") from None
    if first > last or last > today:
        raise RelationsError(400, "ERR-003", "Ugyldig periode eller datoformat")
    return first, last


class CustomerRelations:
    """The `customerRelationships` and `accountServicingProvider` endpoints."""

    def __init__(self, world: World) -> None:
        self.world = world

    async def customer_relationships(self, request: Request) -> Response:
        request.state.service = TARGET
        request.state.endpoint = "customerRelationships"
        try:
            service = self._authorise(request, rules.SCOPE_RELATIONS)
            response = self._relationships(request, service)
            await self._inject_faults(request)
            response = self._maybe_malformed(response)
        except RelationsError as error:
            request.state.code = error.code
            response = error.response()
        logger.info(
            "relations correlation=%s case=%s mandate=%r status=%d code=%s",
            request.headers.get("CorrelationID"),
            request.headers.get("AccountInfoRequestID"),
            unquote(request.headers.get("Legal-Mandate", "-")),
            response.status_code,
            getattr(request.state, "code", None),
        )
        return response

    async def account_servicing_provider(self, request: Request) -> Response:
        request.state.service = TARGET
        request.state.endpoint = "accountServicingProvider"
        try:
            self._authenticate(request, rules.SCOPE_SERVICING_PROVIDER)
            _uuid(request, "CorrelationID")
            account = _header(request, "AccountID")
            await self._inject_faults(request)
            response = self._servicing_provider(account)
        except RelationsError as error:
            request.state.code = error.code
            response = error.response()
        return response

    def _authenticate(self, request: Request, scope: str) -> str:
        try:
            token = self.world.tokens.verify(request.headers.get("Authorization"))
        except InvalidAccessToken as error:
            raise RelationsError(401, "", f"Unauthorized. {error}") from None
        if self.world.faults.token_expired(TARGET, token.consumer_org, token.jti, token.issued_at):
            raise RelationsError(401, "", "Unauthorized. Access token expired")
        if scope not in token.scopes:
            raise RelationsError(403, "ERR-001", "Klient er ikke autorisert")
        request.state.consumer_org = token.consumer_org
        return token.consumer_org

    def _authorise(self, request: Request, scope: str) -> rules.ServiceRule:
        consumer_org = self._authenticate(request, scope)
        raw = _header(request, "Legal-Mandate")
        service = rules.service_for_step1(unquote(raw))
        if service is None or consumer_org not in service.entitled_orgs:
            raise RelationsError(403, "ERR-001", "Klient er ikke autorisert")
        if self.world.settings.strict_mandate and raw != service.step1_encoded:
            raise RelationsError(
                400, "ERR-005", "Legal-Mandate må være URL-kodet nøyaktig som dokumentert"
            )
        return service

    def _relationships(self, request: Request, service: rules.ServiceRule) -> Response:
        _uuid(request, "CorrelationID")
        _uuid(request, "AccountInfoRequestID")
        customer = _header(request, "CustomerID")
        if not is_party_id(customer) or (service.person_only and len(customer) != 11):
            raise RelationsError(400, "ERR-002", "Ugyldig KUNDEID")
        today = self.world.today()
        first, last = _period(request, today)
        only = request.query_params.get("onlyPrimaryOwner")
        if only is None:
            only = request.query_params.get("OnlyPrimaryOwner")
        if only is not None and only.lower() != "true":
            raise RelationsError(
                400, "ERR-005", f"onlyPrimaryOwner kan bare være true for {service.name}"
            )
        banks = [
            self._entry(relation, only is not None, last == today)
            for relation in relations_for(customer)
            if relation.overlaps(first, last)
            and (only is None or relation.ownership is not Ownership.NOT_PRIMARY_OWNER)
        ]
        body = models.CustomerRelationsResponse(banks=banks).to_wire()
        return JSONResponse(body)

    @staticmethod
    def _entry(relation: Relation, with_ownership: bool, to_today: bool) -> Any:
        owner = relation.ownership is Ownership.PRIMARY_OWNER
        active = owner and to_today and relation.end is None and not relation.bank.kfr_only
        ownership = models.OwnershipType(relation.ownership.value) if with_ownership else None
        return models.CustomerRelation(
            organization_id=relation.bank.org_number,
            bank_name=relation.bank.name,
            active_account=active,
            ownership_type=ownership,
        )

    def _servicing_provider(self, account: str) -> Response:
        for bank in BANKS:
            if account.startswith(bank.account_prefix) and len(account) == 11:
                body = models.AccountServicingProvider(
                    organization_id=bank.org_number, bank_name=bank.name
                ).to_wire()
                return JSONResponse(body)
        raise RelationsError(400, "ERR-004", "Ugyldig kontonummer")

    async def _inject_faults(self, request: Request) -> None:
        injection = self.world.faults.decide(TARGET)
        if injection is None:
            return
        if injection.kind == "timeout":
            await asyncio.sleep(injection.sleep_seconds)
            return
        headers = {"Retry-After": str(injection.retry_after)} if injection.retry_after else None
        raise RelationsError(injection.status, f"ERR-{injection.status}", "Injisert feil", headers)

    def _maybe_malformed(self, response: Response) -> Response:
        kind = self.world.faults.malformed(TARGET)
        if kind is None:
            return response
        if kind == "schema":
            data = json.loads(bytes(response.body))
            for bank in data.get("banks", []):
                bank["organizationID"] = int(bank["organizationID"])
            if not data.get("banks"):
                data.pop("banks", None)
            return JSONResponse(data)
        return Response(bytes(response.body)[:-7], media_type="application/json")
