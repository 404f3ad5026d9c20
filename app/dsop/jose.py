"""Decryption of the banks' JWE answers, with an allow-list of algorithms.

The standard names only "JWE Compact Serialization"; the algorithms come from the protected
header. Key transport must be RSA-OAEP(-256) and content encryption AES-CBC-HMAC or AES-GCM;
`RSA1_5` and `dir` are refused (REFERENCE §2.4).
"""

from __future__ import annotations

import base64
import json

from joserfc import jwe
from joserfc.errors import JoseError
from joserfc.jwk import RSAKey

from app.dsop.errors import DecryptionError

KEY_ALGORITHMS = ("RSA-OAEP-256", "RSA-OAEP")
CONTENT_ALGORITHMS = ("A128CBC-HS256", "A256CBC-HS512", "A128GCM", "A256GCM")


class _Registry(jwe.JWERegistry):
    # A page of 1000 transactions is about a megabyte; the library's default cap is 64 KB.
    max_ciphertext_length = 256 * 1024 * 1024


_REGISTRY = _Registry(algorithms=[*KEY_ALGORITHMS, *CONTENT_ALGORITHMS])


def protected_header(token: bytes) -> dict[str, object]:
    head = token.split(b".", 1)[0]
    try:
        header = json.loads(base64.urlsafe_b64decode(head + b"=" * (-len(head) % 4)))
    except (ValueError, json.JSONDecodeError):
        raise DecryptionError("the answer is not a JWE in compact serialization") from None
    if not isinstance(header, dict):
        raise DecryptionError("the JWE header is not a JSON object")
    return header


def decrypt(token: bytes, key: RSAKey) -> bytes:
    """Decrypt a compact JWE and return its plaintext."""
    token = token.strip()
    if token.count(b".") != 4:
        raise DecryptionError("the answer is not a JWE in compact serialization (5 parts)")
    header = protected_header(token)
    if header.get("alg") not in KEY_ALGORITHMS:
        raise DecryptionError(f"JWE key algorithm {header.get('alg')!r} is not accepted")
    if header.get("enc") not in CONTENT_ALGORITHMS:
        raise DecryptionError(f"JWE content algorithm {header.get('enc')!r} is not accepted")
    try:
        return jwe.decrypt_compact(token, key, registry=_REGISTRY).plaintext or b""
    except (JoseError, ValueError) as error:
        raise DecryptionError(
            "the JWE could not be decrypted with our key (encrypted for another certificate?)"
            f": {type(error).__name__}"
        ) from None
