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
CONVENER_ROLES = frozenset({RoleKind.CONVENER, RoleKind.CO_CONVENER})
OUTREACH_ROLES = frozenset({RoleKind.CHAMPION, RoleKind.INDUSTRY_LEADER})


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
    at_least: int = 1,
) -> dict[int, list[Outreach]]:
    """Person id -> the partnerships reaching out to them (one entry per partnership,
    the weightiest), in partnership-name order. ``only`` limits it to some people,
    ``at_least`` to people approached by that many partnerships."""
    best: dict[int, dict[int, RoleAssignment]] = {}
    conveners: dict[int, list[int]] = {}
    for role in roles:
        if role.end is not None:
            continue
        kind = role.role
        if kind in CONVENER_ROLES:
            conveners.setdefault(role.partnership_id, []).append(role.person_id)
        elif (
            kind in OUTREACH_ROLES
            and (only is None or role.person_id in only)
            and is_outreach(role)
        ):
            mine = best.setdefault(role.person_id, {})
            held = mine.get(role.partnership_id)
            if held is None or _rank(role) > _rank(held):
                mine[role.partnership_id] = role
    found: dict[int, list[Outreach]] = {}
    for person_id, by_partnership in best.items():
        if len(by_partnership) < at_least or not _live(person_id, people):
            continue
        entries = [
            entry
            for partnership_id, role in by_partnership.items()
            if (entry := _outreach(role, partnerships, people, conveners)) is not None
        ]
        if len(entries) >= at_least:
            entries.sort(key=lambda o: (o.partnership_name.casefold(), o.partnership_id))
            found[person_id] = entries
    return found


def _outreach(
    role: RoleAssignment,
    partnerships: Mapping[int, Partnership],
    people: Mapping[int, Person],
    conveners: Mapping[int, list[int]],
) -> Outreach | None:
    partnership = partnerships.get(role.partnership_id)
    if partnership is None:
        return None
    owner = role.champion.outreach_owner_id if role.champion is not None else None
    owners: tuple[int, ...]
    if owner is not None and _live(owner, people):
        owners, by_convener = (owner,), False
    else:
        live = (pid for pid in conveners.get(role.partnership_id, []) if _live(pid, people))
        owners, by_convener = tuple(dict.fromkeys(live)), True
    return Outreach(
        partnership.id, partnership.name, role.person_id, _what(role), owners, by_convener
    )


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
    found = outreach_by_person(all_roles, partnerships, people, only=wanted, at_least=2)
    result: dict[int, tuple[Outreach, ...]] = {}
    for person_id, entries in found.items():
        others = tuple(o for o in entries if o.partnership_id != partnership_id)
        if others:
            result[person_id] = others
    return result


def collisions(outreach: Mapping[int, list[Outreach]]) -> dict[int, list[Outreach]]:
    """The people two or more partnerships reach out to at once."""
    return {pid: entries for pid, entries in outreach.items() if len(entries) >= 2}
