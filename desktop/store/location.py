"""Warnings about where an office file lives: network drives and cloud-synced folders corrupt SQLite."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.i18n import _

_CLOUD_MARKERS = ("onedrive", "dropbox", "google drive", "googledrive", "icloud", "box sync", "nextcloud")
_NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "afpfs", "9p"}


def _linux_fs_type(path: Path) -> str | None:
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return None
    best: tuple[int, str] | None = None
    target = str(path.resolve())
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and (best is None or len(mount_point) > best[0]):
            best = (len(mount_point), parts[2])
    return best[1] if best else None


def _windows_is_network(path: Path) -> bool:
    text = str(path.resolve())
    if text.startswith("\\\\"):
        return True
    try:
        import ctypes

        drive = os.path.splitdrive(text)[0] + "\\"
        drive_remote = 4
        return bool(ctypes.windll.kernel32.GetDriveTypeW(drive) == drive_remote)  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return False


def location_warnings(path: Path) -> list[str]:
    warnings: list[str] = []
    lowered = str(path.resolve()).lower()
    if any(marker in lowered for marker in _CLOUD_MARKERS):
        warnings.append(
            _("事務ファイルがクラウド同期フォルダにあります。同期によりファイルが壊れることがあります。ローカルのフォルダに置いてください。")
        )
    network = _windows_is_network(path) if os.name == "nt" else _linux_fs_type(path.parent) in _NETWORK_FS
    if network:
        warnings.append(
            _("事務ファイルがネットワークドライブにあります。同時に開くとファイルが壊れることがあります。ローカルのフォルダに置いてください。")
        )
    return warnings
