"""A roster damaged deep inside: the app paints, finds it on reading, and ends with the
same one plain line (exit status 2) as a file refused before the app starts."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import time
from pathlib import Path

from nextgen_tui.cli.common import EXIT_ERROR
from nextgen_tui.store.siblings import lock_path
from tests.support.cli import COMMAND
from tests.support.roster_files import write_roster


def _run_in_a_terminal(*args: str) -> tuple[int, str]:
    """Run the command in a pseudo-terminal until it ends: its status and all it wrote."""
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    env.pop("TEXTUAL_DRIVER", None)
    process = subprocess.Popen(
        [*COMMAND, *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    output = b""
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the program ended and closed the terminal
                    break
                if not chunk:
                    break
                output += chunk
            elif process.poll() is not None:
                break
    finally:
        os.close(master)
        if process.poll() is None:
            process.kill()
        process.wait()
    return process.returncode, output.decode("utf-8", errors="replace")


def test_a_roster_damaged_deep_inside_ends_the_app_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "roster.json"
    people = write_roster(path, damaged=True)
    before = path.read_bytes()
    status, output = _run_in_a_terminal("--db", str(path))
    assert status == EXIT_ERROR
    assert "Opening roster.json" in output  # the app painted before it read the file
    assert "Traceback" not in output
    said = output[output.rindex("nextgen-tui: ") :].strip()  # after the app gave back the terminal
    assert said.count("\n") == 0
    assert f"record {people} of people is not valid" in said and "Nothing was changed" in said
    assert path.read_bytes() == before
    assert not lock_path(path).exists()
