"""Flag rules: each on both sides of its threshold, with a readable reason."""

from datetime import date

from app.domain.services import Service
from app.review.flags import FlagInput, RuleSettings, find_flags, reason_text

RULING = date(2025, 5, 5)
START = date(2024, 5, 5)
OWN = "99901000014"
OTHER_OWN = "99902000018"


def row(
    id,
    amount_kr,
    day=date(2025, 1, 10),
    *,
    account=OWN,
    subfamily=None,
    text=None,
    name=None,
    counterparty=None,
    status="booked",
):
    return FlagInput(
        id=id,
        account_number=account,
        booking_date=day,
        amount_minor=int(amount_kr * 100),
        status=status,
        code_subfamily=subfamily,
        code_text=text,
        counterparty_name=name,
        counterparty_account=counterparty,
        message=None,
    )


def rules(rows, service=Service.BANKRUPTCY, **settings):
    found = find_flags(
        rows,
        service=service,
        key_date=RULING,
        period_start=START,
        settings=RuleSettings(**settings),
    )
    return {(f.transaction_id, f.rule) for f in found}, found


def test_after_the_ruling_date_but_not_on_it():
    flagged, found = rules([row(1, -100, RULING), row(2, -100, date(2025, 5, 6))])
    assert flagged == {(2, "after_key_date")}
    assert found[0].reason == "Booked 06.05.2025, after the ruling date 05.05.2025"


def test_after_the_date_of_death_for_an_estate_and_never_for_guardianship():
    flagged, found = rules([row(1, 21450, date(2025, 5, 6))], service=Service.ESTATE)
    assert flagged == {(1, "after_key_date")}
    assert "date of death" in found[0].reason
    flagged, _ = rules([row(1, 21450, date(2025, 5, 6))], service=Service.GUARDIANSHIP)
    assert flagged == set()


def test_large_cash_at_the_threshold_and_below():
    flagged, found = rules(
        [
            row(1, -5000, subfamily="cashWithdrawal"),
            row(2, -4999.99, subfamily="cashWithdrawal"),
            row(3, -6000, text="Minibank Storgata"),
            row(4, 6000, subfamily="cashWithdrawal"),
        ]
    )
    assert flagged == {(1, "large_cash"), (3, "large_cash")}
    assert found[0].reason == "Cash withdrawal of 5\u00a0000,00 kr, at or above 5\u00a0000,00 kr"


def test_round_sums_from_ten_thousand_in_whole_thousands():
    flagged, _ = rules(
        [
            row(1, -10000, name="A"),
            row(2, -9000, name="B"),
            row(3, -10500, name="C"),
            row(4, -25000, name="D"),
            row(5, 25000, name="E"),
        ],
        new_counterparty_minor=10**12,
    )
    assert flagged == {(1, "round_sum"), (4, "round_sum")}


def test_transfers_between_own_accounts_in_either_direction():
    flagged, found = rules(
        [
            row(1, -3000, counterparty=OTHER_OWN),
            row(2, 3000, account=OTHER_OWN, counterparty="9990 10 00014"),
            row(3, -3000, counterparty="99903000011"),
        ]
    )
    assert flagged == {(1, "own_transfer"), (2, "own_transfer")}
    assert found[0].params == {"account": OTHER_OWN}


def test_a_new_counterparty_receiving_a_large_amount():
    old, new = "99903000011", "99903000038"
    flagged, found = rules(
        [
            row(1, -500, date(2024, 6, 1), counterparty=old, name="Gammel AS"),
            row(2, -20001, date(2025, 4, 1), counterparty=old, name="Gammel AS"),
            row(3, -20001, date(2025, 4, 1), counterparty=new, name="Ny AS"),
            row(4, -9999, date(2025, 4, 2), counterparty=new, name="Ny AS"),
            # the recent window starts 90 days before the ruling date: 04.02.2025
            row(5, -30001, date(2025, 2, 3), counterparty="99903000046", name="Før vinduet AS"),
            row(6, -30001, date(2025, 2, 4), counterparty="99903000053", name="I vinduet AS"),
        ]
    )
    assert {f for f in flagged if f[1] == "new_counterparty"} == {
        (3, "new_counterparty"),
        (6, "new_counterparty"),
    }
    reason = next(f for f in found if f.rule == "new_counterparty" and f.transaction_id == 3).reason
    assert reason == "20\u00a0001,00 kr to Ny AS, first paid on 01.04.2025: a new counterparty"


def test_information_only_items_are_not_flagged():
    flagged, _ = rules([row(1, -50000, date(2025, 5, 6), status="info")])
    assert flagged == set()


def test_reasons_translate_the_template_and_the_label():
    catalogue = {
        "Booked {booking_date}, after the {key_date_label} {key_date}": (
            "Bokført {booking_date}, etter {key_date_label} {key_date}"
        ),
        "ruling date": "kjennelsesdatoen",
    }
    text = reason_text(
        "after_key_date",
        {"booking_date": "06.05.2025", "key_date": "05.05.2025", "key_date_label": "ruling date"},
        translate=lambda s: catalogue.get(s, s),
    )
    assert text == "Bokført 06.05.2025, etter kjennelsesdatoen 05.05.2025"
