"""Refusals of the command line: a closed case, a missing or unwritable file, a closed pipe or
no terminal each end in one line that names the thing and the problem, never a traceback or
the system's errno text."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.domain.clock import SystemClock

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def case() -> str:
    command = ["new", "bankruptcy", "--reference", "K-1", "--debtor", "999000010"]
    assert main([*command, "--ruling-date", "05.05.2025"]) == 0
    return "K-1"


def run_boinnsyn(home: Path, *args: str, **options) -> subprocess.CompletedProcess:
    env = dict(os.environ, BOINNSYN_HOME=str(home), PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-m", "app", *args], cwd=REPO, env=env, timeout=120, **options
    )


def test_fetching_a_closed_case_says_it_is_closed(case, capsys):
    assert main(["close", case]) == 0
    capsys.readouterr()

    assert main(["fetch", case]) == 2

    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "boinnsyn: case: K-1 is closed: a closed case is kept as it was, not changed\n"
    )


def test_a_second_open_case_of_the_debtor_is_refused_naming_the_open_one(case, capsys):
    capsys.readouterr()
    command = ["new", "bankruptcy", "--reference", "K-2", "--debtor", "999000010"]

    assert main([*command, "--ruling-date", "06.05.2025"]) == 2

    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "boinnsyn: Debtor's national id or organisation number: case 1 (K-1) is already open "
        "for this debtor; close it before creating another\n"
    )
    assert main(["cases"]) == 0
    assert [line.split()[1] for line in capsys.readouterr().out.splitlines()] == ["K-1"]


def test_an_unknown_case_is_named_as_a_number_or_reference(capsys):
    assert main(["report", "NOPE", "--out", "r.pdf"]) == 2

    assert capsys.readouterr().err == "boinnsyn: no case with number or reference NOPE\n"


def test_importing_a_missing_file_names_it(case, tmp_path, capsys):
    missing = tmp_path / "nonexistent.csv"
    capsys.readouterr()

    assert main(["import", case, str(missing)]) == 2

    assert capsys.readouterr().err == f"boinnsyn: the file {missing} does not exist\n"


def test_importing_a_folder_says_it_is_a_folder(case, tmp_path, capsys):
    capsys.readouterr()

    assert main(["import", case, str(tmp_path)]) == 2

    assert capsys.readouterr().err == f"boinnsyn: the file {tmp_path} is a folder, not a file\n"


@pytest.mark.parametrize("name", ["mal.csv", "mal.xlsx"])
def test_a_template_in_a_missing_folder_is_refused(tmp_path, capsys, name):
    out = tmp_path / "nonexistent" / name

    assert main(["control-template", "--out", str(out)]) == 2

    assert capsys.readouterr().err == (
        f"boinnsyn: cannot write {out}: the folder {out.parent} does not exist\n"
    )


def test_a_template_that_cannot_be_written_names_the_file(tmp_path, capsys, monkeypatch):
    out = tmp_path / "mal.xlsx"

    def refused(target):
        raise FileNotFoundError(2, "No such file or directory", str(target))

    monkeypatch.setattr("app.imports.vergeregnskap.write_template", refused)

    assert main(["control-template", "--out", str(out)]) == 2

    assert capsys.readouterr().err == f"boinnsyn: cannot write {out}: no such file or directory\n"


def _batch(wards: Path, out: Path) -> int:
    year = SystemClock().today().year - 1
    return main(["control-batch", str(wards), "--year", str(year), "--out", str(out)])


def test_a_batch_folder_that_is_a_file_is_refused(tmp_path, capsys):
    wards = tmp_path / "wards.csv"
    wards.write_text("ward_id;guardian_id\n21879010184;09826510185\n", "utf-8")
    out = tmp_path / "out"
    out.write_text("a file", "utf-8")

    assert _batch(wards, out) == 2

    assert (
        capsys.readouterr().err
        == f"boinnsyn: cannot write into {out}: it is a file, not a folder\n"
    )


def test_a_batch_folder_that_cannot_be_created_is_refused(tmp_path, capsys):
    wards = tmp_path / "wards.csv"
    wards.write_text("ward_id;guardian_id\n21879010184;09826510185\n", "utf-8")
    out = wards / "out"

    assert _batch(wards, out) == 2

    assert capsys.readouterr().err == (
        f"boinnsyn: cannot create the folder {out}: not a directory\n"
    )


def test_a_closed_pipe_ends_the_listing_quietly(case, private_home):
    command = [sys.executable, "-m", "app", "cases"]
    env = dict(os.environ, BOINNSYN_HOME=str(private_home), PYTHONPATH=str(REPO))
    process = subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    process.stdout.close()  # the reader is gone before the first line

    err = process.stderr.read()
    process.stderr.close()

    assert process.wait(timeout=120) == 1
    assert err == b""


def test_a_secret_without_a_terminal_is_a_message_not_a_warning(private_home):
    result = run_boinnsyn(
        private_home,
        "directory-key",
        "--environment",
        "test",
        stdin=subprocess.DEVNULL,
        capture_output=True,
        start_new_session=True,  # no controlling terminal
    )

    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == [
        "boinnsyn: directory-key needs an answer typed on a terminal and got none; "
        "run it on a terminal, or pipe the key on standard input"
    ]


def test_a_secret_piped_without_a_terminal_is_read_without_a_warning(
    capsys, monkeypatch, memory_keyring
):
    import getpass
    import io

    def no_terminal(prompt: str = "") -> str:
        return getpass.fallback_getpass(prompt)

    monkeypatch.setattr("getpass.getpass", no_terminal)
    monkeypatch.setattr("sys.stdin", io.StringIO("the-key\n"))

    assert main(["directory-key", "--environment", "test"]) == 0

    captured = capsys.readouterr()
    assert captured.err == ""
    assert "directory key stored" in captured.out


def test_the_demo_names_the_case_that_keeps_its_company_busy(tmp_path, capsys):
    command = ["new", "bankruptcy", "--reference", "K-EGEN", "--debtor", "999000010"]
    assert main([*command, "--ruling-date", "05.05.2025"]) == 0
    capsys.readouterr()

    assert main(["demo", "--out", str(tmp_path / "r.pdf")]) == 2

    assert capsys.readouterr().err == (
        "boinnsyn: the demo fetches SYNTETISK BYGG AS (999000010), and case 1 (K-EGEN) is "
        "open for that company; close it first (boinnsyn close K-EGEN)\n"
    )
    assert not (tmp_path / "r.pdf").exists()


def test_the_demo_says_how_to_run_again_once_its_case_is_closed(tmp_path, capsys):
    command = ["new", "bankruptcy", "--reference", "DEMO-KONKURS", "--debtor", "999000010"]
    assert main([*command, "--ruling-date", "05.05.2025"]) == 0
    assert main(["close", "DEMO-KONKURS"]) == 0
    capsys.readouterr()

    assert main(["demo", "--out", str(tmp_path / "r.pdf")]) == 2

    assert capsys.readouterr().err == (
        "boinnsyn: the demo's case 1 (DEMO-KONKURS) is closed, and a closed case is kept as it "
        "was; delete it (boinnsyn delete DEMO-KONKURS) to run the demo again\n"
    )


@pytest.mark.parametrize(
    ("typed", "rule"),
    [
        ("31.02.2025", "'31.02.2025' is not a date in the calendar"),
        ("2025-02-29", "'2025-02-29' is not a date in the calendar"),
        ("5/5/2025", "'5/5/2025' is not a date; write dd.mm.yyyy"),
    ],
)
def test_a_date_out_of_the_calendar_is_told_apart_from_one_in_another_form(typed, rule, capsys):
    command = ["new", "bankruptcy", "--reference", "K-1", "--debtor", "999000010"]
    with pytest.raises(SystemExit) as exited:
        main([*command, "--ruling-date", typed])
    assert exited.value.code == 2
    assert capsys.readouterr().err.rstrip().endswith(f"--ruling-date: {rule}")


@pytest.mark.parametrize(
    ("typed", "rule"), [("0", "0 is not between 1 and 16"), ("x", "'x' is not a whole number")]
)
def test_a_batch_fetches_between_one_and_sixteen_wards_at_once(tmp_path, typed, rule, capsys):
    wards = tmp_path / "wards.csv"
    wards.write_text("ward_id;guardian_id\n", "utf-8")
    command = ["control-batch", str(wards), "--year", "2025", "--out", str(tmp_path / "o")]
    with pytest.raises(SystemExit) as exited:
        main([*command, "--concurrency", typed])
    assert exited.value.code == 2
    assert capsys.readouterr().err.rstrip().endswith(f"--concurrency: {rule}")
