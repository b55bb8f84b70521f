"""The rules of Stage 1 (Prepare), from the toolkit sheet."""

from __future__ import annotations

from collections.abc import Iterator

from nextgen_tui.gaps.catalogue import Gap, make_gap
from nextgen_tui.gaps.facts import (
    SYSTEM_EXAMPLES,
    Facts,
    aim,
    changed_number,
    join_names,
    names_of,
)
from nextgen_tui.models import (
    CRITICAL_SYSTEMS,
    SYSTEM_LABELS,
    ChampionStatus,
    OrgKind,
    RoleKind,
)
from nextgen_tui.text.wording import plural

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
    """Only champions from a company in the sector count (champion-not-industry says why)."""
    limits = facts.limits
    committed = facts.counted_champions
    count = len(committed)
    target = aim(facts, "champions_min", "champions_max")
    if count < limits.champions_min:
        lead = (
            f"Only {plural(count, 'committed industry champion')}"
            if count
            else "No committed industry champion"
        )
        yield make_gap(
            "champions-too-few",
            f"{lead}{target}. Recruit at least {limits.champions_min - count} more.",
            people=committed,
        )
    elif count > limits.champions_max:
        yield make_gap(
            "champions-too-many",
            f"{plural(count, 'committed champion')}{target}. "
            f"Keep {limits.champions_max} at most as champions and invite the others as "
            "industry leaders.",
            people=committed,
        )


def champion_not_industry(facts: Facts) -> Iterator[Gap]:
    for role in facts.active_champions:
        why = facts.champion_problem(role.person_id)
        if why:
            yield make_gap(
                "champion-not-industry",
                f"Champion {facts.name(role.person_id)} {why}. Champions are industry leaders "
                "from the partnership's own industry and region, so they do not count toward "
                "the champions; make them a support partner, or fix the organization.",
                people=[role.person_id],
            )


def convener_not_public(facts: Facts) -> Iterator[Gap]:
    for pid in facts.holders(RoleKind.CONVENER, RoleKind.CO_CONVENER):
        org = facts.company_of(pid)
        if org is not None:
            yield make_gap(
                "convener-not-public",
                f"Convener {facts.name(pid)} is from {org.name}, a company. Conveners are the "
                "public partner organizations who do most of the coordination; industry "
                "leads as champions.",
                people=[pid],
                organizations=[org.id],
            )


def kind_unknown(facts: Facts) -> Iterator[Gap]:
    people_of: dict[int, list[int]] = {}
    for pid in facts.company:  # everyone holding a current role
        org = facts.snapshot.organization_of(pid)
        if org is not None and org.kind is OrgKind.UNKNOWN:
            people_of.setdefault(org.id, []).append(pid)
    for org_id, people in people_of.items():
        org = facts.snapshot.organizations[org_id]
        yield make_gap(
            "organization-kind-unknown",
            f"Nobody has said what kind of organization {org.name} is, so "
            f"{names_of(facts, people)} {'counts' if len(people) == 1 else 'count'} neither as "
            "industry nor as a public system. Set its kind in the directory.",
            people=people,
            organizations=[org_id],
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
            f"sign it jointly{changed_number(facts, 'invite_signers_min')}. Ask the committed "
            "champions to sign.",
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
    target = aim(facts, "core_team_min", "core_team_max", " executives of the critical systems")
    count = len(core)
    if count < limits.core_team_min:
        yield make_gap(
            "core-team-size",
            f"The core planning team has {plural(count, 'person', 'people')}{target}. "
            f"Add at least {limits.core_team_min - count} more.",
            people=core,
        )
    elif count > limits.core_team_max:
        yield make_gap(
            "core-team-size",
            f"The core planning team has {plural(count, 'person', 'people')}{target}, so it "
            f"will not outnumber the CEOs. Move {count - limits.core_team_max} to the broad "
            "convening team.",
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
    target = aim(facts, "convening_team_min", None, " from the region's programs")
    if count < wanted:
        yield make_gap(
            "convening-team-small",
            f"The broad convening team has {plural(count, 'person', 'people')}{target}. "
            f"Consider adding {wanted - count} more.",
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
    champion_not_industry,
    convener_not_public,
    kind_unknown,
)
