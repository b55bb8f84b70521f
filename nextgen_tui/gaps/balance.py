"""Who sits at the launch table, industry against public: one computation for the rule
``industry-outnumbered``, the Launch view's balance line and the companies count, so the
screen and the gap can never disagree.

Industry at the table: industry leaders who accepted or attended (from a company) and
committed champions from a company in the partnership's industry and region (they lead
the table and count as industry leaders of their company). Public partners at the table:
support team delegates, the core planning team, the conveners and the facilitator, each
person once, in the first of those groups they belong to. People from an organization of
unknown kind sit on neither side and are listed apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nextgen_tui.gaps.facts import Facts
from nextgen_tui.models import ChampionStatus, OrgKind, RoleKind
from nextgen_tui.text.wording import plural

#: The public groups at the launch table, in the order they are counted and shown:
#: (key, singular, plural, roles).
PUBLIC_GROUPS: tuple[tuple[str, str, str, tuple[RoleKind, ...]], ...] = (
    ("delegates", "support team delegate", "support team delegates", (RoleKind.SUPPORT_DELEGATE,)),
    ("core", "core planning team member", "core planning team members", (RoleKind.CORE_TEAM,)),
    ("conveners", "convener", "conveners", (RoleKind.CONVENER, RoleKind.CO_CONVENER)),
    ("facilitator", "facilitator", "facilitators", (RoleKind.FACILITATOR,)),
)


@dataclass(frozen=True)
class TableBalance:
    """The launch table's two sides, each broken down by group (person ids)."""

    leaders: list[int] = field(default_factory=list)
    champions: list[int] = field(default_factory=list)  # counted champions not also leaders
    public: dict[str, list[int]] = field(default_factory=dict)  # PUBLIC_GROUPS key -> people
    unknown: list[int] = field(default_factory=list)  # at the table, organization kind unknown
    companies: dict[int, None] = field(default_factory=dict)  # distinct company ids, in order

    @property
    def industry(self) -> list[int]:
        return [*self.leaders, *self.champions]

    @property
    def public_people(self) -> list[int]:
        return [pid for group in self.public.values() for pid in group]

    def industry_text(self) -> str:
        """``10 industry (8 leaders, 2 champions)``."""
        parts = [plural(len(self.leaders), "leader"), plural(len(self.champions), "champion")]
        return f"{len(self.industry)} industry ({', '.join(parts)})"

    def public_breakdown(self) -> str:
        """``5 support team delegates, 6 core planning team members, 1 convener``."""
        return ", ".join(
            plural(len(self.public[key]), one, many)
            for key, one, many, _ in PUBLIC_GROUPS
            if self.public.get(key)
        )

    def public_text(self) -> str:
        """``13 public (5 support team delegates, ...)``, or ``0 public``."""
        breakdown = self.public_breakdown()
        count = len(self.public_people)
        return f"{count} public ({breakdown})" if breakdown else f"{count} public"


def table_balance(facts: Facts) -> TableBalance:
    """The launch table of the partnership in ``facts``."""
    leaders = [pid for pid in facts.counted_leaders if facts.is_industry(pid)]
    seen = set(leaders)
    champions = [pid for pid in facts.counted_champions if pid not in seen]
    seen.update(champions)
    companies: dict[int, None] = {}
    for pid in (*leaders, *champions):
        org = facts.company_of(pid)
        if org is not None:
            companies[org.id] = None
    public: dict[str, list[int]] = {}
    unknown: list[int] = []
    # leaders and committed champions whose organization's kind is unknown: neither side
    for pid in (*facts.counted_leaders, *facts.champions_with(ChampionStatus.COMMITTED)):
        org = facts.snapshot.organization_of(pid)
        if pid not in seen and org is not None and org.kind is OrgKind.UNKNOWN:
            seen.add(pid)
            unknown.append(pid)
    for key, _, _, roles in PUBLIC_GROUPS:
        group: list[int] = []
        for pid in facts.holders(*roles):
            if pid in seen or facts.is_industry(pid):
                continue
            seen.add(pid)
            org = facts.snapshot.organization_of(pid)
            if org is not None and org.kind is OrgKind.UNKNOWN:
                unknown.append(pid)
            else:
                group.append(pid)
        public[key] = group
    return TableBalance(leaders, champions, public, unknown, companies)
