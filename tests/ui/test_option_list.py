"""A stage list keeps its rendered lines through a resize that keeps its width, and
wraps them again when the width changes."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.strip import Strip
from textual.widgets.option_list import Option

from screens.common.option_list import SteadyOptionList

#: One option long enough to wrap: 24 words of 5 cells.
LONG = " ".join(f"w{n:03d}" for n in range(24))


class ListApp(App[None]):
    def compose(self) -> ComposeResult:
        yield SteadyOptionList(Option(LONG), Option("short"))


def rendered(app: ListApp) -> list[Strip]:
    """The lines the list has made for its long option (Textual's cache, pinned 8.2.8)."""
    cache = app.query_one(SteadyOptionList)._option_render_cache
    keys = cache.keys()  # Textual's LRUCache is not iterable itself
    return next(cache[key] for key in keys if key[0].prompt == LONG)


async def test_lines_follow_the_width_and_survive_a_resize_that_keeps_it() -> None:
    app = ListApp()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        narrow = rendered(app)
        assert len(narrow) > 3 and " ".join(strip.text for strip in narrow).split() == LONG.split()

        await pilot.resize_terminal(40, 20)  # taller, as wide: the same lines
        await pilot.pause()
        assert rendered(app) is narrow

        await pilot.resize_terminal(100, 20)  # wider: wrapped again, every word still there
        await pilot.pause()
        wide = rendered(app)
        assert wide is not narrow and len(wide) < len(narrow)
        assert " ".join(strip.text for strip in wide).split() == LONG.split()
