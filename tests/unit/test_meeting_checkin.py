"""The live launch meeting's check-in (no UI): invitees, search, counters, walk-ins."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from nextgen_tui.errors import MeetingError
from nextgen_tui.meeting.checkin import (
    Invitee,
    InviteeSearch,
    check_in,
    invitees,
    set_introduced,
    undo_check_in,
    walk_in,
)
from nextgen_tui.meeting.counters import counters
from nextgen_tui.models import (
    ChampionStatus,
    InvitationStatus,
    OrgKind,
    Person,
    RoleKind,
)
from nextgen_tui.store.repository import Store
from tests.conftest import FIXED_NOW
from tests.support import factories as f
from tests.support.meeting_seed import seed_room


def test_invitees_are_the_launch_roles_and_search_finds_them_fuzzily(store: Store) -> None:
    room = seed_room(store)
    store.save_person(Person(name="Not Invited"))
    people = invitees(store.snapshot(room.partnership.id))
    names = [i.name for i in people]
    assert "Not Invited" not in names
    assert len(people) == 8
    observers = {i.name for i in people if i.observer}
    assert observers == {"Pat College", "Wes Board"}  # public partners listen
    [facilitator] = [i for i in people if i.facilitator]  # shown as the facilitator
    assert facilitator.name == "Chad Chamber" and not facilitator.industry
    search = InviteeSearch(people)
    assert [i.name for i in search.search("car")] == ["Carla Champion"]
    assert [i.name for i in search.search("champ works")] == ["Carla Champion"]
    # by company: both people of Company 3 first, near misses (Company 2) after them
    found = [i.name for i in search.search("company 3")]
    assert set(found[:2]) == {"Leader Company 3", "Dana Second"}
    # a typo still finds the person, below exact matches
    assert "Carla Champion" in [i.name for i in search.search("carla champoin")]
    assert search.search("") == people


def test_search_ignores_accents_and_case(store: Store) -> None:
    p = f.partnership(store)
    co = f.org(store, "Àcme Tools")
    zoe = f.person(store, "Zoë Ng", co)
    f.leader(store, p, zoe)
    search = InviteeSearch(invitees(store.snapshot(p.id)))
    assert [i.name for i in search.search("ZOE")] == ["Zoë Ng"]
    assert [i.name for i in search.search("acme")] == ["Zoë Ng"]


def test_counters_are_exact_as_people_arrive(store: Store) -> None:
    room = seed_room(store)
    pid = room.partnership.id

    def arrive(person: Person) -> tuple[int, int, int, int, int]:
        check_in(store, pid, person.id, FIXED_NOW)
        c = counters(store.snapshot(pid))
        return (c.present, c.companies, c.industry, c.non_industry, c.champions)

    assert counters(store.snapshot(pid)).present == 0
    assert arrive(room.leaders[0]) == (1, 1, 1, 0, 0)
    assert arrive(room.public[0]) == (2, 1, 1, 1, 0)
    assert arrive(room.leaders[2]) == (3, 2, 2, 1, 0)
    assert arrive(room.leaders[3]) == (4, 2, 3, 1, 0)  # same company as leaders[2]
    assert arrive(room.champion) == (5, 3, 4, 1, 1)
    # a champion still being asked is not (yet) a champion in the count
    asked = f.person(store, "Asked Ceo", f.org(store, "Asked Co"))
    f.champion(store, room.partnership, asked, ChampionStatus.ASKED)
    assert arrive(asked) == (6, 4, 5, 1, 1)
    c = counters(store.snapshot(pid))
    assert (c.companies_target, c.companies_status) == ("12-60", "low")


def test_a_second_check_in_is_refused_and_changes_nothing(store: Store, db_path: Path) -> None:
    room = seed_room(store)
    pid = room.partnership.id
    first = check_in(store, pid, room.leaders[0].id, FIXED_NOW)
    assert first.at == FIXED_NOW and not first.observer
    before = db_path.read_bytes()
    with pytest.raises(MeetingError) as refused:
        check_in(store, pid, room.leaders[0].id, FIXED_NOW + timedelta(minutes=5))
    assert refused.value.message == "Leader Company 1 is already checked in (arrived at 09:30)."
    assert db_path.read_bytes() == before
    assert len(store.launch(pid).checkins) == 1


def test_public_partners_check_in_as_observers_and_each_check_in_is_on_disk(
    store: Store, db_path: Path
) -> None:
    room = seed_room(store)
    pid = room.partnership.id
    check_in(store, pid, room.public[0].id, FIXED_NOW)
    on_disk = Store(db_path, read_only=True).launch(pid)
    assert [(c.person_id, c.observer) for c in on_disk.checkins] == [(room.public[0].id, True)]
    undo_check_in(store, pid, room.public[0].id)
    assert store.launch(pid).checkins == []
    with pytest.raises(MeetingError, match="not checked in"):
        undo_check_in(store, pid, room.public[0].id)


def test_outnumbered_appears_and_clears_at_the_right_count(store: Store) -> None:
    room = seed_room(store)
    pid = room.partnership.id
    steps = [
        (room.public[0], True),  # 1 public, 0 industry
        (room.leaders[0], False),  # 1 vs 1: even is fine
        (room.public[1], True),  # 2 vs 1
        (room.public[2], True),  # 3 vs 1
        (room.leaders[1], True),  # 3 vs 2
        (room.leaders[2], False),  # 3 vs 3
        (room.champion, False),
    ]
    for person, outnumbered in steps:
        check_in(store, pid, person.id, FIXED_NOW)
        assert counters(store.snapshot(pid)).outnumbered is outnumbered, person.name


def test_walk_in_with_a_new_company_is_one_change(store: Store) -> None:
    room = seed_room(store)
    pid = room.partnership.id
    walker = walk_in(
        store, pid, name="Wally Walker", company="Brand New Co", title="CEO", now=FIXED_NOW
    )
    org = store.organization(walker.organization_id or 0)
    assert (org.name, org.kind, org.industry, org.region) == (
        "Brand New Co",
        OrgKind.COMPANY,
        "Advanced Manufacturing",
        "North Valley",
    )
    roles = store.roles(partnership_id=pid, person_id=walker.id)
    assert [(r.role, r.leader.invitation if r.leader else None) for r in roles] == [
        (RoleKind.INDUSTRY_LEADER, InvitationStatus.ACCEPTED)
    ]
    assert [c.person_id for c in store.launch(pid).checkins] == [walker.id]
    assert store.undo_label == "Walk-in Wally Walker"
    store.undo()
    assert store.organization_by_name("Brand New Co") is None
    assert all(p.name != "Wally Walker" for p in store.people())
    assert store.launch(pid).checkins == []


def test_walk_in_reuses_an_existing_company_and_refuses_a_double(store: Store) -> None:
    room = seed_room(store)
    pid = room.partnership.id
    people_before = len(store.people())
    walker = walk_in(store, pid, name="Ann Walk", company="company 1", now=FIXED_NOW)
    assert walker.organization_id == room.leaders[0].organization_id
    with pytest.raises(MeetingError, match="already checked in"):
        walk_in(store, pid, name="ann walk", company="Company 1", now=FIXED_NOW)
    assert len(store.people()) == people_before + 1
    # a walk-in from a public organization is an observer without a leader role
    observer = walk_in(store, pid, name="Val College", company="Valley College", now=FIXED_NOW)
    assert store.roles(partnership_id=pid, person_id=observer.id) == []
    assert store.launch(pid).checkins[-1].observer
    with pytest.raises(MeetingError, match="company"):
        walk_in(store, pid, name="No Company", company="  ", now=FIXED_NOW)
    with pytest.raises(MeetingError, match="Name is required"):
        walk_in(store, pid, name=" ", company="Company 2", now=FIXED_NOW)


def test_introduced_is_ticked_for_industry_only_and_counted(store: Store) -> None:
    room = seed_room(store)
    pid = room.partnership.id
    with pytest.raises(MeetingError, match="not checked in"):
        set_introduced(store, pid, room.leaders[0].id, True)
    for person in (room.leaders[0], room.champion, room.public[0]):
        check_in(store, pid, person.id, FIXED_NOW)
    set_introduced(store, pid, room.leaders[0].id, True)
    set_introduced(store, pid, room.champion.id, True)  # a champion gains a leader role
    with pytest.raises(MeetingError, match="observer"):
        set_introduced(store, pid, room.public[0].id, True)
    assert counters(store.snapshot(pid)).introduced == 2
    set_introduced(store, pid, room.champion.id, False)
    assert counters(store.snapshot(pid)).introduced == 1


def test_search_lists_everyone_when_blank_and_the_best_when_typed() -> None:
    people = [
        Invitee(
            person_id=n,
            name=f"Person {n:03}",
            organization="Acme",
            industry=True,
            roles=(),
            search_key=f"person {n:03}\nacme",
        )
        for n in range(1, 301)
    ]
    search = InviteeSearch(people)
    assert len(search.search("")) == 300
    assert len(search.search("acme")) == 30
    assert [i.person_id for i in search.search("person 123")][:1] == [123]


def test_invitees_show_champions_and_who_declined(store: Store) -> None:
    room = seed_room(store)
    no = f.person(store, "Nora Nope", f.org(store, "Nope Co"))
    f.leader(store, room.partnership, no, InvitationStatus.DECLINED)
    people = {i.name: i for i in invitees(store.snapshot(room.partnership.id))}
    assert [n for n, i in people.items() if i.champion] == ["Carla Champion"]
    assert [n for n, i in people.items() if i.declined] == ["Nora Nope"]


def test_counters_take_the_invitees_the_screen_already_has(store: Store) -> None:
    """The live meeting passes the invitees its search holds: the same counters, without
    listing them again at each check-in; the expected count is theirs."""
    room = seed_room(store)
    pid = room.partnership.id
    no = f.person(store, "Nora Nope", f.org(store, "Nope Inc"))
    f.leader(store, room.partnership, no, InvitationStatus.DECLINED)
    check_in(store, pid, room.leaders[0].id, FIXED_NOW)
    snapshot = store.snapshot(pid)
    people = invitees(snapshot)
    assert counters(snapshot, people) == counters(snapshot)
    assert counters(snapshot).expected == len(people) - 1  # Nora declined
    first_three = [p for p in people if p.name != "Nora Nope"][:3]
    assert counters(snapshot, first_three).expected == 3
