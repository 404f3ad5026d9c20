"""Hatchling build hook: compiles the Qt translations `i18n/*.ts` into `app/i18n/*.qm`.

Runs for wheels and editable installs (`pip install .`, `pip install -e .`). A wheel carries
the compiled files (they are git-ignored, so they are force-included); an editable install
finds them in the source tree. The compiling itself lives in `app/ui/translation_build.py`,
loaded by path because the package is not importable while it is being built.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("_boinnsyn_translation_build", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TranslationsHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        root = Path(self.root)
        build = _load(root / "app" / "ui" / "translation_build.py")
        compiled = build.compile_translations(root / "i18n", root / "app" / "i18n", force=True)
        self.app.display_info(f"compiled {len(compiled)} translation(s) into app/i18n")
        if version == "editable":
            return
        for path in compiled:
            build_data["force_include"][str(path)] = path.relative_to(root).as_posix()
