"""Writing the exchange file where the clerk asked (often a USB stick): temporary file, flush,
fsync, rename, then read back from the stick and verify; a failure leaves no file behind."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from desktop.atomic_file import FileWriteError, write_atomically
from desktop.exchange.format import ExchangeError
from desktop.exchange.read import read_file_bytes
from desktop.exchange.verify import VerifiedFile, verify_bytes
from desktop.i18n import _


def write_and_verify(folder: Path, name: str, content: bytes, passphrase: str | None) -> tuple[Path, VerifiedFile]:
    """Returns the path and what the read-back found. Raises ExchangeError with a clear message
    (full or removed stick, read-only folder, a file that does not read back whole)."""
    if not folder.is_dir():
        raise ExchangeError(_("フォルダ「{folder}」がありません（USBメモリが外れていませんか）").format(folder=folder))
    target = folder / name
    try:
        write_atomically(target, content)
    except FileWriteError as error:
        raise ExchangeError(str(error)) from None
    try:
        if read_file_bytes(target) != content:
            raise ExchangeError(_("読み返した内容が書き込んだ内容と違います"))
        verified = verify_bytes(content, passphrase)
    except (ExchangeError, OSError) as error:
        with contextlib.suppress(OSError):
            os.unlink(target)
        raise ExchangeError(_("「{path}」を読み返すと壊れていたので削除しました（{error}）。別のUSBメモリかフォルダで書き出し直してください").format(
            path=target, error=error)) from None
    return target, verified
