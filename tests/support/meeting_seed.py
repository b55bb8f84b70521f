"""A launch meeting's room seeded for the meeting logic tests."""

from __future__ import annotations

from dataclasses import dataclass

from nextgen_tui.models import (
    InvitationStatus,
    OrgKind,
    Partnership,
    Person,
    RoleKind,
)
from nextgen_tui.store.repository import Store
from tests.support import factories as f


@dataclass
class Room:
    partnership: Partnership
    leaders: list[Person]  # industry leaders, one company each except the last two (shared)
    champion: Person  # industry, champion role only
    public: list[Person]  # support delegates / core team from public systems


@f.seeds
def seed_room(store: Store) -> Room:
    p = f.partnership(store)
    leaders = f.companies_with_leaders(store, p, 3)
    shared = store.organization(leaders[2].organization_id or 0)
    second = f.person(store, "Dana Second", shared)
    f.leader(store, p, second, InvitationStatus.INVITED)
    champ_co = f.org(store, "Champion Works", OrgKind.COMPANY)
    champ = f.person(store, "Carla Champion", champ_co)
    f.champion(store, p, champ)
    college = f.org(store, "Valley College", OrgKind.COMMUNITY_COLLEGE)
    board = f.org(store, "Workforce Board", OrgKind.WORKFORCE_BOARD)
    chamber = f.org(store, "Chamber", OrgKind.CHAMBER)
    public = [
        f.person(store, "Pat College", college),
        f.person(store, "Wes Board", board),
        f.person(store, "Chad Chamber", chamber),
    ]
    store.assign(p.id, public[0].id, RoleKind.SUPPORT_DELEGATE)
    store.assign(p.id, public[1].id, RoleKind.CORE_TEAM)
    store.assign(p.id, public[2].id, RoleKind.FACILITATOR)
    return Room(p, [*leaders, second], champ, public)
