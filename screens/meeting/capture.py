"""Capture on the meeting screen: opportunities, action areas with dots, commitments.

Quick entry boxes add an item with enter; the lists edit, merge and remove with one key
(see the bindings in :mod:`screens.meeting.widgets`). The "picked" person (F3) is who an
opportunity is attributed to, whose dots are placed, and who commits: for one item only,
then nobody is picked again (their dots placed one by one with ``+`` in the list count as
one item: the pick stays until the next item or part). The dots box takes an anonymous
tally for the highlighted area (nobody picked) or the picked person's dots as area numbers.

The boxes empty themselves the moment enter is pressed (keys pasted in a burst must not
join two entries, see :class:`~screens.meeting.widgets.OrderedInput`); an entry that could
not be saved goes back in its box.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.content import Content
from textual.widgets import Input

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
from nextgen_tui.meeting.dots import parse_area_numbers, parse_tally, place_dots, set_tally
from nextgen_tui.models import ActionArea, Commitment
from screens.common.confirm import ConfirmScreen
from screens.common.context import store_of
from screens.meeting.forms import AreaForm, CommitmentForm, OpportunityForm
from screens.meeting.inputs import entered_target, settle, take
from screens.meeting.pickers import MergeScreen, dots
from screens.meeting.view import MeetingView
from screens.meeting.widgets import AreaList, CommitmentList, OpportunityList, highlighted_id


class MeetingCapture(MeetingView):
    """The capture actions of the meeting screen (keys: :class:`screens.meeting.MeetingScreen`)."""

    # ------------------------------------------------------------------ capture

    def unpick(self) -> None:
        """The pick was used (it applies to one item): nobody is picked now."""
        self.picked = None
        self.refresh_picked()

    @on(Input.Submitted, "#opportunity-entry")
    def _opportunity_entered(self, event: Input.Submitted) -> None:
        event.stop()
        store, text, said = store_of(self), event.value, self.picked
        saved = self.run(lambda: add_opportunity(store, self.partnership_id, text, said))
        settle(event.input, text, saved)
        if saved and said is not None:
            self.unpick()

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

            saved = self.run(place)
            settle(event.input, typed, saved)
            if saved:
                used = votes_used(self.meeting, who)
                self.notify(f"{self.name_of(who)}: {dots(used)} placed", timeout=2, markup=False)
                self.unpick()
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

    def _area_id(self) -> int | None:
        area_id = highlighted_id(self.query_one(AreaList), "a")
        if area_id is None:
            self.tell("Highlight an action area in the Part 2 list first.")
        return area_id

    def action_vote(self, delta: int) -> None:
        area_id = self._area_id()
        if area_id is None:
            return
        store, who = store_of(self), self.picked or ANONYMOUS
        # the pick stays for the person's next dots: a fourth + is refused, not anonymous
        self.run(lambda: vote(store, self.partnership_id, area_id, who, delta))

    def action_commit(self) -> None:
        """``c`` in the areas list: with the note typed in the note box."""
        box = self.query_one("#commitment-note", Input)
        note = box.value
        if self.commit(note):
            take(box, note)

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
        if not self.run(lambda: add_commitment(store, self.partnership_id, who, area_id, note)):
            return False
        self.notify(f"{self.name_of(who)} committed", timeout=2, markup=False)
        self.unpick()
        return True

    def _confirm(self, question: str, label: str, change: Callable[[], object]) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self.run(change, "Removed")

        self.app.push_screen(ConfirmScreen(question, confirm_label=label), answered)

    def _reload_if(self, changed: bool | None) -> None:
        if changed:
            self.reload()

    def action_edit_opportunity(self) -> None:
        item_id = highlighted_id(self.query_one(OpportunityList), "o")
        item = next((o for o in self.meeting.opportunities if o.id == item_id), None)
        if item is None:
            return
        people = [
            (Content(f"{p.name} — {p.organization}" if p.organization else p.name), p.person_id)
            for p in self.search.people
        ]
        self.app.push_screen(OpportunityForm(self.partnership_id, item, people), self._reload_if)

    def action_remove_opportunity(self) -> None:
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

    def _area(self, option_id: str | None = None) -> ActionArea | None:
        """The area of an option id (``a12``), else the highlighted one."""
        if option_id is not None and option_id.startswith("a"):
            area_id: int | None = int(option_id[1:])
        else:
            area_id = highlighted_id(self.query_one(AreaList), "a")
        return next((a for a in self.meeting.action_areas if a.id == area_id), None)

    def action_rename_area(self) -> None:
        area = self._area()
        if area is not None:
            self.app.push_screen(AreaForm(self.partnership_id, area), self._reload_if)

    def action_merge_area(self) -> None:
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

    def action_remove_area(self) -> None:
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

    def action_edit_commitment(self) -> None:
        item = self._commitment()
        if item is not None:
            form = CommitmentForm(
                self.partnership_id, item, self.name_of(item.person_id), self.meeting.action_areas
            )
            self.app.push_screen(form, self._reload_if)

    def action_remove_commitment(self) -> None:
        item = self._commitment()
        if item is None:
            return
        store = store_of(self)
        self._confirm(
            f"Remove the commitment of {self.name_of(item.person_id)}?",
            "Remove",
            lambda: remove_commitment(store, self.partnership_id, item.id),
        )
