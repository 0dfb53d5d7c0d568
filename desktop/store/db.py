"""Opening the office file: one-writer lock, checks, backup, migration, pragmas, sessions."""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from desktop.domain.text import compare_readings
from desktop.i18n import _
from desktop.store import backup, migrate
from desktop.store import fault_messages as messages
from desktop.store.acting import session_info
from desktop.store.location import location_warnings
from desktop.store.office_identity import ensure_office_id
from desktop.store.read_only import DAMAGE_CODES, connect_read_only, primary_code, quick_check

# 'RKDK': marks a SQLite file as a Renkei Desk office file (PRAGMA application_id).
APPLICATION_ID = 0x524B444B
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
# What the disk or SQLite may raise beneath an action: classify_fault() names the clerk's fault.
DISK_ERRORS = (OSError, sqlite3.Error, DBAPIError)


class OfficeError(Exception):
    """An office file cannot be opened or written; the message is for the clerk."""


class OfficeInUseError(OfficeError):
    pass


class NotAnOfficeFileError(OfficeError):
    pass


class NewerOfficeFileError(OfficeError):
    pass


class OfficeDamagedError(OfficeError):
    def __init__(self, message: str, last_good_backup: Path | None) -> None:
        super().__init__(message)
        self.last_good_backup = last_good_backup


class OfficeMissingError(OfficeError):
    """No office file at the path (or a 0-byte one): never silently replaced by a new office."""


class OfficeIsFolderError(OfficeError):
    pass


class OfficeReadOnlyError(OfficeError):
    """The file, or the folder it sits in, cannot be written (permissions, a locked or read-only drive)."""


class OfficeDiskFullError(OfficeError):
    """A write failed for lack of space (or the disk refused it); what was saved before is intact."""


@dataclass
class Office:
    """An open office file. Sessions come from `transaction()` (write) or `reader()` (read)."""

    path: Path
    engine: Engine
    session_factory: sessionmaker[Session]
    lock: FileLock
    created: bool
    migrated_from: str | None
    backup_path: Path | None
    warnings: list[str] = field(default_factory=list)
    # Who acts: copied into every session's info (store/acting.py); empty = the OS user.
    session_info: dict[str, object] = field(default_factory=session_info)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action: committed whole on success, rolled back whole on any error.

        A full disk or a file made read-only meanwhile raises the matching OfficeError."""
        try:
            with self.session_factory(info=dict(self.session_info)) as session, session.begin():
                yield session
        except DBAPIError as error:
            raise_if_fault(error, self.path)
            raise

    @contextmanager
    def reader(self) -> Iterator[Session]:
        try:
            with self.session_factory(info=dict(self.session_info)) as session:
                yield session
        except DBAPIError as error:
            raise_if_fault(error, self.path)
            raise

    def close(self) -> None:
        self.engine.dispose()
        if self.lock.is_locked:
            self.lock.release()

    def __enter__(self) -> Office:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _install_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling skips BEGIN before DDL, which would leave a
        # failed migration half-applied; SQLAlchemy's documented fix is to emit BEGIN ourselves.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()
        # Names sort by reading, hiragana and katakana alike (ORDER BY reading COLLATE kana).
        dbapi_connection.create_collation("kana", compare_readings)

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")


def _folder_writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK | os.X_OK)


def classify_fault(error: BaseException, path: Path) -> OfficeError | None:
    """The clerk's one message for a fault of the disk or the file, or None for other errors.

    SQLite says SQLITE_FULL for a full disk but SQLITE_IOERR when the OS refuses a write
    otherwise (a file-size limit, a failing stick); both mean nothing more could be written.
    """
    if isinstance(error, OfficeError):
        return error
    if isinstance(error, DBAPIError) and error.orig is not None:
        error = error.orig
    if isinstance(error, sqlite3.Error):
        code = primary_code(error)
        if code == sqlite3.SQLITE_FULL:
            return disk_full_error(path, messages.no_space())
        if code == sqlite3.SQLITE_IOERR:
            return disk_full_error(path, messages.write_refused(error))
        if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM):
            if not path.parent.is_dir():
                return missing_error(path)
            if not _folder_writable(path.parent):
                return folder_read_only_error(path)
            if code != sqlite3.SQLITE_CANTOPEN or not os.access(path, os.W_OK):
                return file_read_only_error(path)
            return None
        if code == sqlite3.SQLITE_NOTADB:
            return not_office_error(path)
        return None
    if isinstance(error, OSError):
        named = Path(os.path.abspath(error.filename)) if isinstance(error.filename, str) else None
        if named is not None and named not in (path, path.parent) and named.parent != path.parent:
            return None  # another file (an import's source, an output): its own message says which
        if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            return disk_full_error(path, messages.no_space())
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            # A rename onto a read-only file fails naming the temporary file: ask the folder.
            if path.parent.is_dir() and _folder_writable(path.parent):
                return file_read_only_error(path)
            return folder_read_only_error(path)
        if error.errno == errno.ENOENT:
            return missing_error(path)
        if error.errno == errno.EISDIR:
            return folder_path_error(path)
    return None


def raise_if_fault(error: BaseException, path: Path) -> None:
    fault = classify_fault(error, path)
    if fault is not None and fault is not error:
        raise fault from error


def missing_error(path: Path) -> OfficeMissingError:
    return OfficeMissingError(messages.missing(path))


def folder_path_error(path: Path) -> OfficeIsFolderError:
    return OfficeIsFolderError(messages.is_folder(path))


def not_office_error(path: Path, *, sqlite: bool = False) -> NotAnOfficeFileError:
    return NotAnOfficeFileError(messages.not_office(path, sqlite=sqlite))


def file_read_only_error(path: Path) -> OfficeReadOnlyError:
    return OfficeReadOnlyError(messages.file_read_only(path))


def folder_read_only_error(path: Path) -> OfficeReadOnlyError:
    return OfficeReadOnlyError(messages.folder_read_only(path))


def disk_full_error(path: Path, detail: str) -> OfficeDiskFullError:
    return OfficeDiskFullError(messages.disk_full(path, detail))


def backup_failed_error(error: BaseException) -> OfficeError:
    return OfficeError(messages.backup_failed(error))


def inspect_office_file(path: Path) -> tuple[int, int, bool]:
    """(application_id, user_version, has_tables) read without writing anything; raises the
    matching OfficeError for a missing, empty, foreign or unreadable file."""
    if path.is_dir():
        raise folder_path_error(path)
    if not path.exists() or path.stat().st_size == 0:
        raise missing_error(path)
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError as error:
        raise classify_fault(error, path) or OfficeError(str(error)) from None
    if header != SQLITE_HEADER:
        raise not_office_error(path)
    try:
        with closing(connect_read_only(path)) as conn:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
    except sqlite3.Error as error:
        if primary_code(error) in DAMAGE_CODES:
            raise damaged_error(path, str(error)) from None
        raise classify_fault(error, path) or OfficeError(str(error)) from None
    return int(app_id), int(version), tables > 0


def _check_existing(path: Path, *, integrity: bool) -> None:
    app_id, version, has_tables = inspect_office_file(path)
    if app_id != APPLICATION_ID and (app_id != 0 or has_tables):
        raise not_office_error(path, sqlite=True)
    if version > len(migrate.known_revisions()):
        raise NewerOfficeFileError(
            _("「{path}」は新しい版の連携デスクで保存されています。連携デスクを更新してから開いてください（ファイルの版 {found}、この版 {known}）").format(
                path=path, found=version, known=len(migrate.known_revisions())
            )
        )
    if integrity:
        check_integrity(path)


def damaged_error(path: Path, detail: str) -> OfficeDamagedError:
    good = backup.last_good_backup(path)
    hint = (
        _("最後の正常なバックアップ: {backup}").format(backup=good)
        if good else _("正常なバックアップが見つかりません")
    )
    return OfficeDamagedError(
        _("事務ファイル「{path}」が壊れています（{detail}）。{hint}").format(path=path, detail=detail, hint=hint),
        good,
    )


def check_integrity(path: Path) -> None:
    """PRAGMA quick_check; raises OfficeDamagedError naming the last good backup, or the
    matching OfficeError when the file cannot be read at all (that is not damage)."""
    try:
        result = quick_check(path)
    except sqlite3.Error as error:
        raise classify_fault(error, path) or OfficeError(str(error)) from None
    if result != "ok":
        raise damaged_error(path, result)


def acquire_lock(path: Path) -> FileLock:
    # Not thread-local: the window takes the lock on its opening thread and releases it on the
    # GUI thread (ui/start/opening.py).
    lock = FileLock(str(lock_path(path)), timeout=0, thread_local=False)
    try:
        lock.acquire()
    except Timeout:
        raise OfficeInUseError(
            _("事務ファイル「{path}」は別の連携デスクで開かれています。そちらを閉じてから開いてください。").format(path=path)
        ) from None
    except OSError as error:  # the lock file sits beside the office file: a read-only folder ends here
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise folder_read_only_error(path) from None
        raise classify_fault(error, path) or OfficeError(
            _("事務ファイル「{path}」を開けません（{error}）").format(path=path, error=error.strerror)) from None
    return lock


def _refuse_unwritable(path: Path, exists: bool) -> None:
    """Writing needs the file and its folder (the lock, -wal and -shm files live beside it)."""
    if not _folder_writable(path.parent):
        raise folder_read_only_error(path)
    if exists and not os.access(path, os.W_OK):
        raise file_read_only_error(path)


def open_office(path: Path, *, create: bool = True, take_backup: bool = True, check: bool = True) -> Office:
    """Opens (or creates) an office file for writing; refuses a locked, foreign, newer or damaged
    file, and one that cannot be written, each with its own OfficeError.

    With create=True a missing or 0-byte file becomes a new, empty office; the CLI and the
    window never ask for that on a user's path (see store/creation.py, which builds a new
    office in a temporary file). The window passes take_backup=False and check=False and runs
    both right after it is shown (see ui/app.py), so a large office opens fast; a schema
    upgrade is always backed up first.
    """
    path = Path(path).expanduser().resolve()
    if path.is_dir():
        raise folder_path_error(path)
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise missing_error(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise classify_fault(error, path) or OfficeError(_("フォルダ「{folder}」を作成できません: {error}").format(
            folder=path.parent, error=error)) from None
    if exists:  # a foreign, newer or damaged file is named before any write is tried
        _check_existing(path, integrity=False)
    _refuse_unwritable(path, exists)
    lock = acquire_lock(path)
    try:
        if exists and check:
            check_integrity(path)
        if exists:
            ensure_office_id(path)  # before any backup: backups are kept by this identity
        engine = create_engine(
            f"sqlite:///{path}", connect_args={"check_same_thread": False}, future=True
        )
        _install_pragmas(engine)
        office = _migrate(path, engine, lock, exists, take_backup)
        ensure_office_id(path)  # a new file gets its identity at creation
    except BaseException as error:
        lock.release()
        raise_if_fault(error, path)
        raise
    office.warnings = location_warnings(path)
    return office


def _migrate(path: Path, engine: Engine, lock: FileLock, existed: bool, take_backup: bool) -> Office:
    with engine.connect() as probe:
        found = migrate.current_revision(probe)
    if found is not None and found not in migrate.known_revisions():
        engine.dispose()
        raise NewerOfficeFileError(
            _("「{path}」は新しい版の連携デスクで保存されています（スキーマ {revision}）。連携デスクを更新してから開いてください。").format(
                path=path, revision=found
            )
        )
    head = migrate.head_revision()
    backup_path = None
    if existed and (take_backup or found != head):
        reason = "before-migration" if found != head else "open"
        try:
            backup_path = backup.backup_office(path, reason)
        except (OSError, sqlite3.Error, backup.BackupError) as error:  # the backup drive, not the office file
            engine.dispose()
            raise backup_failed_error(error) from error
    if found != head:
        try:
            with engine.begin() as connection:
                migrate.upgrade_to_head(connection)
                connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
                connection.exec_driver_sql(f"PRAGMA user_version={migrate.schema_number(head)}")
        except Exception as error:  # any failure inside the one transaction leaves the file as it was
            engine.dispose()
            raise_if_fault(error, path)
            if not existed:
                raise OfficeError(_("事務ファイル「{path}」を作成できませんでした（{error}）").format(
                    path=path, error=error)) from error
            raise OfficeError(_(
                "事務ファイル「{path}」を新しい版に更新できませんでした（{error}）。ファイルは元のままです。"
                "バックアップ: {backup}").format(path=path, error=error, backup=backup_path or _("なし"))) from error
    factory = sessionmaker(bind=engine, expire_on_commit=False)
    return Office(path, engine, factory, lock, not existed, found if found != head else None, backup_path)


def schema_status(office: Office) -> tuple[str | None, int]:
    with office.engine.connect() as connection:
        revision = migrate.current_revision(connection)
        version = connection.exec_driver_sql("PRAGMA user_version").scalar_one()
    return revision, int(version)
