"""The live counters the facilitator watches: present, companies, industry vs public."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from nextgen_tui.meeting.arrivals import expected_count
from nextgen_tui.meeting.checkin import Invitee, committed_champions, introduced_ids, invitees
from nextgen_tui.models import OrgKind
from nextgen_tui.models.snapshot import PartnershipSnapshot

# --------------------------------------------------------------------------- counters


@dataclass(frozen=True)
class Counters:
    """The live numbers the facilitator watches."""

    present: int = 0
    expected: int = 0  # on the list and not declined, plus whoever came anyway
    companies: int = 0
    companies_min: int = 12
    companies_max: int = 60
    industry: int = 0
    non_industry: int = 0
    champions: int = 0
    introduced: int = 0

    @property
    def outnumbered(self) -> bool:
        """Public partners outnumber industry in the room (the toolkit says they must not)."""
        return self.non_industry > self.industry

    @property
    def companies_status(self) -> Literal["low", "ok", "high"]:
        if self.companies < self.companies_min:
            return "low"
        return "high" if self.companies > self.companies_max else "ok"

    @property
    def companies_target(self) -> str:
        return f"{self.companies_min}-{self.companies_max}"


def counters(snapshot: PartnershipSnapshot, people: Sequence[Invitee] | None = None) -> Counters:
    """The counters of ``snapshot``; ``people``: its :func:`invitees` when the caller has
    them already (the live meeting keeps them for its search: a check-in need not list
    them again)."""
    thresholds = snapshot.partnership.thresholds
    launch = snapshot.launch
    present = [c.person_id for c in launch.checkins] if launch else []
    present = [p for p in present if p in snapshot.people]
    industry = [p for p in present if snapshot.is_industry(p)]
    unknown = [
        p for p in present if (o := snapshot.organization_of(p)) and o.kind is OrgKind.UNKNOWN
    ]
    companies = {snapshot.people[p].organization_id for p in industry}
    champions = committed_champions(snapshot)
    introduced = introduced_ids(snapshot)
    return Counters(
        present=len(present),
        expected=expected_count(invitees(snapshot) if people is None else people, set(present)),
        companies=len(companies),
        companies_min=thresholds.companies_min,
        companies_max=thresholds.companies_max,
        industry=len(industry),
        non_industry=len(present) - len(industry) - len(unknown),  # unknown: neither side
        champions=sum(1 for p in present if p in champions),
        introduced=sum(1 for p in industry if p in introduced),
    )
