"""Capture on the meeting screen: opportunities, action areas with dots, commitments.

:class:`CapturePanel` is the middle of the live meeting: its three parts, their quick
entry boxes and lists. Quick entry boxes add an item with enter; the lists edit, merge and
remove with one key (their keys are theirs: :mod:`screens.meeting.widgets`). The panel
saves each entry through the core and posts :class:`CapturePanel.Changed`; the screen
then reads the store again and redraws (and :class:`~.widgets.NotSaved` when something
could not be saved: the screen shows it under the lists).

The "picked" person (F3 on the screen, handed to :meth:`CapturePanel.show_picked`) is
who an opportunity is attributed to, whose dots are placed, and who commits: for one item
only, then nobody is picked again (their dots placed one by one with ``+`` in the list
count as one item: the pick stays until the next item or part). The dots box takes an
anonymous tally for the highlighted area (nobody picked) or the picked person's dots as
area numbers.

The boxes empty themselves the moment enter is pressed (keys pasted in a burst must not
join two entries, see :class:`~screens.meeting.inputs.OrderedInput`); an entry that could
not be saved goes back in its box. After its own change the panel reads the meeting
again at once, so the next entry of a burst sees it before the screen has redrawn.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static

from nextgen_tui.meeting.capture import (
    ANONYMOUS,
    add_area,
    add_commitment,
    add_opportunity,
    merge_areas,
    remove_area,
    remove_commitment,
    remove_opportunity,
    vote,
    votes_used,
)
from nextgen_tui.meeting.checkin import Invitee
from nextgen_tui.meeting.dots import parse_area_numbers, parse_tally, place_dots, set_tally
from nextgen_tui.models import ActionArea, Commitment, LaunchMeeting, MeetingPhase
from nextgen_tui.models.snapshot import PartnershipSnapshot
from screens.common.confirm import ConfirmScreen
from screens.common.context import save, store_of
from screens.common.statics import set_text
from screens.meeting.forms import AreaForm, CommitmentForm, OpportunityForm
from screens.meeting.inputs import AreaInput, CaptureInput, entered_target, settle, take
from screens.meeting.pickers import MergeScreen, dots
from screens.meeting.widgets import (
    AreaList,
    CaptureList,
    CommitmentList,
    NotSaved,
    OpportunityList,
    area_option,
    commitment_option,
    fill,
    highlighted_id,
    opportunity_option,
)

#: The capture sections each part works in (shown larger); commitments pick from the areas.
PHASE_SECTIONS: dict[MeetingPhase, tuple[str, ...]] = {
    MeetingPhase.OPPORTUNITIES: ("section-opportunities",),
    MeetingPhase.ACTION_AREAS: ("section-areas",),
    MeetingPhase.COMMITMENTS: ("section-areas", "section-commitments"),
    MeetingPhase.CLOSE: ("section-areas",),
}
SECTIONS = ("section-opportunities", "section-areas", "section-commitments")


class CapturePanel(Vertical):
    """Parts 1-3 of the live meeting: what is entered here is saved at once."""

    class Changed(Message):
        """Something was saved: read the store again and redraw (``pick_used``: the pick
        was for that one item, nobody is picked now)."""

        def __init__(self, pick_used: bool = False) -> None:
            super().__init__()
            self.pick_used = pick_used

    def __init__(self, partnership_id: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.partnership_id = partnership_id
        self.meeting = LaunchMeeting(partnership_id=partnership_id)
        self.snapshot: PartnershipSnapshot | None = None
        self.people: Sequence[Invitee] = ()
        self.picked: int | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="section-opportunities", classes="section"):
            yield Static(id="title-opportunities", classes="section-title")
            yield CaptureInput(
                placeholder="Industry opportunity or trend; enter adds it",
                id="opportunity-entry",
                compact=True,
            )
            yield OpportunityList(id="opportunity-list")
        with Vertical(id="section-areas", classes="section"):
            yield Static(id="title-areas", classes="section-title")
            yield CaptureInput(
                placeholder="Needed action area; enter adds it",
                id="area-entry",
                compact=True,
            )
            yield AreaInput(id="dot-entry", compact=True)
            yield AreaList(id="area-list")
        with Vertical(id="section-commitments", classes="section"):
            yield Static(id="title-commitments", classes="section-title")
            yield AreaInput(
                placeholder="Note (optional); up/down: the area; enter: the "
                "picked person commits to it",
                id="commitment-note",
                compact=True,
            )
            yield CommitmentList(id="commitment-list")

    # ------------------------------------------------------------------ showing

    def show(
        self, meeting: LaunchMeeting, snapshot: PartnershipSnapshot, people: Sequence[Invitee]
    ) -> None:
        """Show the items of ``meeting`` (the part under way larger); ``people`` are those
        an opportunity can be attributed to."""
        self.meeting, self.snapshot, self.people = meeting, snapshot, people
        used = PHASE_SECTIONS.get(meeting.phase, ()) if meeting.phase else ()
        for section in SECTIONS:
            self.query_one(f"#{section}").set_class(section in used, "-current")
        said = {o.id: snapshot.person_name(o.person_id) for o in meeting.opportunities}
        opportunities = [opportunity_option(o, said[o.id]) for o in meeting.opportunities]
        fill(self.query_one(OpportunityList), opportunities, self._current_id(OpportunityList))
        committed = Counter(c.area_id for c in meeting.commitments)
        areas = [
            area_option(number, a, committed[a.id])
            for number, a in enumerate(meeting.action_areas, 1)
        ]
        fill(self.query_one(AreaList), areas, self._current_id(AreaList))
        titles = {a.id: a.title for a in meeting.action_areas}
        commitments = [
            commitment_option(c, snapshot.person_name(c.person_id), titles.get(c.area_id, "?"))
            for c in meeting.commitments
        ]
        fill(self.query_one(CommitmentList), commitments, self._current_id(CommitmentList))
        titled = {
            "opportunities": f"Part 1 · Industry opportunities ({len(meeting.opportunities)})",
            "areas": f"Part 2 · Needed action areas ({len(meeting.action_areas)}) · "
            f"{meeting.vote_limit} dots each",
            "commitments": f"Part 3 · Commitments ({len(meeting.commitments)})",
        }
        for name, title in titled.items():
            set_text(self.query_one(f"#title-{name}", Static), Content(title))

    def show_picked(self, picked: int | None, name: str = "") -> None:
        """Who the next item is for (the screen's F3); the dots box says what it takes."""
        self.picked = picked
        box = self.query_one("#dot-entry", Input)
        if picked is None:
            box.placeholder = "Anonymous dots on the highlighted area: 17, +5 or -2; enter"
        else:
            box.placeholder = f"Dots of {name}: the area numbers (1 1 3); enter"

    def _current_id(self, kind: type[OptionList]) -> str | None:
        option = self.query_one(kind).highlighted_option
        return option.id if option else None

    def name_of(self, person_id: int) -> str:
        return self.snapshot.person_name(person_id) if self.snapshot else ""

    # ------------------------------------------------------------------ saving

    def run(
        self, change: Callable[[], object], done: str | None = None, *, uses_pick: bool = False
    ) -> bool:
        """Save one change; if it was saved, the screen redraws (and when it ``uses_pick``,
        nobody is picked any more: a pick is for one item)."""

        def wrapped() -> bool:
            change()
            return True

        def problem(text: str) -> None:
            self.post_message(NotSaved(text))

        ok = save(self, wrapped, done, on_error=problem) is not None
        if ok:
            # the next entry of a burst may come before the screen has read the store
            self.meeting = store_of(self).launch(self.partnership_id)
            if uses_pick:
                self.picked = None
            self.post_message(self.Changed(pick_used=uses_pick))
        return ok

    def tell(self, text: str) -> None:
        self.post_message(NotSaved(text))

    # ------------------------------------------------------------------ entries

    @on(Input.Submitted, "#opportunity-entry")
    def _opportunity_entered(self, event: Input.Submitted) -> None:
        event.stop()
        store, text, said = store_of(self), event.value, self.picked
        saved = self.run(
            lambda: add_opportunity(store, self.partnership_id, text, said),
            uses_pick=said is not None,
        )
        settle(event.input, text, saved)

    @on(Input.Submitted, "#area-entry")
    def _area_entered(self, event: Input.Submitted) -> None:
        event.stop()
        store, title = store_of(self), event.value
        settle(event.input, title, self.run(lambda: add_area(store, self.partnership_id, title)))

    @on(Input.Submitted, "#dot-entry")
    def _dots_entered(self, event: Input.Submitted) -> None:
        """A tally of anonymous dots on the highlighted area, or the picked person's dots."""
        event.stop()
        store, typed, who = store_of(self), event.value, self.picked
        if who is not None:
            meeting = self.meeting

            def place() -> object:
                return place_dots(
                    store, self.partnership_id, who, parse_area_numbers(typed, meeting)
                )

            saved = self.run(place, uses_pick=True)
            settle(event.input, typed, saved)
            if saved:
                used = votes_used(self.meeting, who)
                self.notify(f"{self.name_of(who)}: {dots(used)} placed", timeout=2, markup=False)
            return
        area = self._area(entered_target(event.input))
        if area is None:
            settle(event.input, typed, False)
            self.tell("Highlight an action area first (up / down in this box).")
            return
        current = area.votes.get(ANONYMOUS, 0)
        saved = self.run(
            lambda: set_tally(store, self.partnership_id, area.id, parse_tally(typed, current))
        )
        settle(event.input, typed, saved)

    @on(Input.Submitted, "#commitment-note")
    def _note_entered(self, event: Input.Submitted) -> None:
        event.stop()
        area = self._area(entered_target(event.input))
        settle(event.input, event.value, self.commit(event.value, area.id if area else None))

    def commit(self, note: str, area_id: int | None = None) -> bool:
        """The picked person commits to ``area_id`` (else the highlighted area) with ``note``."""
        who = self.picked
        if who is None:
            self.tell("Pick who commits first: highlight them in the check-in list and press F3.")
            return False
        area_id = area_id or self._area_id()
        if area_id is None:
            return False
        store = store_of(self)
        if not self.run(
            lambda: add_commitment(store, self.partnership_id, who, area_id, note), uses_pick=True
        ):
            return False
        self.notify(f"{self.name_of(who)} committed", timeout=2, markup=False)
        return True

    # ------------------------------------------------------------------ the lists' keys

    def on_capture_list_act(self, message: CaptureList.Act) -> None:
        """A key of a list, on its highlighted item."""
        message.stop()
        actions: dict[str, Callable[[], None]] = {
            "vote_add": lambda: self._vote(1),
            "vote_remove": lambda: self._vote(-1),
            "commit": self._commit_with_note,
            "rename_area": self._rename_area,
            "merge_area": self._merge_area,
            "remove_area": self._remove_area,
            "edit_opportunity": self._edit_opportunity,
            "remove_opportunity": self._remove_opportunity,
            "edit_commitment": self._edit_commitment,
            "remove_commitment": self._remove_commitment,
        }
        actions[message.action]()

    def _area_id(self) -> int | None:
        area_id = highlighted_id(self.query_one(AreaList), "a")
        if area_id is None:
            self.tell("Highlight an action area in the Part 2 list first.")
        return area_id

    def _area(self, option_id: str | None = None) -> ActionArea | None:
        """The area of an option id (``a12``), else the highlighted one."""
        if option_id is not None and option_id.startswith("a"):
            area_id: int | None = int(option_id[1:])
        else:
            area_id = highlighted_id(self.query_one(AreaList), "a")
        return next((a for a in self.meeting.action_areas if a.id == area_id), None)

    def _vote(self, delta: int) -> None:
        area_id = self._area_id()
        if area_id is None:
            return
        store, who = store_of(self), self.picked or ANONYMOUS
        # the pick stays for the person's next dots: a fourth + is refused, not anonymous
        self.run(lambda: vote(store, self.partnership_id, area_id, who, delta))

    def _commit_with_note(self) -> None:
        """``c`` in the areas list: with the note typed in the note box."""
        box = self.query_one("#commitment-note", Input)
        note = box.value
        if self.commit(note):
            take(box, note)

    def _confirm(self, question: str, label: str, change: Callable[[], object]) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self.run(change, "Removed")

        self.app.push_screen(ConfirmScreen(question, confirm_label=label), answered)

    def _changed_if(self, changed: bool | None) -> None:
        """A form closed: it saved the change itself."""
        if changed:
            self.post_message(self.Changed())

    def _edit_opportunity(self) -> None:
        item_id = highlighted_id(self.query_one(OpportunityList), "o")
        item = next((o for o in self.meeting.opportunities if o.id == item_id), None)
        if item is None:
            return
        people = [
            (Content(f"{p.name} — {p.organization}" if p.organization else p.name), p.person_id)
            for p in self.people
        ]
        self.app.push_screen(OpportunityForm(self.partnership_id, item, people), self._changed_if)

    def _remove_opportunity(self) -> None:
        item_id = highlighted_id(self.query_one(OpportunityList), "o")
        item = next((o for o in self.meeting.opportunities if o.id == item_id), None)
        if item is None:
            return
        store = store_of(self)
        self._confirm(
            f"Remove the opportunity “{item.text}”?",
            "Remove",
            lambda: remove_opportunity(store, self.partnership_id, item.id),
        )

    def _rename_area(self) -> None:
        area = self._area()
        if area is not None:
            self.app.push_screen(AreaForm(self.partnership_id, area), self._changed_if)

    def _merge_area(self) -> None:
        area = self._area()
        if area is None:
            return
        others = [a for a in self.meeting.action_areas if a.id != area.id]
        if not others:
            self.tell("There is no other action area to merge into.")
            return
        store = store_of(self)

        def picked(target: int | None) -> None:
            if target is not None:
                self.run(lambda: merge_areas(store, self.partnership_id, target, area.id), "Merged")

        self.app.push_screen(MergeScreen(area, others), picked)

    def _remove_area(self) -> None:
        area = self._area()
        if area is None:
            return
        commitments = sum(1 for c in self.meeting.commitments if c.area_id == area.id)
        store = store_of(self)
        self._confirm(
            f"Remove the action area “{area.title}” with its {dots(area.vote_count)} and "
            f"{commitments} commitment{'' if commitments == 1 else 's'}?",
            "Remove",
            lambda: remove_area(store, self.partnership_id, area.id),
        )

    def _commitment(self) -> Commitment | None:
        item_id = highlighted_id(self.query_one(CommitmentList), "c")
        return next((c for c in self.meeting.commitments if c.id == item_id), None)

    def _edit_commitment(self) -> None:
        item = self._commitment()
        if item is not None:
            form = CommitmentForm(
                self.partnership_id, item, self.name_of(item.person_id), self.meeting.action_areas
            )
            self.app.push_screen(form, self._changed_if)

    def _remove_commitment(self) -> None:
        item = self._commitment()
        if item is None:
            return
        store = store_of(self)
        self._confirm(
            f"Remove the commitment of {self.name_of(item.person_id)}?",
            "Remove",
            lambda: remove_commitment(store, self.partnership_id, item.id),
        )
