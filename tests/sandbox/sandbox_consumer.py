"""A small hand-written DSOP consumer for the sandbox tests, and the synthetic identities.

It is deliberately independent of the application's client: it builds JWT grants with
`cryptography`, decrypts with joserfc and sends headers by hand.
"""

from __future__ import annotations

import base64
import json
import time
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin

import httpx
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from joserfc import jwe
from joserfc.jwk import RSAKey

TODAY = date(2025, 6, 16)
BANKRUPT = "999000010"
DECEASED = "02913810077"
WARD = "21879010184"
GUARDIAN = "09826510185"
SHIELDED = "24928510065"
SPARE = "15836110045"
FJORDBANK = "fjordbank"
TESTDAL = "testdal"

MANDATES = {
    "bankruptcy": "kkl. §156 (3) og (4), jf. kkfor.§21",
    "estate": "Arveloven § 92 første ledd og § 118, jf. § 88 a, jf. forskrift om Digitalt dødsbo",
    "guardianship1": "Vergemålsloven § 54 (2), jf. vergemålsforskriften §20a (2), "
    "jf. vergemålsforskriften §20a (1) a",
    "guardianship": "Vergemålsloven § 54 (2), jf. vergemålsforskriften § 20 (2), "
    "jf. vergemålsforskriften § 20a (1) b-e",
}
PERIODS = {
    "bankruptcy": (date(2024, 5, 5), TODAY),
    "estate": (date(2025, 1, 22), TODAY),
    "guardianship": (date(2024, 1, 1), date(2024, 12, 31)),
}
PARTIES = {"bankruptcy": BANKRUPT, "estate": DECEASED, "guardianship": WARD}


def encode(text: str) -> str:
    return quote(text, safe="()!*'")


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class JweRegistry(jwe.JWERegistry):
    max_ciphertext_length = 64 * 1024 * 1024


JWE_REGISTRY = JweRegistry(algorithms=["RSA-OAEP-256", "A128CBC-HS256"])


@dataclass
class Consumer:
    service: str
    client_id: str
    org_number: str
    key: rsa.RSAPrivateKey
    certificate: x509.Certificate


class Dsop:
    """A minimal consumer of the sandbox world, written for the tests."""

    def __init__(self, base_url: str, state_dir: Path) -> None:
        self.base_url = base_url
        self.state_dir = state_dir
        self.http = httpx.Client(base_url=base_url, timeout=30)
        self.consumers = self._load_consumers()
        self.issuer = f"{base_url}/maskinporten/"
        self._tokens: dict[tuple[str, str, str | None], str] = {}

    def _load_consumers(self) -> dict[str, Consumer]:
        registered = json.loads((self.state_dir / "consumers.json").read_text("utf-8"))
        consumers = {}
        for service, entry in registered.items():
            key = serialization.load_pem_private_key(
                (self.state_dir / entry["key"]).read_bytes(), password=None
            )
            certificate = x509.load_pem_x509_certificate(
                (self.state_dir / entry["certificate"]).read_bytes()
            )
            consumers[service] = Consumer(
                service, entry["client_id"], entry["org_number"], key, certificate
            )
        return consumers

    # -- Maskinporten --------------------------------------------------------------------

    def grant(self, service: str, scope: str, resource: str | None = None, **changes) -> str:
        """A JWT grant; keyword arguments override header fields, claims or the signer."""
        consumer = self.consumers[service]
        certificate = changes.pop("certificate", consumer.certificate)
        key = changes.pop("key", consumer.key)
        der = certificate.public_bytes(serialization.Encoding.DER)
        header = {"alg": "RS256", "typ": "JWT", "x5c": [base64.b64encode(der).decode()]}
        header.update(changes.pop("header", {}))
        now = int(time.time())
        claims: dict[str, Any] = {
            "aud": self.issuer,
            "iss": consumer.client_id,
            "scope": scope,
            "iat": now,
            "exp": now + 120,
            "jti": str(uuid.uuid4()),
        }
        if resource is not None:
            claims["resource"] = [resource]
        claims.update(changes.pop("claims", {}))
        for name in changes.pop("drop", ()):
            claims.pop(name, None)
        assert not changes, f"unknown grant changes {changes}"
        signing_input = (
            f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(claims).encode())}"
        )
        digest = {"RS256": hashes.SHA256, "RS384": hashes.SHA384, "RS512": hashes.SHA512}
        signature = key.sign(signing_input.encode(), padding.PKCS1v15(), digest[header["alg"]]())
        return f"{signing_input}.{b64url(signature)}"

    def request_token(self, assertion: str) -> httpx.Response:
        return self.http.post(
            "/maskinporten/token",
            data={
                "grant_type": "urn:ietf:params:oauth:grant-type:jwt-bearer",
                "assertion": assertion,
            },
        )

    def token(self, service: str, scope: str, resource: str | None = None) -> str:
        key = (service, scope, resource)
        if key not in self._tokens:
            response = self.request_token(self.grant(service, scope, resource))
            assert response.status_code == 200, response.text
            self._tokens[key] = response.json()["access_token"]
        return self._tokens[key]

    def fresh_token(self, service: str, scope: str, resource: str | None = None) -> str:
        self._tokens.pop((service, scope, resource), None)
        return self.token(service, scope, resource)

    # -- customer relations --------------------------------------------------------------

    def relations(
        self, service: str, customer: str, first: date, last: date, **options
    ) -> httpx.Response:
        mandate = MANDATES["guardianship1" if service == "guardianship" else service]
        headers = {
            "Authorization": f"Bearer {self.token(service, 'bits:kundeforhold')}",
            "CustomerID": customer,
            "CorrelationID": str(uuid.uuid4()),
            "AccountInfoRequestID": str(uuid.uuid4()),
            "Legal-Mandate": encode(mandate),
        }
        headers.update(options.pop("headers", {}))
        params = {"fromDate": first.isoformat(), "toDate": last.isoformat()}
        params.update(options.pop("params", {}))
        return self.http.get(
            "/bits/kar-ws/api/v2/customers/customerRelationships", headers=headers, params=params
        )

    # -- banks ---------------------------------------------------------------------------

    def bank_base(self, slug: str) -> str:
        return f"{self.base_url}/banks/{slug}/v2"

    def bank_headers(self, service: str, slug: str, **overrides) -> dict[str, str]:
        headers = {
            "Authorization": "Bearer "
            + self.token(service, "bits:kontoinformasjon", self.bank_base(slug)),
            "Accept": "application/jose",
            "CorrelationID": str(uuid.uuid4()),
            "AccountInfoRequestID": "6f1c2a7e-5d0b-4c1e-9a55-2b8f0d3e7c11",
            "Legal-Mandate": encode(MANDATES[service]),
        }
        if service == "guardianship":
            headers["AdditionalReferenceIDType"] = "srf"
            headers["AdditionalReferenceID"] = GUARDIAN
        for name, value in overrides.items():
            name = name.replace("_", "-") if name == "Legal_Mandate" else name
            if value is None:
                headers.pop(name, None)
            else:
                headers[name] = value
        return headers

    def bank_get(
        self,
        service: str,
        slug: str,
        path: str,
        *,
        party: str | None = None,
        first: date | None = None,
        last: date | None = None,
        params: dict[str, str] | None = None,
        headers: dict[str, str | None] | None = None,
        method: str = "GET",
    ) -> httpx.Response:
        default_first, default_last = PERIODS[service]
        query = {
            "fromDate": (first or default_first).isoformat(),
            "toDate": (last or default_last).isoformat(),
        }
        if path == "/accounts":
            query["OnlyPrimaryOwner"] = "true"
        query.update(params or {})
        query = {k: v for k, v in query.items() if v is not None}
        all_headers = self.bank_headers(service, slug, **(headers or {}))
        if path == "/accounts" and "PartyID" not in (headers or {}):
            all_headers["PartyID"] = party or PARTIES[service]
        return self.http.request(
            method, f"/banks/{slug}/v2{path}", params=query, headers=all_headers
        )

    def decrypt(self, response: httpx.Response, service: str) -> dict[str, Any]:
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("application/jose")
        key = RSAKey.import_key(
            self.consumers[service].key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        decrypted = jwe.decrypt_compact(response.content, key, registry=JWE_REGISTRY)
        return json.loads(decrypted.plaintext)

    def resolve(self, slug: str, href: str) -> str:
        """REFERENCE §4.9: a href starting with the base path joins the host, else the base."""
        base_path = f"/banks/{slug}/v2"
        if href.startswith(base_path):
            return urljoin(self.base_url, href)
        return f"{self.bank_base(slug)}/{href.lstrip('/')}"

    def accounts(
        self, service: str, slug: str, party: str | None = None, **period: date
    ) -> list[dict]:
        response = self.bank_get(service, slug, "/accounts", party=party, **period)
        return self.decrypt(response, service)["accounts"]

    def all_transactions(
        self,
        service: str,
        slug: str,
        reference: str,
        first: date | None = None,
        last: date | None = None,
    ) -> tuple[list[dict], list[dict]]:
        """Every page of an account's transactions; returns (transactions, pages)."""
        response = self.bank_get(
            service, slug, f"/accounts/{reference}/transactions", first=first, last=last
        )
        pages = [self.decrypt(response, service)]
        seen = set()
        while True:
            links = {link["rel"]: link["href"] for link in pages[-1].get("links", [])}
            if "next" not in links:
                break
            assert links["next"] not in seen
            seen.add(links["next"])
            url = self.resolve(slug, links["next"])
            response = self.http.get(url, headers=self.bank_headers(service, slug))
            pages.append(self.decrypt(response, service))
        transactions = [t for page in pages for t in page["transactions"]]
        return transactions, pages

    def admin(self, method: str, path: str, body: Any = None) -> httpx.Response:
        return self.http.request(method, f"/sandbox{path}", json=body)
