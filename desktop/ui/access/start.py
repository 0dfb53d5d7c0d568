"""Signing in when the window starts, right after the office file is open and before any data shows.

Offscreen (or with no display) nobody could type in the dialog, and a modal dialog would wait
forever: the start then ends with a message on stderr and exit status 1.
"""

from __future__ import annotations

from desktop.i18n import _
from desktop.store.access import get_sign_in_settings
from desktop.store.acting import info_for
from desktop.store.db import Office
from desktop.ui.common.fatal import display_present, report_fatal


def sign_in_at_start(office: Office) -> int | None:
    """None when the window may go on (sign-in off, or someone signed in: `office.session_info`
    then names them); otherwise the exit status (0: the clerk chose 終了, 1: no display)."""
    with office.reader() as session:
        if not get_sign_in_settings(session).enabled:
            return None
    if not display_present():
        return report_fatal(_("サインインできません"), _(
            "事務ファイル「{path}」はサインインが必要ですが、画面がないためサインインの画面を出せません。"
            "画面のある環境で起動してください（コマンドは --user と --password-file で使えます）。").format(path=office.path))
    from desktop.ui.access.sign_in_dialog import SignInDialog

    dialog = SignInDialog(office)
    if dialog.exec() != SignInDialog.DialogCode.Accepted or dialog.principal is None:
        return 0
    office.session_info = info_for(dialog.principal)
    return None
