"""Pickers of the meeting screen: merge an area, the close (priorities, then each team's
lead), and a searchable choice for the corrections of a closed meeting."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from nextgen_tui.models import ActionArea
from nextgen_tui.text.search import fold, rank
from screens.common.modal import DismissOnce
from screens.common.tickbox import TickBox
from screens.meeting.inputs import SteeringInput
from screens.meeting.widgets import fill


def dots(count: int) -> str:
    return "1 dot" if count == 1 else f"{count} dots"


_PICKER_CSS = """
    .picker-frame { width: 72; max-width: 100%; max-height: 90%; }
    .picker-frame Label { width: 100%; }
    .picker-frame OptionList, .picker-frame #priority-list { height: auto; max-height: 20; }
    .picker-frame TickBox { border: none; padding: 0 1; }
    .picker-frame .picker-body { height: auto; max-height: 16; }
    .picker-frame .lead-area { text-style: bold; padding: 0 1; margin-top: 1; }
    .picker-frame .picker-buttons { height: auto; align-horizontal: right; padding-top: 1; }
    .picker-frame Button { margin-left: 1; }
"""


class MergeScreen(DismissOnce, ModalScreen[int | None]):
    """Pick the area to merge the highlighted one into; returns its id."""

    DEFAULT_CLASSES = "dialog-screen"
    DEFAULT_CSS = _PICKER_CSS
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Do not merge", id="merge.cancel"),
    ]

    def __init__(self, area: ActionArea, others: Sequence[ActionArea]) -> None:
        super().__init__()
        self.area = area
        self.others = others

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog picker-frame"):
            yield Label(
                Content.from_markup("Merge “$title” into which area?", title=self.area.title),
                classes="dialog-title",
            )
            yield Label(
                Content("Its dots and commitments move to the area you pick (enter)."),
                classes="hint",
            )
            yield OptionList(
                *[
                    Option(Content(f"{a.title} ({dots(a.vote_count)})"), id=f"a{a.id}")
                    for a in self.others
                ],
                id="merge-targets",
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.dismiss(int(event.option.id[1:]))

    def action_cancel(self) -> None:
        self.dismiss(None)


class PrioritiesScreen(DismissOnce, ModalScreen[list[int] | None]):
    """Pick the priority areas (top-voted preselected); returns their ids in vote order."""

    DEFAULT_CLASSES = "dialog-screen"
    DEFAULT_CSS = _PICKER_CSS
    BINDINGS = [
        Binding(
            "ctrl+s",
            "done",
            "Form teams",
            tooltip="Close the meeting with these priorities",
            id="priorities.done",
        ),
        Binding(
            "escape", "cancel", "Cancel", tooltip="Back to the meeting", id="priorities.cancel"
        ),
        Binding(
            "down", "move(1)", "Next", show=False, tooltip="The next area", id="priorities.next"
        ),
        Binding(
            "up", "move(-1)", "Previous", show=False, tooltip="The area above", id="priorities.prev"
        ),
        Binding(
            "home",
            "move(-1000)",
            "First",
            show=False,
            tooltip="The first area",
            id="priorities.first",
        ),
        Binding(
            "end", "move(1000)", "Last", show=False, tooltip="The last area", id="priorities.last"
        ),
    ]

    def __init__(
        self, ranked: Sequence[ActionArea], chosen: Sequence[int], committed: Mapping[int, int]
    ) -> None:
        super().__init__()
        self.ranked = ranked
        self.chosen = set(chosen)
        self.committed = committed  # area id -> how many people committed to it

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog picker-frame"):
            yield Label(
                Content("Close the meeting: pick the priority areas"), classes="dialog-title"
            )
            yield Label(
                Content(
                    "Space toggles. Each priority becomes an action team with the people "
                    "who committed to it. The top-voted areas are preselected."
                ),
                classes="hint",
            )
            with VerticalScroll(id="priority-list", can_focus=False):
                for a in self.ranked:
                    label = (
                        f"{a.title} — {dots(a.vote_count)}, {self.committed.get(a.id, 0)} committed"
                    )
                    yield TickBox(Content(label), a.id in self.chosen, id=f"area-{a.id}")
            with Horizontal(classes="picker-buttons"):
                yield Button(
                    Content("Form teams (ctrl+s)"), variant="primary", id="priorities-done"
                )
                yield Button(Content("Cancel (esc)"), id="priorities-cancel")

    def on_mount(self) -> None:
        self.action_move(-1000)

    def _boxes(self) -> list[TickBox]:
        return list(self.query(TickBox))

    def action_move(self, step: int) -> None:
        """Up / down go from area to area (space ticks), home / end to the first / last."""
        boxes = self._boxes()
        if not boxes:
            return
        at = boxes.index(self.focused) if isinstance(self.focused, TickBox) else 0
        boxes[max(0, min(len(boxes) - 1, at + step))].focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "priorities-done":
            self.action_done()
        else:
            self.action_cancel()

    def action_done(self) -> None:
        picked = {a.id for a, box in zip(self.ranked, self._boxes(), strict=True) if box.value}
        if not picked:
            self.notify(
                "Pick at least one priority area (space toggles).", severity="warning", markup=False
            )
            return
        self.dismiss([a.id for a in self.ranked if a.id in picked])

    def action_cancel(self) -> None:
        self.dismiss(None)


#: One team at the close: its area, who may lead it (the people who committed) and the
#: suggested lead.
LeadChoice = tuple[ActionArea, Sequence[tuple[Content, int]], int | None]


class LeadsScreen(DismissOnce, ModalScreen[dict[int, int | None] | None]):
    """Choose each new team's lead among the people who committed to its area; returns the
    lead by area id (``None``: no lead yet)."""

    DEFAULT_CLASSES = "dialog-screen"
    DEFAULT_CSS = _PICKER_CSS
    BINDINGS = [
        Binding("ctrl+s", "done", "Next", tooltip="Keep these leads and go on", id="leads.done"),
        Binding("escape", "cancel", "Cancel", tooltip="Back to the meeting", id="leads.cancel"),
    ]

    def __init__(self, teams: Sequence[LeadChoice]) -> None:
        super().__init__()
        self.teams = teams

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog picker-frame"):
            yield Label(Content("Who leads each team?"), classes="dialog-title")
            yield Label(
                Content(
                    "Suggested: the committed champion, else the first industry member. "
                    "Tab moves, enter opens a list; ctrl+s goes on."
                ),
                classes="hint",
            )
            with VerticalScroll(classes="picker-body"):
                for area, people, lead in self.teams:
                    yield Label(Content(area.title), classes="lead-area")
                    if people:
                        yield Select(
                            people,
                            prompt="No lead yet",
                            value=lead if lead is not None else Select.NULL,
                            compact=True,
                            id=f"lead-{area.id}",
                        )
                    else:
                        yield Static(Content("Nobody committed: no lead yet."), classes="hint")
            with Horizontal(classes="picker-buttons"):
                yield Button(Content("Next (ctrl+s)"), variant="primary", id="leads-done")
                yield Button(Content("Cancel (esc)"), id="leads-cancel")

    def on_mount(self) -> None:
        selects = self.query(Select)
        if selects:
            selects.first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "leads-done":
            self.action_done()
        else:
            self.action_cancel()

    def action_done(self) -> None:
        leads: dict[int, int | None] = {}
        for area, people, _ in self.teams:
            value = self.query_one(f"#lead-{area.id}", Select).value if people else None
            leads[area.id] = value if isinstance(value, int) else None
        self.dismiss(leads)

    def action_cancel(self) -> None:
        self.dismiss(None)


#: One choice: what is shown, its id, and the text a search matches.
Choice = tuple[Content, str, str]


class ChoiceScreen(DismissOnce, ModalScreen[str | None]):
    """Pick one of many (type to narrow, up/down, enter); returns the choice's id."""

    DEFAULT_CLASSES = "dialog-screen"
    DEFAULT_CSS = _PICKER_CSS
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Pick nothing", id="choice.cancel"),
    ]

    def __init__(self, title: str, hint: str, choices: Sequence[Choice]) -> None:
        super().__init__()
        self.title_text = title
        self.hint = hint
        self.choices = choices
        self._keys = [fold(text) for _, _, text in choices]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog picker-frame"):
            yield Label(Content(self.title_text), classes="dialog-title")
            yield Label(Content(self.hint), classes="hint")
            search = SteeringInput(placeholder="Type to narrow; enter picks", id="choice-search")
            search.steers = "#choices"
            yield search
            yield OptionList(*self._options(""), id="choices")

    def _options(self, query: str) -> list[Option]:
        return [
            Option(self.choices[i][0], id=self.choices[i][1]) for i in rank(fold(query), self._keys)
        ]

    def on_mount(self) -> None:
        self.query_one("#choice-search", Input).focus()
        choices = self.query_one("#choices", OptionList)
        if choices.option_count:
            choices.highlighted = 0

    @on(Input.Changed, "#choice-search")
    def _narrow(self, event: Input.Changed) -> None:
        choices = self.query_one("#choices", OptionList)
        fill(choices, self._options(event.value))
        if choices.option_count:
            choices.highlighted = 0

    @on(Input.Submitted, "#choice-search")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        option = self.query_one("#choices", OptionList).highlighted_option
        if option is not None and option.id is not None:
            self.dismiss(option.id)

    @on(OptionList.OptionSelected, "#choices")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
