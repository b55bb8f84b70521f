"""Screenshots of the main screens at 80x24 and 120x40, compared with approved SVGs.

Regenerate after an intended change with ``make snapshots`` and look at the SVGs in
``tests/ui/__snapshots__/test_snapshots/`` before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from nextgen_tui.app import RosterApp
from nextgen_tui.models import (
    ActionArea,
    ActionTeam,
    ChampionStatus,
    Convening,
    InvitationStatus,
    LaunchMeeting,
    OrgKind,
    RoleKind,
)
from nextgen_tui.store.repository import Store
from tests.conftest import FIXED_NOW
from tests.support import factories as f

SIZES = [(80, 24), (120, 40)]
Compare = Callable[..., bool]


def seeded_app(path: Path) -> RosterApp:
    """Two partnerships; the first with champions, a core team and industry leaders."""
    store = Store(path, clock=lambda: FIXED_NOW)
    p = f.partnership(store)
    f.partnership(store, "Healthcare, North Valley", "Healthcare")
    college = f.org(store, "North Valley Community College", OrgKind.COMMUNITY_COLLEGE)
    board = f.org(store, "North Valley Workforce Board", OrgKind.WORKFORCE_BOARD)
    dean = f.person(store, "Dana Whitfield", college, title="Dean of Workforce")
    director = f.person(store, "Marcus Lee", board, title="Director")
    store.assign(p.id, director.id, RoleKind.CONVENER)
    for who in (dean, director):
        store.assign(p.id, who.id, RoleKind.CORE_TEAM)
    ceos = [
        f.person(store, name, f.org(store, company, industry=p.industry, region=p.region))
        for name, company in (
            ("Ana Ortiz", "Ortiz Precision"),
            ("Ben Carter", "Carter Castings"),
            ("Chloe Park", "Park Robotics"),
        )
    ]
    f.champion(
        store,
        p,
        ceos[0],
        passionate_company=True,
        passionate_industry=True,
        passionate_community=True,
        outreach_owner_id=director.id,
        signed_invite=True,
        hosts_launch=True,
    )
    f.champion(store, p, ceos[1], ChampionStatus.ASKED, outreach_owner_id=dean.id)
    f.champion(store, p, ceos[2], ChampionStatus.PROSPECT)
    for who in ceos:
        f.leader(store, p, who, InvitationStatus.INVITED)
    store.save_launch(
        LaunchMeeting(
            partnership_id=p.id,
            on=date(2026, 4, 15),
            held=True,
            action_areas=[
                ActionArea(id=1, title="Maintenance apprenticeship"),
                ActionArea(id=2, title="Career awareness in schools"),
            ],
            priority_area_ids=[1, 2],
        )
    )
    team = store.save_team(
        ActionTeam(
            partnership_id=p.id,
            name="Maintenance apprenticeship",
            priority_area_id=1,
            next_step="Draft the shared curriculum",
            meetings=[date(2026, 5, 20)],
        )
    )
    store.assign(p.id, dean.id, RoleKind.ACTION_TEAM_LEAD, team_id=team.id)
    store.assign(p.id, ceos[0].id, RoleKind.ACTION_TEAM_MEMBER, team_id=team.id)
    store.save_convening(
        Convening(
            partnership_id=p.id,
            on=date(2026, 3, 10),
            title="Spring update",
            attendee_ids=[ceos[0].id, dean.id, director.id],
        )
    )
    return RosterApp(store)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_partnerships_screen(snap_compare: Compare, tmp_path: Path, size: Any) -> None:
    assert snap_compare(seeded_app(tmp_path / "roster.json"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_prepare_stage_view(snap_compare: Compare, tmp_path: Path, size: Any) -> None:
    app = seeded_app(tmp_path / "roster.json")
    assert snap_compare(app, press=["enter", "_"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
@pytest.mark.parametrize("stage", ["2", "3", "4"], ids=["launch", "action", "sustain"])
def test_later_stage_views(snap_compare: Compare, tmp_path: Path, size: Any, stage: str) -> None:
    app = seeded_app(tmp_path / "roster.json")
    assert snap_compare(app, press=["enter", stage, "_"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_keys_of_the_stage_view(snap_compare: Compare, tmp_path: Path, size: Any) -> None:
    app = seeded_app(tmp_path / "roster.json")
    assert snap_compare(app, press=["enter", "question_mark", "_"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_waiver_question(snap_compare: Compare, tmp_path: Path, size: Any) -> None:
    app = seeded_app(tmp_path / "roster.json")
    assert snap_compare(app, press=["enter", "a", *"Board wants a June launch"], terminal_size=size)
