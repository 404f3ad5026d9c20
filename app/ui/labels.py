"""Readable, translated names for the codes the store keeps: bank and account statuses, account
types, transaction statuses, fetch steps and services.

The English names are marked with `QT_TRANSLATE_NOOP` so that lupdate collects them; a `Labels`
table translates when it is called, so a language switch shows at the next repaint.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app.domain.errors import InvalidInput
from app.domain.services import SERVICE_LABELS, Service
from app.domain.text import QT_TRANSLATE_NOOP, fill


@dataclass(frozen=True)
class Labels:
    """The English names of one kind of code, translated in one context."""

    context: str
    names: dict[str, str]

    def __call__(self, code: str | None) -> str:
        """The translated name of `code`; the code itself when it is unknown."""
        if code is None:
            return ""
        english = self.names.get(code)
        if english is None:
            return code
        return QCoreApplication.translate(self.context, english)


BANK_STATUS = Labels(
    "bank status",
    {
        "pending": QT_TRANSLATE_NOOP("bank status", "Waiting"),
        "fetching": QT_TRANSLATE_NOOP("bank status", "Fetching"),
        "complete": QT_TRANSLATE_NOOP("bank status", "Complete"),
        "partial": QT_TRANSLATE_NOOP("bank status", "Partial"),
        "incomplete": QT_TRANSLATE_NOOP("bank status", "Incomplete"),
        "failed": QT_TRANSLATE_NOOP("bank status", "Failed"),
        "letter_needed": QT_TRANSLATE_NOOP("bank status", "Letter needed"),
        "imported": QT_TRANSLATE_NOOP("bank status", "From files"),
        "cancelled": QT_TRANSLATE_NOOP("bank status", "Cancelled"),
    },
)

FETCH_STATUS = Labels(
    "fetch status",
    {
        "listed": QT_TRANSLATE_NOOP("fetch status", "Listed only"),
        "complete": QT_TRANSLATE_NOOP("fetch status", "Complete"),
        "partial": QT_TRANSLATE_NOOP("fetch status", "Partial"),
        "failed": QT_TRANSLATE_NOOP("fetch status", "Failed"),
    },
)

ACCOUNT_STATUS = Labels(
    "account status",
    {
        "enabled": QT_TRANSLATE_NOOP("account status", "Open"),
        "disabled": QT_TRANSLATE_NOOP("account status", "Blocked"),
        "deleted": QT_TRANSLATE_NOOP("account status", "Closed"),
        "unknown": QT_TRANSLATE_NOOP("account status", "Unknown"),
    },
)

ACCOUNT_TYPE = Labels(
    "account type",
    {
        "loanAccount": QT_TRANSLATE_NOOP("account type", "Loan account"),
        "salaryAccount": QT_TRANSLATE_NOOP("account type", "Everyday account"),
        "currencyAccount": QT_TRANSLATE_NOOP("account type", "Currency account"),
        "savingsAccount": QT_TRANSLATE_NOOP("account type", "Savings account"),
        "clientAccount": QT_TRANSLATE_NOOP("account type", "Client account"),
        "taxDeductionAccount": QT_TRANSLATE_NOOP("account type", "Tax deduction account"),
        "businessAccount": QT_TRANSLATE_NOOP("account type", "Business account"),
        "creditCardAccount": QT_TRANSLATE_NOOP("account type", "Credit card account"),
        "prepaidCardAccount": QT_TRANSLATE_NOOP("account type", "Prepaid card account"),
        "accountWithoutBalance": QT_TRANSLATE_NOOP("account type", "Account without balance"),
        "otherAccount": QT_TRANSLATE_NOOP("account type", "Other account"),
        "unknown": QT_TRANSLATE_NOOP("account type", "Unknown type"),
    },
)

TRANSACTION_STATUS = Labels(
    "transaction status",
    {
        "booked": QT_TRANSLATE_NOOP("transaction status", "Booked"),
        "pending": QT_TRANSLATE_NOOP("transaction status", "Pending"),
        "info": QT_TRANSLATE_NOOP("transaction status", "Information"),
        "unknown": QT_TRANSLATE_NOOP("transaction status", "Unknown"),
    },
)

FETCH_STEP = Labels(
    "fetch step",
    {
        "relations": QT_TRANSLATE_NOOP("fetch step", "Customer relations"),
        "accounts": QT_TRANSLATE_NOOP("fetch step", "Accounts"),
        "details": QT_TRANSLATE_NOOP("fetch step", "Account details"),
        "transactions": QT_TRANSLATE_NOOP("fetch step", "Transactions"),
        "roles": QT_TRANSLATE_NOOP("fetch step", "Roles"),
        "done": QT_TRANSLATE_NOOP("fetch step", "Done"),
    },
)

ENVIRONMENT = Labels(
    "environment",
    {
        "sandbox": QT_TRANSLATE_NOOP("environment", "Sandbox (synthetic test data)"),
        "test": QT_TRANSLATE_NOOP("environment", "Test"),
        "production": QT_TRANSLATE_NOOP("environment", "Production"),
    },
)

SERVICE_SHORT = {
    Service.BANKRUPTCY: QT_TRANSLATE_NOOP("services", "Bankruptcy"),
    Service.ESTATE: QT_TRANSLATE_NOOP("services", "Estate"),
    Service.GUARDIANSHIP: QT_TRANSLATE_NOOP("services", "Guardianship"),
}


def service_label(service: str, *, short: bool = False) -> str:
    names = SERVICE_SHORT if short else SERVICE_LABELS
    return QCoreApplication.translate("services", names[Service(service)])


def message_label(message: str | None) -> str:
    """A stored bank or account message, line by line in the interface's language.

    The fetch stores its own messages as English source strings marked in the context
    "harvest"; a bank's own words (a partial answer's reason, an error) pass unchanged.
    """
    if not message:
        return ""
    return "\n".join(QCoreApplication.translate("harvest", line) for line in message.splitlines())


def rule_text(error: InvalidInput) -> str:
    """The rule a refused input broke, in the interface's language, with its values put in."""
    return fill(QCoreApplication.translate("rules", error.template), *error.values)


def input_error(error: InvalidInput, field_context: str = "fields") -> str:
    """A refused input as the window shows it: the field, then the rule it broke."""
    field = fill(
        QCoreApplication.translate(field_context, error.field_template),
        *(QCoreApplication.translate(field_context, value) for value in error.field_values),
    )
    return f"{field}: {rule_text(error)}"
