"""The roster side of a stage view: adding, editing and ending roles, convenings, and going
from a gap to the place that fixes it.

A mixin of :class:`screens.stage.PartnershipScreen` (kept apart to keep modules small): it
uses the screen's snapshot, lists and ``reload``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nextgen_tui.gaps.catalogue import Gap
from nextgen_tui.lifecycle.rosters import RosterGroup, groups_for
from nextgen_tui.models import ROLE_LABELS, RoleKind, Stage
from nextgen_tui.models.snapshot import PartnershipSnapshot
from screens.common.confirm import ConfirmScreen
from screens.common.context import read_only, save, store_of
from screens.stage import editors as editors
from screens.stage.fix import fix_target
from screens.stage.widgets import CONVENINGS_KEY, GapList, RosterList

if TYPE_CHECKING:
    from textual.screen import Screen

    _Base = Screen[None]
else:
    _Base = object  # a plain mixin: Textual takes CSS from the first DOMNode base


class RosterActions(_Base):
    """Roster and gap actions of the stage view."""

    partnership_id: int
    snapshot: PartnershipSnapshot | None
    view_stage: Stage | None
    gaps: list[Gap]

    @property
    def roster(self) -> RosterList:
        return self.query_one(RosterList)

    @property
    def gap_list(self) -> GapList:
        return self.query_one(GapList)

    def reload(self) -> None:
        raise NotImplementedError

    def show_stage(self, stage: Stage) -> None:
        raise NotImplementedError

    def action_convening(self) -> None:
        raise NotImplementedError

    def _after(self, _result: object = None) -> None:
        raise NotImplementedError

    def focus_group(self, role: RoleKind | None, person_id: int | None) -> None:
        """Select the roster group of ``role`` (on ``person_id`` when listed), switching stage
        view if that group lives in another stage."""
        if self.snapshot is None or role is None:
            self.roster.focus()
            return
        assert self.view_stage is not None
        order = [self.view_stage, *(s for s in Stage if s is not self.view_stage)]
        fallback: tuple[Stage, RosterGroup] | None = None
        for stage in order:
            for group in groups_for(self.snapshot, stage):
                if group.role is not role:
                    continue
                if person_id is None or any(m.person_id == person_id for m in group.members):
                    self._select(stage, group, person_id)
                    return
                fallback = fallback or (stage, group)
        if fallback is not None:
            self._select(fallback[0], fallback[1], None)
        else:
            self.roster.focus()

    def _select(self, stage: Stage, group: RosterGroup, person_id: int | None) -> None:
        if stage is not self.view_stage:
            self.show_stage(stage)
        roster = self.roster
        if not roster.highlight_group(group.key, person_id):
            roster.highlight_group(group.key)
        roster.focus()

    # ------------------------------------------------------------------ roster actions

    def action_add_member(self) -> None:
        entry = self.roster.current
        if entry is not None and entry.group.key == CONVENINGS_KEY:
            self.action_convening()
            return
        if entry is None or entry.group.role is None:
            return
        group = entry.group
        role = group.role
        assert role is not None
        store = store_of(self)
        pid = self.partnership_id

        def picked(person_id: int | None) -> None:
            if not person_id:
                return
            name = store.person(person_id).name
            assignment = save(
                self,
                lambda: store.assign(pid, person_id, role, team_id=group.team_id),
                done=f"Added {name} to {group.label}.",
            )
            self.reload()
            if assignment is None:
                return
            self.roster.highlight_group(group.key, person_id)
            if role is RoleKind.CHAMPION:
                editors.edit_role(self, assignment, self._after)

        exclude = {member.person_id for member in group.members}
        editors.pick_person(self, f"Add to {group.label}", exclude, picked, group.label)

    def action_edit_member(self) -> None:
        entry = self.roster.current
        if entry is None:
            return
        if entry.role is not None:
            editors.edit_role(self, entry.role, self._after)
        elif entry.convening is not None:
            editors.convening(self, self.partnership_id, entry.convening.id, self._after)
        elif entry.group.team_id is not None:
            editors.team(self, self.partnership_id, entry.group.team_id, self._after)

    def action_end_role(self) -> None:
        entry = self.roster.current
        if entry is not None and entry.convening is not None:
            self._delete_convening(entry.convening.id, entry.convening.on.isoformat())
            return
        if entry is None or entry.role is None:
            return
        assignment = entry.role
        store = store_of(self)
        name = store.person(assignment.person_id).name
        label = ROLE_LABELS[assignment.role].lower()

        def answered(yes: bool | None) -> None:
            if yes:
                save(
                    self,
                    lambda: store.end_role(assignment.id),
                    done=f"Ended {name}'s role as {label}.",
                )
                self.reload()

        question = f"End {name}'s role as {label}? It stays in their history."
        self.app.push_screen(ConfirmScreen(question, confirm_label="End role"), answered)

    def _delete_convening(self, convening_id: int, day: str) -> None:
        store = store_of(self)

        def answered(yes: bool | None) -> None:
            if yes:
                done = f"Deleted the convening of {day}. ctrl+z brings it back."
                save(self, lambda: store.delete_convening(convening_id), done=done)
                self.reload()

        question = f"Delete the convening of {day} and its attendance?"
        self.app.push_screen(ConfirmScreen(question, confirm_label="Delete"), answered)

    # ------------------------------------------------------------------ gaps

    def action_fix_gap(self) -> None:
        gap = self.gap_list.current
        if gap is None:
            return
        target = fix_target(gap)
        pid = self.partnership_id
        opened = False
        if read_only(self):  # no forms: just go to the place
            pass
        elif target.form == "champion" and self.snapshot is not None:
            for assignment in self.snapshot.holders(RoleKind.CHAMPION):
                if assignment.person_id == target.person_id:
                    opened = editors.edit_role(self, assignment, self._after)
                    break
        elif target.form == "organization" and target.organization_id is not None:
            opened = editors.organization(self, target.organization_id, self._after)
        elif target.form is not None:
            opened = editors.open_form(self, target.form, pid, target.team_id, self._after)
        if not opened:
            self.focus_group(target.role, target.person_id)
