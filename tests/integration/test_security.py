"""What the client and the sandbox catch: bad tokens, wrong audiences, missing headers, a JWE
for another key, and requests the service profile forbids."""

import asyncio
import dataclasses
from datetime import timedelta

import httpx
import pytest

from app.domain.periods import Period
from app.domain.services import BANKRUPTCY, ESTATE, GUARDIANSHIP, Endpoint, GuardRailError
from app.dsop import credentials as credential_store
from app.dsop.audit import MemoryAudit
from app.dsop.control import BankEndpoint, ControlClient, decrypting
from app.dsop.environments import SCOPE_CONTROL
from app.dsop.errors import ApiError, DecryptionError, TokenError
from app.dsop.headers import CaseContext
from app.dsop.models import AccountsResponse
from app.dsop.tokens import TokenClient, build_grant
from app.dsop.transport import CallSpec, Transport
from tests.integration.conftest import FAST_RETRY, TODAY

DEBTOR = "999000010"
RULING = TODAY - timedelta(days=60)
SERVICES = {"bankruptcy": BANKRUPTCY, "estate": ESTATE, "guardianship": GUARDIANSHIP}
SUBJECTS = {
    "bankruptcy": ("999000010", TODAY - timedelta(days=60), None),
    "estate": ("02913810077", TODAY.replace(month=4, day=22), None),
    "guardianship": ("21879010184", TODAY.replace(year=2024, month=1, day=1), "09826510185"),
}


def context(service="bankruptcy", **changes) -> CaseContext:
    profile = SERVICES[service]
    subject, key_date, guardian = SUBJECTS[service]
    base = CaseContext(
        profile=profile,
        request_id="6f1c2a7e-5d0b-4c1e-9a55-2b8f0d3e7c11",
        subject_id=subject,
        key_date=key_date,
        period=profile.period(key_date, TODAY),
        today=TODAY,
        guardian_id=guardian,
    )
    return dataclasses.replace(base, **changes)


@pytest.fixture
def registered(no_faults):
    no_faults.admin.post(
        "/registry/bankruptcy", json={"debtor": DEBTOR, "ruling_date": RULING.isoformat()}
    )
    return no_faults


def bank(world, slug="testdal", org="999000037") -> BankEndpoint:
    return BankEndpoint(org, slug, f"{world.base_url}/banks/{slug}/v2")


def run(coroutine):
    return asyncio.run(coroutine)


async def with_transport(world, job, token_client=None):
    audit = MemoryAudit()
    transport = Transport(world.connection().environment, audit, user="t", retry=FAST_RETRY)
    if token_client is not None:
        transport.tokens = token_client(transport)
    try:
        return await job(transport), audit
    finally:
        await transport.aclose()


def creds(world, service="bankruptcy"):
    return credential_store.load_sandbox(world.state_dir)[service]


async def first_accounts(transport, world, ctx=None, endpoint=None, service="bankruptcy"):
    client = ControlClient(
        transport, ctx or context(service), creds(world, service), endpoint or bank(world)
    )
    async for page in client.accounts():
        return page


def test_the_client_reads_an_encrypted_account_list(registered):
    page, audit = run(with_transport(registered, lambda t: first_accounts(t, registered)))
    assert page.accounts
    assert [e.endpoint for e in audit.entries] == ["token", "accounts"]
    assert audit.entries[-1].outcome == "ok"


class TamperingTokens(TokenClient):
    """A token client whose tokens get one byte changed in the signature, every time."""

    def __init__(self, transport):
        super().__init__(transport.environment, transport.http, transport._audit_token)

    async def token(self, credentials, scope, resource=None):
        value = await super().token(credentials, scope, resource)
        head, _, signature = value.rpartition(".")
        return f"{head}.{'A' if signature[0] != 'A' else 'B'}{signature[1:]}"


def test_a_tampered_token_is_refused_and_renewed_once(registered):
    with pytest.raises(ApiError) as refused:
        run(with_transport(registered, lambda t: first_accounts(t, registered), TamperingTokens))
    assert (refused.value.status, refused.value.code) == (401, "ACC-010")
    assert "ACC-010" in str(refused.value)


def test_a_token_for_another_bank_is_refused(registered):
    async def job(transport):
        ctx = context()
        spec = CallSpec(
            url=f"{registered.base_url}/banks/testdal/v2/accounts",
            endpoint=Endpoint.ACCOUNTS,
            credentials=creds(registered),
            scope=SCOPE_CONTROL,
            context=ctx,
            resource=f"{registered.base_url}/banks/fjordbank/v2",
            params=ctx.params(Endpoint.ACCOUNTS),
        )
        return await transport.call(
            spec, decrypting(AccountsResponse, creds(registered), plain_json=False)
        )

    with pytest.raises(ApiError) as refused:
        run(with_transport(registered, job))
    assert (refused.value.status, refused.value.code) == (401, "ACC-010")


@dataclasses.dataclass(frozen=True)
class ForgetfulContext(CaseContext):
    forget: str = "Legal-Mandate"

    def headers(self, endpoint, correlation_id, *, plain_json):
        headers = super().headers(endpoint, correlation_id, plain_json=plain_json)
        headers.pop(self.forget)
        return headers


@pytest.mark.parametrize("header", ["Legal-Mandate", "CorrelationID", "AccountInfoRequestID"])
def test_a_missing_header_comes_back_as_a_clear_error(registered, header):
    base = context()
    fields = {field.name: getattr(base, field.name) for field in dataclasses.fields(base)}
    forgetful = ForgetfulContext(**fields, forget=header)
    with pytest.raises(ApiError) as refused:
        run(with_transport(registered, lambda t: first_accounts(t, registered, forgetful)))
    assert (refused.value.status, refused.value.code) == (400, "ACC-001")
    assert header in refused.value.detail


def test_a_jwe_for_another_key_fails_to_decrypt(registered):
    registered.faults({"seed": 1, "banks": {"999000037": {"wrong_key": True}}})
    with pytest.raises(DecryptionError, match="another certificate"):
        run(with_transport(registered, lambda t: first_accounts(t, registered)))


def test_the_token_service_refuses_a_grant_for_the_wrong_audience(registered):
    consumer = creds(registered)
    environment = dataclasses.replace(
        registered.connection().environment, issuer="https://test.maskinporten.no/"
    )
    grant = build_grant(environment, consumer, SCOPE_CONTROL, None)
    response = httpx.post(
        registered.connection().environment.token_endpoint,
        data={"grant_type": "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion": grant},
    )
    assert response.status_code == 400
    assert "MP-110" in response.json()["error_description"]

    async def job(transport):
        transport.tokens.environment = environment
        return await first_accounts(transport, registered)

    with pytest.raises(TokenError, match="MP-110"):
        run(with_transport(registered, job))


# -- guard rails: refused locally, and by the sandbox on its own ------------------------------


@pytest.mark.parametrize("service", list(SERVICES))
@pytest.mark.parametrize("endpoint", [Endpoint.CARDS, Endpoint.ROLES])
def test_forbidden_endpoints_never_leave_the_machine(no_faults, service, endpoint):
    if endpoint in SERVICES[service].allowed:
        pytest.skip(f"{endpoint.value} is allowed for {service}")
    no_faults.clear_requests()

    async def job(transport):
        client = ControlClient(
            transport, context(service), creds(no_faults, service), bank(no_faults)
        )
        call = client.cards if endpoint is Endpoint.CARDS else client.roles
        return await call("any-reference")

    with pytest.raises(GuardRailError, match=endpoint.value):
        run(with_transport(no_faults, job))
    assert no_faults.requests() == []


def test_a_period_outside_the_rule_never_leaves_the_machine(registered):
    early = context(period=Period(RULING.replace(year=RULING.year - 1) - timedelta(days=1), TODAY))
    registered.clear_requests()
    with pytest.raises(GuardRailError, match="fromDate"):
        run(with_transport(registered, lambda t: first_accounts(t, registered, early)))
    assert registered.requests() == []


@pytest.mark.parametrize("service", list(SERVICES))
def test_the_sandbox_refuses_cards_on_its_own(no_faults, service):
    """The same request sent past the guard rail: the bank answers 400 ACC-001."""
    for kind, (subject, key_date, _guardian) in SUBJECTS.items():
        if kind == "bankruptcy":
            no_faults.admin.post(
                "/registry/bankruptcy",
                json={"debtor": subject, "ruling_date": key_date.isoformat()},
            )

    async def job(transport):
        ctx = context(service)
        client = ControlClient(transport, ctx, creds(no_faults, service), bank(no_faults))
        reference = None
        async for page in client.accounts():
            reference = page.accounts[0].account_reference
            break
        spec = CallSpec(
            url=client._account_url(reference, "/cards"),
            endpoint=Endpoint.CARDS,
            credentials=creds(no_faults, service),
            scope=SCOPE_CONTROL,
            context=ctx,
            resource=client.bank.base_url,
            params=ctx.params(Endpoint.CARDS),
        )
        return await transport.call(
            spec, decrypting(AccountsResponse, creds(no_faults, service), plain_json=False)
        )

    with pytest.raises(ApiError) as refused:
        run(with_transport(no_faults, job))
    assert (refused.value.status, refused.value.code) == (400, "ACC-001")
