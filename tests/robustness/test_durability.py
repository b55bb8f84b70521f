"""Durability: a writer killed with SIGKILL at random moments never loses an acknowledged write.

The writer (``tests/durability_writer.py``) acknowledges each change on stdout only after the
store's save returned. After every kill the file must open (it is never half written) and
hold every acknowledged change.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

import pytest

from nextgen_tui.models import RoleKind
from nextgen_tui.store.repository import Store

WRITER = Path(__file__).resolve().parents[1] / "support" / "durability_writer.py"
KILLS = 120
MAX_DELAY = 0.06  # seconds between the child's start and its kill
ANYTIME_SHARE = 0.3  # the other kills land after the child's first acknowledged write

pytestmark = [
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL"),
    pytest.mark.slow,  # see tests/conftest.py
]


class Server:
    """The writer fork server, with its stdout read line by line on a thread."""

    def __init__(self, path: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(WRITER), str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        assert self.process.stdout is not None
        threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True).start()

    def _read(self, stream: IO[bytes]) -> None:
        for raw in stream:
            self.lines.put(raw.decode())

    def send(self, command: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(f"{command}\n".encode())
        self.process.stdin.flush()

    def next_line(self, timeout: float) -> str | None:
        try:
            return self.lines.get(timeout=timeout)
        except queue.Empty:
            return None

    def stop(self) -> str:
        self.send("quit")
        _, err = self.process.communicate(timeout=10)
        return err.decode()


class Acknowledged:
    """Everything the writer acknowledged so far."""

    def __init__(self) -> None:
        self.people: set[str] = set()
        self.team_members: set[str] = set()
        self.counter = 0
        self.count = 0

    def record(self, line: str) -> None:
        _, kind, name, value = line.split()
        self.count += 1
        if kind == "edit":
            self.counter = max(self.counter, int(value))
        else:
            self.people.add(name)
        if kind == "team":
            self.team_members.add(name)

    def check(self, path: Path, round_no: int) -> None:
        if not path.exists():  # the first kill landed before the writer created the file
            assert self.count == 0, f"after kill {round_no}: acknowledged writes but no file"
            return
        store = Store(path, read_only=True)  # refuses a damaged or half-written file
        try:
            people = {p.name: p for p in store.people()}
            missing = self.people - set(people)
            assert not missing, f"after kill {round_no}: acknowledged people lost: {missing}"
            if self.counter:
                assert int(people["Counter"].title) >= self.counter, f"kill {round_no}: edit lost"
            core = {
                store.person(r.person_id).name
                for r in store.roles(current_only=False)
                if r.role is RoleKind.CORE_TEAM
            }
            lost = self.team_members - core
            assert not lost, f"after kill {round_no}: roles of a transaction lost: {lost}"
            # a transaction is all or nothing: no T person without their role
            half = {n for n in people if n.startswith("T")} - core
            assert not half, f"after kill {round_no}: half a transaction on disk: {half}"
        finally:
            store.close()


def test_sigkill_at_random_moments_never_loses_an_acknowledged_write(tmp_path: Path) -> None:
    path = tmp_path / "roster.json"
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    acked = Acknowledged()
    kills_after_a_write = 0
    server = Server(path)
    started = time.monotonic()
    try:
        for round_no in range(1, KILLS + 1):
            server.send("run")
            line = server.next_line(timeout=10)
            assert line is not None and line.startswith("child "), f"seed {seed}: {line!r}"
            pid = int(line.split()[1])
            before = acked.count
            if rng.random() < ANYTIME_SHARE:  # any moment, opening the store included
                deadline = time.monotonic() + rng.uniform(0, MAX_DELAY)
            else:  # once writing, however slow a loaded machine makes the start
                line = server.next_line(timeout=10)
                assert line is not None and line.startswith("ack "), f"seed {seed}: {line!r}"
                acked.record(line)
                deadline = time.monotonic() + rng.uniform(0, MAX_DELAY / 2)
            while (remaining := deadline - time.monotonic()) > 0:
                line = server.next_line(timeout=remaining)
                if line is not None:
                    assert line.startswith("ack "), f"seed {seed}: writer said {line!r}"
                    acked.record(line)
            os.kill(pid, signal.SIGKILL)
            while (line := server.next_line(timeout=10)) is not None and line.startswith("ack "):
                acked.record(line)  # written before the kill landed: acknowledged too
            assert line == f"exit {int(signal.SIGKILL)}\n", (
                f"seed {seed}: the writer did not die by SIGKILL ({line!r}); stderr follows"
            )
            kills_after_a_write += acked.count > before
            acked.check(path, round_no)
    finally:
        if server.process.poll() is None:
            errors = server.stop()
        else:
            errors = server.process.stderr.read().decode() if server.process.stderr else ""
    assert errors == "", errors
    elapsed = time.monotonic() - started
    # the test is only meaningful if the writer really was writing when it was killed
    assert acked.count >= KILLS, f"only {acked.count} writes in {elapsed:.1f}s (seed {seed})"
    assert kills_after_a_write >= KILLS // 2, (
        f"seed {seed}: {kills_after_a_write} kills after a write"
    )
    print(f"{KILLS} kills, {acked.count} acknowledged writes, {elapsed:.1f}s, seed {seed}")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) <= 1, leftovers  # at most the one of the last kill
