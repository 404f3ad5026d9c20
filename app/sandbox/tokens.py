"""The sandbox's Maskinporten: JWT-grant token endpoint, metadata, keys, and the check banks
and the relations service make on the access tokens it issues.

A grant is checked the way MASKINPORTEN.md describes: RS256/384/512, `x5c` as a JSON array of
standard-base64 DER certificates chaining to the sandbox CA, the certificate's organisation
equal to the client's, the signature, `aud` equal to the issuer, a registered `iss`, a lifetime
of at most 120 s issued within 10 s of now, a fresh `jti`, registered scopes and no unknown
claims. The consumer organisation in the token comes from the client registration only.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import re
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import NameOID
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import RSAKey

from app.sandbox.pki import Consumer, Pki

logger = logging.getLogger(__name__)

GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer"
TOKEN_LIFETIME = 120
MAX_GRANT_LIFETIME = 120
CLOCK_SKEW = 10
KNOWN_CLAIMS = frozenset({"aud", "iss", "scope", "iat", "exp", "jti", "resource", "consumer_org"})
_HASHES = {"RS256": hashes.SHA256, "RS384": hashes.SHA384, "RS512": hashes.SHA512}
_MP_CODE = re.compile(r"\bMP-\d{3}\b")


class GrantError(Exception):
    """A token request the token service refuses, with the OAuth error and the MP id."""

    def __init__(self, error: str, description: str, status: int = 400) -> None:
        super().__init__(description)
        self.error = error
        self.description = description
        self.status = status

    @property
    def code(self) -> str | None:
        match = _MP_CODE.search(self.description)
        return match.group(0) if match else None

    def body(self) -> dict[str, str]:
        return {"error": self.error, "error_description": self.description}


class InvalidAccessToken(Exception):
    """An access token a resource server must refuse (absent, forged, expired, wrong issuer)."""


@dataclass(frozen=True)
class AccessToken:
    """The claims of a verified access token that a resource server looks at."""

    jti: str
    scopes: frozenset[str]
    consumer_org: str
    audience: str | None
    issued_at: int
    expires_at: int


def _b64url_decode(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def _org_number(certificate: x509.Certificate) -> str | None:
    values = certificate.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)
    if not values:
        return None
    value = str(values[0].value)
    return value.rsplit("-", 1)[-1]


_VERIFIED_CACHE = 4096
"""How many verified access tokens the sandbox remembers before it starts over."""


class TokenService:
    """Issues access tokens against JWT grants and verifies them for resource servers."""

    def __init__(self, pki: Pki, issuer: str) -> None:
        self.pki = pki
        self.issuer = issuer
        self._key = RSAKey.import_key(pki.maskinporten_key)
        self.kid = self._key.thumbprint()
        self._used: dict[str, float] = {}
        self._lock = threading.Lock()
        self._verified: dict[str, Any] = {}
        """Signatures already checked, by token: a bank sees the same token on every request
        of a harvest, and an RSA check each time would cost more than the answer."""

    # -- metadata ------------------------------------------------------------------------

    def metadata(self) -> dict[str, Any]:
        return {
            "issuer": self.issuer,
            "token_endpoint": f"{self.issuer}token",
            "jwks_uri": f"{self.issuer}jwks",
            "token_endpoint_auth_methods_supported": ["private_key_jwt"],
            "grant_types_supported": [GRANT_TYPE],
            "token_endpoint_auth_signing_alg_values_supported": list(_HASHES),
        }

    def jwks(self) -> dict[str, Any]:
        public = self._key.as_dict(private=False)
        public.update({"kid": self.kid, "use": "sig", "alg": "RS256"})
        return {"keys": [public]}

    # -- token endpoint ------------------------------------------------------------------

    def issue(self, form: dict[str, str]) -> tuple[Consumer, dict[str, Any]]:
        """Check a token request and answer it; raises GrantError with the reason."""
        if form.get("grant_type") != GRANT_TYPE:
            raise GrantError("unsupported_grant_type", f"grant_type must be {GRANT_TYPE}")
        assertion = form.get("assertion")
        if not assertion:
            raise GrantError("invalid_request", "MP-011 Missing assertion")
        header, claims, signing_input, signature = self._parse(assertion)
        certificate = self._verify_certificate(header)
        self._verify_signature(header["alg"], certificate, signing_input, signature)
        consumer = self._check_claims(claims, certificate)
        scopes = self._check_scopes(claims, consumer)
        resources = self._resources(claims)
        self._remember_grant(claims, signature)
        token = self._access_token(consumer, scopes, resources)
        logger.info(
            "issued token client=%s scopes=%s audience=%s",
            consumer.client_id,
            " ".join(scopes),
            resources[0] if resources else "-",
        )
        return consumer, {
            "access_token": token,
            "token_type": "Bearer",
            "expires_in": TOKEN_LIFETIME,
            "scope": " ".join(scopes),
        }

    def _parse(self, assertion: str) -> tuple[dict, dict, bytes, bytes]:
        parts = assertion.split(".")
        if len(parts) != 3 or not all(parts):
            raise GrantError("invalid_request", "MP-011 The assertion is not a signed JWT")
        try:
            header = json.loads(_b64url_decode(parts[0]))
            claims = json.loads(_b64url_decode(parts[1]))
            signature = _b64url_decode(parts[2])
        except (ValueError, binascii.Error):
            raise GrantError("invalid_request", "MP-011 The assertion cannot be decoded") from None
        if not isinstance(header, dict) or not isinstance(claims, dict):
            raise GrantError("invalid_request", "MP-011 The assertion is not a JSON object")
        if header.get("alg") not in _HASHES:
            raise GrantError(
                "invalid_grant", "MP-124 Unsupported signing algorithm; use RS256/384/512"
            )
        return header, claims, f"{parts[0]}.{parts[1]}".encode("ascii"), signature

    def _verify_certificate(self, header: dict) -> x509.Certificate:
        chain = header.get("x5c")
        if chain is None:
            detail = "kid is not registered" if "kid" in header else "x5c header is missing"
            raise GrantError("invalid_grant", f"MP-123 Invalid x5c header: {detail}")
        if not isinstance(chain, list) or not chain or not all(isinstance(c, str) for c in chain):
            raise GrantError(
                "invalid_grant", "MP-123 Invalid x5c header: must be a JSON array of strings"
            )
        try:
            certificates = [
                x509.load_der_x509_certificate(base64.b64decode(item, validate=True))
                for item in chain
            ]
        except (ValueError, binascii.Error):
            raise GrantError(
                "invalid_grant",
                "MP-123 Invalid x5c header: entries must be standard base64 of DER certificates",
            ) from None
        leaf = certificates[0]
        if not self._chains_to_root(leaf, certificates[1:]):
            raise GrantError(
                "invalid_grant", "MP-120 The certificate is not issued by a trusted authority"
            )
        now = time.time()
        if not leaf.not_valid_before_utc.timestamp() <= now <= leaf.not_valid_after_utc.timestamp():
            raise GrantError("invalid_grant", "MP-124 The certificate is expired or not yet valid")
        return leaf

    def _chains_to_root(self, leaf: x509.Certificate, extra: list[x509.Certificate]) -> bool:
        for intermediate in [*extra, self.pki.intermediate]:
            try:
                leaf.verify_directly_issued_by(intermediate)
                intermediate.verify_directly_issued_by(self.pki.ca)
            except (ValueError, TypeError, InvalidSignature):
                continue
            return True
        return False

    def _verify_signature(
        self, alg: str, certificate: x509.Certificate, signing_input: bytes, signature: bytes
    ) -> None:
        public_key = certificate.public_key()
        if not isinstance(public_key, rsa.RSAPublicKey):
            raise GrantError("invalid_grant", "MP-124 The certificate does not hold an RSA key")
        try:
            public_key.verify(signature, signing_input, padding.PKCS1v15(), _HASHES[alg]())
        except InvalidSignature:
            raise GrantError("invalid_grant", "MP-124 Invalid signature on the JWT grant") from None

    def _check_claims(self, claims: dict, certificate: x509.Certificate) -> Consumer:
        unknown = sorted(set(claims) - KNOWN_CLAIMS)
        if unknown:
            raise GrantError(
                "invalid_request", f"Invalid assertion: claims not allowed: {', '.join(unknown)}"
            )
        if claims.get("aud") != self.issuer:
            raise GrantError(
                "invalid_grant", f"MP-110 Invalid audience; expected exactly {self.issuer}"
            )
        consumer = self.pki.consumer_by_client_id(str(claims.get("iss")))
        if consumer is None:
            raise GrantError("invalid_grant", "MP-100 Invalid client: unknown client id")
        if _org_number(certificate) != consumer.org_number:
            raise GrantError(
                "invalid_grant",
                "MP-122 The certificate's organisation number differs from the client's owner",
            )
        self._check_times(claims)
        consumer_org = claims.get("consumer_org")
        if consumer_org is not None:
            if consumer_org == consumer.org_number or not isinstance(consumer_org, str):
                raise GrantError("invalid_request", "MP-011 consumer_org must name another org")
            raise GrantError(
                "invalid_grant", "MP-251 The consumer has not delegated the scope to the client"
            )
        return consumer

    def _check_times(self, claims: dict) -> None:
        issued, expires = claims.get("iat"), claims.get("exp")
        for value in (issued, expires):
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise GrantError("invalid_request", "MP-011 iat and exp must be epoch seconds")
        now = time.time()
        if issued > now + CLOCK_SKEW:
            raise GrantError("invalid_grant", "MP-130 Issue time is after now")
        if expires <= now:
            raise GrantError("invalid_grant", "MP-130 The JWT grant has expired")
        if expires - issued > MAX_GRANT_LIFETIME or expires <= issued:
            raise GrantError(
                "invalid_grant",
                f"MP-130 The JWT grant lifetime must be at most {MAX_GRANT_LIFETIME} seconds",
            )
        if issued < now - CLOCK_SKEW:
            raise GrantError("invalid_grant", "MP-130 Issue time is too far in the past")

    def _check_scopes(self, claims: dict, consumer: Consumer) -> list[str]:
        scope = claims.get("scope")
        if not isinstance(scope, str) or not scope.strip():
            raise GrantError("invalid_scope", "MP-200 The grant has no scope")
        scopes = scope.split()
        refused = [s for s in scopes if s not in consumer.scopes]
        if refused:
            raise GrantError(
                "invalid_scope", f"MP-200 Scope not registered for the client: {' '.join(refused)}"
            )
        return scopes

    def _resources(self, claims: dict) -> list[str]:
        resource = claims.get("resource")
        if resource is None:
            return []
        values = [resource] if isinstance(resource, str) else resource
        if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
            raise GrantError("invalid_request", "MP-011 resource must be an array of URIs")
        return values

    def _remember_grant(self, claims: dict, signature: bytes) -> None:
        jti = claims.get("jti")
        key = f"jti:{jti}" if isinstance(jti, str) and jti else f"sig:{signature.hex()}"
        now = time.time()
        with self._lock:
            for stale in [k for k, until in self._used.items() if until < now]:
                del self._used[stale]
            if key in self._used:
                raise GrantError("invalid_grant", "MP-012 Grant is used before")
            self._used[key] = float(claims["exp"]) + CLOCK_SKEW

    def _access_token(self, consumer: Consumer, scopes: list[str], resources: list[str]) -> str:
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "client_amr": "virksomhetssertifikat",
            "token_type": "Bearer",
            "client_id": consumer.client_id,
            "consumer": {
                "authority": "iso6523-actorid-upis",
                "ID": f"0192:{consumer.org_number}",
            },
            "scope": " ".join(scopes),
            "iat": now,
            "exp": now + TOKEN_LIFETIME,
            "jti": str(uuid.uuid4()),
        }
        if resources:
            claims["aud"] = resources[0]
        return jwt.encode({"alg": "RS256", "kid": self.kid, "typ": "JWT"}, claims, self._key)

    # -- resource servers ----------------------------------------------------------------

    def verify(self, authorization: str | None) -> AccessToken:
        """Verify an `Authorization: Bearer` header value as a bank would, locally."""
        if not authorization:
            raise InvalidAccessToken("missing Authorization header")
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise InvalidAccessToken("Authorization must be 'Bearer <access token>'")
        token = token.strip()
        decoded = self._verified.get(token)
        if decoded is None:
            try:
                decoded = jwt.decode(token, self._key, algorithms=["RS256"])
            except (JoseError, ValueError):
                raise InvalidAccessToken("access token signature or format is invalid") from None
            if len(self._verified) >= _VERIFIED_CACHE:
                self._verified.clear()
            self._verified[token] = decoded
        if decoded.header.get("kid") != self.kid:
            raise InvalidAccessToken("access token was not issued by this Maskinporten")
        claims = decoded.claims
        if claims.get("iss") != self.issuer:
            raise InvalidAccessToken("access token issuer is not this Maskinporten")
        expires = claims.get("exp")
        if not isinstance(expires, int) or expires <= time.time():
            raise InvalidAccessToken("access token expired")
        consumer = claims.get("consumer") or {}
        consumer_id = consumer.get("ID", "") if isinstance(consumer, dict) else ""
        if not consumer_id.startswith("0192:"):
            raise InvalidAccessToken("access token has no consumer organisation")
        return AccessToken(
            jti=str(claims.get("jti")),
            scopes=frozenset(str(claims.get("scope", "")).split()),
            consumer_org=consumer_id.removeprefix("0192:"),
            audience=claims.get("aud"),
            issued_at=int(claims.get("iat", 0)),
            expires_at=expires,
        )
