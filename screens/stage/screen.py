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

The snapshot, gaps and the four stages' groups are computed once per change (``reload``),
each stage's roster lines the first time it is shown; switching stages only swaps lists.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
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
    invitations_by_champion,
    launch_balance,
)
from nextgen_tui.models import Partnership, Stage
from nextgen_tui.models.snapshot import PartnershipSnapshot
from screens.common.breakpoints import apply_breakpoints
from screens.common.context import READ_ONLY_WHY, read_only, store_of
from screens.common.footer import KeyFooter
from screens.common.header import ScreenHeader
from screens.common.lazy import push_lazy
from screens.common.modal import DismissOnce
from screens.common.navigation import StageViewed, StartMeeting
from screens.stage import editors as editors
from screens.stage.advance import ask_to_advance
from screens.stage.roster import RosterActions
from screens.stage.status import balance_line, status_line, waiver_lines
from screens.stage.widgets import (
    CONVENINGS_KEY,
    BuiltRoster,
    GapList,
    RosterList,
    StageBar,
    build_roster,
    convenings_group,
)

STAGE_KEYS = Binding.Group("Stage", compact=True)

#: The stage keys: (key, action, description, tooltip); each works from every stage view.
ANYWHERE = [
    ("l", "launch_form", "Launch", "Edit the launch meeting"),
    ("m", "meeting", "Meeting", "Start or resume the live launch meeting"),
    ("t", "new_team", "Team", "Form an action team"),
    ("b", "debrief", "Debrief", "Record the support team's debrief"),
    ("c", "convening", "Convening", "Record a partnership convening (quarterly or any other)"),
]

#: Stage-specific actions and the stage view whose footer lists them.
STAGE_ACTIONS: dict[str, Stage] = {
    "launch_form": Stage.LAUNCH,
    "meeting": Stage.LAUNCH,
    "new_team": Stage.ACTION,
    "debrief": Stage.ACTION,
    "convening": Stage.SUSTAIN,
}

#: Actions that change the roster (off in read-only mode).
EDITING = {
    *STAGE_ACTIONS,
    "anywhere",
    "advance",
    "add_member",
    "edit_member",
    "end_role",
}


def why_unavailable(screen: PartnershipScreen, action: str) -> str | None:
    """Why ``action`` is off right now, for the ``?`` list."""
    if action in EDITING and read_only(screen):
        return READ_ONLY_WHY
    if action == "advance":
        return "the partnership is in its last stage"
    if action == "add_member":
        return "highlight a group of the roster first"
    if action in ("edit_member", "end_role"):
        return "highlight a person (not a group's headline) first"
    if action == "fix_gap":
        return "highlight a gap first"
    return None


def _stage_binding(stage: Stage) -> Binding:
    return Binding(
        str(stage.number),
        f"stage({stage.number})",
        stage.label,
        tooltip=f"Show the {stage.label} stage",
        group=STAGE_KEYS,
        id=f"stage.view_{stage.value}",
    )


class PartnershipScreen(DismissOnce, RosterActions, Screen[None]):
    """The four stage views of one partnership."""

    CSS_PATH = "stage.tcss"
    #: Below 100 columns the gaps go under the roster (see stage.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    BINDINGS = [
        *(_stage_binding(stage) for stage in Stage),
        Binding(
            "a",
            "advance",
            "Advance",
            tooltip="Move the partnership to its next stage",
            id="stage.advance",
        ),
        Binding(
            "l", "launch_form", "Launch", tooltip="Edit the launch meeting", id="stage.launch_form"
        ),
        Binding(
            "m",
            "meeting",
            "Meeting",
            tooltip="Start or resume the live launch meeting",
            id="stage.meeting",
        ),
        Binding("t", "new_team", "Team", tooltip="Form an action team", id="stage.new_team"),
        Binding(
            "b",
            "debrief",
            "Debrief",
            show=False,
            tooltip="Record the support team's debrief",
            id="stage.debrief",
        ),
        Binding(
            "c",
            "convening",
            "Convening",
            tooltip="Record a quarterly convening",
            id="stage.convening",
        ),
        # the same keys from every stage view (unlisted in the footer outside their stage)
        *(
            Binding(
                key,
                f"anywhere('{action}')",
                description,
                show=False,
                tooltip=tooltip,
                id=f"stage.{action}_anywhere",
            )
            for key, action, description, tooltip in ANYWHERE
        ),
        Binding(
            "g",
            "engagement",
            "Engagement",
            show=False,
            tooltip="Engagement over time and public-system coverage, as pictures",
            id="stage.engagement",
        ),
        Binding(
            "i",
            "guide",
            "Guide",
            tooltip="The toolkit's guide to this stage, checked against this partnership",
            id="stage.guide",
        ),
        Binding(
            "escape",
            "back",
            "Back",
            show=False,
            tooltip="Back to the partnerships",
            id="stage.back",
        ),
    ]

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
        apply_breakpoints(self)  # before the first frame
        self.reload()
        if self.live:  # not closed before it mounted (its widgets would be gone)
            self.query_one(RosterList).focus()

    def on_screen_resume(self) -> None:
        apply_breakpoints(self)  # a resize while another screen was on top
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
        if action in EDITING and read_only(self):
            return False
        if action in STAGE_ACTIONS:  # shown in the footer of their own stage's view
            return self.view_stage is STAGE_ACTIONS[action]
        if action == "anywhere":  # the same keys, unlisted, from every stage view
            return True
        if action == "advance":
            return self.snapshot is None or self.partnership.stage.next() is not None
        if not self.is_mounted:
            return True
        if not self.live:  # closing: a key that arrived meanwhile finds its lists gone
            return False
        if action in ("add_member", "edit_member", "end_role"):
            entry = self.roster.current
            if entry is None:
                return False
            if action == "add_member":
                return entry.group.role is not None or entry.group.key == CONVENINGS_KEY
            if action == "end_role":
                return entry.role is not None or entry.convening is not None
            return (
                entry.role is not None
                or entry.group.team_id is not None
                or entry.convening is not None
            )
        if action == "fix_gap":
            return self.gap_list.current is not None
        return True

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.refresh_bindings()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.refresh_bindings()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """A click (or enter) on a line: edit a role, or go and fix a gap."""
        event.stop()
        if event.option_list is self.gap_list:
            self.action_fix_gap()
        elif self.check_action("edit_member", ()):
            self.action_edit_member()

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

    def why_unavailable(self, action: str) -> str | None:
        return why_unavailable(self, action)

    def action_anywhere(self, action: str) -> None:
        """A stage key pressed while viewing another stage: it works there too."""
        if action in STAGE_ACTIONS:
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
