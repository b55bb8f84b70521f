"""Opening the editors of a stage view (their modules are imported on first use).

Each editor saves through the store itself and dismisses with ``True`` when something
changed; the stage view re-reads the store when the editor closes either way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.dom import DOMNode
from textual.screen import Screen

from nextgen_tui.models import RoleAssignment, RoleKind
from screens.common.lazy import push_lazy
from screens.stage.fix import Form

Done = Callable[[Any], Any]


def pick_person(
    node: DOMNode,
    title: str,
    exclude: set[int],
    done: Callable[[int | None], Any],
    group: str = "this group",
) -> bool:
    """Pick someone to add to ``group``; ``exclude`` (already in it) are listed as such."""

    def factory() -> Screen[int | None]:
        from screens.directory.person_picker import PersonPicker

        return PersonPicker(title, exclude=exclude, group=group)

    return push_lazy(node, factory, done)


def edit_role(node: DOMNode, role: RoleAssignment, done: Done) -> bool:
    """The editor of one role: champion details, invitation status, the team, the person."""
    if role.role is RoleKind.CHAMPION:

        def champion() -> Screen[bool]:
            from screens.stage.role_editors import ChampionEditor

            return ChampionEditor(role.id)

        return push_lazy(node, champion, done)
    if role.role is RoleKind.INDUSTRY_LEADER:

        def leader() -> Screen[bool]:
            from screens.stage.role_editors import LeaderEditor

            return LeaderEditor(role.id)

        return push_lazy(node, leader, done)
    if role.team_id is not None:
        return team(node, role.partnership_id, role.team_id, done)

    def person() -> Screen[int | None]:
        from screens.directory.person_form import PersonForm

        return PersonForm(role.person_id)

    return push_lazy(node, person, done)


def team(node: DOMNode, partnership_id: int, team_id: int | None, done: Done) -> bool:
    def factory() -> Screen[bool]:
        from screens.stage.team_editor import TeamEditor

        return TeamEditor(partnership_id, team_id)

    return push_lazy(node, factory, done)


def open_form(
    node: DOMNode, form: Form, partnership_id: int, team_id: int | None, done: Done
) -> bool:
    """Open one of the stage forms; ``False`` when it is not available (or not a form)."""
    if form in ("team", "new_team"):
        return team(node, partnership_id, team_id if form == "team" else None, done)
    if form == "partnership":

        def partnership() -> Screen[int | None]:
            from screens.partnerships.partnership_form import PartnershipForm

            return PartnershipForm(partnership_id)

        return push_lazy(node, partnership, done)
    if form == "launch":

        def launch() -> Screen[bool]:
            from screens.stage.launch_form import LaunchForm

            return LaunchForm(partnership_id)

        return push_lazy(node, launch, done)
    if form == "debrief":

        def debrief() -> Screen[bool]:
            from screens.stage.debrief_form import DebriefForm

            return DebriefForm(partnership_id)

        return push_lazy(node, debrief, done)
    if form == "convening":
        return convening(node, partnership_id, None, done)
    return False


def organization(node: DOMNode, organization_id: int, done: Done) -> bool:
    """The organization's form (to say what kind it is)."""

    def factory() -> Screen[int | None]:
        from screens.directory.org_form import OrgForm

        return OrgForm(organization_id)

    return push_lazy(node, factory, done)


def convening(node: DOMNode, partnership_id: int, convening_id: int | None, done: Done) -> bool:
    """Record a new convening (``convening_id`` None) or edit one and its attendance."""

    def factory() -> Screen[bool]:
        from screens.stage.convening_form import ConveningForm

        return ConveningForm(partnership_id, convening_id)

    return push_lazy(node, factory, done)
