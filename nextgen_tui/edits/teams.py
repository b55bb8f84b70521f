"""An action team saved with its members: who joins, who leaves, who leads."""

from __future__ import annotations

from collections.abc import Mapping

from nextgen_tui.models import TEAM_ROLES, ActionTeam, RoleKind
from nextgen_tui.store.repository import Store


def save_team_with_members(
    store: Store, team: ActionTeam, members: Mapping[int, bool]
) -> ActionTeam:
    """Save ``team`` (a new one gets its id) and make its members exactly ``members``.

    ``members`` maps each person's id to whether they lead. A member who leaves, or whose
    lead role changes, has the old role ended (kept as history). One write, one undo step.
    """
    with store.transaction(f"{'Edit' if team.id else 'Form'} action team {team.name}"):
        saved = store.save_team(team)
        held = [
            r
            for r in store.roles(partnership_id=saved.partnership_id)
            if r.team_id == saved.id and r.role in TEAM_ROLES
        ]
        for role in held:
            lead = members.get(role.person_id)
            if lead is None or role.role is not _kind(lead):
                store.end_role(role.id)
        for person_id, lead in members.items():
            store.assign(saved.partnership_id, person_id, _kind(lead), team_id=saved.id)
    return saved


def _kind(lead: bool) -> RoleKind:
    return RoleKind.ACTION_TEAM_LEAD if lead else RoleKind.ACTION_TEAM_MEMBER
