"""The header of the full screens: Textual's Header, minus a race when a screen closes at once.

Textual's ``Header`` watches the app's and the screen's titles with an async callback that
runs later, after the current message. When the screen closes in between (escape a
millisecond after opening it, as the random-key walks type), the header's title widget is
already removed and that callback raised ``NoMatches("No nodes match 'HeaderTitle'")``,
ending the app. This header updates its title at once, and only while the title widget is
there; it looks and behaves the same otherwise.
"""

from __future__ import annotations

import contextlib

from textual.css.query import NoMatches
from textual.events import Mount
from textual.widgets import Header, Static


class ScreenHeader(Header):
    """The app's icon, the screen's title and the file's name (the sub-title)."""

    def _on_mount(self, event: Mount) -> None:
        event.prevent_default()  # instead of Header._on_mount and its deferred callback

        def set_title() -> None:
            if not self.is_attached:
                return
            with contextlib.suppress(NoMatches):  # the screen is closing: nothing to draw
                self.query_one("HeaderTitle", Static).update(self.format_title())

        self.watch(self.app, "title", set_title)
        self.watch(self.app, "sub_title", set_title)
        self.watch(self.screen, "title", set_title)
        self.watch(self.screen, "sub_title", set_title)
