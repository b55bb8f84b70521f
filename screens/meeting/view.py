"""The layout and refresh of the live meeting screen.

:class:`MeetingView` composes the panels and redraws them from the store;
:class:`screens.meeting.MeetingScreen` adds the keys and actions. Every user string reaches
the screen as ``Content`` built from plain text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Input, Static

from nextgen_tui.errors import StoreError
from nextgen_tui.meeting.arrivals import Arrivals, shown
from nextgen_tui.meeting.checkin import Invitee, InviteeSearch, introduced_ids, invitees
from nextgen_tui.meeting.counters import counters
from nextgen_tui.meeting.guidance import guidance
from nextgen_tui.models import LaunchMeeting, MeetingPhase
from nextgen_tui.models.snapshot import PartnershipSnapshot
from screens.common.breakpoints import apply_breakpoints
from screens.common.context import save, store_of
from screens.common.footer import KeyFooter
from screens.common.modal import DismissOnce
from screens.common.statics import set_text
from screens.meeting.capture import CapturePanel
from screens.meeting.inputs import SearchInput
from screens.meeting.people import PeopleList, Row
from screens.meeting.summary import SummaryPanel
from screens.meeting.widgets import (
    CountersPanel,
    NotSaved,
    PhaseBar,
)

#: Where the cursor goes when a phase begins.
PHASE_FOCUS: dict[MeetingPhase | None, str] = {
    None: "#checkin-search",
    MeetingPhase.WELCOME: "#checkin-search",
    MeetingPhase.INTRODUCTIONS: "#checkin-search",
    MeetingPhase.OPPORTUNITIES: "#opportunity-entry",
    MeetingPhase.ACTION_AREAS: "#area-entry",
    MeetingPhase.COMMITMENTS: "#commitment-note",
    MeetingPhase.CLOSE: "#commitment-note",
}
#: How long a problem stays in the message line (it also goes at the next change saved).
MESSAGE_SECONDS = 8.0


class MeetingView(DismissOnce, Screen[None]):
    """The panels of the live launch meeting of one partnership."""

    #: Below 140 columns the counters move to a strip on top (see meeting.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (140, "-wide")]

    def __init__(self, partnership_id: int) -> None:
        super().__init__()
        self.partnership_id = partnership_id
        self.snapshot: PartnershipSnapshot | None = None
        self.meeting = LaunchMeeting(partnership_id=partnership_id)
        self.search = InviteeSearch([])
        self.picked: int | None = None
        self.arrivals = Arrivals.EVERYONE
        self.shown_query = ""
        self._introduced: set[int] = set()  # of the snapshot, read once a load
        self._timer: Timer | None = None
        self._message_timer: Timer | None = None

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        apply_breakpoints(self)  # before anything is drawn
        with ContentSwitcher(initial="live", id="meeting-mode"):
            with Vertical(id="live"):
                yield PhaseBar(id="phase-bar")
                with Horizontal(id="meeting-body"):
                    with Vertical(id="checkin-panel"):
                        yield Static(Content("Check-in"), classes="panel-title")
                        yield SearchInput(
                            placeholder="Name or company; enter checks in",
                            id="checkin-search",
                            compact=True,
                            # ctrl+f selects; a letter typed in the people list must not be
                            select_on_focus=False,
                        )
                        yield Static(id="people-filter")
                        yield PeopleList(id="people-list")
                        yield Static(id="picked")
                    yield CapturePanel(self.partnership_id, id="capture-panel")
                    yield CountersPanel(id="counters")
                yield Static(id="meeting-message")
            yield SummaryPanel(self.partnership_id, id="summary")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.reload()
        # the list follows the search as the key changes it, so the typed letter and the
        # narrowed list are drawn in one frame (the Changed message comes a frame later)
        search = self.query_one("#checkin-search", Input)
        self.watch(search, "value", self._search_typed, init=False)
        self.show_phase_focus()
        if self.meeting.in_progress and self.meeting.phase is not None:
            self.notify(
                f"Resumed the meeting at {self.meeting.phase.label}.", timeout=3, markup=False
            )
        self._timer = self.set_interval(1, self.tick)

    def on_screen_resume(self) -> None:
        if self.snapshot is not None:
            self.reload()

    # ------------------------------------------------------------------ refresh

    def load(self, *, same_people: bool = False) -> bool:
        """Read the meeting and its people from the store (nothing is redrawn);
        ``same_people``: the change left the invitees as they were (a check-in of one of
        them), so the search over them is kept."""
        store = store_of(self)
        try:
            self.snapshot = store.snapshot(self.partnership_id)
        except StoreError as exc:
            self.notify(exc.message, severity="error", markup=False)
            return False
        self.meeting = self.snapshot.launch or store.launch(self.partnership_id)
        self._introduced = introduced_ids(self.snapshot)
        if not same_people:
            self.search = InviteeSearch(invitees(self.snapshot))
        return True

    def reload(self) -> None:
        """Read the store again and refresh everything shown."""
        if not self.load():
            return
        store = store_of(self)
        if self.meeting.held:
            self.show_summary()
            return
        bar = self.query_one(PhaseBar)
        snapshot = self.snapshot
        bar.show_phase(
            self.meeting,
            snapshot.partnership.name if snapshot else "",
            guidance(self.meeting, snapshot) if snapshot else "",
        )
        bar.show_time(self.meeting, store.clock())
        self.refresh_people()
        self.query_one(PeopleList).draw_ahead(self._rows(self.search.people))
        self.refresh_capture()
        self.refresh_counters()
        self.refresh_bindings()

    def _search_typed(self, value: str) -> None:
        if value != self.shown_query and self.is_mounted:
            self.refresh_people(query=value)

    def tick(self) -> None:
        """Once a second: the timer only."""
        if not self.meeting.held and self.is_mounted:
            self.query_one(PhaseBar).show_time(self.meeting, store_of(self).clock())

    def refresh_people(self, keep: str | None = None, query: str | None = None) -> None:
        """Redraw the check-in list for the search typed (``query``: as it was when typed,
        for keys that come in a burst); highlight ``keep`` (an option id), else the best
        match after typing, else whoever was highlighted."""
        if query is None:
            query = self.query_one("#checkin-search", Input).value
        self.shown_query = query
        arrived = {c.person_id: c.at for c in self.meeting.checkins}
        if self.arrivals is Arrivals.EVERYONE:
            people = self.search.search(query)
        else:  # filter all the matches, then keep the best 30 as the search does
            found = self.search.search(query, limit=len(self.search.people))
            people = shown(found, arrived, self.arrivals)
            if query.strip():
                people = people[:30]
        people_list = self.query_one(PeopleList)
        current = people_list.highlighted_option
        if keep is None and not query and current is not None:
            keep = current.id
        listed = people_list.show(self._rows(people, arrived), keep)
        if keep is None and listed:
            people_list.highlighted = 0
        set_text(  # one line high: a new count needs no new layout
            self.query_one("#people-filter", Static),
            Content(f"{self.arrivals.label.capitalize()} ({listed}) · F6"),
            layout=False,
        )
        self.refresh_picked()

    def _rows(
        self, people: Iterable[Invitee], arrived: dict[int, datetime] | None = None
    ) -> Iterator[Row]:
        """What the check-in list shows of each person: arrived (when), introduced."""
        if arrived is None:
            arrived = {c.person_id: c.at for c in self.meeting.checkins}
        introduced = self._introduced
        return ((p, arrived.get(p.person_id), p.person_id in introduced) for p in people)

    def refresh_picked(self) -> None:
        line = self.query_one("#picked", Static)
        capture = self.query_one(CapturePanel)
        if self.picked is None or self.snapshot is None:
            set_text(line, Content("Picked: nobody · F3 picks"))
            capture.show_picked(None)
            return
        name = self.snapshot.person_name(self.picked)
        capture.show_picked(self.picked, name)
        used = sum(a.votes.get(self.picked, 0) for a in self.meeting.action_areas)
        set_text(
            line,
            Content.assemble(
                "Picked: ", (name, "bold"), f" · {used} of {self.meeting.vote_limit} dots"
            ),
        )

    def refresh_capture(self) -> None:
        if self.snapshot is not None:
            self.query_one(CapturePanel).show(self.meeting, self.snapshot, self.search.people)
        self.refresh_picked()

    def name_of(self, person_id: int) -> str:
        return self.snapshot.person_name(person_id) if self.snapshot else ""

    def refresh_counters(self) -> None:
        if self.snapshot is not None:
            self.query_one(CountersPanel).show(counters(self.snapshot, self.search.people))

    def show_phase_focus(self) -> None:
        """Put the cursor where the current phase needs it."""
        if not self.meeting.held:
            # set_focus is immediate (Widget.focus waits a turn): keys typed right after
            # F8 go to the new part's box
            self.set_focus(self.query_one(PHASE_FOCUS[self.meeting.phase]))

    # ------------------------------------------------------------------ saving

    def saved(self, change: Callable[[], object], done: str | None = None) -> bool:
        """Make one change through ``screens.context.save``; whether it was saved."""

        def wrapped() -> bool:
            change()
            return True

        ok = save(self, wrapped, done, on_error=self.tell) is not None
        if ok:
            self.clear_message()
        return ok

    def tell(self, message: str) -> None:
        """Show a problem in the message line under the lists (a notification would sit
        over the commitments): it goes after a few seconds or at the next change saved."""
        if self.meeting.held:  # the summary shows: the line is not on screen
            self.notify(message, title="Not saved", severity="error", timeout=5, markup=False)
            return
        line = self.query_one("#meeting-message", Static)
        line.update(Content(message))
        line.add_class("-shown")
        if self._message_timer is not None:
            self._message_timer.stop()
        self._message_timer = self.set_timer(MESSAGE_SECONDS, self.clear_message)

    def clear_message(self) -> None:
        if self.is_mounted:
            self.query_one("#meeting-message", Static).remove_class("-shown")

    def run(self, change: Callable[[], object], done: str | None = None) -> bool:
        """Save one change and, if it worked, refresh the whole screen."""
        ok = self.saved(change, done)
        if ok:
            self.reload()
        return ok

    def on_capture_panel_changed(self, message: CapturePanel.Changed) -> None:
        """The capture panel saved an item: read the store again and redraw."""
        if message.pick_used:  # a pick is for one item
            self.picked = None
        self.clear_message()
        self.reload()

    def on_not_saved(self, message: NotSaved) -> None:
        """A panel could not save a change: say why under the lists."""
        self.tell(message.text)

    def on_summary_panel_changed(self, message: SummaryPanel.Changed) -> None:
        """A correction of the closed meeting was saved: read the store again and redraw."""
        self.reload()

    def run_check_in(self, change: Callable[[], object], person_id: int) -> bool:
        """Save a check-in and redraw only the people list (the person stays highlighted)
        and the counters: a check-in must feel instant."""
        ok = self.saved(change)
        invited = any(p.person_id == person_id for p in self.search.people)
        if ok and self.load(same_people=invited):
            # the search as handled so far: keys of a burst after enter are handled next
            self.refresh_people(keep=f"p{person_id}", query=self.shown_query)
            self.refresh_counters()
        return ok

    # ------------------------------------------------------------------ summary

    def show_summary(self) -> None:
        """The meeting is closed: its summary, with the keys that correct it, replaces the
        live panels."""
        if self.snapshot is None:
            return
        self.query_one(ContentSwitcher).current = "summary"
        panel = self.query_one(SummaryPanel)
        panel.show(self.meeting, self.snapshot, self.search.people)
        panel.focus()
        self.refresh_bindings()
