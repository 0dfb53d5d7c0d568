"""Creating a new office file whole or not at all: built in a temporary file beside the target,
checked, then renamed into place, so a full disk or a kill never leaves a half office behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from desktop.domain.town import TownProfile
from desktop.i18n import _
from desktop.store import backup
from desktop.store.db import (
    OfficeError,
    acquire_lock,
    check_integrity,
    classify_fault,
    folder_path_error,
    lock_path,
    missing_error,
    open_office,
)
from desktop.store.read_only import wal_path


class OfficeExistsError(OfficeError):
    """A new office is made only where no office file (or a 0-byte one) is."""


def _remove_leftovers(temporary: Path) -> None:
    for leftover in (temporary, wal_path(temporary), temporary.with_name(temporary.name + "-shm"),
                     lock_path(temporary)):
        with contextlib.suppress(OSError):
            leftover.unlink()


def create_office_file(path: Path, *, demo: bool, make_folder: bool = False,
                       town: TownProfile | None = None, seed: int = 0) -> Path:
    """A new office file at `path` (the demo office デモ町 when demo=True; an empty office with
    `town` as its profile otherwise, when given); returns the resolved path.

    A missing folder is refused (a mistyped path) unless make_folder, which the window passes
    once the clerk has seen the path and chosen to create an office there.

    Raises OfficeExistsError when a non-empty file is already there, and the matching
    OfficeError (read-only folder, full disk, missing folder) when it cannot be written; in
    every failure nothing is left at `path` or beside it.
    """
    path = Path(path).expanduser().resolve()
    if path.is_dir():
        raise folder_path_error(path)
    if make_folder:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise classify_fault(error, path) or missing_error(path) from None
    if not path.parent.is_dir():
        raise missing_error(path)
    lock_existed = lock_path(path).exists()
    lock = acquire_lock(path)  # no second instance may open or make the target meanwhile
    temporary: Path | None = None
    try:
        if path.exists() and path.stat().st_size > 0:  # looked at under the lock: no race
            raise OfficeExistsError(_(
                "事務ファイル「{path}」は既にあります。新しい事務所は空のファイルにだけ作成します。").format(path=path))
        try:
            fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".creating", dir=path.parent)
            os.close(fd)
            temporary = Path(name)
            temporary.chmod(0o666 & ~_umask())  # mkstemp makes 0600; a new office gets the usual mode
            _build(temporary, demo=demo, town=town, seed=seed)
            os.replace(temporary, path)
            backup.fsync_dir(path.parent)
        except (OSError, OfficeError) as error:
            # Errors below name the temporary file; the clerk asked for `path`, so name that.
            cause = error.__cause__ if isinstance(error, OfficeError) and error.__cause__ is not None else error
            fault = classify_fault(cause, path) or OfficeError(
                _("事務ファイル「{path}」を作成できませんでした（{error}）").format(path=path, error=cause))
            if fault is error:
                raise
            raise fault from cause
    except BaseException:
        lock.release()
        if temporary is not None:
            _remove_leftovers(temporary)
        if not lock_existed:
            lock_path(path).unlink(missing_ok=True)
        raise
    _remove_leftovers(temporary)  # an empty -wal or -shm of the temporary name, if SQLite left one
    lock.release()
    return path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _build(temporary: Path, *, demo: bool, town: TownProfile | None, seed: int) -> None:
    office = open_office(temporary, take_backup=False, check=False)
    try:
        if demo:
            # The demo builder loads only when asked for.
            from desktop.store.demo import DEMO_TOWN, build_demo_office

            with office.transaction() as session:
                build_demo_office(session, town=town or DEMO_TOWN, seed=seed)
        elif town is not None:  # a new empty office with the profile asked at the welcome
            from desktop.store.services.town import update_town_profile

            with office.transaction() as session:
                update_town_profile(session, profile=town)
    finally:
        office.close()
        with contextlib.suppress(OSError):
            lock_path(temporary).unlink()
    # The last connection closing checkpoints the WAL into the file; a -wal still there means
    # the checkpoint could not write (a full disk), and the file alone would be incomplete.
    if wal_path(temporary).exists() and wal_path(temporary).stat().st_size > 0:
        raise OSError(28, os.strerror(28), str(temporary))
    check_integrity(temporary)
    with temporary.open("rb+") as handle:
        os.fsync(handle.fileno())
