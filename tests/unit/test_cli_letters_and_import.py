"""Letters and imports from the command line: a letter only moves forward and shows the date
that fits its state; an import names the options it needs and refuses a bad bank number."""

from __future__ import annotations

import pytest

from app import config
from app.cli import main
from app.store.cases import find_case
from app.store.db import Database
from app.store.writer import BankInfo, CaseWriter
from tests.conftest import SHARED

LETTER_BANK = "999000126"
STATEMENT = SHARED / "samples" / "camt" / "viafintech__053_valid_example.xml"


@pytest.fixture
def case() -> str:
    command = ["new", "bankruptcy", "--reference", "K-1", "--debtor", "999000010"]
    assert main([*command, "--ruling-date", "05.05.2025"]) == 0
    db = Database(config.database_url())
    with db.session() as session:
        case_id = find_case(session, "K-1").id
    writer = CaseWriter(db)
    banks = writer.upsert_banks(case_id, [BankInfo(LETTER_BANK, "Syntetisk Sparebank Nord")])
    writer.set_bank(banks[LETTER_BANK], status="letter_needed")
    db.dispose()
    return "K-1"


def letter(*flags: str) -> int:
    return main(["letter", "K-1", "--bank", LETTER_BANK, *flags])


def test_sent_and_answered_together_are_refused(case, capsys):
    with pytest.raises(SystemExit) as refused:
        letter("--sent", "--answered")

    assert refused.value.code == 2
    assert "not allowed with argument --sent" in capsys.readouterr().err


def test_an_answered_letter_cannot_go_back_to_sent(case, capsys):
    assert letter("--sent") == 0
    assert letter("--answered") == 0
    capsys.readouterr()

    assert letter("--sent") == 2

    assert capsys.readouterr().err == (
        f"boinnsyn: the letter to bank {LETTER_BANK} is answered already; it cannot go back "
        "to sent (letters move forward only: drafted, sent, answered, imported)\n"
    )
    assert main(["letters", "K-1"]) == 0
    assert "answered" in capsys.readouterr().out


def test_a_closed_case_gets_no_letter(case, capsys):
    assert main(["close", "K-1"]) == 0
    capsys.readouterr()

    assert letter("--sent") == 2

    assert capsys.readouterr().err == (
        "boinnsyn: case: K-1 is closed: a closed case is kept as it was, not changed\n"
    )


def test_a_letter_names_a_bank_number_that_is_not_one_and_a_case_not_fetched(capsys):
    command = ["new", "bankruptcy", "--reference", "K-NY", "--debtor", "999000053"]
    assert main([*command, "--ruling-date", "05.05.2025"]) == 0
    capsys.readouterr()

    assert main(["letter", "K-NY", "--bank", "123"]) == 2
    assert capsys.readouterr().err == "boinnsyn: --bank: must be 9 digits\n"
    for command in (["letters", "K-NY"], ["letter", "K-NY", "--bank", LETTER_BANK]):
        assert main(command) == 2
        assert capsys.readouterr().err == (
            "boinnsyn: no bank is known for case 1 yet: fetch it first (boinnsyn fetch K-NY), "
            "or import its files\n"
        )


def test_an_answered_letter_shows_when_it_was_answered_not_an_answer_due(case, capsys):
    assert letter("--sent") == 0
    capsys.readouterr()
    assert main(["letters", "K-1"]) == 0
    assert " sent answer due " in capsys.readouterr().out

    assert letter("--answered") == 0
    capsys.readouterr()
    assert main(["letters", "K-1"]) == 0

    [line] = capsys.readouterr().out.splitlines()
    assert "answer due" not in line
    state = line.split()[-2:]
    assert state[0] == "answered" and len(state[1].split(".")) == 3


def test_an_account_new_to_the_case_names_the_bank_options(case, capsys):
    capsys.readouterr()

    assert main(["import", "K-1", str(STATEMENT)]) == 1

    err = capsys.readouterr().err
    assert "is not in the case" in err
    assert "--bank ORGNO" in err and "--bank-name NAME" in err


@pytest.mark.parametrize("bank", ["12", "abc", "999000028"])
def test_an_invalid_bank_number_is_refused_naming_the_option(case, capsys, bank):
    capsys.readouterr()

    assert main(["import", "K-1", str(STATEMENT), "--bank", bank, "--bank-name", "X"]) == 2

    err = capsys.readouterr().err
    assert err.startswith("boinnsyn: --bank: ")
    assert "9 digits" in err or "check digit" in err
    assert main(["cases"]) == 0
    assert "banks=1 " in capsys.readouterr().out  # nothing added


def test_a_synthetic_bank_number_is_accepted(case, capsys):
    capsys.readouterr()

    code = main(
        ["import", "K-1", str(STATEMENT), "--bank", "999000029", "--bank-name", "Fjordbank"]
    )

    assert code == 0, capsys.readouterr().err
    assert main(["cases"]) == 0
    assert "banks=2 " in capsys.readouterr().out


EXPORT = (
    "Dato;Forklaring;Rentedato;Ut fra konto;Inn på konto\n"
    "02.01.2025;Husleie;02.01.2025;9 800,00;\n"
    "03.01.2025;Lønn;03.01.2025;;35 000,00\n"
)
GERMAN_IBAN = "DE14740618130000033626"


def _accounts() -> list[str]:
    from sqlalchemy import select

    from app.store.models import Account

    db = Database(config.database_url())
    with db.session() as session:
        numbers = list(session.scalars(select(Account.account_number).order_by(Account.id)))
    db.dispose()
    return numbers


def test_a_foreign_account_already_in_the_case_is_accepted_as_it_is(case, tmp_path, capsys):
    bank = ["--bank", "999000029", "--bank-name", "Fjordbank"]
    assert main(["import", "K-1", str(STATEMENT), *bank]) == 0
    assert GERMAN_IBAN in _accounts()
    export = tmp_path / "export.csv"
    export.write_text(EXPORT, "utf-8")
    capsys.readouterr()

    code = main(["import", "K-1", str(export), *bank, "--account", "DE14 7406 1813 0000 0336 26"])

    assert code == 0, capsys.readouterr().err
    assert "records=2 new=2" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("account", "stored"),
    [("9990.10.00014", "99901000014"), ("NO93 8601 1117 947", "86011117947"), (GERMAN_IBAN, None)],
)
def test_a_new_account_may_be_norwegian_or_an_iban(case, tmp_path, capsys, account, stored):
    export = tmp_path / "export.csv"
    export.write_text(EXPORT, "utf-8")
    bank = ["--bank", "999000029", "--bank-name", "Fjordbank"]

    code = main(["import", "K-1", str(export), *bank, "--account", account])

    assert code == 0, capsys.readouterr().err
    assert _accounts()[-1] == (stored or GERMAN_IBAN)


@pytest.mark.parametrize(
    ("account", "rule"),
    [
        ("12345", "must be 11 digits"),
        ("99901000015", "the check digit does not match (mistyped?)"),
        ("DE14740618130000033627", "is not a valid IBAN"),
    ],
)
def test_a_new_account_that_is_neither_is_refused(case, tmp_path, capsys, account, rule):
    export = tmp_path / "export.csv"
    export.write_text(EXPORT, "utf-8")
    bank = ["--bank", "999000029", "--bank-name", "Fjordbank"]
    capsys.readouterr()

    assert main(["import", "K-1", str(export), *bank, "--account", account]) == 2

    assert capsys.readouterr().err == f"boinnsyn: Account number: {rule}\n"


def test_a_statement_whose_balances_disagree_says_by_how_much(case, tmp_path, capsys):
    edited = tmp_path / "edited.xml"
    text = STATEMENT.read_text("utf-8")
    assert text.count(">23.06<") == 1  # the closing balance
    edited.write_text(text.replace(">23.06<", ">99.99<"), "utf-8")
    capsys.readouterr()

    code = main(["import", "K-1", str(edited), "--bank", "999000029", "--bank-name", "Fjordbank"])

    assert code == 0
    lines = capsys.readouterr().out.splitlines()
    assert "balance=mismatch" in lines[0]
    assert lines[1:] == [
        "  DE14 7406 1813 0000 0336 26: opening 33.06 + booked entries -10.00 = 23.06, "
        "but the closing balance is 99.99"
    ]
