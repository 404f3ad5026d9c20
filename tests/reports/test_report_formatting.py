"""How values read in reports: Norwegian dates, local times, amounts and numbers."""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.reports import formatting as fmt


def test_dates_read_day_month_year():
    assert fmt.day(date(2025, 3, 4)) == "04.03.2025"
    assert fmt.day(None) == ""


def test_times_are_shown_in_oslo_summer_and_winter():
    assert fmt.moment(datetime(2025, 6, 16, 9, 5, tzinfo=UTC)) == "16.06.2025 11:05"
    assert fmt.moment(datetime(2025, 1, 16, 9, 5, tzinfo=UTC)) == "16.01.2025 10:05"


def test_amounts_group_thousands_with_no_break_spaces_and_a_decimal_comma():
    assert fmt.amount(-123456789) == "-1\xa0234\xa0567,89"
    assert fmt.amount(5) == "0,05"
    assert fmt.amount(None) == ""


def test_a_foreign_currency_is_named_beside_the_amount():
    assert fmt.amount(3990, "EUR", show="NOK") == "39,90 EUR"
    assert fmt.amount(3990, "NOK", show="NOK") == "39,90"


def test_account_and_party_numbers_are_grouped():
    assert fmt.account_number("12345678903") == "1234.56.78903"
    assert fmt.account_number("NO9386011117947") == "NO93 8601 1117 947"  # an IBAN in fours
    assert fmt.account_number("DE14740618130000033626") == "DE14 7406 1813 0000 0336 26"
    assert fmt.account_number("DE14740618130000033627") == "DE14740618130000033627"  # not one
    assert fmt.party_id("999000010") == "999 000 010"
    assert fmt.party_id("01015012345") == "010150 12345"


def test_markup_is_escaped_and_line_breaks_kept():
    assert fmt.markup("Brød & <smør>\nny linje") == "Brød &amp; &lt;smør&gt;<br/>ny linje"


def test_a_legal_reference_reads_with_a_space_after_the_section_sign():
    from app.reports.formatting import legal_reference

    assert legal_reference("kkl. §156 (3) og (4), jf. kkfor.§21") == (
        "kkl. § 156 (3) og (4), jf. kkfor. § 21"
    )
    assert legal_reference("Arveloven § 92 og § 118") == "Arveloven § 92 og § 118"
