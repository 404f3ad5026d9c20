"""The camt reader against the public sample files in shared/samples/camt.

Every expected figure below was worked out by hand from the XML; the comment beside it shows
the arithmetic, so a reviewer can check it against the file without running the reader.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.records import with_keys
from app.imports.camt import BalanceMismatch, read_camt

SAMPLES = Path(__file__).parents[2] / ".." / "shared" / "samples" / "camt"

# file -> (message, records, sum of amounts, balance check)
EXPECTED = {
    # camt.052.001.02, one Rpt, one Ntry: Amt 200000 SEK DBIT with one TxDtls that has no
    # amount of its own, so the detail takes the entry's: 1 record, -200000.
    # A report (052) is never balance-checked; this one has no Bal either.
    "genkgo__camt052.v2.xml": ("camt.052.001.02", 1, Decimal("-200000"), "not checked"),
    # camt.053.001.02, one Ntry: Amt 8.85 EUR CRDT, one TxDtls without amount: 1 record, +8.85.
    # OPBD 18.15 CRDT -> +18.15; CLBD 27.00 DBIT -> -27.00.
    # 18.15 + 8.85 = 27.00, but the closing balance is -27.00: mismatch.
    "genkgo__camt053.v2.minimal.xml": ("camt.053.001.02", 1, Decimal("8.85"), "mismatch"),
    # camt.053.001.04, one Ntry: Amt 8.85 EUR CRDT; its TxDtls/Amt is 0 in SEK, not in the
    # entry's EUR, so it cannot count against the entry: the single detail takes 8.85.
    # OPBD +18.15, CLBD 27.00 DBIT = -27.00; 18.15 + 8.85 = 27.00 != -27.00: mismatch.
    "genkgo__camt053.v4.xml": ("camt.053.001.04", 1, Decimal("8.85"), "mismatch"),
    # camt.053.001.08: the same figures as v4 (Sts/Cd, Dbtr/Pty, BookgDt/DtTm):
    # 1 record, +8.85; 18.15 + 8.85 = 27.00 != -27.00: mismatch.
    "genkgo__camt053.v8.xml": ("camt.053.001.08", 1, Decimal("8.85"), "mismatch"),
    # camt.054.001.02, one Ntry: Amt 200000 SEK DBIT with three TxDtls, none with an amount:
    # they cannot be split without inventing figures, so the entry is 1 record, -200000.
    # A notification (054) is never balance-checked.
    "genkgo__camt054.v2.xml": ("camt.054.001.02", 1, Decimal("-200000"), "not checked"),
    # camt.053.001.02, four Ntry:
    #   2.00 DBIT (1 detail, no amount)            -> -2.00
    #   3.00 DBIT (1 detail, no amount)            -> -3.00
    #   1.00 CRDT (1 detail, no amount)            -> +1.00
    #   6.00 DBIT, 2 details AmtDtls/TxAmt 3.50 and 2.50 (3.50 + 2.50 = 6.00, nothing left)
    #                                              -> -3.50, -2.50
    # records 1 + 1 + 1 + 2 = 5; sum -2.00 - 3.00 + 1.00 - 3.50 - 2.50 = -10.00.
    # No OPBD, so PRCD 33.06 CRDT is the opening; CLBD 23.06 CRDT.
    # 33.06 + (-10.00) = 23.06 = closing: ok.
    "viafintech__053_valid_example.xml": ("camt.053.001.02", 5, Decimal("-10.00"), "ok"),
}


def test_every_sample_file_has_expected_figures() -> None:
    assert sorted(p.name for p in SAMPLES.glob("*.xml")) == sorted(EXPECTED)


@pytest.mark.parametrize("file_name", sorted(EXPECTED))
def test_sample_records_sum_and_balance_check(file_name: str) -> None:
    schema, count, total, check = EXPECTED[file_name]

    statements = read_camt(SAMPLES / file_name)

    assert len(statements) == 1
    statement = statements[0]
    assert statement.message.schema == schema
    assert len(statement.transactions) == count
    assert sum((r.amount for r in statement.transactions), Decimal(0)) == total
    assert statement.balance_check == check


def test_minimal_053_mismatch_names_the_figures() -> None:
    statement = read_camt(SAMPLES / "genkgo__camt053.v2.minimal.xml")[0]

    (finding,) = statement.findings
    assert isinstance(finding, BalanceMismatch)
    assert finding.opening == Decimal("18.15")
    assert finding.booked_total == Decimal("8.85")
    assert finding.expected_closing == Decimal("27.00")  # 18.15 + 8.85
    assert finding.closing == Decimal("-27.00")  # CLBD 27.00 DBIT
    assert finding.difference == Decimal("-54.00")  # -27.00 - 27.00
    assert "27.00" in finding.message and "-27.00" in finding.message


def test_viafintech_statement_header_and_balances() -> None:
    statement = read_camt(SAMPLES / "viafintech__053_valid_example.xml")[0]

    assert statement.statement_id == "0352C5320131227220503"
    assert statement.account.account_number == "DE14740618130000033626"
    assert statement.account.currency == "EUR"
    assert statement.account.owner_name == "Testkonto Nummer 1"
    assert statement.servicer_bic == "GENODEF1PFK"
    assert statement.servicer_name == "VR-Bank Rottal-Inn eG"
    assert statement.opening is not None and statement.closing is not None
    assert (statement.opening.kind, statement.opening.amount) == ("opening", Decimal("33.06"))
    assert (statement.closing.kind, statement.closing.amount) == ("closing", Decimal("23.06"))
    assert statement.opening.as_of == date(2013, 12, 27)
    assert statement.created == datetime(2013, 12, 27, 21, 4, 52, tzinfo=UTC)


def test_viafintech_records_take_keys_parties_and_texts_from_the_file() -> None:
    records = read_camt(SAMPLES / "viafintech__053_valid_example.xml")[0].transactions

    assert [r.key for r in records] == [
        "camt:2013122710583450000",
        "camt:2013122710583600000",
        "camt:2013122711085260000",
        "camt:2013122711513230000/1",  # one entry ref, two details
        "camt:2013122711513230000/2",
    ]
    first = records[0]
    assert first.counterparty_name == "Testkonto Nummer 2"  # a debit: the creditor
    assert first.counterparty_account == "DE09300606010012345671"
    assert first.message == "TEST BERWEISUNG MITTELS BLZUND KONTONUMMER - DTA"
    assert first.code_text == "NTRF+020"
    assert ("endToEndIdentification", "EndToEndReference") in first.references
    third = records[2]
    assert third.counterparty_name == "Testkonto Nummer 2"  # a credit: the debtor
    assert third.counterparty_account == "740618130100033626"  # Othr/Id, trimmed
    assert records[3].message == "Sammelueberwseisung 2. Zahlung TAN:283044"


def test_052_sample_reads_account_owner_bank_codes_and_counterparty() -> None:
    statement = read_camt(SAMPLES / "genkgo__camt052.v2.xml")[0]
    (record,) = statement.transactions

    assert statement.account.account_number == "CH2801234000123456789"
    assert statement.account.owner_name == "FINPETROL"
    assert statement.servicer_name == "AAAA BANKEN"
    assert record.key == "camt:AAAASESS-FP-ACCR-01"
    assert (record.code_domain, record.code_family, record.code_subfamily) == (
        "PAYM",
        "0001",
        "0003",
    )
    assert record.code_text == "PAYM / 0001 / 0003; XXXX+000+0000+000"
    assert record.counterparty_name == "Company Name"
    assert record.counterparty_account == "NL56AGDH9619008421"
    assert record.counterparty_id == "455454654"
    assert record.message == "Credit"  # the detail has no text: AddtlNtryInf
    assert record.registered == datetime(2007, 10, 18, 9, 15, tzinfo=UTC)
    assert record.booking_date == date(2007, 10, 18)


def test_v8_sample_reads_party_inside_pty_and_status_code() -> None:
    (record,) = read_camt(SAMPLES / "genkgo__camt053.v8.xml")[0].transactions

    assert record.status == "booked"
    assert record.counterparty_name == "NAME NAME"
    assert record.reference == "4654654654654654"
    assert record.code_text == "Payments / Received credit transfers / Internal book transfer"
    assert record.registered == datetime(2014, 12, 31, 12, 15, tzinfo=UTC)


def test_054_sample_joins_the_texts_of_details_it_cannot_split() -> None:
    (record,) = read_camt(SAMPLES / "genkgo__camt054.v2.xml")[0].transactions

    assert record.message is not None
    assert record.message.startswith("Unstructured Remittance Information V1; ")
    assert "Unstructured Remittance Information V3 block 2" in record.message


def test_minimal_053_record_without_bank_ids_is_fingerprinted_by_with_keys() -> None:
    statement = read_camt(SAMPLES / "genkgo__camt053.v2.minimal.xml")[0]

    assert statement.transactions[0].key is None
    (keyed,) = list(with_keys(statement.transactions))
    assert keyed.key is not None and keyed.key.startswith("fp:")
    assert statement.keyed_transactions() == [keyed]
