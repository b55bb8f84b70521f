"""``nextgen-tui room``: its errors are one plain line (exit 2), and ``--serve`` serves the
room view to a browser on this machine (loopback only in tests).

The errors come from the command run in this process (:func:`~tests.support.cli.run_cli`);
the server is the installed command in a process of its own, stopped at the end.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from nextgen_tui.cli.room import room_command
from nextgen_tui.store.repository import Store
from tests.conftest import FIXED_NOW
from tests.support import factories as f
from tests.support.cli import run_cli
from tests.support.room import Seeded, seed_meeting

ROOT = Path(__file__).resolve().parents[2]
PARTNERSHIP = "Advanced Manufacturing, North Valley"


def room_error(*args: str | Path) -> str:
    """Run ``nextgen-tui room ARGS`` expecting a usage or file error; its stderr."""
    result = run_cli("room", *args)
    err = result.stderr
    assert result.returncode == 2
    assert result.stdout == ""
    assert err.count("\n") == 1 and err.startswith("nextgen-tui room: ")
    assert "Traceback" not in err
    return err


def test_a_missing_damaged_or_foreign_file_is_one_line(tmp_path: Path) -> None:
    assert "There is no roster file at" in room_error("--db", tmp_path / "none.json")
    damaged = tmp_path / "damaged.json"
    damaged.write_text('{"_meta": ', encoding="utf-8")
    assert "not valid JSON" in room_error("--db", damaged)
    control = tmp_path / "bad\x1b[2Jname.json"
    err = room_error("--db", control)
    assert "\x1b" not in err and "bad\\x1b[2Jname.json" in err


def test_an_unknown_partnership_lists_the_names(tmp_path: Path) -> None:
    seeded = seed_meeting(tmp_path / "roster.json")
    err = room_error("--db", seeded.path, "--partnership", "Nope [/]")
    assert "no partnership named 'Nope [/]'" in err
    assert f"{PARTNERSHIP}; Healthcare, North Valley" in err


def test_no_meeting_under_way_asks_for_a_name(tmp_path: Path) -> None:
    with Store(tmp_path / "roster.json", clock=lambda: FIXED_NOW) as store:
        f.partnership(store)
        f.partnership(store, "Healthcare, North Valley", "Healthcare")
    err = room_error("--db", tmp_path / "roster.json")
    assert "No launch meeting is under way in roster.json" in err
    assert f"(partnerships in the file: {PARTNERSHIP}; Healthcare, North Valley)" in err
    assert err.rstrip().endswith("Choose one with --partnership NAME.")


def test_bad_options_are_one_line(tmp_path: Path) -> None:
    seeded = seed_meeting(tmp_path / "roster.json")
    assert "go with --serve" in room_error("--db", seeded.path, "--port", "8001")
    assert "go with --serve" in room_error("--db", seeded.path, "--host", "127.0.0.1")
    assert "not a port number" in room_error("--db", seeded.path, "--port", "99999")


def test_the_served_command_quotes_what_it_passes(tmp_path: Path) -> None:
    command = room_command(tmp_path / "a file; rm -rf x.json", "-Bob [/] 'x'")
    assert "'--partnership=-Bob [/] '\"'\"'x'\"'\"''" in command
    assert f"'--db={tmp_path.resolve() / 'a file; rm -rf x.json'}'" in command


# --------------------------------------------------------------------------- --serve


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def served(seeded: Seeded, port: int) -> Iterator[subprocess.Popen[bytes]]:
    """``nextgen-tui room --serve`` on 127.0.0.1:``port``, stopped (with any app it ran)
    at the end."""
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "nextgen_tui.cli",
            "room",
            "--serve",
            "--db",
            str(seeded.path),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: the apps it starts go with it
    )
    try:
        yield server
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=15)


def get_page(url: str, server: subprocess.Popen[bytes], seconds: float = 30) -> tuple[int, str]:
    """GET ``url``, retrying while the server starts (bounded in time)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return int(response.status), response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError):
            if server.poll() is not None:
                assert server.stderr is not None
                pytest.fail(f"the server stopped: {server.stderr.read().decode()}")
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


async def first_screen(url: str, seconds: float = 30) -> bytes:
    """Open the page's websocket (as the browser does) and collect what the app draws."""
    received = b""
    timeout = aiohttp.ClientTimeout(total=seconds)
    async with (
        aiohttp.ClientSession(timeout=timeout) as session,
        session.ws_connect(url) as ws,
    ):
        deadline = time.monotonic() + seconds
        while b"Present" not in received and time.monotonic() < deadline:
            message = await ws.receive(timeout=max(0.1, deadline - time.monotonic()))
            if message.type is aiohttp.WSMsgType.BINARY:
                received += message.data
            elif message.type is not aiohttp.WSMsgType.TEXT:
                break
    return received


def test_serve_answers_a_browser_on_this_machine(tmp_path: Path) -> None:
    seeded = seed_meeting(tmp_path / "roster.json")
    port = free_port()
    before = seeded.path.read_bytes(), seeded.path.stat().st_mtime_ns
    with served(seeded, port) as server:
        status, page = get_page(f"http://127.0.0.1:{port}/", server)
        assert status == 200
        assert f"Launch of {PARTNERSHIP}" in page
        assert f"ws://127.0.0.1:{port}/ws" in page
        drawn = asyncio.run(first_screen(f"http://127.0.0.1:{port}/ws?width=100&height=30"))
        assert b"Present" in drawn and b"Champions" in drawn
    assert (seeded.path.read_bytes(), seeded.path.stat().st_mtime_ns) == before
