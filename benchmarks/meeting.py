"""Benchmark the live meeting's check-in over 300 invitees (targets: 30 ms each).

Measures, never asserts:

* search (logic): fuzzy search for every prefix a facilitator types;
* keystroke to result drawn (app, under Pilot): a key sent to the running app until the
  narrowed list is drawn (the first screen refresh after the list changed);
* check-in + counters (logic): ``check_in`` (a durable save) and the counters recomputed;
* check-in to counters drawn (app): enter until the counters and the ticked row are drawn.

Run: ``.venv/bin/python benchmarks/meeting.py``
"""

from __future__ import annotations

import asyncio
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual.content import Content
from textual.widgets import OptionList, Static

from benchmarks.timing import KeyToDraw, report
from nextgen_tui.meeting.checkin import InviteeSearch, check_in, invitees
from nextgen_tui.meeting.counters import counters
from nextgen_tui.models import (
    InvitationStatus,
    LeaderDetails,
    Organization,
    OrgKind,
    Partnership,
    Person,
    RoleKind,
)
from nextgen_tui.store.repository import Store
from screens.meeting.screen import MeetingScreen
from tests.support.meeting_ui import Host

INVITEES = 300
NOW = datetime(2026, 6, 1, 9, 0)
FIRST = "Ana Ben Cara Dev Eli Fay Gus Hana Ivo Jun Kira Leo Mia Nico Omar Pia Raj Sol Tess Uma"
LAST = "Adams Brook Chen Diaz Evans Ford Garcia Hill Ito Jones Khan Lopez Moore Ng Ortiz Park"


def seed(store: Store) -> int:
    """300 invitees: 260 industry leaders from 150 companies and 40 public partners."""
    rng = random.Random(7)
    firsts, lasts = FIRST.split(), LAST.split()
    with store.transaction("seed"):
        p = store.save_partnership(Partnership(name="Bench", industry="Mfg", region="North"))
        companies = [
            store.save_organization(
                Organization(name=f"{rng.choice(lasts)} Works {i}", kind=OrgKind.COMPANY)
            )
            for i in range(150)
        ]
        public = [
            store.save_organization(Organization(name=f"Public Org {i}", kind=kind))
            for i, kind in enumerate([OrgKind.COMMUNITY_COLLEGE, OrgKind.WORKFORCE_BOARD] * 5)
        ]
        for i in range(INVITEES):
            name = f"{rng.choice(firsts)} {rng.choice(lasts)} {i}"
            if i < 260:
                who = store.save_person(Person(name=name, organization_id=companies[i % 150].id))
                store.assign(
                    p.id,
                    who.id,
                    RoleKind.INDUSTRY_LEADER,
                    leader=LeaderDetails(invitation=InvitationStatus.ACCEPTED),
                )
            else:
                who = store.save_person(Person(name=name, organization_id=public[i % 10].id))
                store.assign(p.id, who.id, RoleKind.SUPPORT_DELEGATE)
    return p.id


def bench_logic(store: Store, pid: int) -> None:
    snapshot = store.snapshot(pid)
    started = time.perf_counter()
    search = InviteeSearch(invitees(snapshot))
    print(f"{'prepare search strings (once)':<42} {1000 * (time.perf_counter() - started):7.2f} ms")
    rng = random.Random(1)
    times = []
    for person in rng.sample(search.people, 60):
        typed = person.name.split()[0] + " " + person.name.split()[1]
        for length in range(1, len(typed) + 1):
            started = time.perf_counter()
            search.search(typed[:length])
            times.append(time.perf_counter() - started)
    # typos take the fuzzy path
    for person in rng.sample(search.people, 40):
        typo = person.name.split()[1][::-1]
        started = time.perf_counter()
        search.search(typo)
        times.append(time.perf_counter() - started)
    report("search per keystroke (logic)", times, 30)
    times = []
    for person in search.people[:80]:
        started = time.perf_counter()
        check_in(store, pid, person.person_id, NOW)
        counters(store.snapshot(pid))
        times.append(time.perf_counter() - started)
    report("check-in + counters (logic, durable save)", times, 30)


async def bench_pilot(store: Store, pid: int) -> None:
    """Key sent to the app -> result on screen, without the pilot's own idle waits.

    The key goes to the driver as a real keypress would; the clock stops at the first
    screen refresh after the list (or the counters) show the result.
    """
    app = Host(store, pid)
    rng = random.Random(2)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        clock = KeyToDraw(app, screen)
        people_list = screen.query_one("#people-list", OptionList)
        present = screen.query_one("#count-present", Static)

        typing: list[float] = []
        checking: list[float] = []
        search = InviteeSearch(invitees(store.snapshot(pid)))

        def shows(query: str) -> Callable[[], bool]:
            return lambda: screen.shown_query == query

        def present_is(count: int) -> Callable[[], bool]:
            return lambda: (
                _plain(present).startswith(f"Present: {count} of") and _ticked(people_list)
            )

        for person in rng.sample(search.people, 25):
            await pilot.press("ctrl+f", "backspace")
            typed = ""
            for char in person.name.split()[0][:3] + " " + person.name.split()[1][:3]:
                typed += char
                key = "space" if char == " " else char
                typing.append(await clock.press(key, char, shows(typed)))
            target = search.search(typed)[0].person_id
            count = len(store.launch(pid).checkins)
            if any(c.person_id == target for c in store.launch(pid).checkins):
                continue
            checking.append(await clock.press("enter", "\r", present_is(count + 1)))
            await pilot.pause()
        report("keystroke to result drawn (app)", typing, 30)
        report("check-in to counters drawn (app)", checking, 30)


def _ticked(people_list: OptionList) -> bool:
    """The highlighted row shows the check-in tick."""
    option = people_list.highlighted_option
    return (
        option is not None
        and isinstance(option.prompt, Content)
        and (option.prompt.plain.startswith("✓"))
    )


def _plain(widget: Static) -> str:
    visual = widget.visual
    return visual.plain if isinstance(visual, Content) else ""


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "bench.json", clock=lambda: NOW)
        pid = seed(store)
        print(f"{INVITEES} invitees")
        bench_logic(store, pid)
        store.close()
        store = Store(Path(folder) / "bench.json", clock=lambda: NOW)
        asyncio.run(bench_pilot(store, pid))
        store.close()


if __name__ == "__main__":
    main()
