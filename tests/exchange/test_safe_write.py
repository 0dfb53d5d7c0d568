"""Writing to a stick that fills up or is gone: a clear message and no file, whole or half."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.commands.exchange import export_exchange
from desktop.domain.fiscal_year import FiscalYear
from desktop.exchange.export import ExportOptions
from desktop.exchange.format import ExchangeError
from desktop.store.db import open_office
from tests.exchange.conftest import make_office

# The export run in a child whose files may not grow past 40 kB (the zip is about 110 kB):
# the write fails as on a full stick. SIGXFSZ is ignored so the write returns EFBIG instead of
# killing the process.
FULL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))
from desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="RLIMIT_FSIZE is POSIX")
def test_a_full_stick_leaves_no_half_file(tmp_path: Path) -> None:
    office = make_office(tmp_path)
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "R07_990001_デモ町_連携.zip").write_bytes(b"last year's good file")
    result = subprocess.run([sys.executable, "-c", FULL_DISK, "export", "--db", str(office), "--fiscal-year", "2025",
                             "--out", str(stick)], capture_output=True, text=True, env=os.environ.copy(), check=False)
    assert result.returncode == 1
    assert "保存できませんでした" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in stick.iterdir()) == ["R07_990001_デモ町_連携.zip"]      # no .part left
    assert (stick / "R07_990001_デモ町_連携.zip").read_bytes() == b"last year's good file"


def test_a_removed_stick_is_named(tmp_path: Path) -> None:
    office = make_office(tmp_path)
    with (open_office(office, create=False, take_backup=False) as opened,
          pytest.raises(ExchangeError, match="USBメモリが外れていませんか")):
        export_exchange(opened, fiscal_year=FiscalYear(2025), folder=tmp_path / "gone", options=ExportOptions())
    assert not (tmp_path / "gone").exists()
