"""Turns the Control API's wire models into the core's source-independent records.

Amounts arrive positive with a credit/debit indicator and leave signed. Date-times become
Norwegian calendar dates. Fields the service says the agency must delete (the estate service's
"may be filtered away" fields, REFERENCE §8.4) are dropped here, before anything is stored.
"""

from __future__ import annotations

from datetime import date, datetime

from app.domain.clock import OSLO
from app.domain.records import AccountRecord, BalanceRecord, TransactionRecord
from app.domain.services import ServiceProfile
from app.dsop.models import (
    Account,
    AccountDetail,
    AccountRole,
    CounterParty,
    CounterPartyType,
    CreditDebit,
    Transaction,
)

# Enum members looked up once: attribute access on an enum class is slow in a hot loop.
_DEBIT = CreditDebit.DEBIT
_PAYERS = (CounterPartyType.DEBTOR, CounterPartyType.ULTIMATE_DEBTOR)
_PAYEES = (CounterPartyType.CREDITOR, CounterPartyType.ULTIMATE_CREDITOR)
_PREFERRED_REFERENCES = (
    "endToEndIdentification",
    "remittanceReference",
    "invoiceNumber",
    "archiveReference",
    "accountServicerReference",
)


def local_date(moment: datetime | None) -> date | None:
    return moment.astimezone(OSLO).date() if moment is not None else None


def account_record(account: Account | AccountDetail) -> AccountRecord:
    owner = account.primary_owner
    identifier = owner.identifier if owner else None
    return AccountRecord(
        account_number=account.account_identifier,
        account_reference=account.account_reference,
        type=account.type.value if account.type else None,
        currency=account.currency,
        status=account.status.value if account.status else None,
        name=account.name,
        owner_id=identifier.value if identifier else None,
        owner_name=owner.name if owner else None,
        owner_permission=owner.permission.value if owner and owner.permission else None,
        owner_start=owner.start_date if owner else None,
        owner_end=owner.end_date if owner else None,
        start_date=getattr(account, "start_date", None),
        end_date=getattr(account, "end_date", None),
    )


def balance_records(account: AccountDetail, as_of: date) -> list[BalanceRecord]:
    """Balances of an account as of the period's end, signed by their indicator."""
    records = []
    for balance in account.balances or ():
        if balance.amount is None or balance.type is None:
            continue
        debit = balance.credit_debit_indicator is CreditDebit.DEBIT
        records.append(
            BalanceRecord(
                kind=balance.type.value,
                amount=-balance.amount if debit else balance.amount,
                currency=balance.currency or account.currency,
                as_of=as_of,
                registered=balance.registered,
                credit_line_included=balance.credit_line_included,
                credit_line_amount=balance.credit_line_amount,
                credit_line_currency=balance.credit_line_currency,
            )
        )
    return records


def _counterparty(transaction: Transaction, debit: bool) -> CounterParty | None:
    parties = transaction.counter_parties or []
    wanted = _PAYEES if debit else _PAYERS
    for party in parties:
        if party.type in wanted:
            return party
    return parties[0] if parties else None


def _reference(transaction: Transaction) -> str | None:
    references = {ref.type.value: ref.value for ref in transaction.references or ()}
    for kind in _PREFERRED_REFERENCES:
        if kind in references:
            return references[kind]
    return next(iter(references.values()), None)


def transaction_record(transaction: Transaction, profile: ServiceProfile) -> TransactionRecord:
    debit = transaction.credit_debit_indicator is _DEBIT
    amount = transaction.amount if transaction.amount is not None else 0
    party = _counterparty(transaction, debit)
    code = transaction.transaction_code
    exchange = transaction.currency_exchange
    if "currency_exchange" in profile.fields_to_delete:
        exchange = None
    account = party.account_identifier if party else None
    if "counterparty_account" in profile.fields_to_delete:
        account = None
    return TransactionRecord(
        key=transaction.transaction_identifier,
        booking_date=local_date(transaction.booking_date),
        value_date=local_date(transaction.value_date),
        registered=transaction.registered,
        amount=-amount if debit else +amount,
        currency=transaction.currency,
        status=transaction.status.value if transaction.status else "booked",
        reversal=bool(transaction.reversal_indicator),
        code_domain=code.domain if code else None,
        code_family=code.family if code else None,
        code_subfamily=code.sub_family if code else None,
        code_text=code.free_text if code else None,
        counterparty_name=party.name if party else None,
        counterparty_account=account,
        counterparty_id=party.identifier.value if party and party.identifier else None,
        merchant=transaction.merchant,
        message=transaction.additional_info,
        reference=_reference(transaction),
        references=tuple((ref.type.value, ref.value) for ref in transaction.references or ()),
        card=transaction.payment_card.card_identifier if transaction.payment_card else None,
        original_amount=exchange.original_amount if exchange else None,
        original_currency=exchange.source_currency if exchange else None,
        exchange_rate=exchange.exchange_rate if exchange else None,
    )


def role_rows(roles: list[AccountRole]) -> list[dict[str, object]]:
    return [
        {
            "permission": role.permission.value if role.permission else None,
            "party_id": role.identifier.value if role.identifier else None,
            "party_kind": role.identifier.type.value if role.identifier else None,
            "name": role.name,
            "start_date": role.start_date,
            "end_date": role.end_date,
        }
        for role in roles
    ]
