"""An in-memory partnership for gap-rule tests: no file, so hundreds of cases stay fast.

``Build.complete()`` is a partnership that satisfies every rule; each rule test starts
from it (or from an empty one), changes one thing, and checks exactly that rule.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from nextgen_tui.gaps.analysis import analyze
from nextgen_tui.gaps.catalogue import Gap
from nextgen_tui.models import (
    ActionArea,
    ActionTeam,
    ChampionDetails,
    ChampionStatus,
    Commitment,
    Convening,
    ConveningKind,
    Debrief,
    InvitationStatus,
    LaunchMeeting,
    LeaderDetails,
    Opportunity,
    Organization,
    OrgKind,
    Partnership,
    Person,
    Record,
    RoleAssignment,
    RoleKind,
    Thresholds,
)
from nextgen_tui.models.snapshot import PartnershipSnapshot
from nextgen_tui.store.repository import Store

TODAY = date(2026, 6, 1)
START = date(2025, 1, 6)
INDUSTRY = "Advanced Manufacturing"
REGION = "North Valley"


class Build:
    """Builds one partnership's snapshot record by record (ids are given in order)."""

    def __init__(self, industry: str = INDUSTRY, region: str = REGION) -> None:
        self.partnership = Partnership(
            id=1, name="Test partnership", industry=industry, region=region
        )
        self.organizations: dict[int, Organization] = {}
        self.people: dict[int, Person] = {}
        self.roles: list[RoleAssignment] = []
        self.teams: list[ActionTeam] = []
        self.convenings: list[Convening] = []
        self.launch: LaunchMeeting | None = None
        self._next = 0

    def _id(self) -> int:
        self._next += 1
        return self._next

    # ------------------------------------------------------------------ directory

    def org(self, kind: OrgKind = OrgKind.COMPANY, name: str = "", **fields: Any) -> Organization:
        oid = self._id()
        if kind is OrgKind.COMPANY:
            fields.setdefault("industry", self.partnership.industry)
            fields.setdefault("region", self.partnership.region)
        made = Organization(id=oid, name=name or f"{kind.value} {oid}", kind=kind, **fields)
        self.organizations[oid] = made
        return made

    def person(self, org: Organization | None = None, name: str = "", **fields: Any) -> int:
        pid = self._id()
        self.people[pid] = Person(
            id=pid, name=name or f"Person {pid}", organization_id=org.id if org else None, **fields
        )
        return pid

    def industry_person(self, company: Organization | None = None) -> int:
        return self.person(company or self.org(OrgKind.COMPANY))

    def public_person(self, kind: OrgKind = OrgKind.COMMUNITY_COLLEGE) -> int:
        return self.person(self.org(kind))

    # ------------------------------------------------------------------ roles

    def role(
        self,
        pid: int,
        kind: RoleKind,
        *,
        start: date = START,
        end: date | None = None,
        team_id: int | None = None,
        champion: ChampionDetails | None = None,
        leader: LeaderDetails | None = None,
    ) -> RoleAssignment:
        made = RoleAssignment(
            id=self._id(),
            partnership_id=1,
            person_id=pid,
            role=kind,
            start=start,
            end=end,
            team_id=team_id,
            champion=champion,
            leader=leader,
        )
        self.roles.append(made)
        return made

    def roles_of(self, kind: RoleKind, *people: int, **options: Any) -> list[int]:
        for pid in people:
            self.role(pid, kind, **options)
        return list(people)

    def champion(
        self,
        pid: int | None = None,
        status: ChampionStatus = ChampionStatus.COMMITTED,
        *,
        ready: bool = True,
        end: date | None = None,
        **details: Any,
    ) -> int:
        """A champion; ``ready`` ticks the criteria and names an outreach owner."""
        pid = pid if pid is not None else self.industry_person()
        if ready:
            for field in ("passionate_company", "passionate_industry", "passionate_community"):
                details.setdefault(field, True)
            details.setdefault("outreach_owner_id", self.outreach_owner())
        self.role(
            pid, RoleKind.CHAMPION, end=end, champion=ChampionDetails(status=status, **details)
        )
        return pid

    def outreach_owner(self) -> int:
        if not hasattr(self, "_owner"):
            self._owner = self.public_person(OrgKind.WORKFORCE_BOARD)
        return self._owner

    def leader(
        self,
        pid: int | None = None,
        invitation: InvitationStatus = InvitationStatus.ACCEPTED,
        *,
        end: date | None = None,
        start: date = START,
        **details: Any,
    ) -> int:
        pid = pid if pid is not None else self.industry_person()
        details_ = LeaderDetails(invitation=invitation, **details)
        self.role(pid, RoleKind.INDUSTRY_LEADER, end=end, start=start, leader=details_)
        return pid

    def leaders(self, companies: int, **options: Any) -> list[int]:
        """One accepted industry leader from each of ``companies`` new companies."""
        return [self.leader(**options) for _ in range(companies)]

    def publics(self, count: int, kind: OrgKind = OrgKind.COMMUNITY_COLLEGE) -> list[int]:
        return [self.public_person(kind) for _ in range(count)]

    # ------------------------------------------------------------------ meeting and teams

    def set_launch(self, **fields: Any) -> LaunchMeeting:
        base = self.launch.model_dump() if self.launch else {"id": self._id(), "partnership_id": 1}
        self.launch = LaunchMeeting.model_validate({**base, **fields})
        return self.launch

    def team(self, name: str = "", **fields: Any) -> ActionTeam:
        tid = self._id()
        fields.setdefault("next_step", "Meet the college about a pilot")
        fields.setdefault("formed", TODAY - timedelta(days=60))
        made = ActionTeam(id=tid, partnership_id=1, name=name or f"Team {tid}", **fields)
        self.teams.append(made)
        return made

    def replace_team(self, team: ActionTeam, **changes: Any) -> ActionTeam:
        new = team.updated(**changes)
        self.teams = [new if t.id == team.id else t for t in self.teams]
        return new

    def on_team(self, team: ActionTeam, *people: int, lead: bool = False, **options: Any) -> None:
        kind = RoleKind.ACTION_TEAM_LEAD if lead else RoleKind.ACTION_TEAM_MEMBER
        for pid in people:
            self.role(pid, kind, team_id=team.id, **options)

    def convening(
        self,
        on: date,
        attendees: list[int] | tuple[int, ...] = (),
        kind: ConveningKind = ConveningKind.QUARTERLY,
        team_id: int | None = None,
    ) -> Convening:
        made = Convening(
            id=self._id(),
            partnership_id=1,
            on=on,
            kind=kind,
            team_id=team_id,
            attendee_ids=list(attendees),
        )
        self.convenings.append(made)
        return made

    def thresholds(self, **changes: Any) -> None:
        limits = Thresholds.model_validate({**self.partnership.thresholds.model_dump(), **changes})
        self.partnership = self.partnership.updated(thresholds=limits.model_dump())

    def set_partnership(self, **changes: Any) -> None:
        self.partnership = self.partnership.updated(**changes)

    def without_roles(self, kind: RoleKind) -> None:
        self.roles = [r for r in self.roles if r.role is not kind]

    # ------------------------------------------------------------------ results

    def snapshot(self) -> PartnershipSnapshot:
        return PartnershipSnapshot(
            partnership=self.partnership,
            organizations=dict(self.organizations),
            people=dict(self.people),
            roles=list(self.roles),
            launch=self.launch,
            teams=list(self.teams),
            convenings=list(self.convenings),
        )

    def save(self, store: Store) -> None:
        """Write every record, with its id, into an empty store (one change)."""
        records: list[Record] = [
            self.partnership,
            *self.organizations.values(),
            *self.people.values(),
            *self.roles,
            *self.teams,
            *self.convenings,
        ]
        if self.launch is not None:
            records.append(self.launch)
        store.save_many(records, "Seed a test partnership")

    def gaps(self, today: date = TODAY) -> list[Gap]:
        return analyze(self.snapshot(), today)

    def rules(self, today: date = TODAY) -> Counter[str]:
        return Counter(gap.rule for gap in self.gaps(today))

    def of(self, rule: str, today: date = TODAY) -> list[Gap]:
        return [gap for gap in self.gaps(today) if gap.rule == rule]

    # ------------------------------------------------------------------ a complete partnership

    @classmethod
    def complete(cls) -> Build:
        """A partnership in Sustain that satisfies every rule of every stage."""
        b = cls()
        convener = b.outreach_owner()  # workforce board
        b.role(convener, RoleKind.CONVENER)
        college = b.public_person(OrgKind.COMMUNITY_COLLEGE)
        chamber = b.public_person(OrgKind.CHAMBER)
        k12, edo, job_center = (
            b.public_person(OrgKind.K12),
            b.public_person(OrgKind.ECONOMIC_DEVELOPMENT),
            b.public_person(OrgKind.JOB_CENTER),
        )
        b.core = b.roles_of(RoleKind.CORE_TEAM, convener, college, chamber, k12, edo, job_center)
        b.roles_of(RoleKind.CONVENING_TEAM, *b.core, *b.publics(19, OrgKind.COMMUNITY_ORG))
        b.delegates = b.roles_of(RoleKind.SUPPORT_DELEGATE, college, chamber, job_center)
        b.facilitator = b.public_person(OrgKind.OTHER)
        b.role(b.facilitator, RoleKind.FACILITATOR)
        b.host = b.org(OrgKind.COMPANY, "Host Co")
        first = b.champion(b.industry_person(b.host), signed_invite=True, hosts_launch=True)
        second = b.champion(signed_invite=True)
        b.champions = [first, second]
        b.leader_ids = b.leaders(12)
        b.set_launch(
            on=TODAY - timedelta(days=200),
            held=True,
            host_org_id=b.host.id,
            opener_id=first,
            closer_id=second,
            opportunities=[Opportunity(id=1, text="Automation is growing")],
            action_areas=[ActionArea(id=2, title="Skills pipeline", votes={first: 2})],
            commitments=[Commitment(id=3, person_id=b.leader_ids[0], area_id=2)],
            priority_area_ids=[2],
        )
        b.set_partnership(debrief=Debrief(on=TODAY - timedelta(days=190)).model_dump())
        b.action_team = b.team("Skills", priority_area_id=2, meetings=[TODAY - timedelta(days=20)])
        b.on_team(b.action_team, convener, lead=True)
        b.on_team(b.action_team, *b.core[1:], *b.leader_ids[:6], first)
        everyone = [*b.champions, *b.leader_ids]
        b.convening(TODAY - timedelta(days=100), everyone)
        b.convening(TODAY - timedelta(days=10), everyone)
        return b

    # attributes set by complete()
    core: list[int]
    delegates: list[int]
    facilitator: int
    host: Organization
    champions: list[int]
    leader_ids: list[int]
    action_team: ActionTeam
    _owner: int
