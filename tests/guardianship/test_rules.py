"""Each deviation rule of the guardianship control on both sides of its threshold, with fixed
figures computed by hand in the comments (amounts in øre: 100 øre = 1 kr)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.domain.guardianship import (
    BankAccount,
    BankTransaction,
    Outcome,
    ReportedAccount,
    ReportedLine,
    RoleHolder,
    Rule,
    RuleSettings,
    gross_in_out,
    money_in_out,
    run_control,
)

WARD = "21879010184"
GUARDIAN = "09826510185"
OTHER = "01818012345"
ACCOUNT = "99900011111"
SAVINGS = "99900022222"
SETTINGS = RuleSettings()


def tx(id: int, amount: int, **fields) -> BankTransaction:
    return BankTransaction(id=id, amount_minor=amount, **fields)


def bank(*transactions: BankTransaction, opening=100_000, closing=None, **fields) -> BankAccount:
    if closing is None:
        closing = opening + sum(t.amount_minor for t in transactions)
    values = dict(
        account_number=ACCOUNT,
        bank_name="Fjordbank",
        currency="NOK",
        opening_minor=opening,
        closing_minor=closing,
        transactions=transactions,
        roles=(
            RoleHolder(WARD, "Kari Vergehaver", "rightToSeeOnly"),
            RoleHolder(GUARDIAN, "Ola Verge", "rightToUseAlone"),
        ),
    )
    values.update(fields)
    return BankAccount(**values)


def report(opening=100_000, closing=100_000, number=ACCOUNT, **lines: int) -> ReportedAccount:
    return ReportedAccount(
        number,
        "Fjordbank",
        opening,
        closing,
        tuple(ReportedLine(category, amount) for category, amount in lines.items()),
    )


def rules_of(bank_accounts, reported, settings=SETTINGS) -> dict[Rule, object]:
    result = run_control(
        bank_accounts, reported, ward_id=WARD, guardian_id=GUARDIAN, settings=settings
    )
    return {d.rule: d for d in result.deviations}


def consistent(b: BankAccount, **extra: int) -> ReportedAccount:
    """The report a careful guardian would write for the bank account `b`."""
    money_in, money_out = money_in_out(b.transactions)
    lines = {"other_income": money_in, "other_expense": money_out - sum(extra.values())}
    lines.update(extra)
    return report(b.opening_minor, b.closing_minor, **{k: v for k, v in lines.items() if v})


# -- balances ---------------------------------------------------------------------------------


def test_opening_balance_within_one_krone_is_no_deviation():
    # bank 1 000,00 kr on 1 January; reported 1 001,00 kr: difference 100 øre = the tolerance
    b = bank(opening=100_000)
    found = rules_of([b], [replace(consistent(b), opening_minor=100_100, closing_minor=100_100)])
    assert Rule.OPENING_BALANCE not in found


def test_opening_balance_one_ore_past_the_tolerance_is_a_deviation():
    # reported 1 001,01 kr against 1 000,00 kr: difference 101 øre > 100 øre
    b = bank(opening=100_000)
    found = rules_of([b], [replace(consistent(b), opening_minor=100_101, closing_minor=100_101)])
    deviation = found[Rule.OPENING_BALANCE]
    assert deviation.amount_minor == 101
    assert deviation.params == {"reported": 100_101, "bank": 100_000, "difference": 101}
    assert "1 001,01" in deviation.reason.replace("\u00a0", " ")


def test_a_deviation_on_a_foreign_currency_account_names_its_currency_not_kroner():
    b = bank(opening=100_000, currency="EUR")
    found = rules_of([b], [replace(consistent(b), opening_minor=150_000, closing_minor=150_000)])
    reason = found[Rule.OPENING_BALANCE].reason.replace("\u00a0", " ")
    assert "reported 1 500,00 EUR, the bank's 1 000,00 EUR (difference 500,00 EUR)" in reason
    assert " kr" not in reason


def test_a_reason_in_kroner_keeps_kr_in_any_language():
    from app.domain.guardianship import reason_text

    params = {"count": 2, "bank": 1_200_000, "limit": 1_000_000}
    norwegian = "{count} kontantuttak på til sammen {bank} kr, over grensen på {limit} kr"
    nok = reason_text(Rule.CASH, params, lambda _: norwegian).replace("\u00a0", " ")
    assert nok == "2 kontantuttak på til sammen 12 000,00 kr, over grensen på 10 000,00 kr"
    sek = reason_text(Rule.CASH, params, lambda _: norwegian, currency="SEK")
    assert sek.replace("\u00a0", " ").endswith("12 000,00 SEK, over grensen på 10 000,00 SEK")


def test_closing_balance_on_both_sides_of_the_tolerance():
    # bank: 1 000,00 + 250,00 in = 1 250,00 kr on 31 December
    b = bank(tx(1, 25_000), opening=100_000)
    good = replace(consistent(b), closing_minor=125_000 - 100)  # 100 øre off: accepted
    assert Rule.CLOSING_BALANCE not in rules_of([b], [good])
    bad = replace(consistent(b), closing_minor=125_000 - 101)  # 101 øre off: deviation
    assert rules_of([b], [bad])[Rule.CLOSING_BALANCE].amount_minor == 101


# -- accounts missing on either side ----------------------------------------------------------


def test_an_account_the_bank_has_and_the_report_lacks():
    # the report lists only the savings account; the bank also has ACCOUNT with 1 000,00 kr
    b = bank(opening=100_000)
    other = report(number=SAVINGS)
    found = rules_of([b], [other])
    assert found[Rule.NOT_REPORTED].account_number == ACCOUNT
    assert found[Rule.NOT_REPORTED].amount_minor == 100_000
    assert found[Rule.NOT_IN_BANK].account_number == SAVINGS


def test_every_account_reported_and_found_raises_neither():
    b = bank(opening=100_000)
    found = rules_of([b], [consistent(b)])
    assert Rule.NOT_REPORTED not in found and Rule.NOT_IN_BANK not in found


def test_without_a_report_only_the_bank_side_is_checked_and_follow_up_is_suggested():
    b = bank(opening=100_000)
    result = run_control([b], [], ward_id=WARD, guardian_id=GUARDIAN)
    assert result.deviations == []
    assert result.suggested is Outcome.FOLLOW_UP


# -- sums in and out --------------------------------------------------------------------------


def test_money_in_on_both_sides_of_the_tolerance():
    # bank: 300,00 + 200,00 = 500,00 kr in
    b = bank(tx(1, 30_000), tx(2, 20_000))
    assert Rule.SUM_IN not in rules_of([b], [consistent(b)])
    short = replace(consistent(b), lines=(ReportedLine("pension", 49_899),))
    # reported 498,99 kr: 101 øre short; the closing balance still agrees with the bank
    found = rules_of([b], [replace(short, closing_minor=b.closing_minor)])
    assert found[Rule.SUM_IN].amount_minor == 101
    exact = replace(consistent(b), lines=(ReportedLine("pension", 49_900),))
    assert Rule.SUM_IN not in rules_of([b], [exact])  # 100 øre short: accepted


def refunded() -> BankAccount:
    """400,00 kr paid by card, 50,00 kr of it refunded (a reversal): gross, as the statement
    shows it, 50,00 kr in and 400,00 kr out; net of the reversal 0 in and 350,00 kr out."""
    return bank(
        tx(1, -40_000, code_subfamily="pointOfSalePosPayment"),
        tx(2, 5_000, code_subfamily="reversalDueToPaymentCancellationRequest"),
    )


def sum_rules(b: BankAccount, income: int, expense: int, settings=SETTINGS) -> dict[Rule, int]:
    reported = report(b.opening_minor, b.closing_minor, other_income=income, food=expense)
    found = rules_of([b], [reported], settings)
    return {rule: found[rule].amount_minor for rule in (Rule.SUM_IN, Rule.SUM_OUT) if rule in found}


def test_a_refund_is_gross_on_the_statement_and_off_the_expense_after_reversals():
    b = refunded()
    assert gross_in_out(b.transactions) == (5_000, 40_000)
    assert money_in_out(b.transactions) == (0, 35_000)


@pytest.mark.parametrize(
    ("income", "expense", "found"),
    [
        (5_000, 40_000, {}),  # the refund as money in: the gross sums
        (5_100, 40_100, {}),  # 100 øre above the gross sums: accepted
        (4_900, 39_900, {}),  # 100 øre below: accepted
        (5_101, 40_101, {Rule.SUM_IN: 101, Rule.SUM_OUT: 101}),  # 101 øre above
        (4_899, 39_899, {Rule.SUM_IN: 101, Rule.SUM_OUT: 101}),  # 101 øre below
    ],
)
def test_a_report_booked_gross_is_held_against_the_gross_sums(income, expense, found):
    assert sum_rules(refunded(), income, expense) == found


@pytest.mark.parametrize(
    ("income", "expense", "found"),
    [
        (0, 35_000, {}),  # the refund taken off the expense: the sums after reversals
        (100, 34_900, {}),  # 100 øre off: accepted
        (0, 35_100, {}),
        (101, 35_000, {Rule.SUM_IN: 101}),  # 101 øre off the net, 4 899 øre off the gross
        (0, 34_899, {Rule.SUM_OUT: 101}),
        (0, 35_101, {Rule.SUM_OUT: 101}),
    ],
)
def test_a_report_booked_net_of_reversals_is_held_against_the_net_sums(income, expense, found):
    assert sum_rules(refunded(), income, expense) == found


def test_a_report_booked_neither_way_is_a_deviation_by_its_difference_from_the_nearer():
    # 375,00 kr out lies 2 500 øre from both 400,00 (gross) and 350,00 (net)
    b = refunded()
    at_tolerance = RuleSettings(sum_tolerance_minor=2_500)
    assert sum_rules(b, 5_000, 37_500, at_tolerance) == {}
    below = RuleSettings(sum_tolerance_minor=2_499)
    assert sum_rules(b, 5_000, 37_500, below) == {Rule.SUM_OUT: 2_500}
    # 360,00 kr out: 1 000 øre from the net, 4 000 from the gross
    assert sum_rules(b, 5_000, 36_000) == {Rule.SUM_OUT: 1_000}


def test_a_deviation_beside_a_reversal_names_the_gross_and_the_net_sum():
    b = refunded()
    reported = report(b.opening_minor, b.closing_minor, food=41_000)
    deviation = rules_of([b], [reported])[Rule.SUM_OUT]
    assert deviation.params == {
        "reported": 41_000,
        "bank": 40_000,
        "net": 35_000,
        "difference": 1_000,
    }
    assert deviation.reason.replace("\u00a0", " ") == (
        "Money out during the year: reported 410,00 kr, the bank's 400,00 kr, or 350,00 kr "
        "after reversals (difference 10,00 kr from the nearer)"
    )


def test_without_reversals_the_reason_names_one_bank_sum():
    b = bank(tx(1, -40_000))
    deviation = rules_of([b], [report(b.opening_minor, b.closing_minor, food=41_000)])[Rule.SUM_OUT]
    assert deviation.params == {"reported": 41_000, "bank": 40_000, "difference": 1_000}


def test_the_bank_figures_show_gross_sums_and_the_sums_after_reversals_beside_them():
    # a refund of 50,00 kr, and 1 000,00 kr pension of which 200,00 kr is taken back
    b = bank(
        *refunded().transactions,
        tx(3, 100_000, counterparty_name="NAV"),
        tx(4, -20_000, reversal=True, counterparty_name="NAV"),
    )
    result = run_control([b], [], ward_id=WARD, guardian_id=GUARDIAN)
    figures = result.accounts[0].bank
    assert (figures.in_minor, figures.out_minor) == (105_000, 60_000)
    assert (figures.net_in_minor, figures.net_out_minor) == (80_000, 35_000)


def test_the_guardians_own_arithmetic():
    # 1 000,00 + 500,00 − 200,00 = 1 300,00 kr expected; reported 1 301,00 (100 øre): accepted
    b = bank(opening=100_000, closing=130_100)
    ok = report(100_000, 130_100, pension=50_000, housing=20_000)
    assert Rule.ARITHMETIC not in rules_of([b], [ok])
    off = report(100_000, 130_101, pension=50_000, housing=20_000)  # 101 øre: deviation
    deviation = rules_of([b], [off])[Rule.ARITHMETIC]
    assert deviation.amount_minor == 101 and deviation.params["expected"] == 130_000


# -- cash withdrawals -------------------------------------------------------------------------


def cash(id: int, amount: int) -> BankTransaction:
    return tx(id, -amount, code_subfamily="cashWithdrawal", code_text="Minibank")


def test_cash_withdrawals_at_the_limit_are_no_deviation():
    # 4 × 2 500,00 kr = 10 000,00 kr = the limit
    b = bank(*(cash(i, 250_000) for i in range(1, 5)), opening=2_000_000)
    found = rules_of([b], [consistent(b, cash=1_000_000)])
    assert Rule.CASH not in found and Rule.CASH_NOT_REPORTED not in found


def test_cash_withdrawals_above_the_limit_are_a_deviation_with_their_transactions():
    # 10 000,00 + 0,01 kr (one more withdrawal of 1 øre... by text only, no code)
    withdrawals = [cash(i, 250_000) for i in range(1, 5)]
    withdrawals.append(tx(5, -1, message="Kontantuttak automat"))
    b = bank(*withdrawals, opening=2_000_000)
    deviation = rules_of([b], [consistent(b, cash=1_000_001)])[Rule.CASH]
    assert deviation.amount_minor == 1_000_001
    assert deviation.params["count"] == 5
    assert deviation.transaction_ids == (1, 2, 3, 4, 5)


def test_cash_not_reported_as_cash_on_both_sides_of_the_tolerance():
    # 2 withdrawals of 500,00 kr = 1 000,00 kr; under the limit
    b = bank(cash(1, 50_000), cash(2, 50_000))
    assert Rule.CASH_NOT_REPORTED not in rules_of([b], [consistent(b, cash=99_900)])  # 100 øre
    found = rules_of([b], [consistent(b, cash=99_899)])  # 101 øre off
    assert found[Rule.CASH_NOT_REPORTED].amount_minor == 101
    assert found[Rule.CASH_NOT_REPORTED].transaction_ids == (1, 2)


# -- money to the guardian and to others with rights ------------------------------------------


def test_a_payment_to_the_guardians_id_is_a_deviation():
    b = bank(tx(1, -1, counterparty_id=GUARDIAN, counterparty_name="O. Verge"))
    deviation = rules_of([b], [consistent(b)])[Rule.TO_GUARDIAN]
    assert deviation.amount_minor == 1 and deviation.transaction_ids == (1,)


def test_a_payment_to_the_name_the_bank_gives_the_guardian_is_a_deviation():
    # no id on the payee; the name matches the role holder "Ola Verge" in another word order
    b = bank(tx(1, -150_000, counterparty_name="VERGE OLA", counterparty_account="12345678903"))
    assert rules_of([b], [consistent(b)])[Rule.TO_GUARDIAN].amount_minor == 150_000


def test_the_guardian_limit_is_a_threshold_too():
    b = bank(tx(1, -50_000, counterparty_id=GUARDIAN))
    settings = RuleSettings(guardian_transfer_limit_minor=50_000)
    assert Rule.TO_GUARDIAN not in rules_of([b], [consistent(b)], settings)  # 500,00 = limit
    settings = RuleSettings(guardian_transfer_limit_minor=49_999)
    assert Rule.TO_GUARDIAN in rules_of([b], [consistent(b)], settings)


def test_moving_money_between_the_wards_own_accounts_is_not_a_payment_to_the_guardian():
    # the guardian holds a role on both accounts; the bank may even name the guardian
    b = bank(tx(1, -100_000, counterparty_account=SAVINGS, counterparty_name="Ola Verge"))
    savings = replace(bank(tx(2, 100_000), opening=0), account_number=SAVINGS)
    found = rules_of(
        [b, savings], [consistent(b), replace(consistent(savings), account_number=SAVINGS)]
    )
    assert Rule.TO_GUARDIAN not in found and Rule.TO_ROLE_HOLDER not in found


def test_a_payment_to_another_role_holder_is_a_deviation_and_to_a_stranger_is_not():
    roles = (
        RoleHolder(WARD, "Kari Vergehaver", "rightToSeeOnly"),
        RoleHolder(GUARDIAN, "Ola Verge", "rightToUseAlone"),
        RoleHolder(OTHER, "Per Medverge", "rightToUseWithOther"),
    )
    b = bank(
        tx(1, -30_000, counterparty_id=OTHER),
        tx(2, -30_000, counterparty_name="Nabo Naboen"),
        roles=roles,
    )
    deviation = rules_of([b], [consistent(b)])[Rule.TO_ROLE_HOLDER]
    assert deviation.transaction_ids == (1,) and deviation.amount_minor == 30_000


# -- gifts --------------------------------------------------------------------------------------


def person_payment(id: int, amount: int, **fields) -> BankTransaction:
    return tx(id, -amount, counterparty_id="01818054321", counterparty_name="Nils Nevø", **fields)


def test_round_sums_to_a_person_above_the_yearly_limit_look_like_gifts():
    # 2 × 1 500,00 kr = 3 000,00 kr = the limit: no deviation; one more 1 000,00: 4 000,00
    b = bank(person_payment(1, 150_000), person_payment(2, 150_000), opening=1_000_000)
    assert Rule.GIFTS not in rules_of([b], [consistent(b)])
    b = bank(
        person_payment(1, 150_000),
        person_payment(2, 150_000),
        person_payment(3, 100_000),
        opening=1_000_000,
    )
    deviation = rules_of([b], [consistent(b)])[Rule.GIFTS]
    assert deviation.amount_minor == 400_000 and deviation.transaction_ids == (1, 2, 3)


def test_a_round_sum_must_reach_the_minimum_and_be_whole_units():
    settings = RuleSettings(gift_limit_minor=0)
    # 999,99 kr is below the 1 000,00 kr minimum; 1 250,00 is not a whole 500 kr
    b = bank(person_payment(1, 99_999), person_payment(2, 125_000), opening=1_000_000)
    assert Rule.GIFTS not in rules_of([b], [consistent(b)], settings)
    b = bank(person_payment(1, 100_000), opening=1_000_000)  # 1 000,00 kr: gift-like
    assert rules_of([b], [consistent(b)], settings)[Rule.GIFTS].amount_minor == 100_000


def test_gift_words_make_any_payment_gift_like_but_not_to_a_company_by_round_sum():
    settings = RuleSettings(gift_limit_minor=0)
    b = bank(
        tx(1, -34_900, message="Bursdagsgave til Emma"),
        tx(2, -100_000, counterparty_id="999000010", counterparty_name="SYNTETISK BYGG AS"),
        tx(3, -120_000, message="Husleie juli", counterparty_name="Utleier Hansen"),
        opening=1_000_000,
    )
    deviation = rules_of([b], [consistent(b)], settings)[Rule.GIFTS]
    assert deviation.transaction_ids == (1,)


# -- fees and incomplete bank data ---------------------------------------------------------------


def fee(id: int, amount: int) -> BankTransaction:
    return tx(id, -amount, code_subfamily="fees", code_text="Gebyr")


def test_fees_on_both_sides_of_the_limit():
    # 10 × 100,00 kr = 1 000,00 kr = the limit; one more 0,01 kr fee (by text) goes over
    fees = [fee(i, 10_000) for i in range(1, 11)]
    b = bank(*fees, opening=1_000_000)
    assert Rule.FEES not in rules_of([b], [consistent(b, fees=100_000)])
    b = bank(*fees, tx(11, -1, code_text="Termingebyr"), opening=1_000_000)
    deviation = rules_of([b], [consistent(b, fees=100_001)])[Rule.FEES]
    assert deviation.amount_minor == 100_001 and len(deviation.transaction_ids) == 11


def test_an_incomplete_answer_from_the_bank_is_a_deviation():
    b = bank(opening=100_000)
    assert Rule.BANK_INCOMPLETE not in rules_of([b], [consistent(b)])
    partial = replace(b, complete=False, fetch_status="partial")
    assert rules_of([partial], [consistent(b)])[Rule.BANK_INCOMPLETE].params == {
        "status": "partial"
    }


# -- the outcome ---------------------------------------------------------------------------------


def test_a_clean_control_suggests_approval_and_any_deviation_follow_up():
    b = bank(tx(1, 25_000), tx(2, -10_000, code_subfamily="pointOfSalePosPayment"))
    clean = run_control([b], [consistent(b)], ward_id=WARD, guardian_id=GUARDIAN)
    assert clean.deviations == [] and clean.suggested is Outcome.APPROVED
    off = replace(consistent(b), closing_minor=b.closing_minor + 500)
    result = run_control([b], [off], ward_id=WARD, guardian_id=GUARDIAN)
    assert result.suggested is Outcome.FOLLOW_UP
    assert result.deviation_sum_minor() == sum(d.amount_minor for d in result.deviations)


def test_the_deviations_are_added_up_per_currency_kroner_first():
    # a closing balance off by 5,00 kr and by 7,00 EUR: each is also off in the guardian's sum
    nok, eur = bank(), bank(account_number=SAVINGS, currency="EUR")
    off_nok = replace(consistent(nok), closing_minor=nok.closing_minor + 500)
    off_eur = replace(consistent(eur), account_number=SAVINGS)
    off_eur = replace(off_eur, closing_minor=eur.closing_minor - 700)
    result = run_control([eur, nok], [off_nok, off_eur], ward_id=WARD, guardian_id=GUARDIAN)
    assert result.deviation_sums_minor() == {"NOK": 1_000, "EUR": 1_400}
    arithmetic = [d for d in result.deviations if d.rule is Rule.ARITHMETIC]
    assert sorted(d.currency for d in arithmetic) == ["EUR", "NOK"]


@pytest.mark.parametrize("rule", list(Rule))
def test_every_rule_has_a_name_and_a_reason(rule):
    from app.bokmaal import has_norwegian
    from app.domain.guardianship import REASONS, RULE_NAMES

    assert rule in RULE_NAMES and rule in REASONS and has_norwegian(REASONS[rule])
    assert has_norwegian(RULE_NAMES[rule])  # the window and the report word it alike
