"""When its terminal goes away (hang-up, or the end of its input) the app quits at once,
releasing the file; it never keeps running, let alone spinning on an empty input."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import time
from pathlib import Path
from typing import IO

from nextgen_tui.store.repository import Store
from tests.support import factories as f
from tests.support.cli import COMMAND


def _roster(folder: Path) -> Path:
    path = folder / "roster.json"
    with Store(path) as store:
        f.partnership(store, "Health Care")
        f.partnership(store, "Construction")
    return path


def _drain_until(master: int, process: subprocess.Popen[bytes], wanted: bytes) -> bytes:
    """Read the app's screen until ``wanted`` appears (or the app ends)."""
    seen = b""
    deadline = time.monotonic() + 60
    while wanted not in seen and process.poll() is None and time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                seen += os.read(master, 65536)
            except OSError:
                break
    return seen


def _wait(master: int, process: subprocess.Popen[bytes]) -> int:
    """The app's exit status, reading its screen meanwhile so it never blocks writing."""
    deadline = time.monotonic() + 30
    while process.poll() is None and time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                os.read(master, 65536)
            except OSError:
                time.sleep(0.1)
    if process.poll() is None:
        process.kill()
        process.wait()
        raise AssertionError("the app kept running after its terminal went away")
    return process.returncode


def _start(path: Path, stdin: int | IO[bytes]) -> tuple[int, subprocess.Popen[bytes]]:
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    env.pop("TEXTUAL_DRIVER", None)
    process = subprocess.Popen(
        [*COMMAND, "--db", str(path)],
        stdin=stdin if stdin != -1 else slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    return master, process


def test_the_app_quits_at_the_end_of_its_input(tmp_path: Path) -> None:
    path = _roster(tmp_path)
    before = path.read_bytes()
    read_end, write_end = os.pipe()
    master, process = _start(path, read_end)
    os.close(read_end)
    try:
        assert b"Quit" in _drain_until(master, process, b"Quit")  # the footer is drawn
        os.close(write_end)  # the input ends, as when the terminal is gone
        assert _wait(master, process) == 129
    finally:
        os.close(master)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roster.json", "roster.json.backups"]
    Store(path).close()  # not locked any more


def test_the_app_quits_when_its_terminal_hangs_up(tmp_path: Path) -> None:
    path = _roster(tmp_path)
    master, process = _start(path, -1)
    try:
        assert b"Quit" in _drain_until(master, process, b"Quit")
        process.send_signal(signal.SIGHUP)
        assert _wait(master, process) != 0
    finally:
        os.close(master)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roster.json", "roster.json.backups"]
    Store(path).close()
