"""Where each account stood at the case's key date and at the end of the period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.money import HOME_CURRENCY, home_first
from app.review.balances import KnownBalance, balance_on, latest_known, reaches
from app.store import review_queries
from app.store.browse import case_period_start
from app.store.cases import load_case
from app.store.db import Database
from app.store.workflow import AccountFigures, account_figures

DEBT_TYPES = {"loanAccount", "creditCardAccount"}


@dataclass(frozen=True)
class AccountPosition:
    account: AccountFigures
    at_key_date: int | None
    """Booked balance at the end of the key date, in hundredths; None when it cannot be known."""
    at_end: int | None
    """The balance at the end of the period: available where given, else booked."""

    @property
    def currency(self) -> str:
        """The account's currency; NOK where the bank gave none, as the case overview counts."""
        return self.account.currency or HOME_CURRENCY

    def opened_after(self, day: date) -> bool:
        """Whether the account was opened after `day` (in a deceased's name after the death):
        it had no balance then to speak of."""
        opened = self.account.start_date
        return opened is not None and opened > day

    @property
    def is_debt(self) -> bool:
        value = self.at_key_date if self.at_key_date is not None else self.at_end
        if value is None:
            return self.account.type in DEBT_TYPES
        return value < 0


def _known(account: AccountFigures) -> KnownBalance | None:
    booked = available = None
    if account.booked_minor is not None and account.booked_as_of is not None:
        booked = KnownBalance(account.booked_as_of, account.booked_minor)
    if account.available_minor is not None and account.available_as_of is not None:
        available = KnownBalance(account.available_as_of, account.available_minor)
    return latest_known(booked, available, account.end_date)


def positions(db: Database, case_id: int, key_date: date) -> list[AccountPosition]:
    """Every account's position, by the same rule as the case overview: a balance the bank
    gave for the key date itself is taken as it is; otherwise the key-date balance is worked
    back from the latest known balance, so an account closed after the key date still counts
    with what it held then. A known balance from before the case's period (an old statement
    file) is not carried forward: the key-date balance is then unknown."""
    found = []
    with db.session() as session:
        case = load_case(session, case_id)
        period_start = case_period_start(case.service, case.key_date)
        stored_on_key_date = review_queries.balances_on(session, case_id, key_date)
        for account in account_figures(session, case_id):
            known = _known(account)
            at_key = stored_on_key_date.get(account.account_id)
            if at_key is None and known is not None and reaches(known, period_start):
                since = min(known.as_of, key_date)
                moved = review_queries.booked_amounts(session, account.account_id, since)
                at_key = balance_on(key_date, known, moved)
            at_end = (
                account.available_minor
                if account.available_minor is not None
                else account.booked_minor
            )
            if at_end is None and known is not None:
                at_end = known.amount_minor
            found.append(AccountPosition(account, at_key, at_end))
    return found


def totals(
    items: list[AccountPosition], *, at_key_date: bool, currency: str | None = None
) -> tuple[int, int]:
    """(assets, debts) in hundredths, both positive numbers; only accounts in `currency` if
    given (amounts in different currencies are never added together by the reports)."""
    assets = debts = 0
    for item in items:
        if currency is not None and item.currency != currency:
            continue
        value = item.at_key_date if at_key_date else item.at_end
        if value is None:
            continue
        if value >= 0:
            assets += value
        else:
            debts += -value
    return assets, debts


def currencies(items: list[AccountPosition]) -> list[str]:
    """The currencies of the accounts: NOK first, then the others by code."""
    found = {item.currency for item in items} | {HOME_CURRENCY}
    return sorted(found, key=home_first)
