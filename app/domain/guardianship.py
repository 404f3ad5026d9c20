"""The guardianship control (vergekontroll): the guardian's account of the ward's money
(vergeregnskap), and the rules that hold it against what the banks delivered.

The guardian reports, per bank account of the ward, the balance on 1 January and on
31 December and the year's income and expenses by category. The rules compare that, account
by account, with the bank's figures: balances, accounts missing on either side, the sums in and
out, and the kinds of payment an officer must look at (cash withdrawals, money to the guardian
or to others with rights on the account, gifts, fees). Every rule is a pure function over plain
values with its thresholds in `RuleSettings`; each finding is a `Deviation` with its rule, the
amount in øre, the account and the ids of the transactions behind it. The officer judges; the
rules only suggest an outcome.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from app.domain.errors import InvalidInput
from app.domain.identifiers import validate_account_number
from app.domain.money import format_amount, to_minor
from app.domain.text import QT_TRANSLATE_NOOP as _T

# -- the guardian's account -------------------------------------------------------------------


class Kind(enum.StrEnum):
    INCOME = "income"
    EXPENSE = "expense"


@dataclass(frozen=True)
class Category:
    """One line of the guardian's account: a code kept in the store, the Norwegian word the
    template and the import use, and the English label the interface translates."""

    code: str
    kind: Kind
    norwegian: str
    label: str


CATEGORIES: tuple[Category, ...] = (
    Category(
        "pension", Kind.INCOME, "Pensjon og trygd", _T("guardianship", "Pension and benefits")
    ),
    Category("salary", Kind.INCOME, "Lønn", _T("guardianship", "Salary")),
    Category("interest", Kind.INCOME, "Renter", _T("guardianship", "Interest")),
    Category("gifts_received", Kind.INCOME, "Gaver mottatt", _T("guardianship", "Gifts received")),
    Category("sale", Kind.INCOME, "Salg av eiendeler", _T("guardianship", "Sale of assets")),
    Category(
        "own_transfer_in",
        Kind.INCOME,
        "Overføring fra egen konto",
        _T("guardianship", "Transfer from the ward's own account"),
    ),
    Category("other_income", Kind.INCOME, "Andre inntekter", _T("guardianship", "Other income")),
    Category("housing", Kind.EXPENSE, "Bolig", _T("guardianship", "Housing")),
    Category("food", Kind.EXPENSE, "Mat og dagligvarer", _T("guardianship", "Food and groceries")),
    Category("clothing", Kind.EXPENSE, "Klær", _T("guardianship", "Clothing")),
    Category("health", Kind.EXPENSE, "Helse og omsorg", _T("guardianship", "Health and care")),
    Category("leisure", Kind.EXPENSE, "Fritid", _T("guardianship", "Leisure")),
    Category("gifts_given", Kind.EXPENSE, "Gaver gitt", _T("guardianship", "Gifts given")),
    Category("cash", Kind.EXPENSE, "Kontantuttak", _T("guardianship", "Cash withdrawals")),
    Category("fees", Kind.EXPENSE, "Gebyrer", _T("guardianship", "Bank fees")),
    Category(
        "to_guardian",
        Kind.EXPENSE,
        "Overføring til verge",
        _T("guardianship", "Paid to the guardian"),
    ),
    Category("tax", Kind.EXPENSE, "Skatt", _T("guardianship", "Tax")),
    Category(
        "own_transfer_out",
        Kind.EXPENSE,
        "Overføring til egen konto",
        _T("guardianship", "Transfer to the ward's own account"),
    ),
    Category("other_expense", Kind.EXPENSE, "Andre utgifter", _T("guardianship", "Other expenses")),
)
CATEGORY_BY_CODE = {category.code: category for category in CATEGORIES}
INCOME = tuple(c for c in CATEGORIES if c.kind is Kind.INCOME)
EXPENSES = tuple(c for c in CATEGORIES if c.kind is Kind.EXPENSE)

FIELD_ACCOUNT = _T("guardianship", "Account number")
FIELD_BANK = _T("guardianship", "Bank")
FIELD_OPENING = _T("guardianship", "Opening balance 1 January")
FIELD_CLOSING = _T("guardianship", "Closing balance 31 December")
FIELD_CATEGORY = _T("guardianship", "Category")

MAX_BANK_NAME = 140
MAX_NOTE = 500


def _normal(text: str) -> str:
    return " ".join(text.casefold().replace("_", " ").split())


_CATEGORY_WORDS: dict[str, str] = {}
for _category in CATEGORIES:
    for _word in (_category.code, _category.norwegian, _category.label):
        _CATEGORY_WORDS[_normal(_word)] = _category.code


def category_code(text: str) -> str | None:
    """The category a text names: its code, its Norwegian word or its English label."""
    return _CATEGORY_WORDS.get(_normal(text))


@dataclass(frozen=True)
class ReportedLine:
    category: str
    amount_minor: int
    """Positive or zero; an expense is a positive amount on an expense category."""
    note: str | None = None

    @property
    def kind(self) -> Kind:
        return CATEGORY_BY_CODE[self.category].kind


@dataclass(frozen=True)
class ReportedAccount:
    """One account as the guardian reports it."""

    account_number: str
    bank_name: str | None
    opening_minor: int
    closing_minor: int
    lines: tuple[ReportedLine, ...] = ()

    @property
    def income_minor(self) -> int:
        return sum(line.amount_minor for line in self.lines if line.kind is Kind.INCOME)

    @property
    def expense_minor(self) -> int:
        return sum(line.amount_minor for line in self.lines if line.kind is Kind.EXPENSE)

    def amount_of(self, category: str) -> int:
        return sum(line.amount_minor for line in self.lines if line.category == category)


FIELD_AT = _T("guardianship", "Account %1, %2")
"""A field of one of the reported accounts: its place in the list, then the field's name."""


def _refused(position: int, part: str, rule: str, *values: str) -> InvalidInput:
    return InvalidInput(FIELD_AT, rule, *values, field_values=(str(position), part))


def reported_line(
    category: str, amount: Decimal, *, note: str | None = None, position: int = 1
) -> ReportedLine:
    """A validated line; `category` may be a code, a Norwegian word or an English label."""
    code = category_code(category or "")
    if code is None:
        raise _refused(position, FIELD_CATEGORY, _T("rules", "is not one of the listed categories"))
    label = CATEGORY_BY_CODE[code].label  # the amount's column is the category's
    if amount < 0:
        raise _refused(
            position, label, _T("rules", "must not be negative; write expenses as positive amounts")
        )
    text = (note or "").strip() or None
    if text is not None and len(text) > MAX_NOTE:
        raise _refused(position, label, _T("rules", "note is too long"))
    return ReportedLine(code, to_minor(amount), text)


def reported_account(
    *,
    account_number: str,
    bank_name: str | None,
    opening: Decimal | None,
    closing: Decimal | None,
    lines: Iterable[ReportedLine] = (),
    position: int = 1,
) -> ReportedAccount:
    """A validated reported account. `position` (1-based) names the account in messages, since
    a message must not repeat what was typed."""
    try:
        number = validate_account_number(account_number or "", FIELD_ACCOUNT)
    except InvalidInput as refused:
        raise _refused(position, FIELD_ACCOUNT, refused.template, *refused.values) from None
    bank = (bank_name or "").strip() or None
    if bank is not None and len(bank) > MAX_BANK_NAME:
        raise _refused(position, FIELD_BANK, _T("rules", "must be at most 140 characters"))
    if opening is None:
        raise _refused(position, FIELD_OPENING, _T("rules", "must be given"))
    if closing is None:
        raise _refused(position, FIELD_CLOSING, _T("rules", "must be given"))
    return ReportedAccount(number, bank, to_minor(opening), to_minor(closing), tuple(lines))


def validate_report(accounts: Sequence[ReportedAccount]) -> None:
    """Rules across accounts: each account is reported once."""
    seen: set[str] = set()
    for position, account in enumerate(accounts, start=1):
        if account.account_number in seen:
            raise _refused(position, FIELD_ACCOUNT, _T("rules", "is reported twice; merge the two"))
        seen.add(account.account_number)


# -- the bank's side --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BankTransaction:
    """What the rules read of one booked transaction."""

    id: int
    amount_minor: int
    code_subfamily: str | None = None
    code_text: str | None = None
    message: str | None = None
    counterparty_name: str | None = None
    counterparty_account: str | None = None
    counterparty_id: str | None = None
    merchant: str | None = None
    reversal: bool = False


@dataclass(frozen=True)
class RoleHolder:
    """Someone the bank lists with a right on the account (the Roles endpoint)."""

    party_id: str | None
    name: str | None
    permission: str | None


@dataclass(frozen=True)
class BankAccount:
    """One account of the ward as the bank delivered it, reduced to what the control needs."""

    account_number: str
    bank_name: str
    currency: str
    opening_minor: int | None
    """Booked balance at the end of 31 December of the year before; None when unknown."""
    closing_minor: int | None
    """Booked balance at the end of 31 December; None when the bank gave none."""
    transactions: tuple[BankTransaction, ...] = ()
    roles: tuple[RoleHolder, ...] = ()
    complete: bool = True
    """False when the bank's answer for the account was partial or failed."""
    fetch_status: str = "complete"


# -- settings, deviations, outcome ------------------------------------------------------------


@dataclass(frozen=True)
class RuleSettings:
    """Thresholds of the rules, in øre. A deviation is raised when a figure is *above* its
    threshold (a difference of exactly the tolerance is accepted)."""

    balance_tolerance_minor: int = 100
    sum_tolerance_minor: int = 100
    arithmetic_tolerance_minor: int = 100
    cash_limit_minor: int = 1_000_000
    """Cash withdrawals from one account in the year above this are a deviation (10 000 kr)."""
    cash_report_tolerance_minor: int = 100
    guardian_transfer_limit_minor: int = 0
    """Any payment to the guardian above this (by default: any at all) is a deviation."""
    role_transfer_limit_minor: int = 0
    gift_limit_minor: int = 300_000
    """Gift-like payments from one account in the year above this are a deviation (3 000 kr)."""
    gift_round_unit_minor: int = 50_000
    gift_round_minimum_minor: int = 100_000
    """A payment to a private person is gift-like when it is a multiple of the unit (500 kr)
    and at least the minimum (1 000 kr), or when its text speaks of a gift."""
    fee_limit_minor: int = 100_000
    """Bank fees on one account in the year above this are a deviation (1 000 kr)."""


class Rule(enum.StrEnum):
    OPENING_BALANCE = "opening_balance"
    CLOSING_BALANCE = "closing_balance"
    NOT_REPORTED = "account_not_reported"
    NOT_IN_BANK = "account_not_in_bank"
    SUM_IN = "sum_in"
    SUM_OUT = "sum_out"
    CASH = "cash"
    CASH_NOT_REPORTED = "cash_not_reported"
    TO_GUARDIAN = "to_guardian"
    TO_ROLE_HOLDER = "to_role_holder"
    GIFTS = "gifts"
    FEES = "fees"
    ARITHMETIC = "report_arithmetic"
    BANK_INCOMPLETE = "bank_incomplete"


RULE_NAMES = {
    Rule.OPENING_BALANCE: _T("guardianship", "Opening balance differs"),
    Rule.CLOSING_BALANCE: _T("guardianship", "Closing balance differs"),
    Rule.NOT_REPORTED: _T("guardianship", "Account not reported"),
    Rule.NOT_IN_BANK: _T("guardianship", "Account not found at the banks"),
    Rule.SUM_IN: _T("guardianship", "Money in differs"),
    Rule.SUM_OUT: _T("guardianship", "Money out differs"),
    Rule.CASH: _T("guardianship", "Cash withdrawals"),
    Rule.CASH_NOT_REPORTED: _T("guardianship", "Cash withdrawals not reported as such"),
    Rule.TO_GUARDIAN: _T("guardianship", "Payments to the guardian"),
    Rule.TO_ROLE_HOLDER: _T("guardianship", "Payments to others with rights on the account"),
    Rule.GIFTS: _T("guardianship", "Payments that look like gifts"),
    Rule.FEES: _T("guardianship", "Bank fees"),
    Rule.ARITHMETIC: _T("guardianship", "The guardian's figures do not add up"),
    Rule.BANK_INCOMPLETE: _T("guardianship", "Bank data incomplete"),
}

REASONS = {
    Rule.OPENING_BALANCE: _T(
        "guardianship",
        "Balance on 1 January: reported {reported} kr, the bank's {bank} kr "
        "(difference {difference} kr)",
    ),
    Rule.CLOSING_BALANCE: _T(
        "guardianship",
        "Balance on 31 December: reported {reported} kr, the bank's {bank} kr "
        "(difference {difference} kr)",
    ),
    Rule.NOT_REPORTED: _T(
        "guardianship",
        "The bank has this account, with {bank} kr on 31 December and {count} transactions in "
        "the year; the guardian's account does not list it",
    ),
    Rule.NOT_IN_BANK: _T(
        "guardianship",
        "The guardian reports this account with {reported} kr on 31 December; "
        "none of the banks that answered has it",
    ),
    Rule.SUM_IN: _T(
        "guardianship",
        "Money in during the year: reported {reported} kr, the bank's {bank} kr "
        "(difference {difference} kr)",
    ),
    Rule.SUM_OUT: _T(
        "guardianship",
        "Money out during the year: reported {reported} kr, the bank's {bank} kr "
        "(difference {difference} kr)",
    ),
    Rule.CASH: _T(
        "guardianship",
        "{count} cash withdrawals of {bank} kr in all, above the limit of {limit} kr",
    ),
    Rule.CASH_NOT_REPORTED: _T(
        "guardianship",
        "{count} cash withdrawals of {bank} kr in the bank; reported as cash withdrawals: "
        "{reported} kr",
    ),
    Rule.TO_GUARDIAN: _T("guardianship", "{count} payments of {bank} kr in all to the guardian"),
    Rule.TO_ROLE_HOLDER: _T(
        "guardianship",
        "{count} payments of {bank} kr in all to others with rights on the account",
    ),
    Rule.GIFTS: _T(
        "guardianship",
        "{count} payments of {bank} kr in all look like gifts, above the limit of {limit} kr",
    ),
    Rule.FEES: _T(
        "guardianship", "{count} bank fees of {bank} kr in all, above the limit of {limit} kr"
    ),
    Rule.ARITHMETIC: _T(
        "guardianship",
        "Opening {opening} kr + income {income} kr − expenses {expenses} kr = {expected} kr, "
        "but the reported closing balance is {reported} kr",
    ),
    Rule.BANK_INCOMPLETE: _T(
        "guardianship",
        "The bank's answer for this account is not complete ({status}); its figures may fall short",
    ),
}
REASONS_AFTER_REVERSALS = {
    Rule.SUM_IN: _T(
        "guardianship",
        "Money in during the year: reported {reported} kr, the bank's {bank} kr, or {net} kr "
        "after reversals (difference {difference} kr from the nearer)",
    ),
    Rule.SUM_OUT: _T(
        "guardianship",
        "Money out during the year: reported {reported} kr, the bank's {bank} kr, or {net} kr "
        "after reversals (difference {difference} kr from the nearer)",
    ),
}
"""The sum rules' reasons when reversals make the bank's net sum differ from its gross sum."""
_AMOUNT_PARAMS = frozenset(
    {"reported", "bank", "net", "difference", "limit", "opening", "income", "expenses", "expected"}
)


@dataclass(frozen=True)
class Deviation:
    """One finding of one rule on one account."""

    rule: Rule
    account_number: str
    amount_minor: int
    """The size of the deviation in øre, never negative."""
    params: dict[str, Any] = field(default_factory=dict)
    """The figures behind the reason (amounts in øre), so it can be worded in any language."""
    transaction_ids: tuple[int, ...] = ()
    currency: str = "NOK"

    @property
    def reason(self) -> str:
        return reason_text(self.rule, self.params, currency=self.currency)


def reason_template(rule: Rule | str, params: dict[str, Any]) -> str:
    """The English template of a deviation's reason: a sum rule whose bank figure has a net
    sum beside the gross one names both."""
    rule = Rule(rule)
    if "net" in params and rule in REASONS_AFTER_REVERSALS:
        return REASONS_AFTER_REVERSALS[rule]
    return REASONS[rule]


def reason_text(
    rule: Rule | str,
    params: dict[str, Any],
    translate: Callable[[str], str] = lambda t: t,
    *,
    currency: str = "NOK",
) -> str:
    """The reason of a deviation, in the language `translate` gives (English by default),
    with its amounts named in the deviation's currency."""
    template = in_currency(translate(reason_template(rule, params)), currency)
    values = {
        key: format_amount(value, minor=True) if key in _AMOUNT_PARAMS else value
        for key, value in params.items()
    }
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return template.format_map(
            {k: values.get(k, "?") for k in re.findall(r"{(\w+)}", template)}
        )


def currency_unit(currency: str) -> str:
    """The unit written after an amount: kr for Norwegian kroner, the ISO code otherwise."""
    return "kr" if currency == "NOK" else currency


_KRONER = re.compile(r"(\{\w+\}) kr\b")


def in_currency(template: str, currency: str) -> str:
    """A reason template (in any language) with its amounts in `currency`: the templates write
    every amount as "{name} kr", and an amount in another currency takes its ISO code."""
    if currency == "NOK":
        return template
    return _KRONER.sub(lambda match: f"{match.group(1)} {currency_unit(currency)}", template)


class Outcome(enum.StrEnum):
    APPROVED = "approved"
    FOLLOW_UP = "follow_up"


OUTCOME_LABELS = {
    Outcome.APPROVED: _T("guardianship", "Approved"),
    Outcome.FOLLOW_UP: _T("guardianship", "Needs follow-up"),
}
DECISION_KIND = "control_outcome"
"""The `Decision.kind` under which the officer's outcome is recorded."""


def parse_outcome(text: str) -> Outcome:
    """An outcome from `approved`, `follow-up` or `follow_up`."""
    value = text.strip().lower().replace("-", "_")
    try:
        return Outcome(value)
    except ValueError:
        raise InvalidInput(
            _T("guardianship", "Outcome"), _T("rules", "must be approved or follow-up")
        ) from None


# -- reading the transactions -----------------------------------------------------------------

CASH_SUBFAMILIES = frozenset({"cashWithdrawal", "crossBorderCashWithdrawal"})
CASH_WORDS = ("minibank", "kontantuttak", "uttak automat", "cash withdrawal")
FEE_SUBFAMILIES = frozenset({"fees", "chargesGeneric", "commissions"})
FEE_WORDS = ("gebyr", "omkostning")
_ATM = re.compile(r"\batm\b")
_FEE = re.compile(r"\bfee\b")
GIFT_WORDS = re.compile(
    r"\b(?:gave\w*|presang\w*|bursdag\w*|fødselsdag\w*|jul(?:e\w*)?|konfirmasjon\w*|bryllup\w*|"
    r"dåp\w*|gift|birthday|christmas)\b"
)
CARD_SUBFAMILIES = frozenset({"pointOfSalePosPayment", "debitCardPayment"})
COMPANY_WORDS = re.compile(
    r"\b(?:as|asa|ans|da|sa|ba|ks|nuf|iks|kf|stiftelse|kommune|fylkeskommune|bank|"
    r"sparebank|forsikring|borettslag|sameie|ltd|ab|gmbh|inc)\b",
    re.I,
)


_NOT_DIGITS = re.compile(r"\D")


def _digits(text: str | None) -> str:
    if not text or text.isdigit():
        return text or ""
    return _NOT_DIGITS.sub("", text)


def _name_key(text: str | None) -> frozenset[str]:
    return frozenset(_normal(text or "").replace(",", " ").split())


def _lower(*parts: str | None) -> str:
    return " ".join(part for part in parts if part).lower()


def is_cash(tx: BankTransaction) -> bool:
    """A cash withdrawal: coded as one, or, where the bank codes nothing useful, worded so."""
    if tx.amount_minor >= 0:
        return False
    if tx.code_subfamily in CASH_SUBFAMILIES:
        return True
    text = _lower(tx.code_text, tx.message, tx.merchant)
    return any(word in text for word in CASH_WORDS) or ("atm" in text and bool(_ATM.search(text)))


def is_fee(tx: BankTransaction) -> bool:
    if tx.amount_minor >= 0:
        return False
    if tx.code_subfamily in FEE_SUBFAMILIES:
        return True
    text = _lower(tx.code_text, tx.message)
    return any(word in text for word in FEE_WORDS) or ("fee" in text and bool(_FEE.search(text)))


def _is_reversal(tx: BankTransaction) -> bool:
    return tx.reversal or (tx.code_subfamily or "").startswith("reversal")


def gross_in_out(transactions: Iterable[BankTransaction]) -> tuple[int, int]:
    """(in, out) in øre, both positive, each booking on the side of its sign: the sums a bank
    statement, the summary export and the case report show."""
    money_in = money_out = 0
    for tx in transactions:
        if tx.amount_minor > 0:
            money_in += tx.amount_minor
        else:
            money_out -= tx.amount_minor
    return money_in, money_out


def money_in_out(transactions: Iterable[BankTransaction]) -> tuple[int, int]:
    """(in, out) in øre, both positive, net of reversals. A reversal counts against the side it
    undoes: a card purchase refunded lowers the money out rather than raising the money in."""
    money_in = money_out = 0
    for tx in transactions:
        if _is_reversal(tx):
            if tx.amount_minor > 0:
                money_out -= tx.amount_minor
            else:
                money_in += tx.amount_minor
        elif tx.amount_minor > 0:
            money_in += tx.amount_minor
        else:
            money_out -= tx.amount_minor
    return money_in, money_out


def is_person_counterparty(tx: BankTransaction) -> bool:
    """Whether the payee looks like a private person: a national id, or, without an id, a name
    with no company word and no card merchant."""
    identifier = _digits(tx.counterparty_id)
    if len(identifier) == 11:
        return True
    if len(identifier) == 9:
        return False
    if tx.merchant or tx.code_subfamily in CARD_SUBFAMILIES:
        return False
    name = tx.counterparty_name or ""
    return bool(name.strip()) and not COMPANY_WORDS.search(name)


@dataclass(frozen=True)
class Parties:
    """Who the rules look for among the payees, from the case and the bank's role lists."""

    ward_id: str
    guardian_id: str
    own_accounts: frozenset[str]
    """Every account number of the ward, in the banks or in the report: transfers between them
    are the ward's own business."""
    guardian_names: tuple[frozenset[str], ...] = ()
    role_ids: frozenset[str] = frozenset()
    role_names: tuple[frozenset[str], ...] = ()


def parties_for(
    ward_id: str,
    guardian_id: str,
    bank_accounts: Sequence[BankAccount],
    reported: Sequence[ReportedAccount] = (),
) -> Parties:
    """The parties the rules look for. The bank data tells who holds a right on the ward's
    accounts (their id and name); it does not tell which accounts the guardian owns, so a
    payment reaches the guardian when its payee id is the guardian's or its payee name is the
    name the bank gives the guardian."""
    guardian_names: set[frozenset[str]] = set()
    role_ids: set[str] = set()
    role_names: set[frozenset[str]] = set()
    for account in bank_accounts:
        for role in account.roles:
            identifier = _digits(role.party_id)
            key = _name_key(role.name)
            if identifier == guardian_id:
                if key:
                    guardian_names.add(key)
            elif identifier and identifier != ward_id:
                role_ids.add(identifier)
                if key:
                    role_names.add(key)
    accounts = {a.account_number for a in bank_accounts} | {a.account_number for a in reported}
    return Parties(
        ward_id=ward_id,
        guardian_id=guardian_id,
        own_accounts=frozenset(_digits(a) for a in accounts),
        guardian_names=tuple(guardian_names),
        role_ids=frozenset(role_ids),
        role_names=tuple(role_names - guardian_names),
    )


def _is_own(tx: BankTransaction, parties: Parties) -> bool:
    account = _digits(tx.counterparty_account)
    return bool(account) and account in parties.own_accounts


def _names_guardian(tx: BankTransaction, parties: Parties) -> bool:
    if _digits(tx.counterparty_id) == parties.guardian_id:
        return True
    if not parties.guardian_names or not tx.counterparty_name:
        return False
    return _name_key(tx.counterparty_name) in parties.guardian_names


def _names_role_holder(tx: BankTransaction, parties: Parties) -> bool:
    if _digits(tx.counterparty_id) in parties.role_ids:
        return True
    if not parties.role_names or not tx.counterparty_name:
        return False
    return _name_key(tx.counterparty_name) in parties.role_names


def _gift_like(tx: BankTransaction, settings: RuleSettings) -> bool:
    if GIFT_WORDS.search(_lower(tx.message, tx.code_text)):
        return True
    size = -tx.amount_minor
    return (
        is_person_counterparty(tx)
        and size >= settings.gift_round_minimum_minor
        and size % settings.gift_round_unit_minor == 0
    )


@dataclass(frozen=True)
class Payments:
    """An account's payments out, sorted into the kinds the rules look at."""

    cash: tuple[BankTransaction, ...] = ()
    fees: tuple[BankTransaction, ...] = ()
    to_guardian: tuple[BankTransaction, ...] = ()
    to_role_holders: tuple[BankTransaction, ...] = ()
    gifts: tuple[BankTransaction, ...] = ()
    """Payments that are not cash, fees, to the ward's own accounts, to the guardian or to a
    role holder, and either speak of a gift or are a round sum to a private person."""


def sort_payments(bank: BankAccount, parties: Parties, settings: RuleSettings) -> Payments:
    """Read each payment out of the account once and sort it (see `Payments`)."""
    cash, fees, guardian, roles, gifts = [], [], [], [], []
    for tx in bank.transactions:
        if tx.amount_minor >= 0:
            continue
        is_cash_withdrawal, is_bank_fee = is_cash(tx), is_fee(tx)
        if is_cash_withdrawal:
            cash.append(tx)
        if is_bank_fee:
            fees.append(tx)
        if is_cash_withdrawal or is_bank_fee or _is_own(tx, parties):
            continue
        if _names_guardian(tx, parties):
            guardian.append(tx)
        elif _names_role_holder(tx, parties):
            roles.append(tx)
        elif _gift_like(tx, settings):
            gifts.append(tx)
    return Payments(tuple(cash), tuple(fees), tuple(guardian), tuple(roles), tuple(gifts))


# -- the rules ---------------------------------------------------------------------------------


def _difference(
    rule: Rule,
    account_number: str,
    reported: int,
    bank: int,
    tolerance: int,
    currency: str,
    ids: tuple[int, ...] = (),
) -> Deviation | None:
    difference = abs(reported - bank)
    if difference <= tolerance:
        return None
    params = {"reported": reported, "bank": bank, "difference": difference}
    return Deviation(rule, account_number, difference, params, ids, currency)


def opening_balance_rule(
    bank: BankAccount, reported: ReportedAccount, settings: RuleSettings
) -> Deviation | None:
    if bank.opening_minor is None:
        return None
    return _difference(
        Rule.OPENING_BALANCE,
        bank.account_number,
        reported.opening_minor,
        bank.opening_minor,
        settings.balance_tolerance_minor,
        bank.currency,
    )


def closing_balance_rule(
    bank: BankAccount, reported: ReportedAccount, settings: RuleSettings
) -> Deviation | None:
    if bank.closing_minor is None:
        return None
    return _difference(
        Rule.CLOSING_BALANCE,
        bank.account_number,
        reported.closing_minor,
        bank.closing_minor,
        settings.balance_tolerance_minor,
        bank.currency,
    )


def _sum_difference(
    rule: Rule, bank: BankAccount, reported: int, gross: int, net: int, tolerance: int
) -> Deviation | None:
    """A reported sum against the bank's, booked either way: a refund may be reported as money
    in (the gross sums of the statements) or taken off the expense it undoes (net of
    reversals). Only a figure off from both by more than the tolerance is a deviation; its
    size is the difference from the nearer."""
    if gross == net:
        return _difference(rule, bank.account_number, reported, gross, tolerance, bank.currency)
    difference = min(abs(reported - gross), abs(reported - net))
    if difference <= tolerance:
        return None
    params = {"reported": reported, "bank": gross, "net": net, "difference": difference}
    return Deviation(rule, bank.account_number, difference, params, (), bank.currency)


def sum_in_rule(
    bank: BankAccount, figures: BankFigures, reported: ReportedAccount, settings: RuleSettings
) -> Deviation | None:
    return _sum_difference(
        Rule.SUM_IN,
        bank,
        reported.income_minor,
        figures.in_minor,
        figures.net_in_minor,
        settings.sum_tolerance_minor,
    )


def sum_out_rule(
    bank: BankAccount, figures: BankFigures, reported: ReportedAccount, settings: RuleSettings
) -> Deviation | None:
    return _sum_difference(
        Rule.SUM_OUT,
        bank,
        reported.expense_minor,
        figures.out_minor,
        figures.net_out_minor,
        settings.sum_tolerance_minor,
    )


def not_reported_rule(bank: BankAccount) -> Deviation:
    closing = bank.closing_minor or 0
    return Deviation(
        Rule.NOT_REPORTED,
        bank.account_number,
        abs(closing),
        {"bank": closing, "count": len(bank.transactions)},
        (),
        bank.currency,
    )


def not_in_bank_rule(reported: ReportedAccount) -> Deviation:
    return Deviation(
        Rule.NOT_IN_BANK,
        reported.account_number,
        abs(reported.closing_minor),
        {"reported": reported.closing_minor},
    )


def arithmetic_rule(
    reported: ReportedAccount, settings: RuleSettings, currency: str = "NOK"
) -> Deviation | None:
    """The guardian's own sum: opening + income − expenses must give the closing balance, in
    the currency of the bank's account of that number (NOK when no bank has it)."""
    expected = reported.opening_minor + reported.income_minor - reported.expense_minor
    difference = abs(expected - reported.closing_minor)
    if difference <= settings.arithmetic_tolerance_minor:
        return None
    params = {
        "opening": reported.opening_minor,
        "income": reported.income_minor,
        "expenses": reported.expense_minor,
        "expected": expected,
        "reported": reported.closing_minor,
    }
    return Deviation(Rule.ARITHMETIC, reported.account_number, difference, params, (), currency)


def _selected(
    rule: Rule,
    bank: BankAccount,
    chosen: Sequence[BankTransaction],
    limit: int,
    extra: dict[str, Any] | None = None,
) -> Deviation | None:
    total = -sum(tx.amount_minor for tx in chosen)
    if total <= limit:
        return None
    params: dict[str, Any] = {"count": len(chosen), "bank": total, "limit": limit}
    params.update(extra or {})
    ids = tuple(tx.id for tx in chosen)
    return Deviation(rule, bank.account_number, total, params, ids, bank.currency)


def cash_rules(
    bank: BankAccount,
    payments: Payments,
    reported: ReportedAccount | None,
    settings: RuleSettings,
) -> list[Deviation]:
    """Cash withdrawals above the limit, and cash withdrawals the report does not show as such
    (the report's cash line differs from the bank's by more than the tolerance)."""
    cash = payments.cash
    found = []
    above = _selected(Rule.CASH, bank, cash, settings.cash_limit_minor)
    if above is not None:
        found.append(above)
    if reported is not None:
        in_bank = -sum(tx.amount_minor for tx in cash)
        in_report = reported.amount_of("cash")
        difference = abs(in_bank - in_report)
        if difference > settings.cash_report_tolerance_minor:
            found.append(
                Deviation(
                    Rule.CASH_NOT_REPORTED,
                    bank.account_number,
                    difference,
                    {"count": len(cash), "bank": in_bank, "reported": in_report},
                    tuple(tx.id for tx in cash),
                    bank.currency,
                )
            )
    return found


def guardian_transfer_rule(
    bank: BankAccount, payments: Payments, settings: RuleSettings
) -> Deviation | None:
    limit = settings.guardian_transfer_limit_minor
    return _selected(Rule.TO_GUARDIAN, bank, payments.to_guardian, limit)


def role_transfer_rule(
    bank: BankAccount, payments: Payments, settings: RuleSettings
) -> Deviation | None:
    limit = settings.role_transfer_limit_minor
    return _selected(Rule.TO_ROLE_HOLDER, bank, payments.to_role_holders, limit)


def gift_rule(bank: BankAccount, payments: Payments, settings: RuleSettings) -> Deviation | None:
    return _selected(Rule.GIFTS, bank, payments.gifts, settings.gift_limit_minor)


def fee_rule(bank: BankAccount, payments: Payments, settings: RuleSettings) -> Deviation | None:
    return _selected(Rule.FEES, bank, payments.fees, settings.fee_limit_minor)


def incomplete_rule(bank: BankAccount) -> Deviation | None:
    if bank.complete and bank.closing_minor is not None:
        return None
    status = bank.fetch_status if not bank.complete else "no balance"
    return Deviation(Rule.BANK_INCOMPLETE, bank.account_number, 0, {"status": status})


# -- the whole control -------------------------------------------------------------------------


@dataclass(frozen=True)
class BankFigures:
    """The bank's side of one account, as the report shows it. Money in and out are gross, as
    on the bank's statements; the `net_` sums take reversals off the side they undo."""

    opening_minor: int | None
    closing_minor: int | None
    in_minor: int
    out_minor: int
    net_in_minor: int
    net_out_minor: int
    transactions: int
    cash_count: int
    cash_minor: int
    fee_minor: int


def bank_figures(bank: BankAccount, payments: Payments) -> BankFigures:
    money_in, money_out = gross_in_out(bank.transactions)
    net_in, net_out = money_in_out(bank.transactions)
    cash = payments.cash
    return BankFigures(
        opening_minor=bank.opening_minor,
        closing_minor=bank.closing_minor,
        in_minor=money_in,
        out_minor=money_out,
        net_in_minor=net_in,
        net_out_minor=net_out,
        transactions=len(bank.transactions),
        cash_count=len(cash),
        cash_minor=-sum(tx.amount_minor for tx in cash),
        fee_minor=-sum(tx.amount_minor for tx in payments.fees),
    )


@dataclass(frozen=True)
class AccountControl:
    """One account: the bank's figures, the guardian's, and what the rules found."""

    account_number: str
    bank_name: str | None
    currency: str
    bank: BankFigures | None
    reported: ReportedAccount | None
    deviations: tuple[Deviation, ...]


@dataclass(frozen=True)
class ControlResult:
    accounts: tuple[AccountControl, ...]
    settings: RuleSettings
    reported: bool
    """Whether the guardian's account was there to compare with at all."""

    @property
    def deviations(self) -> list[Deviation]:
        return [d for account in self.accounts for d in account.deviations]

    @property
    def suggested(self) -> Outcome:
        """Approve when no rule found anything above its threshold, else follow up."""
        return Outcome.FOLLOW_UP if self.deviations or not self.reported else Outcome.APPROVED

    def deviation_sum_minor(self, currency: str = "NOK") -> int:
        return sum(d.amount_minor for d in self.deviations if d.currency == currency)

    def deviation_sums_minor(self) -> dict[str, int]:
        """The deviations' amounts added up per currency: NOK first, the others by code."""
        currencies = sorted({d.currency for d in self.deviations}, key=lambda c: (c != "NOK", c))
        return {currency: self.deviation_sum_minor(currency) for currency in currencies}


def run_control(
    bank_accounts: Sequence[BankAccount],
    reported: Sequence[ReportedAccount],
    *,
    ward_id: str,
    guardian_id: str,
    settings: RuleSettings | None = None,
) -> ControlResult:
    """Hold the guardian's account against the bank's, account by account."""
    settings = settings or RuleSettings()
    parties = parties_for(ward_id, guardian_id, bank_accounts, reported)
    by_number = {account.account_number: account for account in reported}
    accounts: list[AccountControl] = []

    for bank in bank_accounts:
        report = by_number.pop(bank.account_number, None)
        payments = sort_payments(bank, parties, settings)
        figures = bank_figures(bank, payments)  # read once: the sum rules and the report
        found: list[Deviation | None] = [incomplete_rule(bank)]
        if report is None:
            found.append(not_reported_rule(bank) if reported else None)
        else:
            found += [
                opening_balance_rule(bank, report, settings),
                closing_balance_rule(bank, report, settings),
                sum_in_rule(bank, figures, report, settings),
                sum_out_rule(bank, figures, report, settings),
                arithmetic_rule(report, settings, bank.currency),
            ]
        found += cash_rules(bank, payments, report, settings)
        found += [
            guardian_transfer_rule(bank, payments, settings),
            role_transfer_rule(bank, payments, settings),
            gift_rule(bank, payments, settings),
            fee_rule(bank, payments, settings),
        ]
        accounts.append(
            AccountControl(
                account_number=bank.account_number,
                bank_name=bank.bank_name,
                currency=bank.currency,
                bank=figures,
                reported=report,
                deviations=tuple(d for d in found if d is not None),
            )
        )

    for report in by_number.values():
        found = [not_in_bank_rule(report), arithmetic_rule(report, settings)]
        accounts.append(
            AccountControl(
                account_number=report.account_number,
                bank_name=report.bank_name,
                currency="NOK",
                bank=None,
                reported=report,
                deviations=tuple(d for d in found if d is not None),
            )
        )
    return ControlResult(tuple(accounts), settings, reported=bool(reported))
