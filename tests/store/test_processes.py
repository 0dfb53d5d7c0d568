"""Real processes: a second instance is refused; a killed writer loses at most the action in flight."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.store import backup
from desktop.store.db import open_office
from desktop.store.repos.town import get_town_profile

HOLDER = Path(__file__).with_name("holder.py")


def start_holder(path: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(HOLDER), str(path), *extra],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=os.environ.copy(),
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.slow
def test_second_process_is_refused_and_writes_nothing(office_path: Path) -> None:
    open_office(office_path).close()
    holder = start_holder(office_path)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "ready"
        before = digest(office_path)
        result = subprocess.run(
            [sys.executable, "-m", "desktop", "demo", "--db", str(office_path)],
            capture_output=True, text=True, env=os.environ.copy(), check=False,
        )
        # `demo` refuses a non-empty file before it even tries; the real test is a writer verb:
        second = subprocess.run(
            [sys.executable, "-c",
             "import sys; from pathlib import Path; from desktop.store.db import open_office, OfficeError\n"
             "try:\n open_office(Path(sys.argv[1]))\nexcept OfficeError as e:\n print(e); sys.exit(3)",
             str(office_path)],
            capture_output=True, text=True, env=os.environ.copy(), check=False,
        )
        assert result.returncode == 1
        assert second.returncode == 3
        assert "別の連携デスクで開かれています" in second.stdout
        assert digest(office_path) == before
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    # Once the first closes, the file opens again.
    open_office(office_path).close()


@pytest.mark.slow
def test_killed_writer_keeps_every_reported_save(office_path: Path) -> None:
    open_office(office_path).close()
    writer = start_holder(office_path, "--write-loop")
    assert writer.stdout is not None
    last = 0
    deadline = time.monotonic() + 30
    while last < 25 and time.monotonic() < deadline:
        line = writer.stdout.readline()
        if line.startswith("saved "):
            last = int(line.split()[1])
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    assert last >= 25
    with open_office(office_path) as office, office.reader() as session:
        saved = int(get_town_profile(session).name.removeprefix("デモ町"))
        integrity = session.connection().exec_driver_sql("PRAGMA integrity_check").scalar_one()
    assert integrity == "ok"
    assert saved >= last  # at most the action in flight is lost; reported ones never are
    assert backup.quick_check(office_path) == "ok"


@pytest.mark.slow
def test_a_lock_left_by_a_killed_process_never_blocks_the_next_start(office_path: Path) -> None:
    from desktop.store.db import lock_path

    open_office(office_path).close()
    for _round in range(3):
        holder = start_holder(office_path)
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "ready"
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
        assert lock_path(office_path).exists()  # the file stays; the OS lock on it died with the process
        with open_office(office_path) as reopened:
            assert reopened.lock.is_locked


@pytest.mark.slow
def test_a_live_holder_is_never_taken_over_by_backup_restore_or_check(office_path: Path) -> None:
    from desktop.store.db import OfficeInUseError
    from desktop.store.restore import restore_backup

    open_office(office_path).close()
    taken = backup.backup_office(office_path, "manual")
    holder = start_holder(office_path)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "ready"
        before = digest(office_path)
        with pytest.raises(OfficeInUseError):
            restore_backup(office_path=office_path, backup_path=taken)
        with pytest.raises(OfficeInUseError):
            open_office(office_path)
        assert digest(office_path) == before
        assert holder.poll() is None
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
