"""Step 1 and 2 of the flow: which banks know the control object, and where their APIs are.

The customer relations service answers plain JSON from the banks' registers (KAR and KFR).
The API directory lists each bank's Control API base URL; a bank with no entry, or with an API
older than v2, can only be asked by digital letter. The directory changes rarely and is
cached for a day.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

from pydantic import ValidationError

from app.domain.services import Endpoint
from app.dsop.credentials import ConsumerCredentials
from app.dsop.environments import SCOPE_RELATIONS
from app.dsop.headers import CaseContext
from app.dsop.models import CustomerRelationsResponse, DirectoryEntry, DirectoryResponse
from app.dsop.transport import CallSpec, Transport, parse_json

log = logging.getLogger(__name__)

DIRECTORY_TTL_SECONDS = 24 * 3600
SUBSCRIPTION_KEY_HEADER = "Ocp-Apim-Subscription-Key"
REQUIRED_VERSION = "V2"


async def customer_relationships(
    transport: Transport, context: CaseContext, credentials: ConsumerCredentials
) -> CustomerRelationsResponse:
    context.check(Endpoint.CUSTOMER_RELATIONSHIPS)
    spec = CallSpec(
        url=transport.environment.relations_url,
        endpoint=Endpoint.CUSTOMER_RELATIONSHIPS,
        credentials=credentials,
        scope=SCOPE_RELATIONS,
        context=context,
        params=context.params(Endpoint.CUSTOMER_RELATIONSHIPS),
    )
    return await transport.call(spec, parse_json(CustomerRelationsResponse))


class Directory:
    """The API directory of one environment, cached in memory and in a file for a day."""

    def __init__(
        self,
        transport: Transport,
        cache_file: Path | None = None,
        subscription_key: str | None = None,
    ) -> None:
        self.transport = transport
        self.cache_file = cache_file
        self.subscription_key = subscription_key
        self._entries: dict[str, DirectoryEntry] | None = None
        self._fetched_at = 0.0

    def _load_cache(self) -> bool:
        if self.cache_file is None or not self.cache_file.exists():
            return False
        try:
            cached = json.loads(self.cache_file.read_text(encoding="utf-8"))
            if cached.get("url") != self.transport.environment.directory_url:
                return False
            if time.time() - float(cached["fetched_at"]) > DIRECTORY_TTL_SECONDS:
                return False
            response = DirectoryResponse.model_validate_json(json.dumps(cached["response"]))
        except (ValueError, KeyError, ValidationError):
            log.warning("directory cache unreadable; fetching again")
            return False
        self._remember(response, float(cached["fetched_at"]))
        return True

    def _remember(self, response: DirectoryResponse, fetched_at: float) -> None:
        environment = self.transport.environment.directory_env
        entries: dict[str, DirectoryEntry] = {}
        for entry in response.endpoints:
            if entry.env and entry.env != environment:
                continue
            current = entries.get(entry.org_no)
            if current is None or entry.version.upper() == REQUIRED_VERSION:
                entries[entry.org_no] = entry
        self._entries = entries
        self._fetched_at = fetched_at

    async def entries(self) -> dict[str, DirectoryEntry]:
        fresh = time.time() - self._fetched_at < DIRECTORY_TTL_SECONDS
        if self._entries is not None and fresh:
            return self._entries
        if self._load_cache() and self._entries is not None:
            return self._entries
        spec = CallSpec(
            url=self.transport.environment.directory_url,
            endpoint="directory",
            credentials=None,
            scope=None,
            extra_headers=(
                {SUBSCRIPTION_KEY_HEADER: self.subscription_key} if self.subscription_key else None
            ),
        )
        response = await self.transport.call(spec, parse_json(DirectoryResponse))
        now = time.time()
        self._remember(response, now)
        if self.cache_file is not None:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            self.cache_file.write_text(
                json.dumps(
                    {
                        "url": self.transport.environment.directory_url,
                        "fetched_at": now,
                        "response": response.to_wire(),
                    }
                ),
                encoding="utf-8",
            )
        assert self._entries is not None
        return self._entries
