"""The environments Boinnsyn can talk to: the local sandbox, the DSOP test and production.

An environment names the addresses of the token service, the customer relations service and
the API directory, and the transport rules that hold there. Only the sandbox may use plain
http; only the test environment may receive plain JSON, and only when asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from app.dsop.errors import InsecureTransportError

SCOPE_RELATIONS = "bits:kundeforhold"
SCOPE_ACCOUNT_PROVIDER = "bits:kundeforhold.konto"
SCOPE_CONTROL = "bits:kontoinformasjon"


@dataclass(frozen=True)
class Environment:
    name: str
    issuer: str
    """The Maskinporten issuer identifier, used verbatim as the grant's `aud`."""
    token_endpoint: str
    relations_url: str
    directory_url: str
    directory_env: str
    """The `env` value of directory entries that belong to this environment."""
    plain_json_allowed: bool = False
    is_sandbox: bool = False
    directory_needs_key: bool = False
    timeout_seconds: float = 60.0
    sandbox_admin_url: str | None = None
    """Only in the sandbox: where the simulated registers (bankruptcies, deaths) are fed."""
    ca_bundle: Path | None = None
    """Extra certificate authorities to trust for TLS; None means the system's."""

    def __post_init__(self) -> None:
        for url in (self.issuer, self.token_endpoint, self.relations_url, self.directory_url):
            self.check_url(url)

    def check_url(self, url: str) -> None:
        """Refuse plain http outside the sandbox, and anything that is not http(s)."""
        scheme = urlsplit(url).scheme
        if scheme == "https":
            return
        if scheme == "http" and self.is_sandbox:
            return
        raise InsecureTransportError(
            f"the {self.name} environment only talks https; refused a {scheme or 'relative'} URL"
        )


def sandbox(base_url: str) -> Environment:
    base = base_url.rstrip("/")
    return Environment(
        name="sandbox",
        issuer=f"{base}/maskinporten/",
        token_endpoint=f"{base}/maskinporten/token",
        relations_url=f"{base}/bits/kar-ws/api/v2/customers/customerRelationships",
        directory_url=f"{base}/datakatalog/kontrollinformasjon/endpoints",
        directory_env="test",
        is_sandbox=True,
        timeout_seconds=30.0,
        sandbox_admin_url=f"{base}/sandbox",
    )


# TODO: The v2 path of customerRelationships and the directory's address are not published;
# these follow REFERENCE §4.1 and §4.3 and must be confirmed during onboarding with Bits.
TEST = Environment(
    name="test",
    issuer="https://test.maskinporten.no/",
    token_endpoint="https://test.maskinporten.no/token",
    relations_url="https://preprod.api.bits.no/kar-ws/api/v2/customers/customerRelationships",
    directory_url="https://test.api.data.altinn.no/v1/public/kontrollinformasjon/endpoints",
    directory_env="test",
    plain_json_allowed=True,
    directory_needs_key=True,
)

PRODUCTION = Environment(
    name="production",
    issuer="https://maskinporten.no/",
    token_endpoint="https://maskinporten.no/token",
    relations_url="https://api.bits.no/kar-ws/api/v2/customers/customerRelationships",
    directory_url="https://api.data.altinn.no/v1/public/kontrollinformasjon/endpoints",
    directory_env="prod",
    directory_needs_key=True,
)

REMOTE = {env.name: env for env in (TEST, PRODUCTION)}


def pointed_at(environment: Environment, base_url: str, ca_bundle: Path) -> Environment:
    """The test or production profile with its addresses moved to a local sandbox over TLS.

    Used to run the real-environment path end to end against the sandbox: same transport
    rules (https only, verification on), the sandbox's own certificate authority trusted.
    """
    local = sandbox(base_url)
    return replace(
        environment,
        issuer=local.issuer,
        token_endpoint=local.token_endpoint,
        relations_url=local.relations_url,
        directory_url=local.directory_url,
        directory_env="test",
        ca_bundle=ca_bundle,
    )
