"""One partnership, stage by stage: who is at the table, what is missing, and moving on.

Keys ``1``-``4`` switch the stage view (the current stage is marked ●). The roster lists
each group of the stage with its count against the toolkit target; ``n`` adds a person to
the highlighted group, ``e``/enter edits the highlighted role, ``x`` ends it (Sustain also
lists the recorded convenings: enter edits one and its attendance). The gaps list
puts the viewed stage first (blockers first) and later stages as upcoming; enter on a gap
goes to the place to fix it. ``a`` advances the partnership, asking for a waiver reason
when blockers remain. Stage-specific keys open the stage's forms (``l`` launch meeting and
``m`` the live meeting in Launch, ``t`` action team and ``b`` debrief in Action, ``c``
convening in Sustain); ``i`` shows the toolkit's guide to the viewed stage.

The roster and the gaps own their keys (:mod:`screens.stage.widgets`) and post what the
convener chose; the screen makes the change, opens the forms and redraws. Its own keys are
in :mod:`screens.stage.keys`.

The snapshot, gaps and the four stages' groups are computed once per change (``reload``),
each stage's roster lines the first time it is shown; switching stages only swaps lists.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static

from nextgen_tui.errors import NotFoundError
from nextgen_tui.gaps.analysis import analyze
from nextgen_tui.gaps.catalogue import Gap
from nextgen_tui.lifecycle.rosters import (
    RosterGroup,
    all_groups,
    find_group,
    invitations_by_champion,
    launch_balance,
)
from nextgen_tui.models import ROLE_LABELS, Partnership, RoleKind, Stage
from nextgen_tui.models.snapshot import PartnershipSnapshot
from screens.common.breakpoints import apply_breakpoints
from screens.common.context import read_only, save, store_of
from screens.common.footer import KeyFooter
from screens.common.header import ScreenHeader
from screens.common.lazy import push_lazy
from screens.common.modal import DismissOnce
from screens.common.navigation import StageViewed, StartMeeting
from screens.stage import STYLESHEET, keys
from screens.stage import editors as editors
from screens.stage.advance import ask_to_advance
from screens.stage.fix import fix_target
from screens.stage.status import balance_line, status_line, waiver_lines
from screens.stage.widgets import (
    BuiltRoster,
    GapList,
    RosterList,
    StageBar,
    build_roster,
    convenings_group,
)


class PartnershipScreen(DismissOnce, Screen[None]):
    """The four stage views of one partnership."""

    CSS_PATH = STYLESHEET
    #: Below 100 columns the gaps go under the roster (see stage.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    BINDINGS = keys.BINDINGS

    def __init__(self, partnership_id: int, stage: Stage | None = None) -> None:
        super().__init__()
        self.partnership_id = partnership_id
        self.view_stage: Stage | None = stage
        self.snapshot: PartnershipSnapshot | None = None
        self.gaps: list[Gap] = []
        self.groups: list[RosterGroup] = []
        #: Per stage, its groups and roster lines: computed once per change (``reload``).
        self._stages: dict[Stage, list[RosterGroup]] = {}
        self._built: dict[Stage, tuple[list[RosterGroup], BuiltRoster]] = {}

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        apply_breakpoints(self)  # before its widgets: each is styled once, for this width
        yield ScreenHeader()
        yield StageBar(id="stage-bar")
        yield Static("", id="stage-status", markup=False)
        yield Static("", id="stage-waivers", markup=False)
        yield Static("", id="stage-balance", markup=False)
        with Horizontal(id="stage-body"):
            with Vertical(id="roster-pane", classes="pane"):
                yield Static(Content("Who's at the table"), classes="pane-title")
                yield RosterList(id="roster")
            with Vertical(id="gaps-pane", classes="pane"):
                yield Static(Content("What's missing"), classes="pane-title")
                yield GapList(id="gaps")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.reload()
        if self.live:  # not closed before it mounted (its widgets would be gone)
            self.query_one(RosterList).focus()

    def on_screen_resume(self) -> None:
        self.reload()

    @property
    def partnership(self) -> Partnership:
        assert self.snapshot is not None
        return self.snapshot.partnership

    # ------------------------------------------------------------------ data

    @property
    def live(self) -> bool:
        """Mounted and still open: a callback may arrive after the screen was closed."""
        return self.is_mounted and self in self.app.screen_stack

    def reload(self) -> None:
        """Re-read the partnership and recompute its gaps, then redraw the viewed stage."""
        if not self.live:
            return
        store = store_of(self)
        try:
            snapshot = store.snapshot(self.partnership_id)
        except NotFoundError:
            self.notify("That partnership no longer exists.", severity="warning", markup=False)
            self.dismiss()  # only if on top (DismissOnce)
            return
        self.snapshot = snapshot
        self.gaps = analyze(snapshot, store.today())
        self._stages = all_groups(snapshot)
        self._built.clear()
        self.title = snapshot.partnership.name
        if self.view_stage is None:
            self.view_stage = snapshot.partnership.stage
        self.show_stage(self.view_stage)
        self.call_after_refresh(self._build_next_stage, snapshot)

    def _build_next_stage(self, snapshot: PartnershipSnapshot) -> None:
        """Build the lines of a stage not shown yet, one stage per repaint, so the first
        switch to it is as quick as the next (nothing is built if the data changed)."""
        if snapshot is not self.snapshot or not self.live:
            return
        missing = [stage for stage in Stage if stage not in self._built]
        if missing:
            self._build(missing[0])
            self.call_after_refresh(self._build_next_stage, snapshot)

    def _build(self, stage: Stage) -> tuple[list[RosterGroup], BuiltRoster]:
        """The groups and roster lines of ``stage``, computed once per change."""
        assert self.snapshot is not None
        built = self._built.get(stage)
        if built is None:
            groups = list(self._stages[stage])
            convenings = []
            if stage is Stage.SUSTAIN:
                overdue = any(gap.rule == "no-quarterly-convening" for gap in self.gaps)
                groups.insert(0, convenings_group(self.snapshot, stage, overdue))
                convenings = sorted(self.snapshot.convenings, key=lambda c: c.on, reverse=True)
            invites = invitations_by_champion(self.snapshot) if stage is Stage.LAUNCH else None
            lines = build_roster(groups, self.snapshot, convenings, invites)
            built = self._built[stage] = (groups, lines)
        return built

    def show_stage(self, stage: Stage) -> None:
        """Show one stage view (the data is not re-read)."""
        if self.snapshot is None or not self.live:
            return
        switched = stage is not self.view_stage
        self.view_stage = stage
        current = self.partnership.stage
        self.query_one(StageBar).show(stage, current)
        line = status_line(stage, current, self.gaps, can_advance=not read_only(self))
        self.query_one("#stage-status", Static).update(line)
        waivers = waiver_lines(self.partnership.waivers, stage)
        waiver_box = self.query_one("#stage-waivers", Static)
        waiver_box.update(waivers)
        waiver_box.set_class(bool(waivers), "-shown")
        balance_box = self.query_one("#stage-balance", Static)
        launch_view = stage is Stage.LAUNCH
        balance_box.update(balance_line(launch_balance(self.snapshot)) if launch_view else "")
        balance_box.set_class(launch_view, "-shown")
        built = self._build(stage)
        self.groups = built[0]
        roster = self.roster
        if switched:
            roster.highlighted = None
        roster.show_built(built[1])
        self.gap_list.show(self.gaps, stage, current)
        self.refresh_bindings()
        self.post_message(StageViewed(self.partnership_id, stage))

    # ------------------------------------------------------------------ bindings

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in keys.EDITING and read_only(self):
            return False
        if action in keys.STAGE_ACTIONS:  # shown in the footer of their own stage's view
            return self.view_stage is keys.STAGE_ACTIONS[action]
        if action == "advance":
            return self.snapshot is None or self.partnership.stage.next() is not None
        return True

    def why_unavailable(self, action: str) -> str | None:
        return keys.why_unavailable(action, read_only(self))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.refresh_bindings()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.refresh_bindings()

    @property
    def roster(self) -> RosterList:
        return self.query_one(RosterList)

    @property
    def gap_list(self) -> GapList:
        return self.query_one(GapList)

    def focus_group(self, role: RoleKind | None, person_id: int | None) -> None:
        """Select the roster group of ``role`` (on ``person_id`` when listed), switching stage
        view if that group lives in another stage."""
        found = None
        if self.snapshot is not None and self.view_stage is not None and role is not None:
            found = find_group(self.snapshot, self.view_stage, role, person_id)
        roster = self.roster
        if found is not None:
            stage, group, member = found
            if stage is not self.view_stage:
                self.show_stage(stage)
            if not roster.highlight_group(group.key, member):
                roster.highlight_group(group.key)
        roster.focus()

    # ------------------------------------------------------------------ navigation

    def action_stage(self, number: int) -> None:
        stages = list(Stage)
        if 1 <= number <= len(stages):
            self.show_stage(stages[number - 1])

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1 and self.app.screen is self:
            self.dismiss()

    # ------------------------------------------------------------------ stage actions

    def _after(self, _result: object = None) -> None:
        self.reload()

    def action_anywhere(self, action: str) -> None:
        """A stage key pressed while viewing another stage: it works there too."""
        if action in keys.STAGE_ACTIONS:
            getattr(self, f"action_{action}")()

    def action_advance(self) -> None:
        """Advance after a yes (a waiver reason instead, when blockers remain)."""
        if self.snapshot is not None:
            ask_to_advance(self, self.partnership, self.gaps, self._advanced)

    def _advanced(self, partnership: Partnership | None) -> None:
        if partnership is None:
            return
        self.notify(f"Moved to {partnership.stage.label}.", timeout=3, markup=False)
        self.view_stage = partnership.stage
        self.reload()

    def action_guide(self) -> None:
        """The viewed stage's guide from the toolkit, each statement checked."""
        if self.snapshot is None or self.view_stage is None:
            return
        from screens.stage.guide import GuideScreen

        self.app.push_screen(GuideScreen(self.view_stage, self.gaps, self.partnership.name))

    def action_launch_form(self) -> None:
        editors.open_form(self, "launch", self.partnership_id, None, self._after)

    def action_engagement(self) -> None:
        def factory() -> Screen[None]:
            from screens.region.engagement import EngagementScreen

            return EngagementScreen(self.partnership_id)

        push_lazy(self, factory)

    def action_meeting(self) -> None:
        self.post_message(StartMeeting(self.partnership_id))

    def action_new_team(self) -> None:
        editors.open_form(self, "new_team", self.partnership_id, None, self._after)

    def action_debrief(self) -> None:
        editors.open_form(self, "debrief", self.partnership_id, None, self._after)

    def action_convening(self) -> None:
        editors.open_form(self, "convening", self.partnership_id, None, self._after)

    # ------------------------------------------------------------------ the lists' choices

    def on_roster_list_add_person(self, message: RosterList.AddPerson) -> None:
        """Someone was picked for a group: add them (a new champion's editor opens next)."""
        group, person_id, role = message.group, message.person_id, message.group.role
        if role is None or not self.live:
            return
        store, pid = store_of(self), self.partnership_id
        assignment = save(
            self,
            lambda: store.assign(pid, person_id, role, team_id=group.team_id),
            done=f"Added {store.person(person_id).name} to {group.label}.",
        )
        self.reload()
        if assignment is None:
            return
        self.roster.highlight_group(group.key, person_id)
        if role is RoleKind.CHAMPION:
            editors.edit_role(self, assignment, self._after)

    def on_roster_list_new_convening(self, message: RosterList.NewConvening) -> None:
        self.action_convening()

    def on_roster_list_edit(self, message: RosterList.Edit) -> None:
        entry = message.entry
        if entry.role is not None:
            editors.edit_role(self, entry.role, self._after)
        elif entry.convening is not None:
            editors.convening(self, self.partnership_id, entry.convening.id, self._after)
        elif entry.group.team_id is not None:
            editors.team(self, self.partnership_id, entry.group.team_id, self._after)

    def on_roster_list_end_role(self, message: RosterList.EndRole) -> None:
        store, role = store_of(self), message.role
        done = f"Ended {message.name}'s role as {ROLE_LABELS[role.role].lower()}."
        save(self, lambda: store.end_role(role.id), done=done)
        self.reload()

    def on_roster_list_delete_convening(self, message: RosterList.DeleteConvening) -> None:
        store, convening = store_of(self), message.convening
        done = f"Deleted the convening of {convening.on.isoformat()}. ctrl+z brings it back."
        save(self, lambda: store.delete_convening(convening.id), done=done)
        self.reload()

    def on_gap_list_fix(self, message: GapList.Fix) -> None:
        """Open the form that fixes the gap, else select its roster group."""
        target = fix_target(message.gap)
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
            pid = self.partnership_id
            opened = editors.open_form(self, target.form, pid, target.team_id, self._after)
        if not opened:
            self.focus_group(target.role, target.person_id)
