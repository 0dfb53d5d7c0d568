"""The clerk's words for each fault of the office file: what is wrong and what to do about it."""

from __future__ import annotations

from pathlib import Path

from desktop.i18n import _


def missing(path: Path) -> str:
    """No file, an empty (0-byte) file, or no folder: a mistyped path as often as a first start."""
    if not path.parent.is_dir():
        return _(
            "フォルダ「{folder}」がありません。事務ファイルのパスを確かめてください（USBメモリなどの場合は接続を確かめてください）。"
        ).format(folder=path.parent)
    if path.exists():
        return _(
            "事務ファイル「{path}」は空です（0バイト）。中身のある事務ファイルを指定するか、バックアップから戻してください。"
        ).format(path=path)
    return _("事務ファイル「{path}」が見つかりません。パスを確かめてください。").format(path=path)


def is_folder(path: Path) -> str:
    return _("「{path}」はフォルダです。フォルダの中の事務ファイル（.renkei）を指定してください。").format(path=path)


def not_office(path: Path, *, sqlite: bool) -> str:
    reason = _("別のアプリのデータベースです") if sqlite else _("SQLiteのファイルではありません")
    return _(
        "「{path}」は連携デスクの事務ファイルではありません（{reason}）。開くファイルを確かめてください。"
    ).format(path=path, reason=reason)


def file_read_only(path: Path) -> str:
    return _(
        "事務ファイル「{path}」は読み取り専用のため書き込めません。ファイルの読み取り専用を解除するか、"
        "書き込めるフォルダにコピーしてから開いてください。"
    ).format(path=path)


def folder_read_only(path: Path) -> str:
    return _(
        "フォルダ「{folder}」に書き込めません（読み取り専用）。連携デスクは事務ファイルと同じフォルダに"
        "作業用のファイルを作ります。書き込めるフォルダに事務ファイルを移してから開いてください。"
    ).format(folder=path.parent)


def no_space() -> str:
    return _("ディスクの空き容量が足りません")


def write_refused(error: BaseException) -> str:
    return _("ディスクに書き込めません: {detail}").format(detail=error)


def disk_full(path: Path, detail: str) -> str:
    return _(
        "事務ファイル「{path}」に書き込めませんでした（{detail}）。保存済みの内容は失われていません。"
        "ディスクの空きを作ってから、もう一度実行してください。"
    ).format(path=path, detail=detail)


def backup_failed(error: BaseException) -> str:
    return _(
        "バックアップを作成できませんでした（{error}）。事務ファイルは変更していません。"
        "バックアップ先のディスクの空きと書込み権限を確かめてから、もう一度実行してください。"
    ).format(error=error)
