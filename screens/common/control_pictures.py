"""Input fields that show a path's control characters as pictures, never send them.

A file picked in the import wizard's tree, or the roster's own folder, may be named with
``ESC ] 0 ; ...``: shown raw in an input field, it would drive the terminal. The
:class:`ControlPictures` highlighter draws each such character as one visible character
(``␛``), so the text and the cursor stay aligned while the value itself is unchanged.
"""

from __future__ import annotations

from rich.highlighter import Highlighter
from rich.text import Text

from nextgen_tui.text.visible import pictures


class ControlPictures(Highlighter):
    """Shows control characters in an ``Input`` as pictures (one for one)."""

    def highlight(self, text: Text) -> None:
        shown = pictures(text.plain)
        if shown != text.plain:
            text.plain = shown
