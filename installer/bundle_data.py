"""What the bundle carries besides code: one list, used by renkei-desk.spec and checked by a test.

Kept out of the spec so tests/test_installer.py can import it (a spec only runs inside
PyInstaller). Everything here is plain Python: no PyInstaller import.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Package data the app finds beside its code (desktop/paths.py package_root) or, for Alembic,
# beside desktop/store/migrate.py. Every file under these folders travels, as in a wheel.
DATA_DIRS = ("desktop/resources", "desktop/locale", "desktop/store/migrations", "desktop/guide")

_SKIPPED_SUFFIXES = (".pyc", ".mo")  # .mo: compiled fresh by compile_catalogs, never stale


def package_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source file, destination folder inside the bundle) for every package data file."""
    datas: list[tuple[str, str]] = []
    for folder in DATA_DIRS:
        for path in sorted((root / folder).rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts or path.suffix in _SKIPPED_SUFFIXES:
                continue
            datas.append((str(path), path.parent.relative_to(root).as_posix()))
    return datas


def compile_catalogs(out_dir: Path, root: Path = ROOT) -> list[tuple[str, str]]:
    """Compiles every locale/<lang>/LC_MESSAGES/*.po exactly as the app would at run time
    (desktop.i18n.compile_po) into out_dir; returns their (source, destination) pairs."""
    from desktop.i18n import compile_po

    datas: list[tuple[str, str]] = []
    for po in sorted((root / "desktop" / "locale").glob("*/LC_MESSAGES/*.po")):
        relative = po.parent.relative_to(root)
        mo = out_dir / relative / po.with_suffix(".mo").name
        mo.parent.mkdir(parents=True, exist_ok=True)
        mo.write_bytes(compile_po(po))
        datas.append((str(mo), relative.as_posix()))
    return datas


def migration_imports(root: Path = ROOT) -> list[str]:
    """Modules the Alembic scripts import. Alembic loads them from files at run time, so
    PyInstaller never sees them: they become hidden imports (a new revision is covered)."""
    modules: set[str] = set()
    for script in sorted((root / "desktop" / "store" / "migrations").rglob("*.py")):
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                modules.add(node.module)  # `from alembic import op`: alembic imports op itself
    return sorted(modules - {"__future__"})
