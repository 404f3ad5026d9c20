"""Invented names and counterparties of the synthetic world, chosen deterministically by seed.

No real person, company, merchant or agency appears: names are compositions of ordinary first
names with made-up surnames, and company names are made-up words. Organisation, account and
national ids are minted in the synthetic series with valid check digits.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from app.sandbox.numbers import (
    birth_date,
    is_person,
    mint_account_number,
    mint_national_id,
    mint_org_number,
    seed_int,
)
from app.sandbox.registry import SEEDED_NAMES

FIRST_NAMES = (
    "Ola",
    "Kari",
    "Per",
    "Anne",
    "Lars",
    "Ingrid",
    "Knut",
    "Solveig",
    "Nils",
    "Astrid",
    "Erik",
    "Marit",
    "Jon",
    "Hilde",
    "Tor",
    "Randi",
    "Arne",
    "Liv",
    "Bjørn",
    "Turid",
    "Emma",
    "Noah",
    "Nora",
    "Jakob",
    "Sofie",
    "Filip",
    "Ella",
    "Lukas",
    "Maja",
    "Emil",
)
MIDDLE_NAMES = ("Fiktiv", "Syntetisk", "Prøve", "Eksempel", "Demo", "Test")
SURNAMES = (
    "Testesen",
    "Prøvesen",
    "Eksempelsen",
    "Fiktivdal",
    "Syntetland",
    "Demostad",
    "Prøvelid",
    "Testmo",
    "Oppdiktum",
    "Simulasen",
    "Modellsen",
    "Kopiberg",
)
NAME_WORDS = (
    "FJELLBØLGE",
    "LYNGHEIM",
    "NORDLYSET",
    "SKOGSTJERNE",
    "ELVEKANT",
    "KVARTSBERG",
    "SØLVSTRAND",
    "MYRTIND",
    "STEINHAVN",
    "TINDEVIK",
    "BREDALEN",
    "KVITSKJÆR",
)
TRADES = (
    "BYGG",
    "RØR",
    "ELEKTRO",
    "TRANSPORT",
    "REGNSKAP",
    "MALING",
    "TRELAST",
    "VERKTØY",
    "CATERING",
    "DATA",
    "EIENDOM",
    "RENHOLD",
)
STREETS = (
    "Prøvegata",
    "Eksempelveien",
    "Fiktivgata",
    "Syntetisk allé",
    "Demoveien",
    "Testbakken",
)
TOWNS = (
    ("0150", "OSLO"),
    ("5003", "BERGEN"),
    ("7010", "TRONDHEIM"),
    ("9008", "TROMSØ"),
    ("2317", "HAMAR"),
    ("6002", "ÅLESUND"),
    ("8006", "BODØ"),
    ("4610", "KRISTIANSAND"),
)


@dataclass(frozen=True)
class Counterparty:
    """Someone the control object pays or is paid by."""

    name: str
    identifier: str
    is_person: bool
    account: str
    street: str | None = None
    building: str | None = None
    post_code: str | None = None
    town: str | None = None


def ascii_upper(text: str) -> str:
    """Upper-case ASCII as card embossing prints names: `Prøvesen` -> `PROVESEN`."""
    replaced = text.replace("ø", "o").replace("Ø", "O").replace("æ", "ae").replace("Æ", "AE")
    decomposed = unicodedata.normalize("NFKD", replaced)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).upper()


@lru_cache(maxsize=4096)
def party_name(party: str) -> str:
    """The name a bank holds for a control object."""
    if party in SEEDED_NAMES:
        return SEEDED_NAMES[party]
    rng = random.Random(seed_int("party-name", party))
    if is_person(party):
        return f"{rng.choice(FIRST_NAMES)} {rng.choice(MIDDLE_NAMES)} {rng.choice(SURNAMES)}"
    return f"{rng.choice(NAME_WORDS)} {rng.choice(TRADES)} AS"


def card_holder_name(party: str) -> str:
    parts = party_name(party).split()
    if len(parts) >= 3:
        return ascii_upper(f"{parts[0]} {parts[1][0]} {parts[-1]}")
    return ascii_upper(party_name(party))


def age_on(party: str, day: date) -> int | None:
    born = birth_date(party) if is_person(party) else None
    if born is None:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _address(rng: random.Random) -> tuple[str, str, str, str]:
    post_code, town = rng.choice(TOWNS)
    return rng.choice(STREETS), str(rng.randint(1, 120)), post_code, town


def _org(name: str, org_number: str, rng: random.Random) -> Counterparty:
    street, building, post_code, town = _address(rng)
    account = mint_account_number("99903", rng.randint(0, 99999))
    return Counterparty(name, org_number, False, account, street, building, post_code, town)


# Fixed counterparties from examples/README.md, and invented agency-like payees.
PENSION_FUND = Counterparty(
    "Fiktiv Pensjonskasse",
    "999000061",
    False,
    "99903000011",
    "Prøvegata",
    "12",
    "0150",
    "OSLO",
)
LANDLORD = Counterparty(
    "Demo Husleie AS", "999000088", False, "99903000038", "Eksempelveien", "3", "5003", "BERGEN"
)
FUNERAL_AGENCY = Counterparty(
    "Eksempel Begravelsesbyrå AS",
    "999000118",
    False,
    mint_account_number("99903", 118),
    "Fiktivgata",
    "7",
    "0150",
    "OSLO",
)


def _fixed(name: str, serial: int) -> Counterparty:
    return _org(name, mint_org_number(serial), random.Random(seed_int("fixed", name)))


TAX_COLLECTOR = _fixed("Syntetisk Skatteinnkreving", 501)
VAT_COLLECTOR = _fixed("Fiktiv Avgiftsinnkreving", 502)
UTILITIES = (
    _fixed("Fiktiv Kraft AS", 511),
    _fixed("Syntetisk Mobil AS", 512),
    _fixed("Prøve Forsikring ASA", 513),
    _fixed("Demo Bredbånd AS", 514),
    _fixed("Eksempel Boligbyggelag", 515),
    _fixed("Testdal Fjernvarme AS", 516),
)
BUSINESS_LANDLORD = _fixed("Demo Næringseiendom AS", 520)

GROCERS = (
    "MATKROKEN",
    "DAGLIGVAREHUSET",
    "NÆRBUTIKKEN PRØVE",
    "KORNMO MAT",
    "BUTIKKEN EKSEMPEL",
    "LAVPRIS SYNTETISK",
    "FERSKVARE DEMO",
)
SHOPS = (
    "KAFFEBØNNA",
    "PIZZAHJØRNET",
    "DRIVSTOFF TESTSTASJON",
    "APOTEK FIKTIV",
    "KLESLOFTET",
    "SPORTSBUA DEMO",
    "BOKHANDEL SYNTETISK",
    "BYGGVARE PRØVE",
    "KINO EKSEMPEL",
    "TAXI FIKTIV",
    "BAKERI EKSEMPEL",
    "ELEKTROBUA TEST",
)
FOREIGN_SHOPS = (
    ("CAFE EXEMPLO LISBOA", "EUR", "11.70"),
    ("KAFE PROVSTAD STOCKHOLM", "SEK", "1.01"),
    ("BAGERI EKSEMPEL KOBENHAVN", "DKK", "1.57"),
    ("DINER SAMPLETOWN NEW YORK", "USD", "10.80"),
    ("PUB EXAMPLE LONDON", "GBP", "13.60"),
    ("TRATTORIA FITTIZIA ROMA", "EUR", "11.70"),
)


@lru_cache(maxsize=20000)
def company(seed: int) -> Counterparty:
    """An invented company (customer, supplier, employer) for a seed."""
    rng = random.Random(seed)
    name = f"{rng.choice(NAME_WORDS).title()} {rng.choice(TRADES).title()} AS"
    return _org(name, mint_org_number(1000 + seed % 90000), rng)


@lru_cache(maxsize=20000)
def person(seed: int) -> Counterparty:
    """An invented private person with a synthetic national id."""
    rng = random.Random(seed)
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
    account = mint_account_number("99903", rng.randint(0, 99999))
    street, building, post_code, town = _address(rng)
    national_id = mint_national_id(seed)
    return Counterparty(name, national_id, True, account, street, building, post_code, town)
