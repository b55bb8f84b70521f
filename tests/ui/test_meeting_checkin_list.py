"""The check-in list is redrawn in place as a name is typed (only the lines that change):
what is on screen is always exactly the matching rows, with nothing left over from the
previous key, and a click on a row checks in the person that row shows."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList

from nextgen_tui.store.repository import Store
from screens.meeting.people import PeopleList
from tests.support.meeting_ui import Host, person_id, screen_text, seed, typed


def shown_rows(app: App[Any]) -> list[str]:
    """The check-in panel's lines between the filter line and the picked line, as read on
    screen (the wide layout: the panel is the first 44 columns)."""
    lines = [line[:44].strip() for line in screen_text(app).splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("Everyone ("))
    end = next(i for i, line in enumerate(lines) if line.startswith("Picked:"))
    return lines[start + 1 : end]


def listed_rows(app: App[Any]) -> list[str]:
    """What the list holds, each row as it should read, then blank lines below."""
    people = app.screen.query_one("#people-list", OptionList)
    rows = [o.prompt.plain for o in people.options if isinstance(o.prompt, Content)]
    assert len(rows) == people.option_count
    return rows + [""] * (people.scrollable_content_region.height - len(rows))


async def test_each_key_shows_exactly_the_matches_and_a_click_checks_in_that_row(
    store: Store,
) -> None:
    p = seed(store)
    app = Host(store, p.id)
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.pause()
        everyone = shown_rows(app)
        assert everyone == listed_rows(app) and len([r for r in everyone if r]) == 18
        await typed(pilot, "ctrl+f", "a")
        assert shown_rows(app) == listed_rows(app)
        assert 2 < len([r for r in shown_rows(app) if r]) < 18
        await typed(pilot, "r")  # fewer rows: the lines below them are blank again
        assert shown_rows(app) == listed_rows(app)
        assert [r for r in shown_rows(app) if r] == [
            "· Harper Hale — Firm 8",
            "· Parker Pratt — Pratt Org (observer)",
        ]
        await typed(pilot, "backspace", "backspace")
        assert shown_rows(app) == everyone
        await typed(pilot, "e")
        assert shown_rows(app) == listed_rows(app)
        assert shown_rows(app)[:3] == [
            "· Emery Eck — Firm 5",
            "· Avery Anders — Firm 1 champion",
            "· Blake Brook — Firm 2 champion",
        ]
        # Blake Brook was second in the whole list, third now: the click says which row
        await pilot.click("#people-list", offset=(4, 2))
        await pilot.pause()
        checked_in = [c.person_id for c in store.launch(p.id).checkins]
        assert checked_in == [person_id(store, "Blake Brook")]
        assert shown_rows(app) == listed_rows(app)
        assert shown_rows(app)[2] == "✓ Blake Brook — Firm 2 champion · 09:30"


async def test_rows_drawn_ahead_while_idle_show_as_they_read(store: Store) -> None:
    """Rows below the screen are drawn while the app waits for keys; a key that lists
    them shows each as it reads (a short terminal: six rows on screen of eighteen)."""
    p = seed(store)
    app = Host(store, p.id)
    async with app.run_test(size=(160, 14)) as pilot:
        await pilot.pause()
        people = app.screen.query_one(PeopleList)
        while not people.drawn_ahead:
            await pilot.pause()
        await typed(pilot, "ctrl+f", "o", "r")
        assert shown_rows(app) == [
            "· Oakley Orr — Firm 13",
            "· Parker Pratt — Pratt Org (observer)",
            "· Quinn Quade — Quade Org (observer)",
            "· Reese Rowe — Rowe Org (facilitator)",
            "· Jordan Jett — Firm 10",
            "· Morgan Moss — Firm 13",
        ]


async def test_the_first_key_typed_after_opening_lays_out_nothing(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The search box's text size is set as it is sized: the first letter typed redraws
    the list in place, like every later one, instead of laying the whole screen out."""
    p = seed(store)
    app = Host(store, p.id)
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.pause()
        layouts: list[Screen[Any]] = []
        refresh_layout = Screen._refresh_layout

        def counted(screen: Screen[Any], *args: Any, **kwargs: Any) -> None:
            layouts.append(screen)
            refresh_layout(screen, *args, **kwargs)

        monkeypatch.setattr(Screen, "_refresh_layout", counted)
        await typed(pilot, "ctrl+f", "o")
        assert shown_rows(app)[0].startswith("· Oakley Orr"), "the first key lists its matches"
        assert layouts == [], "the first key lays out nothing"
