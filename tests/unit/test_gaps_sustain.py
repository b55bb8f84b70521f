"""Stage 4 (Sustain) rules: each fires, does not fire, and is exact at its boundaries."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from nextgen_tui.gaps.catalogue import Severity
from nextgen_tui.models import ChampionStatus, ConveningKind, InvitationStatus, Stage
from tests.support.gap_builder import TODAY, Build

ENDED = date(2026, 1, 31)


def _days_ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def _sustain(b: Build) -> list[str]:
    return [g.rule for g in b.gaps() if g.stage is Stage.SUSTAIN]


def test_complete_partnership_has_no_sustain_gap() -> None:
    assert _sustain(Build.complete()) == []


# ----------------------------------------------------------------------------- quarterly


@pytest.mark.parametrize(("ago", "fires"), [(0, False), (99, False), (100, True), (365, True)])
def test_quarterly_convening_boundary(ago: int, fires: bool) -> None:
    b = Build()
    b.set_launch(held=True, on=_days_ago(500))
    b.convening(_days_ago(400))
    b.convening(_days_ago(ago))
    b.convening(TODAY + timedelta(days=5))  # planned: not held yet
    b.convening(_days_ago(1), kind=ConveningKind.ACTION_TEAM, team_id=b.team().id)
    gaps = b.of("no-quarterly-convening")
    assert bool(gaps) is fires
    if fires:
        assert gaps[0].severity is Severity.WARNING and gaps[0].stage is Stage.SUSTAIN
        assert f"was {ago} days ago" in gaps[0].message and "every 100 days" in gaps[0].message


def test_never_convened() -> None:
    b = Build()
    b.set_launch(held=True)
    [gap] = b.of("no-quarterly-convening")
    assert gap.message.startswith("No quarterly partnership convening is recorded.")


def test_quarterly_convening_waits_for_the_launch() -> None:
    b = Build()
    assert b.rules()["no-quarterly-convening"] == 0  # no launch meeting at all
    b.set_launch(on=_days_ago(30))
    assert b.rules()["no-quarterly-convening"] == 0  # planned, not held
    b.set_partnership(stage=Stage.SUSTAIN)
    assert b.rules()["no-quarterly-convening"] == 0  # even in Sustain
    b.set_launch(held=True)
    assert b.rules()["no-quarterly-convening"] == 1


def test_overdue_days_set_by_the_partnership() -> None:
    b = Build()
    b.set_launch(held=True)
    b.thresholds(convening_overdue_days=30)
    b.convening(_days_ago(29))
    assert b.rules()["no-quarterly-convening"] == 0
    b.thresholds(convening_overdue_days=29)
    [gap] = b.of("no-quarterly-convening")
    assert "every 29 days (your setting; the default is 100)" in gap.message


# ----------------------------------------------------------------------------- champions lapsed


def _champions_at_convenings(attending: list[list[int]], b: Build) -> None:
    """Three convenings, oldest first, each with its attendees."""
    for ago, people in zip((200, 100, 10), attending, strict=True):
        b.convening(_days_ago(ago), people)


def test_two_champions_across_the_last_two_convenings_is_enough() -> None:
    b = Build()
    one, two = b.champion(), b.champion()
    _champions_at_convenings([[], [one], [two]], b)
    assert b.rules()["champions-lapsed"] == 0


def test_champions_lapsed_with_one_champion_attending() -> None:
    b = Build()
    one, two = b.champion(), b.champion()
    declined = b.champion(status=ChampionStatus.DECLINED)
    ended = b.champion(end=ENDED)
    _champions_at_convenings([[two], [one, declined], [one, ended]], b)
    [gap] = b.of("champions-lapsed")
    assert gap.severity is Severity.WARNING and gap.people == (two,)
    assert gap.message.startswith("Only 1 champion attended the last two convenings")


def test_champions_minimum_applies_to_attendance() -> None:
    b = Build()
    people = [b.champion() for _ in range(3)]
    _champions_at_convenings([[], people[:2], []], b)
    assert b.rules()["champions-lapsed"] == 0
    b.thresholds(champions_min=3)
    assert b.rules()["champions-lapsed"] == 1


def test_no_champions_lapsed_before_any_convening() -> None:
    b = Build()
    b.champion()
    b.convening(TODAY + timedelta(days=10))
    assert b.rules()["champions-lapsed"] == 0


def test_one_convening_so_far_is_judged_alone() -> None:
    b = Build()
    one, _two = b.champion(), b.champion()
    b.convening(_days_ago(5), [one])
    [gap] = b.of("champions-lapsed")
    assert "attended the last convening" in gap.message


# ----------------------------------------------------------------------------- industry disengaged


def test_industry_leader_who_missed_the_last_two_convenings() -> None:
    b = Build()
    missed, came_once = b.leaders(2)
    declined = b.leader(invitation=InvitationStatus.DECLINED)
    new = b.leader(start=_days_ago(50))  # joined after the older of the two convenings
    b.leader(missed)  # the same person twice
    b.leader(end=ENDED)
    b.convening(_days_ago(200), [missed])
    b.convening(_days_ago(100), [came_once])
    b.convening(_days_ago(10), [])
    [gap] = b.of("industry-disengaged")
    assert gap.severity is Severity.HINT and gap.people == (missed,)
    assert gap.message.startswith("1 industry leader missed the last two convenings")
    assert {declined, new}.isdisjoint(gap.people)


def test_no_disengaged_hint_with_fewer_than_two_convenings() -> None:
    b = Build()
    b.leaders(3)
    b.convening(_days_ago(10))
    assert b.rules()["industry-disengaged"] == 0


def test_a_leader_who_came_to_the_last_convening_is_engaged() -> None:
    b = Build()
    leader = b.leader()
    b.convening(_days_ago(100))
    b.convening(_days_ago(10), [leader])
    assert b.rules()["industry-disengaged"] == 0
