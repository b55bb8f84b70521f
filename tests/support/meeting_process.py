"""A launch meeting run in its own process, for the kill-and-resume test.

Usage: ``python tests/meeting_process.py ROSTER.json``. Seeds a partnership, then runs a
meeting through the same functions the meeting screen uses. After each step is saved it
prints ``ack {json}`` (flushed), so the test knows what must survive a SIGKILL. Once the
scripted meeting reaches Part 3 it keeps adding late opportunities until it is killed.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta
from itertools import count
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from nextgen_tui.meeting.agenda import next_phase, start_meeting
from nextgen_tui.meeting.capture import add_area, add_commitment, add_opportunity, vote
from nextgen_tui.meeting.checkin import check_in
from nextgen_tui.models import LeaderDetails, Organization, OrgKind, Partnership, Person, RoleKind
from nextgen_tui.store.repository import Store

START = datetime(2026, 6, 1, 9, 0)
INDUSTRY_PEOPLE = 24
PUBLIC_PEOPLE = 6


def ack(**fields: object) -> None:
    sys.stdout.write("ack " + json.dumps(fields) + "\n")
    sys.stdout.flush()


def seed(store: Store) -> tuple[int, list[int]]:
    with store.transaction("Seed"):
        p = store.save_partnership(Partnership(name="Resume Test", industry="Mfg", region="X"))
        people = []
        firms = [
            store.save_organization(Organization(name=f"Firm {i}", kind=OrgKind.COMPANY))
            for i in range(14)
        ]
        for i in range(INDUSTRY_PEOPLE):
            firm = firms[i % len(firms)]
            who = store.save_person(Person(name=f"Leader {i}", organization_id=firm.id))
            store.assign(p.id, who.id, RoleKind.INDUSTRY_LEADER, leader=LeaderDetails())
            people.append(who.id)
        college = store.save_organization(
            Organization(name="College", kind=OrgKind.COMMUNITY_COLLEGE)
        )
        for i in range(PUBLIC_PEOPLE):
            who = store.save_person(Person(name=f"Partner {i}", organization_id=college.id))
            store.assign(p.id, who.id, RoleKind.SUPPORT_DELEGATE)
            people.append(who.id)
    return p.id, people


def main(path: Path) -> None:
    clock = count()

    def now() -> datetime:
        return START + timedelta(seconds=next(clock))

    store = Store(path, clock=now)
    pid, people = seed(store)
    ack(step="seeded", partnership=pid)
    start_meeting(store, pid, now())
    ack(step="phase", phase="welcome")
    for person_id in people:
        check_in(store, pid, person_id, now())
        ack(step="checkin", person=person_id)
    for _ in range(2):
        meeting = next_phase(store, pid, now())
        ack(step="phase", phase=str(meeting.phase))
    for text in ("Robots", "Exports", "Aging workforce"):
        item = add_opportunity(store, pid, text, people[0])
        ack(step="opportunity", id=item.id, text=text)
    meeting = next_phase(store, pid, now())
    ack(step="phase", phase=str(meeting.phase))
    areas = [add_area(store, pid, title).id for title in ("Skills", "Supply chain")]
    ack(step="areas", ids=areas)
    for person_id in people[:6]:
        vote(store, pid, areas[0], person_id)
        ack(step="vote", area=areas[0], person=person_id)
    meeting = next_phase(store, pid, now())
    ack(step="phase", phase=str(meeting.phase))
    for person_id in people[:4]:
        commitment = add_commitment(store, pid, person_id, areas[0], "yes")
        ack(step="commitment", id=commitment.id, person=person_id)
    for number in count(1):  # the meeting goes on until the battery dies
        text = f"Late idea {number}"
        item = add_opportunity(store, pid, text)
        ack(step="opportunity", id=item.id, text=text)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
