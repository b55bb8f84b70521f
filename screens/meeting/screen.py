"""The facilitator's live launch meeting: check-in, agenda, capture, close.

Everything is saved the moment it is entered (``screens.context.save`` -> the store), so a
dead battery loses nothing; opening the screen again resumes at the saved phase.

Which keys act where: the cursor is always put in a text box (at each part, after F3, F4,
ctrl+f), and in a text box every letter types; commands are F-keys and ctrl keys, which
act anywhere. Single-letter keys act only in a list the facilitator moved to themselves
(tab or a click), as its footer shows; a letter typed in the people list goes to the search.
Leaving the live meeting (escape) and quitting (q, ctrl+q) ask first.

* F8 / F7 next / previous part (priority keys that move the cursor at once, so what is
  typed right after lands in the new part's box), F2 walk-in, F3 pick the highlighted
  person for one item (who said the next opportunity, their dots, their commitment; the
  cursor goes to that box), F4 introduced (during Introductions), F5 times and dots, F6
  show everyone / not yet arrived / present, F9 close, ctrl+f find a person.
* Check-in: type to narrow the list, up/down to move, enter checks in; delete in the list
  takes a check-in back.
* Dots box (Part 2): nobody picked, a number is the anonymous tally of the highlighted area
  (17, +5, -2); with someone picked, the numbers of the areas they put their dots on (1 1 3).
  Note box (Part 3): up/down pick the area, enter commits the picked person.
* Action areas list: + / - dot, c commit, e rename, m merge, delete remove.
* F9 asks the priorities, each team's lead and a last yes, then closes (``CloseFlow`` in
  :mod:`screens.meeting.closing`). Once closed, the summary shows with its own keys: e
  corrects an item, t adds someone to a team, ctrl+s saves the summary (``SummaryPanel``
  in :mod:`screens.meeting.summary`).
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.binding import Binding
from textual.widgets import Input, OptionList

from nextgen_tui.meeting.agenda import next_phase, previous_phase
from nextgen_tui.meeting.checkin import check_in, introduced_ids, set_introduced, undo_check_in
from nextgen_tui.models import MeetingPhase
from screens.common.confirm import ConfirmScreen
from screens.common.context import store_of
from screens.meeting.closing import CloseFlow
from screens.meeting.forms import MeetingSettingsForm, WalkInForm
from screens.meeting.people import PeopleList
from screens.meeting.view import MeetingView
from screens.meeting.widgets import highlighted_id

#: Actions of the live meeting (hidden once the meeting is closed: the summary's keys are
#: its own, see screens.meeting.summary).
LIVE_ACTIONS = frozenset(
    {
        "next_phase",
        "previous_phase",
        "walk_in",
        "pick",
        "toggle_introduced",
        "settings",
        "filter_arrivals",
        "close_meeting",
        "find",
    }
)

#: Where the cursor goes after F3 picks someone, by part of the meeting: always a text box
#: where the pick is used, so what is typed next is text, never a list's one-letter key.
PICK_FOCUS: dict[MeetingPhase | None, str] = {
    MeetingPhase.OPPORTUNITIES: "#opportunity-entry",
    MeetingPhase.ACTION_AREAS: "#dot-entry",
    MeetingPhase.COMMITMENTS: "#commitment-note",
    MeetingPhase.CLOSE: "#commitment-note",
}


class MeetingScreen(MeetingView):
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
            tooltip="Pick the highlighted person for one item: the next opportunity, their "
            "dots or their commitment (again to unpick)",
        ),
        Binding(
            "f4",
            "toggle_introduced",
            "Introduced",
            id="meeting.introduced",
            priority=True,  # at once: the next name typed replaces the search
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
            "f6",
            "filter_arrivals",
            "Filter",
            show=False,
            id="meeting.filter",
            priority=True,
            tooltip="Show everyone, those not yet arrived, or those present",
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
        # priority, like the F-keys: in keys pasted in one burst, what follows a tab goes
        # into the next box (a plain binding would run after those keys were typed)
        Binding(
            "tab",
            "app.focus_next",
            "Next box",
            show=False,
            priority=True,
            id="meeting.focus_next",
            tooltip="The next box or list",
        ),
        Binding(
            "shift+tab",
            "app.focus_previous",
            "Previous box",
            show=False,
            priority=True,
            id="meeting.focus_previous",
            tooltip="The previous box or list",
        ),
        Binding(
            "escape",
            "back",
            "Back",
            show=False,
            id="meeting.back",
            tooltip="Leave the meeting screen (asks first while the meeting is live)",
        ),
    ]

    @property
    def quit_question(self) -> str | None:
        """Asked before quitting the app while the meeting is live (see commands.quit_app)."""
        if self.meeting.held:
            return None
        return (
            "Quit the app in the middle of the launch meeting? Everything is saved; "
            "the app offers to resume it when opened again."
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in LIVE_ACTIONS and self.meeting.held:
            return False
        if action == "toggle_introduced":
            return self.meeting.phase is MeetingPhase.INTRODUCTIONS
        if action in ("previous_phase", "close_meeting"):
            return self.meeting.phase is not None
        return True

    def action_back(self) -> None:
        if not self.is_active:  # a second escape while the question is open
            return
        if self.meeting.held:
            self.dismiss()
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss()

        self.app.push_screen(
            ConfirmScreen(
                "Leave the live meeting? Everything is saved; m on the Launch view or the "
                "command palette opens it again where it was.",
                confirm_label="Leave",
            ),
            answered,
        )

    def action_filter_arrivals(self) -> None:
        self.arrivals = self.arrivals.following()
        self.refresh_people()

    # ------------------------------------------------------------------ check-in

    @on(Input.Changed, "#checkin-search")
    def _search_changed(self, event: Input.Changed) -> None:
        if event.value != self.shown_query:
            self.refresh_people(query=event.value)

    @on(Input.Submitted, "#checkin-search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.check_in_highlighted()  # the search box selected its text already

    @on(OptionList.OptionSelected, "#people-list")
    def _person_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.check_in_highlighted():
            # the row now shows the tick; typing the next name replaces the search
            self.query_one("#checkin-search", Input).select_all()

    def check_in_highlighted(self) -> bool:
        person_id = highlighted_id(self.query_one(PeopleList), "p")
        if person_id is None:
            self.tell("Nobody matches. F2 adds a walk-in.")
            return False
        store = store_of(self)
        return self.run_check_in(
            lambda: check_in(store, self.partnership_id, person_id, store.clock()), person_id
        )

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
            self.tell("Highlight a person in the check-in list first.")
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
        if self.run(lambda: set_introduced(store, self.partnership_id, person_id, now_introduced)):
            # like a check-in: the next name typed replaces the search
            self.action_find()

    # ------------------------------------------------------------------ agenda

    def _move(self, step: Callable[..., object]) -> None:
        store = store_of(self)
        if self.run(lambda: step(store, self.partnership_id, store.clock())):
            self.picked = None  # a pick is for an item of the part it was made in
            self.refresh_picked()
            if self.meeting.phase is not None:
                self.notify(self.meeting.phase.label, timeout=2, markup=False)
            self.show_phase_focus()

    def action_next_phase(self) -> None:
        self._move(next_phase)

    def action_previous_phase(self) -> None:
        self._move(previous_phase)

    def action_close_meeting(self) -> None:
        if not self.meeting.action_areas:
            self.tell(
                "Capture the needed action areas first: each priority becomes an action team."
            )
        elif self.snapshot is not None:
            CloseFlow(self, self.snapshot, self.meeting, self.run).start()

    def action_settings(self) -> None:
        def saved(changed: bool | None) -> None:
            if changed:
                self.reload()

        self.app.push_screen(MeetingSettingsForm(self.meeting), saved)
