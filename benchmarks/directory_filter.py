"""Directory search at 1,000 and 10,000 people: key to screen against a bare anchor.

Target: the app's p90 within 1.5x of the anchor's at 10,000 people. Both are driven the
same way in the same run (under ``run_test``): the directory is opened and typing starts
at once, at a typist's pace (a key every ``TYPING_GAP`` seconds, whatever the app is
doing: the clock of each key runs from the moment it is sent, so work still running from
the previous key, from opening, or from clearing the search counts), until the screen
shows that key's result. Each search is typed key by key, then erased to blank (which
lists everyone again) before the next.

* app: ``DirectoryScreen`` over the store, until the people table shows the query's rows;
* anchor: a bare Textual app with an ``Input`` and an ``OptionList`` of the same names,
  listing the names that contain the query (all of them when it is blank);
* ranking only (logic): :func:`nextgen_tui.text.search.rank` over the prebuilt texts.

Measures, never asserts. Run: ``.venv/bin/python benchmarks/directory_filter.py``
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual.app import App, ComposeResult
from textual.widgets import Input, OptionList

from benchmarks.timing import KeyToDraw, report
from nextgen_tui.app import RosterApp
from nextgen_tui.models import Organization, OrgKind, Person
from nextgen_tui.store.repository import Store
from nextgen_tui.text.search import rank
from screens.directory.screen import DirectoryScreen
from screens.directory.table import DirectoryTable

SIZES = (1_000, 10_000)
#: Seconds between two keys: a quick typist.
TYPING_GAP = 0.1
NOW = datetime(2026, 6, 1, 9, 0)
FIRST = [
    "Ana",
    "Ben",
    "Carla",
    "Deborah",
    "Elena",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "Jamal",
    "Kofi",
    "Lena",
    "Marta",
    "Nadia",
    "Omar",
    "Priya",
    "Quinn",
    "Rosa",
    "Sam",
    "Tariq",
    "Uma",
    "Victor",
    "Wen",
    "Xavier",
    "Yara",
    "Zoë",
    "John",
    "Maria",
    "Luis",
    "Chen",
]
LAST = [
    "Smithers",
    "Lindqvist",
    "Okafor",
    "Novak",
    "Haddad",
    "Tanaka",
    "Moreau",
    "Kowalski",
    "Reyes",
    "Nguyen",
    "Patel",
    "Johansson",
    "Silva",
    "Mensah",
    "Rossi",
    "Ibrahim",
    "Schmidt",
    "Kim",
    "Dubois",
    "Garcia",
    "O'Neil",
    "Petrov",
]
TITLES = [
    "CEO",
    "Plant Manager",
    "HR Director",
    "Dean",
    "Program Manager",
    "Owner",
    "President",
    "COO",
    "Business Services Lead",
    "Operations Director",
    "Workforce Analyst",
]
#: What the convener types (each string typed key by key, then erased).
SEARCHES = ("smihters", "plant manager", "dean college", "okafor", "zoë")


def seed(store: Store, people_count: int) -> list[str]:
    """``people_count`` people in an organization per seven; returns their names."""
    rng = random.Random(7)
    kinds = list(OrgKind)
    orgs = store.save_many(
        [
            Organization(
                name=f"{rng.choice(LAST)} {rng.choice(['Works', 'College', 'Foods', 'Board'])} {i}",
                kind=OrgKind.COMPANY if i % 3 else rng.choice(kinds),
                industry="Advanced Manufacturing",
                region=rng.choice(["North Valley", "Harlow", "Cedar Falls"]),
            )
            for i in range(max(people_count // 7, 1))
        ],
        "seed organizations",
    )
    people = []
    for i in range(people_count):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        org = rng.choice(orgs)
        people.append(
            Person(
                name=f"{first} {last}",
                title=rng.choice(TITLES),
                organization_id=org.id,
                email=f"{first}.{last}{i}@example.org".lower().replace("'", ""),
            )
        )
    store.save_many(people, "seed people")
    return sorted((p.name for p in people), key=str.casefold)


class Anchor(App[None]):
    """The bare anchor: a search box over a list of names."""

    def __init__(self, names: list[str]) -> None:
        super().__init__()
        self.names = names
        self.folded = [name.casefold() for name in names]
        self.applied: str | None = None

    def compose(self) -> ComposeResult:
        yield Input()
        yield OptionList(*self.names)

    def on_input_changed(self, event: Input.Changed) -> None:
        query = event.value.casefold()
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([n for n, f in zip(self.names, self.folded, strict=True) if query in f])
        self.applied = event.value


async def type_searches(clock: KeyToDraw, value: object, applied: object) -> list[float]:
    """Type every search, then erase it, at a typist's pace; the time of each key."""
    timings: list[float] = []

    async def press(key: str, character: str | None) -> None:
        before = str(getattr(value, "value", ""))
        expected = before[:-1] if key == "backspace" else before + (character or "")
        timings.append(await clock.press(key, character, lambda: applied() == expected))  # type: ignore[operator]
        await asyncio.sleep(TYPING_GAP)

    for text in SEARCHES:
        for char in text:
            await press("space" if char == " " else char, char)
        for _ in text:
            await press("backspace", None)
    return timings


async def bench_app(store: Store) -> list[float]:
    app = RosterApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = DirectoryScreen()
        await app.push_screen(screen)
        clock = KeyToDraw(app, screen)  # typing starts as soon as the directory is up
        table = screen.query_one("#people-table", DirectoryTable)
        search = screen.query_one("#directory-search", Input)
        return await type_searches(clock, search, lambda: table.applied)


async def bench_anchor(names: list[str]) -> list[float]:
    app = Anchor(names)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        search = app.query_one(Input)
        search.focus()
        clock = KeyToDraw(app, app.screen)
        return await type_searches(clock, search, lambda: app.applied)


def p90(seconds: list[float]) -> float:
    ordered = sorted(seconds)
    return ordered[max(int(len(ordered) * 0.9) - 1, 0)]


def main() -> None:
    for size in SIZES:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "bench.json"
            with Store(path, clock=lambda: NOW) as store:
                names = seed(store, size)
            print(f"== {size:,} people")
            with Store(path, clock=lambda: NOW) as store:
                app_times = asyncio.run(bench_app(store))
                anchor_times = asyncio.run(bench_anchor(names))
                haystacks = [name.casefold() for name in names]
            report("key to screen (app)", app_times, 50)
            report("key to screen (anchor: Input + list)", anchor_times, 50)
            print(
                f"  p90 app/anchor {p90(app_times) / p90(anchor_times):.2f}x   median app/anchor "
                f"{statistics.median(app_times) / statistics.median(anchor_times):.2f}x   "
                f"max app {max(app_times) * 1000:.0f} ms, anchor {max(anchor_times) * 1000:.0f} ms"
            )
            ranking: list[float] = []
            for text in SEARCHES:
                for end in range(1, len(text) + 1):
                    started = time.perf_counter()
                    rank(text[:end], haystacks)
                    ranking.append(time.perf_counter() - started)
            report("ranking only (logic)", ranking, 50)
    print("target: p90 app/anchor 1.5x or less at 10,000 people")


if __name__ == "__main__":
    main()
