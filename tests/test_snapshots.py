"""Screenshots of the main screens at 80x24 and 120x40, compared with approved SVGs.

Regenerate after an intended change with ``make snapshots`` and look at the SVGs in
``tests/__snapshots__/test_snapshots/`` before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from nextgen_tui.app import RosterApp
from nextgen_tui.models import ChampionStatus, InvitationStatus, OrgKind, RoleKind
from nextgen_tui.store import Store
from tests import factories as f
from tests.conftest import FIXED_NOW

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
    return RosterApp(store)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_partnerships_screen(snap_compare: Compare, tmp_path: Path, size: Any) -> None:
    assert snap_compare(seeded_app(tmp_path / "roster.json"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_prepare_stage_view(snap_compare: Compare, tmp_path: Path, size: Any) -> None:
    app = seeded_app(tmp_path / "roster.json")
    assert snap_compare(app, press=["enter", "_"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_launch_stage_view(snap_compare: Compare, tmp_path: Path, size: Any) -> None:
    app = seeded_app(tmp_path / "roster.json")
    assert snap_compare(app, press=["enter", "2", "_"], terminal_size=size)
