"""The rules of Stage 2 (Launch), from the toolkit sheet."""

from __future__ import annotations

from collections.abc import Iterator

from nextgen_tui.gaps.catalogue import Gap, make_gap
from nextgen_tui.gaps.facts import SYSTEM_EXAMPLES, TABLE_ROLES, Facts, join_names, same_text, span
from nextgen_tui.models import (
    CRITICAL_SYSTEMS,
    SYSTEM_LABELS,
    InvitationStatus,
    RoleKind,
)
from nextgen_tui.text.wording import plural

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
        if org.industry and p.industry and not same_text(org.industry, p.industry):
            problems.append(f"is in {org.industry}, not {p.industry}")
        if org.region and p.region and not same_text(org.region, p.region):
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


LAUNCH_CHECKS = (
    companies,
    industry_outnumbered,
    support_team,
    facilitator,
    opener_closer,
    off_sector,
    meeting_parts,
)
