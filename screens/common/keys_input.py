"""A text field where ``?`` lists the keys instead of being typed.

For fields where a question mark is never wanted (a search, a file path), so the
footer's ``? Keys`` works while they have focus too.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class KeysInput(Input):
    """An :class:`~textual.widgets.Input` that leaves ``?`` to the app's keys list."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return character != "?" and super().check_consume_key(key, character)

    async def _on_key(self, event: events.Key) -> None:
        if event.character == "?":
            event.prevent_default()  # not typed: the app's ? binding lists the keys
