"""Killing the process at any moment loses at most the action in flight: imports, payments and
claim submissions are killed with SIGKILL at random moments, and after each kill the file
passes integrity_check and `renkei-desk check`, every action that reported success is there,
and none is half-done."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import pytest

from desktop.commands.office_file import run_check
from desktop.store.creation import create_office_file
from tests.faults.actor import IMPORT_ROWS
from tests.faults.kills import integrity, query, renkei_check, rounds_per_kind, run_until_killed


def verify_imports(office: Path, reported: set[int]) -> int:
    numbers = [str(row[0]) for row in query(office, "SELECT number FROM money_row WHERE number LIKE 'I%'")]
    per_import = Counter(int(re.match(r"I(\d+)-", n).group(1)) for n in numbers)  # type: ignore[union-attr]
    half = {n: count for n, count in per_import.items() if count != IMPORT_ROWS}
    assert not half, f"imports saved in part: {half}"
    assert reported <= set(per_import), f"reported imports missing: {sorted(reported - set(per_import))}"
    audited = {int(m.group(1)) for (text,) in query(office, "SELECT after_json FROM audit_entry WHERE action = 'import'")
               if (m := re.search(r"import-(\d+)\.csv", str(text)))}
    assert audited == set(per_import), "an import without its audit entry, or the reverse"
    return max(per_import, default=0)


def verify_payments(office: Path, reported: set[int]) -> int:
    rows = {int(str(n)[1:]): row_id for row_id, n in query(office, "SELECT id, number FROM money_row WHERE number LIKE 'P%'")}
    assert reported <= set(rows), f"reported payments missing: {sorted(reported - set(rows))}"
    audited = {int(str(e)) for (e,) in query(office, "SELECT entity_id FROM audit_entry WHERE entity = 'money_row' AND action = 'create'")}
    assert set(rows.values()) <= audited, "a payment saved without its audit entry"
    assert len(rows) == len(set(rows)) and sorted(rows) == list(range(1, len(rows) + 1))
    return max(rows, default=0)


def verify_claims(office: Path, reported: set[int]) -> int:
    actions = [str(a) for (a,) in query(office, "SELECT action FROM audit_entry WHERE entity = 'claim' ORDER BY id")]
    assert len(actions) >= max(reported, default=0), "a reported submission or reopening is missing"
    assert all(a == ("submit" if i % 2 == 0 else "reopen") for i, a in enumerate(actions))
    claims = query(office, "SELECT status, submitted_on, claimed_yen, snapshot_json FROM claim")
    if actions:
        (status, submitted_on, claimed_yen, snapshot), = claims
        submitted = actions[-1] == "submit"
        assert status == ("submitted" if submitted else "draft"), "the claim's status and its audit trail disagree"
        assert (submitted_on is not None, claimed_yen is not None, snapshot is not None) == (submitted,) * 3
    return len(actions)


VERIFY = {"import": verify_imports, "payment": verify_payments, "claim": verify_claims}


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["import", "payment", "claim"])
def test_killed_actions_are_whole_or_absent(kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    office = create_office_file(tmp_path / "office.renkei", demo=True)
    rng = random.Random(f"{kind}-{tmp_path.name}")
    last_done = 0
    reported: set[int] = set()
    rounds = rounds_per_kind()
    for _round in range(rounds):
        done = run_until_killed(kind, office, tmp_path, last_done + 1, rng)
        reported |= set(done)
        assert integrity(office) == "ok"
        assert run_check(office) == 0, capsys.readouterr().err  # `renkei-desk check`, in process
        last_done = VERIFY[kind](office, reported)
    assert reported, "no action reported success before its kill: the kills came too early"
    final = renkei_check(office)  # and once as its own process, as a clerk would run it
    assert final.returncode == 0, final.stderr
    assert "Traceback" not in final.stderr
