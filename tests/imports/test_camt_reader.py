"""The camt reader on synthetic files: every version, entry details, keys, balances, errors."""

from __future__ import annotations

import io
from dataclasses import FrozenInstanceError, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from camt_builder import Account, Balance, Detail, Entry, document, simple, statement_xml

from app.domain.records import TransactionRecord
from app.imports.camt import (
    CHARGES_MESSAGE,
    DIFFERENCE_MESSAGE,
    MessageType,
    identify,
    iter_camt,
    read_camt,
)
from app.imports.errors import (
    InvalidValueError,
    MalformedXmlError,
    MissingElementError,
    NotXmlError,
    StatementFileError,
    TruncatedFileError,
    UnsupportedMessageError,
)

SAMPLES = Path(__file__).parents[2] / ".." / "shared" / "samples" / "camt"
VIAFINTECH = SAMPLES / "viafintech__053_valid_example.xml"
VERSIONS = range(2, 14)


def two_entries() -> list[Entry]:
    return [
        Entry(
            "1500.00",
            "CRDT",
            ref="R1",
            details=[Detail(debtor="Kari Nordmann", debtor_account="NO8330001234567", text="Gave")],
        ),
        Entry(
            "250.50",
            "DBIT",
            ref="R2",
            details=[Detail(creditor="Rema 1000", creditor_account="NO1212345678903", kid="123")],
        ),
    ]


# -- every version reads ---------------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("kind", ["052", "053", "054"])
def test_every_message_and_version_reads(kind: str, version: int) -> None:
    data = simple(kind, version, two_entries())

    (statement,) = read_camt(data, name=f"v{version}.xml")

    assert statement.message == MessageType(f"camt.{kind}", version)
    assert statement.account.account_number == "NO9386011117947"
    assert statement.account.owner_name == "Ola Nordmann"
    assert statement.servicer_bic == "DNBANOKKXXX"
    first, second = statement.transactions
    assert (first.amount, second.amount) == (Decimal("1500.00"), Decimal("-250.50"))
    # a credit's counterparty is the debtor, a debit's the creditor, with or without Pty
    assert (first.counterparty_name, first.counterparty_account) == (
        "Kari Nordmann",
        "NO8330001234567",
    )
    assert (second.counterparty_name, second.counterparty_account) == (
        "Rema 1000",
        "NO1212345678903",
    )
    assert first.message == "Gave"
    assert (second.message, second.reference) == ("123", "123")
    assert [r.status for r in statement.transactions] == ["booked", "booked"]


@pytest.mark.parametrize("version", VERSIONS)
def test_identify_reads_only_the_root(version: int) -> None:
    assert identify(simple("053", version, [])) == MessageType("camt.053", version)


def test_detail_amount_in_version_2_comes_from_amount_details() -> None:
    entry = Entry("10.00", "DBIT", ref="E", details=[Detail("6.00"), Detail("4.00")])

    records = read_camt(simple("053", 2, [entry]))[0].transactions

    assert [r.amount for r in records] == [Decimal("-6.00"), Decimal("-4.00")]


# -- entries with several details ------------------------------------------------------------


def test_details_short_of_the_entry_leave_a_charges_record() -> None:
    # 100.00 out: two payments of 60.00 and 37.00 and 3.00 in charges (Chrgs on the entry)
    entry = Entry(
        "100.00",
        "DBIT",
        ref="BATCH",
        charges="3.00",
        details=[Detail("60.00", creditor="A"), Detail("37.00", creditor="B")],
    )

    records = read_camt(simple("053", 8, [entry]))[0].transactions

    assert [r.amount for r in records] == [Decimal("-60.00"), Decimal("-37.00"), Decimal("-3.00")]
    assert sum(r.amount for r in records) == Decimal("-100.00")
    assert [r.key for r in records] == ["camt:BATCH/1", "camt:BATCH/2", "camt:BATCH/rest"]
    assert records[2].message == CHARGES_MESSAGE
    assert [r.counterparty_name for r in records] == ["A", "B", None]


def test_details_short_without_charges_leave_an_unassigned_difference() -> None:
    entry = Entry("50.00", "CRDT", details=[Detail("20.00"), Detail("25.00")])

    records = read_camt(simple("053", 5, [entry]))[0].transactions

    assert [r.amount for r in records] == [Decimal("20.00"), Decimal("25.00"), Decimal("5.00")]
    assert records[2].message == DIFFERENCE_MESSAGE
    assert all(r.key is None for r in records)


def test_details_above_the_entry_leave_a_negative_difference() -> None:
    # 97.00 in for a 100.00 payment: 3.00 of fees taken by a bank on the way
    entry = Entry("97.00", "CRDT", ref="IN", details=[Detail("100.00", charges="3.00")])

    records = read_camt(simple("053", 8, [entry]))[0].transactions

    assert [r.amount for r in records] == [Decimal("100.00"), Decimal("-3.00")]
    assert [r.key for r in records] == ["camt:IN/1", "camt:IN/rest"]
    assert records[1].message == CHARGES_MESSAGE


def test_detail_indicator_overrides_the_entry_sign() -> None:
    # a net credit of 90.00: 100.00 in, 10.00 returned out, inside one entry
    entry = Entry(
        "90.00",
        "CRDT",
        details=[Detail("100.00", indicator="CRDT"), Detail("10.00", indicator="DBIT")],
    )

    records = read_camt(simple("053", 8, [entry]))[0].transactions

    assert [r.amount for r in records] == [Decimal("100.00"), Decimal("-10.00")]


def test_several_details_without_amounts_stay_one_record() -> None:
    entry = Entry(
        "300.00",
        "DBIT",
        ref="SAL",
        details=[Detail(text="Lønn januar"), Detail(text="Lønn februar")],
    )

    (record,) = read_camt(simple("053", 8, [entry]))[0].transactions

    assert record.amount == Decimal("-300.00")
    assert record.key == "camt:SAL"
    assert record.message == "Lønn januar; Lønn februar"


def test_entry_without_details_is_one_record_with_the_entry_text() -> None:
    entry = Entry("12.00", "DBIT", ref="FEE", domain=("ACMT", "MDOP", "CHRG"), info="Gebyr")

    (record,) = read_camt(simple("053", 8, [entry]))[0].transactions

    assert (record.amount, record.message, record.key) == (Decimal("-12.00"), "Gebyr", "camt:FEE")
    assert record.code_text == "Account management / Miscellaneous debit operations / Charges"


# -- keys -----------------------------------------------------------------------------------


def test_keys_fall_back_to_detail_ids_and_then_to_none() -> None:
    entries = [
        Entry("1.00", details=[Detail(account_servicer_ref="D1", tx_id="T1")]),
        Entry("2.00", details=[Detail(tx_id="T2", end_to_end="E2")]),
        Entry("3.00", details=[Detail(end_to_end="E3")]),
    ]

    records = read_camt(simple("053", 8, entries))[0].transactions

    assert [r.key for r in records] == ["camt:ref:D1", "camt:txid:T2", None]


def test_a_reference_repeated_in_one_statement_gets_an_occurrence_suffix() -> None:
    entries = [Entry("1.00", ref="SAME"), Entry("2.00", ref="SAME"), Entry("3.00", ref="SAME")]

    records = read_camt(simple("053", 8, entries))[0].transactions

    assert [r.key for r in records] == ["camt:SAME", "camt:SAME#2", "camt:SAME#3"]


def test_keys_are_the_same_on_every_import() -> None:
    entries = [Entry("1.00"), Entry("1.00"), Entry("2.00", ref="X")]
    data = simple("053", 8, entries)

    first = read_camt(data)[0].keyed_transactions()
    again = read_camt(data)[0].keyed_transactions()

    assert [r.key for r in first] == [r.key for r in again]
    assert len({r.key for r in first}) == 3  # two identical payments stay two


# -- entry fields ------------------------------------------------------------------------------


def test_status_reversal_codes_dates_and_foreign_amount() -> None:
    entry = Entry(
        "110.00",
        "DBIT",
        status="PDNG",
        booking=None,
        booking_time="2024-01-15T23:30:00+01:00",
        value="2024-01-16",
        reversal=True,
        domain=("PMNT", "CCRD", "POSD"),
        proprietary="VAREKJOP",
        details=[Detail(instructed=("10.00", "EUR", "11.00"), creditor="Café de Paris")],
    )

    (record,) = read_camt(simple("053", 8, [entry]))[0].transactions

    assert record.status == "pending"
    assert record.reversal is True
    assert record.booking_date == date(2024, 1, 15)  # the bank's local date
    assert record.registered == datetime(2024, 1, 15, 22, 30, tzinfo=UTC)
    assert record.value_date == date(2024, 1, 16)
    assert (record.code_domain, record.code_family, record.code_subfamily) == (
        "PMNT",
        "CCRD",
        "POSD",
    )
    assert record.code_text == (
        "Payments / Customer card transactions / Point-of-sale payment (debit card); VAREKJOP"
    )
    assert (record.original_amount, record.original_currency, record.exchange_rate) == (
        Decimal("-10.00"),
        "EUR",
        Decimal("11.00"),
    )


def test_the_same_code_text_in_another_part_of_the_bank_code_is_another_code() -> None:
    # codes repeat through a statement and are kept by their texts: the form must count too
    payment = ("PMNT", "RCDT", "DMCT")
    entries = [
        Entry("1.00", domain=payment),
        Entry("2.00", proprietary="PMNT"),
        Entry("3.00", domain=payment, proprietary="NTRF"),
        Entry("4.00", domain=payment),
        Entry("5.00", proprietary="PMNT"),
    ]

    records = read_camt(simple("053", 8, entries))[0].transactions

    codes = [(r.code_domain, r.code_family, r.code_subfamily, r.code_text) for r in records]
    domestic = "Payments / Received credit transfers / Domestic credit transfer"
    assert codes == [
        ("PMNT", "RCDT", "DMCT", domestic),
        (None, None, None, "PMNT"),
        ("PMNT", "RCDT", "DMCT", f"{domestic}; NTRF"),
        ("PMNT", "RCDT", "DMCT", domestic),
        (None, None, None, "PMNT"),
    ]


def test_records_are_ordinary_frozen_transaction_records() -> None:
    (record,) = read_camt(simple("053", 8, two_entries()[:1]))[0].transactions

    rebuilt = replace(record)  # through TransactionRecord's own __init__

    assert type(record) is TransactionRecord
    assert record == rebuilt and hash(record) == hash(rebuilt)
    assert repr(record) == repr(rebuilt)
    with pytest.raises(FrozenInstanceError):
        record.amount = Decimal(0)  # type: ignore[misc]


@pytest.mark.parametrize(("code", "status"), [("BOOK", "booked"), ("INFO", "info")])
def test_status_codes(code: str, status: str) -> None:
    (record,) = read_camt(simple("052", 3, [Entry("1.00", status=code)]))[0].transactions
    assert record.status == status


# -- balances ---------------------------------------------------------------------------------


def statement_with(balances: list[Balance], entries: list[Entry], kind: str = "053") -> bytes:
    return simple(kind, 8, entries, balances=balances)


def test_balance_check_counts_booked_entries_only() -> None:
    # 1000.00 + 500.00 - 200.00 = 1300.00; the pending 99.00 is not booked yet
    balances = [Balance("OPBD", "1000.00"), Balance("CLBD", "1300.00")]
    entries = [
        Entry("500.00", "CRDT"),
        Entry("200.00", "DBIT"),
        Entry("99.00", "DBIT", status="PDNG"),
    ]

    statement = read_camt(statement_with(balances, entries))[0]

    assert statement.balance_check == "ok"
    assert statement.findings == []


def test_balance_mismatch_is_a_finding_with_the_figures() -> None:
    # opening -100.00 (DBIT) + 50.00 = -50.00, but the bank says closing 40.00
    balances = [Balance("OPBD", "100.00", "DBIT"), Balance("CLBD", "40.00")]

    statement = read_camt(statement_with(balances, [Entry("50.00", "CRDT")]))[0]

    assert statement.balance_check == "mismatch"
    (finding,) = statement.findings
    assert finding.opening == Decimal("-100.00")
    assert finding.booked_total == Decimal("50.00")
    assert finding.expected_closing == Decimal("-50.00")
    assert finding.closing == Decimal("40.00")
    assert finding.difference == Decimal("90.00")


def test_other_balance_kinds_are_kept_and_only_053_is_checked() -> None:
    balances = [
        Balance("OPBD", "10.00"),
        Balance("ITBD", "11.00"),
        Balance("CLAV", "12.00"),
        Balance("ITAV", "13.00"),
        Balance("CLBD", "99.00"),
    ]

    report = read_camt(statement_with(balances, [Entry("1.00")], kind="052"))[0]

    assert [b.kind for b in report.balances] == [
        "opening",
        "interimBooked",
        "closingAvailable",
        "interimAvailable",
        "closing",
    ]
    assert report.balance_check == "not checked"


def test_statement_without_closing_balance_is_not_checked() -> None:
    statement = read_camt(statement_with([Balance("OPBD", "1.00")], [Entry("1.00")]))[0]
    assert statement.balance_check == "not checked"


# -- files, sources and several statements -----------------------------------------------------


def test_several_statements_for_several_accounts_in_one_file() -> None:
    data = document(
        "053",
        8,
        statement_xml("053", 8, statement_id="A", entries=[Entry("1.00", ref="X")]),
        statement_xml(
            "053",
            8,
            statement_id="B",
            account=Account(number="12345678903", iban=False, currency="EUR", owner=None),
            entries=[Entry("2.00", ref="X"), Entry("3.00")],
        ),
    ).encode()

    statements = read_camt(data)

    assert [s.statement_id for s in statements] == ["A", "B"]
    assert [s.account.account_number for s in statements] == ["NO9386011117947", "12345678903"]
    assert statements[1].account.currency == "EUR"
    assert [len(s.transactions) for s in statements] == [1, 2]
    # the same reference in another statement is left alone: the store takes it once
    assert statements[1].transactions[0].key == "camt:X"


def test_reads_paths_bytes_and_streams_alike(tmp_path: Path) -> None:
    data = simple("053", 8, two_entries())
    path = tmp_path / "statement.xml"
    path.write_bytes(data)

    from_path = read_camt(path)[0].transactions
    from_str = read_camt(str(path))[0].transactions
    from_bytes = read_camt(data)[0].transactions
    from_stream = list(iter_camt(io.BytesIO(data)))[0].transactions

    assert from_path == from_str == from_bytes == from_stream


def test_large_statement_streams_in_chunks() -> None:
    entries = [Entry(f"{i}.00", "CRDT" if i % 2 else "DBIT", ref=f"R{i}") for i in range(3000)]

    (statement,) = read_camt(simple("053", 8, entries))

    assert statement.entry_count == 3000
    # sum of i for odd i minus sum for even i, i < 3000: 1500 pairs of (odd - even) = 1500 * 1
    assert sum(r.amount for r in statement.transactions) == Decimal("1500.00")
    assert statement.transactions[-1].key == "camt:R2999"


# -- broken files -------------------------------------------------------------------------------


def sample_with(old: bytes, new: bytes) -> bytes:
    data = VIAFINTECH.read_bytes()
    assert old in data
    return data.replace(old, new, 1)


def test_not_xml_names_file_and_line() -> None:
    with pytest.raises(NotXmlError) as caught:
        read_camt("Dato;Beløp\n01.01.2024;100,00\n".encode(), name="export.csv")
    assert str(caught.value) == (
        "export.csv, line 1: is not an XML file (it does not start with '<')"
    )
    assert caught.value.line == 1


def test_empty_file_is_not_xml(tmp_path: Path) -> None:
    path = tmp_path / "empty.xml"
    path.write_bytes(b"")
    with pytest.raises(NotXmlError, match=r"^empty\.xml: is empty$"):
        read_camt(path)


def test_truncated_file_names_file_and_last_line() -> None:
    lines = VIAFINTECH.read_bytes().split(b"\n")
    cut = b"\n".join(lines[:120]) + b"\n      <Rm"  # breaks off inside line 121

    with pytest.raises(TruncatedFileError) as caught:
        read_camt(cut, name="cut.xml")

    assert caught.value.line == 121
    assert str(caught.value).startswith("cut.xml, line 121: the XML ends before the document")
    assert "truncated" in str(caught.value)


def test_malformed_xml_names_the_line() -> None:
    with pytest.raises(MalformedXmlError) as caught:
        read_camt(sample_with(b"</Stmt>", b"</Stm>"), name="bad.xml")
    assert caught.value.line == 367
    assert str(caught.value) == "bad.xml, line 367: is not well-formed XML: mismatched tag"


def test_unknown_namespace_names_file_line_and_namespace() -> None:
    data = sample_with(b"camt.053.001.02", b"pain.001.001.03")

    with pytest.raises(UnsupportedMessageError) as caught:
        read_camt(data, name="payment.xml")

    assert caught.value.line == 2
    assert "payment.xml, line 2: is not a camt.052, camt.053 or camt.054 message" in str(
        caught.value
    )
    assert "pain.001.001.03" in str(caught.value)


def test_unsupported_version_is_refused() -> None:
    data = sample_with(b"camt.053.001.02", b"camt.053.001.14")
    with pytest.raises(UnsupportedMessageError, match=r"line 2: camt\.053\.001\.14 is not a"):
        read_camt(data, name="v14.xml")


def test_missing_entry_amount_names_the_entry_line(tmp_path: Path) -> None:
    # the second Ntry of the sample starts on line 158; its Amt is on line 159
    path = tmp_path / "no-amount.xml"
    path.write_bytes(sample_with(b'<Amt Ccy="EUR">3.00</Amt>', b""))

    with pytest.raises(MissingElementError) as caught:
        read_camt(path)

    assert caught.value.line == 158
    assert str(caught.value) == "no-amount.xml, line 158: the entry (Ntry) has no amount (Amt)"


def test_bad_amount_names_the_amount_line() -> None:
    data = sample_with(b'<Amt Ccy="EUR">3.00</Amt>', b'<Amt Ccy="EUR">3,00</Amt>')

    with pytest.raises(InvalidValueError) as caught:
        read_camt(data, name="comma.xml")

    assert caught.value.line == 159
    assert "comma.xml, line 159: '3,00' in Amt is not an amount" in str(caught.value)


def test_bad_detail_amount_names_its_line() -> None:
    data = sample_with(b'<Amt Ccy="EUR">2.50</Amt>', b'<Amt Ccy="EUR">x</Amt>')
    with pytest.raises(InvalidValueError) as caught:
        read_camt(data, name="detail.xml")
    assert caught.value.line == 328


def test_missing_account_id_names_the_account_line() -> None:
    data = sample_with(b"<IBAN>DE14740618130000033626</IBAN>", b"")
    with pytest.raises(MissingElementError) as caught:
        read_camt(data, name="acct.xml")
    assert caught.value.line == 17
    assert "Acct" in str(caught.value)


def test_missing_status_and_indicator_are_reported() -> None:
    data = sample_with(b"<CdtDbtInd>CRDT</CdtDbtInd>\n      <Sts>BOOK</Sts>", b"")
    with pytest.raises(MissingElementError, match="has no credit/debit indicator"):
        read_camt(data, name="ind.xml")


def test_message_without_statement_is_refused() -> None:
    data = (
        b'<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">'
        b"\n<BkToCstmrStmt>\n</BkToCstmrStmt>\n</Document>\n"
    )
    with pytest.raises(MissingElementError, match=r"^none\.xml, line 3: .* holds no statement"):
        read_camt(data, name="none.xml")


def test_wrong_message_for_the_namespace_is_refused() -> None:
    data = (
        b'<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">'
        b"\n<BkToCstmrAcctRpt/>\n</Document>\n"
    )
    with pytest.raises(UnsupportedMessageError, match="line 3: expected BkToCstmrStmt"):
        read_camt(data, name="wrong.xml")


def test_every_error_is_a_statement_file_error() -> None:
    assert issubclass(TruncatedFileError, StatementFileError)
    with pytest.raises(StatementFileError):
        read_camt(b"not xml")


def test_missing_file_is_reported_by_name(tmp_path: Path) -> None:
    with pytest.raises(StatementFileError, match=r"^gone\.xml: cannot be opened"):
        read_camt(tmp_path / "gone.xml")


# -- untrusted XML ---------------------------------------------------------------------------

NAMESPACE_08 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"


def with_doctype(declarations: str, message_id: str) -> bytes:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE Document [\n{declarations}\n]>\n'
        f'<Document xmlns="{NAMESPACE_08}"><BkToCstmrStmt>\n'
        f"<GrpHdr><MsgId>{message_id}</MsgId></GrpHdr>\n</BkToCstmrStmt></Document>\n"
    ).encode()


def test_entity_expansion_bomb_is_refused_at_its_line() -> None:
    # nine levels of ten references each: "&lol9;" would expand to 10**9 times "lol"
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    data = with_doctype("\n".join(levels), "&lol9;")

    with pytest.raises(MalformedXmlError) as caught:
        read_camt(data, name="bomb.xml")

    assert caught.value.line == 15  # the line that uses the entity
    assert "amplification" in str(caught.value)


def test_one_large_entity_repeated_is_refused_too() -> None:
    data = with_doctype(f'<!ENTITY big "{"x" * 100_000}">', "&big;" * 2_000)

    with pytest.raises(MalformedXmlError, match="amplification"):
        read_camt(data, name="quadratic.xml")


def test_external_entity_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the statement")
    data = with_doctype(f'<!ENTITY secret SYSTEM "{secret.as_uri()}">', "&secret;")

    with pytest.raises(MalformedXmlError) as caught:
        read_camt(data, name="external.xml")

    assert "undefined entity" in str(caught.value)
    assert "not for the statement" not in str(caught.value)


# -- streaming and the garbage collector ------------------------------------------------------


def test_iter_camt_hands_out_a_statement_before_a_later_one_breaks() -> None:
    whole = document(
        "053",
        8,
        statement_xml("053", 8, statement_id="A", entries=[Entry("1.00")]),
        statement_xml("053", 8, statement_id="B", entries=[Entry("2.00")] * 4000),
    ).encode()
    cut = whole[: len(whole) * 3 // 4]

    reader = iter_camt(cut, name="cut.xml")

    assert next(reader).statement_id == "A"
    with pytest.raises(TruncatedFileError):
        next(reader)


def test_collector_is_running_again_after_a_read_and_after_an_error() -> None:
    import gc

    assert gc.isenabled()
    read_camt(simple("053", 8, two_entries()))
    assert gc.isenabled()
    with pytest.raises(StatementFileError):
        read_camt(sample_with(b"</Stmt>", b"</Stm>"))
    assert gc.isenabled()


def test_an_amount_beyond_any_account_is_refused_with_its_line() -> None:
    near = simple("053", 8, [Entry(amount="999999999999999.99")])
    assert read_camt(near)[0].transactions[0].amount == Decimal("999999999999999.99")
    too_large = simple("053", 8, [Entry(amount="1000000000000000.00")])
    with pytest.raises(InvalidValueError, match=r"'1000000000000000.00' in Amt is too large"):
        read_camt(too_large, name="huge.xml")
