"""The full screens' header survives a title change that reaches it while its screen closes."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

from screens.common.header import ScreenHeader


class HeaderApp(App[None]):
    def compose(self) -> ComposeResult:
        yield ScreenHeader()


async def test_a_title_change_after_the_title_widget_is_gone_is_dropped() -> None:
    app = HeaderApp()
    async with app.run_test() as pilot:
        header = app.query_one(ScreenHeader)
        app.title = "Advanced Manufacturing [TODO]"
        await pilot.pause()
        assert "Advanced Manufacturing [TODO]" in str(
            header.query_one("HeaderTitle", Static).content
        )
        # as when escape closes a screen a millisecond after it opened: the title widget
        # is removed before the header, and a title change arrives in between
        await header.query_one("HeaderTitle").remove()
        app.title = "Healthcare"
        app.sub_title = "roster.json"
        await pilot.pause()
        assert app.is_running and app._exception is None
