"""Where each account stood at the case's key date and at the end of the period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.review.balances import KnownBalance, balance_on
from app.store import review_queries
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
    def is_debt(self) -> bool:
        value = self.at_key_date if self.at_key_date is not None else self.at_end
        if value is None:
            return self.account.type in DEBT_TYPES
        return value < 0


def positions(db: Database, case_id: int, key_date: date) -> list[AccountPosition]:
    """Every account's position; the key-date balance is worked back from the booked balance."""
    found = []
    with db.session() as session:
        for account in account_figures(session, case_id):
            at_key = None
            if account.booked_minor is not None and account.booked_as_of is not None:
                known = KnownBalance(account.booked_as_of, account.booked_minor)
                if known.as_of <= key_date:
                    at_key = known.amount_minor
                else:
                    later = review_queries.booked_amounts(session, account.account_id, key_date)
                    at_key = balance_on(key_date, known, later)
            at_end = (
                account.available_minor
                if account.available_minor is not None
                else account.booked_minor
            )
            found.append(AccountPosition(account, at_key, at_end))
    return found


def totals(items: list[AccountPosition], *, at_key_date: bool) -> tuple[int, int]:
    """(assets, debts) in hundredths, both positive numbers."""
    assets = debts = 0
    for item in items:
        value = item.at_key_date if at_key_date else item.at_end
        if value is None:
            continue
        if value >= 0:
            assets += value
        else:
            debts += -value
    return assets, debts
