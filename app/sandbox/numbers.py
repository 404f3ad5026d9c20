"""Norwegian identifiers in the synthetic world: checking and minting them.

Synthetic national ids add 80 to the month (Tenor style, `21879010184` is born 21.07.1990);
D-numbers add 40 to the day. python-stdnum rejects such dates, so the check digits are computed
with its helpers and the date is checked here after taking the offsets away.
"""

from __future__ import annotations

import hashlib
from datetime import date

from stdnum.no import fodselsnummer, kontonr, orgnr


def is_org_number(value: str) -> bool:
    """A 9-digit organisation number with a valid MOD11 check digit."""
    return len(value) == 9 and value.isdigit() and orgnr.is_valid(value)


def birth_date(value: str) -> date | None:
    """The birth date carried by an 11-digit national id, or None when it carries none."""
    day, month, year = int(value[0:2]), int(value[2:4]), int(value[4:6])
    individual = int(value[6:9])
    if day > 40:
        day -= 40
    if month > 80:
        month -= 80
    elif month > 40:
        month -= 40
    if individual < 500:
        year += 1900
    elif individual < 750 and year >= 54:
        year += 1800
    elif individual < 1000 and year < 40:
        year += 2000
    elif individual >= 900 and year >= 40:
        year += 1900
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def is_national_id(value: str) -> bool:
    """An 11-digit national id or D-number (real or Tenor-synthetic) with valid check digits."""
    if len(value) != 11 or not value.isdigit():
        return False
    if fodselsnummer.calc_check_digit1(value[:9]) != value[9]:
        return False
    if fodselsnummer.calc_check_digit2(value[:10]) != value[10]:
        return False
    return birth_date(value) is not None


def is_party_id(value: str) -> bool:
    """Whether a control object id (PartyID, CustomerID) is well formed."""
    return is_national_id(value) or is_org_number(value)


def is_person(value: str) -> bool:
    return len(value) == 11


def is_account_number(value: str) -> bool:
    return len(value) == 11 and value.isdigit() and kontonr.is_valid(value)


def seed_int(*parts: object) -> int:
    """A stable 64-bit seed from any parts; the same parts give the same seed in every run."""
    text = "|".join(str(part) for part in parts).encode("utf-8")
    return int.from_bytes(hashlib.sha256(text).digest()[:8], "big")


def mint_account_number(prefix: str, serial: int) -> str:
    """An 11-digit account number `prefix + serial + check digit`, skipping invalid serials."""
    width = 10 - len(prefix)
    while True:
        body = f"{prefix}{serial % 10**width:0{width}d}"
        weights = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
        remainder = sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11
        check = (11 - remainder) % 11
        if check != 10:
            return f"{body}{check}"
        serial += 1


def mint_org_number(serial: int) -> str:
    """A synthetic organisation number in the 999xxxxxx series with a valid check digit."""
    while True:
        body = f"999{serial % 100000:05d}"
        weights = (3, 2, 7, 6, 5, 4, 3, 2)
        remainder = sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11
        check = (11 - remainder) % 11
        if check != 10:
            return f"{body}{check}"
        serial += 1


def mint_national_id(seed: int) -> str:
    """A Tenor-style synthetic national id (month + 80) with valid check digits."""
    attempt = seed
    while True:
        year = 1940 + attempt % 65
        month = 1 + (attempt // 7) % 12
        day = 1 + (attempt // 13) % 28
        individual = (attempt // 31) % 500 if year < 2000 else 500 + (attempt // 31) % 499
        body = f"{day:02d}{month + 80:02d}{year % 100:02d}{individual:03d}"
        first = fodselsnummer.calc_check_digit1(body)
        if len(first) == 1:
            second = fodselsnummer.calc_check_digit2(body + first)
            if len(second) == 1:
                return body + first + second
        attempt += 1
