"""Switching stage views on a partnership of 60 companies (target: median under 50 ms).

Measures, never asserts:

* key to stage drawn (app, under Pilot): ``1``-``4`` sent to the running app as a real
  keypress until the first screen refresh after the new stage view is built;
* refresh after a change (logic): ``PartnershipScreen.reload`` (snapshot, gaps, rosters
  and both lists rebuilt), which runs after every edit.

Run: ``.venv/bin/python benchmarks/stage_switch.py``
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


from benchmarks.timing import KeyToDraw, report
from nextgen_tui.app import RosterApp
from nextgen_tui.models import (
    ActionArea,
    ActionTeam,
    ChampionDetails,
    ChampionStatus,
    Commitment,
    Convening,
    InvitationStatus,
    LaunchMeeting,
    LeaderDetails,
    Organization,
    OrgKind,
    Partnership,
    Person,
    RoleKind,
    Stage,
)
from nextgen_tui.store.repository import Store
from screens.stage.screen import PartnershipScreen

COMPANIES = 60
NOW = datetime(2026, 6, 1, 9, 0)
PUBLIC_KINDS = [
    OrgKind.COMMUNITY_COLLEGE,
    OrgKind.WORKFORCE_BOARD,
    OrgKind.ECONOMIC_DEVELOPMENT,
    OrgKind.K12,
    OrgKind.CHAMBER,
]


def seed(store: Store) -> int:
    """60 companies with two leaders each, champions, a public support team, 4 action
    teams and 4 convenings: a partnership well into Action."""
    with store.transaction("seed"):
        p = store.save_partnership(
            Partnership(name="Bench", industry="Mfg", region="North", stage=Stage.ACTION)
        )
        public = [
            store.save_organization(Organization(name=f"Public {i}", kind=kind))
            for i, kind in enumerate(PUBLIC_KINDS * 2)
        ]
        staff = [
            store.save_person(Person(name=f"Staff {i}", organization_id=public[i % 10].id))
            for i in range(30)
        ]
        for i, who in enumerate(staff):
            store.assign(p.id, who.id, RoleKind.CONVENING_TEAM)
            if i < 10:
                store.assign(p.id, who.id, RoleKind.CORE_TEAM)
            if i < 12:
                store.assign(p.id, who.id, RoleKind.SUPPORT_DELEGATE)
        store.assign(p.id, staff[0].id, RoleKind.CONVENER)
        store.assign(p.id, staff[1].id, RoleKind.FACILITATOR)
        leaders: list[Person] = []
        for i in range(COMPANIES):
            company = store.save_organization(
                Organization(
                    name=f"Company {i}", kind=OrgKind.COMPANY, industry="Mfg", region="North"
                )
            )
            for j in range(2):
                who = store.save_person(Person(name=f"Leader {i}-{j}", organization_id=company.id))
                leaders.append(who)
                store.assign(
                    p.id,
                    who.id,
                    RoleKind.INDUSTRY_LEADER,
                    leader=LeaderDetails(invitation=InvitationStatus.ACCEPTED, attended=j == 0),
                )
        for i, who in enumerate(leaders[:5]):
            store.assign(
                p.id,
                who.id,
                RoleKind.CHAMPION,
                champion=ChampionDetails(
                    status=ChampionStatus.COMMITTED,
                    passionate_company=True,
                    passionate_industry=True,
                    passionate_community=i % 2 == 0,
                    outreach_owner_id=staff[i].id,
                    signed_invite=True,
                    hosts_launch=i == 0,
                ),
            )
        areas = [ActionArea(id=i, title=f"Priority {i}") for i in range(1, 7)]
        store.save_launch(
            LaunchMeeting(
                partnership_id=p.id,
                on=date(2026, 2, 1),
                held=True,
                action_areas=areas,
                commitments=[
                    Commitment(id=100 + i, person_id=who.id, area_id=1 + i % 6)
                    for i, who in enumerate(leaders[:40])
                ],
                priority_area_ids=[1, 2, 3, 4, 5],
            )
        )
        for t in range(4):
            team = store.save_team(
                ActionTeam(partnership_id=p.id, name=f"Team {t}", priority_area_id=t + 1)
            )
            store.assign(p.id, staff[t].id, RoleKind.ACTION_TEAM_LEAD, team_id=team.id)
            for who in leaders[t * 8 : t * 8 + 8]:
                store.assign(p.id, who.id, RoleKind.ACTION_TEAM_MEMBER, team_id=team.id)
        for q in range(4):
            store.save_convening(
                Convening(
                    partnership_id=p.id,
                    on=date(2025, 8 + q, 1),
                    title=f"Quarterly {q}",
                    attendee_ids=[who.id for who in leaders[q::3]],
                )
            )
    return p.id


async def bench(store: Store, pid: int) -> None:
    app = RosterApp(store)  # a single partnership: it opens directly
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PartnershipScreen), screen
        clock = KeyToDraw(app, screen)

        async def switch(number: int) -> float:
            target = list(Stage)[number - 1]
            return await clock.press(str(number), str(number), lambda: screen.view_stage is target)

        switching: list[float] = []
        order = [1, 2, 3, 4, 3, 1, 4, 2]
        for _ in range(8):
            for number in order:
                switching.append(await switch(number))
                await pilot.pause()
        report("key to stage drawn (app)", switching, 50)

        reloading: list[float] = []
        for _ in range(30):
            started = time.perf_counter()
            screen.reload()
            reloading.append(time.perf_counter() - started)
            await pilot.pause()
        report("refresh after a change (logic)", reloading, 50)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.json"
        store = Store(path, clock=lambda: NOW)
        pid = seed(store)
        roles = len(store.roles(partnership_id=pid))
        print(f"{COMPANIES} companies, {roles} current roles")
        store.close()
        store = Store(path, clock=lambda: NOW)
        asyncio.run(bench(store, pid))
        store.close()


if __name__ == "__main__":
    main()
