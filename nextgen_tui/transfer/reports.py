"""Markdown documents of one partnership: the status report, the invite letter, the summary.

User text (names, titles, places, team names, reasons) is backslash-escaped with
:func:`md_escape`, so a name like ``[x](y)`` or ``*Bob*`` stays literal text and never
becomes a link, emphasis, a list or HTML.
"""

from __future__ import annotations

from datetime import date

from nextgen_tui.models import ROLE_LABELS, ChampionStatus, RoleAssignment, RoleKind, Stage
from nextgen_tui.models.snapshot import PartnershipSnapshot
from nextgen_tui.text.markdown import md_escape, sentence


def _who(snapshot: PartnershipSnapshot, person_id: int) -> str:
    person = snapshot.people.get(person_id)
    if person is None:
        return md_escape(snapshot.person_name(person_id))
    parts = [f"**{md_escape(person.name)}**"]
    if person.title:
        parts.append(md_escape(person.title))
    org = snapshot.organization_of(person_id)
    if org is not None:
        parts.append(md_escape(org.name))
    return ", ".join(parts)


def _details(snapshot: PartnershipSnapshot, role: RoleAssignment) -> str:
    notes: list[str] = []
    if role.champion is not None:
        notes.append(role.champion.status.value)
        missing = role.champion.missing_criteria
        if missing:
            notes.append("not yet passionate about " + ", ".join(missing))
        if role.champion.signed_invite:
            notes.append("signed the invite")
        if role.champion.hosts_launch:
            notes.append("hosts the launch")
        if role.champion.outreach_owner_id:
            owner = md_escape(snapshot.person_name(role.champion.outreach_owner_id))
            notes.append(f"outreach by {owner}")
    if role.leader is not None:
        notes.append("attended" if role.leader.attended else role.leader.invitation.value)
        if role.leader.introduced:
            notes.append("introduced")
    if role.role in (RoleKind.ACTION_TEAM_LEAD,):
        notes.append(ROLE_LABELS[role.role].lower())
    return f" — {'; '.join(notes)}" if notes else ""


# --------------------------------------------------------------------------- status report


def status_report(snapshot: PartnershipSnapshot, today: date) -> str:
    """Each stage's rosters with counts against the toolkit's targets, and its gaps."""
    from nextgen_tui.gaps.analysis import analyze
    from nextgen_tui.gaps.catalogue import Severity
    from nextgen_tui.lifecycle.rosters import groups_for, launch_balance
    from nextgen_tui.region.engagement import engagement, engagement_markdown

    p = snapshot.partnership
    gaps = analyze(snapshot, today)
    lines = [f"# Status report: {md_escape(p.name)}", ""]
    facts = [
        f"Industry: {md_escape(p.industry) or '*not set*'}",
        f"Region: {md_escape(p.region) or '*not set*'}",
        f"Stage: {p.stage.number} of 4, {p.stage.label}",
        f"Report date: {today.isoformat()}",
    ]
    lines += [f"- {fact}" for fact in facts]
    lines.append("")
    lines += ["| Stage | Blockers | Warnings | Hints |", "|---|---:|---:|---:|"]
    for stage in Stage:
        found = [g for g in gaps if g.stage is stage]
        counts = [sum(1 for g in found if g.severity is s) for s in Severity]
        current = " (current)" if stage is p.stage else ""
        lines.append(
            f"| {stage.number}. {stage.label}{current} | "
            + " | ".join(str(c) for c in counts)
            + " |"
        )
    lines.append("")
    for stage in Stage:
        current = " (current stage)" if stage is p.stage else ""
        lines += [f"## Stage {stage.number}: {stage.label}{current}", "", "### Rosters", ""]
        groups = groups_for(snapshot, stage)
        if not groups:
            lines += ["Nobody is listed for this stage yet.", ""]
        for group in groups:
            target = f" (target {md_escape(group.target)})" if group.target else ""
            status = {"low": " — too few", "high": " — too many"}.get(group.status, "")
            lines += [
                f"#### {md_escape(group.label)}: {group.count} {md_escape(group.count_label)}"
                f"{target}{status}",
                "",
            ]
            if not group.members:
                lines.append("- *nobody yet*")
            for member in group.members:
                lines.append(f"- {_who(snapshot, member.person_id)}{_details(snapshot, member)}")
            lines.append("")
        if stage is Stage.LAUNCH:  # the same count as the rule industry-outnumbered
            balance = launch_balance(snapshot)
            lines += [f"At the table: {balance.industry_text()} vs {balance.public_text()}.", ""]
        lines += ["### Gaps", ""]
        found = [g for g in gaps if g.stage is stage]
        if not found:
            lines.append("No gaps: this stage is ready.")
        for gap in found:
            lines.append(
                f"- **{gap.severity.value.capitalize()}** ({gap.rule}): {md_escape(gap.message)}"
            )
        lines.append("")
    lines += engagement_markdown(engagement(snapshot, today), md_escape)
    if p.waivers:
        lines += ["## Stages advanced with open blockers", ""]
        for waiver in p.waivers:
            blockers = f" Open blockers: {', '.join(waiver.blockers)}." if waiver.blockers else ""
            lines.append(
                f"- {waiver.on.isoformat()}: {waiver.from_stage.label} to "
                f"{waiver.to_stage.label}. Reason: {sentence(md_escape(waiver.reason))}{blockers}"
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# --------------------------------------------------------------------------- invite letter


def _committed_champions(snapshot: PartnershipSnapshot) -> list[RoleAssignment]:
    champions = [
        r
        for r in snapshot.holders(RoleKind.CHAMPION)
        if r.champion is not None and r.champion.status is ChampionStatus.COMMITTED
    ]
    return sorted(
        champions,
        key=lambda r: (
            not (r.champion is not None and r.champion.signed_invite),
            snapshot.person_name(r.person_id).casefold(),
        ),
    )


def invite_letter(snapshot: PartnershipSnapshot) -> str:
    """The champions' invitation to industry leaders: what, why, how, and who signs."""
    p = snapshot.partnership
    industry = md_escape(p.industry)
    region = md_escape(p.region) if p.region else "our region"
    launch = snapshot.launch
    when = (
        launch.on.strftime("%A, %B %d, %Y").replace(" 0", " ")
        if launch and launch.on
        else ("*\\[date to be set\\]*")
    )
    place = md_escape(launch.place) if launch and launch.place else "*\\[place to be set\\]*"
    host_org = snapshot.organizations.get(launch.host_org_id or 0) if launch else None
    champions = _committed_champions(snapshot)
    if host_org is None:
        hosts = [r for r in champions if r.champion is not None and r.champion.hosts_launch]
        host_org = snapshot.organization_of(hosts[0].person_id) if hosts else None
    host = f", hosted by {md_escape(host_org.name)}" if host_org is not None else ""
    sector = f"the {industry} sector partnership" if p.industry else "a new sector partnership"
    lines = [
        f"# You are invited: the launch of {sector} in {region}",
        "",
        f"Dear {industry + ' ' if p.industry else 'business '}leader,",
        "",
        f"**What.** We invite you to the launch of {sector}: "
        f"{industry if p.industry else 'industry'} companies of {region} working together, "
        f"on {when} at {place}{host}. The meeting lasts about two hours.",
        "",
        f"**Why.** Our companies share opportunities and challenges that none of us can "
        f"address alone: finding and growing talent, infrastructure, innovation, the "
        f"things that make {region} a good place to do business. This partnership is led by "
        "industry: business leaders decide its priorities, and education, workforce "
        "development and economic development partners are at the table to listen and to "
        "act with us.",
        "",
        "**How.** We will talk about the opportunities ahead for our industry, choose a "
        "few priority areas where acting together makes the biggest difference, and form "
        "small teams of business leaders, supported by public partners, to act on them. "
        "No long-term commitment is asked of you at the launch: come, listen, and tell us "
        "what matters to your company.",
        "",
        "We hope you will join us.",
        "",
        "Sincerely,",
        "",
    ]
    if not champions:
        lines.append("*\\[No champion has committed yet: the letter needs their signatures\\]*")
    for role in champions:
        person = snapshot.people[role.person_id]
        org = snapshot.organization_of(role.person_id)
        signature = [f"**{md_escape(person.name)}**"]
        if person.title:
            signature.append(md_escape(person.title))
        if org is not None:
            signature.append(md_escape(org.name))
        if role.champion is not None and role.champion.hosts_launch:
            signature.append("*Host of the launch*")
        if role.champion is not None and not role.champion.signed_invite:
            signature.append("*(has not signed yet)*")
        lines += ["  \n".join(signature), ""]
    return "\n".join(lines).rstrip() + "\n"


# --------------------------------------------------------------------------- summary


def launch_summary(snapshot: PartnershipSnapshot) -> str:
    """The launch meeting summary, as the live meeting module writes it."""
    from nextgen_tui.meeting.summary import summary_markdown

    return summary_markdown(snapshot)
