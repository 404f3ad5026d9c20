"""Marks English source strings in the Qt-free core for translation.

`pyside6-lupdate` collects the strings wrapped in `QT_TRANSLATE_NOOP`; the interface looks
them up with `QCoreApplication.translate` under the same context. The core itself only ever
returns the English text.
"""

from __future__ import annotations

import re

_PLACE = re.compile(r"%(\d)")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    return text


def fill(template: str, *values: str) -> str:
    """Put `values` in for %1, %2, … of a template (English or translated), in one pass."""
    return (
        _PLACE.sub(lambda match: values[int(match.group(1)) - 1], template) if values else template
    )
