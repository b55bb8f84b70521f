"""The facilitator's live launch meeting: check-in, agenda, capture, close.

Everything is saved the moment it is entered (``screens.context.save`` -> the store), so a
dead battery loses nothing; opening the screen again resumes at the saved phase. Keys are
F-keys or keys of a focused list, so typing in a box is never taken for a command:

* F8 / F7 next / previous part (F8 starts the meeting; priority keys that move the cursor
  at once, so what is typed right after lands in the new part's box), F2 walk-in, F3 pick the
  highlighted person (for dots, commitments and who said an opportunity), F4 introduced
  (during Introductions), F5 times and dots, F9 close the meeting, ctrl+f find a person.
* Check-in: type to narrow the list, up/down to move, enter checks in; delete in the list
  takes a check-in back.
* Action areas list: + / - dot, c commit, e rename, m merge, delete remove.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from textual import on
from textual.binding import Binding
from textual.widgets import Input, OptionList

from nextgen_tui.meeting.agenda import next_phase, previous_phase
from nextgen_tui.meeting.checkin import check_in, introduced_ids, set_introduced, undo_check_in
from nextgen_tui.meeting.close import close_meeting, ranked_areas, suggested_priorities
from nextgen_tui.models import MeetingPhase
from nextgen_tui.text.visible import visible
from nextgen_tui.transfer.exports import export_to
from screens.common.confirm import ConfirmScreen
from screens.common.context import store_of
from screens.meeting.capture import MeetingCapture
from screens.meeting.forms import MeetingSettingsForm, PrioritiesScreen, WalkInForm
from screens.meeting.widgets import PeopleList, highlighted_id

#: Actions of the live meeting (hidden once the meeting is closed).
LIVE_ACTIONS = frozenset(
    {
        "next_phase",
        "previous_phase",
        "walk_in",
        "pick",
        "toggle_introduced",
        "settings",
        "close_meeting",
        "find",
    }
)


#: Where the cursor goes after F3 picks someone, by part of the meeting.
PICK_FOCUS: dict[MeetingPhase | None, str] = {
    MeetingPhase.OPPORTUNITIES: "#opportunity-entry",
    MeetingPhase.ACTION_AREAS: "#area-list",
    MeetingPhase.COMMITMENTS: "#area-list",
}


class MeetingScreen(MeetingCapture):
    """The live launch meeting of one partnership."""

    CSS_PATH = "meeting.tcss"

    BINDINGS = [
        Binding(
            "f8",
            "next_phase",
            "Next",
            id="meeting.next_phase",
            priority=True,
            tooltip="Go to the next part of the agenda (starts the meeting)",
        ),
        Binding(
            "f7",
            "previous_phase",
            "Prev",
            id="meeting.previous_phase",
            priority=True,
            tooltip="Back to the previous part of the agenda",
        ),
        Binding(
            "f2",
            "walk_in",
            "Walk-in",
            id="meeting.walk_in",
            tooltip="Add someone who is not on the list and check them in",
        ),
        Binding(
            "f3",
            "pick",
            "Pick",
            id="meeting.pick",
            priority=True,
            tooltip="Pick the highlighted person for dots, commitments and opportunities "
            "(again to unpick)",
        ),
        Binding(
            "f4",
            "toggle_introduced",
            "Introduced",
            id="meeting.introduced",
            tooltip="Tick (or untick) that the highlighted person introduced themselves",
        ),
        Binding(
            "f5",
            "settings",
            "Times & dots",
            show=False,
            id="meeting.settings",
            tooltip="Minutes for each part of the meeting and dots per person",
        ),
        Binding(
            "f9",
            "close_meeting",
            "Close",
            id="meeting.close",
            tooltip="Pick the priorities and form the action teams",
        ),
        Binding(
            "ctrl+f",
            "find",
            "Find",
            show=False,
            id="meeting.find",
            priority=True,
            tooltip="Find a person to check in",
        ),
        Binding(
            "ctrl+s",
            "save_summary",
            "Save summary",
            id="meeting.save_summary",
            tooltip="Save the summary as a Markdown file next to the data file",
        ),
        Binding(
            "escape",
            "back",
            "Back",
            show=False,
            id="meeting.back",
            tooltip="Leave the meeting screen (everything is already saved)",
        ),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        held = self.meeting.held
        if action == "save_summary":
            return held
        if action in LIVE_ACTIONS and held:
            return False
        if action == "toggle_introduced":
            return self.meeting.phase is MeetingPhase.INTRODUCTIONS
        if action in ("previous_phase", "close_meeting"):
            return self.meeting.phase is not None
        return True

    def action_back(self) -> None:
        self.dismiss()

    # ------------------------------------------------------------------ check-in

    @on(Input.Changed, "#checkin-search")
    def _search_changed(self, event: Input.Changed) -> None:
        if event.value != self.shown_query:
            self.refresh_people()

    @on(Input.Submitted, "#checkin-search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.check_in_highlighted()

    @on(OptionList.OptionSelected, "#people-list")
    def _person_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.check_in_highlighted()

    def check_in_highlighted(self) -> None:
        person_id = highlighted_id(self.query_one(PeopleList), "p")
        if person_id is None:
            self.notify("Nobody matches. F2 adds a walk-in.", markup=False)
            return
        store = store_of(self)
        if self.run_check_in(
            lambda: check_in(store, self.partnership_id, person_id, store.clock()), person_id
        ):
            # the row now shows the tick; typing the next name replaces the search
            self.query_one("#checkin-search", Input).select_all()

    def action_undo_check_in(self) -> None:
        person_id = highlighted_id(self.query_one(PeopleList), "p")
        if person_id is None:
            return
        store = store_of(self)

        def answered(yes: bool | None) -> None:
            if yes:
                self.run(lambda: undo_check_in(store, self.partnership_id, person_id), "Undone")

        self.app.push_screen(
            ConfirmScreen(f"Take back the check-in of {self.name_of(person_id)}?"), answered
        )

    def action_walk_in(self) -> None:
        def added(person_id: int | None) -> None:
            if person_id is not None:
                self.query_one("#checkin-search", Input).value = ""
                self.reload()
                self.refresh_people(keep=f"p{person_id}")
                self.notify(f"Walk-in {self.name_of(person_id)} checked in", markup=False)

        self.app.push_screen(WalkInForm(self.partnership_id), added)

    def action_find(self) -> None:
        search = self.query_one("#checkin-search", Input)
        self.set_focus(search)  # at once: the name typed next goes into the box
        search.select_all()

    def action_pick(self) -> None:
        person_id = highlighted_id(self.query_one(PeopleList), "p")
        if person_id is None:
            self.notify("Highlight a person in the check-in list first.", markup=False)
            return
        self.picked = None if person_id == self.picked else person_id
        self.refresh_picked()
        # back to where the picked person is used in this part: the next opportunity typed,
        # or the action areas (+ places their dot, c commits them)
        target = PICK_FOCUS.get(self.meeting.phase)
        if target is not None:
            self.set_focus(self.query_one(target))

    def action_toggle_introduced(self) -> None:
        person_id = highlighted_id(self.query_one(PeopleList), "p")
        if person_id is None or self.snapshot is None:
            return
        now_introduced = person_id not in introduced_ids(self.snapshot)
        store = store_of(self)
        self.run(lambda: set_introduced(store, self.partnership_id, person_id, now_introduced))

    # ------------------------------------------------------------------ agenda

    def _move(self, step: Callable[..., object]) -> None:
        store = store_of(self)
        if self.run(lambda: step(store, self.partnership_id, store.clock())):
            if self.meeting.phase is not None:
                self.notify(self.meeting.phase.label, timeout=2, markup=False)
            self.show_phase_focus()

    def action_next_phase(self) -> None:
        self._move(next_phase)

    def action_previous_phase(self) -> None:
        self._move(previous_phase)

    def action_settings(self) -> None:
        def saved(changed: bool | None) -> None:
            if changed:
                self.reload()

        self.app.push_screen(MeetingSettingsForm(self.meeting), saved)

    # ------------------------------------------------------------------ close

    def action_close_meeting(self) -> None:
        if not self.meeting.action_areas:
            self.notify(
                "Capture the needed action areas first: each priority becomes an action team.",
                markup=False,
            )
            return
        store = store_of(self)

        def chosen(ids: list[int] | None) -> None:
            if not ids:
                return
            titles = "; ".join(a.title for a in self.meeting.action_areas if a.id in ids)
            teams = "1 action team" if len(ids) == 1 else f"{len(ids)} action teams"
            question = (
                f"Close the meeting and form {teams} ({titles})? The launch is marked held "
                "and attendance is recorded."
            )

            def confirmed(yes: bool | None) -> None:
                if yes and self.run(
                    lambda: close_meeting(store, self.partnership_id, ids, store.today())
                ):
                    self.notify(f"Meeting closed: {teams} formed.", markup=False)

            self.app.push_screen(ConfirmScreen(question, confirm_label="Close meeting"), confirmed)

        self.app.push_screen(
            PrioritiesScreen(
                ranked_areas(self.meeting),
                suggested_priorities(self.meeting),
                Counter(c.area_id for c in self.meeting.commitments),
            ),
            chosen,
        )

    def action_save_summary(self) -> None:
        if self.snapshot is None:
            return
        path = self.summary_path()
        store = store_of(self)
        snapshot, today, roster = self.snapshot, store.today(), store.path
        if self.run(lambda: export_to("summary", snapshot, path, roster=roster, today=today)):
            self.notify(f"Summary saved to {visible(str(path))}", markup=False)
