"""The room view: the launch meeting as the room sees it, on a projector or in a browser.

Read-only. A thread worker asks the core's :class:`~nextgen_tui.meeting.room.RoomWatcher`
every quarter second whether the file changed, and the screen shows what it read; the
timer ticks once a second from the meeting's saved clock. When the file is missing or
unreadable (the facilitator's app restarting), the last numbers stay on screen with a
line saying so.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Digits, Static
from textual.worker import get_current_worker

from nextgen_tui.meeting.agenda import clock_text
from nextgen_tui.meeting.room import POLL_SECONDS, RoomState, RoomUpdate, RoomWatcher
from nextgen_tui.text.visible import visible
from screens.common.footer import KeyFooter
from screens.common.statics import set_text
from screens.room.widgets import Counter, areas_text, opportunities_text


class RoomScreen(Screen[None]):
    """Large, read-only, and following the file live (its CSS: ``room.tcss``, loaded by
    the app, since an app's default screen loads none of its own)."""

    #: Below 100 columns everything is packed tighter (see room.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    def __init__(self, watcher: RoomWatcher, clock: Callable[[], datetime]) -> None:
        super().__init__()
        self.watcher = watcher
        self.clock = clock
        self.state: RoomState | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="room-title")
        with Horizontal(id="phase-row"):
            with Vertical(id="phase-text"):
                yield Static(id="phase-label")
                yield Static(id="phase-detail")
            yield Digits(id="timer")
        with Horizontal(id="counters"):
            yield Counter("Present", id="count-present")
            yield Counter("Companies", id="count-companies")
            yield Counter("Industry", id="count-industry")
            yield Counter("Public", id="count-public")
            yield Counter("Champions", id="count-champions")
        with Horizontal(id="captured"):
            with Vertical(id="opportunities-box", classes="box"):
                yield Static(id="opportunities-title", classes="box-title")
                with VerticalScroll(id="opportunities-scroll", can_focus=False):
                    yield Static(id="opportunities")
            with Vertical(id="areas-box", classes="box"):
                yield Static(id="areas-title", classes="box-title")
                with VerticalScroll(id="areas-scroll", can_focus=False):
                    yield Static(id="areas")
        yield Static(id="room-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show_update(self.watcher.poll())  # the first read is shown before anything else
        self.set_interval(1, self.tick)
        self.follow_file()

    # ------------------------------------------------------------------ following the file

    @work(thread=True, exclusive=True, group="room-watch", exit_on_error=False)
    def follow_file(self) -> None:
        """Poll the file's identity in a thread; hand what changed to the screen."""
        worker = get_current_worker()
        while not worker.cancelled_event.wait(POLL_SECONDS):
            update = self.watcher.poll()
            if update is None:
                continue
            try:
                self.app.call_from_thread(self.show_update, update)
            except RuntimeError:  # the app is closing
                return

    def show_update(self, update: RoomUpdate | None) -> None:
        if update is None:
            return
        status = self.query_one("#room-status", Static)
        if update.problem is not None:
            set_text(status, Content(update.problem))
            status.add_class("-shown")
            return
        status.remove_class("-shown")
        if update.state is not None:
            self.state = update.state
            self.show_state(update.state)

    # ------------------------------------------------------------------ drawing

    def show_state(self, state: RoomState) -> None:
        set_text(
            self.query_one("#room-title", Static),
            Content.assemble("Launch of ", (visible(state.partnership), "bold")),
        )
        count = state.counters
        self.query_one("#count-present", Counter).show(count.present)
        companies = self.query_one("#count-companies", Counter)
        companies.show(count.companies, f"Companies {count.companies_target}")
        for status in ("low", "ok", "high"):
            companies.set_class(count.companies_status == status, f"-{status}")
        self.query_one("#count-industry", Counter).show(count.industry)
        public = self.query_one("#count-public", Counter)
        public.show(count.non_industry)
        public.set_class(count.outnumbered, "-outnumbered")
        self.query_one("#count-champions", Counter).show(count.champions)
        held = state.meeting.held
        set_text(
            self.query_one("#opportunities-title", Static),
            Content(f"Industry opportunities ({len(state.opportunities)})"),
        )
        set_text(self.query_one("#opportunities", Static), opportunities_text(state.opportunities))
        dots = sum(area.dots for area in state.areas)
        set_text(
            self.query_one("#areas-title", Static),
            Content(f"Needed action areas ({len(state.areas)}) · {dots} dots"),
        )
        set_text(self.query_one("#areas", Static), areas_text(state.areas, held))
        self.query_one("#opportunities-scroll", VerticalScroll).scroll_end(animate=False)
        self.tick()

    def tick(self) -> None:
        """Once a second: the part of the meeting and its clock."""
        state = self.state
        label = self.query_one("#phase-label", Static)
        detail = self.query_one("#phase-detail", Static)
        timer = self.query_one("#timer", Digits)
        meeting = state.meeting if state is not None else None
        clock = state.timing(self.clock()) if state is not None else None
        if meeting is None or clock is None:
            if meeting is None:
                words = ("Reading the file…", "")
            elif meeting.held:
                words = ("The meeting is closed", "Thank you for coming.")
            else:
                words = ("Welcome", "Check-in is open; the meeting starts soon.")
            set_text(label, Content(words[0]))
            set_text(detail, Content(words[1]))
            timer.display = False
            return
        timer.display = True
        budget = clock_text(clock.budget)
        left = clock_text(clock.remaining)
        value = f"+{left}" if clock.over else left
        if timer.value != value:
            timer.update(value)
        timer.set_class(clock.over, "-over")
        set_text(label, Content(clock.phase.label))
        where = f"over its {budget}" if clock.over else f"left of {budget}"
        set_text(
            detail,
            Content(
                f"{where} · meeting {clock_text(clock.meeting_elapsed)} "
                f"of {clock_text(clock.planned)}"
            ),
        )
