"""What each line of a stage view's lists says: a roster group's headline, a member with
their details, a recorded convening, a gap.

Every user string (names, team names, organization names, gap messages that quote them)
is a part of ``Content.assemble`` or plain ``Content``, never markup: the lines are
assembled from (text, style) parts without parsing anything, since a stage of a thousand
members has a thousand lines. Colours are theme variables, so theme switching recolours
everything.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content

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
    #: the member's name (for a question about them)
    name: str = ""

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


def more_prompt(hidden: int) -> Content:
    noun = "member" if hidden == 1 else "members"
    return Content.styled(f"   … and {hidden:,} more {noun} (d opens the directory)", "dim")


# ---------------------------------------------------------------------------- gaps


def gap_prompt(gap: Gap, other_stage: bool) -> Content:
    style = SEVERITY_STYLE[gap.severity]
    mark = SEVERITY_MARK[gap.severity]
    if other_stage:
        return Content.assemble(
            (mark, style), " ", (f"{gap.stage.label}:", "$text-muted"), " ", gap.message
        )
    return Content.assemble((mark, style), " ", gap.message)
