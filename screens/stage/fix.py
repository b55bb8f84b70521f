"""Where to go to fix a gap: an editor to open, or a roster group (and person) to select.

Pure data and one function, so the choice is easy to test and to extend when rules are
added: a rule not listed here falls back to the roster of its stage.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from nextgen_tui.gaps.catalogue import Gap
from nextgen_tui.models import RoleKind

Form = Literal[
    "partnership", "launch", "new_team", "team", "debrief", "convening", "champion", "organization"
]

#: Rules fixed in a form rather than in a roster.
RULE_FORM: dict[str, Form] = {
    "scope-undefined": "partnership",
    "no-opener": "launch",
    "no-closer": "launch",
    "meeting-part-empty": "launch",
    "priority-without-team": "new_team",
    "no-action-teams": "new_team",
    "no-debrief": "debrief",
    "no-quarterly-convening": "convening",
}

#: Rules about one champion: with a single person concerned, open that champion's editor.
CHAMPION_RULES = frozenset({"champion-criteria-unmet", "champion-no-outreach-owner"})

#: Rules about one organization: open that organization's form (to say its kind).
ORGANIZATION_RULES = frozenset({"organization-kind-unknown"})

#: Rules fixed by adding or changing people in a group: the group's role.
RULE_ROLE: dict[str, RoleKind] = {
    "no-convener": RoleKind.CONVENER,
    "champions-too-few": RoleKind.CHAMPION,
    "champions-too-many": RoleKind.CHAMPION,
    "champion-criteria-unmet": RoleKind.CHAMPION,
    "champion-no-outreach-owner": RoleKind.CHAMPION,
    "invite-letter-unsigned": RoleKind.CHAMPION,
    "no-launch-host": RoleKind.CHAMPION,
    "core-team-size": RoleKind.CORE_TEAM,
    "core-team-missing-system": RoleKind.CORE_TEAM,
    "convening-team-small": RoleKind.CONVENING_TEAM,
    "companies-too-few": RoleKind.INDUSTRY_LEADER,
    "companies-too-many": RoleKind.INDUSTRY_LEADER,
    "industry-outnumbered": RoleKind.INDUSTRY_LEADER,
    "off-sector-company": RoleKind.INDUSTRY_LEADER,
    "support-team-too-large": RoleKind.SUPPORT_DELEGATE,
    "support-team-missing-system": RoleKind.SUPPORT_DELEGATE,
    "no-facilitator": RoleKind.FACILITATOR,
    "facilitator-not-neutral": RoleKind.FACILITATOR,
    "champion-not-industry": RoleKind.CHAMPION,
    "convener-not-public": RoleKind.CONVENER,
    "commitment-unplaced": RoleKind.ACTION_TEAM_MEMBER,
    "core-member-unplugged": RoleKind.CORE_TEAM,
    "champions-lapsed": RoleKind.CHAMPION,
    "industry-disengaged": RoleKind.INDUSTRY_LEADER,
}


@dataclass(frozen=True)
class FixTarget:
    """Open ``form`` (with ``team_id`` / ``person_id`` when it edits one), or select the
    group of ``role`` (on the member ``person_id`` if given)."""

    form: Form | None = None
    role: RoleKind | None = None
    person_id: int | None = None
    team_id: int | None = None
    organization_id: int | None = None


def fix_target(gap: Gap) -> FixTarget:
    person = gap.people[0] if len(gap.people) == 1 else None
    if gap.rule in ORGANIZATION_RULES and gap.organizations:
        return FixTarget(form="organization", organization_id=gap.organizations[0])
    if gap.rule in RULE_FORM:
        return FixTarget(form=RULE_FORM[gap.rule])
    if gap.teams:
        return FixTarget(form="team", team_id=gap.teams[0], person_id=person)
    if gap.rule in CHAMPION_RULES and person is not None:
        return FixTarget(form="champion", role=RoleKind.CHAMPION, person_id=person)
    return FixTarget(role=RULE_ROLE.get(gap.rule), person_id=person)
