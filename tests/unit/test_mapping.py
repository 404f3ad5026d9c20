"""From wire models to records: signs, dates, counterparties and deleted fields."""

from datetime import date
from decimal import Decimal

from app.domain.services import BANKRUPTCY, ESTATE
from app.dsop import models
from app.dsop.mapping import balance_records, transaction_record
from tests.conftest import SHARED

EXAMPLES = SHARED / "dsop" / "examples"


def page():
    return models.TransactionsResponse.model_validate_json(
        (EXAMPLES / "transactions.vergekontroll.page1.json").read_bytes()
    )


def test_credit_is_positive_debit_negative_and_counterparty_is_the_other_side():
    pension, rent, _card = page().transactions
    incoming = transaction_record(pension, BANKRUPTCY)
    outgoing = transaction_record(rent, BANKRUPTCY)
    assert incoming.amount == Decimal("21450.0")
    assert incoming.counterparty_name == "Fiktiv Pensjonskasse"
    assert incoming.reference == "E2E-PENS-2401-77"
    assert outgoing.amount == Decimal("-9800.0")
    assert outgoing.counterparty_name == "Demo Husleie AS"
    assert outgoing.booking_date == date(2024, 2, 1)
    assert outgoing.code_text == "Avtalegiro"


def test_estate_deletes_the_fields_it_may_not_keep():
    _pension, _rent, card = page().transactions
    kept = transaction_record(card, BANKRUPTCY)
    deleted = transaction_record(card, ESTATE)
    assert kept.original_amount == Decimal("98.5") and kept.original_currency == "EUR"
    assert deleted.original_amount is None and deleted.exchange_rate is None
    pension = transaction_record(page().transactions[0], ESTATE)
    assert pension.counterparty_account is None
    assert pension.counterparty_name == "Fiktiv Pensjonskasse"
    assert kept.card == "999999XXXXXX4417" and kept.merchant == "CAFE EXEMPLO LISBOA"


def test_balances_keep_their_kind_and_sign():
    details = models.AccountDetailsResponse.model_validate_json(
        (EXAMPLES / "accountDetails.oed.json").read_bytes()
    )
    balances = balance_records(details.account, date(2025, 6, 16))
    assert [(b.kind, b.amount) for b in balances] == [
        ("availableBalance", Decimal("48210.75")),
        ("bookedBalance", Decimal("48710.75")),
    ]
