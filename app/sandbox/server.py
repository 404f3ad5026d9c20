"""The sandbox's HTTP surface on one port: Maskinporten, customer relations, the API
directory, CertPub, the banks and the sandbox-only admin API.

    /maskinporten/.well-known/oauth-authorization-server, /maskinporten/token, .../jwks
    /bits/kar-ws/api/v2/customers/customerRelationships, .../accountServicingProvider
    /datakatalog/kontrollinformasjon/endpoints
    /certpub/lookup/v2/iso6523-actorid-upis::0192:<orgno>
    /certpub/publisher/api/v1/iso6523-actorid-upis::0192:<orgno>/<process id>
    /banks/<slug>/v2/accounts[/<ref>[/transactions|/cards|/roles]]
    /sandbox/health, /sandbox/registry[/...], /sandbox/faults, /sandbox/requests

Every request outside /sandbox is delayed by the configured latency and recorded.
"""

from __future__ import annotations

import asyncio
import json
import logging
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.dsop import models
from app.sandbox.bank_api import ControlApi
from app.sandbox.banks import BANKS, BANKS_BY_SLUG
from app.sandbox.faults import FaultConfigError
from app.sandbox.pki import cert_pem
from app.sandbox.recorder import RecordedRequest
from app.sandbox.registry import RegistrationError
from app.sandbox.relations import CustomerRelations
from app.sandbox.tokens import GrantError
from app.sandbox.world import World

logger = logging.getLogger(__name__)

CERTPUB_PROCESS = "bdx-procid-dsop::urn:fdc:bits.no:2018:dsop:account:1.0"
PARTICIPANT_PREFIX = "iso6523-actorid-upis::0192:"


def _target(path: str) -> tuple[str | None, str | None]:
    """The service area of a path and the fault target it belongs to."""
    if path.startswith("/maskinporten"):
        return "maskinporten", "maskinporten"
    if path.startswith("/bits/"):
        return "relations", "relations"
    if path.startswith("/datakatalog/"):
        return "directory", "directory"
    if path.startswith("/certpub/"):
        return "certpub", None
    if path.startswith("/banks/"):
        bank = BANKS_BY_SLUG.get(path.split("/")[2] if path.count("/") >= 2 else "")
        return "bank", bank.org_number if bank else None
    return None, None


class WorldMiddleware:
    """Adds the configured latency and records every request to the world (not /sandbox)."""

    def __init__(self, app: ASGIApp, world: World) -> None:
        self.app = app
        self.world = world

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        service, target = _target(path)
        if service is None:
            await self.app(scope, receive, send)
            return
        arrived = datetime.now(UTC).isoformat(timespec="milliseconds")
        delay = self.world.settings.latency_ms / 1000
        if target:
            delay += self.world.faults.latency_seconds(target)
        if delay:
            await asyncio.sleep(delay)
        status = 0

        async def send_and_watch(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        scope.setdefault("state", {})
        try:
            await self.app(scope, receive, send_and_watch)
        finally:
            self._record(scope, service, target, path, arrived, status)

    def _record(
        self, scope: Scope, service: str, target: str | None, path: str, arrived: str, status: int
    ) -> None:
        state = scope.get("state", {})
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        self.world.recorder.add(
            RecordedRequest(
                time=arrived,
                service=service,
                bank_org=state.get("bank_org") if service == "bank" else None,
                path=path,
                method=scope["method"],
                status=status,
                code=state.get("code"),
                correlation_id=headers.get("correlationid"),
                account_info_request_id=headers.get("accountinforequestid"),
                endpoint=state.get("endpoint"),
                client_id=state.get("client_id"),
                consumer_org=state.get("consumer_org"),
            )
        )


class Maskinporten:
    def __init__(self, world: World) -> None:
        self.world = world

    async def metadata(self, request: Request) -> Response:
        return JSONResponse(self.world.tokens.metadata())

    async def jwks(self, request: Request) -> Response:
        return JSONResponse(self.world.tokens.jwks())

    async def token(self, request: Request) -> Response:
        request.state.endpoint = "token"
        if request.method != "POST":
            return JSONResponse(
                {"error": "invalid_request", "error_description": "use POST"}, status_code=405
            )
        content_type = request.headers.get("content-type", "")
        body = (await request.body()).decode("utf-8", errors="replace")
        try:
            if not content_type.startswith("application/x-www-form-urlencoded"):
                raise GrantError("invalid_request", "MP-011 Body must be form-urlencoded")
            form = dict(parse_qsl(body, keep_blank_values=True))
            injection = self.world.faults.decide("maskinporten")
            if injection is not None and injection.kind == "timeout":
                await asyncio.sleep(injection.sleep_seconds)
            elif injection is not None:
                return JSONResponse(
                    {"error": "server_error", "error_description": "Injected failure"},
                    status_code=injection.status,
                )
            consumer, answer = self.world.tokens.issue(form)
        except GrantError as error:
            request.state.code = error.code
            logger.info("token refused: %s", error.description)
            return JSONResponse(error.body(), status_code=error.status)
        request.state.client_id = consumer.client_id
        request.state.consumer_org = consumer.org_number
        return JSONResponse(answer, headers={"Cache-Control": "no-store"})


class Directory:
    def __init__(self, world: World) -> None:
        self.world = world

    async def endpoints(self, request: Request) -> Response:
        request.state.endpoint = "endpoints"
        injection = self.world.faults.decide("directory")
        if injection is not None and injection.kind == "error":
            return JSONResponse({"message": "Injected failure"}, status_code=injection.status)
        if injection is not None:
            await asyncio.sleep(injection.sleep_seconds)
        entries = [
            models.DirectoryEntry(
                org_no=bank.org_number,
                name=bank.name,
                url=self.world.bank_base_url(bank),
                version=bank.api_version,
                env="test",
            )
            for bank in BANKS
            if bank.api_version is not None
        ]
        body = models.DirectoryResponse(endpoints=entries, total=len(entries)).to_wire()
        return JSONResponse(body)


class CertPub:
    def __init__(self, world: World) -> None:
        self.world = world

    def _org(self, participant: str) -> str | None:
        if not participant.startswith(PARTICIPANT_PREFIX):
            return None
        org = participant.removeprefix(PARTICIPANT_PREFIX)
        return org if self.world.pki.certificate_for_org(org) is not None else None

    async def lookup(self, request: Request) -> Response:
        if self._org(request.path_params["participant"]) is None:
            return JSONResponse({"message": "participant not found"}, status_code=404)
        return JSONResponse({"difi-bcp-v1": f"{self.world.base_url}/certpub/publisher"})

    async def publisher(self, request: Request) -> Response:
        org = self._org(request.path_params["participant"])
        if org is None or request.path_params["process"] != CERTPUB_PROCESS:
            return JSONResponse({"message": "certificate not found"}, status_code=404)
        certificate = self.world.pki.certificate_for_org(org)
        assert certificate is not None
        return Response(cert_pem(certificate), media_type="application/x-pem-file")


class Admin:
    """Sandbox-only controls: health, registrations, faults and the request log."""

    def __init__(self, world: World) -> None:
        self.world = world

    async def health(self, request: Request) -> Response:
        return JSONResponse(
            {"ok": True, "today": self.world.today().isoformat(), "base_url": self.world.base_url}
        )

    async def _json(self, request: Request) -> dict[str, Any]:
        try:
            data = await request.json()
        except json.JSONDecodeError:
            raise RegistrationError("the body must be JSON") from None
        if not isinstance(data, dict):
            raise RegistrationError("the body must be a JSON object")
        return data

    async def register(self, request: Request) -> Response:
        kind = request.path_params["kind"]
        registry = self.world.registry
        try:
            data = await self._json(request)
            if kind == "bankruptcy":
                notice = registry.register_bankruptcy(
                    data.get("debtor"), data.get("ruling_date"), data.get("type", "aapning")
                )
                result: Any = notice.__dict__
            elif kind == "death":
                registry.register_death(data.get("person"), data.get("death_date"))
                result = {"registered": "death"}
            elif kind == "guardianship":
                registry.register_guardianship(
                    data.get("ward"),
                    data.get("guardian"),
                    data.get("start"),
                    data.get("end"),
                    data.get("tasks", []),
                )
                result = {"registered": "guardianship"}
            elif kind == "shielded":
                registry.register_shielded(data.get("person"), data.get("level"))
                result = {"registered": "shielded"}
            else:
                return JSONResponse({"error": f"unknown register {kind}"}, status_code=404)
        except RegistrationError as error:
            return JSONResponse({"error": str(error)}, status_code=400)
        return JSONResponse(result, status_code=201)

    async def registry(self, request: Request) -> Response:
        return JSONResponse(self.world.registry.snapshot())

    async def faults(self, request: Request) -> Response:
        if request.method == "PUT":
            try:
                self.world.faults.replace(await request.json())
            except (FaultConfigError, json.JSONDecodeError) as error:
                return JSONResponse({"error": str(error)}, status_code=400)
            logger.info("fault configuration replaced")
        return JSONResponse(self.world.faults.config())

    async def requests(self, request: Request) -> Response:
        if request.method == "DELETE":
            return JSONResponse({"cleared": self.world.recorder.clear()})
        return JSONResponse(self.world.recorder.as_json())


def build_app(world: World) -> Starlette:
    """The ASGI application of one sandbox world."""
    maskinporten = Maskinporten(world)
    relations = CustomerRelations(world)
    directory = Directory(world)
    certpub = CertPub(world)
    banks = ControlApi(world)
    admin = Admin(world)
    kar = "/bits/kar-ws/api/v2/customers"
    all_methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]
    routes = [
        Route("/maskinporten/.well-known/oauth-authorization-server", maskinporten.metadata),
        Route("/maskinporten/jwks", maskinporten.jwks),
        Route("/maskinporten/token", maskinporten.token, methods=all_methods),
        Route(f"{kar}/customerRelationships", relations.customer_relationships),
        Route(f"{kar}/accountServicingProvider", relations.account_servicing_provider),
        Route("/datakatalog/kontrollinformasjon/endpoints", directory.endpoints),
        Route("/certpub/lookup/v2/{participant}", certpub.lookup),
        Route("/certpub/publisher/api/v1/{participant}/{process}", certpub.publisher),
        Route("/banks/{slug}/{version}/{rest:path}", banks.handle, methods=all_methods),
        Route("/sandbox/health", admin.health),
        Route("/sandbox/registry", admin.registry),
        Route("/sandbox/registry/{kind}", admin.register, methods=["POST"]),
        Route("/sandbox/faults", admin.faults, methods=["GET", "PUT"]),
        Route("/sandbox/requests", admin.requests, methods=["GET", "DELETE"]),
    ]
    app = Starlette(routes=routes)
    app.add_middleware(WorldMiddleware, world=world)
    return app
