"""A second start on an open office: handed over to the window that has it, or refused at once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.store.db import open_office
from desktop.store.demo import build_demo_office
from desktop.ui.single_instance import InstanceServer, hand_over, nobody_listens, server_name

HOLDER = Path(__file__).parent.parent / "store" / "holder.py"


def make_demo(path: Path) -> None:
    with open_office(path) as office, office.transaction() as session:
        build_demo_office(session)


def start_window(path: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen([sys.executable, "-m", "desktop", "--db", str(path)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def second_start(path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "desktop", "--db", str(path)], env=env,
                          capture_output=True, text=True, timeout=30)


def test_the_server_name_is_per_file_and_per_user(tmp_path: Path) -> None:
    assert server_name(tmp_path / "a" / "office.renkei") != server_name(tmp_path / "b" / "office.renkei")
    assert server_name(tmp_path / "x.renkei") == server_name(tmp_path / "." / "x.renkei")


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes are always knocked at")
def test_the_quick_look_sees_a_listening_window_and_its_absence(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "office.renkei"
    name = server_name(path)
    assert nobody_listens(name) and not hand_over(path, timeout_ms=200)
    server = InstanceServer(path)
    try:
        assert not nobody_listens(name)  # where Qt listens is where the quick look looks
    finally:
        server.close()
    assert nobody_listens(name)


@pytest.mark.slow
def test_second_window_hands_over_to_the_first_and_exits_0(qtbot: QtBot, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "office.renkei"
    make_demo(path)
    first = start_window(path)
    try:
        qtbot.waitUntil(lambda: hand_over(path, timeout_ms=200), timeout=30000)
        done = second_start(path)
        assert done.returncode == 0, done.stderr
        assert "前面に出しました" in done.stderr
        assert "Traceback" not in done.stderr
        assert first.poll() is None  # the first window is still open
    finally:
        first.terminate()
        first.communicate(timeout=30)


@pytest.mark.slow
def test_window_is_refused_quickly_while_a_command_line_run_holds_the_file(tmp_path: Path) -> None:
    path = tmp_path / "office.renkei"
    make_demo(path)
    holder = subprocess.Popen([sys.executable, str(HOLDER), str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        done = second_start(path)
        assert done.returncode == 1
        assert "別の連携デスクで開かれています" in done.stderr
        assert "Traceback" not in done.stderr
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
