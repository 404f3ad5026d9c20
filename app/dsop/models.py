"""Pydantic models of every message in the DSOP Control API v2 and the services around it.

The models are tolerant readers and strict about types: unknown fields are ignored, unknown
enum values map to an `unknown` member, but a string where a number belongs, a number where a
string belongs, or a negative amount fails validation. Date-times accept every offset form the
standard shows (`Z`, `+hh`, `+hhmm`, `+hh:mm`) and none, which means Norwegian local time.

The sandbox serialises the same models, so both sides of the wire agree on names and types.
"""

from __future__ import annotations

import enum
import re
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    NaiveDatetime,
    PlainSerializer,
    PlainValidator,
)
from pydantic.alias_generators import to_camel

from app.domain import money
from app.domain.clock import OSLO


class _LenientEnum(enum.StrEnum):
    """An enum that reads an unknown value as `unknown` instead of failing."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str):
            return None  # a number or a boolean where a code belongs is an error, not unknown
        return cls.__members__.get("UNKNOWN")


def _require_number(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise ValueError("must be a JSON number")
    return value if isinstance(value, Decimal) else Decimal(str(value))


_OFFSET = re.compile(r"([+-])(\d{2})(?::?(\d{2}))?$")


def _with_full_offset(text: str) -> str:
    """Rewrite the short offsets the standard shows (`+02`, `+0200`) as `+02:00`."""
    match = _OFFSET.search(text)
    if match and match.start() >= 19:
        sign, hours, minutes = match.groups()
        return f"{text[: match.start()]}{sign}{hours}:{minutes or '00'}"
    return text


def _parse_short_offset(value: object) -> datetime:
    """Read a date-time with a short offset (`+02`, `+0200`), which the fast parser refuses."""
    if not isinstance(value, str) or "T" not in value:
        raise ValueError("must be an ISO 8601 date-time string")
    try:
        return datetime.fromisoformat(_with_full_offset(value))
    except ValueError:
        raise ValueError("must be an ISO 8601 date-time") from None


def _assume_oslo(value: datetime) -> datetime:
    """A date-time without an offset is Norwegian local time."""
    return value.replace(tzinfo=OSLO) if value.tzinfo is None else value


def _enum(cls: type[enum.Enum]) -> Any:
    """A code field: strict mode refuses a non-string, `_missing_` maps unknown codes."""
    return cls


Amount = Annotated[
    Decimal,
    BeforeValidator(_require_number),
    Field(ge=0, lt=money.LIMIT),
    PlainSerializer(float, return_type=float, when_used="json"),
]
Rate = Annotated[
    Decimal,
    BeforeValidator(_require_number),
    Field(gt=0),
    PlainSerializer(float, return_type=float, when_used="json"),
]
# The usual form, with a full offset, is read without a Python call; the rest take a detour.
DateTime = Annotated[
    AwareDatetime
    | Annotated[NaiveDatetime, AfterValidator(_assume_oslo)]
    | Annotated[datetime, PlainValidator(_parse_short_offset), AfterValidator(_assume_oslo)],
    Field(union_mode="left_to_right"),
    PlainSerializer(datetime.isoformat, return_type=str, when_used="json"),
]
Text = str  # strict mode already refuses a number or a boolean where a string belongs
CurrencyCode = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]
YearMonth = Annotated[str, Field(pattern=r"^[0-9]+-(0[1-9]|1[0-2])$")]


class WireModel(BaseModel):
    model_config = ConfigDict(
        extra="ignore",
        strict=True,
        alias_generator=to_camel,
        populate_by_name=True,
        frozen=True,
    )

    def to_wire(self) -> dict[str, Any]:
        """The JSON-ready dict a bank would send: camelCase names, absent values left out."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)


# -- enumerations (REFERENCE §5) ------------------------------------------------------------


class ResponseStatus(_LenientEnum):
    COMPLETE = "complete"
    PARTIAL = "partial"
    UNKNOWN = "unknown"


class AccountStatus(_LenientEnum):
    ENABLED = "enabled"
    DISABLED = "disabled"
    DELETED = "deleted"
    UNKNOWN = "unknown"


class AccountType(_LenientEnum):
    LOAN = "loanAccount"
    SALARY = "salaryAccount"
    CURRENCY = "currencyAccount"
    SAVINGS = "savingsAccount"
    CLIENT = "clientAccount"
    TAX_DEDUCTION = "taxDeductionAccount"
    BUSINESS = "businessAccount"
    CREDIT_CARD = "creditCardAccount"
    PREPAID_CARD = "prepaidCardAccount"
    WITHOUT_BALANCE = "accountWithoutBalance"
    OTHER = "otherAccount"
    UNKNOWN = "unknown"


class IdentifierType(_LenientEnum):
    ORGANISATION = "countryIdentificationCode"
    PERSON = "nationalIdentityNumber"
    UNKNOWN = "unknown"


class Permission(_LenientEnum):
    USE_ALONE = "rightToUseAlone"
    USE_WITH_OTHER = "rightToUseWithOther"
    SEE_ONLY = "rightToSeeOnly"
    UNKNOWN = "unknown"


class CreditDebit(_LenientEnum):
    CREDIT = "credit"
    DEBIT = "debit"
    UNKNOWN = "unknown"


class BalanceType(_LenientEnum):
    AVAILABLE = "availableBalance"
    BOOKED = "bookedBalance"
    UNKNOWN = "unknown"


class TransactionStatus(_LenientEnum):
    BOOKED = "booked"
    PENDING = "pending"
    INFO = "info"
    UNKNOWN = "unknown"


class ReferenceType(_LenientEnum):
    ACCOUNT_SERVICER = "accountServicerReference"
    ARCHIVE = "archiveReference"
    CHEQUE_NUMBER = "chequeNumber"
    END_TO_END = "endToEndIdentification"
    INSTRUCTION = "instructionIdentification"
    INVOICE = "invoiceNumber"
    MANDATE = "mandateIdentification"
    MESSAGE = "messageIdentification"
    OTHER = "otherReference"
    PAYMENT_INFORMATION = "paymentInformationIdentification"
    REMITTANCE = "remittanceReference"
    UNKNOWN = "unknown"


class CounterPartyType(_LenientEnum):
    DEBTOR = "debtor"
    CREDITOR = "creditor"
    ULTIMATE_DEBTOR = "ultimateDebtor"
    ULTIMATE_CREDITOR = "ultimateCreditor"
    UNKNOWN = "unknown"


class AddressType(_LenientEnum):
    RESIDENTIAL = "residential"
    BUSINESS = "business"
    MAIL_TO = "mailTo"
    DELIVERY_TO = "deliveryTo"
    UNKNOWN = "unknown"


class CardType(_LenientEnum):
    CREDIT = "creditCard"
    DEBIT = "debitCard"
    UNKNOWN = "unknown"


class CardStatus(_LenientEnum):
    ACTIVE = "active"
    BLOCKED = "blocked"
    UNKNOWN = "unknown"


class OwnershipType(_LenientEnum):
    PRIMARY_OWNER = "primaryOwner"
    NOT_PRIMARY_OWNER = "notPrimaryOwner"
    UNKNOWN = "unknown"


# -- shared parts ----------------------------------------------------------------------------


class Identifier(WireModel):
    country_of_residence: CountryCode | None = None
    value: Text
    type: _enum(IdentifierType)


class FinancialInstitution(WireModel):
    identifier: Identifier | None = None
    name: Text | None = Field(default=None, max_length=140)


class AccountRole(WireModel):
    permission: _enum(Permission) | None = None
    identifier: Identifier | None = None
    name: Text | None = Field(default=None, max_length=140)
    start_date: date | None = None
    end_date: date | None = None


class ResponseDetails(WireModel):
    status: _enum(ResponseStatus)
    message: Text | None = Field(default=None, max_length=500)


class Link(WireModel):
    rel: Text = Field(max_length=50)
    href: Text = Field(max_length=500)


class Paged(WireModel):
    links: list[Link] | None = None

    @property
    def next_href(self) -> str | None:
        for link in self.links or ():
            if link.rel == "next":
                return link.href
        return None


# -- Accounts and Account details (REFERENCE §4.4, §4.5) -----------------------------------


class Account(WireModel):
    status: _enum(AccountStatus) | None = None
    servicer: FinancialInstitution | None = None
    account_identifier: Text
    account_reference: Text
    type: _enum(AccountType) | None = None
    currency: CurrencyCode | None = None
    primary_owner: AccountRole | None = None
    name: Text | None = Field(default=None, max_length=70)


class AccountsResponse(Paged):
    response_details: ResponseDetails
    accounts: list[Account] | None = None


class Balance(WireModel):
    credit_line_included: bool | None = None
    amount: Amount | None = None
    credit_debit_indicator: _enum(CreditDebit) | None = None
    registered: DateTime | None = None
    type: _enum(BalanceType) | None = None
    credit_line_amount: Amount | None = None
    credit_line_currency: CurrencyCode | None = None
    currency: CurrencyCode | None = None


class AccountDetail(Account):
    balances: list[Balance] | None = None
    start_date: date | None = None
    end_date: date | None = None


class AccountDetailsResponse(WireModel):
    response_details: ResponseDetails
    account: AccountDetail | None = None


# -- Transactions (REFERENCE §4.6) ----------------------------------------------------------


class TransactionReference(WireModel):
    value: Text
    type: _enum(ReferenceType)


class BankTransactionCode(WireModel):
    domain: Text | None = None
    family: Text | None = None
    sub_family: Text | None = None
    free_text: Text | None = Field(default=None, max_length=500)


class PostalAddress(WireModel):
    type: _enum(AddressType) | None = None
    post_code: Text | None = Field(default=None, max_length=16)
    street_name: Text | None = Field(default=None, max_length=70)
    building_number: Text | None = Field(default=None, max_length=16)
    town_name: Text | None = Field(default=None, max_length=35)
    country: CountryCode | None = None
    address_lines: list[Annotated[str, Field(max_length=70)]] | None = None


class CounterParty(WireModel):
    account_identifier: Text | None = None
    identifier: Identifier | None = None
    name: Text | None = Field(default=None, max_length=140)
    type: _enum(CounterPartyType) | None = None
    postal_address: PostalAddress | None = None


class CurrencyExchange(WireModel):
    original_amount: Amount | None = None
    source_currency: CurrencyCode | None = None
    target_currency: CurrencyCode | None = None
    unit_currency: CurrencyCode | None = None
    exchange_rate: Rate | None = None


class PaymentCard(WireModel):
    card_identifier: Text
    holder_name: Text | None = Field(default=None, max_length=140)
    start_date: YearMonth | None = None
    expiry_date: YearMonth | None = None
    card_issuer_name: Text | None = Field(default=None, max_length=140)
    type: _enum(CardType) | None = None
    card_status: _enum(CardStatus) | None = None
    version_number: Text | None = Field(default=None, min_length=1, max_length=1)
    card_issuer_identifier: Identifier | None = None


class Transaction(WireModel):
    transaction_identifier: Text
    references: list[TransactionReference] | None = None
    credit_debit_indicator: _enum(CreditDebit) | None = None
    reversal_indicator: bool | None = None
    status: _enum(TransactionStatus) | None = None
    transaction_code: BankTransactionCode | None = None
    booking_date: DateTime | None = None
    value_date: DateTime | None = None
    counter_parties: list[CounterParty] | None = None
    additional_info: Text | None = Field(default=None, max_length=500)
    currency_exchange: CurrencyExchange | None = None
    merchant: Text | None = Field(default=None, max_length=140)
    payment_card: PaymentCard | None = None
    registered: DateTime | None = None
    amount: Amount | None = None
    currency: CurrencyCode | None = None


class TransactionsResponse(Paged):
    response_details: ResponseDetails
    transactions: list[Transaction] | None = None


# -- Cards and Roles (REFERENCE §4.7, §4.8) -------------------------------------------------


class CardsResponse(WireModel):
    response_details: ResponseDetails
    payment_cards: list[PaymentCard] | None = None


class RolesResponse(WireModel):
    response_details: ResponseDetails
    roles: list[AccountRole] | None = None


# -- Customer relations, servicing provider, directory (REFERENCE §4.1 - §4.3) ---------------


class CustomerRelation(WireModel):
    organization_id: Text = Field(alias="organizationID", pattern=r"^\d{9}$")
    bank_name: Text
    active_account: bool | None = None
    ownership_type: _enum(OwnershipType) | None = None


class CustomerRelationsResponse(WireModel):
    banks: list[CustomerRelation]


class AccountServicingProvider(WireModel):
    organization_id: Text = Field(alias="organizationId", pattern=r"^\d{9}$")
    bank_name: Text


class DirectoryEntry(WireModel):
    org_no: Text = Field(pattern=r"^\d{9}$")
    name: Text
    url: Text
    version: Text
    env: Text | None = None


class DirectoryResponse(WireModel):
    endpoints: list[DirectoryEntry]
    total: int | None = None


# -- errors ----------------------------------------------------------------------------------


class ErrorResponse(WireModel):
    """The error body of the Control API: `{"code": "ACC-001", "message": "..."}`."""

    code: Text
    message: Text | None = None


class RelationsErrorResponse(WireModel):
    """The error body of the customer relations service (`ERR-00x`)."""

    error_code: Text | None = None
    error_message: Text | None = None
    timestamp: Text | None = None


# -- Maskinporten ----------------------------------------------------------------------------


class TokenResponse(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True, frozen=True)

    access_token: str
    token_type: str
    expires_in: int = Field(gt=0)
    scope: str | None = None


class TokenErrorResponse(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    error: str
    error_description: str | None = None
    error_uri: str | None = None
