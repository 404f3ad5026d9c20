"""The report catalogue: both languages for every text, and the core's English texts covered."""

from __future__ import annotations

import string

import pytest

from app.harvest import harvest
from app.reports.texts import TEXTS, UnknownLanguage, catalogue
from app.review import flags


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_text_has_both_languages_with_the_same_placeholders(key):
    norwegian, english = TEXTS[key]
    assert norwegian.strip() and english.strip()
    assert _fields(norwegian) == _fields(english)


def test_a_catalogue_fills_placeholders_in_its_language():
    assert catalogue("nb")("page", page=1, pages=9) == "side 1 av 9"
    assert catalogue("en")("page", page=1, pages=9) == "page 1 of 9"


def test_unknown_languages_are_refused():
    with pytest.raises(UnknownLanguage):
        catalogue("sv")


def test_a_value_the_catalogue_does_not_know_is_shown_as_it_is():
    tr = catalogue("nb")
    assert tr.word("account_type", "loanAccount") == "Lånekonto"
    assert tr.word("account_type", None) == "Ukjent type"
    assert tr.word("account_type", "depotAccount") == "depotAccount"


@pytest.mark.parametrize(
    "english",
    [*flags.REASONS.values(), *flags.KEY_DATE_LABELS.values()],
)
def test_every_flag_reason_of_the_review_has_norwegian_words(english):
    norwegian = catalogue("nb").source(english)
    assert norwegian != english
    assert _fields(norwegian) == _fields(english)


@pytest.mark.parametrize(
    "message",
    [harvest.LETTER_NO_API, harvest.LETTER_OLD_API, harvest.EMPTY_ANSWER],
)
def test_the_fetch_messages_about_banks_have_norwegian_words(message):
    assert catalogue("nb").source(message) != message


def test_every_flag_rule_has_a_name():
    tr = catalogue("nb")
    for rule in flags.RULE_NAMES:
        assert tr.word("rule", rule) != rule
