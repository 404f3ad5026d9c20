"""Marks English source strings in the Qt-free core for translation.

`pyside6-lupdate` collects the strings wrapped in `QT_TRANSLATE_NOOP`; the interface looks
them up with `QCoreApplication.translate` under the same context. The core itself only ever
returns the English text.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    return text
