"""Outreach to industry people across the partnerships of one file.

A partnership *reaches out* to a person while it is asking them, or has their
commitment, as a champion, and while it has invited them to its launch as an industry
leader (invited or accepted). Declined and ended roles are no outreach. When two
partnerships reach out to the same person at once, their conveners should agree who
calls first (rule ``outreach-collision``). Pure functions, no storage.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from nextgen_tui.models.kinds import ChampionStatus, InvitationStatus, RoleKind
from nextgen_tui.models.records import Partnership, Person
from nextgen_tui.models.roles import RoleAssignment

#: Champion statuses that mean the partnership is asking, or has the person's word.
ASKING = frozenset({ChampionStatus.ASKED, ChampionStatus.COMMITTED})
#: Invitation statuses that mean the launch invitation stands.
INVITING = frozenset({InvitationStatus.INVITED, InvitationStatus.ACCEPTED})
CONVENER_ROLES = (RoleKind.CONVENER, RoleKind.CO_CONVENER)


def is_outreach(role: RoleAssignment) -> bool:
    """A current champion role that is asked or committed, or a standing invitation."""
    if role.end is not None:
        return False
    if role.champion is not None:
        return role.champion.status in ASKING
    return role.leader is not None and role.leader.invitation in INVITING


@dataclass(frozen=True)
class Outreach:
    """One partnership reaching out to one person, and who owns that outreach there.

    ``owner_ids`` is the champion's outreach owner when one is named; otherwise (and for
    a launch invitation) the partnership's lead convener and co-conveners.
    ``owner_is_convener`` says which of the two it is.
    """

    partnership_id: int
    partnership_name: str
    person_id: int
    what: str  # "asked as a champion", "invited to its launch"...
    owner_ids: tuple[int, ...]
    owner_is_convener: bool


def _what(role: RoleAssignment) -> str:
    if role.champion is not None:
        return f"{role.champion.status.value} as a champion"
    assert role.leader is not None
    if role.leader.invitation is InvitationStatus.ACCEPTED:
        return "accepted its launch invitation"
    return "invited to its launch"


def _rank(role: RoleAssignment) -> int:
    """A champion's ask weighs more than an invitation; committed more than asked."""
    if role.champion is not None:
        return 3 if role.champion.status is ChampionStatus.COMMITTED else 2
    return 1


def _live(person_id: int, people: Mapping[int, Person]) -> bool:
    person = people.get(person_id)
    return person is not None and not person.deleted


def outreach_by_person(
    roles: Iterable[RoleAssignment],
    partnerships: Mapping[int, Partnership],
    people: Mapping[int, Person],
    only: set[int] | None = None,
) -> dict[int, list[Outreach]]:
    """Person id -> the partnerships reaching out to them (one entry per partnership,
    the weightiest), in partnership-name order. ``only`` limits it to some people."""
    best: dict[tuple[int, int], RoleAssignment] = {}
    conveners: dict[int, list[int]] = {}
    for role in roles:
        if role.end is not None or not _live(role.person_id, people):
            continue
        if role.role in CONVENER_ROLES:
            conveners.setdefault(role.partnership_id, []).append(role.person_id)
        elif (only is None or role.person_id in only) and is_outreach(role):
            key = (role.person_id, role.partnership_id)
            if key not in best or _rank(role) > _rank(best[key]):
                best[key] = role
    found: dict[int, list[Outreach]] = {}
    for (person_id, partnership_id), role in best.items():
        partnership = partnerships.get(partnership_id)
        if partnership is None:
            continue
        owner = role.champion.outreach_owner_id if role.champion is not None else None
        owners: tuple[int, ...]
        if owner is not None and _live(owner, people):
            owners, by_convener = (owner,), False
        else:
            owners, by_convener = tuple(dict.fromkeys(conveners.get(partnership_id, []))), True
        found.setdefault(person_id, []).append(
            Outreach(partnership_id, partnership.name, person_id, _what(role), owners, by_convener)
        )
    for entries in found.values():
        entries.sort(key=lambda o: (o.partnership_name.casefold(), o.partnership_id))
    return found


def outreach_elsewhere(
    partnership_id: int,
    own_roles: Iterable[RoleAssignment],
    all_roles: Iterable[RoleAssignment],
    partnerships: Mapping[int, Partnership],
    people: Mapping[int, Person],
) -> dict[int, tuple[Outreach, ...]]:
    """For the people one partnership reaches out to: the other partnerships that do too.

    ``own_roles`` are the partnership's roles; ``all_roles`` every role of the file.
    """
    wanted = {role.person_id for role in own_roles if is_outreach(role)}
    if not wanted:
        return {}
    found = outreach_by_person(all_roles, partnerships, people, only=wanted)
    result: dict[int, tuple[Outreach, ...]] = {}
    for person_id, entries in found.items():
        others = tuple(o for o in entries if o.partnership_id != partnership_id)
        if others:
            result[person_id] = others
    return result


def collisions(outreach: Mapping[int, list[Outreach]]) -> dict[int, list[Outreach]]:
    """The people two or more partnerships reach out to at once."""
    return {pid: entries for pid, entries in outreach.items() if len(entries) >= 2}
