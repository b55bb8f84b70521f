"""The pieces of the meeting screen: phase bar, counters, check-in search and item lists.

Every user string (names, companies, captured items) is built into ``Content`` from plain
text, so names like ``Bob [/]`` show literally.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from nextgen_tui.meeting.agenda import PHASES, clock_text, timing
from nextgen_tui.meeting.counters import Counters
from nextgen_tui.models import ActionArea, Commitment, LaunchMeeting, MeetingPhase, Opportunity
from nextgen_tui.models.snapshot import PartnershipSnapshot
from screens.common.statics import set_text


def fill(option_list: OptionList, options: Iterable[Option], keep: str | None = None) -> None:
    """Replace a list's options, keeping the highlight on ``keep`` (an option id) or near it."""
    previous = option_list.highlighted
    option_list.set_options(options)
    if not option_list.option_count:
        return
    if keep is not None:
        for index, option in enumerate(option_list.options):
            if option.id == keep:
                option_list.highlighted = index
                return
    option_list.highlighted = min(previous or 0, option_list.option_count - 1)


def highlighted_id(option_list: OptionList, prefix: str) -> int | None:
    """The record id of the highlighted option (ids look like ``p12``), or ``None``."""
    option = option_list.highlighted_option
    if option is None or option.id is None or not option.id.startswith(prefix):
        return None
    return int(option.id[len(prefix) :])


# --------------------------------------------------------------------------- phase bar

SHORT_LABELS: dict[MeetingPhase, str] = {
    MeetingPhase.WELCOME: "Welcome",
    MeetingPhase.INTRODUCTIONS: "Intros",
    MeetingPhase.OPPORTUNITIES: "1 Opportunities",
    MeetingPhase.ACTION_AREAS: "2 Action areas",
    MeetingPhase.COMMITMENTS: "3 Commitments",
    MeetingPhase.CLOSE: "Close",
}


class NotSaved(Message):
    """A panel of the meeting (capture, summary) could not save a change: ``text`` says why,
    in plain English, and the screen shows it under the lists."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class PhaseBar(Vertical):
    """The current phase, prominent, with its timer and the agenda.

    The agenda comes twice: with each part's minutes (wide screens) and without them (below
    140 columns, where it would not fit beside the rest); the screen's CSS shows one.
    """

    DEFAULT_CSS = """
    PhaseBar { height: auto; padding: 0 1; background: $boost; }
    PhaseBar Static { height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    PhaseBar #phase-label { text-style: bold; color: $accent; }
    PhaseBar #phase-purpose { color: $text; }
    PhaseBar #phase-timer.-over { color: $error; text-style: bold; }
    PhaseBar .agenda { color: $text-muted; }
    PhaseBar #phase-agenda-short { display: none; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="phase-label")
        yield Static(id="phase-purpose", markup=False)
        yield Static(id="phase-timer")
        yield Static(id="phase-agenda", classes="agenda")
        yield Static(id="phase-agenda-short", classes="agenda")

    def show_phase(self, meeting: LaunchMeeting, partnership: str, purpose: str = "") -> None:
        """Update the label, the part's purpose and speaker, and the agenda."""
        purpose_line = self.query_one("#phase-purpose", Static)
        purpose_line.update(Content(purpose))
        purpose_line.display = bool(purpose)
        label = "Not started" if meeting.phase is None else f"Now: {meeting.phase.label}"
        if meeting.held:
            label = "Closed"
        self.query_one("#phase-label", Static).update(
            Content.assemble(label, (f" · launch of {partnership}", "not bold $text-muted"))
        )
        for widget_id, minutes in (("phase-agenda", True), ("phase-agenda-short", False)):
            parts: list[str | tuple[str, str]] = []
            for index, phase in enumerate(PHASES):
                if index:
                    parts.append(" → ")
                text = SHORT_LABELS[phase]
                if minutes:
                    text += f" {meeting.phase_minutes.get(phase, 0)}m"
                parts.append((text, "bold reverse") if phase is meeting.phase else text)
            self.query_one(f"#{widget_id}", Static).update(Content.assemble(*parts))

    def show_time(self, meeting: LaunchMeeting, now: datetime) -> None:
        """Update the timer only (called every second)."""
        timer = self.query_one("#phase-timer", Static)
        clock = timing(meeting, now)
        if clock is None or meeting.held:
            set_text(
                timer,
                Content(
                    "Check-in is open. F8 starts the meeting; F5 sets the times and dots."
                    if not meeting.held
                    else "The meeting is closed."
                ),
                layout=False,
            )
            timer.remove_class("-over")
            return
        budget = clock_text(clock.budget)
        left = (
            f"{clock_text(clock.remaining)} over its {budget}"
            if clock.over
            else f"{clock_text(clock.remaining)} left of {budget}"
        )
        set_text(
            timer,
            Content(
                f"{clock_text(clock.elapsed)} in this part · {left} · meeting "
                f"{clock_text(clock.meeting_elapsed)} of {clock_text(clock.planned)}"
            ),
            layout=False,  # one line (see the CSS): the size never changes
        )
        timer.set_class(clock.over, "-over")


# --------------------------------------------------------------------------- counters


class CountersPanel(Vertical):
    """The live counters: present, companies vs target, industry vs public, champions."""

    DEFAULT_CSS = """
    CountersPanel { width: 30; height: 1fr; padding: 0 1; border-left: vkey $primary; }
    CountersPanel .panel-title { text-style: bold; }
    CountersPanel .count { height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    CountersPanel #count-companies.-low, CountersPanel #count-companies.-high { color: $warning; }
    CountersPanel #count-companies.-ok { color: $success; }
    CountersPanel #count-warning {
        display: none; background: $error; color: $text; text-style: bold; padding: 0 1;
        margin: 1 0;
    }
    CountersPanel #count-warning.-shown { display: block; }
    """

    def compose(self) -> ComposeResult:
        yield Static(Content("In the room"), classes="panel-title")
        for name in ("present", "companies", "balance"):
            yield Static(id=f"count-{name}", classes="count")
        # right under the balance it is about; a whole row of the narrow grid (meeting.tcss)
        yield Static(id="count-warning")
        for name in ("champions", "introduced"):
            yield Static(id=f"count-{name}", classes="count")

    def show(self, count: Counters) -> None:
        def put(name: str, text: str) -> Static:
            widget = self.query_one(f"#count-{name}", Static)
            # each line is one row high; the warning may wrap, but only matters shown
            # (showing it lays the screen out anyway)
            set_text(widget, Content(text), layout=name == "warning" and count.outnumbered)
            return widget

        put("present", f"Present: {count.present} of {count.expected}")
        companies = put("companies", f"Companies: {count.companies} of {count.companies_target}")
        for status in ("low", "ok", "high"):
            companies.set_class(count.companies_status == status, f"-{status}")
        put("balance", f"Industry {count.industry} · Public {count.non_industry}")
        put("champions", f"Champions: {count.champions}")
        put("introduced", f"Introduced: {count.introduced} of {count.industry}")
        warning = put(
            "warning",
            f"⚠ OUTNUMBERED: public {count.non_industry} vs industry {count.industry}; "
            "industry must lead the table.",
        )
        warning.set_class(count.outnumbered, "-shown")


# --------------------------------------------------------------------------- items and people


def person_label(snapshot: PartnershipSnapshot, person_id: int) -> Content:
    """``Name — Organization``, as the pickers show a person (plain text, never markup)."""
    name = snapshot.person_name(person_id)
    org = snapshot.organization_of(person_id)
    return Content(f"{name} — {org.name}" if org else name)


def opportunity_option(item: Opportunity, said_by: str) -> Option:
    """``Robots are coming — Avery Anders`` (who said it, when known)."""
    said = (f" — {said_by}", "dim") if item.person_id else ""
    return Option(Content.assemble(item.text, said), id=f"o{item.id}")


def area_option(number: int, area: ActionArea, committed: int) -> Option:
    """``2.   17 ● Skills pipeline  (3 committed)``: its number is how dots name it."""
    return Option(
        Content.assemble(
            (f"{number}.", "dim"),
            (f"{area.vote_count:>4} ● ", "bold"),
            area.title,
            (f"  ({committed} committed)", "dim"),
        ),
        id=f"a{area.id}",
    )


def commitment_option(item: Commitment, name: str, area: str) -> Option:
    """``Avery Anders → Skills pipeline: two apprentices``."""
    return Option(
        Content.assemble(
            (name, "bold"), " → ", area, (f": {item.note}" if item.note else "", "dim")
        ),
        id=f"c{item.id}",
    )


class CaptureList(OptionList):
    """A list of captured items whose keys act on its highlighted item: each key posts
    :class:`CaptureList.Act`, which the capture panel (:mod:`screens.meeting.capture`)
    carries out (it asks what it must ask and saves)."""

    class Act(Message):
        """The key whose action is ``action`` was pressed in ``capture_list``."""

        def __init__(self, capture_list: CaptureList, action: str) -> None:
            super().__init__()
            self.capture_list = capture_list
            self.action = action

        @property
        def control(self) -> CaptureList:
            return self.capture_list

    def action_act(self, action: str) -> None:
        self.post_message(self.Act(self, action))


class OpportunityList(CaptureList):
    BINDINGS = [
        Binding(
            "e",
            "act('edit_opportunity')",
            "Edit",
            tooltip="Edit the text or who said it",
            id="meeting.edit_opportunity",
        ),
        Binding(
            "delete",
            "act('remove_opportunity')",
            "Remove",
            tooltip="Remove the highlighted opportunity",
            id="meeting.remove_opportunity",
        ),
    ]


class AreaList(CaptureList):
    """Action areas with their dots: + / - vote for the picked person (or anonymously)."""

    BINDINGS = [
        Binding(
            "plus,equals_sign",
            "act('vote_add')",
            "Dot",
            tooltip="Add a dot for the picked person (anonymous when nobody is picked)",
            id="meeting.vote_add",
        ),
        Binding(
            "minus",
            "act('vote_remove')",
            "Take back",
            tooltip="Take a dot back",
            id="meeting.vote_remove",
        ),
        Binding(
            "c",
            "act('commit')",
            "Commit",
            tooltip="The picked person commits to the highlighted area (with the note typed)",
            id="meeting.commit",
        ),
        Binding(
            "e",
            "act('rename_area')",
            "Rename",
            tooltip="Rename the highlighted area",
            id="meeting.rename_area",
            show=False,
        ),
        Binding(
            "m",
            "act('merge_area')",
            "Merge",
            tooltip="Merge this area into another one",
            id="meeting.merge_area",
            show=False,
        ),
        Binding(
            "delete",
            "act('remove_area')",
            "Remove",
            tooltip="Remove the area with its dots and commitments",
            id="meeting.remove_area",
            show=False,
        ),
    ]


class CommitmentList(CaptureList):
    BINDINGS = [
        Binding(
            "e",
            "act('edit_commitment')",
            "Edit",
            tooltip="Change the area or the note",
            id="meeting.edit_commitment",
        ),
        Binding(
            "delete",
            "act('remove_commitment')",
            "Remove",
            tooltip="Remove the highlighted commitment",
            id="meeting.remove_commitment",
        ),
    ]
