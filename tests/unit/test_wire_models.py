"""The wire models read every synthetic payload of the standard, and are strict about types."""

import json

import pytest
from pydantic import ValidationError

from app.dsop import models
from tests.conftest import SHARED

EXAMPLES = SHARED / "dsop" / "examples"

PAYLOADS = {
    "accountDetails.oed.json": models.AccountDetailsResponse,
    "accountServicingProvider.json": models.AccountServicingProvider,
    "accounts.konkurs.page1.json": models.AccountsResponse,
    "accounts.partial.json": models.AccountsResponse,
    "accounts.shielded-empty.json": models.AccountsResponse,
    "cards.json": models.CardsResponse,
    "customerRelationships.json": models.CustomerRelationsResponse,
    "datakatalog-endpoints.assumed.json": models.DirectoryResponse,
    "error.400-ACC-001.json": models.ErrorResponse,
    "roles.vergekontroll.json": models.RolesResponse,
    "transactions.oed.lastpage.json": models.TransactionsResponse,
    "transactions.vergekontroll.page1.json": models.TransactionsResponse,
}


def test_every_example_has_a_model():
    wire_files = {p.name for p in EXAMPLES.glob("*.json")} - {
        "konkursvarsel.assumed.json",  # the bank's side; the consumer never reads it
        "maskinporten.access-token.decoded.json",
        "maskinporten.jwt-grant.decoded.json",
    }
    assert wire_files == set(PAYLOADS)


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_example_parses_and_round_trips(name):
    raw = (EXAMPLES / name).read_bytes()
    parsed = PAYLOADS[name].model_validate_json(raw)
    again = PAYLOADS[name].model_validate_json(json.dumps(parsed.to_wire()))
    assert again == parsed


def test_values_are_read_exactly():
    details = models.AccountDetailsResponse.model_validate_json(
        (EXAMPLES / "accountDetails.oed.json").read_bytes()
    )
    available = details.account.balances[0]
    assert str(available.amount) == "48210.75"
    assert available.type is models.BalanceType.AVAILABLE
    assert available.registered.utcoffset().total_seconds() == 7200
    page = models.TransactionsResponse.model_validate_json(
        (EXAMPLES / "transactions.vergekontroll.page1.json").read_bytes()
    )
    assert page.next_href.endswith("cursor=FSB-20240315-000203951")
    card = page.transactions[2]
    assert card.currency_exchange.exchange_rate == models.Decimal("11.7096")
    assert card.booking_date.isoformat() == "2024-03-15T00:00:00+01:00"


def test_relations_field_names_follow_the_openapi_spelling():
    banks = models.CustomerRelationsResponse.model_validate_json(
        (EXAMPLES / "customerRelationships.json").read_bytes()
    ).banks
    assert banks[2].organization_id == "999000045"
    assert banks[2].ownership_type is models.OwnershipType.UNKNOWN
    assert banks[0].to_wire()["organizationID"] == "999000029"


BASE = {"responseDetails": {"status": "complete"}}


@pytest.mark.parametrize(
    ("transaction", "where"),
    [
        ({"transactionIdentifier": "t", "amount": "12.50"}, "amount"),
        ({"transactionIdentifier": "t", "amount": -1}, "amount"),
        ({"transactionIdentifier": "t", "amount": 1e15}, "amount"),  # beyond any account
        ({"transactionIdentifier": 7}, "transactionIdentifier"),
        ({"transactionIdentifier": "t", "reversalIndicator": "true"}, "reversalIndicator"),
        ({"transactionIdentifier": "t", "bookingDate": "31.05.2025"}, "bookingDate"),
        ({"transactionIdentifier": "t", "bookingDate": 1748649600}, "bookingDate"),
        ({"transactionIdentifier": "t", "currency": "nok"}, "currency"),
        ({"transactionIdentifier": "t", "status": 1}, "status"),
        ({"transactionIdentifier": "t", "creditDebitIndicator": True}, "creditDebitIndicator"),
    ],
)
def test_wrong_types_are_refused(transaction, where):
    body = json.dumps({**BASE, "transactions": [transaction]})
    with pytest.raises(ValidationError) as refused:
        models.TransactionsResponse.model_validate_json(body)
    assert where in str(refused.value)


def test_unknown_fields_and_enum_values_are_tolerated():
    body = json.dumps(
        {
            **BASE,
            "newTopLevelThing": {"x": 1},
            "transactions": [
                {
                    "transactionIdentifier": "t",
                    "status": "reserved",
                    "creditDebitIndicator": "debit",
                    "bookingDate": "2025-05-31T10:00:00+02",
                    "valueDate": "2025-05-31T10:00:00+0200",
                    "registered": "2025-05-31T08:00:00Z",
                    "futureField": True,
                }
            ],
        }
    )
    page = models.TransactionsResponse.model_validate_json(body)
    transaction = page.transactions[0]
    assert transaction.status is models.TransactionStatus.UNKNOWN
    assert transaction.booking_date == transaction.value_date == transaction.registered


def test_a_bad_date_time_is_described_once_by_its_field() -> None:
    from app.dsop.transport import describe

    body = '{"transactionIdentifier": "T1", "bookingDate": "2024-13-01T00:00:00+02:00"}'
    with pytest.raises(ValidationError) as caught:
        models.Transaction.model_validate_json(body)
    text = describe(caught.value)
    assert text.startswith("bookingDate: Input should be a valid datetime, month value")
    assert text.count("bookingDate") == 1
