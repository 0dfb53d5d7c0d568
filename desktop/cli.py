"""Command line: no verb opens the window; verbs do what admins and tests need without it."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from desktop.fontfiles import set_ipamj_path
from desktop.i18n import _, set_language
from desktop.paths import default_office_path


def _common(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--db", type=Path, default=default, help=_("事務ファイルのパス"))
    parser.add_argument("--lang", choices=("ja", "en"), default=default, help=_("表示言語"))
    parser.add_argument("--ipamj", type=Path, default=default,
                        help=_("IPAmj明朝（ipamjm.ttf）の場所。省略すると同梱のものを使います（環境変数 RENKEI_DESK_IPAMJ でも指定できます）"))
    if suppress:  # a verb: --user and --password-file when the office's sign-in is on
        from desktop.commands.sign_in import add_sign_in_options

        add_sign_in_options(parser)


class _VersionAction(argparse.Action):
    """--version; the version is read from the package metadata only when asked (~15 ms)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object,
                 option_string: str | None = None) -> None:
        import desktop

        print(f"{parser.prog} {desktop.__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    # The verbs' modules load here, not with the window (see _window_args).
    from desktop.cli_words import import_epilog
    from desktop.commands.carry_out_verbs import add_carry_outs_verb, add_medium_argument
    from desktop.commands.exchange_verbs import add_exchange_verbs
    from desktop.commands.users import add_users_verb

    parser = argparse.ArgumentParser(prog="renkei-desk", description=_("連携デスク"))
    parser.add_argument("--version", action=_VersionAction, help=_("版を表示して終了する"))
    _common(parser, suppress=False)
    verbs = parser.add_subparsers(dest="verb")
    demo = verbs.add_parser("demo", help=_("デモ事務所を作成する"))
    demo.add_argument("--town-code", default=None, help=_("全国地方公共団体コード（省略すると デモ町 の 990001）"))
    demo.add_argument("--town-name", default=None, help=_("団体名（例: C村）"))
    _common(demo, suppress=True)
    check = verbs.add_parser("check", help=_("事務ファイルを検査する"))
    _common(check, suppress=True)
    importer = verbs.add_parser("import", help=_("CSV・Excelファイルを取り込む"), epilog=import_epilog(),
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    importer.add_argument("kind", choices=("roster", "agreements", "payments", "organisations"),
                          help=_("roster = 派遣職員名簿、agreements = 協約、payments = 負担金（予算・請求・支払・戻入）、organisations = 地域団体"))
    importer.add_argument("file", type=Path, help=_("取り込むファイル（CSV: UTF-8 または Shift_JIS、xlsx）"))
    importer.add_argument("--accept-warnings", action="store_true", help=_("警告（協約にない分野など）を確認済みとして取り込む"))
    importer.add_argument("--template", action="store_true", help=_("取り込まずに、空のテンプレート（xlsx または csv）を FILE に書き出す"))
    importer.add_argument("--create-posts", action="store_true",
                          help=_("名簿にある未登録の派遣先ポストを新しく作成する（roster のみ）"))
    _common(importer, suppress=True)
    claim = verbs.add_parser("claim", help=_("特別交付税算定資料（派遣初年度の負担金）を表示する"))
    claim.add_argument("--fiscal-year", required=True, help=_("年度（例: 2025、令和7年度）"))
    claim.add_argument("--json", action="store_true", help=_("JSONで出力する（項目は docs/claim-json.md）"))
    _common(claim, suppress=True)
    orgs = verbs.add_parser("orgs", help=_("指定地域共同活動団体の一覧（状態・指定番号）"))
    orgs.add_argument("--state", default=None, help=_("状態で絞り込む（例: designated、指定、applied、申請中）"))
    orgs.add_argument("--as-of", default=None, help=_("この日時点の団体を表示する（例: 令和7年4月1日）"))
    orgs.add_argument("--json", action="store_true", help=_("JSONで出力する"))
    _common(orgs, suppress=True)
    due = verbs.add_parser("due", help=_("期限の一覧（期限超過と、指定日から指定日数先までのもの）"))
    due.add_argument("--on", default=None, help=_("基準日（例: 令和8年11月25日。省略すると今日）"))
    due.add_argument("--within", type=int, default=30, help=_("何日先までを表示するか（既定 30）"))
    due.add_argument("--json", action="store_true", help=_("JSONで出力する"))
    _common(due, suppress=True)
    printer = verbs.add_parser("print", help=_("帳票をPDFに出力する"))
    printer.add_argument("form", help=_("帳票の番号（F1: 連携協約書、F2: 派遣職員受入名簿、F3: 負担金支払状況一覧、F4: 特別交付税算定資料、F5: 指定申請書、F6: 指定通知書／不指定通知書、F7: 活動及び支援の状況、F8〜F13: 報告徴収書・改善命令書・指定取消通知書・調整結果通知書・行政財産貸付契約書・随意契約理由書、F14: 持出記録簿）"))
    printer.add_argument("--id", default="", help=_("協約番号（F1）、記録の番号（F8〜F13。省略すると団体の最新の記録）"))
    printer.add_argument("--org", default=None, help=_("団体の番号（F5、F6、F8〜F13。orgs で表示される番号）。F5 は省略すると空欄の申請書"))
    printer.add_argument("--fiscal-year", default=None, help=_("年度（例: 2025、令和7年度）"))
    printer.add_argument("--doc-no", default="", help=_("文書番号の番号部分（例: 123）"))
    printer.add_argument("--date", default=None, help=_("文書の日付（例: 令和7年4月1日）。省略すると空欄"))
    printer.add_argument("--to", default=None, help=_("宛名（省略すると都道府県知事）。F14 では期間の終了日"))
    printer.add_argument("--from", dest="start", default=None, help=_("期間の開始日（F14。例: 令和8年4月1日）"))
    printer.add_argument("--out", type=Path, required=True, help=_("出力するPDFファイル"))
    add_medium_argument(printer)
    _common(printer, suppress=True)
    add_carry_outs_verb(verbs, lambda p: _common(p, suppress=True))
    add_exchange_verbs(verbs, lambda p: _common(p, suppress=True))
    _backup_verbs(verbs)
    add_users_verb(verbs, lambda p: _common(p, suppress=True))
    return parser


def _backup_verbs(verbs: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    _common(verbs.add_parser("backup", help=_("事務ファイルのバックアップを作成する")), suppress=True)
    _common(verbs.add_parser("backups", help=_("事務ファイルのバックアップを一覧する")), suppress=True)
    restore = verbs.add_parser("restore", help=_("バックアップから事務ファイルを復元する"))
    restore.add_argument("backup", type=Path, help=_("復元するバックアップファイル"))
    restore.add_argument("--yes", action="store_true", help=_("確認せずに復元する"))
    restore.add_argument("--other-office", action="store_true", help=_("別の事務所のバックアップでも復元する"))
    _common(restore, suppress=True)


def _backup_verb(args: argparse.Namespace, db: Path) -> int:
    from desktop.commands import backups

    if args.verb == "backup":
        return backups.run_backup(db)
    if args.verb == "backups":
        return backups.run_backups(db)
    return backups.run_restore(args.backup.expanduser(), db, yes=args.yes, other_office=args.other_office)


def _pre_language(argv: Sequence[str]) -> str | None:
    """The help text itself is translated, so --lang must be known before parsing."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


WINDOW_OPTIONS = ("--db", "--lang", "--ipamj")


def _window_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """`renkei-desk [--db FILE] [--lang ja|en] [--ipamj FILE]`, the clerk's start of the window,
    read without building every verb's parser with its translated help (~10 ms before the first
    frame). None for anything else (a verb, --help, --version, a mistake): the full parser
    answers those, with its own messages."""
    values: dict[str, str] = {}
    rest = list(argv)
    while rest:
        name, equals, value = rest.pop(0).partition("=")
        if name not in WINDOW_OPTIONS:
            return None
        if not equals:
            if not rest or rest[0].startswith("-"):
                return None
            value = rest.pop(0)
        values[name] = value
    if values.get("--lang", "ja") not in ("ja", "en"):
        return None
    db, ipamj = values.get("--db"), values.get("--ipamj")
    return argparse.Namespace(verb=None, db=None if db is None else Path(db), lang=values.get("--lang"),
                              ipamj=None if ipamj is None else Path(ipamj))


def _claim(args: argparse.Namespace, db: Path) -> int:
    from desktop.commands.claim import run_claim
    from desktop.domain.fiscal_year import FiscalYear
    from desktop.domain.wareki import DateParseError

    try:
        fiscal_year = FiscalYear.parse(args.fiscal_year)
    except DateParseError as error:
        print(str(error), file=sys.stderr)
        return 1
    return run_claim(db, fiscal_year, as_json=args.json)


def _orgs(args: argparse.Namespace, db: Path) -> int:
    from desktop.commands.organisations import run_orgs
    from desktop.domain.wareki import DateParseError, parse_date

    try:
        as_of = parse_date(args.as_of) if args.as_of else None
    except DateParseError as error:
        print(str(error), file=sys.stderr)
        return 1
    return run_orgs(db, state_text=args.state, as_of=as_of, as_json=args.json)


def _due(args: argparse.Namespace, db: Path) -> int:
    from desktop.commands.due import run_due
    from desktop.domain.wareki import DateParseError, parse_date

    try:
        on = parse_date(args.on) if args.on else None
    except DateParseError as error:
        print(str(error), file=sys.stderr)
        return 1
    return run_due(db, on=on, within=args.within, json_output=args.json)


def _print(args: argparse.Namespace, db: Path) -> int:
    from desktop.commands.printing import run_print
    from desktop.domain.fiscal_year import FiscalYear
    from desktop.domain.wareki import DateParseError, parse_date
    from desktop.printing.catalog import FORMS, FormRequest, Need

    try:
        fiscal_year = FiscalYear.parse(args.fiscal_year) if args.fiscal_year else None
        issued_on = parse_date(args.date) if args.date else None
    except DateParseError as error:
        print(str(error), file=sys.stderr)
        return 1
    org_id = int(args.org) if args.org and args.org.isdigit() else None
    if args.org and org_id is None:
        print(_("団体の番号は数字で指定してください（orgs で表示される番号）: {value}").format(value=args.org), file=sys.stderr)
        return 1
    request = FormRequest(args.form.upper(), agreement_number=args.id, fiscal_year=fiscal_year,
                          document_number=args.doc_no, issued_on=issued_on, addressee=args.to, org_id=org_id,
                           record_id=int(args.id) if args.id.isdigit() else None)
    spec = FORMS.get(request.form_id)
    if spec is not None and Need.PERIOD in spec.needs:  # F14: --from … --to … are its period
        from desktop.commands.printing import with_period

        period_request = with_period(request, args.start, args.to)
        if period_request is None:
            return 1
        request = period_request
    return run_print(request, db, args.out, medium=args.medium)


def run() -> NoReturn:
    """The process's entry point (renkei-desk, python -m desktop): main(), then the exit."""
    code = main()
    # The process ends here. Its last collection would walk every object the verb left alive,
    # the modules' and an import's rows, to free no cycle worth freeing: a tenth of a second of
    # the 2 s refusal of QUALITY.md. (main() itself leaves the collector as it was, for tests.)
    gc.freeze()
    sys.exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(_pre_language(argv))
    args = _window_args(argv)
    if args is None:
        from desktop.cli_words import install_argparse_words

        install_argparse_words()
        args = build_parser().parse_args(argv)
    db: Path = (args.db or default_office_path()).expanduser()
    if args.ipamj:
        set_ipamj_path(args.ipamj.expanduser())
    if args.verb is None:  # the window reports every fault of the office file itself (ui/app.py)
        # Start-up allocates much and frees little: no collections until the office is open
        # (ui/app.py enables them again), which saves ~10 % of the time to the first frame.
        gc.disable()
        from desktop.ui.app import run_app

        return run_app(db, language=args.lang)  # the window asks who signs in (ui/access/start.py)
    if args.verb == "import":
        from desktop.importing.bulk import collector_paused

        # Reading, checking and writing up to 100,000 rows keeps them to the end: collections
        # would only walk them again and again (importing/bulk.py), nor free anything among the
        # modules loaded first. (The 2 s refusal of QUALITY.md.)
        with collector_paused():
            return _run_verb(args, db)
    return _run_verb(args, db)


def _run_verb(args: argparse.Namespace, db: Path) -> int:
    from desktop.commands.exchange_verbs import EXCHANGE_VERBS
    from desktop.commands.sign_in import end_sign_in, sign_in_for_verb
    from desktop.store.db import DISK_ERRORS, OfficeError, classify_fault

    token = None
    try:
        token = sign_in_for_verb(args, db)  # refused (an OfficeError) when sign-in is on and it fails
        if args.verb == "demo":
            from desktop.commands.office_file import run_demo

            return run_demo(db, town_code=args.town_code, town_name=args.town_name)
        if args.verb == "import":
            from desktop.commands.importing import run_import, run_template

            if args.template:
                return run_template(args.kind, args.file)
            return run_import(args.kind, args.file, db, accept_warnings=args.accept_warnings,
                              create_posts=args.create_posts)
        if args.verb == "orgs":
            return _orgs(args, db)
        if args.verb == "claim":
            return _claim(args, db)
        if args.verb == "print":
            return _print(args, db)
        if args.verb == "due":
            return _due(args, db)
        if args.verb == "carry-outs":
            from desktop.commands.carry_out_verbs import run_carry_outs_verb

            return run_carry_outs_verb(args, db)
        if args.verb in EXCHANGE_VERBS:
            from desktop.commands.exchange_verbs import run_exchange_verb

            return run_exchange_verb(args, db)
        if args.verb == "check":
            from desktop.commands.office_file import run_check

            return run_check(db)
        if args.verb in ("backup", "backups", "restore"):
            return _backup_verb(args, db)
        if args.verb == "users":
            from desktop.commands.users import run_users

            return run_users(args, db)
    except OfficeError as error:
        print(str(error), file=sys.stderr)
        return 1
    except DISK_ERRORS as error:  # the disk, not the input: one message, no traceback
        fault = classify_fault(error, db.resolve())
        print(str(fault) if fault is not None else _("処理を完了できませんでした（{error}）").format(error=error),
              file=sys.stderr)
        return 1
    finally:
        end_sign_in(token)
    return 2
