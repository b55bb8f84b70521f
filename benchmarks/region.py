"""The region view and its coverage matrix against the partnerships list, on one file of
10 partnerships sharing a directory of 10,000 people (goal: under twice the list's time).

Measures, never asserts. Both screens are opened in the running app (under Pilot) on the
same file, and each is then re-read the way it is when it comes back into view:

* partnerships list: ``PartnershipsScreen.reload`` (a snapshot and the gaps of each
  partnership, the table refilled);
* region view: ``RegionScreen.reload`` (the same snapshots, each partnership's line and
  the public-system coverage matrix, both tables refilled).

The ratio of the medians is printed; the anchor is the list, measured in the same run.

Run: ``.venv/bin/python benchmarks/region.py``
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


from nextgen_tui.app import RosterApp
from nextgen_tui.models import (
    ActionTeam,
    ChampionDetails,
    ChampionStatus,
    Convening,
    InvitationStatus,
    LeaderDetails,
    Organization,
    OrgKind,
    Partnership,
    Person,
    Record,
    RoleAssignment,
    RoleKind,
    Stage,
)
from nextgen_tui.store.repository import Store
from screens.partnerships.screen import PartnershipsScreen
from screens.region.screen import RegionScreen

PARTNERSHIPS = 10
PEOPLE = 10_000
PUBLIC_PEOPLE = 2_000
NOW = datetime(2026, 6, 1, 9, 0)
START = date(2025, 1, 6)
PUBLIC_KINDS = [
    OrgKind.COMMUNITY_COLLEGE,
    OrgKind.WORKFORCE_BOARD,
    OrgKind.ECONOMIC_DEVELOPMENT,
    OrgKind.LABOR,
    OrgKind.COMMUNITY_ORG,
]
RUNS = 10


def records() -> list[Record]:
    """The whole file as records with their ids (written in one change)."""
    rng = random.Random(14)
    out: list[Record] = []
    public_orgs = [
        Organization(id=i + 1, name=f"Public {i}", kind=PUBLIC_KINDS[i % 5]) for i in range(100)
    ]
    companies = [
        Organization(id=1000 + i, name=f"Company {i}", industry="Mfg", region="North")
        for i in range(2000)
    ]
    out += [*public_orgs, *companies]
    people = [
        Person(
            id=i + 1,
            name=f"Person {i}",
            organization_id=(public_orgs[i % 100] if i < PUBLIC_PEOPLE else companies[i % 2000]).id,
        )
        for i in range(PEOPLE)
    ]
    out += people
    public, industry = people[:PUBLIC_PEOPLE], people[PUBLIC_PEOPLE:]
    role_id = team_id = convening_id = 0

    def role(pid: int, who: Person, kind: RoleKind, **extra: object) -> RoleAssignment:
        nonlocal role_id
        role_id += 1
        return RoleAssignment.model_validate(
            {
                "id": role_id,
                "partnership_id": pid,
                "person_id": who.id,
                "role": kind,
                "start": START,
                **extra,
            }
        )

    for p in range(1, PARTNERSHIPS + 1):
        out.append(
            Partnership(
                id=p,
                name=f"Partnership {p:02}",
                industry="Mfg",
                region="North",
                stage=list(Stage)[p % 4],
            )
        )
        staff = rng.sample(public, 60)
        leaders = rng.sample(industry, 800)
        out.append(role(p, staff[0], RoleKind.CONVENER))
        out += [role(p, who, RoleKind.CORE_TEAM) for who in staff[:10]]
        out += [role(p, who, RoleKind.CONVENING_TEAM) for who in staff[:40]]
        out += [role(p, who, RoleKind.SUPPORT_DELEGATE) for who in staff[40:52]]
        invitation = [
            InvitationStatus.ACCEPTED,
            InvitationStatus.INVITED,
            InvitationStatus.DECLINED,
        ]
        out += [
            role(
                p, who, RoleKind.INDUSTRY_LEADER, leader=LeaderDetails(invitation=invitation[i % 3])
            )
            for i, who in enumerate(leaders)
        ]
        out += [
            role(
                p,
                who,
                RoleKind.CHAMPION,
                champion=ChampionDetails(
                    status=ChampionStatus.COMMITTED, outreach_owner_id=staff[1].id
                ),
            )
            for who in leaders[:6]
        ]
        for t in range(4):
            team_id += 1
            out.append(
                ActionTeam(
                    id=team_id,
                    partnership_id=p,
                    name=f"Team {t}",
                    next_step="Meet" if t else "",
                    meetings=[date(2026, 5, 1)],
                )
            )
            out.append(role(p, staff[52 + t], RoleKind.ACTION_TEAM_LEAD, team_id=team_id))
            out += [
                role(p, who, RoleKind.ACTION_TEAM_MEMBER, team_id=team_id)
                for who in leaders[t * 10 : t * 10 + 10]
            ]
        for q in range(6):
            convening_id += 1
            out.append(
                Convening(
                    id=convening_id,
                    partnership_id=p,
                    on=date(2025, 6, 1) + timedelta(days=91 * q),
                    attendee_ids=[who.id for who in rng.sample(leaders, 300)],
                )
            )
    return out


def timed(run: Callable[[], None]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


async def bench(store: Store) -> tuple[list[float], list[float]]:
    app = RosterApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        listing = app.screen
        assert isinstance(listing, PartnershipsScreen), listing
        await pilot.press("r")
        await pilot.pause()
        region = app.screen
        assert isinstance(region, RegionScreen), region
        list_times: list[float] = []
        region_times: list[float] = []
        for _ in range(RUNS):  # alternate, so load on the machine weighs on both alike
            region_times.append(timed(region.reload))
            await pilot.pause()
            list_times.append(timed(listing.reload))
            await pilot.pause()
    return list_times, region_times


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.json"
        store = Store(path, clock=lambda: NOW)
        store.save_many(records(), "Seed the benchmark")
        roles = len(store.roles())
        print(f"{PARTNERSHIPS} partnerships, {len(store.people())} people, {roles} current roles")
        store.close()
        store = Store(path, clock=lambda: NOW, read_only=True)
        list_times, region_times = asyncio.run(bench(store))
        store.close()
    for label, times in (("partnerships list (anchor)", list_times), ("region view", region_times)):
        ms = sorted(t * 1000 for t in times)
        print(f"{label:<28} median {statistics.median(ms):8.1f} ms  (n={len(ms)})")
    ratio = statistics.median(region_times) / statistics.median(list_times)
    print(f"region view / partnerships list: {ratio:.2f}x (goal: under 2x)")


if __name__ == "__main__":
    main()
