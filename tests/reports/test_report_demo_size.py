"""A demo-sized bankruptcy (5 banks, 25 accounts, 7 000 transactions), and the core's rule that
reports import no Qt."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from report_support import all_text, build_large_bankruptcy


@pytest.mark.slow
def test_a_demo_sized_report_lists_every_account_and_every_transaction(db, write_report):
    built = build_large_bankruptcy(db, transactions=7000, banks=5, accounts_per_bank=5)
    pages = all_text(write_report(built.case_id))
    text = " ".join(pages)
    for number in built.accounts:
        formatted = f"{number[:4]}.{number[4:6]}.{number[6:]}"
        assert f"Konto {formatted}" in text  # its section
        assert f"Transaksjoner på konto {formatted}: 280." in text  # its appendix
    assert "Transaksjoner i alt: 7 000. Kontoer med transaksjoner: 25." in text
    total = len(pages)
    assert all(f"side {n} av {total}" in page for n, page in enumerate(pages, start=1))
    # Pages of the appendix name their account at the top.
    assert sum(1 for page in pages if re.search(r"konto \d{4}\.\d\d\.\d{5}", page)) > 100


def test_the_report_modules_import_no_qt():
    code = (
        "import sys\n"
        "import app.reports.case_report, app.reports.exports, app.store.report_queries\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'PyQt', 'shiboken'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
