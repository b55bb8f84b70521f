"""The rules of Stage 1 (Prepare) and Stage 2 (Launch), from the toolkit sheet.

Each check reads :class:`~nextgen_tui.gap_facts.Facts` and yields gaps whose messages say
what to do next. Thresholds come from the partnership (``partnership.thresholds``).
"""

from __future__ import annotations

from collections.abc import Iterator

from .gap_facts import Facts, Gap, join_names, make_gap, span
from .models import (
    CRITICAL_SYSTEMS,
    SYSTEM_LABELS,
    ChampionStatus,
    InvitationStatus,
    RoleKind,
    System,
)
from .wording import plural

#: Where to look for someone of each critical system, for the messages.
SYSTEM_EXAMPLES: dict[System, str] = {
    System.EDUCATION: "K-12, a community college or a university",
    System.WORKFORCE: "the workforce board or a job center",
    System.ECONOMIC_DEVELOPMENT: "the chamber of commerce or an economic development organization",
}

#: The roles of non-industry people "at the table" at the launch.
TABLE_ROLES = (
    RoleKind.SUPPORT_DELEGATE,
    RoleKind.CORE_TEAM,
    RoleKind.CONVENER,
    RoleKind.CO_CONVENER,
    RoleKind.FACILITATOR,
)


def _same(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


# ----------------------------------------------------------------------------- prepare


def scope_undefined(facts: Facts) -> Iterator[Gap]:
    p = facts.partnership
    scope = (("industry", p.industry), ("region", p.region))
    missing = [what for what, value in scope if not value]
    if missing:
        yield make_gap(
            "scope-undefined",
            f"The partnership has no {' and no '.join(missing)}. Define its scope: one shared "
            "industry in one labour-market region.",
        )


def no_convener(facts: Facts) -> Iterator[Gap]:
    if not facts.holders(RoleKind.CONVENER, RoleKind.CO_CONVENER):
        yield make_gap(
            "no-convener",
            "No lead convener or co-convener is named. Agree on the public partner "
            "organization(s) that will do most of the coordination and name a convener.",
        )


def champion_count(facts: Facts) -> Iterator[Gap]:
    limits = facts.limits
    committed = facts.champions_with(ChampionStatus.COMMITTED)
    count = len(committed)
    target = span(limits.champions_min, limits.champions_max)
    if count < limits.champions_min:
        lead = f"Only {plural(count, 'committed champion')}" if count else "No committed champion"
        yield make_gap(
            "champions-too-few",
            f"{lead}; the toolkit calls for {target}. "
            f"Recruit at least {limits.champions_min - count} more.",
            people=committed,
        )
    elif count > limits.champions_max:
        yield make_gap(
            "champions-too-many",
            f"{plural(count, 'committed champion')}; the toolkit calls for {target}. "
            f"Keep {limits.champions_max} at most as champions and invite the others as "
            "industry leaders.",
            people=committed,
        )


def champion_criteria(facts: Facts) -> Iterator[Gap]:
    for role in facts.active_champions:
        assert role.champion is not None
        missing = role.champion.missing_criteria
        if missing:
            yield make_gap(
                "champion-criteria-unmet",
                f"Champion {facts.name(role.person_id)} is not marked passionate about their "
                f"{join_names(missing)}. Confirm all three criteria (company, industry, "
                "community) or choose another champion.",
                people=[role.person_id],
            )


def champion_outreach(facts: Facts) -> Iterator[Gap]:
    people = facts.snapshot.people
    for role in facts.active_champions:
        assert role.champion is not None
        owner = role.champion.outreach_owner_id
        if owner is None or owner not in people or people[owner].deleted:
            yield make_gap(
                "champion-no-outreach-owner",
                f"Nobody from the team is assigned to reach out to champion "
                f"{facts.name(role.person_id)}. Agree on who is best placed to secure "
                "their commitment.",
                people=[role.person_id],
            )


def invite_letter(facts: Facts) -> Iterator[Gap]:
    needed = facts.limits.invite_signers_min
    committed = facts.champions_with(ChampionStatus.COMMITTED)
    signed = [pid for pid in committed if (c := facts.champions[pid].champion) and c.signed_invite]
    if len(signed) < needed:
        lead = f"Only {len(signed)}" if signed else "No"
        noun = "champion has" if len(signed) == 1 else "champions have"
        yield make_gap(
            "invite-letter-unsigned",
            f"{lead} committed {noun} signed the invite letter; at least {needed} should "
            "sign it jointly. Ask the committed champions to sign.",
            people=[pid for pid in committed if pid not in signed],
        )


def launch_host(facts: Facts) -> Iterator[Gap]:
    committed = facts.champions_with(ChampionStatus.COMMITTED)
    launch = facts.snapshot.launch
    host_org = launch.host_org_id if launch is not None else None
    for pid in committed:
        details = facts.champions[pid].champion
        if details is not None and details.hosts_launch:
            return
        person = facts.snapshot.people.get(pid)
        if host_org is not None and person is not None and person.organization_id == host_org:
            return
    yield make_gap(
        "no-launch-host",
        "No committed champion is hosting the launch. Ask a champion to host it at their "
        "place of business: it shows this is industry's partnership.",
        people=committed,
    )


def core_team(facts: Facts) -> Iterator[Gap]:
    limits = facts.limits
    core = facts.holders(RoleKind.CORE_TEAM)
    target = span(limits.core_team_min, limits.core_team_max)
    count = len(core)
    if count < limits.core_team_min:
        yield make_gap(
            "core-team-size",
            f"The core planning team has {plural(count, 'person', 'people')}; the toolkit "
            f"calls for {target} executives of the critical systems. "
            f"Add at least {limits.core_team_min - count} more.",
            people=core,
        )
    elif count > limits.core_team_max:
        yield make_gap(
            "core-team-size",
            f"The core planning team has {count} people; the toolkit calls for {target}, so "
            f"it will not outnumber the CEOs. Move {count - limits.core_team_max} to the "
            "broad convening team.",
            people=core,
        )
    systems = {facts.snapshot.system_of(pid) for pid in core}
    for system in CRITICAL_SYSTEMS:
        if system not in systems:
            yield make_gap(
                "core-team-missing-system",
                f"The core planning team has nobody from {SYSTEM_LABELS[system]}. Add an "
                f"executive from {SYSTEM_EXAMPLES[system]}.",
            )


def convening_team(facts: Facts) -> Iterator[Gap]:
    wanted = facts.limits.convening_team_min
    count = len(facts.holders(RoleKind.CONVENING_TEAM))
    if count < wanted:
        yield make_gap(
            "convening-team-small",
            f"The broad convening team has {plural(count, 'person', 'people')}; the toolkit "
            f"suggests {wanted} or more from the region's programs. "
            f"Consider adding {wanted - count} more.",
        )


# ----------------------------------------------------------------------------- launch


def companies(facts: Facts) -> Iterator[Gap]:
    limits = facts.limits
    leaders = facts.counted_leaders
    orgs = {org.id: None for pid in leaders if (org := facts.company_of(pid)) is not None}
    count = len(orgs)
    target = span(limits.companies_min, limits.companies_max)
    if count < limits.companies_min:
        lead = (
            f"Industry leaders from only {plural(count, 'company', 'companies')} have accepted"
            if count
            else "No industry leader has accepted yet"
        )
        more = limits.companies_min - count
        yield make_gap(
            "companies-too-few",
            f"{lead}; the toolkit calls for {target} companies. Invite leaders from at "
            f"least {plural(more, 'more company', 'more companies')}.",
            organizations=orgs,
        )
    elif count > limits.companies_max:
        yield make_gap(
            "companies-too-many",
            f"Industry leaders from {count} companies; the toolkit calls for {target}. "
            "Check that they all share the industry and region, or split the partnership.",
            organizations=orgs,
        )


def industry_outnumbered(facts: Facts) -> Iterator[Gap]:
    industry = [pid for pid in facts.counted_leaders if facts.is_industry(pid)]
    others = [pid for pid in facts.holders(*TABLE_ROLES) if not facts.is_industry(pid)]
    if len(others) > len(industry):
        yield make_gap(
            "industry-outnumbered",
            f"{plural(len(others), 'non-industry person', 'non-industry people')} would sit "
            f"at the table with {plural(len(industry), 'industry leader')}; the core team "
            "must not outnumber the CEOs. Recruit at least "
            f"{len(others) - len(industry)} more industry leaders or send fewer delegates.",
            people=others,
        )


def support_team(facts: Facts) -> Iterator[Gap]:
    delegates = facts.holders(RoleKind.SUPPORT_DELEGATE)
    most = facts.limits.support_delegates_max
    if len(delegates) > most:
        yield make_gap(
            "support-team-too-large",
            f"{len(delegates)} support team delegates; this cannot be everyone (up to {most}). "
            f"Agree on a fair set of delegates and drop {len(delegates) - most}.",
            people=delegates,
        )
    systems = {facts.snapshot.system_of(pid) for pid in delegates}
    for system in CRITICAL_SYSTEMS:
        if system not in systems:
            yield make_gap(
                "support-team-missing-system",
                f"No support team delegate from {SYSTEM_LABELS[system]}. Agree on a delegate "
                f"from {SYSTEM_EXAMPLES[system]}.",
            )


def facilitator(facts: Facts) -> Iterator[Gap]:
    if not facts.holders(RoleKind.FACILITATOR):
        yield make_gap(
            "no-facilitator",
            "No facilitator is assigned. Choose someone versed in launching a partnership "
            "who will stay neutral: a convener or an outside facilitator.",
        )


def opener_closer(facts: Facts) -> Iterator[Gap]:
    launch = facts.snapshot.launch
    active = {role.person_id for role in facts.active_champions}
    for rule, part, chosen in (
        ("no-opener", "open and welcome everyone to", launch.opener_id if launch else None),
        ("no-closer", "close", launch.closer_id if launch else None),
    ):
        if chosen is None:
            yield make_gap(
                rule,
                f"No champion is assigned to {part} the launch meeting. Pick one in the "
                "launch meeting form.",
            )
        elif chosen not in active:
            yield make_gap(
                rule,
                f"{facts.name(chosen)} is set to {part} the launch meeting but is not a "
                "champion. Pick a champion in the launch meeting form.",
                people=[chosen],
            )


def off_sector(facts: Facts) -> Iterator[Gap]:
    p = facts.partnership
    by_org: dict[int, list[int]] = {}
    for pid, role in facts.leaders.items():
        leader = role.leader
        if leader is None or leader.invitation is InvitationStatus.DECLINED:
            continue
        org = facts.company_of(pid)
        if org is not None:
            by_org.setdefault(org.id, []).append(pid)
    for org_id, people in by_org.items():
        org = facts.snapshot.organizations[org_id]
        problems = []
        if org.industry and p.industry and not _same(org.industry, p.industry):
            problems.append(f"is in {org.industry}, not {p.industry}")
        if org.region and p.region and not _same(org.region, p.region):
            problems.append(f"is in {org.region}, not {p.region}")
        if problems:
            yield make_gap(
                "off-sector-company",
                f"{org.name} {' and '.join(problems)}. Check that its leaders "
                f"({join_names([facts.name(pid) for pid in people])}) belong in this "
                "partnership.",
                people=people,
                organizations=[org_id],
            )


def meeting_parts(facts: Facts) -> Iterator[Gap]:
    launch = facts.snapshot.launch
    if launch is None or not launch.held:
        return
    for part, items in (
        ("Part 1: Industry Opportunities", launch.opportunities),
        ("Part 2: Needed Action Areas", launch.action_areas),
        ("Part 3: Commitments", launch.commitments),
    ):
        if not items:
            yield make_gap(
                "meeting-part-empty",
                f"The launch was held but {part} captured nothing. Record what was said "
                "there from the notes.",
            )


PREPARE_CHECKS = (
    scope_undefined,
    no_convener,
    champion_count,
    champion_criteria,
    champion_outreach,
    invite_letter,
    launch_host,
    core_team,
    convening_team,
)
LAUNCH_CHECKS = (
    companies,
    industry_outnumbered,
    support_team,
    facilitator,
    opener_closer,
    off_sector,
    meeting_parts,
)
