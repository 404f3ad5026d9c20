"""Compiles the Qt translation sources (`i18n/*.ts`) into `.qm` files with `lrelease`, and
refreshes the sources from the code with `lupdate`.

It imports neither Qt nor the rest of the application, so that the build hook (`hatch_build.py`)
can load it by path before the package is installed; the window uses it as a fallback when a
source checkout has no `.qm` or an outdated one.

Refresh the sources after changing user-visible strings (from the repository root):

    python -m app.ui.translation_build --update

The domain marks its strings with `QT_TRANSLATE_NOOP` imported as `_T`; lupdate is told that
alias, or it would miss them.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

TOOL_ALIASES = "QT_TRANSLATE_NOOP+=_T"
PACKAGE_ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIR = PACKAGE_ROOT.parent / "i18n"
"""Where the `.ts` files are in a source checkout; absent from an installed wheel."""
OUTPUT_DIR = PACKAGE_ROOT / "i18n"
"""Where the compiled `.qm` files go, inside the package so that a wheel carries them."""


class ToolNotFound(RuntimeError):
    """Neither the PySide6 wrapper nor the Qt tool itself could be found."""


def find_tool(name: str) -> list[str]:
    """The command that runs a Qt linguist tool (`lrelease`, `lupdate`) from PySide6."""
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        folder = Path(next(iter(spec.submodule_search_locations)))
        for candidate in (
            folder / name,
            folder / f"{name}.exe",
            folder / "Qt" / "libexec" / name,
            folder / "Qt" / "bin" / name,
        ):
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return [str(candidate)]
    wrapper = shutil.which(f"pyside6-{name}")
    if wrapper:
        return [wrapper]
    script_dir = Path(sys.executable).parent
    for candidate in (script_dir / f"pyside6-{name}", script_dir / f"pyside6-{name}.exe"):
        if candidate.is_file():
            return [str(candidate)]
    raise ToolNotFound(f"{name} from PySide6 is not installed")


def stale(source: Path, target: Path) -> bool:
    return not target.exists() or target.stat().st_mtime < source.stat().st_mtime


def compile_translations(
    source_dir: Path = SOURCE_DIR, output_dir: Path = OUTPUT_DIR, *, force: bool = False
) -> list[Path]:
    """Compile every `.ts` in `source_dir` that is newer than its `.qm`; return the `.qm` files."""
    sources = sorted(source_dir.glob("*.ts"))
    if not sources:
        return []
    output_dir.mkdir(parents=True, exist_ok=True)
    compiled = []
    for source in sources:
        target = output_dir / f"{source.stem}.qm"
        if force or stale(source, target):
            command = [*find_tool("lrelease"), "-silent", str(source), "-qm", str(target)]
            subprocess.run(command, check=True, capture_output=True)
        compiled.append(target)
    return compiled


SKIPPED = ("reports",)
"""Packages whose texts are not Qt's: the PDF report keeps its own catalogue."""


def update_sources(languages: tuple[str, ...] = ("nb",), source_dir: Path = SOURCE_DIR) -> None:
    """Collect the strings of `app/` into `boinnsyn_<language>.ts`, keeping translations."""
    files = sorted(
        str(path)
        for path in PACKAGE_ROOT.rglob("*.py")
        if "__pycache__" not in path.parts
        and path.relative_to(PACKAGE_ROOT).parts[0] not in SKIPPED
    )
    for language in languages:
        target = source_dir / f"boinnsyn_{language}.ts"
        command = [
            *find_tool("lupdate"),
            "-tr-function-alias", TOOL_ALIASES,
            "-locations", "relative",
            "-no-obsolete",
            "-target-language", language,
            *files,
            "-ts", str(target),
        ]  # fmt: skip
        subprocess.run(command, check=True, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="run lupdate over app/ first")
    parser.add_argument("--force", action="store_true", help="compile even if up to date")
    args = parser.parse_args(argv)
    if args.update:
        update_sources()
    for path in compile_translations(force=args.force):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
