"""`boinnsyn demo` against the sandbox it starts: its one line counts the banks as the report
does, says how many were asked by API and how many need a letter, and gives the accounts,
transactions and seconds."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from app.cli import main


@pytest.mark.slow
def test_the_demo_line_counts_the_banks_the_report_counts(tmp_path, capsys):
    out = tmp_path / "demo.pdf"

    assert main(["demo", "--out", str(out)]) == 0

    line = capsys.readouterr().out.strip()
    fields = dict(part.split("=", 1) for part in line.split(" "))
    assert list(fields) == [
        "case", "banks", "by_api", "letters", "accounts", "transactions", "seconds", "report",
    ]  # fmt: skip
    banks, by_api, letters = (int(fields[key]) for key in ("banks", "by_api", "letters"))
    assert banks >= 4
    assert letters >= 1  # the sandbox has a bank without a Control API for the demo debtor
    assert banks == by_api + letters
    assert int(fields["accounts"]) > 0 and int(fields["transactions"]) > 0
    assert float(fields["seconds"]) > 0
    assert fields["report"] == str(out)

    summary = " ".join(page.extract_text() for page in PdfReader(out).pages[1:3])
    summary = re.sub(r"\s+", " ", summary)
    assert f"Banker {banks} i alt." in summary
    assert f"krever brev: {letters}" in summary
    assert f"Kontoer {fields['accounts']} i alt" in summary
    grouped = f"{int(fields['transactions']):,}".replace(",", " ")  # as the report groups it
    assert f"Transaksjoner {grouped} " in summary, re.findall(r"Transaksjoner [\d ]+", summary)
