"""The running sandbox world: settings, certificates, registers, token service, faults and the
request log, plus the bank-side codecs for opaque account references and paging cursors.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import struct
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from app.sandbox.banks import Bank
from app.sandbox.faults import Faults
from app.sandbox.oslo import OSLO
from app.sandbox.pki import Pki, ensure_pki
from app.sandbox.recorder import RequestRecorder
from app.sandbox.registry import Registry
from app.sandbox.tokens import TokenService

DEFAULT_LATENCY_MS = 20
DEFAULT_PAGE_SIZE = 1000


@dataclass(frozen=True)
class Settings:
    """How this sandbox run behaves."""

    today: date | None = None
    latency_ms: int = DEFAULT_LATENCY_MS
    page_size: int = DEFAULT_PAGE_SIZE
    plain_json_allowed: bool = False
    strict_mandate: bool = True


class World:
    """Everything the HTTP handlers share."""

    def __init__(self, state_dir: Path, base_url: str, settings: Settings, faults: Faults):
        self.state_dir = state_dir
        self.base_url = base_url.rstrip("/")
        self.settings = settings
        self.pki: Pki = ensure_pki(state_dir)
        self.registry = Registry.open(state_dir)
        self.tokens = TokenService(self.pki, f"{self.base_url}/maskinporten/")
        self.faults = faults
        self.recorder = RequestRecorder()

    def today(self) -> date:
        """The business date in Norway: fixed by `--today`, else the real one."""
        return self.settings.today or datetime.now(OSLO).date()

    def bank_base_url(self, bank: Bank) -> str:
        return f"{self.base_url}{bank.base_path}"

    def freeze_for(self, party: str) -> tuple[date | None, str | None]:
        """The register fact that changes the party's account activity, if any."""
        death = self.registry.death_date(party)
        if death is not None:
            return death, "death"
        ruling = self.registry.ruling_date(party)
        if ruling is not None:
            return ruling, "ruling"
        return None, None


class UnknownReference(ValueError):
    """An account reference or cursor this bank did not issue."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise UnknownReference("not base64url") from None


def encode_reference(bank: Bank, party: str, index: int) -> str:
    """An opaque account reference: one AES block under the bank's own key, so it cannot be
    read back to the account number, but the bank can read it without keeping state."""
    tag = hmac.new(bank.secret, f"ref|{party}|{index}".encode(), hashlib.sha256).digest()[:8]
    block = struct.pack(">B5sH", len(party), int(party).to_bytes(5, "big"), index) + tag
    encryptor = Cipher(algorithms.AES(bank.secret[:16]), modes.ECB()).encryptor()
    return _b64(encryptor.update(block) + encryptor.finalize())


def decode_reference(bank: Bank, reference: str) -> tuple[str, int]:
    """The party and account index behind a reference this bank issued."""
    raw = _unb64(reference)
    if len(raw) != 16 or _b64(raw) != reference:
        raise UnknownReference("wrong length")
    decryptor = Cipher(algorithms.AES(bank.secret[:16]), modes.ECB()).decryptor()
    block = decryptor.update(raw) + decryptor.finalize()
    length, number, index = struct.unpack(">B5sH", block[:8])
    if length not in (9, 11):
        raise UnknownReference("unknown reference")
    party = f"{int.from_bytes(number, 'big'):0{length}d}"
    tag = hmac.new(bank.secret, f"ref|{party}|{index}".encode(), hashlib.sha256).digest()[:8]
    if not hmac.compare_digest(tag, block[8:]):
        raise UnknownReference("unknown reference")
    return party, index


def encode_cursor(bank: Bank, reference: str, first: date, last: date, offset: int) -> str:
    """An opaque paging cursor bound to the account and period it was issued for."""
    message = f"cursor|{reference}|{first}|{last}|{offset}".encode()
    tag = hmac.new(bank.secret, message, hashlib.sha256).digest()[:9]
    return _b64(struct.pack(">I", offset) + tag)


def decode_cursor(bank: Bank, cursor: str, reference: str, first: date, last: date) -> int:
    raw = _unb64(cursor)
    if len(raw) != 13:
        raise UnknownReference("malformed cursor")
    (offset,) = struct.unpack(">I", raw[:4])
    if not hmac.compare_digest(raw, _unb64(encode_cursor(bank, reference, first, last, offset))):
        raise UnknownReference("cursor does not belong to this account and period")
    return offset
