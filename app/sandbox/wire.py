"""Turns the synthetic world into the shared wire models of `app.dsop.models`.

Transactions are built as wire dicts once and cached, so that serving a page is a slice of
ready dicts; only the few items whose status depends on today are rebuilt.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from functools import lru_cache
from typing import Any

from app.dsop import models
from app.sandbox import people
from app.sandbox.banks import Bank
from app.sandbox.numbers import is_person
from app.sandbox.oslo import OSLO
from app.sandbox.people import Counterparty
from app.sandbox.synth import AccountPlan, CardInfo, Tx

NORWAY = "NO"


@lru_cache(maxsize=4096)
def identifier(value: str) -> models.Identifier:
    kind = models.IdentifierType.PERSON if is_person(value) else models.IdentifierType.ORGANISATION
    return models.Identifier(country_of_residence=NORWAY, value=value, type=kind)


@lru_cache(maxsize=64)
def servicer(bank: Bank) -> models.FinancialInstitution:
    return models.FinancialInstitution(identifier=identifier(bank.org_number), name=bank.name)


def owner_role(
    party: str, start: date, end: date | None, permission: models.Permission
) -> models.AccountRole:
    return models.AccountRole(
        permission=permission,
        identifier=identifier(party),
        name=people.party_name(party),
        start_date=start,
        end_date=end,
    )


def account(
    plan: AccountPlan,
    bank: Bank,
    reference: str,
    status: models.AccountStatus,
    owner: models.AccountRole,
) -> models.Account:
    return models.Account(
        status=status,
        servicer=servicer(bank),
        account_identifier=plan.number,
        account_reference=reference,
        type=plan.account_type,
        currency=plan.currency,
        primary_owner=owner,
    )


def balance(
    kind: models.BalanceType,
    amount: Decimal,
    currency: str,
    registered: datetime,
    credit_line: Decimal | None,
) -> models.Balance:
    indicator = models.CreditDebit.CREDIT if amount >= 0 else models.CreditDebit.DEBIT
    return models.Balance(
        type=kind,
        amount=abs(amount),
        credit_debit_indicator=indicator,
        currency=currency,
        registered=registered,
        credit_line_included=False,
        credit_line_amount=credit_line,
        credit_line_currency=currency if credit_line is not None else None,
    )


@lru_cache(maxsize=256)
def payment_card(card: CardInfo, bank: Bank) -> models.PaymentCard:
    return models.PaymentCard(
        card_identifier=card.masked_number,
        holder_name=card.holder,
        start_date=card.start,
        expiry_date=card.expiry,
        card_issuer_name=bank.name,
        type=card.card_type,
        card_status=models.CardStatus.ACTIVE,
        version_number=card.version,
        card_issuer_identifier=identifier(bank.org_number),
    )


@lru_cache(maxsize=20000)
def _counter_party(party: Counterparty, role: models.CounterPartyType) -> models.CounterParty:
    address = None
    if party.street:
        address = models.PostalAddress(
            type=models.AddressType.RESIDENTIAL if party.is_person else models.AddressType.BUSINESS,
            street_name=party.street,
            building_number=party.building,
            post_code=party.post_code,
            town_name=party.town,
            country=NORWAY,
        )
    return models.CounterParty(
        account_identifier=party.account,
        identifier=identifier(party.identifier),
        name=party.name,
        type=role,
        postal_address=address,
    )


@lru_cache(maxsize=256)
def _code(code: tuple[str, str, str, str]) -> models.BankTransactionCode:
    domain, family, sub_family, free_text = code
    return models.BankTransactionCode(
        domain=domain, family=family, sub_family=sub_family, free_text=free_text
    )


@lru_cache(maxsize=64)
def _reference_type(kind: str) -> models.ReferenceType:
    return models.ReferenceType(kind)


def _reference(kind: str, value: str) -> models.TransactionReference:
    return models.TransactionReference(value=value, type=_reference_type(kind))


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), OSLO)


def transaction_model(tx: Tx, plan: AccountPlan, bank: Bank, pending: bool) -> models.Transaction:
    """One transaction as the validated wire model: the specification `transaction` follows."""
    credit = tx.amount > 0
    counter_parties = None
    if tx.counterparty is not None:
        role = models.CounterPartyType.DEBTOR if credit else models.CounterPartyType.CREDITOR
        counter_parties = [_counter_party(tx.counterparty, role)]
    exchange = None
    if tx.exchange is not None:
        original, source, rate = tx.exchange
        exchange = models.CurrencyExchange(
            original_amount=original,
            source_currency=source,
            target_currency=plan.currency,
            unit_currency=source,
            exchange_rate=rate,
        )
    return models.Transaction(
        transaction_identifier=tx.ident,
        references=[_reference(t, v) for t, v in tx.references] or None,
        credit_debit_indicator=models.CreditDebit.CREDIT if credit else models.CreditDebit.DEBIT,
        reversal_indicator=tx.reversal,
        status=models.TransactionStatus.PENDING if pending else models.TransactionStatus.BOOKED,
        transaction_code=_code(tx.code),
        booking_date=None if pending else _midnight(tx.day),
        value_date=None if pending else _midnight(tx.value_day or tx.day),
        counter_parties=counter_parties,
        additional_info=tx.info,
        currency_exchange=exchange,
        merchant=tx.merchant,
        payment_card=payment_card(tx.card, bank) if tx.card else None,
        registered=tx.registered,
        amount=abs(tx.amount),
        currency=plan.currency,
    )


# The parts of a transaction that repeat across thousands of them, as wire dicts.


@lru_cache(maxsize=20000)
def _counter_party_wire(party: Counterparty, role: models.CounterPartyType) -> dict[str, Any]:
    return _counter_party(party, role).to_wire()


@lru_cache(maxsize=256)
def _code_wire(code: tuple[str, str, str, str]) -> dict[str, Any]:
    return _code(code).to_wire()


@lru_cache(maxsize=256)
def _card_wire(card: CardInfo, bank: Bank) -> dict[str, Any]:
    return payment_card(card, bank).to_wire()


@lru_cache(maxsize=4096)
def _midnight_wire(day: date) -> str:
    return _midnight(day).isoformat()


def transaction(tx: Tx, plan: AccountPlan, bank: Bank, pending: bool) -> dict[str, Any]:
    """The wire dict of one transaction; booked ones are cached on the transaction.

    Built directly rather than through `transaction_model`, which costs a quarter of what the
    sandbox spends on a harvest; a test holds the two to the same result for whole histories.
    """
    if not pending and tx.wire is not None:
        return tx.wire
    credit = tx.amount > 0
    wire: dict[str, Any] = {"transactionIdentifier": tx.ident}
    if tx.references:
        wire["references"] = [{"value": v, "type": t} for t, v in tx.references]
    wire["creditDebitIndicator"] = "credit" if credit else "debit"
    wire["reversalIndicator"] = tx.reversal
    wire["status"] = "pending" if pending else "booked"
    wire["transactionCode"] = _code_wire(tx.code)
    if not pending:
        wire["bookingDate"] = _midnight_wire(tx.day)
        wire["valueDate"] = _midnight_wire(tx.value_day or tx.day)
    if tx.counterparty is not None:
        role = models.CounterPartyType.DEBTOR if credit else models.CounterPartyType.CREDITOR
        wire["counterParties"] = [_counter_party_wire(tx.counterparty, role)]
    if tx.info is not None:
        wire["additionalInfo"] = tx.info
    if tx.exchange is not None:
        original, source, rate = tx.exchange
        wire["currencyExchange"] = {
            "originalAmount": float(original),
            "sourceCurrency": source,
            "targetCurrency": plan.currency,
            "unitCurrency": source,
            "exchangeRate": float(rate),
        }
    if tx.merchant is not None:
        wire["merchant"] = tx.merchant
    if tx.card:
        wire["paymentCard"] = _card_wire(tx.card, bank)
    if tx.registered is not None:
        wire["registered"] = tx.registered.isoformat()
    wire["amount"] = float(abs(tx.amount))
    wire["currency"] = plan.currency
    if not pending:
        tx.wire = wire
    return wire


def without_may_filter_fields(wire: dict[str, Any]) -> dict[str, Any]:
    """Drop what OED marks "may be filtered away" (REFERENCE §8.4): counterparty account
    numbers and addresses, and currency exchange. Technically mandatory fields stay."""
    trimmed = dict(wire)
    trimmed.pop("currencyExchange", None)
    parties = trimmed.get("counterParties")
    if parties:
        trimmed["counterParties"] = [
            {k: v for k, v in p.items() if k not in ("accountIdentifier", "postalAddress")}
            for p in parties
        ]
    return trimmed
