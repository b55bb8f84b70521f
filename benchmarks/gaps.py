"""Benchmark a full gap analysis of a large partnership (target: under 5 ms).

The partnership: 60 companies, 1,000 role assignments (about 5% of them ended), 20
action teams with meetings, 12 quarterly convenings with attendance, a held launch with
priorities and commitments, built in memory. Also prints the time at 250, 1,000 and
4,000 assignments, to show the analysis grows linearly, and the time of the roster groups
of all four stages.

Then what the ``gaps`` command does, file included, at 1,000 and 10,000 people: open the
file read-only, take the snapshot and analyse it, against ``json.loads`` of the same file
in the same run (opening dominates: the analysis is a small part of it).

Measures, never asserts. Run: ``.venv/bin/python benchmarks/gaps.py``
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.rosters import alternate, seed
from nextgen_tui.gaps.analysis import analyze
from nextgen_tui.lifecycle.rosters import groups_for
from nextgen_tui.models import (
    ActionArea,
    ChampionStatus,
    Commitment,
    InvitationStatus,
    OrgKind,
    RoleKind,
    Stage,
)
from nextgen_tui.models.snapshot import PartnershipSnapshot
from nextgen_tui.store.repository import Store
from tests.support.gap_builder import TODAY, Build

COMPANIES = 60
TEAMS = 20
CONVENINGS = 12
PUBLIC_KINDS = [
    OrgKind.K12,
    OrgKind.COMMUNITY_COLLEGE,
    OrgKind.UNIVERSITY,
    OrgKind.WORKFORCE_BOARD,
    OrgKind.JOB_CENTER,
    OrgKind.CHAMBER,
    OrgKind.ECONOMIC_DEVELOPMENT,
    OrgKind.LABOR,
    OrgKind.COMMUNITY_ORG,
]


def _read_json(path: Path, _run: int) -> object:
    return json.loads(path.read_bytes())


def _gaps_command(path: Path, _run: int) -> object:
    return gaps_command(path)


def build(assignments: int, seed: int = 7) -> PartnershipSnapshot:
    """A partnership with exactly ``assignments`` role assignments."""
    rng = random.Random(seed)
    b = Build()
    companies = [b.org(OrgKind.COMPANY, f"Company {i}") for i in range(COMPANIES)]
    public = [b.public_person(PUBLIC_KINDS[i % len(PUBLIC_KINDS)]) for i in range(60)]
    for pid in public[:2]:
        b.role(pid, RoleKind.CONVENER)
    b.roles_of(RoleKind.CORE_TEAM, *public[:12])
    b.roles_of(RoleKind.CONVENING_TEAM, *public[:40])
    b.roles_of(RoleKind.SUPPORT_DELEGATE, *public[2:14])
    b.role(public[50], RoleKind.FACILITATOR)
    champions = [
        b.champion(b.person(companies[i]), ChampionStatus.COMMITTED, signed_invite=True)
        for i in range(6)
    ]
    left = assignments - len(b.roles)
    leaders: list[int] = []
    for i in range(int(left * 0.4)):
        who = b.person(companies[i % COMPANIES])
        invitation = rng.choice(list(InvitationStatus))
        end = TODAY - timedelta(days=30) if rng.random() < 0.05 else None
        b.leader(who, invitation, attended=rng.random() < 0.6, end=end)
        leaders.append(who)
    areas = [ActionArea(id=1000 + i, title=f"Priority {i}") for i in range(TEAMS)]
    b.set_launch(
        on=TODAY - timedelta(days=300),
        held=True,
        opener_id=champions[0],
        closer_id=champions[1],
        action_areas=areas,
        priority_area_ids=[area.id for area in areas],
        commitments=[
            Commitment(id=5000 + i, person_id=pid, area_id=rng.choice(areas).id)
            for i, pid in enumerate(leaders[::2])
        ],
    )
    teams = [
        b.team(
            f"Team {i}",
            priority_area_id=areas[i].id,
            meetings=[TODAY - timedelta(days=rng.randint(1, 200)) for _ in range(6)],
        )
        for i in range(TEAMS)
    ]
    while len(b.roles) < assignments:
        team = rng.choice(teams)
        who = rng.choice(leaders) if rng.random() < 0.6 else rng.choice(public)
        end = TODAY - timedelta(days=10) if rng.random() < 0.05 else None
        b.on_team(team, who, lead=rng.random() < 0.05, end=end)
    for i in range(CONVENINGS):
        came = rng.sample(leaders, len(leaders) // 2) + champions[: rng.randint(0, 6)]
        b.convening(TODAY - timedelta(days=90 * i + 5), came)
    return b.snapshot()


def median_ms(run: Callable[[], object], repeat: int = 200) -> float:
    run()  # warm up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    snapshot = build(1000)
    gaps = analyze(snapshot, TODAY)
    print(
        f"Partnership: {len(snapshot.roles)} role assignments, {COMPANIES} companies, "
        f"{len(snapshot.teams)} action teams, {len(snapshot.convenings)} convenings, "
        f"{len(snapshot.people)} people; {len(gaps)} gaps found"
    )
    full = median_ms(lambda: analyze(snapshot, TODAY))
    print(f"full gap analysis (1,000 assignments): median {full:.2f} ms (target < 5 ms)")
    rosters = median_ms(lambda: [groups_for(snapshot, stage) for stage in Stage])
    print(f"roster groups of all four stages:     median {rosters:.2f} ms")
    print("growth with the number of role assignments:")
    for size in (250, 1000, 4000):
        big = build(size)
        ms = median_ms(lambda big=big: analyze(big, TODAY), repeat=100)  # type: ignore[misc]
        print(f"  {size:>5} assignments: median {ms:6.2f} ms  ({ms / size * 1000:.2f} µs each)")
    print("the gaps command, file included (open read-only, snapshot, analysis):")
    with tempfile.TemporaryDirectory() as folder:
        for people in (1_000, 10_000):
            path = Path(folder) / f"roster-{people}.json"
            seed(path, people)
            json_s, command_s = alternate(
                [
                    partial(_read_json, path),
                    partial(_gaps_command, path),
                ],
                7,
            )
            print(
                f"  {people:>6,} people: json.loads {json_s * 1000:7.1f} ms   gaps "
                f"{command_s * 1000:7.1f} ms   ratio {command_s / json_s:.2f}x"
            )


def gaps_command(path: Path) -> int:
    """What ``nextgen-tui gaps --db path`` computes; the number of gaps."""
    with Store(path, read_only=True) as store:
        return sum(len(analyze(store.snapshot(p.id), TODAY)) for p in store.partnerships())


if __name__ == "__main__":
    main()
