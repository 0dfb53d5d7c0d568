"""Opening the office file: one-writer lock, checks, backup, migration, pragmas, sessions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from desktop.i18n import _
from desktop.store import backup, migrate
from desktop.store.location import location_warnings
from desktop.store.office_identity import ensure_office_id

# 'RKDK': marks a SQLite file as a Renkei Desk office file (PRAGMA application_id).
APPLICATION_ID = 0x524B444B
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


class OfficeError(Exception):
    """An office file cannot be opened; the message is for the clerk."""


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

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action: committed whole on success, rolled back whole on any error."""
        with self.session_factory() as session, session.begin():
            yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        with self.session_factory() as session:
            yield session

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

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")


def _inspect_existing(path: Path) -> tuple[int, int, bool]:
    """Returns (application_id, user_version, has_tables) or raises for a non-SQLite file."""
    with path.open("rb") as handle:
        header = handle.read(16)
    if header != SQLITE_HEADER:
        raise NotAnOfficeFileError(
            _("「{path}」は連携デスクの事務ファイルではありません（SQLiteのファイルではありません）").format(path=path)
        )
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
    return int(app_id), int(version), tables > 0


def _check_existing(path: Path, *, integrity: bool) -> None:
    app_id, version, has_tables = _inspect_existing(path)
    if app_id != APPLICATION_ID and (app_id != 0 or has_tables):
        raise NotAnOfficeFileError(
            _("「{path}」は連携デスクの事務ファイルではありません（別のアプリのデータベースです）").format(path=path)
        )
    if version > len(migrate.known_revisions()):
        raise NewerOfficeFileError(
            _("「{path}」は新しい版の連携デスクで保存されています。連携デスクを更新してから開いてください（ファイルの版 {found}、この版 {known}）").format(
                path=path, found=version, known=len(migrate.known_revisions())
            )
        )
    if integrity:
        check_integrity(path)


def check_integrity(path: Path) -> None:
    """PRAGMA quick_check; raises OfficeDamagedError naming the last good backup."""
    result = backup.quick_check(path)
    if result != "ok":
        good = backup.last_good_backup(path)
        hint = (
            _("最後の正常なバックアップ: {backup}").format(backup=good)
            if good else _("正常なバックアップが見つかりません")
        )
        raise OfficeDamagedError(
            _("事務ファイル「{path}」が壊れています（{detail}）。{hint}").format(path=path, detail=result, hint=hint),
            good,
        )


def acquire_lock(path: Path) -> FileLock:
    lock = FileLock(str(lock_path(path)), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise OfficeInUseError(
            _("事務ファイル「{path}」は別の連携デスクで開かれています。そちらを閉じてから開いてください。").format(path=path)
        ) from None
    return lock


def open_office(path: Path, *, create: bool = True, take_backup: bool = True, check: bool = True) -> Office:
    """Opens (or creates) an office file for writing; refuses a locked, foreign, newer or damaged file.

    The window passes take_backup=False and check=False and runs both right after it is shown
    (see ui/app.py), so a large office opens fast; a schema upgrade is always backed up first.
    """
    path = Path(path).expanduser().resolve()
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise OfficeError(_("事務ファイル「{path}」が見つかりません").format(path=path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OfficeError(_("フォルダ「{folder}」を作成できません: {error}").format(folder=path.parent, error=error)) from None
    lock = acquire_lock(path)
    try:
        if exists:
            _check_existing(path, integrity=check)
            ensure_office_id(path)  # before any backup: backups are kept by this identity
        engine = create_engine(
            f"sqlite:///{path}", connect_args={"check_same_thread": False}, future=True
        )
        _install_pragmas(engine)
        office = _migrate(path, engine, lock, exists, take_backup)
        ensure_office_id(path)  # a new file gets its identity at creation
    except BaseException:
        lock.release()
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
        except backup.BackupError as error:
            engine.dispose()
            raise OfficeError(str(error)) from None
    if found != head:
        try:
            with engine.begin() as connection:
                migrate.upgrade_to_head(connection)
                connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
                connection.exec_driver_sql(f"PRAGMA user_version={migrate.schema_number(head)}")
        except Exception as error:  # any failure inside the one transaction leaves the file as it was
            engine.dispose()
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
