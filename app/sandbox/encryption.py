"""JWE compact encryption of Control API answers to the consumer's certificate (REFERENCE
§2.4): `RSA-OAEP-256` key wrapping with `A128CBC-HS256` content encryption, no `cty`.

joserfc refuses RSA-OAEP-256 unless it is allowed explicitly, and caps the ciphertext at
64 KB; a page of a thousand transactions is ten times that, so the registry here is larger.
"""

from __future__ import annotations

from functools import lru_cache

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from joserfc import jwe
from joserfc.jwk import RSAKey

ALGORITHM = "RSA-OAEP-256"
CONTENT_ENCRYPTION = "A128CBC-HS256"


class LargePayloadRegistry(jwe.JWERegistry):
    """A JWE registry that accepts answers of up to 64 MB."""

    max_ciphertext_length = 64 * 1024 * 1024


REGISTRY = LargePayloadRegistry(algorithms=[ALGORITHM, CONTENT_ENCRYPTION])


@lru_cache(maxsize=32)
def _public_key(certificate_der: bytes) -> RSAKey:
    certificate = x509.load_der_x509_certificate(certificate_der)
    pem = certificate.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return RSAKey.import_key(pem)


def encrypt_for(certificate: x509.Certificate, plaintext: bytes) -> str:
    """The compact JWE of `plaintext` that only the certificate's key holder can read."""
    key = _public_key(certificate.public_bytes(serialization.Encoding.DER))
    protected = {"alg": ALGORITHM, "enc": CONTENT_ENCRYPTION}
    return jwe.encrypt_compact(protected, plaintext, key, registry=REGISTRY)


def encrypt_to_key(public_key: rsa.RSAPublicKey, plaintext: bytes) -> str:
    pem = public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    protected = {"alg": ALGORITHM, "enc": CONTENT_ENCRYPTION}
    return jwe.encrypt_compact(protected, plaintext, RSAKey.import_key(pem), registry=REGISTRY)
