"""What a gap is, and the catalogue of rules with their ids, stages and severities."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from nextgen_tui.gaps.facts import unique
from nextgen_tui.models import (
    Stage,
)


class Severity(StrEnum):
    """How much a gap matters, most serious first: only blockers stop a stage."""

    BLOCKER = "blocker"
    WARNING = "warning"
    HINT = "hint"


class Subject(NamedTuple):
    """One thing a gap concerns: ``kind`` is ``person``, ``organization`` or ``team``."""

    kind: str
    id: int


@dataclass(frozen=True)
class Gap:
    """One finding about a partnership: which rule, how serious, what to do, about whom."""

    rule: str
    stage: Stage
    severity: Severity
    message: str
    people: tuple[int, ...] = ()
    organizations: tuple[int, ...] = ()
    teams: tuple[int, ...] = ()

    @property
    def subjects(self) -> tuple[Subject, ...]:
        """Everything the gap concerns, people first, then organizations, then teams."""
        return (
            *(Subject("person", i) for i in self.people),
            *(Subject("organization", i) for i in self.organizations),
            *(Subject("team", i) for i in self.teams),
        )


@dataclass(frozen=True)
class Rule:
    """One toolkit rule as DESIGN.md lists it."""

    id: str
    stage: Stage
    severity: Severity
    summary: str


_B, _W, _H = Severity.BLOCKER, Severity.WARNING, Severity.HINT
_P, _L, _A, _S = Stage.PREPARE, Stage.LAUNCH, Stage.ACTION, Stage.SUSTAIN

#: Every rule, by id, in the order of DESIGN.md ("Role-gap rules").
RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        Rule("scope-undefined", _P, _B, "the partnership has no industry or no region"),
        Rule("no-convener", _P, _B, "no lead convener or co-convener is named"),
        Rule("champions-too-few", _P, _B, "too few committed champions"),
        Rule("champions-too-many", _P, _W, "too many committed champions"),
        Rule("champion-criteria-unmet", _P, _W, "a champion lacks one of the three criteria"),
        Rule("champion-no-outreach-owner", _P, _W, "a champion has nobody to reach out"),
        Rule("invite-letter-unsigned", _P, _W, "too few champions signed the invite letter"),
        Rule("no-launch-host", _P, _B, "no committed champion hosts the launch"),
        Rule("core-team-size", _P, _W, "core planning team too small or too large"),
        Rule("core-team-missing-system", _P, _B, "a critical system is missing from the core team"),
        Rule("convening-team-small", _P, _H, "the broad convening team is small"),
        Rule("champion-not-industry", _P, _W, "a champion is not industry of this sector"),
        Rule("convener-not-public", _P, _W, "a convener is from a company"),
        Rule("organization-kind-unknown", _P, _W, "an organization's kind is unknown"),
        Rule("outreach-collision", _P, _W, "another partnership is approaching the same person"),
        Rule("companies-too-few", _L, _B, "industry leaders and champions from too few companies"),
        Rule("companies-too-many", _L, _W, "industry leaders from too many companies"),
        Rule("industry-outnumbered", _L, _B, "public partners outnumber industry at the table"),
        Rule("support-team-too-large", _L, _W, "too many support team delegates"),
        Rule("support-team-missing-system", _L, _W, "a critical system has no delegate"),
        Rule("no-facilitator", _L, _B, "no facilitator assigned"),
        Rule("facilitator-not-neutral", _L, _W, "the facilitator is not neutral"),
        Rule("no-opener", _L, _W, "no champion opens the launch meeting"),
        Rule("no-closer", _L, _W, "no champion closes the launch meeting"),
        Rule("off-sector-company", _L, _W, "a company is outside the industry or region"),
        Rule("meeting-part-empty", _L, _W, "a part of the held launch captured nothing"),
        Rule("no-action-teams", _A, _B, "no action team exists after the launch"),
        Rule("priority-without-team", _A, _B, "a priority area has no action team"),
        Rule("team-without-industry", _A, _B, "an action team has no industry member"),
        Rule("team-industry-outnumbered", _A, _W, "industry is outnumbered on an action team"),
        Rule("team-without-support", _A, _W, "an action team has no support-team member"),
        Rule("team-without-lead", _A, _W, "an action team has no lead or facilitator"),
        Rule("commitment-unplaced", _A, _W, "someone who committed is not on that priority's team"),
        Rule("no-debrief", _A, _W, "no support-team debrief after the launch"),
        Rule("team-stalled", _A, _W, "an action team has not met lately or has no next step"),
        Rule("core-member-unplugged", _A, _H, "a core team member is on no action team"),
        Rule("no-quarterly-convening", _S, _W, "no quarterly convening lately"),
        Rule("champions-lapsed", _S, _W, "too few champions attended recent convenings"),
        Rule("industry-disengaged", _S, _H, "an industry leader missed the last two convenings"),
    )
}


def make_gap(
    rule: str,
    message: str,
    *,
    people: Iterable[int] = (),
    organizations: Iterable[int] = (),
    teams: Iterable[int] = (),
) -> Gap:
    """A gap of ``rule``, its stage and severity taken from :data:`RULES`."""
    info = RULES[rule]
    return Gap(
        rule,
        info.stage,
        info.severity,
        message,
        people=unique(people),
        organizations=unique(organizations),
        teams=unique(teams),
    )


# ----------------------------------------------------------------------------- facts
