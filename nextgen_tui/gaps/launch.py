"""The rules of Stage 2 (Launch), from the toolkit sheet."""

from __future__ import annotations

from collections.abc import Iterator

from nextgen_tui.gaps.balance import table_balance
from nextgen_tui.gaps.catalogue import Gap, make_gap
from nextgen_tui.gaps.facts import (
    SYSTEM_EXAMPLES,
    Facts,
    aim,
    join_names,
    leader_invited,
    same_text,
)
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
    orgs = table_balance(facts).companies
    count = len(orgs)
    if count < limits.companies_min:
        lead = (
            f"Industry leaders and champions come from only {plural(count, 'company', 'companies')}"
            if count
            else "No industry leader has accepted yet"
        )
        more = limits.companies_min - count
        yield make_gap(
            "companies-too-few",
            f"{lead}{aim(facts, 'companies_min', 'companies_max', ' companies')}. Invite "
            f"leaders from at least {plural(more, 'more company', 'more companies')}.",
            organizations=orgs,
        )
    elif count > limits.companies_max:
        yield make_gap(
            "companies-too-many",
            f"Industry leaders and champions from {plural(count, 'company', 'companies')}"
            f"{aim(facts, 'companies_min', 'companies_max')}. Check that they all share the "
            "industry and region, or split the partnership.",
            organizations=orgs,
        )


def industry_outnumbered(facts: Facts) -> Iterator[Gap]:
    balance = table_balance(facts)
    industry, others = balance.industry, balance.public_people
    if len(others) <= len(industry):
        return
    more = len(others) - len(industry)
    advice = [f"Recruit at least {plural(more, 'more industry leader')}"]
    delegates = balance.public.get("delegates", [])
    if delegates:
        advice.append("send fewer support team delegates")
    core = balance.public.get("core", [])
    warning = ""
    if len(core) > len(industry):
        warning = " The core planning team alone outnumbers them: it must not outnumber the CEOs."
    yield make_gap(
        "industry-outnumbered",
        f"{plural(len(others), 'public partner')} would sit at the table "
        f"({balance.public_breakdown()}) with {plural(len(industry), 'industry member')} "
        f"({plural(len(balance.leaders), 'leader')}, "
        f"{plural(len(balance.champions), 'champion')}).{warning} "
        f"{' or '.join(advice)}.",
        people=others,
    )


def support_team(facts: Facts) -> Iterator[Gap]:
    delegates = facts.holders(RoleKind.SUPPORT_DELEGATE)
    most = facts.limits.support_delegates_max
    if len(delegates) > most:
        yield make_gap(
            "support-team-too-large",
            f"{plural(len(delegates), 'support team delegate')}; this cannot be everyone"
            f"{aim(facts, None, 'support_delegates_max')}. "
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
    chosen = facts.holders(RoleKind.FACILITATOR)
    if not chosen:
        yield make_gap(
            "no-facilitator",
            "No facilitator is assigned. Choose someone versed in launching a partnership "
            "who will stay neutral: a convener or an outside facilitator.",
        )
    champions = {role.person_id for role in facts.active_champions}
    p = facts.partnership
    for pid in chosen:
        org = facts.snapshot.organization_of(pid)
        if pid in champions:
            why = "is a champion of this partnership"
        elif (role := facts.leaders.get(pid)) is not None and leader_invited(role):
            why = "is an industry leader of this partnership"
        elif (
            org is not None
            and org.is_industry
            and org.industry
            and p.industry
            and same_text(org.industry, p.industry)
        ):
            why = f"works for {org.name}, a company in {p.industry}"
        else:
            continue
        yield make_gap(
            "facilitator-not-neutral",
            f"The facilitator {facts.name(pid)} {why}; the facilitator must be completely "
            "neutral. Choose a convener or an outside facilitator, and let industry speak "
            "from the table.",
            people=[pid],
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
        problems = facts.sector_problems(org)
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
