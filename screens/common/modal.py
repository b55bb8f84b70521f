"""Screens that close once: a second answer queued behind the first is ignored.

Keys and button presses travel through message queues, so a quick "enter y" on a
question, a double click on a button or ctrl+s pressed twice can reach a screen after it
already answered. Textual's ``Screen.dismiss`` would then call the result callback a second
time (an ``InvalidStateError``) and pop whatever screen is now on top, possibly the one
below. Screens inherit :class:`DismissOnce` first to make that second answer a no-op:
a screen only dismisses itself while it is the one on top.

A key typed right after the one that opened a screen can answer it before it has even
mounted (the app checks bindings against the new top screen at once); popping it then
leaves its ``on_mount`` querying widgets that are gone. Such an early answer waits until
the screen is mounted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.await_complete import AwaitComplete

if TYPE_CHECKING:
    from textual.screen import Screen

    _Base = Screen[Any]
else:
    # A plain mixin, not a DOMNode: Textual follows the first DOMNode base for CSS and
    # component classes, which stays the screen class listed after this one.
    _Base = object


class DismissOnce(_Base):
    """Mix in first: ``class Question(DismissOnce, ModalScreen[bool])``."""

    def dismiss(self, result: Any = None) -> AwaitComplete:
        if not self.is_active:  # already dismissed, or another screen is on top of it
            return AwaitComplete()
        if not self.is_mounted:  # answered before it mounted: answer once it has

            def answer() -> None:  # not awaited: Textual forbids awaiting one's own dismiss
                self.dismiss(result)

            self.call_later(answer)
            return AwaitComplete()
        return super().dismiss(result)
