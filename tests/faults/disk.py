"""Real disk faults for the tests, each by a mechanism that works on this machine.

- Full disk: RLIMIT_FSIZE in the child (writes past the limit fail with EFBIG, which SQLite
  reports as "disk I/O error"; SIGXFSZ is ignored so the write fails instead of killing the
  child), and a small tmpfs filled up (ENOSPC, SQLite's "database or disk is full") where
  the tests may mount one.
- Read-only: the permission bits where the tests do not run as root; as root (who ignores
  them) the immutable attribute (chattr +i, EPERM even for root) and a read-only mount.
Whatever mechanism cannot be used here is skipped with the reason.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def file_size_limit(limit: int) -> Callable[[], None]:
    """A preexec_fn: the child may write no file beyond `limit` bytes, as on a full disk."""
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def run_cli(*args: str | Path, size_limit: int | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`renkei-desk ARGS` as its own process (optionally with a file-size limit)."""
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], capture_output=True, text=True,
                          env=os.environ.copy(), check=False, timeout=timeout,
                          preexec_fn=file_size_limit(size_limit) if size_limit is not None else None)


def _chattr(flag: str, path: Path) -> bool:
    if shutil.which("chattr") is None:
        return False
    return subprocess.run(["chattr", flag, str(path)], capture_output=True, check=False).returncode == 0


@contextmanager
def read_only(path: Path) -> Iterator[str]:
    """Makes a file or folder read-only for this process's children; yields the mechanism used."""
    if not IS_ROOT:
        mode = path.stat().st_mode
        path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
        try:
            yield "permission bits"
        finally:
            path.chmod(mode)
        return
    if not _chattr("+i", path):
        pytest.skip("running as root, which ignores permission bits, and chattr +i does not work on this file system")
    try:
        yield "chattr +i"
    finally:
        _chattr("-i", path)


def _mount(*args: str) -> bool:
    if not IS_ROOT or shutil.which("mount") is None:
        return False
    return subprocess.run(["mount", *args], capture_output=True, check=False).returncode == 0


def _umount(path: Path) -> None:
    with suppress(OSError):
        subprocess.run(["umount", "-l", str(path)], capture_output=True, check=False)


@contextmanager
def small_disk(folder: Path, size_kb: int) -> Iterator[Path]:
    """A real small disk (tmpfs of size_kb) mounted at folder; skipped where mounting is not allowed."""
    folder.mkdir(parents=True, exist_ok=True)
    if not _mount("-t", "tmpfs", "-o", f"size={size_kb}k,mode=0755", "tmpfs", str(folder)):
        pytest.skip("mounting a small tmpfs needs root (CAP_SYS_ADMIN); the RLIMIT_FSIZE tests cover a full disk")
    try:
        yield folder
    finally:
        _umount(folder)


@contextmanager
def read_only_mount(folder: Path) -> Iterator[Path]:
    """Remounts a small_disk read-only (EROFS): a locked USB stick or a read-only share."""
    if not _mount("-o", "remount,ro", str(folder)):
        pytest.skip("remounting read-only needs root (CAP_SYS_ADMIN)")
    try:
        yield folder
    finally:
        _mount("-o", "remount,rw", str(folder))


def fill(folder: Path, leave_bytes: int = 0) -> Path:
    """Fills the disk holding `folder` until at most leave_bytes are free; returns the filler file."""
    filler = folder / "filler.bin"
    free = shutil.disk_usage(folder).free - leave_bytes
    with filler.open("wb") as handle, suppress(OSError):
        while free > 0:
            chunk = min(free, 1 << 20)
            handle.write(b"\0" * chunk)
            handle.flush()
            free -= chunk
    return filler


def listing(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}
