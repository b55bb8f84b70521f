"""The closed meeting's summary and its corrections.

:class:`SummaryPanel` replaces the live panels once the meeting is closed: the summary as
Markdown, which it saves beside the data file (ctrl+s, through the export path as every
other file), and the corrections the facilitator makes from it (e: an item's text, t:
someone added to a team formed at the close). Its keys are its own; it asks what it must
ask (a choice, the correction form), saves through the core
(:mod:`nextgen_tui.meeting.corrections`: one transaction and one undo step each) and posts
:class:`SummaryPanel.Changed`; the screen then reads the store again and redraws (and
:class:`~screens.meeting.widgets.NotSaved` when something could not be saved).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Markdown, Static

from nextgen_tui.meeting.checkin import Invitee
from nextgen_tui.meeting.corrections import add_to_team, formed_teams
from nextgen_tui.meeting.summary import summary_markdown
from nextgen_tui.models import LaunchMeeting
from nextgen_tui.models.snapshot import PartnershipSnapshot
from nextgen_tui.text.visible import visible
from nextgen_tui.transfer.exports import default_filename, export_to
from screens.common.context import save, store_of
from screens.meeting.forms import CorrectItemForm
from screens.meeting.pickers import Choice, ChoiceScreen
from screens.meeting.widgets import NotSaved, person_label

HINT = (
    "The meeting is closed. e corrects an item, t adds someone to a team, "
    "ctrl+s saves this summary as Markdown; esc leaves."
)


class SummaryPanel(VerticalScroll):
    """The summary of the closed meeting, with the keys that correct it."""

    BINDINGS = [
        Binding(
            "ctrl+s",
            "save_summary",
            "Save summary",
            id="meeting.save_summary",
            tooltip="Save the summary as a Markdown file next to the data file",
        ),
        Binding(
            "e",
            "correct_item",
            "Correct",
            id="meeting.correct_item",
            tooltip="Correct the text of an opportunity or an action area",
        ),
        Binding(
            "t",
            "add_to_team",
            "Add to team",
            id="meeting.add_to_team",
            tooltip="Add someone to an action team formed at the close",
        ),
    ]

    class Changed(Message):
        """A correction was saved: read the store again and redraw."""

    def __init__(self, partnership_id: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.partnership_id = partnership_id
        self.meeting = LaunchMeeting(partnership_id=partnership_id)
        self.snapshot: PartnershipSnapshot | None = None
        self.people: Sequence[Invitee] = ()

    def compose(self) -> ComposeResult:
        yield Static(Content(HINT), id="summary-hint")
        yield Markdown(id="summary-text")

    def show(
        self, meeting: LaunchMeeting, snapshot: PartnershipSnapshot, people: Sequence[Invitee]
    ) -> None:
        """Show the summary of the closed ``meeting``; ``people`` are those who may join a
        team."""
        self.meeting, self.snapshot, self.people = meeting, snapshot, people
        self.query_one("#summary-text", Markdown).update(summary_markdown(snapshot))

    def summary_path(self) -> Path:
        """Beside the roster file, named as the export dialog names a summary."""
        store = store_of(self)
        name = self.snapshot.partnership.name if self.snapshot else "partnership"
        return store.path.with_name(default_filename("summary", name))

    def _saved(self, change: Callable[[], object]) -> bool:
        """Make one change through ``screens.common.context.save``; whether it was saved."""

        def wrapped() -> bool:
            change()
            return True

        def problem(text: str) -> None:
            self.post_message(NotSaved(text))

        return save(self, wrapped, None, on_error=problem) is not None

    def _changed_if(self, changed: bool | None) -> None:
        """A form closed: it saved the change itself."""
        if changed:
            self.post_message(self.Changed())

    # ------------------------------------------------------------------ keys

    def action_save_summary(self) -> None:
        if self.snapshot is None:
            return
        path = self.summary_path()
        store = store_of(self)
        snapshot, today, roster = self.snapshot, store.today(), store.path
        # a file written, no record changed: nothing to redraw
        if self._saved(lambda: export_to("summary", snapshot, path, roster=roster, today=today)):
            self.notify(f"Summary saved to {visible(str(path))}", markup=False)

    def action_correct_item(self) -> None:
        """Pick an opportunity or an action area of the closed meeting and correct it."""
        items = [(o.id, "Opportunity", o.text) for o in self.meeting.opportunities]
        items += [(a.id, "Action area", a.title) for a in self.meeting.action_areas]
        if not items:
            self.notify("Nothing was captured at this meeting.", markup=False)
            return
        texts = {item_id: (kind, text) for item_id, kind, text in items}
        choices: list[Choice] = [
            (Content.assemble((f"{kind}: ", "dim"), text), str(item_id), text)
            for item_id, kind, text in items
        ]

        def picked(choice: str | None) -> None:
            if choice is not None:
                kind, text = texts[int(choice)]
                form = CorrectItemForm(self.partnership_id, int(choice), kind, text)
                self.app.push_screen(form, self._changed_if)

        self.app.push_screen(
            ChoiceScreen("Correct which item?", "Its text changes everywhere.", choices), picked
        )

    def action_add_to_team(self) -> None:
        """Add someone to a team formed at the close (as if they had committed)."""
        teams = formed_teams(store_of(self), self.partnership_id)
        if not teams:
            self.notify("No action team was formed at this meeting.", markup=False)
            return
        team_choices: list[Choice] = [(Content(t.name), str(t.id), t.name) for t in teams]

        def team_picked(team: str | None) -> None:
            if team is not None:
                self._pick_member(int(team))

        self.app.push_screen(
            ChoiceScreen(
                "Add someone to which team?", "The teams formed at the close.", team_choices
            ),
            team_picked,
        )

    def _pick_member(self, team_id: int) -> None:
        snapshot = self.snapshot
        if snapshot is None:
            return
        store = store_of(self)
        arrived = {c.person_id for c in self.meeting.checkins}
        people = sorted(self.people, key=lambda p: p.person_id not in arrived)
        choices: list[Choice] = [
            (person_label(snapshot, p.person_id), str(p.person_id), f"{p.name}\n{p.organization}")
            for p in people
        ]

        def picked(person: str | None) -> None:
            if person is None:
                return
            person_id = int(person)
            if self._saved(lambda: add_to_team(store, self.partnership_id, team_id, person_id)):
                self.post_message(self.Changed())
                team = store.team(team_id).name
                self.notify(f"{snapshot.person_name(person_id)} joined {team}", markup=False)

        self.app.push_screen(
            ChoiceScreen(
                "Who joins the team?", "People at the meeting first; type to narrow.", choices
            ),
            picked,
        )
