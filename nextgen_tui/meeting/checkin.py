"""Who is in the room: the invitees and their fuzzy search, check-in, walk-ins, and
the "introduced" flag.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from nextgen_tui.errors import MeetingError
from nextgen_tui.meeting.record import checkin_of, open_meeting, validated
from nextgen_tui.models import (
    ChampionStatus,
    CheckIn,
    InvitationStatus,
    LeaderDetails,
    Organization,
    OrgKind,
    Person,
    RoleAssignment,
    RoleKind,
)
from nextgen_tui.models.kind_guess import guess_kind
from nextgen_tui.models.snapshot import PartnershipSnapshot
from nextgen_tui.store.repository import Store
from nextgen_tui.text.search import fold, rank

#: The roles whose holders are invited to the launch, in the order they are listed.
INVITEE_ROLES: tuple[RoleKind, ...] = (
    RoleKind.CHAMPION,
    RoleKind.INDUSTRY_LEADER,
    RoleKind.CONVENER,
    RoleKind.CO_CONVENER,
    RoleKind.FACILITATOR,
    RoleKind.CORE_TEAM,
    RoleKind.SUPPORT_DELEGATE,
)


# --------------------------------------------------------------------------- invitees


@dataclass(frozen=True)
class Invitee:
    """Someone expected (or already checked in) at the launch."""

    person_id: int
    name: str
    organization: str
    industry: bool
    roles: tuple[RoleKind, ...]
    search_key: str  # folded "name\norganization", prepared once
    champion: bool = False  # a committed champion
    declined: bool = False  # declined the invitation (they may still walk in)
    unknown: bool = False  # their organization's kind is not known yet

    @property
    def facilitator(self) -> bool:
        return RoleKind.FACILITATOR in self.roles

    @property
    def observer(self) -> bool:
        """Public partners (non-industry) listen at the launch; the facilitator runs it."""
        return not self.industry and not self.facilitator


def committed_champions(snapshot: PartnershipSnapshot) -> set[int]:
    """Champions who said yes (a prospect or one who declined is not counted as one)."""
    return {
        r.person_id
        for r in snapshot.holders(RoleKind.CHAMPION)
        if r.champion is not None and r.champion.status is ChampionStatus.COMMITTED
    }


def invitees(snapshot: PartnershipSnapshot) -> list[Invitee]:
    """Everyone holding an invited role, plus anyone already checked in, sorted by name."""
    roles_of: dict[int, list[RoleKind]] = {}
    for role in snapshot.current_roles:
        if role.role in INVITEE_ROLES:
            roles_of.setdefault(role.person_id, []).append(role.role)
    if snapshot.launch is not None:
        for checkin in snapshot.launch.checkins:
            person = snapshot.people.get(checkin.person_id)
            if person is not None and not person.deleted:
                roles_of.setdefault(checkin.person_id, [])
    champions = committed_champions(snapshot)
    declined = {
        r.person_id
        for r in snapshot.current_roles
        if (r.leader is not None and r.leader.invitation is InvitationStatus.DECLINED)
        or (r.champion is not None and r.champion.status is ChampionStatus.DECLINED)
    }
    result = []
    for person_id, roles in roles_of.items():
        person = snapshot.people[person_id]
        org = snapshot.organization_of(person_id)
        org_name = org.name if org else ""
        ordered = tuple(r for r in INVITEE_ROLES if r in roles)
        result.append(
            Invitee(
                person_id=person_id,
                name=person.name,
                organization=org_name,
                industry=org is not None and org.is_industry,
                roles=ordered,
                search_key=f"{fold(person.name)}\n{fold(org_name)}",
                champion=person_id in champions,
                declined=person_id in declined and person_id not in champions,
                unknown=org is not None and org.kind is OrgKind.UNKNOWN,
            )
        )
    result.sort(key=lambda i: (i.name.casefold(), i.person_id))
    return result


class InviteeSearch:
    """Fuzzy search over invitees by name or company, with the app's one matcher.

    :func:`nextgen_tui.search.rank` does the matching ("ann ac" finds "Ann Lee, Acme"; a
    typo or two is forgiven: "carla champoin"); names and companies are folded here first
    (case and accents), once, so "zoe" finds "Zoë".
    """

    def __init__(self, people: Sequence[Invitee]) -> None:
        self.people = list(people)
        self._keys = [p.search_key for p in self.people]

    def search(self, query: str, limit: int = 30) -> list[Invitee]:
        """The best ``limit`` matches; everyone (to scroll through) when nothing is typed."""
        folded = fold(query)
        found = rank(folded, self._keys, limit=limit if folded.strip() else None)
        return [self.people[i] for i in found]


# --------------------------------------------------------------------------- check-in


def check_in(store: Store, partnership_id: int, person_id: int, now: datetime) -> CheckIn:
    """Mark a person arrived at ``now``; a second check-in is refused.

    Public partners (non-industry) are checked in as observers.
    """
    meeting = open_meeting(store, partnership_id)
    person = store.person(person_id)
    if person.deleted:
        raise MeetingError(f"{person.name} was deleted from the directory; restore them first.")
    earlier = checkin_of(meeting, person_id)
    if earlier is not None:
        raise MeetingError(f"{person.name} is already checked in (arrived at {earlier.at:%H:%M}).")
    org = store.organization(person.organization_id) if person.organization_id else None
    checkin = CheckIn(person_id=person_id, at=now, observer=not (org and org.is_industry))
    store.save_launch(
        meeting.updated(checkins=[*meeting.checkins, checkin]), f"Check in {person.name}"
    )
    return checkin


def undo_check_in(store: Store, partnership_id: int, person_id: int) -> None:
    """Take back a check-in made by mistake (the wrong "Ann")."""
    meeting = open_meeting(store, partnership_id)
    person = store.person(person_id)
    if checkin_of(meeting, person_id) is None:
        raise MeetingError(f"{person.name} is not checked in.")
    remaining = [c for c in meeting.checkins if c.person_id != person_id]
    store.save_launch(meeting.updated(checkins=remaining), f"Undo check-in of {person.name}")


def walk_in(
    store: Store,
    partnership_id: int,
    *,
    name: str,
    company: str,
    now: datetime,
    title: str = "",
    email: str = "",
    kind: OrgKind | None = None,
) -> Person:
    """Add someone who was not invited and check them in, all in one change.

    ``company`` is the name of an existing organization (any letter case) or of a new one,
    of ``kind`` (``None``: guessed from its name, never silently a company; a new company
    is in the partnership's industry and region). A walk-in from a company becomes an
    industry leader (invitation accepted); one from a public organization (or one of
    unknown kind) is checked in to listen. Someone already in the directory (same name and
    organization) is reused rather than duplicated.
    """
    open_meeting(store, partnership_id)
    partnership = store.partnership(partnership_id)
    company = company.strip()
    if not company:
        raise MeetingError("Type the walk-in's company (a new or an existing one).")
    person_data = {"name": name, "title": title, "email": email}
    validated(Person, person_data)
    with store.transaction(f"Walk-in {name.strip()}"):
        org = store.organization_by_name(company)
        if org is None:
            new_kind = kind if kind is not None else guess_kind(company)
            sector = (
                {"industry": partnership.industry, "region": partnership.region}
                if new_kind is OrgKind.COMPANY
                else {}
            )
            org = store.save_organization(
                validated(Organization, {"name": company, "kind": new_kind, **sector})
            )
        wanted = fold(name.strip())
        person = next(
            (p for p in store.people() if p.organization_id == org.id and fold(p.name) == wanted),
            None,
        )
        if person is None:
            person = store.save_person(
                validated(Person, {**person_data, "organization_id": org.id})
            )
        if org.is_industry:
            ensure_leader(store, partnership_id, person.id)
        check_in(store, partnership_id, person.id, now)
    return person


def _leader_role(store: Store, partnership_id: int, person_id: int) -> RoleAssignment | None:
    for role in store.roles(partnership_id=partnership_id, person_id=person_id):
        if role.role is RoleKind.INDUSTRY_LEADER:
            return role
    return None


def ensure_leader(
    store: Store, partnership_id: int, person_id: int, **details: bool
) -> RoleAssignment:
    """The person's industry leader role, invitation accepted (created if missing)."""
    role = _leader_role(store, partnership_id, person_id)
    if role is None:
        leader = LeaderDetails(invitation=InvitationStatus.ACCEPTED, **details)
        return store.assign(partnership_id, person_id, RoleKind.INDUSTRY_LEADER, leader=leader)
    current = role.leader or LeaderDetails()
    leader = current.updated(invitation=InvitationStatus.ACCEPTED, **details)
    if leader == current:
        return role
    return store.save_role(role.updated(leader=leader))


def set_introduced(
    store: Store, partnership_id: int, person_id: int, introduced: bool
) -> RoleAssignment:
    """Tick (or untick) that an industry leader introduced themselves."""
    meeting = open_meeting(store, partnership_id)
    person = store.person(person_id)
    if checkin_of(meeting, person_id) is None:
        raise MeetingError(f"{person.name} is not checked in yet; check them in first.")
    org = store.organization(person.organization_id) if person.organization_id else None
    if _leader_role(store, partnership_id, person_id) is None and not (org and org.is_industry):
        raise MeetingError(
            f"{person.name} is a public partner (an observer); only industry leaders are "
            "marked as introduced."
        )
    with store.transaction(f"{'Mark' if introduced else 'Unmark'} {person.name} introduced"):
        return ensure_leader(store, partnership_id, person_id, introduced=introduced)


def introduced_ids(snapshot: PartnershipSnapshot) -> set[int]:
    return {
        r.person_id
        for r in snapshot.holders(RoleKind.INDUSTRY_LEADER)
        if r.leader is not None and r.leader.introduced
    }
