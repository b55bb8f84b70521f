"""One line per partnership of the file, for the region view.

Each line holds what a convener of several partnerships compares: the stage, the
blockers and warnings of the current stage (as the partnerships list counts them), the
distinct companies engaged, industry and public people at the table, committed
champions, the last and next quarterly convening, and the action teams active or stalled.

*At the table* follows the gap rules: industry people are the industry leaders who
accepted or attended, the committed champions and the industry members of open action
teams; public people are the non-industry support delegates, core team, conveners,
facilitator and action-team members. The companies are those of the industry people.
Pure functions of snapshots, no Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from nextgen_tui.gaps.analysis import CHECKS
from nextgen_tui.gaps.catalogue import Severity
from nextgen_tui.gaps.facts import TABLE_ROLES, Facts
from nextgen_tui.models import ChampionStatus, ConveningKind, Partnership
from nextgen_tui.models.snapshot import PartnershipSnapshot


@dataclass(frozen=True)
class PartnershipLine:
    """What the region view shows of one partnership."""

    partnership: Partnership
    blockers: int
    warnings: int
    companies: int
    industry: int
    public: int
    champions: int
    last_convening: date | None
    next_convening: date | None
    teams_active: int
    teams_stalled: int


def summarize(snapshot: PartnershipSnapshot, today: date) -> PartnershipLine:
    """The region view's line of one partnership (its gaps computed once, here)."""
    facts = Facts.of(snapshot, today)
    stage = snapshot.partnership.stage
    blockers = warnings = 0
    stalled: set[int] = set()
    for check in CHECKS:
        for gap in check(facts):
            if gap.rule == "team-stalled":
                stalled.update(gap.teams)
            if gap.stage is not stage:
                continue
            blockers += gap.severity is Severity.BLOCKER
            warnings += gap.severity is Severity.WARNING
    committed = facts.champions_with(ChampionStatus.COMMITTED)
    team_people = [pid for members in facts.team_people.values() for pid in members]
    industry = {
        pid for pid in (*facts.counted_leaders, *committed, *team_people) if facts.is_industry(pid)
    }
    public = {
        pid for pid in (*facts.holders(*TABLE_ROLES), *team_people) if not facts.is_industry(pid)
    }
    companies = {org.id for pid in industry if (org := facts.company_of(pid)) is not None}
    quarterly = sorted(c.on for c in snapshot.convenings if c.kind is ConveningKind.QUARTERLY)
    past = [on for on in quarterly if on <= today]
    future = [on for on in quarterly if on > today]
    open_teams = [team.id for team in snapshot.teams if team.closed is None]
    stalled_open = sum(1 for tid in open_teams if tid in stalled)
    return PartnershipLine(
        partnership=snapshot.partnership,
        blockers=blockers,
        warnings=warnings,
        companies=len(companies),
        industry=len(industry),
        public=len(public),
        champions=len(committed),
        last_convening=past[-1] if past else None,
        next_convening=future[0] if future else None,
        teams_active=len(open_teams) - stalled_open,
        teams_stalled=stalled_open,
    )


def region_lines(snapshots: list[PartnershipSnapshot], today: date) -> list[PartnershipLine]:
    """Every partnership's line, in the order given (the store's: by name)."""
    return [summarize(snapshot, today) for snapshot in snapshots]
