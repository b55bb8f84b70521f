"""A launch meeting under way, seeded for the room view's tests (not a test module)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from nextgen_tui.meeting.agenda import go_to_phase, start_meeting
from nextgen_tui.meeting.capture import add_area, add_opportunity, vote
from nextgen_tui.meeting.checkin import check_in
from nextgen_tui.models import MeetingPhase, OrgKind, RoleKind
from nextgen_tui.store.repository import Store
from tests.conftest import FIXED_NOW
from tests.support import factories as f

#: The meeting started 40 minutes before FIXED_NOW; Part 2 began 12 minutes before it.
STARTED = FIXED_NOW - timedelta(minutes=40)
PART_2 = FIXED_NOW - timedelta(minutes=12)


@dataclass(frozen=True)
class Seeded:
    path: Path
    partnership_id: int
    waiting: list[int]  # invited industry leaders not checked in yet


def seed_meeting(path: Path) -> Seeded:
    """A partnership (and a second one, idle) whose launch is in Part 2: 4 industry and 2
    public partners checked in, opportunities and action areas with dots captured."""
    store = Store(path, clock=lambda: FIXED_NOW)
    try:
        p = f.partnership(store)
        f.partnership(store, "Healthcare, North Valley", "Healthcare")
        college = f.org(store, "North Valley College", OrgKind.COMMUNITY_COLLEGE)
        board = f.org(store, "Workforce Board", OrgKind.WORKFORCE_BOARD)
        leaders = f.companies_with_leaders(store, p, 6)
        f.champion(store, p, leaders[0])
        public = [f.person(store, "Dana Whitfield", college), f.person(store, "Bob [/]", board)]
        for who in public:
            store.assign(p.id, who.id, RoleKind.SUPPORT_DELEGATE)
        start_meeting(store, p.id, STARTED)
        for who in [*leaders[:4], *public]:
            check_in(store, p.id, who.id, STARTED)
        add_opportunity(store, p.id, "Robots on every line [TODO] x")
        add_opportunity(store, p.id, "Half the machinists retire within five years")
        go_to_phase(store, p.id, MeetingPhase.ACTION_AREAS, PART_2)
        skills = add_area(store, p.id, "Maintenance apprenticeships")
        add_area(store, p.id, "[b]Career[/b] awareness in schools")
        for who in leaders[:3]:
            vote(store, p.id, skills.id, who.id)
        return Seeded(path, p.id, [who.id for who in leaders[4:]])
    finally:
        store.close()
