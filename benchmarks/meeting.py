"""Benchmark the live meeting's check-in over 300 invitees (target: p90 50 ms a key).

Measures, never asserts:

* search (logic): fuzzy search for every prefix a facilitator types;
* keystroke to result drawn (app, under Pilot): a key sent to the running app until the
  narrowed list is drawn (the first screen refresh after the list changed), typed at a
  typist's pace;
* the same against a bare anchor measured in the same run, name by name: a Textual app
  with a search box and an ``OptionList`` of the same invitees in a column as large as the
  check-in panel, refilled with ``set_options`` on each key; the ratio is printed;
* check-in + counters (logic): ``check_in`` (a durable save) and the counters recomputed;
* check-in to counters drawn (app): enter until the counters and the ticked row are drawn,
  with its ratio to the logic alone (the save is most of it).

Run: ``.venv/bin/python benchmarks/meeting.py``
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from benchmarks.timing import KeyToDraw, report
from nextgen_tui.meeting.checkin import Invitee, InviteeSearch, check_in, invitees
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
from screens.meeting.people import person_prompt
from screens.meeting.screen import MeetingScreen
from tests.support.meeting_ui import Host

INVITEES = 300
#: Names typed (the first three letters of the first and of the last name, then enter).
NAMES = 25
#: The terminal of both apps: the meeting with the counters beside the lists.
SIZE = (160, 50)
#: Seconds between two keys: a quick typist.
TYPING_GAP = 0.1
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


def bench_logic(store: Store, pid: int) -> list[float]:
    """The search and check-in logic alone; returns the check-in times (the save)."""
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
    return times


class Anchor(App[None]):
    """The bare anchor: a search box over a list of the same 300 invitees, in a column as
    wide and as high as the meeting's check-in panel; each key lists the same matches (the
    same search, the same rows) with a plain ``set_options``."""

    CSS = "#column { width: 46; } OptionList { height: 1fr; border: none; }"

    def __init__(self, people: list[Invitee]) -> None:
        super().__init__()
        self.search = InviteeSearch(people)
        self.applied = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="column"):
            yield Static(Content("Check-in"))
            yield Input(compact=True)
            yield Static(Content("filter"))
            yield OptionList(
                *(
                    Option(person_prompt(p, None, False), id=f"p{p.person_id}")
                    for p in self.search.people
                )
            )

    @staticmethod
    def rows(people: list[Invitee]) -> list[Option]:
        return [Option(person_prompt(p, None, False), id=f"p{p.person_id}") for p in people]

    def on_input_changed(self, event: Input.Changed) -> None:
        options = self.query_one(OptionList)
        options.set_options(self.rows(self.search.search(event.value)))
        options.highlighted = 0
        self.applied = event.value


async def type_name(clock: KeyToDraw, typed_text: str, shown: Callable[[], str]) -> list[float]:
    """Type ``typed_text`` at a typist's pace; the time from each key to its result drawn."""
    times = []
    typed = ""
    for char in typed_text:
        typed += char
        key = "space" if char == " " else char
        times.append(await clock.press(key, char, lambda t=typed: shown() == t))  # type: ignore[misc]
        await asyncio.sleep(TYPING_GAP)
    return times


async def bench_pilot(store: Store, pid: int, saves: list[float]) -> None:
    """Key sent to the app -> result on screen, against the bare anchor, name by name.

    Both apps run side by side (each under ``run_test`` at the same size) and take turns:
    the anchor types a name, then the meeting types the same name and checks the best
    match in. Each key goes to the driver as a real keypress would; the clock stops at the
    first screen refresh after the list (or the counters) show the result.
    """
    people = invitees(store.snapshot(pid))
    app = Host(store, pid)
    anchor = Anchor(people)
    rng = random.Random(2)
    async with app.run_test(size=SIZE) as pilot, anchor.run_test(size=SIZE) as anchor_pilot:
        await pilot.pause()
        await anchor_pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        clock = KeyToDraw(app, screen)
        anchor_box = anchor.query_one(Input)
        anchor_box.focus()
        anchor_clock = KeyToDraw(anchor, anchor.screen)
        people_list = screen.query_one("#people-list", OptionList)
        present = screen.query_one("#count-present", Static)

        typing: list[float] = []
        bare: list[float] = []
        checking: list[float] = []
        search = InviteeSearch(people)

        def present_is(count: int) -> Callable[[], bool]:
            return lambda: (
                _plain(present).startswith(f"Present: {count} of") and _ticked(people_list)
            )

        for person in rng.sample(search.people, NAMES):
            text = person.name.split()[0][:3] + " " + person.name.split()[1][:3]
            anchor_box.value = ""
            await anchor_pilot.pause()
            bare += await type_name(anchor_clock, text, lambda: anchor.applied)
            await pilot.press("ctrl+f", "backspace")
            typing += await type_name(clock, text, lambda: screen.shown_query)
            target = search.search(text)[0].person_id
            count = len(store.launch(pid).checkins)
            if any(c.person_id == target for c in store.launch(pid).checkins):
                continue
            checking.append(await clock.press("enter", "\r", present_is(count + 1)))
            await pilot.pause()
        report("keystroke to result drawn (app)", typing, 50)
        report("keystroke to result drawn (anchor)", bare, 50)
        print(
            f"  p90 app/anchor {p90(typing) / p90(bare):.2f}x   median app/anchor "
            f"{statistics.median(typing) / statistics.median(bare):.2f}x   max app "
            f"{max(typing) * 1000:.0f} ms, anchor {max(bare) * 1000:.0f} ms"
        )
        report("check-in to counters drawn (app)", checking, 50)
        ratio = statistics.median(checking) / statistics.median(saves)
        print(f"  median check-in drawn/logic {ratio:.2f}x")


def p90(seconds: list[float]) -> float:
    ordered = sorted(seconds)
    return ordered[max(int(len(ordered) * 0.9) - 1, 0)]


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
        saves = bench_logic(store, pid)
        store.close()
        store = Store(Path(folder) / "bench.json", clock=lambda: NOW)
        asyncio.run(bench_pilot(store, pid, saves))
        store.close()


if __name__ == "__main__":
    main()
