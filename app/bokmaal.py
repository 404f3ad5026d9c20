"""The Norwegian of the core's English strings, for output that leaves the application.

The interface translates through Qt; the reports, letters and exports cannot use Qt, yet print
the same core texts (flag reasons, review window rules, settlement forms, fetch messages). They
read the one translation source, `i18n/boinnsyn_nb.ts`, here: a plain XML file, parsed once,
so each text is translated in one place only.
"""

from __future__ import annotations

from functools import lru_cache
from xml.etree import ElementTree

from app.paths import translation_source


@lru_cache(maxsize=1)
def _catalogue() -> dict[str, str]:
    path = translation_source("nb")
    found: dict[str, str] = {}
    for message in ElementTree.parse(path).iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if not source or translation is None or translation.get("type") in {
            "unfinished", "vanished", "obsolete",
        }:  # fmt: skip
            continue
        text = translation.text
        if text is None:  # plural forms keep their text in <numerusform> elements
            forms = [form.text for form in translation.iter("numerusform") if form.text]
            text = forms[-1] if forms else None
        if text:
            found.setdefault(source, text)
    return found


def norwegian(english: str) -> str:
    """The bokmål of a core string; the English itself when it has no translation."""
    return _catalogue().get(english, english)


def has_norwegian(english: str) -> bool:
    return english in _catalogue()
