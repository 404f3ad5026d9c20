"""The CLI's output files: a missing folder or a refused write is a message, not a traceback;
every file is private to its owner; a CSV summary is a CSV file."""

from __future__ import annotations

import csv
import os
import stat

import pytest

from app.cli import main
from app.reports import files


@pytest.fixture
def case() -> str:
    command = ["new", "bankruptcy", "--reference", "K-1", "--debtor", "999000010"]
    assert main([*command, "--ruling-date", "05.05.2025"]) == 0
    return "K-1"


@pytest.mark.parametrize(
    "command",
    [
        ["report", "K-1", "--out"],
        ["export", "K-1", "--out"],
        ["export", "K-1", "--summary", "--out"],
        ["audit", "K-1", "--out"],
        ["letter", "K-1", "--bank", "999000029", "--out"],
    ],
)
def test_an_output_in_a_missing_folder_is_refused_with_one_line(case, tmp_path, capsys, command):
    folder = tmp_path / "nonexistent" / "dir"
    name = "a.pdf" if command[0] in ("report", "letter") else "a.csv"
    capsys.readouterr()

    code = main([*command, str(folder / name)])

    err = capsys.readouterr().err
    assert code == 2
    assert err.splitlines() == [
        f"boinnsyn: cannot write {folder / name}: the folder {folder} does not exist"
    ]
    assert not folder.exists()


def test_a_refused_write_is_a_message(case, tmp_path, capsys, monkeypatch):
    real_open = os.open

    def refusing_open(path, *args, **kwargs):
        if str(path).endswith(".part"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(files.os, "open", refusing_open)
    out = tmp_path / "t.csv"
    capsys.readouterr()

    code = main(["export", "K-1", "--out", str(out)])

    assert code == 2
    assert capsys.readouterr().err == f"boinnsyn: cannot write {out}: permission denied\n"
    assert not out.exists()


def test_the_audit_file_is_readable_by_its_owner_only(case, tmp_path):
    out = tmp_path / "a.csv"

    assert main(["audit", "K-1", "--out", str(out)]) == 0

    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    # a byte order mark first, so that Excel reads the "§" of the legal mandates
    assert out.read_bytes().startswith(b"\xef\xbb\xbftime;user;case;")


@pytest.mark.parametrize("name", ["audit.xlsx", "audit.pdf", "audit"])
def test_an_audit_file_not_named_csv_is_refused(case, tmp_path, capsys, name):
    out = tmp_path / name
    capsys.readouterr()

    assert main(["audit", "K-1", "--out", str(out)]) == 2

    assert capsys.readouterr().err == "boinnsyn: --out must end in .csv\n"
    assert not out.exists()


def test_a_csv_summary_is_written_as_csv_like_the_transactions(case, tmp_path, capsys):
    summary, transactions = tmp_path / "s.csv", tmp_path / "t.csv"

    assert main(["export", "K-1", "--out", str(summary), "--summary"]) == 0
    assert main(["export", "K-1", "--out", str(transactions)]) == 0

    raw = summary.read_bytes()
    assert not raw.startswith(b"PK")  # not an XLSX (zip) file under a .csv name
    assert raw.startswith(b"\xef\xbb\xbf") and transactions.read_bytes().startswith(b"\xef\xbb\xbf")
    with summary.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream, delimiter=";"))
    assert rows[0] == ["Sammendrag"]
    assert rows[1] == ["Nøkkeltall", "Verdi", "Valuta"]
    assert ["Banker", "0", ""] in rows
    assert ["Kontoer"] in rows  # the accounts table has a section of its own
    assert stat.S_IMODE(summary.stat().st_mode) == 0o600


def test_an_export_to_another_suffix_is_refused(case, tmp_path, capsys):
    out = tmp_path / "s.pdf"

    assert main(["export", "K-1", "--out", str(out), "--summary"]) == 2

    assert "--out must end in .xlsx or .csv" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("summary", [[], ["--summary"]])
def test_a_refused_xlsx_write_is_one_line_and_leaves_no_open_workbook(
    case, tmp_path, capsys, monkeypatch, summary
):
    import gc

    real_open = os.open

    def refusing_open(path, *args, **kwargs):
        if str(path).endswith(".part"):
            raise FileNotFoundError(2, "No such file or directory")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(files.os, "open", refusing_open)
    out = tmp_path / "t.xlsx"
    capsys.readouterr()

    code = main(["export", "K-1", "--out", str(out), *summary])
    gc.collect()

    assert code == 2
    assert capsys.readouterr().err == f"boinnsyn: cannot write {out}: no such file or directory\n"


def test_a_workbook_that_fails_halfway_leaves_no_temporary_files(tmp_path, monkeypatch):
    from openpyxl.worksheet import _writer

    made: list[str] = []
    real = _writer.create_temporary_file
    monkeypatch.setattr(_writer, "create_temporary_file", lambda: made.append(real()) or made[-1])
    out = tmp_path / "t.xlsx"

    with pytest.raises(RuntimeError), files.written_workbook(out) as workbook:
        workbook.create_sheet("a").append(["row"])
        raise RuntimeError("stopped")

    assert made and not any(os.path.exists(path) for path in made)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "command",
    [
        ["report", "K-1", "--out"],
        ["letter", "K-1", "--bank", "999000029", "--out"],
        ["demo", "--out"],
        ["control-run", "K-1", "--out"],
    ],
)
def test_a_pdf_to_another_suffix_is_refused(case, tmp_path, capsys, command):
    out = tmp_path / "r.docx"
    capsys.readouterr()

    assert main([*command, str(out)]) == 2

    assert capsys.readouterr().err == "boinnsyn: --out must end in .pdf\n"
    assert not out.exists()


def test_a_template_to_another_suffix_is_refused(tmp_path, capsys):
    out = tmp_path / "mal.txt"

    assert main(["control-template", "--out", str(out)]) == 2

    assert capsys.readouterr().err == "boinnsyn: --out must end in .xlsx or .csv\n"
    assert not out.exists()


def test_the_audit_line_goes_to_standard_output_like_the_others(case, tmp_path, capsys):
    out = tmp_path / "a.csv"
    capsys.readouterr()

    assert main(["audit", "K-1", "--out", str(out)]) == 0

    captured = capsys.readouterr()
    assert captured.out == f"case=1 requests=0 audit={out}\n"
    assert captured.err == ""


def test_the_audit_csv_alone_goes_to_standard_output_without_out(case, capsys):
    capsys.readouterr()

    assert main(["audit", "K-1"]) == 0

    captured = capsys.readouterr()
    assert captured.out.startswith("time;user;case;")
    assert "requests=" not in captured.out + captured.err
