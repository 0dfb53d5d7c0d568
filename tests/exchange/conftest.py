"""Real office files for several towns, and real exchange files made from them."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.commands.exchange import ExportOutcome, export_exchange
from desktop.domain.fiscal_year import FiscalYear
from desktop.exchange.export import ExportOptions
from desktop.store.db import open_office
from desktop.store.demo import build_demo_office, demo_seed, demo_town

# (code, name) of towns with valid check digits; デモ町 is the demo office itself.
TOWNS = (("990001", "デモ町"), ("132012", "C村"), ("132039", "D町"))


def make_office(folder: Path, code: str = "990001", name: str = "デモ町") -> Path:
    path = folder / f"{code}.renkei"
    with open_office(path) as office, office.transaction() as session:
        build_demo_office(session, town=demo_town(code, name), seed=demo_seed(code))
    return path


def export(office_path: Path, out: Path, year: int = 2025, **options: object) -> ExportOutcome:
    out.mkdir(parents=True, exist_ok=True)
    with open_office(office_path, create=False, take_backup=False) as office:
        return export_exchange(office, fiscal_year=FiscalYear(year), folder=out,
                               options=ExportOptions(**options))  # type: ignore[arg-type]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          env=os.environ.copy(), check=False)


def read_zip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def rebuild_zip(members: dict[str, bytes]) -> bytes:
    """A zip with exactly these entries (names as given, unchecked), as a hostile sender would make."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), content,
                             compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def edit_manifest(members: dict[str, bytes], change: Callable[[dict[str, object]], None]) -> dict[str, bytes]:
    manifest = json.loads(members["manifest.json"])
    change(manifest)
    return {**members, "manifest.json": json.dumps(manifest, ensure_ascii=False).encode("utf-8")}


@pytest.fixture(scope="module")
def b_town_file(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """One real export of the demo office (デモ町, 令和7年度), made once per module."""
    folder = tmp_path_factory.mktemp("btown")
    os.environ["RENKEI_DESK_HOME"] = str(folder / "home")
    outcome = export(make_office(folder), folder / "out")
    return outcome.path.read_bytes()
