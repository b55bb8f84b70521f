"""The room view as the room sees it: it follows the file while another process (the
facilitator's app) writes it, never writes it, and rides out the file being replaced or
briefly missing."""

from __future__ import annotations

import asyncio
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import cast

from textual.app import App
from textual.widgets import Digits, Static

from nextgen_tui.meeting.checkin import check_in
from nextgen_tui.store.repository import Store
from screens.room.app import RoomApp
from tests.conftest import FIXED_NOW
from tests.support.meeting_ui import screen_text
from tests.support.room import Seeded, seed_meeting

CHECKIN_SCRIPT = Path(__file__).resolve().parents[1] / "support" / "room_checkin.py"


def shown(app: RoomApp, counter: str) -> str:
    """The number a counter shows in large digits."""
    return app.screen.query_one(f"#count-{counter} Digits", Digits).value


def status(app: RoomApp) -> str:
    widget = app.screen.query_one("#room-status", Static)
    return str(widget.content) if widget.display else ""


async def wait_for(condition: Callable[[], bool], seconds: float) -> float:
    """Let the app run until ``condition`` holds; how long that took (or ``seconds``)."""
    start = time.monotonic()
    while not condition() and time.monotonic() - start < seconds:
        await asyncio.sleep(0.02)
    return time.monotonic() - start


def room_app(seeded: Seeded) -> RoomApp:
    return RoomApp(seeded.path, seeded.partnership_id, clock=lambda: FIXED_NOW)


async def test_the_room_shows_the_meeting_in_large_numbers(tmp_path: Path) -> None:
    app = room_app(seed_meeting(tmp_path / "roster.json"))
    async with app.run_test(size=(80, 24)):
        assert (shown(app, "present"), shown(app, "companies")) == ("6", "4")
        assert (shown(app, "industry"), shown(app, "public"), shown(app, "champions")) == (
            "4",
            "2",
            "1",
        )
        assert app.screen.query_one("#timer", Digits).value == "18:00"
        text = screen_text(cast(App[object], app))
        assert "Launch of Advanced Manufacturing, North Valley" in text
        assert "Part 2: Needed Action Areas" in text
        assert "Robots on every line [TODO] x" in text  # user text shows literally
        assert "3 ●●● Maintenance apprenticeships" in text
        assert "[b]Career[/b] awareness in schools" in text


async def test_a_check_in_by_another_process_shows_within_a_second(tmp_path: Path) -> None:
    seeded = seed_meeting(tmp_path / "roster.json")
    app = room_app(seeded)
    async with app.run_test(size=(120, 40)):
        assert shown(app, "present") == "6"
        writer = await asyncio.create_subprocess_exec(
            sys.executable,
            str(CHECKIN_SCRIPT),
            str(seeded.path),
            str(seeded.partnership_id),
            str(seeded.waiting[0]),
            stdout=asyncio.subprocess.PIPE,
        )
        assert writer.stdout is not None
        ack = await asyncio.wait_for(writer.stdout.readline(), timeout=60)
        assert ack == b"ack\n"  # saved by the other process: the clock starts now
        took = await wait_for(lambda: shown(app, "present") == "7", 1.0)
        assert shown(app, "present") == "7", f"the room still showed 6 after {took:.2f} s"
        assert (shown(app, "industry"), shown(app, "companies")) == ("5", "5")
        assert await writer.wait() == 0
        written = seeded.path.read_bytes(), seeded.path.stat().st_mtime_ns
        await asyncio.sleep(0.6)  # a few more polls of the room
        assert (seeded.path.read_bytes(), seeded.path.stat().st_mtime_ns) == written


async def test_the_room_never_writes_or_locks_the_file(tmp_path: Path) -> None:
    (tmp_path / "seed").mkdir()
    seeded = seed_meeting(tmp_path / "seed" / "roster.json")
    room = tmp_path / "room"
    room.mkdir()
    path = room / "roster.json"
    path.write_bytes(seeded.path.read_bytes())
    stamp = 1_700_000_000_000_000_000
    os.utime(path, ns=(stamp, stamp))
    before = path.read_bytes()
    app = RoomApp(path, seeded.partnership_id, clock=lambda: FIXED_NOW)
    async with app.run_test(size=(80, 24)):
        for _ in range(3):  # touch it: the room reads it again each time
            os.utime(path, ns=(stamp, stamp))
            await asyncio.sleep(0.4)
        assert shown(app, "present") == "6"
    assert sorted(p.name for p in room.iterdir()) == ["roster.json"]  # no lock, no backups
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == stamp


async def test_the_room_survives_the_file_missing_replaced_or_damaged(tmp_path: Path) -> None:
    seeded = seed_meeting(tmp_path / "roster.json")
    app = room_app(seeded)
    away = tmp_path / "elsewhere.json"
    async with app.run_test(size=(80, 24)):
        assert shown(app, "present") == "6"
        os.replace(seeded.path, away)  # the facilitator's app restarting: no file
        await wait_for(lambda: "not there right now" in status(app), 5)
        assert "roster.json is not there right now" in status(app)
        assert shown(app, "present") == "6"  # the last numbers stay up
        damaged = tmp_path / "half.json"
        damaged.write_text('{"_meta": {', encoding="utf-8")
        os.replace(damaged, seeded.path)
        await wait_for(lambda: "Cannot read the file just now" in status(app), 5)
        assert "Cannot read the file just now" in status(app)
        assert shown(app, "present") == "6"
        with Store(away, clock=lambda: FIXED_NOW) as store:
            check_in(store, seeded.partnership_id, seeded.waiting[0], FIXED_NOW)
        os.replace(away, seeded.path)  # the new version renamed into place
        await wait_for(lambda: shown(app, "present") == "7", 5)
        assert shown(app, "present") == "7"
        assert status(app) == ""
