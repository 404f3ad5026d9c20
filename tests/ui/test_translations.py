"""The Norwegian translation: complete, up to date with the code, compiled by lrelease, and
compiled on first use in a source checkout whose .qm is missing."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from app.ui import translation_build, translations

TS = translation_build.SOURCE_DIR / "boinnsyn_nb.ts"


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def translated(message: ET.Element) -> bool:
    """A translation that is done: text, or every plural form (`%n`) filled in."""
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    forms = [form.text or "" for form in translation.iter("numerusform")]
    if forms:
        return all(form.strip() for form in forms)
    return bool((translation.text or "").strip())


def test_every_string_is_translated() -> None:
    untranslated = [key for key, message in messages(TS).items() if not translated(message)]
    assert untranslated == []


def test_the_domain_strings_are_collected() -> None:
    found = messages(TS)
    assert ("fields", "Ruling date") in found
    assert ("rules", "cannot be in the future") in found
    assert ("services", "Estate after a death (Oppgjør etter dødsfall)") in found


def test_sources_are_up_to_date_with_the_code(tmp_path: Path) -> None:
    shutil.copy(TS, tmp_path / TS.name)
    translation_build.update_sources(source_dir=tmp_path)
    assert set(messages(tmp_path / TS.name)) == set(messages(TS))


def test_lrelease_compiles_a_loadable_translation(qapp: object, tmp_path: Path) -> None:
    (compiled,) = translation_build.compile_translations(
        translation_build.SOURCE_DIR, tmp_path, force=True
    )
    translator = QTranslator()
    assert translator.load(str(compiled))
    assert translator.translate("fields", "Date of death") == "Dødsdato"


def test_a_missing_qm_is_compiled_on_first_use(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(translation_build, "OUTPUT_DIR", tmp_path / "qm")
    path = translations.qm_file("nb")
    assert path == tmp_path / "qm" / "boinnsyn_nb.qm"
    assert path.exists()


def test_switching_to_english_removes_the_translation(qapp: QCoreApplication) -> None:
    switcher = translations.Translations(qapp)
    assert switcher.apply("nb")
    assert QCoreApplication.translate("fields", "Year") == "År"
    assert switcher.apply("en")
    assert QCoreApplication.translate("fields", "Year") == "Year"
