"""The Control API of one bank: Accounts, Account details, Transactions, Roles (and Cards).

Every 200 answer is a JWE to our certificate; it is decrypted with the consumer's key and read
with the wire models. Accounts and Transactions are paged by opaque relative `next` links.
Each call runs the case's guard rails first, so a forbidden endpoint or period never leaves
the machine.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import quote, urlsplit

import httpx
from pydantic import ValidationError

from app.domain.services import Endpoint
from app.dsop import jose
from app.dsop.credentials import ConsumerCredentials
from app.dsop.environments import SCOPE_CONTROL
from app.dsop.errors import ProtocolError, ResponseValidationError
from app.dsop.headers import CaseContext
from app.dsop.models import (
    AccountDetailsResponse,
    AccountsResponse,
    CardsResponse,
    RolesResponse,
    TransactionsResponse,
)
from app.dsop.transport import CallSpec, Parsed, Transport, describe

M = TypeVar("M")

MAX_PAGES = 10_000


@dataclass(frozen=True)
class BankEndpoint:
    org_number: str
    name: str
    base_url: str
    """The base URL as the directory registers it; it is also the token's audience."""


def resolve_href(base_url: str, href: str) -> str:
    """Turn a bank's relative `next` link into an absolute URL (REFERENCE §4.9)."""
    if href.startswith(("http://", "https://")):
        raise ProtocolError("a paging link must be relative")
    base = urlsplit(base_url)
    base_path = base.path.rstrip("/")
    if not href.startswith("/"):
        href = "/" + href
    if base_path and href.startswith(base_path + "/"):
        return f"{base.scheme}://{base.netloc}{href}"
    return base_url.rstrip("/") + href


def _list_length(value: Any) -> int | None:
    for name in ("accounts", "transactions", "roles", "payment_cards"):
        items = getattr(value, name, None)
        if items is not None:
            return len(items)
    return 0 if hasattr(value, "account") and value.account is None else None


def decrypting(
    model: type[M], credentials: ConsumerCredentials, *, plain_json: bool
) -> Callable[[httpx.Response], Parsed[M]]:
    """A parser for Control API answers: JWE by default, plain JSON only when asked for."""

    def parse(response: httpx.Response) -> Parsed[M]:
        content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type == "application/jose":
            plaintext = jose.decrypt(response.content, credentials.key)
        elif content_type == "application/json" and plain_json:
            plaintext = response.content
        elif content_type == "application/json":
            raise ProtocolError(
                "the bank answered plain JSON where an encrypted answer is required"
            )
        else:
            raise ProtocolError(f"unexpected content type {content_type or 'none'!r}")
        try:
            value = model.model_validate_json(plaintext)  # type: ignore[attr-defined]
        except ValidationError as error:
            raise ResponseValidationError(
                f"the answer does not match the standard: {describe(error)}"
            ) from None
        status = value.response_details.status.value
        return value, status, _list_length(value)

    return parse


class ControlClient:
    def __init__(
        self,
        transport: Transport,
        context: CaseContext,
        credentials: ConsumerCredentials,
        bank: BankEndpoint,
        *,
        plain_json: bool = False,
    ) -> None:
        transport.environment.check_url(bank.base_url)
        self.transport = transport
        self.context = context
        self.credentials = credentials
        self.bank = bank
        self.plain_json = plain_json

    def _spec(self, endpoint: Endpoint, url: str, *, first_page: bool) -> CallSpec:
        return CallSpec(
            url=url,
            endpoint=endpoint,
            credentials=self.credentials,
            scope=SCOPE_CONTROL,
            context=self.context,
            bank_org_number=self.bank.org_number,
            resource=self.bank.base_url,
            params=self.context.params(endpoint) if first_page else None,
            plain_json=self.plain_json,
        )

    def _account_url(self, reference: str, suffix: str = "") -> str:
        return f"{self.bank.base_url.rstrip('/')}/accounts/{quote(reference, safe='')}{suffix}"

    async def _get(self, endpoint: Endpoint, url: str, model: type[M]) -> M:
        self.context.check(endpoint)
        parser = decrypting(model, self.credentials, plain_json=self.plain_json)
        return await self.transport.call(self._spec(endpoint, url, first_page=True), parser)

    async def _pages(self, endpoint: Endpoint, url: str, model: type[M]) -> AsyncIterator[M]:
        self.context.check(endpoint)
        parser = decrypting(model, self.credentials, plain_json=self.plain_json)
        spec = self._spec(endpoint, url, first_page=True)
        seen: set[str] = set()
        for _ in range(MAX_PAGES):
            page = await self.transport.call(spec, parser)
            yield page
            href = page.next_href  # type: ignore[attr-defined]
            if not href:
                return
            if href in seen:
                raise ProtocolError("the bank's paging links go round in a circle")
            seen.add(href)
            spec = self._spec(endpoint, resolve_href(self.bank.base_url, href), first_page=False)
        raise ProtocolError(f"more than {MAX_PAGES} pages; stopped")

    def accounts(self) -> AsyncIterator[AccountsResponse]:
        url = f"{self.bank.base_url.rstrip('/')}/accounts"
        return self._pages(Endpoint.ACCOUNTS, url, AccountsResponse)

    async def account_details(self, reference: str) -> AccountDetailsResponse:
        url = self._account_url(reference)
        return await self._get(Endpoint.ACCOUNT_DETAILS, url, AccountDetailsResponse)

    def transactions(self, reference: str) -> AsyncIterator[TransactionsResponse]:
        url = self._account_url(reference, "/transactions")
        return self._pages(Endpoint.TRANSACTIONS, url, TransactionsResponse)

    async def roles(self, reference: str) -> RolesResponse:
        return await self._get(
            Endpoint.ROLES, self._account_url(reference, "/roles"), RolesResponse
        )

    async def cards(self, reference: str) -> CardsResponse:
        """Cards: no service Boinnsyn serves may call it; the guard rail refuses it locally."""
        return await self._get(
            Endpoint.CARDS, self._account_url(reference, "/cards"), CardsResponse
        )
