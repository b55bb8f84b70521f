"""The meeting's text boxes: enter (and the keys that move a list) taken in the order the
keys came, so keys pasted in one burst never join two entries or act on the wrong row."""

from __future__ import annotations

from collections import deque
from typing import Any

from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.widgets import Input, OptionList


class OrderedInput(Input):
    """A text box that takes enter in the order the keys came.

    Textual runs enter (a binding) only once the key has travelled up to the app, while the
    letters after it are typed into the box at once: keys pasted in one burst would join
    two entries. Here enter submits at once, and then ``on_enter`` says what happens to
    the box: ``"clear"`` (a capture box: the next entry starts empty; :meth:`settle` puts
    the text back if it was not saved), ``"select"`` (the search: the next name replaces
    it) or ``"keep"``.
    """

    on_enter = "keep"
    #: whether enter remembers what the steered list had highlighted (:meth:`entered_target`)
    keeps_target = False
    #: keys that act on the box's list (:class:`SteeringInput`), taken in order too
    MOVES: dict[str, int] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._taken: list[str] = []
        self._targets: deque[str | None] = deque()

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            submitted = self.value
            if self.keeps_target:
                self._targets.append(self.target())
            await self.action_submit()
            if self.on_enter == "clear" and submitted:
                self._taken.append(submitted)
                self.value = ""
            elif self.on_enter == "select":
                self.select_all()
            return
        if event.key in self.MOVES:
            event.stop()
            event.prevent_default()
            self.action_move(self.MOVES[event.key])
            return
        await super()._on_key(event)

    @property
    def content_width(self) -> int:
        """At least the box's own width. Textual's Input takes its scroll width from the
        text (one cell longer at each key) and lays the whole screen out again whenever it
        changes; the meeting's boxes have a fixed size (1fr wide, one line), so while the
        text fits, a key typed changes nothing but the box itself."""
        return max(super().content_width, self.size.width)

    def on_resize(self) -> None:
        # The size the first key would give the text (see content_width), given now:
        # Textual sets it only when the value changes (until then it is 0 x 0), so the
        # first key typed after opening laid the whole screen out again to change it.
        self.set_reactive(Input.virtual_size, Size(self.content_width, 1))

    def action_move(self, steps: int) -> None:
        """Move the highlight of the list this box steers (none here)."""

    def target(self) -> str | None:
        """The option id highlighted in the list this box steers (none here)."""
        return None

    def entered_target(self) -> str | None:
        """What was highlighted when enter was pressed, for the entry being handled (keys
        of a burst may have moved the highlight since)."""
        return self._targets.popleft() if self._targets else self.target()

    def settle(self, submitted: str, saved: bool) -> None:
        """The screen handled ``submitted``: if it was not saved, it goes back in the box."""
        if submitted in self._taken:
            self._taken.remove(submitted)
            if not saved:
                self.value = submitted + self.value
                self.cursor_position = len(self.value)


class CaptureInput(OrderedInput):
    """A quick entry box: enter adds the item and empties the box for the next one."""

    on_enter = "clear"


class SteeringInput(OrderedInput):
    """A text box whose up / down / page keys move the highlight of a list beside it, so
    the hands stay on the box: the check-in search moves through the people, the dot and
    note boxes through the action areas."""

    #: The list this box steers (a selector on the screen).
    steers = "#people-list"
    MOVES = {"down": 1, "up": -1, "pagedown": 10, "pageup": -10}

    BINDINGS = [
        Binding(
            "down", "move(1)", "Next", show=False, tooltip="Next in the list", id="meeting.down"
        ),
        Binding(
            "up",
            "move(-1)",
            "Previous",
            show=False,
            tooltip="Previous in the list",
            id="meeting.up",
        ),
        Binding(
            "pagedown", "move(10)", "Page down", show=False, tooltip="Ten down", id="meeting.pgdn"
        ),
        Binding("pageup", "move(-10)", "Page up", show=False, tooltip="Ten up", id="meeting.pgup"),
    ]

    def target(self) -> str | None:
        option = self.screen.query_one(self.steers, OptionList).highlighted_option
        return option.id if option is not None else None

    def action_move(self, steps: int) -> None:
        target = self.screen.query_one(self.steers, OptionList)
        if target.option_count:
            start = target.highlighted if target.highlighted is not None else -1
            target.highlighted = max(0, min(start + steps, target.option_count - 1))


class SearchInput(SteeringInput):
    """The check-in search box: up/down move through the people below while typing; after
    enter the name is selected, so the next one typed replaces it."""

    on_enter = "select"


class AreaInput(SteeringInput):
    """The dots and note boxes: up/down pick the action area they apply to."""

    steers = "#area-list"
    on_enter = "clear"
    keeps_target = True


def entered_target(box: Input) -> str | None:
    """The option its list had highlighted when enter was pressed in ``box``."""
    return box.entered_target() if isinstance(box, OrderedInput) else None


def settle(box: Input, submitted: str, saved: bool) -> None:
    """After a box's entry was handled: one that was not saved goes back in the box."""
    if isinstance(box, OrderedInput):
        box.settle(submitted, saved)


def take(box: Input, submitted: str) -> None:
    """Empty a box after what it held was saved, keeping anything typed meanwhile."""
    if box.value.startswith(submitted):
        box.value = box.value[len(submitted) :]
        box.cursor_position = len(box.value)
