"""One line per partnership of the file, for the region view.

Each line holds what a convener of several partnerships compares: the stage, the
blockers and warnings of the current stage (as the partnerships list counts them), the
distinct companies engaged, industry and public people at the table, committed
champions, the last and next quarterly convening, and the action teams active or stalled.

*At the table* is counted exactly as the Launch view and the rule ``industry-outnumbered``
count it (:func:`nextgen_tui.gaps.balance.table_balance`): industry leaders who accepted or
attended and committed in-sector champions against the public partners at the table;
people of an organization of unknown kind on neither side. The companies are those the
rule ``companies-too-few`` counts. Pure functions of snapshots, no Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from nextgen_tui.gaps.analysis import CHECKS
from nextgen_tui.gaps.balance import table_balance
from nextgen_tui.gaps.catalogue import Severity
from nextgen_tui.gaps.facts import Facts
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
    balance = table_balance(facts)
    quarterly = sorted(c.on for c in snapshot.convenings if c.kind is ConveningKind.QUARTERLY)
    past = [on for on in quarterly if on <= today]
    future = [on for on in quarterly if on > today]
    open_teams = [team.id for team in snapshot.teams if team.closed is None]
    stalled_open = sum(1 for tid in open_teams if tid in stalled)
    return PartnershipLine(
        partnership=snapshot.partnership,
        blockers=blockers,
        warnings=warnings,
        companies=len(balance.companies),
        industry=len(balance.industry),
        public=len(balance.public_people),
        champions=len(committed),
        last_convening=past[-1] if past else None,
        next_convening=future[0] if future else None,
        teams_active=len(open_teams) - stalled_open,
        teams_stalled=stalled_open,
    )


def region_lines(snapshots: list[PartnershipSnapshot], today: date) -> list[PartnershipLine]:
    """Every partnership's line, in the order given (the store's: by name)."""
    return [summarize(snapshot, today) for snapshot in snapshots]
