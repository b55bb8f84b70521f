"""The region view's core: partnership lines, coverage matrices and engagement, on a
seeded file with three partnerships (see :mod:`tests.support.region_seed`)."""

from __future__ import annotations

from datetime import date

import pytest

from nextgen_tui.gaps.analysis import analyze
from nextgen_tui.gaps.balance import table_balance
from nextgen_tui.gaps.catalogue import Severity
from nextgen_tui.gaps.facts import Facts
from nextgen_tui.models import System
from nextgen_tui.models.snapshot import PartnershipSnapshot
from nextgen_tui.region.coverage import group_coverage, region_coverage
from nextgen_tui.region.engagement import bars, engagement, history_bars
from nextgen_tui.region.summary import region_lines
from nextgen_tui.store.repository import Store
from nextgen_tui.transfer.reports import status_report
from tests.support.gap_builder import TODAY
from tests.support.region_seed import LATER, Q1, Q2, TEAM_MEETING, Seeded, seed_region

E, W, D, L, C = (
    System.EDUCATION,
    System.WORKFORCE,
    System.ECONOMIC_DEVELOPMENT,
    System.LABOR,
    System.COMMUNITY,
)


@pytest.fixture
def seeded(store: Store) -> Seeded:
    return seed_region(store)


def snapshots(store: Store) -> list[PartnershipSnapshot]:
    return [store.snapshot(p.id) for p in store.partnerships()]


def test_region_lines(store: Store, seeded: Seeded) -> None:
    lines = {line.partnership.name: line for line in region_lines(snapshots(store), TODAY)}
    assert list(lines) == [
        "Advanced Manufacturing, North Valley",
        "Construction, North Valley",
        "Healthcare, North Valley",
    ]
    mfg = lines["Advanced Manufacturing, North Valley"]
    assert (mfg.companies, mfg.industry, mfg.public, mfg.champions) == (3, 3, 3, 2)
    assert (mfg.last_convening, mfg.next_convening) == (Q2, LATER)
    assert (mfg.teams_active, mfg.teams_stalled) == (1, 1)
    health = lines["Healthcare, North Valley"]
    assert (health.companies, health.industry, health.public, health.champions) == (0, 0, 2, 0)
    assert (health.last_convening, health.next_convening) == (None, None)
    assert (health.teams_active, health.teams_stalled) == (0, 0)
    for line in lines.values():  # the counts of the partnerships list: the current stage's
        gaps = analyze(store.snapshot(line.partnership.id), TODAY)
        here = [g for g in gaps if g.stage is line.partnership.stage]
        assert line.blockers == sum(g.severity is Severity.BLOCKER for g in here)
        assert line.warnings == sum(g.severity is Severity.WARNING for g in here)
    assert mfg.blockers + mfg.warnings > 0


def test_region_counts_the_table_as_the_launch_rule_does(store: Store, seeded: Seeded) -> None:
    """Industry vs public is counted one way on every screen: the region's numbers are the
    launch table's, and industry-outnumbered fires exactly when its public side is larger."""
    for line in region_lines(snapshots(store), TODAY):
        balance = table_balance(Facts.of(store.snapshot(line.partnership.id), TODAY))
        assert (line.industry, line.public) == (len(balance.industry), len(balance.public_people))
        rules = {g.rule for g in analyze(store.snapshot(line.partnership.id), TODAY)}
        assert ("industry-outnumbered" in rules) == (line.public > line.industry)


def test_region_matrix(store: Store, seeded: Seeded) -> None:
    p = seeded.people
    coverage = region_coverage(snapshots(store))
    rows = {row.label: row for row in coverage.rows}
    mfg = rows["Advanced Manufacturing, North Valley"]
    assert mfg.cells == {
        E: (p["dana"].id,),
        W: (p["marcus"].id,),
        D: (p["carla"].id,),
        L: (p["omar"].id,),
        C: (),
    }
    assert mfg.missing == [C]
    assert rows["Healthcare, North Valley"].cells == {
        E: (p["dana"].id,),
        W: (),
        D: (),
        L: (),
        C: (p["nia"].id,),
    }
    assert rows["Construction, North Valley"].missing == [E, D, L, C]
    shared = {coverage.names[pid] for pid in coverage.shared if coverage.is_shared(pid)}
    assert shared == {"Dana Whitfield", "Marcus Lee"}
    assert coverage.shared[p["marcus"].id] == 2
    assert not coverage.is_shared(p["omar"].id)


def test_group_matrix_of_one_partnership(store: Store, seeded: Seeded) -> None:
    p = seeded.people
    region = region_coverage(snapshots(store))
    coverage = group_coverage(store.snapshot(seeded.manufacturing.id), region.shared)
    assert [row.label for row in coverage.rows] == [
        "Core planning team",
        "Support team",
        "Skills",
        "Stalled",
    ]
    core, support, skills, stalled = coverage.rows
    assert core.missing == [L, C]
    assert support.cells[W] == (p["marcus"].id,) and support.cells[L] == (p["omar"].id,)
    assert skills.cells[E] == (p["dana"].id,) and skills.cells[W] == (p["marcus"].id,)
    assert stalled.missing == [E, W, D, L, C]
    assert coverage.is_shared(p["dana"].id) and not coverage.is_shared(p["carla"].id)


def test_engagement_meetings_leaders_and_drift(store: Store, seeded: Seeded) -> None:
    p = seeded.people
    found = engagement(store.snapshot(seeded.manufacturing.id), TODAY)
    assert [(m.on, m.label, m.industry, m.public) for m in found.meetings] == [
        (Q1, "Quarterly convening", 2, 1),
        (Q2, "Quarterly convening", 1, 2),
        (TEAM_MEETING, "Skills", 1, 1),
    ]  # the convening of 10 July is still to come
    assert found.quarterly == [Q1, Q2]
    assert found.top == 2
    history = {leader.name: leader.attended for leader in found.leaders}
    assert history == {
        "Ana Ortiz": (True, True),
        "Ben Carter": (True, False),
        "Cy Park": (False, False),
    }
    assert [leader.person_id for leader in found.drifted] == [p["cy"].id]
    assert [history_bars(leader) for leader in found.leaders] == ["██", "█▁", "▁▁"]


def test_a_leader_who_joined_late_has_not_drifted(store: Store, seeded: Seeded) -> None:
    mfg = seeded.manufacturing
    late = store.roles(partnership_id=mfg.id, person_id=seeded.people["cy"].id)
    leader = next(r for r in late if r.leader is not None)
    store.save_role(leader.updated(start=date(2026, 3, 1)))
    found = engagement(store.snapshot(mfg.id), TODAY)
    cy = next(leader for leader in found.leaders if leader.name == "Cy Park")
    assert cy.attended == (None, False) and not cy.drifted
    assert history_bars(cy) == "·▁"
    assert (cy.came, cy.expected) == (0, 1)


def test_bars_share_a_scale_from_zero() -> None:
    assert bars([0, 4, 8], 8) == "▁▅█"
    assert bars([1, 1, 1], 1) == "███"  # a full record is full, not flat at the bottom
    assert bars([3], 6) == "▅"
    assert bars([], 5) == ""
    assert bars([9, None], 0) == "█·"


def test_status_report_has_the_engagement_figures_as_tables(store: Store, seeded: Seeded) -> None:
    report = status_report(store.snapshot(seeded.manufacturing.id), TODAY)
    lines = report.splitlines()
    start = lines.index("## Engagement over time")
    section = lines[start:]
    assert "| 2026-01-10 | Quarterly convening | 2 | 1 |" in section
    assert "| 2026-05-01 | Skills | 1 | 1 |" in section
    assert "| Ana Ortiz | ██ | 2 of 2 |  |" in section
    assert "| Cy Park | ▁▁ | 0 of 2 | missed the last two |" in section
    assert not any(line.startswith("| 2026-07-10") for line in section)
    empty = status_report(store.snapshot(seeded.construction.id), TODAY)
    assert "No meeting with attendance recorded yet." in empty
    assert "No industry leader at the table yet." in empty
