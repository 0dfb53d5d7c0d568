"""`export`, `verify`, `aggregate`: the exchange file, shared by the CLI and the window.

The window calls `export_exchange` and `aggregate_paths` from its background helper; the
CLI wraps them with messages on stdout/stderr and exit codes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.domain.carry_out import FILE_DEFAULT, CarryOut, Medium, OutputKind
from desktop.domain.fiscal_year import FiscalYear
from desktop.exchange.aggregate import Aggregation, ProgressCallback, aggregate_files
from desktop.exchange.chain import ChainState
from desktop.exchange.cp932 import Cp932Problem
from desktop.exchange.export import ExportOptions, build_exchange_file
from desktop.exchange.format import ExchangeError
from desktop.exchange.verify import VerifiedFile
from desktop.exchange.write import write_and_verify
from desktop.exports.prefecture_xlsx import summary_workbook
from desktop.i18n import _
from desktop.paths import prefecture_state_path
from desktop.printing.carry_out import file_sha256
from desktop.store.db import Office
from desktop.store.services.carry_out import record_carry_out
from desktop.store.services.exchange import record_exchange_export


@dataclass(frozen=True)
class ExportOutcome:
    path: Path
    verified: VerifiedFile
    replacements: list[Cp932Problem]


def _no_progress(_done: int, _total: int, _text: str) -> None:
    return None


def export_exchange(office: Office, *, fiscal_year: FiscalYear, folder: Path, options: ExportOptions,
                    progress: ProgressCallback = _no_progress, medium: Medium = FILE_DEFAULT) -> ExportOutcome:
    """書き出し: build in memory, write safely, read back and verify, then audit the export and
    record it in the carry-out register (持出記録, on `medium`) in one transaction.

    Raises Cp932Error (with the list) or ExchangeError; nothing is left half-written.
    """
    from desktop.forms.kit.fonts import MissingGlyphError
    from desktop.forms.kit.sheet import FormOverflowError

    with office.reader() as session:
        try:
            built = build_exchange_file(session, fiscal_year, options, progress=progress)
        except (MissingGlyphError, FormOverflowError) as error:
            raise ExchangeError(_("特別交付税算定資料（F4）を作成できません: {error}").format(error=error)) from None
    progress(4, 5, _("書き込んで読み返しています…"))
    path, verified = write_and_verify(folder, built.name, built.content, options.passphrase)
    try:
        with office.transaction() as session:
            record_exchange_export(session, file_name=built.name, fiscal_year=fiscal_year,
                                   audit_entries=built.audit_entries, audit_head=built.audit_head,
                                   sha256=verified_sha256(built.content))
            record_carry_out(session, carry_out=exchange_carry_out(path, fiscal_year, verified, medium))
    except BaseException:
        path.unlink(missing_ok=True)  # a file neither audited nor in the carry-out register is not left behind
        raise
    progress(5, 5, "")
    return ExportOutcome(path, verified, built.replacements)


def exchange_carry_out(path: Path, fiscal_year: FiscalYear, verified: VerifiedFile, medium: Medium) -> CarryOut:
    """The register's line for an exchange file: its people CSV names every dispatched staff member."""
    return CarryOut(OutputKind.EXCHANGE, "exchange", _("交換ファイル（{year}）").format(year=fiscal_year.label()),
                    medium, verified.staff, file_name=path.name, sha256=file_sha256(path),
                    encrypted=verified.encrypted, fiscal_year=fiscal_year.year)


def verified_sha256(content: bytes) -> str:
    from desktop.exchange.pack import sha256_hex

    return sha256_hex(content)


def read_passphrase(path: Path | None) -> str | None:
    """The first line of the file, without its line ending; the passphrase is never written anywhere."""
    if path is None:
        return None
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ExchangeError(_("パスフレーズのファイル「{path}」を読めません（{error}）").format(path=path, error=error)) from None
    passphrase = text.splitlines()[0] if text.splitlines() else ""
    if not passphrase:
        raise ExchangeError(_("パスフレーズのファイル「{path}」が空です").format(path=path))
    return passphrase


def sum_files(paths: Sequence[Path], *, passphrase: str | None = None, state_path: Path | None = None,
              progress: ProgressCallback = _no_progress) -> tuple[Aggregation, ChainState]:
    """都道府県集計, read only: verify and sum the files, check each town's chain against the heads
    received before. The returned state holds the new heads until `write_summary` saves it."""
    state = ChainState.load(state_path or prefecture_state_path())
    return aggregate_files(paths, state, passphrase, progress), state


def write_summary(result: Aggregation, state: ChainState, out: Path | None) -> None:
    """Writes the summary workbook (when asked) and remembers the heads received."""
    from desktop.atomic_file import FileWriteError, write_atomically

    try:
        if out is not None:
            write_atomically(out, summary_workbook(result, datetime.now()))
        state.save()
    except FileWriteError as error:
        raise ExchangeError(str(error)) from None


def aggregate_paths(paths: Sequence[Path], *, passphrase: str | None = None, out: Path | None = None,
                    state_path: Path | None = None, progress: ProgressCallback = _no_progress) -> Aggregation:
    """`aggregate`: sum_files, then write_summary."""
    result, state = sum_files(paths, passphrase=passphrase, state_path=state_path, progress=progress)
    write_summary(result, state, out)
    return result
