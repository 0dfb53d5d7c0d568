"""Copies of large worksheets' XML, written as the scan inflates them: whatever reads a sheet
again (its pieces, the count of its long strings) reads the copy instead of inflating the sheet a
second time (54 MB of XML took 0.12 s of zlib, the copy 0.02 s to write)."""

from __future__ import annotations

import contextlib
import os
import tempfile
import zipfile
from typing import IO

# Smaller worksheets are inflated again: a copy would cost about what it saves.
COPY_FROM_BYTES = 8 * 1024 * 1024


class SheetCopies:
    """The copies made during one reading, in a temporary folder removed at its end. Without room
    for them the reading goes on without copies: each sheet is then inflated again."""

    def __init__(self) -> None:
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self._done: dict[str, str] = {}
        self._made = 0
        self._without_room = False

    def __enter__(self) -> SheetCopies:
        return self

    def __exit__(self, *_exception: object) -> None:
        if self._folder is not None:
            self._folder.cleanup()

    def copying(self, info: zipfile.ZipInfo, stream: IO[bytes]) -> Copying | None:
        """A reader of the member that copies it, when it is large enough to be worth a copy."""
        return Copying(self, info.filename, stream) if info.file_size >= COPY_FROM_BYTES else None

    def start(self, member: str) -> tuple[str, IO[bytes]] | None:
        """A file to copy the member into, or None without room for it."""
        if self._without_room:
            return None
        try:
            if self._folder is None:
                # A file a virus scanner still holds on Windows must not turn a reading into an error.
                self._folder = tempfile.TemporaryDirectory(prefix="renkei-import-", ignore_cleanup_errors=True)
            self._made += 1
            path = os.path.join(self._folder.name, f"{self._made}.xml")
            return path, open(path, "wb")  # closed by finish()
        except OSError:
            self._without_room = True
            return None

    def finish(self, member: str, copy: tuple[str, IO[bytes]], *, whole: bool) -> None:
        """Closes the copy; keeps it only when the whole member went into it."""
        path, handle = copy
        try:
            handle.close()
        except OSError:
            whole = False
        if whole:
            self._done[member] = path
        else:
            with contextlib.suppress(OSError):
                os.remove(path)

    def open(self, archive: zipfile.ZipFile, member: str) -> IO[bytes]:
        """The member's XML, from its copy when there is one."""
        path = self._done.get(member)
        if path is not None:
            try:
                return open(path, "rb")  # closed by the caller
            except OSError:
                pass
        return archive.open(member)


class Copying:
    """Reads a member for the scan, and writes what it reads into a copy once told the member is
    one to keep (a worksheet: known from its first block, which is held until then)."""

    def __init__(self, copies: SheetCopies, member: str, stream: IO[bytes]) -> None:
        self._copies, self._member, self._stream = copies, member, stream
        self._held: list[bytes] | None = []  # None once decided
        self._copy: tuple[str, IO[bytes]] | None = None

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        if self._copy is not None:
            self._write(data)
        elif self._held is not None:
            self._held.append(data)
        return data

    def keep(self, wanted: bool) -> None:
        held, self._held = self._held, None
        if wanted and held is not None:
            self._copy = self._copies.start(self._member)
            for data in held:
                self._write(data)

    def close(self, *, whole: bool) -> None:
        if self._copy is not None:
            self._copies.finish(self._member, self._copy, whole=whole)
            self._copy = None

    def _write(self, data: bytes) -> None:
        if self._copy is None:
            return
        try:
            self._copy[1].write(data)
        except OSError:  # no room left: the sheet is inflated again when it is read
            self.close(whole=False)


def open_member(archive: zipfile.ZipFile, member: str, copies: SheetCopies | None) -> IO[bytes]:
    """The member's XML, from the scan's copy when there is one."""
    return archive.open(member) if copies is None else copies.open(archive, member)
