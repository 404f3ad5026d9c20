"""Synthetic account data: which accounts a control object has at a bank, their transactions
and their balances, generated deterministically from the ids alone.

Every month of every account has its own seed (bank, party, account, year, month) and a seeded
closing-balance target. The month's ordinary transactions are drawn from the seed, and one
balancing transfer makes the month end on its target, so a balance on any date is the previous
month's target plus that month's transactions: stable in every run, on every day. After a
bankruptcy ruling the accounts are blocked (money still comes in, nothing is moved out); after
a death pension still arrives and standing orders still run, but the cards are rarely used.
"""

from __future__ import annotations

import calendar
import enum
import random
import threading
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from app.dsop import models
from app.sandbox import people
from app.sandbox.banks import BANKS_BY_ORG, Bank, customer_since, ended_relation, owner_banks
from app.sandbox.numbers import is_person, mint_account_number, seed_int
from app.sandbox.oslo import OSLO
from app.sandbox.people import Counterparty

CENT = Decimal("0.01")
HISTORY_START = date(2008, 1, 1)


class Kind(enum.StrEnum):
    EVERYDAY = "everyday"
    SAVINGS = "savings"
    DEPOSIT = "deposit"
    LOAN = "loan"
    CARD = "card"
    TAX = "tax"
    CLIENT = "client"
    CURRENCY = "currency"
    PREPAID = "prepaid"


_ACCOUNT_TYPES = {
    (Kind.EVERYDAY, True): models.AccountType.SALARY,
    (Kind.EVERYDAY, False): models.AccountType.BUSINESS,
    Kind.SAVINGS: models.AccountType.SAVINGS,
    Kind.DEPOSIT: models.AccountType.SAVINGS,
    Kind.LOAN: models.AccountType.LOAN,
    Kind.CARD: models.AccountType.CREDIT_CARD,
    Kind.TAX: models.AccountType.TAX_DEDUCTION,
    Kind.CLIENT: models.AccountType.CLIENT,
    Kind.CURRENCY: models.AccountType.CURRENCY,
    Kind.PREPAID: models.AccountType.PREPAID_CARD,
}


@dataclass(frozen=True)
class CardInfo:
    """A payment card linked to an account."""

    masked_number: str
    holder: str
    start: str
    expiry: str
    card_type: models.CardType
    version: str


@dataclass(frozen=True)
class AccountPlan:
    """An account of one party at one bank, as the bank's core system would hold it."""

    bank_org: str
    party: str
    index: int
    number: str
    kind: Kind
    account_type: models.AccountType
    currency: str
    start: date
    end: date | None
    activity: int
    level: Decimal
    credit_line: Decimal | None
    card: CardInfo | None
    guardian_may_dispose: bool
    term_months: int = 0

    def closed_by(self, day: date) -> bool:
        return self.end is not None and self.end <= day

    def visible_end(self, today: date) -> date | None:
        """The closing date as known on `today` (a scheduled closing is not yet a fact)."""
        return self.end if self.closed_by(today) else None

    def overlaps(self, first: date, last: date) -> bool:
        return self.start <= last and (self.end is None or self.end >= first)


@dataclass(slots=True)
class Tx:
    """A transaction before it is turned into the wire model."""

    ident: str
    day: date
    seq: int
    amount: Decimal
    category: str
    code: tuple[str, str, str, str]
    info: str | None = None
    counterparty: Counterparty | None = None
    references: tuple[tuple[str, str], ...] = ()
    merchant: str | None = None
    card: CardInfo | None = None
    exchange: tuple[Decimal, str, Decimal] | None = None
    reversal: bool = False
    registered: datetime | None = None
    value_day: date | None = None
    pending_capable: bool = False
    wire: dict | None = field(default=None, repr=False)


MONTHS = (
    "januar", "februar", "mars", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "desember",
)  # fmt: skip
"""Month names as Norwegian banks write them, whatever the machine's locale."""


# -- bank transaction codes (REFERENCE §5.7) ------------------------------------------------

CARD_PURCHASE = ("payments", "customerCardTransactions", "pointOfSalePosPayment", "Varekjøp")
VISA_PURCHASE = ("payments", "customerCardTransactions", "pointOfSalePosPayment", "Visa Varekjøp")
CARD_REVERSAL = (
    "payments",
    "customerCardTransactions",
    "reversalDueToPaymentCancellationRequest",
    "Tilbakeføring varekjøp",
)
CASH_WITHDRAWAL = ("payments", "customerCardTransactions", "cashWithdrawal", "Minibank")
GIRO_IN = ("payments", "receivedCreditTransfers", "domesticCreditTransfer", "Overføring")
SALARY_IN = ("payments", "receivedCreditTransfers", "domesticCreditTransfer", "Lønn")
PENSION_IN = ("payments", "receivedCreditTransfers", "domesticCreditTransfer", "Pensjon")
OCR_IN = (
    "payments",
    "receivedCreditTransfers",
    "creditTransferWithAgreedCommercialInformation",
    "OCR-innbetaling",
)
NETTGIRO = ("payments", "issuedCreditTransfers", "domesticCreditTransfer", "Nettgiro")
EFAKTURA = ("payments", "issuedCreditTransfers", "domesticCreditTransfer", "eFaktura")
AVTALEGIRO = ("payments", "issuedDirectDebits", "directDebitPayment", "Avtalegiro")
STANDING_ORDER = ("payments", "issuedCreditTransfers", "standingOrder", "Fast oppdrag")
REMITTANCE = ("payments", "issuedCreditTransfers", "domesticCreditTransfer", "Remittering")
WAGES_OUT = ("payments", "issuedCreditTransfers", "domesticCreditTransfer", "Lønn")
TAXES_OUT = ("payments", "issuedCreditTransfers", "taxes", "Skattetrekk")
VAT_OUT = ("payments", "issuedCreditTransfers", "taxes", "Merverdiavgift")
INSTANT_OUT = ("payments", "issuedCreditTransfers", "sameDayValueCreditTransfer", "Straksbetaling")
INSTANT_IN = (
    "payments",
    "receivedCreditTransfers",
    "sameDayValueCreditTransfer",
    "Straksutbetaling",
)
OWN_OUT = ("payments", "issuedCreditTransfers", "domesticCreditTransfer", "Overføring egen konto")
OWN_IN = ("payments", "receivedCreditTransfers", "domesticCreditTransfer", "Overføring egen konto")
FEE = ("accountManagement", "miscellaneousDebitOperations", "fees", "Gebyr")
INTEREST_IN = ("accountManagement", "miscellaneousCreditOperations", "interestsGeneric", "Renter")
INTEREST_OUT = ("accountManagement", "miscellaneousDebitOperations", "interestsGeneric", "Renter")
LOAN_INSTALMENT = ("payments", "receivedCreditTransfers", "principalPayment", "Innbetaling lån")
LOAN_PAYOUT = ("payments", "issuedCreditTransfers", "domesticCreditTransfer", "Utbetaling lån")
CARD_SETTLEMENT = (
    "payments",
    "receivedCreditTransfers",
    "creditCardPayment",
    "Innbetaling kredittkort",
)
CURRENCY_BUY = ("foreignExchange", "receivedCreditTransfers", "domesticCreditTransfer", "Valuta")
TOP_UP = ("payments", "receivedCreditTransfers", "topping", "Påfylling")
CLOSING = ("accountManagement", "openingAndClosing", "accountClosing", "Kontoavslutning")

# Which kinds of transaction still happen after a freeze (REFERENCE §8.1 expectations).
_AFTER_RULING = frozenset({"income", "pension", "customer", "client_in", "interest", "fee"})
_AFTER_DEATH = frozenset({"pension", "standing", "fee", "interest", "loan", "funeral", "own"})


def _money(value: float | Decimal) -> Decimal:
    return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _month_bounds(index: int) -> tuple[date, date]:
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _card(rng: random.Random, party: str, card_type: models.CardType) -> CardInfo:
    issued = rng.randint(2021, 2024)
    month = rng.randint(1, 12)
    return CardInfo(
        masked_number=f"999999XXXXXX{rng.randint(0, 9999):04d}",
        holder=people.card_holder_name(party),
        start=f"{issued}-{month:02d}",
        expiry=f"{issued + 4}-{month:02d}",
        card_type=card_type,
        version=str(rng.randint(1, 3)),
    )


# -- accounts ------------------------------------------------------------------------------


@lru_cache(maxsize=2048)
def accounts_at(bank_org: str, party: str) -> tuple[AccountPlan, ...]:
    """Every account the party owns or owned at the bank, in a stable order."""
    bank = BANKS_BY_ORG[bank_org]
    owned = owner_banks(party)
    personal = is_person(party)
    plans: list[AccountPlan] = []
    serials: set[str] = set()

    def add(kind: Kind, start: date, end: date | None, rng: random.Random, **extra) -> None:
        index = extra.pop("index", len(plans))
        serial = seed_int("account-number", bank_org, party, index)
        number = mint_account_number(bank.account_prefix, serial)
        while number in serials:
            serial += 1
            number = mint_account_number(bank.account_prefix, serial)
        serials.add(number)
        key = kind if kind is not Kind.EVERYDAY else (kind, personal)
        plans.append(
            AccountPlan(
                bank_org=bank_org,
                party=party,
                index=index,
                number=number,
                kind=kind,
                account_type=_ACCOUNT_TYPES[key],
                currency=extra.pop("currency", "NOK"),
                start=start,
                end=end,
                activity=extra.pop("activity", 0),
                level=_money(extra.pop("level", 0)),
                credit_line=extra.pop("credit_line", None),
                card=extra.pop("card", None),
                guardian_may_dispose=kind
                in (Kind.EVERYDAY, Kind.SAVINGS, Kind.CURRENCY, Kind.PREPAID),
                term_months=extra.pop("term_months", 0),
            )
        )

    if bank in owned:
        rng = random.Random(seed_int("accounts", bank_org, party))
        since = customer_since(bank, party)
        main = owned[seed_int("main-bank", party) % len(owned)] == bank

        def opened() -> date:
            latest = max(since, min(date(2022, 12, 1), since + timedelta(days=rng.randint(0, 900))))
            return latest.replace(day=min(latest.day, 28))

        if personal:
            _person_accounts(add, rng, since, opened, main, party)
        else:
            _company_accounts(add, rng, since, opened, main, party)
        if owned[seed_int("deposit-bank", party) % len(owned)] == bank:
            _deposit_terms(add, rng, since)

    ended = ended_relation(party)
    if ended is not None and ended.bank.org_number == bank_org:
        rng = random.Random(seed_int("ended-accounts", bank_org, party))
        card = _card(rng, party, models.CardType.DEBIT) if personal else None
        add(
            Kind.EVERYDAY,
            ended.start,
            ended.end,
            rng,
            activity=40 if personal else 80,
            level=rng.randint(5000, 40000),
            card=card,
        )
    return tuple(plans)


def _person_accounts(add, rng, since, opened, main, party) -> None:
    debit_card = _card(rng, party, models.CardType.DEBIT)
    if main:
        add(
            Kind.EVERYDAY,
            since,
            None,
            rng,
            activity=rng.randint(95, 125),
            level=rng.randint(8000, 45000),
            card=debit_card,
        )
        add(Kind.SAVINGS, opened(), None, rng, level=rng.randint(20000, 300000))
        if rng.random() < 0.75:
            line = Decimal(rng.choice((20000, 30000, 50000)))
            add(
                Kind.CARD,
                opened(),
                None,
                rng,
                activity=rng.randint(25, 40),
                level=line,
                credit_line=line,
                card=_card(rng, party, models.CardType.CREDIT),
            )
        if rng.random() < 0.5:
            add(
                Kind.LOAN,
                date(rng.randint(2012, 2021), rng.randint(1, 12), 15),
                None,
                rng,
                level=rng.randint(1_200_000, 4_000_000),
                term_months=300,
            )
        if rng.random() < 0.25:
            add(
                Kind.CURRENCY,
                opened(),
                None,
                rng,
                currency="EUR",
                activity=6,
                level=rng.randint(300, 4000),
            )
        return
    options = [Kind.EVERYDAY, Kind.SAVINGS, Kind.CARD, Kind.LOAN, Kind.PREPAID]
    chosen = rng.sample(options, rng.randint(1, 3))
    for kind in sorted(chosen, key=options.index):
        if kind is Kind.EVERYDAY:
            add(
                kind,
                since,
                None,
                rng,
                activity=rng.randint(20, 35),
                level=rng.randint(2000, 15000),
                card=_card(rng, party, models.CardType.DEBIT),
            )
        elif kind is Kind.SAVINGS:
            add(kind, opened(), None, rng, level=rng.randint(5000, 150000))
        elif kind is Kind.CARD:
            line = Decimal(rng.choice((10000, 15000, 25000)))
            add(
                kind,
                opened(),
                None,
                rng,
                activity=rng.randint(12, 25),
                level=line,
                credit_line=line,
                card=_card(rng, party, models.CardType.CREDIT),
            )
        elif kind is Kind.LOAN:
            add(
                kind,
                date(rng.randint(2019, 2022), rng.randint(1, 12), 20),
                None,
                rng,
                level=rng.randint(80_000, 350_000),
                term_months=96,
            )
        else:
            add(
                kind,
                opened(),
                None,
                rng,
                activity=rng.randint(5, 12),
                level=rng.randint(1500, 3000),
                card=_card(rng, party, models.CardType.DEBIT),
            )


def _company_accounts(add, rng, since, opened, main, party) -> None:
    business_card = _card(rng, party, models.CardType.DEBIT)
    if main:
        add(
            Kind.EVERYDAY,
            since,
            None,
            rng,
            activity=rng.randint(240, 300),
            level=rng.randint(150_000, 900_000),
            card=business_card,
        )
        add(Kind.TAX, since, None, rng, level=rng.randint(60_000, 240_000))
        add(Kind.SAVINGS, opened(), None, rng, level=rng.randint(100_000, 1_500_000))
        if rng.random() < 0.6:
            add(
                Kind.LOAN,
                date(rng.randint(2015, 2021), rng.randint(1, 12), 20),
                None,
                rng,
                level=rng.randint(500_000, 5_000_000),
                term_months=120,
            )
        if rng.random() < 0.5:
            line = Decimal(rng.choice((50000, 100000)))
            add(
                Kind.CARD,
                opened(),
                None,
                rng,
                activity=rng.randint(20, 35),
                level=line,
                credit_line=line,
                card=_card(rng, party, models.CardType.CREDIT),
            )
        return
    options = [Kind.EVERYDAY, Kind.CLIENT, Kind.SAVINGS, Kind.LOAN, Kind.CARD]
    chosen = rng.sample(options, rng.randint(1, 3))
    if Kind.EVERYDAY not in chosen and rng.random() < 0.7:
        chosen.append(Kind.EVERYDAY)
    for kind in sorted(chosen, key=options.index):
        if kind is Kind.EVERYDAY:
            add(
                kind,
                since,
                None,
                rng,
                activity=rng.randint(75, 115),
                level=rng.randint(40_000, 300_000),
                card=_card(rng, party, models.CardType.DEBIT),
            )
        elif kind is Kind.CLIENT:
            add(
                kind,
                opened(),
                None,
                rng,
                activity=rng.randint(15, 30),
                level=rng.randint(100_000, 900_000),
            )
        elif kind is Kind.SAVINGS:
            add(kind, opened(), None, rng, level=rng.randint(50_000, 800_000))
        elif kind is Kind.LOAN:
            add(
                kind,
                date(rng.randint(2016, 2022), rng.randint(1, 12), 20),
                None,
                rng,
                level=rng.randint(300_000, 3_000_000),
                term_months=84,
            )
        else:
            line = Decimal(rng.choice((25000, 50000)))
            add(
                kind,
                opened(),
                None,
                rng,
                activity=rng.randint(15, 25),
                level=line,
                credit_line=line,
                card=_card(rng, party, models.CardType.CREDIT),
            )


def _deposit_terms(add, rng, since) -> None:
    """Twelve-month fixed-rate deposits renewed every year, each a new account number, so that
    every party has an account that closed within the last year."""
    anchor_month, anchor_day = rng.randint(1, 12), rng.randint(1, 28)
    level = rng.randint(50_000, 400_000)
    for year in range(max(2016, since.year + 1), 2041):
        start = date(year, anchor_month, anchor_day)
        end = date(year + 1, anchor_month, anchor_day)
        add(Kind.DEPOSIT, start, end, rng, index=100 + year - 2016, level=level)


# -- transactions --------------------------------------------------------------------------


class _Month:
    """Collects one month's transactions of one account."""

    def __init__(self, plan: AccountPlan, index: int) -> None:
        self.plan = plan
        self.first, self.last = _month_bounds(index)
        self.window_first = max(self.first, plan.start)
        self.window_last = min(self.last, plan.end) if plan.end else self.last
        self.rng = random.Random(seed_int("month", plan.bank_org, plan.party, plan.number, index))
        self.bank = BANKS_BY_ORG[plan.bank_org]
        self.txs: list[Tx] = []
        self._tag = f"{self.first:%y%m}{plan.index:03d}"

    def day(self, number: int) -> date | None:
        """The given day of the month moved back to a weekday, if inside the account's window."""
        wanted = self.first.replace(day=min(number, self.last.day))
        while wanted.weekday() >= 5:
            wanted -= timedelta(days=1)
        if wanted < self.first:
            wanted = self.first.replace(day=min(number, self.last.day))
        return wanted if self.window_first <= wanted <= self.window_last else None

    def random_day(self) -> date:
        span = (self.window_last - self.window_first).days
        return self.window_first + timedelta(days=self.rng.randint(0, max(span, 0)))

    def add(self, day: date | None, amount: Decimal, category: str, code, **fields) -> Tx | None:
        if day is None or amount == 0:
            return None
        seq = len(self.txs)
        ident = f"{self.bank.prefix}-{self._tag}{seq:04d}-{self.rng.randint(0, 0xFFFFFF):06X}"
        registered = fields.pop("registered", None)
        if registered is None:
            at = time(self.rng.randint(7, 21), self.rng.randint(0, 59), self.rng.randint(0, 59))
            registered = datetime.combine(day, at, OSLO)
        tx = Tx(
            ident=ident,
            day=day,
            seq=seq,
            amount=amount,
            category=category,
            code=code,
            registered=registered,
            **fields,
        )
        self.txs.append(tx)
        return tx

    def reference(self, kind: str, prefix: str) -> tuple[str, str]:
        return (kind, f"{prefix}{self.rng.randint(10_000_000, 99_999_999)}")

    def kid(self) -> tuple[str, str]:
        return ("remittanceReference", f"{self.rng.randint(10**9, 10**10 - 1)}")


def _card_purchase(g: _Month, shops, low: int, high: int, *, card_code=CARD_PURCHASE) -> None:
    plan = g.plan
    amount = _money(g.rng.uniform(low, high))
    day = g.random_day()
    merchant = f"{g.rng.choice(shops)} {g.rng.choice(people.TOWNS)[1]}"
    tx = g.add(
        day,
        -amount,
        "card",
        card_code,
        merchant=merchant,
        card=plan.card,
        references=(g.reference("otherReference", "POS-"),),
        info=merchant,
        value_day=day - timedelta(days=g.rng.randint(0, 1)),
        pending_capable=True,
    )
    if tx is not None and g.rng.random() < 0.02:
        later = min(day + timedelta(days=g.rng.randint(1, 5)), g.window_last)
        g.add(
            later,
            amount,
            "reversal",
            CARD_REVERSAL,
            merchant=merchant,
            card=plan.card,
            references=(g.reference("otherReference", "REV-"),),
            reversal=True,
            info=f"Tilbakeført {merchant}",
        )


def _foreign_purchase(g: _Month) -> None:
    name, currency, rate_text = g.rng.choice(people.FOREIGN_SHOPS)
    rate = (Decimal(rate_text) * Decimal(str(1 + g.rng.uniform(-0.03, 0.03)))).quantize(
        Decimal("0.0001")
    )
    original = _money(g.rng.uniform(8, 300) * (10 if currency in ("SEK", "DKK") else 1))
    day = g.random_day()
    g.add(
        day,
        -_money(original * rate),
        "card",
        VISA_PURCHASE,
        merchant=name,
        card=g.plan.card,
        exchange=(original, currency, rate),
        info=name,
        pending_capable=True,
        references=(g.reference("otherReference", "POS-"),),
        value_day=day - timedelta(days=1),
    )


def _everyday_person(g: _Month, death: date | None) -> None:
    plan, rng = g.plan, g.rng
    a = plan.activity
    pensioner = (people.age_on(plan.party, g.first) or 0) >= 67
    main = a > 60
    income = _money(rng.uniform(28000, 38000) if pensioner else rng.uniform(32000, 52000))
    if main:
        payer = (
            people.PENSION_FUND
            if pensioner
            else people.company(seed_int("employer", plan.party) % 5000)
        )
        code, category = (PENSION_IN, "pension") if pensioner else (SALARY_IN, "income")
        g.add(
            g.day(20 if pensioner else 12),
            income,
            category,
            code,
            counterparty=payer,
            references=(g.reference("endToEndIdentification", "E2E-"),),
            info=f"{code[3]} {g.first:%m.%Y}",
        )
    if not main:
        g.add(
            g.day(1),
            _money(float(plan.level) * rng.uniform(0.5, 0.8)),
            "standing",
            OWN_IN,
            info="Fast overføring fra brukskonto",
            references=(g.reference("otherReference", "FO-"),),
        )
    if main:
        rent = _money(rng.uniform(9000, 14000))
        g.add(
            g.day(1),
            -rent,
            "standing",
            AVTALEGIRO,
            counterparty=people.LANDLORD,
            references=(("mandateIdentification", f"AG-{seed_int('ag', plan.party) % 10**8}"),),
            info=f"Husleie {MONTHS[g.first.month - 1]}",
        )
        for number, utility in enumerate(people.UTILITIES[:4]):
            bill = _money(rng.uniform(250, 1800))
            code = EFAKTURA if number == 0 else AVTALEGIRO
            g.add(
                g.day(5 + number * 5),
                -bill,
                "standing",
                code,
                counterparty=utility,
                references=(g.kid(),),
                info=f"{utility.name} {g.first:%m/%y}",
            )
        g.add(
            g.day(21),
            -_money(rng.choice((500, 1000, 2000, 3000))),
            "own",
            OWN_OUT,
            info="Fast overføring til sparekonto",
            references=(g.reference("otherReference", "FO-"),),
        )
    for _ in range(rng.randint(0, 3)):
        payee = people.company(rng.randint(0, 4999))
        g.add(
            g.random_day(),
            -_money(rng.uniform(150, 6000)),
            "giro",
            NETTGIRO,
            counterparty=payee,
            references=(g.kid(),),
            info=f"Faktura {payee.name}",
        )
    for _ in range(int(a * rng.uniform(0.45, 0.6))):
        _card_purchase(g, people.GROCERS, 29, 450)
    for _ in range(int(a * rng.uniform(0.15, 0.25))):
        _card_purchase(g, people.SHOPS, 35, 900)
    for _ in range(int(a * rng.uniform(0.0, 0.06))):
        _foreign_purchase(g)
    for _ in range(rng.randint(0, 2)):
        amount = _money(rng.choice((200, 500, 1000, 2000)))
        day = g.random_day()
        g.add(
            day,
            -amount,
            "cash",
            CASH_WITHDRAWAL,
            card=plan.card,
            merchant=f"MINIBANK {rng.choice(people.TOWNS)[1]}",
            references=(g.reference("otherReference", "ATM-"),),
            info="Kontantuttak",
        )
    for _ in range(int(a * rng.uniform(0.04, 0.1))):
        friend = people.person(seed_int("friend", plan.party, rng.randint(0, 7)))
        amount = _money(rng.uniform(50, 1500))
        if rng.random() < 0.5:
            g.add(
                g.random_day(),
                -amount,
                "p2p",
                INSTANT_OUT,
                counterparty=friend,
                info=f"Til {friend.name}",
            )
        else:
            g.add(
                g.random_day(),
                amount,
                "p2p",
                INSTANT_IN,
                counterparty=friend,
                info=f"Fra {friend.name}",
            )
    if rng.random() < 0.5:
        g.add(g.day(28), -_money(rng.choice((0, 15, 25, 35))), "fee", FEE, info="Kontohold")
    if death is not None and death <= g.window_last:
        paid = death + timedelta(days=14)
        if g.first <= paid <= g.window_last and main:
            g.add(
                paid,
                -_money(rng.uniform(25000, 45000)),
                "funeral",
                NETTGIRO,
                counterparty=people.FUNERAL_AGENCY,
                references=(g.kid(),),
                info="Begravelse faktura",
            )


def _everyday_company(g: _Month) -> None:
    plan, rng = g.plan, g.rng
    a = plan.activity
    main = a > 150
    for _ in range(int(a * rng.uniform(0.3, 0.4))):
        customer = people.company(seed_int("customer", plan.party, rng.randint(0, 60)))
        g.add(
            g.random_day(),
            _money(rng.uniform(1500, 30000) * (1 if main else 0.5)),
            "customer",
            OCR_IN,
            counterparty=customer,
            references=(g.kid(),),
            info=f"Innbetaling fra {customer.name}",
        )
    for _ in range(int(a * rng.uniform(0.25, 0.33))):
        supplier = people.company(seed_int("supplier", plan.party, rng.randint(0, 40)))
        g.add(
            g.random_day(),
            -_money(rng.uniform(500, 20000) * (1 if main else 0.5)),
            "supplier",
            REMITTANCE,
            counterparty=supplier,
            references=(("invoiceNumber", f"F{rng.randint(10000, 99999)}"),),
            info=f"Faktura {supplier.name}",
        )
    if main:
        employees = 4 + seed_int("employees", plan.party) % 12
        withheld = Decimal(0)
        for number in range(employees):
            employee = people.person(seed_int("employee", plan.party, number))
            gross = rng.uniform(38000, 62000)
            withheld += _money(gross * 0.32)
            g.add(
                g.day(20),
                -_money(gross * 0.68),
                "wages",
                WAGES_OUT,
                counterparty=employee,
                info=f"Lønn {g.first:%m.%Y}",
            )
        g.add(g.day(20), -withheld, "tax", OWN_OUT, info="Overføring skattetrekkskonto")
        g.add(
            g.day(1),
            -_money(plan.level * Decimal("0.08")),
            "rent",
            AVTALEGIRO,
            counterparty=people.BUSINESS_LANDLORD,
            references=(g.kid(),),
            info="Husleie lokaler",
        )
        if g.first.month % 2 == 1:
            g.add(
                g.day(10),
                -_money(rng.uniform(30000, 140000)),
                "vat",
                VAT_OUT,
                counterparty=people.VAT_COLLECTOR,
                references=(g.kid(),),
                info="Merverdiavgift termin",
            )
            g.add(
                g.day(15),
                -_money(rng.uniform(15000, 60000)),
                "tax",
                TAXES_OUT,
                counterparty=people.TAX_COLLECTOR,
                references=(g.kid(),),
                info="Arbeidsgiveravgift termin",
            )
    for _ in range(int(a * rng.uniform(0.15, 0.22))):
        _card_purchase(g, people.SHOPS, 80, 6000)
    for _ in range(int(a * rng.uniform(0.0, 0.02))):
        _foreign_purchase(g)
    g.add(g.day(28), -_money(rng.uniform(90, 850)), "fee", FEE, info="Gebyr betalinger")
    if g.first.month in (3, 6, 9, 12):
        g.add(g.day(31), _money(float(plan.level) * 0.002), "interest", INTEREST_IN, info="Renter")


def _client_account(g: _Month) -> None:
    plan, rng = g.plan, g.rng
    for _ in range(int(plan.activity * rng.uniform(0.5, 0.6))):
        client = people.person(seed_int("client", plan.party, rng.randint(0, 30)))
        g.add(
            g.random_day(),
            _money(rng.uniform(5000, 90000)),
            "client_in",
            GIRO_IN,
            counterparty=client,
            info=f"Klientmidler {client.name}",
        )
    for _ in range(int(plan.activity * rng.uniform(0.3, 0.4))):
        client = people.person(seed_int("client", plan.party, rng.randint(0, 30)))
        g.add(
            g.random_day(),
            -_money(rng.uniform(5000, 80000)),
            "client_out",
            NETTGIRO,
            counterparty=client,
            info=f"Utbetaling {client.name}",
        )


def _card_account(g: _Month) -> None:
    plan, rng = g.plan, g.rng
    for _ in range(int(plan.activity * rng.uniform(0.8, 1.1))):
        _card_purchase(g, people.SHOPS + people.GROCERS, 60, 3200, card_code=VISA_PURCHASE)
    for _ in range(int(plan.activity * rng.uniform(0.02, 0.08))):
        _foreign_purchase(g)
    if rng.random() < 0.3:
        g.add(
            g.day(28),
            -_money(rng.uniform(50, 400)),
            "interest",
            INTEREST_OUT,
            info="Renter kreditt",
        )


def _prepaid_account(g: _Month) -> None:
    for _ in range(int(g.plan.activity * g.rng.uniform(0.8, 1.2))):
        _card_purchase(g, people.SHOPS, 20, 120)


def _currency_account(g: _Month) -> None:
    for _ in range(g.rng.randint(1, max(2, g.plan.activity))):
        amount = _money(g.rng.uniform(5, 180))
        name = g.rng.choice([s for s in people.FOREIGN_SHOPS if s[1] == "EUR"])[0]
        g.add(
            g.random_day(),
            -amount,
            "card",
            CARD_PURCHASE,
            merchant=name,
            info=name,
            pending_capable=True,
            references=(g.reference("otherReference", "POS-"),),
        )


def _loan_account(g: _Month, opening_balance: Decimal) -> None:
    rate = Decimal("0.055") / 12
    interest = _money(abs(opening_balance) * rate)
    g.add(g.day(20), -interest, "loan", INTEREST_OUT, info="Renter lån")
    g.add(g.day(20), -Decimal(50), "fee", FEE, info="Termingebyr")


def _savings_account(g: _Month) -> None:
    if g.first.month == 12:
        interest = _money(float(g.plan.level) * 0.03)
        g.add(g.day(31), interest, "interest", INTEREST_IN, info="Årsrenter")
    if g.rng.random() < 0.1:
        g.add(
            g.random_day(),
            -_money(float(g.plan.level) * g.rng.uniform(0.02, 0.1)),
            "own",
            OWN_OUT,
            info="Uttak til brukskonto",
        )


def _tax_account(g: _Month) -> None:
    if g.first.month % 2 == 1:
        g.add(
            g.day(15),
            -_money(float(g.plan.level) * g.rng.uniform(0.9, 1.1)),
            "tax",
            TAXES_OUT,
            counterparty=people.TAX_COLLECTOR,
            references=(g.kid(),),
            info="Forskuddstrekk termin",
        )


_BALANCING = {
    Kind.EVERYDAY: (31, OWN_IN, OWN_OUT, "Overføring egen konto"),
    Kind.SAVINGS: (21, OWN_IN, OWN_OUT, "Fast overføring"),
    Kind.DEPOSIT: (31, INTEREST_IN, OWN_OUT, "Renter innskudd"),
    Kind.LOAN: (20, LOAN_INSTALMENT, LOAN_PAYOUT, "Innbetaling termin"),
    Kind.CARD: (31, CARD_SETTLEMENT, OWN_OUT, "Innbetaling kredittkort"),
    Kind.TAX: (20, OWN_IN, OWN_OUT, "Overføring skattetrekk"),
    Kind.CLIENT: (31, OWN_IN, OWN_OUT, "Overføring driftskonto"),
    Kind.CURRENCY: (10, CURRENCY_BUY, OWN_OUT, "Kjøp valuta"),
    Kind.PREPAID: (1, TOP_UP, OWN_OUT, "Påfylling"),
}


def target_balance(plan: AccountPlan, index: int) -> Decimal:
    """The seeded closing balance of a month (signed: debit balances negative)."""
    rng = random.Random(seed_int("target", plan.bank_org, plan.party, plan.number, index))
    months = index - _month_index(plan.start)
    level = float(plan.level)
    if plan.kind is Kind.LOAN:
        remaining = max(0.05, 1 - months / max(plan.term_months, 1))
        return -_money(level * remaining)
    if plan.kind is Kind.CARD:
        return -_money(level * rng.uniform(0.05, 0.55))
    if plan.kind is Kind.SAVINGS:
        return _money(level * (1 + 0.01 * months) * rng.uniform(0.97, 1.03))
    if plan.kind is Kind.DEPOSIT:
        return _money(level * (1 + 0.004 * months))
    if plan.kind is Kind.TAX:
        month = _month_bounds(index)[0].month
        return _money(level * (0.5 if month % 2 == 1 else 1.0) * rng.uniform(0.9, 1.1))
    if plan.kind is Kind.PREPAID:
        return _money(level * rng.uniform(0.6, 1.0))
    return _money(level * rng.uniform(0.4, 1.6))


class AccountHistory:
    """Transactions and closing balances of one account, computed month by month on demand.

    `freeze` is the ruling date (blocked accounts) or the death date (estate), which changes
    what happens after it; the history is cached per account and freeze.
    """

    def __init__(self, plan: AccountPlan, freeze: date | None, frozen_by: str | None) -> None:
        self.plan = plan
        self.freeze = freeze
        self.frozen_by = frozen_by
        self._months: dict[int, list[Tx]] = {}
        self._closing: dict[int, Decimal] = {}
        self._lock = threading.RLock()

    def month(self, index: int) -> list[Tx]:
        with self._lock:
            if index not in self._months:
                self._months[index] = self._generate(index)
            return self._months[index]

    def closing(self, index: int) -> Decimal:
        """The booked balance at the end of a month (signed)."""
        with self._lock:
            if index in self._closing:
                return self._closing[index]
            walk: list[int] = []
            cursor = index
            while self._needs_walk(cursor) and cursor not in self._closing:
                walk.append(cursor)
                cursor -= 1
            base = self._closing.get(cursor)
            if base is None:
                base = self._fixed_closing(cursor)
                self._closing[cursor] = base
            for month in reversed(walk):
                base += sum((tx.amount for tx in self.month(month)), Decimal(0))
                self._closing[month] = base
            return self._closing[index]

    def _needs_walk(self, index: int) -> bool:
        """Whether a month's closing follows from its transactions instead of its target."""
        plan = self.plan
        start = _month_index(plan.start)
        ended = plan.end is not None and index >= _month_index(plan.end)
        return index > start and not ended and self._is_frozen(index)

    def _fixed_closing(self, index: int) -> Decimal:
        plan = self.plan
        start = _month_index(plan.start)
        if index < start or (plan.end is not None and index >= _month_index(plan.end)):
            return Decimal(0)
        if index == start:
            return self._opening_amount(index)
        return target_balance(plan, index)

    def _is_frozen(self, index: int) -> bool:
        return self.freeze is not None and _month_bounds(index)[1] >= self.freeze

    def _generate(self, index: int) -> list[Tx]:
        plan = self.plan
        g = _Month(plan, index)
        start_index = _month_index(plan.start)
        if index < start_index or (plan.end is not None and index > _month_index(plan.end)):
            return []
        if index == start_index:
            amount = self._opening_amount(index)
            code, info = (LOAN_PAYOUT, "Utbetaling lån") if amount < 0 else (OWN_IN, "Innskudd")
            g.add(
                plan.start,
                amount,
                "own",
                code,
                info=info,
                registered=datetime.combine(plan.start, time(9), OSLO),
            )
            return g.txs

        previous = self.closing(index - 1)
        self._regular(g, previous)
        planned_sum = sum((tx.amount for tx in g.txs), Decimal(0))
        if self.freeze is not None:
            g.txs = [tx for tx in g.txs if self._allowed_after_freeze(tx)]
        if plan.end is not None and index == _month_index(plan.end):
            regular_sum = sum((tx.amount for tx in g.txs), Decimal(0))
            g.add(
                plan.end,
                -(previous + regular_sum),
                "own",
                CLOSING,
                info="Avslutning av konto",
                registered=datetime.combine(plan.end, time(6), OSLO),
            )
        else:
            day = g.day(_BALANCING[plan.kind][0]) or g.window_last
            if self.freeze is None or day < self.freeze:
                self._balancing(g, day, target_balance(plan, index) - previous - planned_sum)
        g.txs.sort(key=lambda tx: (tx.day, tx.seq))
        return g.txs

    def _opening_amount(self, index: int) -> Decimal:
        if self.plan.kind in (Kind.EVERYDAY, Kind.SAVINGS, Kind.DEPOSIT, Kind.LOAN, Kind.CURRENCY):
            return target_balance(self.plan, index)
        return Decimal(0)

    def _regular(self, g: _Month, previous: Decimal) -> None:
        kind = self.plan.kind
        death = self.freeze if self.frozen_by == "death" else None
        if kind is Kind.EVERYDAY:
            if is_person(self.plan.party):
                _everyday_person(g, death)
            else:
                _everyday_company(g)
        elif kind is Kind.CARD:
            _card_account(g)
        elif kind is Kind.PREPAID:
            _prepaid_account(g)
        elif kind is Kind.CURRENCY:
            _currency_account(g)
        elif kind is Kind.LOAN:
            _loan_account(g, previous)
        elif kind is Kind.SAVINGS:
            _savings_account(g)
        elif kind is Kind.TAX:
            _tax_account(g)
        elif kind is Kind.CLIENT:
            _client_account(g)

    def _allowed_after_freeze(self, tx: Tx) -> bool:
        if self.freeze is None or tx.day < self.freeze:
            return True
        if self.frozen_by == "ruling":
            if tx.category == "customer":
                return seed_int("after-ruling", tx.ident) % 100 < 25
            return tx.category in _AFTER_RULING
        if tx.category in ("card", "reversal"):
            return seed_int("estate-card", tx.ident) % 100 < 4
        return tx.category in _AFTER_DEATH

    def _balancing(self, g: _Month, day: date, amount: Decimal) -> None:
        if amount == 0:
            return
        plan = self.plan
        _, credit_code, debit_code, label = _BALANCING[plan.kind]
        exchange = None
        if plan.kind is Kind.CURRENCY and amount > 0:
            rate = Decimal("11.70")
            exchange = (_money(amount * rate), "NOK", rate)
        g.add(
            day,
            amount,
            "own",
            credit_code if amount > 0 else debit_code,
            info=label,
            exchange=exchange,
            references=(g.reference("accountServicerReference", "OV-"),),
            registered=datetime.combine(day, time(5, 30), OSLO),
        )


@lru_cache(maxsize=128)
def history(plan: AccountPlan, freeze: date | None, frozen_by: str | None) -> AccountHistory:
    return AccountHistory(plan, freeze, frozen_by)


def transactions_between(hist: AccountHistory, first: date, last: date) -> list[Tx]:
    """The account's transactions dated from `first` to `last`, both inclusive, in order."""
    plan = hist.plan
    first = max(first, plan.start)
    if plan.end is not None:
        last = min(last, plan.end)
    result: list[Tx] = []
    for index in range(_month_index(first), _month_index(last) + 1):
        result.extend(tx for tx in hist.month(index) if first <= tx.day <= last)
    return result


def is_pending(tx: Tx, today: date) -> bool:
    """Card items of the last two days in the current month are still reserved."""
    return (
        tx.pending_capable
        and today - timedelta(days=1) <= tx.day <= today
        and tx.day.month == today.month
    )


def booked_balance(hist: AccountHistory, day: date, today: date) -> Decimal:
    """The booked balance at the end of `day` (signed)."""
    index = _month_index(day)
    balance = hist.closing(index - 1)
    for tx in hist.month(index):
        if tx.day <= day and not is_pending(tx, today):
            balance += tx.amount
    return balance


def pending_sum(hist: AccountHistory, today: date) -> Decimal:
    return sum(
        (tx.amount for tx in hist.month(_month_index(today)) if is_pending(tx, today)),
        Decimal(0),
    )


def bank_of(plan: AccountPlan) -> Bank:
    return BANKS_BY_ORG[plan.bank_org]
