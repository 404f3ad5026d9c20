"""Finds the bundled resources both in a source checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource(*parts: str) -> Path:
    installed = _PACKAGE / "_resources"
    base = installed if installed.is_dir() else _PACKAGE.parent / "resources"
    return base.joinpath(*parts)


def translation_source(language: str) -> Path:
    """The Qt translation source (`.ts`) of a language: `i18n/` in a checkout, or the copy the
    wheel carries."""
    installed = _PACKAGE / "_i18n" / f"boinnsyn_{language}.ts"
    if installed.exists():
        return installed
    return _PACKAGE.parent / "i18n" / f"boinnsyn_{language}.ts"
