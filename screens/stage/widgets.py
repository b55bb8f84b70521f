"""The parts of a stage view: the stage bar, "Who's at the table" and "What's missing".

Every user string (names, team names, organization names, gap messages that quote them)
reaches the screen as a ``$variable`` of ``Content.from_markup``, a part of
``Content.assemble`` or plain ``Content``, never as markup. The lines of the roster and the
gaps are assembled from (text, style) parts without parsing markup: a stage of a thousand
members has a thousand lines. Colours are theme variables, so theme switching recolours
everything.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from nextgen_tui.gaps.catalogue import Gap, Severity
from nextgen_tui.lifecycle.rosters import Invitations, RosterGroup
from nextgen_tui.models import (
    ChampionStatus,
    Convening,
    ConveningKind,
    InvitationStatus,
    RoleAssignment,
    RoleKind,
    Stage,
)
from nextgen_tui.models.snapshot import PartnershipSnapshot

STATUS_STYLE = {
    "ok": "$text-success",
    "low": "$text-warning",
    "high": "$text-warning",
    "none": "$text-muted",
}
STATUS_MARK = {"ok": "✔", "low": "▼", "high": "▲", "none": "·"}
SEVERITY_STYLE = {
    Severity.BLOCKER: "$text-error",
    Severity.WARNING: "$text-warning",
    Severity.HINT: "$text-accent",
}
SEVERITY_MARK = {Severity.BLOCKER: "✖", Severity.WARNING: "▲", Severity.HINT: "·"}


# ---------------------------------------------------------------------------- stage bar


class StageBar(Static):
    """One line of four stages: the viewed one highlighted, the current one marked ●."""

    DEFAULT_CSS = """
    StageBar { height: 1; padding: 0 1; background: $panel; }
    """

    def show(self, viewed: Stage, current: Stage) -> None:
        parts: list[Content] = []
        for stage in Stage:
            mark = " ●" if stage is current else ""
            label = f" {stage.number} {stage.label}{mark} "
            if stage is viewed:
                style = "bold reverse"
            elif stage.number < current.number:
                style = "$text-muted"
            else:
                style = ""
            markup = f"[@click=screen.stage({stage.number})]{'[' + style + ']' if style else ''}"
            markup += "$label" + ("[/]" if style else "") + "[/]"
            parts.append(Content.from_markup(markup, label=label))
        legend = Content.from_markup("  [$text-muted]● current stage[/]")
        self.update(Content(" ").join(parts) + legend)


# ---------------------------------------------------------------------------- roster


#: The key of the Sustain view's list of convenings (not a role group: nobody is added).
CONVENINGS_KEY = "convenings"


@dataclass(frozen=True)
class RosterEntry:
    """One line of the roster: a group header, a member of ``group`` (``role``), or one
    recorded convening of the Sustain view's "Convenings" group (``convening``)."""

    group: RosterGroup
    role: RoleAssignment | None = None
    convening: Convening | None = None

    @property
    def person_id(self) -> int | None:
        return self.role.person_id if self.role else None


def group_prompt(group: RosterGroup) -> Content:
    style = STATUS_STYLE.get(group.status, "")
    mark = STATUS_MARK.get(group.status, "·")
    return Content.assemble((f"{mark} {group.headline()}", f"bold {style}" if style else "bold"))


def _champion_detail(
    role: RoleAssignment, snapshot: PartnershipSnapshot, invites: Invitations | None = None
) -> str:
    details = role.champion
    if details is None:
        return ""
    bits = [details.status.value]
    if invites is not None:  # the Launch view: who they personally invited
        bits.append(f"invited {invites.invited}, {invites.accepted} accepted")
    if details.status is not ChampionStatus.DECLINED:
        met = 3 - len(details.missing_criteria)
        bits.append(f"criteria {met}/3")
        owner = details.outreach_owner_id
        bits.append(f"outreach: {snapshot.person_name(owner)}" if owner else "no outreach owner")
        if details.signed_invite:
            bits.append("signed invite")
        if details.hosts_launch:
            bits.append("hosts launch")
    return " · ".join(bits)


def _leader_detail(role: RoleAssignment, snapshot: PartnershipSnapshot) -> str:
    details = role.leader
    if details is None:
        return ""
    bits = [details.invitation.value]
    if details.invitation is not InvitationStatus.DECLINED:
        if details.attended:
            bits.append("attended")
        if details.introduced:
            bits.append("introduced")
    if details.invited_by_id is not None:
        bits.append(f"invited by {snapshot.person_name(details.invited_by_id)}")
    return " · ".join(bits)


def member_detail(
    role: RoleAssignment, snapshot: PartnershipSnapshot, invites: Invitations | None = None
) -> str:
    if role.role is RoleKind.CHAMPION:
        return _champion_detail(role, snapshot, invites)
    if role.role is RoleKind.INDUSTRY_LEADER:
        return _leader_detail(role, snapshot)
    if role.role is RoleKind.ACTION_TEAM_LEAD:
        return "lead"
    return ""


def convenings_group(snapshot: PartnershipSnapshot, stage: Stage, overdue: bool) -> RosterGroup:
    """The recorded convenings, as a group headline: "Convenings 3 recorded"."""
    return RosterGroup(
        CONVENINGS_KEY,
        "Convenings",
        stage,
        None,
        count=len(snapshot.convenings),
        count_label="recorded",
        status="low" if overdue else "ok",
    )


def convening_prompt(convening: Convening, snapshot: PartnershipSnapshot) -> Content:
    """``2026-03-01  Quarterly convening: Spring update — 12 attended``."""
    if convening.kind is ConveningKind.ACTION_TEAM:
        team = next((t.name for t in snapshot.teams if t.id == convening.team_id), "")
        what = f"Action team meeting: {team}" if team else "Action team meeting"
    else:
        what = "Quarterly convening"
    count = len(convening.attendee_ids)
    title = f" · {convening.title}" if convening.title else ""
    return Content.assemble(
        f"   {convening.on.isoformat()}  {what}{title}", (f" — {count} attended", "$text-muted")
    )


def member_prompt(
    role: RoleAssignment, snapshot: PartnershipSnapshot, invites: Invitations | None = None
) -> Content:
    org = snapshot.organization_of(role.person_id)
    detail = member_detail(role, snapshot, invites)
    return Content.assemble(
        f"   {snapshot.person_name(role.person_id)}",
        (f" — {org.name}" if org else "", "$text-muted"),
        (f"  {detail}" if detail else "", "$text-secondary"),
    )


#: A roster's lines and what each stands for, built once and shown as often as needed.
BuiltRoster = tuple[list[Option], list[RosterEntry]]

#: Members listed per group; a larger group (a state-wide convening team) ends with a line
#: saying how many more there are: an option list measures every line it holds, and a
#: stage view of 5,000 lines took seconds to show. The directory lists everyone.
MEMBERS_SHOWN = 300


def more_prompt(hidden: int) -> Content:
    noun = "member" if hidden == 1 else "members"
    return Content.styled(f"   … and {hidden:,} more {noun} (d opens the directory)", "dim")


def build_roster(
    groups: Sequence[RosterGroup],
    snapshot: PartnershipSnapshot,
    convenings: Sequence[Convening] = (),
    invites: Mapping[int, Invitations] | None = None,
) -> BuiltRoster:
    """The lines of ``groups`` (``convenings`` go under :data:`CONVENINGS_KEY`; ``invites``,
    in the Launch view, adds each champion's invited / accepted counts)."""
    options: list[Option] = []
    entries: list[RosterEntry] = []
    for group in groups:
        options.append(Option(group_prompt(group), id=f"g|{group.key}"))
        entries.append(RosterEntry(group))
        for role in group.members[:MEMBERS_SHOWN]:
            counts = None
            if invites is not None and role.role is RoleKind.CHAMPION:
                counts = invites.get(role.person_id, Invitations())
            prompt = member_prompt(role, snapshot, counts)
            options.append(Option(prompt, id=f"m|{group.key}|{role.id}"))
            entries.append(RosterEntry(group, role))
        if len(group.members) > MEMBERS_SHOWN:
            hidden = len(group.members) - MEMBERS_SHOWN
            options.append(Option(more_prompt(hidden), id=f"more|{group.key}"))
            entries.append(RosterEntry(group))
        if group.key == CONVENINGS_KEY:
            for convening in convenings:
                prompt = convening_prompt(convening, snapshot)
                options.append(Option(prompt, id=f"c|{convening.id}"))
                entries.append(RosterEntry(group, convening=convening))
    return options, entries


class RosterList(OptionList):
    """Who's at the table: each group's headline, then its members."""

    BINDINGS = [
        Binding(
            "n", "screen.add_member", "Add", tooltip="Add a person to this group", id="stage.add"
        ),
        Binding(
            "e",
            "screen.edit_member",
            "Edit",
            tooltip="Edit the highlighted person's role (or team)",
            id="stage.edit",
        ),
        Binding(
            "enter",
            "screen.edit_member",
            "Edit",
            show=False,
            tooltip="Edit the highlighted person's role (or team)",
            id="stage.edit_enter",
        ),
        Binding(
            "x",
            "screen.end_role",
            "End",
            tooltip="End the highlighted person's role (kept as history), or delete a convening",
            id="stage.end",
        ),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.entries: list[RosterEntry] = []

    def show(
        self,
        groups: Sequence[RosterGroup],
        snapshot: PartnershipSnapshot,
        convenings: Sequence[Convening] = (),
        invites: Mapping[int, Invitations] | None = None,
    ) -> None:
        """Replace the contents, keeping the highlight on the same line where possible.

        ``convenings`` are listed under the group whose key is :data:`CONVENINGS_KEY`;
        ``invites`` (the Launch view) adds each champion's invited / accepted counts.
        """
        self.show_built(build_roster(groups, snapshot, convenings, invites))

    def show_built(self, built: BuiltRoster) -> None:
        """Show lines built by :func:`build_roster` (they may be shown again later)."""
        keep = self.highlighted_option.id if self.highlighted_option else None
        options, entries = built
        self.entries = entries
        self.set_options(options)
        if keep is not None and keep in {option.id for option in options}:
            self.highlighted = self.get_option_index(keep)
        elif options:
            self.highlighted = 0

    @property
    def current(self) -> RosterEntry | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.entries):
            return None
        return self.entries[index]

    def highlight_group(self, key: str, person_id: int | None = None) -> bool:
        """Move the highlight to a group (or one of its members); ``False`` if not shown."""
        for index, entry in enumerate(self.entries):
            if entry.group.key != key:
                continue
            if person_id is None or entry.person_id == person_id:
                self.highlighted = index
                self.scroll_to_highlight(top=True)
                return True
        return False


# ---------------------------------------------------------------------------- gaps


def gap_prompt(gap: Gap, other_stage: bool) -> Content:
    style = SEVERITY_STYLE[gap.severity]
    mark = SEVERITY_MARK[gap.severity]
    if other_stage:
        return Content.assemble(
            (mark, style), " ", (f"{gap.stage.label}:", "$text-muted"), " ", gap.message
        )
    return Content.assemble((mark, style), " ", gap.message)


class GapList(OptionList):
    """What's missing: the viewed stage's gaps first (blockers first), then those of the
    stages after the partnership's own ("Upcoming") and of stages it has passed ("Earlier
    stages"), each labelled with its stage."""

    BINDINGS = [
        Binding(
            "enter",
            "screen.fix_gap",
            "Fix",
            tooltip="Go to the place to fix this gap",
            id="stage.fix_gap",
        ),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.gaps: list[Gap | None] = []

    def show(self, gaps: Sequence[Gap], stage: Stage, current: Stage | None = None) -> None:
        """``current`` is the partnership's stage (the viewed one when not given)."""
        current_stage = current or stage
        now = current_stage.number
        here = [gap for gap in gaps if gap.stage is stage]
        here.sort(key=lambda gap: list(Severity).index(gap.severity))
        others = [gap for gap in gaps if gap.stage is not stage]
        sections = (
            (
                f"Current stage ({current_stage.label})",
                [g for g in others if g.stage.number == now],
            ),
            ("Upcoming", [gap for gap in others if gap.stage.number > now]),
            ("Earlier stages", [gap for gap in others if gap.stage.number < now]),
        )
        options: list[Option] = []
        entries: list[Gap | None] = []
        if not here:
            empty = (
                f"Nothing flagged for {stage.label} yet: its rules apply as the partnership "
                "gets there."
                if stage.number > now
                else f"Nothing missing for {stage.label}."
            )
            options.append(Option(Content(empty), disabled=True))
            entries.append(None)
        for gap in here:
            options.append(Option(gap_prompt(gap, other_stage=False)))
            entries.append(gap)
        for title, found in sections:
            if not found:
                continue
            heading = Content.from_markup("[b $text-muted]$title[/]", title=title)
            options.append(Option(heading, disabled=True))
            entries.append(None)
            for gap in found:
                options.append(Option(gap_prompt(gap, other_stage=True)))
                entries.append(gap)
        self.gaps = entries
        keep = self.highlighted
        self.set_options(options)
        first = next((i for i, gap in enumerate(entries) if gap is not None), None)
        if keep is not None and keep < len(entries) and entries[keep] is not None:
            self.highlighted = keep
        else:
            self.highlighted = first

    @property
    def current(self) -> Gap | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.gaps):
            return None
        return self.gaps[index]
