"""A stage list keeps its rendered lines through a resize that keeps its width, and
wraps them again when the width changes; options set again (a stage view shown again) are
drawn from the lines kept for them."""

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


def kept(app: ListApp, prompt: str) -> list[list[Strip]]:
    """The lines kept for the options showing ``prompt``, one list per place and style."""
    cache = app.query_one(SteadyOptionList)._kept
    assert cache is not None
    keys = cache.keys()  # Textual's LRUCache is not iterable itself
    return [cache[key] for key in keys if key[0].prompt == prompt]


async def test_options_set_again_are_drawn_from_their_kept_lines_where_they_are() -> None:
    first = [Option(LONG, id="long"), Option("short", id="short")]
    second = [Option("other", id="other"), *first]  # the same rows, one place further down
    app = ListApp()
    async with app.run_test(size=(40, 12)) as pilot:
        options = app.query_one(SteadyOptionList)
        options.set_options(first)
        await pilot.pause()
        drawn = kept(app, LONG)[0]
        assert " ".join(strip.text for strip in drawn).split() == LONG.split()
        options.set_options(second)
        await pilot.pause()
        options.set_options(first)  # back: as a stage view shown again
        await pilot.pause()
        assert any(lines is drawn for lines in kept(app, LONG)), "kept, not wrapped again"
        textuals = options._option_render_cache.keys()
        assert not any(key[0].prompt == LONG for key in textuals), "not drawn again"

        options.set_options(second)
        await pilot.pause()
        options.highlighted = None
        top = options.content_region.y - options.region.y  # below the border
        await pilot.click(SteadyOptionList, offset=(2, top + 1))  # the long row, now second
        await pilot.pause()
        assert options.highlighted_option is not None
        assert options.highlighted_option.id == "long", "a click picks the row where it is now"
