"""The rings of ARCHITECTURE.md, checked on the source and on what really gets imported."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "desktop"
FORBIDDEN_IN_DOMAIN = ("PySide6", "sqlalchemy", "reportlab", "openpyxl", "alembic",
                       "desktop.store", "desktop.ui", "desktop.forms", "desktop.exchange")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def modules_under(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py")) if folder else sorted(PACKAGE.glob("*.py"))


@pytest.mark.parametrize("path", modules_under("domain"), ids=lambda p: p.name)
def test_domain_is_pure(path: Path) -> None:
    bad = {m for m in imported_modules(path) if m.startswith(FORBIDDEN_IN_DOMAIN)}
    assert not bad, f"{path.name} imports {bad}"


NON_UI = [p for p in PACKAGE.rglob("*.py") if "ui" not in p.relative_to(PACKAGE).parts[:1]]


@pytest.mark.parametrize("path", NON_UI, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_ui_imports_qt(path: Path) -> None:
    bad = {m for m in imported_modules(path) if m.startswith("PySide6")}
    assert not bad, f"{path} imports {bad}"


@pytest.mark.parametrize("path", sorted((PACKAGE / "ui").rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_ui_builds_no_sql(path: Path) -> None:
    bad = {m for m in imported_modules(path) if m.startswith("sqlalchemy")}
    source = path.read_text(encoding="utf-8")
    assert not bad, f"{path} imports {bad}"
    found = re.findall(r"session\.(?:execute|query|scalars|scalar)\(|(?<![\w.])select\(", source)
    assert not found, f"{path} builds a query ({found})"


def test_core_packages_load_no_qt() -> None:
    """Import every module outside desktop/ui in a fresh process: none may pull in PySide6."""
    modules = sorted(
        ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts)
        for p in PACKAGE.rglob("*.py")
        if "ui" not in p.relative_to(PACKAGE).parts[:1] and p.name != "__main__.py"
        and "migrations" not in p.parts
    )
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('PySide6'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=os.environ.copy(), check=True)
    assert len(modules) > 40
    assert result.stdout.strip() == ""


def test_no_fstring_inside_gettext() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("_", "N_") and node.args
                    and isinstance(node.args[0], ast.JoinedStr)):
                offenders.append(f"{path.name}:{node.lineno}")
    assert not offenders
