"""Keystroke to repaint while filtering a directory of 1,000 people (target: median < 50 ms).

Measures, never asserts:

* key to table drawn (app, under Pilot): each character of a few searches (and the
  backspaces that clear them) is sent to the running app as a real keypress; the time
  runs until the first screen refresh after the people table shows that query's rows
  (a search lists its best 100 matches; a blank one everyone, a screenful first);
* ranking only (logic): :func:`nextgen_tui.search.rank` over the prebuilt search texts,
  the part of a keystroke that grows with the directory.

Run: ``.venv/bin/python benchmarks/directory_filter.py``
"""

from __future__ import annotations

import asyncio
import random
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


from benchmarks.timing import KeyToDraw, report
from nextgen_tui.app import RosterApp
from nextgen_tui.models import Organization, OrgKind, Person
from nextgen_tui.store.repository import Store
from nextgen_tui.text.search import rank
from screens.directory.screen import DirectoryScreen
from screens.directory.table import DirectoryTable

PEOPLE = 1000
ORGANIZATIONS = 150
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


def seed(store: Store) -> None:
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
            for i in range(ORGANIZATIONS)
        ],
        "seed organizations",
    )
    people = []
    for i in range(PEOPLE):
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


async def bench(store: Store) -> None:
    app = RosterApp(store)
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.pause()
        await app.push_screen(DirectoryScreen())
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DirectoryScreen), screen
        table = screen.query_one("#people-table", DirectoryTable)
        search = screen.query_one("#directory-search")
        clock = KeyToDraw(app, screen)

        async def press(key: str, character: str | None) -> float:
            before = getattr(search, "value", "")
            expected = before[:-1] if key == "backspace" else before + (character or "")
            return await clock.press(key, character, lambda: table.applied == expected)

        timings: list[float] = []
        for text in SEARCHES:
            for char in text:
                key = "space" if char == " " else char
                timings.append(await press(key, char))
                await pilot.pause()
            print(f"  {text!r}: {len(table.shown)} people shown")
            for _ in text:
                timings.append(await press("backspace", None))
                await pilot.pause()
        report("key to table drawn (app)", timings, 50)

        haystacks = screen.indexes["people-tab"].haystacks
        ranking: list[float] = []
        for text in SEARCHES:
            for end in range(1, len(text) + 1):
                started = time.perf_counter()
                rank(text[:end], haystacks)
                ranking.append(time.perf_counter() - started)
        report("ranking only (logic)", ranking, 50)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.json"
        store = Store(path, clock=lambda: NOW)
        seed(store)
        print(f"{len(store.people())} people, {len(store.organizations())} organizations")
        store.close()
        store = Store(path, clock=lambda: NOW)
        asyncio.run(bench(store))
        store.close()


if __name__ == "__main__":
    main()
