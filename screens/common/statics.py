"""Updating a ``Static``: only when what it shows changes, since each update redraws it
(and, unless told otherwise, lays out the screen again)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


def set_text(widget: Static, content: Content, *, layout: bool = True) -> None:
    """Show ``content`` in ``widget`` unless it already shows the same text and style.
    ``layout=False`` for a widget whose size does not depend on its text (one line high,
    say): a new text then needs no new layout of the screen."""
    current = widget.content
    if not (isinstance(current, Content) and current.is_same(content)):
        widget.update(content, layout=layout)
