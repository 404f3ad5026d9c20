"""A bank's DSOP Control API v2: validates every request in the order of REFERENCE §10
item 5 and answers with synthetic data, encrypted as JWE to the consumer's certificate.

Order of checks: method (405 ACC-012) -> token, signature, expiry, audience (401 ACC-010) ->
scope and the consumer's entitlement to the service named by the Legal-Mandate (403 ACC-011)
-> endpoint allowed for the service (400 ACC-001) -> headers, query, period rules (400
ACC-001) -> register checks: bankruptcy notice, death, guardianship (403 ACC-011) -> account
reference (404 ACC-002 unknown, ACC-003 not this party's or period's) -> faults such as rate
limits (429 ACC-022) -> Accept (406 ACC-013 in production mode) -> data. On the endpoints below
an account the control object comes from the reference, so an unreadable reference is refused
(404 ACC-002) before the period rules that need the object's ruling or death date.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import unquote, urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from app.dsop import models
from app.sandbox import rules, synth, wire
from app.sandbox.banks import BANKS_BY_SLUG, Bank, HrefStyle
from app.sandbox.encryption import encrypt_for, encrypt_to_key
from app.sandbox.faults import Injection
from app.sandbox.numbers import is_national_id, is_party_id, is_person
from app.sandbox.pki import new_key
from app.sandbox.registry import Guardianship
from app.sandbox.rules import Endpoint, ServiceRule
from app.sandbox.tokens import AccessToken, InvalidAccessToken
from app.sandbox.world import (
    UnknownReference,
    World,
    decode_cursor,
    decode_reference,
    encode_cursor,
    encode_reference,
)

logger = logging.getLogger(__name__)

JOSE = "application/jose"
_ENDPOINT_PATHS = {
    Endpoint.ACCOUNTS: "/accounts",
    Endpoint.DETAILS: "/accounts/{accountReference}",
    Endpoint.TRANSACTIONS: "/accounts/{accountReference}/transactions",
    Endpoint.CARDS: "/accounts/{accountReference}/cards",
    Endpoint.ROLES: "/accounts/{accountReference}/roles",
}
_WRONG_KEY = new_key()


class ControlApiError(Exception):
    """An error answer of the Control API: status, ACC code and the best description."""

    def __init__(self, status: int, code: str, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}

    def response(self) -> JSONResponse:
        body = models.ErrorResponse(code=self.code, message=self.message).to_wire()
        return JSONResponse(body, status_code=self.status, headers=self.headers)


def _bad_request(message: str) -> ControlApiError:
    return ControlApiError(400, "ACC-001", message)


@dataclass
class BankRequest:
    """A request that passed validation, with everything the data step needs."""

    bank: Bank
    endpoint: Endpoint
    service: ServiceRule
    token: AccessToken
    party: str
    first: date
    last: date
    today: date
    reference: str | None = None
    plan: synth.AccountPlan | None = None
    guardianship: Guardianship | None = None
    offset: int = 0
    plain_json: bool = False
    query: dict[str, str] = field(default_factory=dict)


def _parse_path(rest: str) -> tuple[Endpoint, str | None] | None:
    parts = rest.strip("/").split("/")
    if parts == ["accounts"]:
        return Endpoint.ACCOUNTS, None
    if len(parts) == 2 and parts[0] == "accounts" and parts[1]:
        return Endpoint.DETAILS, parts[1]
    if len(parts) == 3 and parts[0] == "accounts" and parts[1]:
        endpoint = {
            "transactions": Endpoint.TRANSACTIONS,
            "cards": Endpoint.CARDS,
            "roles": Endpoint.ROLES,
        }.get(parts[2])
        return (endpoint, parts[1]) if endpoint else None
    return None


def _uuid_header(request: Request, name: str) -> str:
    value = request.headers.get(name)
    if value is None:
        raise _bad_request(f"Missing mandatory header {name}")
    try:
        uuid.UUID(value)
    except ValueError:
        raise _bad_request(f"Header {name} must be a UUID") from None
    return value


def _date_param(request: Request, name: str) -> date:
    value = request.query_params.get(name)
    if value is None:
        raise _bad_request(f"Missing mandatory query parameter {name}")
    try:
        if len(value) != 10:
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise _bad_request(f"Query parameter {name} must be an ISO date YYYY-MM-DD") from None


class ControlApi:
    """The Control API of every bank in the world, dispatched by slug."""

    def __init__(self, world: World) -> None:
        self.world = world

    async def handle(self, request: Request) -> Response:
        """Answer one request to any bank's Control API."""
        started = time.perf_counter()
        slug = request.path_params["slug"]
        bank = BANKS_BY_SLUG.get(slug)
        state = request.state
        state.service = "bank"
        state.bank_org = bank.org_number if bank else None
        state.endpoint = None
        mandate_text = "-"
        try:
            if bank is None:
                raise ControlApiError(404, "ACC-000", "No bank is served at this address")
            if request.method != "GET":
                raise ControlApiError(405, "ACC-012", "Only GET is allowed on the Control API")
            version = request.path_params["version"]
            parsed = _parse_path(request.path_params["rest"])
            if not bank.has_v2_api or version != "v2" or parsed is None:
                raise ControlApiError(404, "ACC-000", "No Control API v2 endpoint at this address")
            endpoint, reference = parsed
            state.endpoint = endpoint.value
            mandate_text = unquote(request.headers.get("Legal-Mandate", "-"))
            checked = self._validate(request, bank, endpoint, reference)
            await self._inject_faults(bank, request)
            response = await asyncio.to_thread(self._answer, checked)
        except ControlApiError as error:
            state.code = error.code
            response = error.response()
        except Exception:  # the boundary of a bank: any bug becomes a 500 with a code
            logger.exception("bank=%s failed to answer", slug)
            state.code = "ACC-500"
            response = ControlApiError(500, "ACC-500", "Unexpected internal error").response()
        logger.info(
            "bank=%s endpoint=%s correlation=%s case=%s mandate=%r reference_type=%s "
            "status=%d code=%s ms=%.1f",
            slug,
            state.endpoint,
            request.headers.get("CorrelationID"),
            request.headers.get("AccountInfoRequestID"),
            mandate_text,
            request.headers.get("AdditionalReferenceIDType"),
            response.status_code,
            getattr(state, "code", None),
            (time.perf_counter() - started) * 1000,
        )
        return response

    # -- validation ----------------------------------------------------------------------

    def _validate(
        self, request: Request, bank: Bank, endpoint: Endpoint, reference: str | None
    ) -> BankRequest:
        world = self.world
        token = self._authenticate(request, bank)
        service = self._authorise(request, token)
        if endpoint not in service.endpoints:
            raise _bad_request(
                f"Endpoint {_ENDPOINT_PATHS[endpoint]} is not part of the service {service.name}."
            )

        _uuid_header(request, "CorrelationID")
        _uuid_header(request, "AccountInfoRequestID")
        raw_mandate = request.headers["Legal-Mandate"]
        if world.settings.strict_mandate and raw_mandate != service.step2_encoded:
            raise _bad_request(
                "Legal-Mandate must be the documented string, URL-encoded exactly as "
                "encodeURIComponent does"
            )
        party, index = self._control_object(request, bank, endpoint, reference, service)
        first, last = _date_param(request, "fromDate"), _date_param(request, "toDate")
        today = world.today()
        if first > last:
            raise _bad_request("fromDate must not be after toDate")
        if last > today:
            raise _bad_request(f"toDate must not be after today ({today.isoformat()})")
        guardian = self._additional_reference(request, service)
        offset = self._cursor(request, bank, endpoint, reference, first, last)
        self._period_rules(service, party, first, last, today)

        guardianship = self._register_checks(service, party, guardian, first, last, today)
        checked = BankRequest(
            bank=bank,
            endpoint=endpoint,
            service=service,
            token=token,
            party=party,
            first=first,
            last=last,
            today=today,
            reference=reference,
            guardianship=guardianship,
            offset=offset,
        )
        if index is not None:
            checked.plan = self._account(checked, index)
        checked.plain_json = self._wants_plain_json(request)
        return checked

    def _authenticate(self, request: Request, bank: Bank) -> AccessToken:
        try:
            token = self.world.tokens.verify(request.headers.get("Authorization"))
        except InvalidAccessToken as error:
            raise ControlApiError(401, "ACC-010", f"Authentication failed: {error}") from None
        expected = self.world.bank_base_url(bank)
        if token.audience != expected:
            raise ControlApiError(
                401, "ACC-010", f"Token audience must be this bank's base URL {expected}"
            )
        if self.world.faults.token_expired(
            bank.org_number, token.consumer_org, token.jti, token.issued_at
        ):
            raise ControlApiError(401, "ACC-010", "Authentication failed: token expired")
        request.state.consumer_org = token.consumer_org
        return token

    def _authorise(self, request: Request, token: AccessToken) -> ServiceRule:
        if rules.SCOPE_ACCOUNTS not in token.scopes:
            raise ControlApiError(
                403, "ACC-011", f"The token lacks the scope {rules.SCOPE_ACCOUNTS}"
            )
        raw = request.headers.get("Legal-Mandate")
        if raw is None:
            raise _bad_request("Missing mandatory header Legal-Mandate")
        decoded = unquote(raw)
        service = rules.service_for_step2(decoded)
        if service is None:
            step1 = rules.service_for_step1(decoded)
            hint = f" (that is the step-1 mandate of {step1.name})" if step1 else ""
            raise ControlApiError(
                403, "ACC-011", f"Legal-Mandate names no service this bank supports{hint}"
            )
        if token.consumer_org not in service.entitled_orgs:
            raise ControlApiError(
                403,
                "ACC-011",
                f"Consumer 0192:{token.consumer_org} is not entitled to {service.name}",
            )
        return service

    def _control_object(
        self,
        request: Request,
        bank: Bank,
        endpoint: Endpoint,
        reference: str | None,
        service: ServiceRule,
    ) -> tuple[str, int | None]:
        if endpoint is Endpoint.ACCOUNTS:
            party = request.headers.get("PartyID")
            if party is None:
                raise _bad_request("Missing mandatory header PartyID")
            if not is_party_id(party):
                raise _bad_request("PartyID is not a valid national id or organisation number")
            if service.person_only and not is_person(party):
                raise _bad_request(f"PartyID must be a person for {service.name}")
            only = request.query_params.get("OnlyPrimaryOwner")
            if only is None:
                only = request.query_params.get("onlyPrimaryOwner")
            if only is None:
                raise _bad_request("Missing mandatory query parameter OnlyPrimaryOwner")
            if only.lower() != "true":
                raise _bad_request(f"OnlyPrimaryOwner must be true for {service.name}")
            return party, None
        try:
            party, index = decode_reference(bank, reference or "")
        except UnknownReference:
            raise ControlApiError(404, "ACC-002", "Unknown accountReference") from None
        return party, index

    def _additional_reference(self, request: Request, service: ServiceRule) -> str | None:
        kind = request.headers.get("AdditionalReferenceIDType")
        value = request.headers.get("AdditionalReferenceID")
        if not service.needs_guardian:
            if kind is not None or value is not None:
                raise _bad_request(
                    f"AdditionalReferenceIDType and AdditionalReferenceID must not be sent "
                    f"for {service.name}"
                )
            return None
        if kind != rules.ADDITIONAL_REFERENCE_TYPE_SRF:
            raise _bad_request(f"AdditionalReferenceIDType must be srf for {service.name}")
        if value is None:
            raise _bad_request(f"Missing header AdditionalReferenceID for {service.name}")
        guardian = unquote(value)
        if not is_national_id(guardian):
            raise _bad_request("AdditionalReferenceID must be the guardian's national id")
        return guardian

    def _cursor(
        self,
        request: Request,
        bank: Bank,
        endpoint: Endpoint,
        reference: str | None,
        first: date,
        last: date,
    ) -> int:
        cursor = request.query_params.get("cursor")
        if cursor is None:
            return 0
        if endpoint is not Endpoint.TRANSACTIONS or reference is None:
            raise _bad_request("Query parameter cursor is only valid on transactions")
        try:
            return decode_cursor(bank, cursor, reference, first, last)
        except UnknownReference as error:
            raise _bad_request(f"Invalid paging cursor: {error}") from None

    def _period_rules(
        self, service: ServiceRule, party: str, first: date, last: date, today: date
    ) -> None:
        registry = self.world.registry
        if service.period_rule is rules.PeriodRule.LAST_CALENDAR_YEAR:
            year_first, year_last = rules.last_calendar_year(today)
            if first != year_first or last != year_last:
                raise _bad_request(
                    f"{service.name} covers exactly the last calendar year: fromDate "
                    f"{year_first.isoformat()} and toDate {year_last.isoformat()}"
                )
            return
        if service.period_rule is rules.PeriodRule.RULING_MINUS_12_MONTHS:
            key_date, what = registry.ruling_date(party), "the ruling date"
        else:
            key_date, what = registry.death_date(party), "the date of death"
        if key_date is None:
            return  # the register check below refuses the request
        earliest = rules.earliest_from_date(service, key_date)
        if first < earliest:
            months = 12 if service is rules.BANKRUPTCY else 3
            raise _bad_request(
                f"fromDate must not be earlier than {earliest.isoformat()}, "
                f"{months} months before {what}"
            )

    def _register_checks(
        self,
        service: ServiceRule,
        party: str,
        guardian: str | None,
        first: date,
        last: date,
        today: date,
    ) -> Guardianship | None:
        status, code = rules.OBJECT_CHECK_FAILURE
        registry = self.world.registry
        if service is rules.BANKRUPTCY:
            ruling = registry.ruling_date(party)
            if ruling is None or ruling > today:
                raise ControlApiError(
                    status, code, "No bankruptcy opening (Konkursvarsel) for the control object"
                )
        elif service is rules.ESTATE:
            died = registry.death_date(party)
            if died is None or died > today:
                raise ControlApiError(status, code, "The control object is not registered dead")
        elif service is rules.GUARDIANSHIP:
            for guardianship in registry.guardianships_of(party):
                if (
                    guardianship.guardian == guardian
                    and rules.GUARDIAN_TASK_DAILY_BANKING in guardianship.tasks
                    and guardianship.covers(first, last)
                ):
                    return guardianship
            raise ControlApiError(
                status,
                code,
                "No guardianship with the task representasjonDagligbank for this ward and "
                "guardian in the period",
            )
        return None

    def _account(self, checked: BankRequest, index: int) -> synth.AccountPlan:
        plans = {
            plan.index: plan for plan in synth.accounts_at(checked.bank.org_number, checked.party)
        }
        plan = plans.get(index)
        if plan is None or plan.start > checked.today:
            raise ControlApiError(404, "ACC-002", "Unknown accountReference")
        if not self._visible(checked, plan) or self.world.registry.shielding(checked.party):
            raise ControlApiError(
                404, "ACC-003", "The account is not available for this party, service and period"
            )
        return plan

    def _visible(self, checked: BankRequest, plan: synth.AccountPlan) -> bool:
        first, last = self._window(checked)
        if first > last or plan.start > checked.today:
            return False
        if checked.service is rules.GUARDIANSHIP and not plan.guardian_may_dispose:
            return False
        return plan.overlaps(first, last)

    def _window(self, checked: BankRequest) -> tuple[date, date]:
        """The requested period, cut to the guardianship's validity for Vergekontroll."""
        first, last = checked.first, min(checked.last, checked.today)
        guardianship = checked.guardianship
        if guardianship is not None:
            first = max(first, guardianship.start)
            if guardianship.end is not None:
                last = min(last, guardianship.end)
        return first, last

    def _wants_plain_json(self, request: Request) -> bool:
        accept = request.headers.get("Accept", "")
        wants_json = "application/json" in accept and JOSE not in accept
        if wants_json and not self.world.settings.plain_json_allowed:
            raise ControlApiError(
                406, "ACC-013", "Plain JSON is not offered in production; accept application/jose"
            )
        return wants_json

    async def _inject_faults(self, bank: Bank, request: Request) -> None:
        injection = self.world.faults.decide(bank.org_number)
        if injection is None:
            return
        if injection.kind == "timeout":
            await asyncio.sleep(injection.sleep_seconds)
            return
        raise self._fault_error(bank, injection)

    def _fault_error(self, bank: Bank, injection: Injection) -> ControlApiError:
        status = injection.status
        if status == 429:
            return ControlApiError(
                429,
                "ACC-022",
                "Too many requests; slow down",
                {"Retry-After": str(injection.retry_after or 1)},
            )
        if status == 500:
            if self.world.faults.alternate(bank.org_number):
                return ControlApiError(500, "ACC-100", "A back-end system is unavailable")
            return ControlApiError(500, "ACC-500", "Unexpected internal error")
        if status >= 500:
            return ControlApiError(status, "ACC-100", "Service temporarily unavailable")
        return ControlApiError(status, "ACC-001", "Injected client error")

    # -- answers -------------------------------------------------------------------------

    def _answer(self, checked: BankRequest) -> Response:
        builders = {
            Endpoint.ACCOUNTS: self._accounts,
            Endpoint.DETAILS: self._details,
            Endpoint.TRANSACTIONS: self._transactions,
            Endpoint.ROLES: self._roles,
            Endpoint.CARDS: self._cards,
        }
        payload = builders[checked.endpoint](checked)
        return self._encode(checked, payload)

    def _details_status(self, message: str | None) -> dict[str, Any]:
        if message:
            return models.ResponseDetails(
                status=models.ResponseStatus.PARTIAL, message=message
            ).to_wire()
        return models.ResponseDetails(status=models.ResponseStatus.COMPLETE).to_wire()

    def _status(self, checked: BankRequest, plan: synth.AccountPlan | None) -> dict[str, Any]:
        faults = self.world.faults
        message = faults.partial_message(checked.bank.org_number, plan.number if plan else None)
        return self._details_status(message)

    def _account_status(self, checked: BankRequest, plan: synth.AccountPlan) -> Any:
        if plan.closed_by(checked.today):
            return models.AccountStatus.DELETED
        ruling = self.world.registry.ruling_date(checked.party)
        if checked.service is rules.BANKRUPTCY and ruling is not None and ruling <= checked.today:
            return models.AccountStatus.DISABLED
        return models.AccountStatus.ENABLED

    def _owner(self, checked: BankRequest, plan: synth.AccountPlan) -> models.AccountRole:
        permission = models.Permission.USE_ALONE
        if checked.guardianship is not None and plan.guardian_may_dispose:
            permission = models.Permission.SEE_ONLY
        return wire.owner_role(
            checked.party, plan.start, plan.visible_end(checked.today), permission
        )

    def _accounts(self, checked: BankRequest) -> dict[str, Any]:
        bank = checked.bank
        accounts = []
        if not self.world.registry.shielding(checked.party):
            for plan in synth.accounts_at(bank.org_number, checked.party):
                if not self._visible(checked, plan):
                    continue
                reference = encode_reference(bank, checked.party, plan.index)
                accounts.append(
                    wire.account(
                        plan,
                        bank,
                        reference,
                        self._account_status(checked, plan),
                        self._owner(checked, plan),
                    )
                )
        query = {
            "OnlyPrimaryOwner": "true",
            "fromDate": checked.first.isoformat(),
            "toDate": checked.last.isoformat(),
        }
        response = models.AccountsResponse(
            response_details=models.ResponseDetails(status=models.ResponseStatus.COMPLETE),
            accounts=accounts,
            links=[models.Link(rel="self", href=self._href(bank, "/accounts", query))],
        ).to_wire()
        message = self.world.faults.partial_message(bank.org_number)
        response["responseDetails"] = self._details_status(message)
        return response

    def _history(self, checked: BankRequest) -> synth.AccountHistory:
        assert checked.plan is not None
        freeze, frozen_by = self.world.freeze_for(checked.party)
        return synth.history(checked.plan, freeze, frozen_by)

    def _details(self, checked: BankRequest) -> dict[str, Any]:
        plan, bank = checked.plan, checked.bank
        assert plan is not None and checked.reference is not None
        first, last = self._window(checked)
        closed_in_period = plan.end is not None and first <= plan.end <= last
        balances = None
        if not closed_in_period:
            balances = self._balances(checked, plan, last)
        detail = models.AccountDetail(
            status=self._account_status(checked, plan),
            servicer=wire.servicer(bank),
            account_identifier=plan.number,
            account_reference=checked.reference,
            type=plan.account_type,
            currency=plan.currency,
            balances=balances,
            primary_owner=self._owner(checked, plan),
            start_date=plan.start,
            end_date=plan.visible_end(checked.today),
        )
        return models.AccountDetailsResponse(
            response_details=models.ResponseDetails(status=models.ResponseStatus.COMPLETE),
            account=detail,
        ).to_wire() | {"responseDetails": self._status(checked, plan)}

    def _balances(
        self, checked: BankRequest, plan: synth.AccountPlan, last: date
    ) -> list[models.Balance]:
        history = self._history(checked)
        booked = synth.booked_balance(history, last, checked.today)
        if last == checked.today:
            now = datetime.now().astimezone(wire.OSLO).replace(microsecond=0).timetz()
            registered = datetime.combine(checked.today, now)
            available = booked + synth.pending_sum(history, checked.today)
            return [
                wire.balance(
                    models.BalanceType.AVAILABLE,
                    available,
                    plan.currency,
                    registered,
                    plan.credit_line,
                ),
                wire.balance(
                    models.BalanceType.BOOKED, booked, plan.currency, registered, plan.credit_line
                ),
            ]
        end_of_day = datetime.combine(last, datetime.max.time(), wire.OSLO).replace(microsecond=0)
        return [
            wire.balance(
                models.BalanceType.BOOKED, booked, plan.currency, end_of_day, plan.credit_line
            )
        ]

    def _transactions(self, checked: BankRequest) -> dict[str, Any]:
        plan, bank = checked.plan, checked.bank
        assert plan is not None and checked.reference is not None
        first, last = self._window(checked)
        items = synth.transactions_between(self._history(checked), first, last)
        size = self.world.settings.page_size
        page = items[checked.offset : checked.offset + size]
        estate = checked.service is rules.ESTATE
        transactions = []
        for tx in page:
            item = wire.transaction(tx, plan, bank, synth.is_pending(tx, checked.today))
            transactions.append(wire.without_may_filter_fields(item) if estate else item)

        path = f"/accounts/{checked.reference}/transactions"
        query = {"fromDate": checked.first.isoformat(), "toDate": checked.last.isoformat()}
        links = [self._page_link(bank, "self", path, query, checked, checked.offset)]
        if checked.offset + size < len(items):
            links.append(self._page_link(bank, "next", path, query, checked, checked.offset + size))
        envelope = models.TransactionsResponse(
            response_details=models.ResponseDetails(status=models.ResponseStatus.COMPLETE),
            links=links,
        ).to_wire()
        envelope["responseDetails"] = self._status(checked, plan)
        envelope["transactions"] = transactions
        return envelope

    def _page_link(
        self,
        bank: Bank,
        rel: str,
        path: str,
        query: dict[str, str],
        checked: BankRequest,
        offset: int,
    ) -> models.Link:
        page_query = dict(query)
        if offset:
            assert checked.reference is not None
            page_query["cursor"] = encode_cursor(
                bank, checked.reference, checked.first, checked.last, offset
            )
        return models.Link(rel=rel, href=self._href(bank, path, page_query))

    def _href(self, bank: Bank, path: str, query: dict[str, str]) -> str:
        prefix = bank.base_path if bank.href_style is HrefStyle.FROM_HOST else ""
        return f"{prefix}{path}?{urlencode(query)}"

    def _roles(self, checked: BankRequest) -> dict[str, Any]:
        plan = checked.plan
        assert plan is not None
        roles = [
            wire.owner_role(
                checked.party,
                plan.start,
                plan.visible_end(checked.today),
                models.Permission.SEE_ONLY,
            )
        ]
        guardianship = checked.guardianship
        if guardianship is not None:
            roles.append(
                wire.owner_role(
                    guardianship.guardian,
                    max(guardianship.start, plan.start),
                    guardianship.end,
                    models.Permission.USE_ALONE,
                )
            )
        return models.RolesResponse(
            response_details=models.ResponseDetails(status=models.ResponseStatus.COMPLETE),
            roles=roles,
        ).to_wire() | {"responseDetails": self._status(checked, plan)}

    def _cards(self, checked: BankRequest) -> dict[str, Any]:
        plan = checked.plan
        assert plan is not None
        cards = [wire.payment_card(plan.card, checked.bank)] if plan.card else []
        return models.CardsResponse(
            response_details=models.ResponseDetails(status=models.ResponseStatus.COMPLETE),
            payment_cards=cards,
        ).to_wire()

    # -- encoding ------------------------------------------------------------------------

    def _encode(self, checked: BankRequest, payload: dict[str, Any]) -> Response:
        faults = self.world.faults
        target = checked.bank.org_number
        malformed = faults.malformed(target)
        if malformed == "schema":
            payload = self._break_schema(payload, faults.alternate(target))
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        if malformed == "bad_json":
            body = body[: max(1, len(body) // 2)]
        if checked.plain_json:
            return Response(body, media_type="application/json")
        certificate = self.world.pki.certificate_for_org(checked.token.consumer_org)
        if certificate is None:
            raise ControlApiError(
                500,
                "ACC-500",
                f"No encryption certificate in CertPub for 0192:{checked.token.consumer_org}",
            )
        if faults.wrong_key(target):
            token = encrypt_to_key(_WRONG_KEY.public_key(), body)
        else:
            token = encrypt_for(certificate, body)
        if malformed == "bad_jwe":
            head, _, tail = token.rpartition(".")
            token = f"{head}.{'A' * 22 if tail[:1] != 'A' else 'B' * 22}"
        return Response(token.encode("ascii"), media_type=JOSE)

    @staticmethod
    def _break_schema(payload: dict[str, Any], use_string: bool) -> dict[str, Any]:
        broken = json.loads(json.dumps(payload))
        for key in ("transactions", "accounts"):
            items = broken.get(key)
            if items:
                if key == "transactions":
                    amount = Decimal(str(items[0].get("amount", 1)))
                    items[0]["amount"] = str(amount) if use_string else -float(amount or 1)
                else:
                    items[0].pop("accountReference", None)
                return broken
        account = broken.get("account")
        if account and account.get("balances"):
            account["balances"][0]["amount"] = -1.0
            return broken
        broken.pop("responseDetails", None)
        return broken
