"""Who has arrived of those expected, and the check-in list's present / not yet filter."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from enum import StrEnum

from nextgen_tui.meeting.checkin import Invitee


class Arrivals(StrEnum):
    """Which invitees the check-in list shows (F6 goes round them)."""

    EVERYONE = "everyone"
    NOT_YET = "not_yet"
    PRESENT = "present"

    @property
    def label(self) -> str:
        return {"everyone": "everyone", "not_yet": "not yet arrived", "present": "present"}[
            self.value
        ]

    def following(self) -> Arrivals:
        order = list(Arrivals)
        return order[(order.index(self) + 1) % len(order)]


def expected_count(people: Sequence[Invitee], arrived: Collection[int]) -> int:
    """Everyone on the list who is coming: invitees who did not decline, and anyone who
    arrived anyway (a walk-in, or someone who declined and came)."""
    return sum(1 for p in people if p.person_id in arrived or not p.declined)


def shown(people: Sequence[Invitee], arrived: Collection[int], which: Arrivals) -> list[Invitee]:
    """The people the filter keeps (in the order given); those not yet arrived leave out
    those who declined."""
    if which is Arrivals.PRESENT:
        return [p for p in people if p.person_id in arrived]
    if which is Arrivals.NOT_YET:
        return [p for p in people if p.person_id not in arrived and not p.declined]
    return list(people)
