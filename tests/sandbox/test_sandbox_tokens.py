"""The sandbox's Maskinporten: the happy path and every refusal of MASKINPORTEN.md."""

from __future__ import annotations

import base64
import json
import time
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives import serialization
from joserfc import jwt
from joserfc.jwk import KeySet
from sandbox_consumer import Dsop

from app.sandbox.pki import issue_consumer

SCOPE = "bits:kontoinformasjon"


def _claims(token: str) -> dict:
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def _refusal(dsop: Dsop, assertion: str) -> tuple[int, dict]:
    response = dsop.request_token(assertion)
    return response.status_code, response.json()


def test_metadata_names_issuer_token_endpoint_and_keys(dsop: Dsop) -> None:
    metadata = dsop.http.get("/maskinporten/.well-known/oauth-authorization-server").json()

    assert metadata["issuer"] == f"{dsop.base_url}/maskinporten/"
    assert metadata["token_endpoint"] == f"{dsop.base_url}/maskinporten/token"
    assert metadata["jwks_uri"] == f"{dsop.base_url}/maskinporten/jwks"


def test_token_is_signed_by_the_published_key_with_the_documented_claims(dsop: Dsop) -> None:
    resource = dsop.bank_base("fjordbank")
    response = dsop.request_token(dsop.grant("guardianship", SCOPE, resource))

    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 120
    assert body["scope"] == SCOPE
    keys = KeySet.import_key_set(dsop.http.get("/maskinporten/jwks").json())
    token = jwt.decode(body["access_token"], keys, algorithms=["RS256"])
    assert token.header["kid"] == keys.keys[0].kid
    claims = token.claims
    assert claims["iss"] == dsop.issuer
    assert claims["aud"] == resource
    assert claims["client_amr"] == "virksomhetssertifikat"
    assert claims["consumer"] == {"authority": "iso6523-actorid-upis", "ID": "0192:986186999"}
    assert claims["client_id"] == dsop.consumers["guardianship"].client_id
    assert claims["exp"] - claims["iat"] == 120
    assert claims["token_type"] == "Bearer" and claims["jti"]


def test_token_without_resource_has_no_audience(dsop: Dsop) -> None:
    response = dsop.request_token(dsop.grant("bankruptcy", "bits:kundeforhold"))

    assert response.status_code == 200
    assert "aud" not in _claims(response.json()["access_token"])


def test_resource_as_a_plain_string_is_accepted(dsop: Dsop) -> None:
    resource = dsop.bank_base("testdal")
    grant = dsop.grant("estate", SCOPE, claims={"resource": resource})

    response = dsop.request_token(grant)

    assert response.status_code == 200
    assert _claims(response.json()["access_token"])["aud"] == resource


@pytest.mark.parametrize("alg", ["RS384", "RS512"])
def test_other_rsa_signature_algorithms_are_accepted(dsop: Dsop, alg: str) -> None:
    response = dsop.request_token(dsop.grant("estate", SCOPE, header={"alg": alg}))

    assert response.status_code == 200


def test_x5c_with_the_issuing_ca_is_accepted(dsop: Dsop) -> None:
    consumer = dsop.consumers["estate"]
    chain = [
        base64.b64encode(c.public_bytes(serialization.Encoding.DER)).decode()
        for c in (consumer.certificate, _intermediate(dsop))
    ]

    response = dsop.request_token(dsop.grant("estate", SCOPE, header={"x5c": chain}))

    assert response.status_code == 200


def _intermediate(dsop: Dsop):
    from cryptography import x509

    return x509.load_pem_x509_certificate((dsop.state_dir / "pki/intermediate.pem").read_bytes())


def test_tampered_signature_is_mp_124(dsop: Dsop) -> None:
    grant = dsop.grant("bankruptcy", SCOPE)
    head, payload, signature = grant.split(".")
    forged_payload = (
        base64.urlsafe_b64encode(
            json.dumps({**_claims(grant), "scope": "bits:kundeforhold"}).encode()
        )
        .rstrip(b"=")
        .decode()
    )

    status, body = _refusal(dsop, f"{head}.{forged_payload}.{signature}")

    assert status == 400
    assert body["error"] == "invalid_grant"
    assert body["error_description"].startswith("MP-124")


def test_wrong_audience_is_mp_110(dsop: Dsop) -> None:
    grant = dsop.grant("bankruptcy", SCOPE, claims={"aud": f"{dsop.base_url}/maskinporten/token"})

    status, body = _refusal(dsop, grant)

    assert status == 400 and body["error_description"].startswith("MP-110")


def test_audience_without_trailing_slash_is_mp_110(dsop: Dsop) -> None:
    grant = dsop.grant("bankruptcy", SCOPE, claims={"aud": f"{dsop.base_url}/maskinporten"})

    assert _refusal(dsop, grant)[1]["error_description"].startswith("MP-110")


def test_expired_grant_is_mp_130(dsop: Dsop) -> None:
    now = int(time.time())
    grant = dsop.grant("bankruptcy", SCOPE, claims={"iat": now - 200, "exp": now - 80})

    status, body = _refusal(dsop, grant)

    assert status == 400 and body["error_description"].startswith("MP-130")


def test_grant_living_longer_than_120_seconds_is_mp_130(dsop: Dsop) -> None:
    now = int(time.time())
    grant = dsop.grant("bankruptcy", SCOPE, claims={"iat": now, "exp": now + 121})

    assert _refusal(dsop, grant)[1]["error_description"].startswith("MP-130")


def test_grant_from_a_fast_clock_says_issue_time_is_after_now(dsop: Dsop) -> None:
    now = int(time.time())
    grant = dsop.grant("bankruptcy", SCOPE, claims={"iat": now + 30, "exp": now + 140})

    description = _refusal(dsop, grant)[1]["error_description"]

    assert "MP-130" in description and "Issue time is after now" in description


def test_grant_issued_within_ten_seconds_is_accepted(dsop: Dsop) -> None:
    now = int(time.time())
    grant = dsop.grant("bankruptcy", SCOPE, claims={"iat": now + 5, "exp": now + 120})

    assert dsop.request_token(grant).status_code == 200


def test_reused_grant_is_mp_012(dsop: Dsop) -> None:
    grant = dsop.grant("bankruptcy", SCOPE)
    assert dsop.request_token(grant).status_code == 200

    status, body = _refusal(dsop, grant)

    assert status == 400 and body["error_description"].startswith("MP-012")


def test_unknown_client_is_mp_100(dsop: Dsop) -> None:
    grant = dsop.grant("bankruptcy", SCOPE, claims={"iss": "no-such-client"})

    assert _refusal(dsop, grant)[1]["error_description"].startswith("MP-100")


def test_scope_not_registered_is_mp_200(dsop: Dsop) -> None:
    status, body = _refusal(dsop, dsop.grant("bankruptcy", "bits:kundeforhold.write"))

    assert status == 400
    assert body["error"] == "invalid_scope"
    assert body["error_description"].startswith("MP-200")


def test_x5c_as_a_bare_string_is_mp_123(dsop: Dsop) -> None:
    der = dsop.consumers["bankruptcy"].certificate.public_bytes(serialization.Encoding.DER)
    grant = dsop.grant("bankruptcy", SCOPE, header={"x5c": base64.b64encode(der).decode()})

    assert _refusal(dsop, grant)[1]["error_description"].startswith("MP-123")


def test_x5c_in_base64url_is_mp_123(dsop: Dsop) -> None:
    der = dsop.consumers["bankruptcy"].certificate.public_bytes(serialization.Encoding.DER)
    grant = dsop.grant(
        "bankruptcy", SCOPE, header={"x5c": [base64.urlsafe_b64encode(der).decode() + "-_"]}
    )

    assert _refusal(dsop, grant)[1]["error_description"].startswith("MP-123")


def test_certificate_of_another_organisation_is_mp_122(dsop: Dsop) -> None:
    key, certificate = issue_consumer(dsop.state_dir, "999000010", "SYNTETISK BYGG AS")
    grant = dsop.grant("bankruptcy", SCOPE, key=key, certificate=certificate)

    assert _refusal(dsop, grant)[1]["error_description"].startswith("MP-122")


def test_another_agency_certificate_for_a_client_is_mp_122(dsop: Dsop) -> None:
    other = dsop.consumers["estate"]
    grant = dsop.grant("bankruptcy", SCOPE, key=other.key, certificate=other.certificate)

    assert _refusal(dsop, grant)[1]["error_description"].startswith("MP-122")


def test_expired_certificate_is_mp_124(dsop: Dsop) -> None:
    start = datetime.now(UTC) - timedelta(days=800)
    key, certificate = issue_consumer(
        dsop.state_dir,
        "974760673",
        "Brønnøysundregistrene",
        not_before=start,
        not_after=start + timedelta(days=730),
    )
    grant = dsop.grant("bankruptcy", SCOPE, key=key, certificate=certificate)

    assert _refusal(dsop, grant)[1]["error_description"].startswith("MP-124")


def test_self_signed_certificate_is_mp_120(dsop: Dsop) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.x509.oid import NameOID

    from app.sandbox.pki import issue_leaf, new_key

    key = new_key()
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Rogue CA")])
    now = datetime.now(UTC)
    rogue = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=9))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(key, hashes.SHA256())
    )
    leaf_key, leaf = issue_leaf(rogue, key, "974760673", "Brønnøysundregistrene")
    grant = dsop.grant("bankruptcy", SCOPE, key=leaf_key, certificate=leaf)

    assert _refusal(dsop, grant)[1]["error_description"].startswith("MP-120")


def test_unknown_claim_is_invalid_request(dsop: Dsop) -> None:
    grant = dsop.grant("bankruptcy", SCOPE, claims={"nbf": int(time.time())})

    status, body = _refusal(dsop, grant)

    assert status == 400
    assert body["error"] == "invalid_request"
    assert "nbf" in body["error_description"]


def test_wrong_grant_type_is_refused(dsop: Dsop) -> None:
    response = dsop.http.post(
        "/maskinporten/token",
        data={"grant_type": "client_credentials", "assertion": dsop.grant("estate", SCOPE)},
    )

    assert response.status_code == 400
    assert response.json()["error"] == "unsupported_grant_type"
