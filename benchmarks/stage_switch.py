"""Switching stage views (keys 1-4) against a bare anchor (target: 1.5x or less).

For a partnership of 60 companies (about 200 roles) and of 450 (about 1,000 roles), in the
same run, measures and never asserts:

* key to stage drawn (app, under Pilot): ``1``-``4`` sent to the running app as a real
  keypress until the first screen refresh after the new stage view is shown;
* key to lists drawn (anchor): a bare Textual app with two option lists that swaps in
  the same lines, computed beforehand, on the same keys (what no stage view can beat);
  the two apps run side by side and take turns, key by key, so that the load on the
  machine weighs on both alike;
* refresh after a change (logic): ``PartnershipScreen.reload`` (snapshot, gaps, rosters
  and both lists rebuilt), which runs after every edit.

Prints medians, p90s and the ratios app/anchor.

Run: ``.venv/bin/python benchmarks/stage_switch.py``
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import OptionList
from textual.widgets.option_list import Option

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

SIZES = (60, 450)  # companies
ORDER = [1, 2, 3, 4, 3, 1, 4, 2]
SIZE = (120, 40)
NOW = datetime(2026, 6, 1, 9, 0)
PUBLIC_KINDS = [
    OrgKind.COMMUNITY_COLLEGE,
    OrgKind.WORKFORCE_BOARD,
    OrgKind.ECONOMIC_DEVELOPMENT,
    OrgKind.K12,
    OrgKind.CHAMBER,
]


def seed(store: Store, companies: int) -> int:
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
        for i in range(companies):
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


Lists = dict[str, tuple[list[Option], list[Option]]]


class Anchor(App[None]):
    """The bare anchor: two option lists whose lines are swapped by the keys 1-4."""

    BINDINGS = [(str(n), f"show('{n}')", str(n)) for n in range(1, 5)]

    def __init__(self, lists: Lists) -> None:
        super().__init__()
        self.lists = lists
        self.shown = ""

    def compose(self) -> ComposeResult:
        yield OptionList(id="roster")
        yield OptionList(id="gaps")

    def action_show(self, number: str) -> None:
        roster, gaps = self.lists[number]
        self.query_one("#roster", OptionList).set_options(roster)
        self.query_one("#gaps", OptionList).set_options(gaps)
        self.shown = number


async def switch_times(
    app: RosterApp, screen: PartnershipScreen, pilot: Pilot[None], anchor: Anchor
) -> tuple[list[float], list[float]]:
    """The same keys to the app and to the anchor in turn (both running side by side), so
    that the load on the machine weighs on both alike: (app times, anchor times)."""

    def viewing(number: int) -> Callable[[], bool]:
        return lambda: screen.view_stage is not None and screen.view_stage.number == number

    def swapped(number: int) -> Callable[[], bool]:
        return lambda: anchor.shown == str(number)

    async with anchor.run_test(size=SIZE) as anchor_pilot:
        await anchor_pilot.pause()
        clock, anchor_clock = KeyToDraw(app, screen), KeyToDraw(anchor, anchor.screen)
        times: list[float] = []
        anchor_times: list[float] = []
        for _ in range(6):
            for number in ORDER:
                key = str(number)
                times.append(await clock.press(key, key, viewing(number)))
                await pilot.pause()
                anchor_times.append(await anchor_clock.press(key, key, swapped(number)))
                await anchor_pilot.pause()
    return times, anchor_times


async def bench(store: Store) -> tuple[list[float], list[float], list[float]]:
    """(app switch times, anchor switch times, refresh times)."""
    app = RosterApp(store)  # a single partnership: it opens directly
    lists: Lists = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PartnershipScreen), screen
        for stage in Stage:  # the lines the anchor will swap, as the app shows them
            screen.show_stage(stage)
            await pilot.pause()
            roster = [Option(o.prompt) for o in screen.roster.options]
            gaps = [Option(o.prompt) for o in screen.gap_list.options]
            lists[str(stage.number)] = (roster, gaps)
        switching, anchor = await switch_times(app, screen, pilot, Anchor(lists))
        reloading: list[float] = []
        for _ in range(20):
            started = time.perf_counter()
            screen.reload()
            reloading.append(time.perf_counter() - started)
            await pilot.pause()
    return switching, anchor, reloading


def main() -> None:
    for companies in SIZES:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "bench.json"
            with Store(path, clock=lambda: NOW) as store:
                pid = seed(store, companies)
                roles = len(store.roles(partnership_id=pid))
            print(f"== {companies} companies, {roles} current roles")
            with Store(path, clock=lambda: NOW) as store:
                switching, anchor, reloading = asyncio.run(bench(store))
        report("key to stage drawn (app)", switching, 50)
        report("key to lists drawn (anchor)", anchor, 50)
        print(
            f"  app/anchor: median {statistics.median(switching) / statistics.median(anchor):.2f}x"
            f"   p90 {p90(switching) / p90(anchor):.2f}x"
        )
        report("refresh after a change (logic)", reloading, 50)
    print("target: app/anchor 1.5x or less")


def p90(seconds: list[float]) -> float:
    ordered = sorted(seconds)
    return ordered[max(int(len(ordered) * 0.9) - 1, 0)]


if __name__ == "__main__":
    main()
