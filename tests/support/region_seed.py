"""Three partnerships sharing people in one file: the region view's test data (not a test).

- Advanced Manufacturing (Action): convener Marcus (workforce board); core team Dana
  (college), Marcus, Carla (chamber); convening team Omar (union); champions Ana and Ben
  committed; leaders Ana, Ben and Cy accepted; action teams Skills (active) and Stalled
  (no next step); quarterly convenings on 10 January and 10 April 2026 and one on 10
  July 2026 (after "today", 1 June 2026); a Skills meeting on 1 May 2026.
- Healthcare (Prepare): core team Dana and Nia (community organization); Dee asked as a
  champion.
- Construction (Launch): Marcus co-convener, nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from nextgen_tui.models import (
    ActionTeam,
    ChampionDetails,
    ChampionStatus,
    Convening,
    ConveningKind,
    InvitationStatus,
    LeaderDetails,
    Organization,
    OrgKind,
    Partnership,
    Person,
    RoleKind,
    Stage,
)
from nextgen_tui.store.repository import Store
from tests.support import factories as f

JOINED = date(2025, 9, 1)
Q1, Q2, LATER = date(2026, 1, 10), date(2026, 4, 10), date(2026, 7, 10)
TEAM_MEETING = date(2026, 5, 1)


@dataclass
class Seeded:
    manufacturing: Partnership
    healthcare: Partnership
    construction: Partnership
    people: dict[str, Person]
    skills: ActionTeam
    stalled: ActionTeam


@f.seeds
def seed_region(store: Store) -> Seeded:
    mfg = f.partnership(store, stage=Stage.ACTION)
    health = f.partnership(store, "Healthcare, North Valley", "Healthcare")
    build = f.partnership(store, "Construction, North Valley", "Construction", stage=Stage.LAUNCH)
    orgs: dict[str, Organization] = {
        "college": f.org(store, "North Valley College", OrgKind.COMMUNITY_COLLEGE),
        "board": f.org(store, "Workforce Board", OrgKind.WORKFORCE_BOARD),
        "chamber": f.org(store, "Chamber", OrgKind.CHAMBER),
        "union": f.org(store, "Trades Union", OrgKind.LABOR),
        "ngo": f.org(store, "Neighbors [United]", OrgKind.COMMUNITY_ORG),
    }
    for key, industry in (("c1", mfg), ("c2", mfg), ("c3", mfg), ("h1", health)):
        orgs[key] = f.org(
            store, f"Company {key}", industry=industry.industry, region=industry.region
        )
    people = {
        name: f.person(store, label, orgs[org])
        for name, label, org in (
            ("dana", "Dana Whitfield", "college"),
            ("marcus", "Marcus Lee", "board"),
            ("carla", "Carla Mendes", "chamber"),
            ("omar", "Omar [b]Haddad[/b]", "union"),
            ("nia", "Nia Brooks", "ngo"),
            ("ana", "Ana Ortiz", "c1"),
            ("ben", "Ben Carter", "c2"),
            ("cy", "Cy Park", "c3"),
            ("dee", "Dee Quinn", "h1"),
        )
    }
    p = people

    def give(
        partnership: Partnership,
        who: str,
        role: RoleKind,
        *,
        team_id: int | None = None,
        champion: ChampionDetails | None = None,
        leader: LeaderDetails | None = None,
    ) -> None:
        store.assign(
            partnership.id,
            p[who].id,
            role,
            start=JOINED,
            team_id=team_id,
            champion=champion,
            leader=leader,
        )

    give(mfg, "marcus", RoleKind.CONVENER)
    for who in ("dana", "marcus", "carla"):
        give(mfg, who, RoleKind.CORE_TEAM)
    give(mfg, "omar", RoleKind.CONVENING_TEAM)
    for who in ("ana", "ben"):
        give(mfg, who, RoleKind.CHAMPION, champion=ChampionDetails(status=ChampionStatus.COMMITTED))
    for who in ("ana", "ben", "cy"):
        give(
            mfg,
            who,
            RoleKind.INDUSTRY_LEADER,
            leader=LeaderDetails(invitation=InvitationStatus.ACCEPTED),
        )
    skills = store.save_team(
        ActionTeam(
            partnership_id=mfg.id,
            name="Skills",
            next_step="Pilot with the college",
            meetings=[TEAM_MEETING],
        )
    )
    stalled = store.save_team(ActionTeam(partnership_id=mfg.id, name="Stalled"))
    for who in ("dana", "ana"):
        give(mfg, who, RoleKind.ACTION_TEAM_MEMBER, team_id=skills.id)
    give(mfg, "marcus", RoleKind.ACTION_TEAM_LEAD, team_id=skills.id)
    attended: tuple[tuple[date, tuple[str, ...]], ...] = (
        (Q1, ("ana", "ben", "dana")),
        (Q2, ("ana", "dana", "marcus")),
        (LATER, ()),
    )
    for on, names in attended:
        store.save_convening(
            Convening(partnership_id=mfg.id, on=on, attendee_ids=[p[w].id for w in names])
        )
    store.save_convening(
        Convening(
            partnership_id=mfg.id,
            on=TEAM_MEETING,
            kind=ConveningKind.ACTION_TEAM,
            team_id=skills.id,
            attendee_ids=[p["ana"].id, p["dana"].id],
        )
    )
    for who in ("dana", "nia"):
        give(health, who, RoleKind.CORE_TEAM)
    give(health, "dee", RoleKind.CHAMPION, champion=ChampionDetails(status=ChampionStatus.ASKED))
    give(build, "marcus", RoleKind.CO_CONVENER)
    return Seeded(mfg, health, build, people, skills, stalled)
