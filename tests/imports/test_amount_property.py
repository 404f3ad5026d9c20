"""Property tests for the amount parser: every Norwegian way of writing a number reads back."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from app.imports.errors import AmountFormatError
from app.imports.tabular import parse_amount


def grouped(digits: str, separator: str) -> str:
    groups: list[str] = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return separator.join(groups)


def formatted(value: Decimal, style: str) -> tuple[str, str | None]:
    """`value` written in one export style, and the decimal separator a mapping would hold."""
    whole, _, fraction = f"{abs(value):f}".partition(".")
    negative = value < 0
    comma_fraction = f",{fraction}" if fraction else ""
    point_fraction = f".{fraction}" if fraction else ""
    number, hint = {
        "plain comma": (whole + comma_fraction, None),
        "space groups": (grouped(whole, " ") + comma_fraction, None),
        "no-break space groups": (grouped(whole, "\u00a0") + comma_fraction, None),
        "narrow no-break space groups": (grouped(whole, "\u202f") + comma_fraction, None),
        "point groups": (grouped(whole, ".") + comma_fraction, ","),
        "plain point": (whole + point_fraction, "."),
        "comma groups, point decimals": (grouped(whole, ",") + point_fraction, "."),
    }[style.split(" / ")[0]]
    if not negative:
        return number, hint
    if style.endswith("/ trailing minus"):
        return f"{number}-", hint
    if style.endswith("/ parentheses"):
        return f"({number})", hint
    return f"-{number}", hint


STYLES = [
    f"{base}{sign}"
    for base in (
        "plain comma",
        "space groups",
        "no-break space groups",
        "narrow no-break space groups",
        "point groups",
        "plain point",
        "comma groups, point decimals",
    )
    for sign in ("", " / trailing minus", " / parentheses")
]

amounts = st.one_of(
    st.decimals(min_value=-(10**13), max_value=10**13, places=2),
    st.decimals(min_value=-(10**13), max_value=10**13, places=0),
    st.decimals(min_value=-10, max_value=10, places=1),
)


@given(value=amounts, style=st.sampled_from(STYLES))
def test_formatted_amount_parses_back_to_the_same_decimal(value: Decimal, style: str) -> None:
    text, decimal_separator = formatted(value, style)
    assert parse_amount(text, decimal_separator) == value


@given(value=amounts, style=st.sampled_from(STYLES))
def test_padding_and_currency_words_do_not_change_the_amount(value: Decimal, style: str) -> None:
    text, decimal_separator = formatted(value, style)
    assert parse_amount(f"  kr {text} ", decimal_separator) == value
    assert parse_amount(f"{text} NOK", decimal_separator) == value


@given(
    st.lists(st.integers(min_value=0, max_value=999), min_size=3, max_size=5).map(
        lambda parts: ",".join(str(p) for p in parts)
    )
)
def test_several_commas_without_a_point_are_refused(text: str) -> None:
    try:
        parse_amount(text)
    except AmountFormatError as exc:
        assert exc.value == text
    else:
        raise AssertionError(f"{text!r} was read as an amount")


@given(st.from_regex(r"\A[0-9 ,.]{0,6}[a-jl-mo-z][0-9 ,.]{0,6}\Z"))
def test_text_with_letters_is_refused(text: str) -> None:
    try:
        parse_amount(text)
    except AmountFormatError:
        return
    raise AssertionError(f"{text!r} was read as an amount")


@given(st.text(max_size=20))
def test_any_text_is_an_amount_or_an_amount_error(text: str) -> None:
    try:
        value = parse_amount(text)
    except AmountFormatError:
        return
    assert value.is_finite()
