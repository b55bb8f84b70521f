"""A partnership with every kind of role, detail, team, the launch and convenings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from nextgen_tui.models import (
    ActionTeam,
    ChampionStatus,
    Convening,
    ConveningKind,
    InvitationStatus,
    LaunchMeeting,
    OrgKind,
    Partnership,
    RoleKind,
)
from nextgen_tui.store.repository import Store
from tests.support import factories as f


@dataclass
class Seeded:
    partnership: Partnership
    names: list[str]


@f.seeds
def seed(store: Store, names: list[str] | None = None, partnership: str = "") -> Seeded:
    """A partnership with every kind of role, detail, team, the launch and convenings.

    ``names`` (at least 10) name the people, organizations, teams and places, so the same
    builder makes a plain partnership and one full of hostile names.
    """
    n = names or [
        "Ann Lee",
        "Ben Ode",
        "Cy Fair",
        "Dee Dean",
        "Eve Ng",
        "Fay Oh",
        "Gus Roy",
        "Hal Ito",
        "Ida Moe",
        "Jo Park",
    ]
    n = [*n, *(f"{name} {i}" for i, name in enumerate(n))][:12]
    p = f.partnership(store, name=partnership or "Advanced Manufacturing, North Valley")
    acme = f.org(store, n[0][:190] + " Corp", OrgKind.COMPANY, industry="Machining")
    college = f.org(store, n[1][:190] + " College", OrgKind.COMMUNITY_COLLEGE)
    board = f.org(store, n[2][:190] + " Board", OrgKind.WORKFORCE_BOARD)
    people = [
        f.person(
            store,
            n[i],
            (acme, college, board)[i % 3],
            title=f"Title {n[i]}"[:200],
            email=f"p{i}@example.org",
            phone=f"555-01{i:02d}",
        )
        for i in range(10)
    ]
    store.assign(p.id, people[1].id, RoleKind.CONVENER, start=date(2026, 1, 5))
    store.assign(p.id, people[2].id, RoleKind.CORE_TEAM, start=date(2026, 1, 6))
    store.assign(p.id, people[2].id, RoleKind.CONVENING_TEAM)
    f.champion(
        store,
        p,
        people[0],
        passionate_company=True,
        passionate_community=True,
        outreach_owner_id=people[1].id,
        signed_invite=True,
        hosts_launch=True,
    )
    f.champion(store, p, people[3], ChampionStatus.ASKED, passionate_industry=True)
    f.leader(store, p, people[4], InvitationStatus.ACCEPTED, attended=True, introduced=True)
    f.leader(store, p, people[5], InvitationStatus.DECLINED)
    store.assign(p.id, people[6].id, RoleKind.SUPPORT_DELEGATE)
    store.assign(p.id, people[7].id, RoleKind.FACILITATOR)
    team = store.save_team(ActionTeam(partnership_id=p.id, name=n[8][:190] + " team"))
    store.assign(p.id, people[8].id, RoleKind.ACTION_TEAM_LEAD, team_id=team.id)
    store.assign(p.id, people[9].id, RoleKind.ACTION_TEAM_MEMBER, team_id=team.id)
    store.save_launch(
        LaunchMeeting(
            partnership_id=p.id,
            on=date(2026, 4, 23),
            place=n[10],
            host_org_id=acme.id,
            opener_id=people[0].id,
        )
    )
    store.save_convening(
        Convening(
            partnership_id=p.id,
            on=date(2026, 7, 1),
            title=n[11],
            notes=f"Agenda: {n[0]}; {n[1]}, and\nmore \\ later",
        )
    )
    store.save_convening(
        Convening(
            partnership_id=p.id,
            on=date(2026, 8, 1),
            kind=ConveningKind.ACTION_TEAM,
            team_id=team.id,
        )
    )
    return Seeded(p, n)
