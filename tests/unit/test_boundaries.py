"""The layers of DESIGN.md, checked on the import statements of every module."""

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[2] / "app"
CORE = ["domain", "dsop", "harvest", "imports", "store", "review", "reports", "sandbox"]


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "app.dsop":
                names.update(f"app.dsop.{alias.name}" for alias in node.names)
            else:
                names.add(node.module)
    return names


def modules(package: str) -> list[Path]:
    return sorted((APP / package).rglob("*.py"))


@pytest.mark.parametrize("package", CORE)
def test_the_core_imports_no_qt(package):
    offenders = [
        path.relative_to(APP)
        for path in modules(package)
        if any(name.startswith("PySide6") for name in imports_of(path))
    ]
    assert offenders == []


def test_the_domain_is_pure():
    for path in modules("domain"):
        for name in imports_of(path):
            assert not name.startswith(("sqlalchemy", "httpx", "joserfc", "app.store", "app.dsop"))


def test_only_the_store_and_its_migrations_use_sqlalchemy():
    allowed = {"store"}
    for package in CORE:
        if package in allowed:
            continue
        for path in modules(package):
            assert not any(n.startswith("sqlalchemy") for n in imports_of(path)), path


def test_the_sandbox_shares_only_the_wire_models_with_the_client():
    for path in modules("sandbox"):
        for name in imports_of(path):
            if name.startswith("app.") and not name.startswith("app.sandbox"):
                assert name == "app.dsop.models", f"{path.relative_to(APP)} imports {name}"
