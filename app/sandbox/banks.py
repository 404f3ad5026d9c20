"""The institutions of the synthetic world and which of them know which control object.

Eight banks run a Control API v2, one is known only from KFR and lists a V1 API in the
directory, and one is a NICS bank with no API at all (the digital-letter path). Every control
object has owner relations with four to six API banks, chosen deterministically from its id;
some also have the KFR-only institution, the no-API bank, a role-only relation or a relation
that ended years ago, so that `onlyPrimaryOwner` and the period filter matter.
"""

from __future__ import annotations

import enum
import hashlib
import random
from dataclasses import dataclass
from datetime import date

from app.sandbox.numbers import is_person, seed_int


class HrefStyle(enum.StrEnum):
    """How a bank writes the relative `href` of its paging links (REFERENCE §4.9)."""

    FROM_BASE = "base"  # /accounts/REF/transactions?...
    FROM_HOST = "host"  # /banks/slug/v2/accounts/REF/transactions?...


@dataclass(frozen=True)
class Bank:
    org_number: str
    name: str
    slug: str
    prefix: str
    account_prefix: str
    api_version: str | None
    kfr_only: bool = False
    href_style: HrefStyle = HrefStyle.FROM_BASE

    @property
    def has_v2_api(self) -> bool:
        return self.api_version == "V2"

    @property
    def base_path(self) -> str:
        """The path of the bank's API base below the sandbox host, e.g. `/banks/x/v2`."""
        version = (self.api_version or "v2").lower()
        return f"/banks/{self.slug}/{version}"

    @property
    def secret(self) -> bytes:
        """The bank's own key for opaque references and cursors (stable across runs)."""
        return hashlib.sha256(f"boinnsyn-sandbox-bank|{self.org_number}".encode()).digest()


BANKS: tuple[Bank, ...] = (
    Bank("999000029", "Fjordbank Syntetisk ASA", "fjordbank", "FJB", "99901", "V2"),
    Bank(
        "999000037",
        "Testdal Sparebank",
        "testdal",
        "TDS",
        "99902",
        "V2",
        href_style=HrefStyle.FROM_HOST,
    ),
    Bank("999000134", "Nordvik Prøvebank ASA", "nordvik", "NPB", "99904", "V2"),
    Bank(
        "999000142",
        "Lillevik Fiktiv Sparebank",
        "lillevik",
        "LFS",
        "99905",
        "V2",
        href_style=HrefStyle.FROM_HOST,
    ),
    Bank("999000150", "Bergfjell Eksempelbank AS", "bergfjell", "BEB", "99906", "V2"),
    Bank(
        "999000169",
        "Sjøstrand Syntetisk Sparebank",
        "sjostrand",
        "SSS",
        "99907",
        "V2",
        href_style=HrefStyle.FROM_HOST,
    ),
    Bank("999000177", "Kystlinje Demobank ASA", "kystlinje", "KDB", "99908", "V2"),
    Bank(
        "999000185",
        "Innlandet Prøvesparebank",
        "innlandet",
        "IPS",
        "99909",
        "V2",
        href_style=HrefStyle.FROM_HOST,
    ),
    Bank(
        "999000045",
        "Eksempel Kreditt AS",
        "eksempel-kreditt",
        "EKK",
        "99910",
        "V1",
        kfr_only=True,
    ),
    Bank("999000126", "Syntetisk Sparebank Nord", "sparebank-nord", "SSN", "99911", None),
)

BANKS_BY_ORG = {bank.org_number: bank for bank in BANKS}
BANKS_BY_SLUG = {bank.slug: bank for bank in BANKS}
API_BANKS = tuple(bank for bank in BANKS if bank.has_v2_api)
KFR_BANK = BANKS_BY_ORG["999000045"]
NO_API_BANK = BANKS_BY_ORG["999000126"]
# Every control object banks with these two, like the examples do.
ANCHOR_BANKS = (BANKS_BY_ORG["999000029"], BANKS_BY_ORG["999000037"])


class Ownership(enum.StrEnum):
    PRIMARY_OWNER = "primaryOwner"
    NOT_PRIMARY_OWNER = "notPrimaryOwner"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Relation:
    """A customer relationship as KAR or KFR records it."""

    bank: Bank
    ownership: Ownership
    start: date
    end: date | None

    def overlaps(self, first: date, last: date) -> bool:
        return self.start <= last and (self.end is None or self.end >= first)


def owner_banks(party: str) -> list[Bank]:
    """The API banks where the party owns accounts today: four to six, stable per id."""
    rng = random.Random(seed_int("owner-banks", party))
    others = [bank for bank in API_BANKS if bank not in ANCHOR_BANKS]
    count = rng.randint(4, 6)
    chosen = list(ANCHOR_BANKS) + rng.sample(others, count - len(ANCHOR_BANKS))
    return sorted(chosen, key=lambda bank: bank.org_number)


def customer_since(bank: Bank, party: str) -> date:
    rng = random.Random(seed_int("customer-since", bank.org_number, party))
    return date(rng.randint(2008, 2019), rng.randint(1, 12), rng.randint(1, 28))


def ended_relation(party: str) -> Relation | None:
    """For some ids, an API bank the party left years ago (its accounts are closed)."""
    rng = random.Random(seed_int("ended-relation", party))
    if rng.random() >= 0.35:
        return None
    owned = owner_banks(party)
    candidates = [bank for bank in API_BANKS if bank not in owned]
    bank = rng.choice(candidates)
    start = date(rng.randint(2006, 2012), rng.randint(1, 12), rng.randint(1, 28))
    end = date(rng.randint(2019, 2022), rng.randint(1, 12), rng.randint(1, 28))
    return Relation(bank, Ownership.PRIMARY_OWNER, start, end)


def role_only_bank(party: str) -> Bank | None:
    """For some ids, an API bank where the party only has a role (e.g. disponent)."""
    rng = random.Random(seed_int("role-only", party))
    if rng.random() >= 0.3:
        return None
    excluded = set(owner_banks(party))
    ended = ended_relation(party)
    if ended:
        excluded.add(ended.bank)
    candidates = [bank for bank in API_BANKS if bank not in excluded]
    return rng.choice(candidates) if candidates else None


def relations_for(party: str) -> list[Relation]:
    """Every relation KAR and KFR hold for the party, in organisation-number order."""
    rng = random.Random(seed_int("relations", party))
    relations = [
        Relation(bank, Ownership.PRIMARY_OWNER, customer_since(bank, party), None)
        for bank in owner_banks(party)
    ]
    ended = ended_relation(party)
    if ended:
        relations.append(ended)
    role_bank = role_only_bank(party)
    if role_bank:
        start = customer_since(role_bank, party)
        relations.append(Relation(role_bank, Ownership.NOT_PRIMARY_OWNER, start, None))
    # KFR works on person level only, and cannot tell what role the person has.
    if is_person(party) and rng.random() < 0.5:
        start = customer_since(KFR_BANK, party)
        relations.append(Relation(KFR_BANK, Ownership.UNKNOWN, start, None))
    if party == "999000010" or rng.random() < 0.5:
        start = customer_since(NO_API_BANK, party)
        relations.append(Relation(NO_API_BANK, Ownership.PRIMARY_OWNER, start, None))
    return sorted(relations, key=lambda r: r.bank.org_number)
