"""Replacing a file safely: temporary file, flush, fsync, rename; never a 0-byte or half file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from desktop.i18n import _


class FileWriteError(OSError):
    """The file could not be written; the message is for the clerk and the target is untouched."""


def write_atomically(path: Path, data: bytes) -> None:
    folder = path.parent
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise FileWriteError(_("フォルダ「{folder}」に書き込めません（{error}）").format(folder=folder, error=error.strerror)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise FileWriteError(
            _("「{path}」を保存できませんでした（{error}）。ディスクの空きや書込み権限を確認してください").format(
                path=path, error=error.strerror)) from None
    if os.name != "nt":
        with contextlib.suppress(OSError):
            dir_fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
