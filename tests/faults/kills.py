"""The kill rounds shared by the kill tests: start the actor, kill it at a random moment, check.

RENKEI_FAULT_ROUNDS sets the total number of kills across the three kinds of action (CI runs
≥ 200); the normal suite runs DEFAULT_ROUNDS, which keeps its share near half a minute on a
shared 2-core machine.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

ACTOR = Path(__file__).with_name("actor.py")
KINDS = ("import", "payment", "claim")
DEFAULT_ROUNDS = 24
ROUNDS_ENV = "RENKEI_FAULT_ROUNDS"


def rounds_per_kind() -> int:
    total = int(os.environ.get(ROUNDS_ENV, "") or DEFAULT_ROUNDS)
    return max(1, -(-total // len(KINDS)))


def run_until_killed(kind: str, office: Path, workdir: Path, first: int, rng: random.Random) -> list[int]:
    """Starts the actor, kills it with SIGKILL at a random moment of its loop; returns the
    numbers of the actions it reported as done."""
    child = subprocess.Popen([sys.executable, str(ACTOR), kind, str(office), str(workdir), str(first)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    assert child.stdout is not None
    try:
        assert child.stdout.readline().strip() == "ready", child.stderr.read() if child.stderr else ""
        # Early moments (opening, the first BEGIN) matter as much as the steady loop.
        time.sleep(rng.choice((rng.uniform(0, 0.05), rng.uniform(0, 0.6))))
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL, f"the actor ended by itself ({child.returncode}): {err}"
    return [int(line.split()[1]) for line in out.splitlines() if line.startswith("done ")]


def integrity(office: Path) -> str:
    with closing(sqlite3.connect(office)) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def renkei_check(office: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", "check", "--db", str(office)],
                          capture_output=True, text=True, env=os.environ.copy(), check=False, timeout=120)


def query(office: Path, sql: str, *args: object) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(office)) as conn:
        return conn.execute(sql, args).fetchall()
