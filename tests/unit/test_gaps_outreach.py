"""``outreach-collision``: two partnerships of one file approaching the same person."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from nextgen_tui.gaps.analysis import analyze
from nextgen_tui.gaps.catalogue import Gap, Severity
from nextgen_tui.models import (
    ChampionStatus,
    InvitationStatus,
    OrgKind,
    Partnership,
    Person,
    RoleKind,
    Stage,
)
from nextgen_tui.models.outreach import collisions
from nextgen_tui.store.repository import Store
from tests.support import factories as f
from tests.support.gap_builder import TODAY


@dataclass
class Region:
    """Two partnerships with their conveners, a college dean and one CEO, Ana."""

    manufacturing: Partnership
    healthcare: Partnership
    ana: Person
    dean: Person
    marcus: Person


@pytest.fixture
def region(store: Store) -> Region:
    manufacturing = f.partnership(store)
    healthcare = f.partnership(store, "Healthcare, North Valley", "Healthcare")
    college = f.org(store, "North Valley College", OrgKind.COMMUNITY_COLLEGE)
    board = f.org(store, "Workforce Board", OrgKind.WORKFORCE_BOARD)
    dean = f.person(store, "Dana [b]Dean[/b]", college)
    marcus = f.person(store, "Marcus Lee", board)
    store.assign(healthcare.id, marcus.id, RoleKind.CONVENER)
    ana = f.person(store, "Ana Ortiz", f.org(store, "Ortiz Precision"))
    return Region(manufacturing, healthcare, ana, dean, marcus)


def collision(store: Store, partnership: Partnership) -> list[Gap]:
    gaps = analyze(store.snapshot(partnership.id), TODAY)
    return [gap for gap in gaps if gap.rule == "outreach-collision"]


def test_fires_in_both_partnerships_naming_the_other_and_its_outreach_owner(
    store: Store, region: Region
) -> None:
    f.champion(store, region.manufacturing, region.ana, ChampionStatus.ASKED)
    store.save_role(
        store.roles(person_id=region.ana.id)[0].updated(
            champion={"status": "asked", "outreach_owner_id": region.dean.id}
        )
    )
    f.leader(store, region.healthcare, region.ana, InvitationStatus.INVITED)

    [here] = collision(store, region.manufacturing)
    assert (here.stage, here.severity, here.people) == (
        Stage.PREPARE,
        Severity.WARNING,
        (region.ana.id,),
    )
    assert here.message.startswith(
        "Ana Ortiz is also being approached by Healthcare, North Valley "
        "(invited to its launch, ask its convener Marcus Lee)."
    )
    [there] = collision(store, region.healthcare)
    assert there.message.startswith(
        "Ana Ortiz is also being approached by Advanced Manufacturing, North Valley "
        "(asked as a champion, outreach by Dana [b]Dean[/b])."
    )
    assert "gets one call, not 2" in there.message


def test_committed_champion_in_two_partnerships_fires(store: Store, region: Region) -> None:
    f.champion(store, region.manufacturing, region.ana)
    f.champion(store, region.healthcare, region.ana)
    assert len(collision(store, region.manufacturing)) == 1
    assert len(collision(store, region.healthcare)) == 1
    assert set(collisions(store.outreach())) == {region.ana.id}


@pytest.mark.parametrize(
    "elsewhere",
    [
        "declined champion",
        "declined invitation",
        "prospect",
        "ended",
        "deleted person",
    ],
)
def test_does_not_fire(store: Store, region: Region, elsewhere: str) -> None:
    f.champion(store, region.manufacturing, region.ana, ChampionStatus.COMMITTED)
    if elsewhere == "declined champion":
        f.champion(store, region.healthcare, region.ana, ChampionStatus.DECLINED)
    elif elsewhere == "declined invitation":
        f.leader(store, region.healthcare, region.ana, InvitationStatus.DECLINED)
    elif elsewhere == "prospect":
        f.champion(store, region.healthcare, region.ana, ChampionStatus.PROSPECT)
    elif elsewhere == "ended":
        role = f.leader(store, region.healthcare, region.ana, InvitationStatus.ACCEPTED)
        store.end_role(role.id, TODAY)
    else:
        f.leader(store, region.healthcare, region.ana, InvitationStatus.ACCEPTED)
        store.delete_person(region.ana.id)
    assert collision(store, region.manufacturing) == []
    assert collision(store, region.healthcare) == []
    assert collisions(store.outreach()) == {}


def test_two_roles_in_one_partnership_only_do_not_fire(store: Store, region: Region) -> None:
    f.champion(store, region.manufacturing, region.ana, ChampionStatus.COMMITTED)
    f.leader(store, region.manufacturing, region.ana, InvitationStatus.ACCEPTED)
    assert collision(store, region.manufacturing) == []
    assert collisions(store.outreach()) == {}


def test_three_partnerships_are_all_named(store: Store, region: Region) -> None:
    construction = f.partnership(store, "Construction, North Valley", "Construction")
    for p in (region.manufacturing, region.healthcare, construction):
        f.leader(store, p, region.ana, InvitationStatus.INVITED)
    [gap] = collision(store, construction)
    assert "Advanced Manufacturing, North Valley (invited" in gap.message
    assert "; Healthcare, North Valley (invited" in gap.message
    assert "nobody owns the outreach there yet" in gap.message  # manufacturing: no convener
    assert "those partnerships" in gap.message and "not 3." in gap.message
    assert [o.partnership_name for o in collisions(store.outreach())[region.ana.id]] == [
        "Advanced Manufacturing, North Valley",
        "Construction, North Valley",
        "Healthcare, North Valley",
    ]
