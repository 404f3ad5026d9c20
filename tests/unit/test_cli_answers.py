"""Commands that ask, and commands with nothing to list: without a terminal a question is a
message with the way round it; an empty list says that it is empty."""

from __future__ import annotations

import io

import pytest

from app.cli import main

CERTIFICATE = ["--environment", "test", "--service", "bankruptcy", "--client-id", "c"]


def new_case(reference: str, ruling_date: str = "05.05.2025") -> str:
    command = ["new", "bankruptcy", "--reference", reference, "--debtor", "999000010"]
    assert main([*command, "--ruling-date", ruling_date]) == 0
    return reference


@pytest.fixture
def case() -> str:
    return new_case("K-1")


def no_answer(prompt: str = "") -> str:
    raise EOFError


def test_delete_without_a_terminal_names_yes(case, capsys, monkeypatch):
    assert main(["close", case]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    capsys.readouterr()

    assert main(["delete", case]) == 2

    err = capsys.readouterr().err
    assert "delete needs an answer typed on a terminal" in err
    assert "--yes" in err
    assert "Traceback" not in err
    assert main(["cases"]) == 0
    assert "K-1" in capsys.readouterr().out  # still there


def test_deleting_an_open_case_is_refused_before_any_question(case, capsys, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr("builtins.input", lambda prompt="": asked.append(prompt) or "yes")
    capsys.readouterr()

    assert main(["delete", case]) == 2

    assert capsys.readouterr().err == "boinnsyn: case 1 is open; close it before deleting it\n"
    assert asked == []


def test_the_directory_key_without_a_terminal_is_a_message(capsys, monkeypatch):
    monkeypatch.setattr("getpass.getpass", no_answer)

    assert main(["directory-key", "--environment", "test"]) == 2

    assert "directory-key needs an answer typed on a terminal" in capsys.readouterr().err


def test_a_certificate_password_without_a_terminal_is_a_message(tmp_path, capsys, monkeypatch):
    source = tmp_path / "cert.p12"
    source.write_bytes(b"not read before the password")
    monkeypatch.setattr("getpass.getpass", no_answer)

    assert main(["certificate", "import", str(source), *CERTIFICATE]) == 2

    assert "certificate import needs an answer typed on a terminal" in capsys.readouterr().err


def test_a_missing_certificate_file_is_refused_before_the_password(tmp_path, capsys, monkeypatch):
    asked = []
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or "pw")
    missing = tmp_path / "missing.p12"

    assert main(["certificate", "import", str(missing), *CERTIFICATE]) == 2

    assert asked == []
    assert capsys.readouterr().err == f"boinnsyn: the certificate file {missing} does not exist\n"


def test_certificate_status_says_when_none_is_stored(capsys):
    assert main(["certificate", "status", "--environment", "test"]) == 0

    assert capsys.readouterr().out.strip() == (
        "no certificate is stored for test; import one with `boinnsyn certificate import`"
    )


def test_retention_says_when_no_case_is_due(case, capsys):
    capsys.readouterr()

    assert main(["retention"]) == 0

    out = capsys.readouterr().out
    assert out.startswith("no closed cases are due for deletion (retention ")
    assert out.rstrip().endswith(" days)")


def test_cases_shows_norwegian_dates_and_which_cases_are_closed(case, capsys):
    assert main(["close", "K-1"]) == 0
    new_case("K-2", ruling_date="06.05.2025")  # the same debtor, now that K-1 is closed
    capsys.readouterr()

    assert main(["cases"]) == 0

    lines = {line.split()[1]: line.split() for line in capsys.readouterr().out.splitlines()}
    assert lines["K-1"][3:6] == ["05.05.2025", "sandbox", "closed"]
    assert lines["K-2"][3:6] == ["06.05.2025", "sandbox", "open"]
