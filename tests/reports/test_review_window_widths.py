"""Amounts in the bankruptcy report's review windows and asset table stay on one line, up to
-999 999 999,99."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from report_support import all_text

from app.domain.money import format_amount
from app.domain.records import BalanceRecord
from app.reports.bankruptcy_section import AMOUNT_WIDTH
from app.reports.fonts import REGULAR, text_width
from app.reports.styles import CELL_PADDING, make_styles
from tests.reports.test_workflow_reports import decisions_chapter
from tests.unit.test_workflows import TODAY, bankruptcy_with_an_account, tx

WIDEST = -99_999_999_999  # -999 999 999,99 in øre


def test_the_widest_amount_fits_an_amount_column_inside_its_padding():
    styles = make_styles()
    room = AMOUNT_WIDTH - 2 * CELL_PADDING
    assert text_width(format_amount(WIDEST, minor=True), REGULAR, styles.cell.fontSize) <= room


def test_eight_and_nine_digit_amounts_are_printed_whole_in_the_windows(db, write_report):
    case_id, account, writer = bankruptcy_with_an_account(db, "K-2")
    writer.upsert_balances(
        account, [BalanceRecord("bookedBalance", Decimal("-999999999.99"), "NOK", TODAY)]
    )
    writer.add_transactions(
        case_id,
        account,
        [
            tx("1", date(2025, 3, 3), "-999999999.99", counterparty_name="Leverandør AS"),
            tx("2", date(2025, 5, 6), "-31426394.95", counterparty_name="Leverandør AS"),
            tx("3", date(2025, 5, 7), "31169834.27", counterparty_name="Kunde AS"),
        ],
    )

    text = decisions_chapter(all_text(write_report(case_id)))

    assert "Etter kjennelsesdatoen 06.05.2025 – 16.06.2025 2 -31 426 394,95 31 169 834,27" in text
    assert "03.03.2025 9990.10.00014 Leverandør AS -999 999 999,99" in text
    # -999 999 999,99 at the end, less the net -256 560,68 booked after the ruling
    assert "Fjordbank 9990.10.00014 Ukjent type -999 743 439,31 -999 999 999,99" in text
