"""The estate picture: what the deceased owned and owed at the death and now, what moved on
the accounts after the death, and what is still unknown."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from app.domain.estate import EstateFigures
from app.domain.text import QT_TRANSLATE_NOOP as _T
from app.review.positions import AccountPosition, currencies, positions, totals
from app.store.cases import load_case
from app.store.db import Database
from app.store.workflow import (
    TransactionLine,
    bank_statuses,
    latest_decision,
    transactions_between,
)

INCOME_WORDS = re.compile(r"pensjon|pension|\bnav\b|trygd|uføre|ytelse", re.I)
STANDING_WORDS = re.compile(r"avtalegiro|efaktura|fast betaling|faste betalinger|autogiro", re.I)
CARD_FAMILIES = {"customerCardTransactions", "merchantCardTransactions"}

CATEGORIES = {
    "income": _T("estate", "Income still paid in (pensions, benefits)"),
    "standing": _T("estate", "Standing orders and direct debits still running"),
    "card": _T("estate", "Card use and cash withdrawals after the death"),
    "other": _T("estate", "Other transactions after the death"),
}
UNSETTLED_BANK = {"partial", "failed", "incomplete", "letter_needed", "cancelled", "pending"}


@dataclass(frozen=True)
class CurrencyTotals:
    """Assets and debts of the accounts in one currency, in hundredths, both positive."""

    currency: str
    assets_at_death: int
    debts_at_death: int
    assets_now: int
    debts_now: int


@dataclass
class EstatePicture:
    death_date: date
    accounts: list[AccountPosition]
    figures: EstateFigures
    """In NOK only: the warnings and the steps weigh these; other currencies are apart."""
    after_death: dict[str, list[TransactionLine]] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)
    by_currency: list[CurrencyTotals] = field(default_factory=list)
    """The totals per currency, NOK first: amounts in different currencies are never added."""


def _party(line: TransactionLine) -> str | None:
    account = "".join(ch for ch in line.counterparty_account or "" if ch.isdigit())
    if account:
        return account
    name = " ".join((line.counterparty_name or "").lower().split())
    return name or None


def categorise(
    before: list[TransactionLine], after: list[TransactionLine]
) -> dict[str, list[TransactionLine]]:
    """Sort the transactions after the death into the kinds an heir must act on."""
    paid_in = {_party(line) for line in before if line.amount_minor > 0} - {None}
    paid_out = {_party(line) for line in before if line.amount_minor < 0} - {None}
    found: dict[str, list[TransactionLine]] = defaultdict(list)
    for line in after:
        text = " ".join(filter(None, (line.code_text, line.message, line.counterparty_name)))
        party = _party(line)
        if line.amount_minor > 0 and (party in paid_in or INCOME_WORDS.search(text)):
            found["income"].append(line)
        elif (
            line.card
            or line.code_family in CARD_FAMILIES
            or line.code_subfamily
            in ("cashWithdrawal", "pointOfSalePosPayment", "crossBorderCashWithdrawal")
        ):
            found["card"].append(line)
        elif line.amount_minor < 0 and (
            line.code_family == "issuedDirectDebits"
            or line.code_subfamily in ("standingOrder", "directDebitPayment")
            or STANDING_WORDS.search(text)
            or party in paid_out
        ):
            found["standing"].append(line)
        else:
            found["other"].append(line)
    return {key: found[key] for key in CATEGORIES if found.get(key)}


def estate_picture(db: Database, case_id: int) -> EstatePicture:
    with db.session() as session:
        case = load_case(session, case_id)
        death = case.key_date
        period_start = case.period_start or death - timedelta(days=92)
        period_end = case.period_end or death
        before = list(transactions_between(session, case_id, period_start, death))
        after = list(transactions_between(session, case_id, death + timedelta(days=1), period_end))
        banks = bank_statuses(session, case_id)
        funeral = latest_decision(session, case_id, "funeral_costs")
    accounts = positions(db, case_id, death)
    unknown = [f"{name}: {status}" for name, status, _ in banks if status in UNSETTLED_BANK]
    unknown += [
        f"{item.account.bank_name} {item.account.account_number}: no balance"
        for item in accounts
        if item.at_key_date is None and item.account.end_date is None
    ]
    by_currency = [
        CurrencyTotals(
            currency,
            *totals(accounts, at_key_date=True, currency=currency),
            *totals(accounts, at_key_date=False, currency=currency),
        )
        for currency in currencies(accounts)
    ]
    home = by_currency[0]
    figures = EstateFigures(
        assets_at_death=home.assets_at_death,
        debts_at_death=home.debts_at_death,
        assets_now=home.assets_now,
        debts_now=home.debts_now,
        unknowns=len(unknown),
        funeral_costs=int(funeral.value) if funeral else None,
    )
    return EstatePicture(death, accounts, figures, categorise(before, after), unknown, by_currency)
