"""The single-case control commands: template, import, run and outcome."""

from __future__ import annotations

import pytest

from app import config
from app.cli import main
from app.store import guardianship as store
from app.store.db import Database
from tests.guardianship.conftest import store_case


def test_template_import_run_and_outcome(tmp_path, capsys):
    db = Database(config.database_url())
    case_id = store_case(db)

    assert main(["control-template", "--out", str(tmp_path / "mal.csv")]) == 0
    report = tmp_path / "mal.csv"
    report.write_bytes(
        report.read_bytes()
        + "99900033334;Fjordbank;Inngående saldo;2 050,00;\r\n"
        "99900033334;Fjordbank;Utgående saldo;8 000,00;\r\n"
        "99900033334;Fjordbank;Pensjon og trygd;20 000,00;\r\n"
        "99900033334;Fjordbank;Bolig;9 000,00;\r\n"
        "99900033334;Fjordbank;Kontantuttak;2 000,00;\r\n"
        "99900033334;Fjordbank;Gebyrer;50,00;\r\n"
        "99900033334;Fjordbank;Overføring til verge;3 000,00;\r\n".encode()
    )
    assert main(["control-import", "VK-TEST-1", str(report)]) == 0
    assert main(["control-run", "VK-TEST-1", "--out", str(tmp_path / "k.pdf")]) == 0
    out = capsys.readouterr().out
    assert "to_guardian" in out and "deviations=1 suggested=follow_up" in out
    assert " 9990.00.33334 " in out  # grouped as everywhere else
    assert (tmp_path / "k.pdf").stat().st_size > 0

    assert main(["control-outcome", "VK-TEST-1", "follow-up"]) == 2  # a reason is required
    assert "Reason" in capsys.readouterr().err
    assert main(["control-outcome", "VK-TEST-1", "approved", "--reason", "Utlegg dokumentert"]) == 0
    with db.session() as session:
        recorded = store.latest_outcome(session, case_id)
    assert recorded is not None and recorded.reason == "Utlegg dokumentert"
    db.dispose()


def test_a_bad_file_is_reported_with_its_line(tmp_path, capsys):
    db = Database(config.database_url())
    store_case(db)
    bad = tmp_path / "bad.csv"
    bad.write_text("Kontonummer;Post;Beløp\n99900033334;Inngående saldo;mange\n", "utf-8")
    assert main(["control-import", "VK-TEST-1", str(bad)]) == 2
    assert "bad.csv, line 2, column Beløp" in capsys.readouterr().err
    db.dispose()


@pytest.mark.parametrize(
    "command",
    [
        ["control-outcome", "K-1", "approved", "--reason", "x"],
        ["control-run", "K-1"],
        ["control-import", "K-1", "file.csv"],
    ],
)
def test_a_case_that_is_no_guardianship_control_is_refused_in_one_line(capsys, command):
    new = ["new", "bankruptcy", "--reference", "K-1", "--debtor", "999000010"]
    assert main([*new, "--ruling-date", "05.05.2025"]) == 0
    capsys.readouterr()

    assert main(command) == 2

    assert capsys.readouterr().err == (
        "boinnsyn: case: K-1 is a case of the bankruptcy service, not a guardianship control; "
        "the control commands work on guardianship cases only\n"
    )


def test_an_unknown_case_is_named_as_a_number_or_reference(capsys):
    assert main(["control-run", "NOPE"]) == 2

    assert capsys.readouterr().err == "boinnsyn: no case with number or reference NOPE\n"
