"""Every entity a service audits is replayed by `check` (or known to be an event, not a row):
a new audited entity without replay support fails here."""

from __future__ import annotations

import ast
import sqlite3
from contextlib import closing
from pathlib import Path

import desktop
from desktop.store.audit import VIEW_ACTION
from desktop.store.replay import replayed_entities
from desktop.store.replay_settings import SETTINGS
from tests.store.backup_helpers import make_demo

SOURCES = sorted(Path(desktop.__file__).parent.rglob("*.py"))


def _constants() -> dict[str, str]:
    """Module-level NAME = "text" anywhere in desktop/ (EXPORT_ENTITY, AMOUNT_LIMIT_KEY …), and
    the entity of every RecordKind("…", …): what an audit call may name indirectly."""
    found: dict[str, str] = {}
    kinds: set[str] = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                    and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)):
                found[node.targets[0].id] = node.value.value
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "RecordKind"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                kinds.add(str(node.args[0].value))
    found["kind.entity"] = "|".join(sorted(kinds))
    return found


def _audit_calls() -> list[tuple[str, str, str | None]]:
    """(where, entity, entity_id when it is a constant) of every audit.record call in desktop/."""
    constants = _constants()

    def resolve(node: ast.expr | None) -> str | None:
        if isinstance(node, ast.Constant):
            return str(node.value)
        if isinstance(node, ast.Name):
            return constants.get(node.id)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            return constants.get(f"{node.value.id}.{node.attr}")
        return None

    calls = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "record"
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "audit"):
                continue
            keywords = {k.arg: k.value for k in node.keywords}
            if resolve(keywords.get("action")) == VIEW_ACTION:
                continue  # a view names the record shown, whatever it is; the replay skips views
            entity = resolve(keywords.get("entity"))
            where = f"{path.name}:{node.lineno}"
            assert entity is not None, f"{where}: the audited entity must be a constant this test can read"
            for name in entity.split("|"):
                calls.append((where, name, resolve(keywords.get("entity_id"))))
    return calls


def test_every_entity_audited_in_the_code_is_replayed() -> None:
    calls = _audit_calls()
    assert len({entity for _where, entity, _id in calls}) >= 20  # the scan found the services' calls
    missing = sorted({f"{where} {entity}" for where, entity, _id in calls if entity not in replayed_entities()})
    assert missing == [], "audited but not replayed by check (add it to desktop/store/replay_images.py)"


def test_every_audited_setting_is_replayed_by_its_key() -> None:
    settings = {(s.entity, s.entity_id) for s in SETTINGS}
    setting_entities = {entity for entity, _key in settings}
    calls = [(where, entity, key) for where, entity, key in _audit_calls() if entity in setting_entities]
    assert calls
    assert [c for c in calls if (c[1], c[2]) not in settings] == []


def test_every_entity_in_a_demo_office_trail_is_replayed(office_path: Path) -> None:
    make_demo(office_path)
    with closing(sqlite3.connect(office_path)) as conn:
        entities = {row[0] for row in conn.execute("SELECT DISTINCT entity FROM audit_entry")}
    assert len(entities) > 10 and entities - replayed_entities() == set()
