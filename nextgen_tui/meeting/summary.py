"""The launch meeting summary as Markdown; every user-typed string is escaped, so a name
can't inject formatting.
"""

from __future__ import annotations

from nextgen_tui.meeting.close import ranked_areas
from nextgen_tui.meeting.counters import counters
from nextgen_tui.models import (
    TEAM_ROLES,
    LaunchMeeting,
    RoleKind,
)
from nextgen_tui.models.snapshot import PartnershipSnapshot
from nextgen_tui.text.markdown import md_escape
from nextgen_tui.text.wording import plural


def summary_markdown(snapshot: PartnershipSnapshot) -> str:
    """The launch summary: who came, companies, what was captured, priorities, teams."""
    meeting = snapshot.launch or LaunchMeeting(partnership_id=snapshot.partnership.id)
    count = counters(snapshot)
    lines = [f"# Launch meeting: {md_escape(snapshot.partnership.name)}", ""]
    facts = []
    if meeting.on:
        facts.append(f"Date: {meeting.on.isoformat()}")
    if meeting.place:
        facts.append(f"Place: {md_escape(meeting.place)}")
    host = snapshot.organizations.get(meeting.host_org_id or 0)
    if host is not None:
        facts.append(f"Host: {md_escape(host.name)}")
    state = "held" if meeting.held else "in progress" if meeting.phase else "not started"
    facts.append(f"Status: {state}")
    lines += [" · ".join(facts), ""]

    def who(person_id: int | None) -> str:
        name = md_escape(snapshot.person_name(person_id))
        org = snapshot.organization_of(person_id) if person_id else None
        return f"{name} ({md_escape(org.name)})" if org else name

    lines += [f"## Who came ({count.present})", ""]
    lines.append(
        f"{plural(count.present, 'person', 'people')} from "
        f"{plural(count.companies, 'company', 'companies')} "
        f"(target {count.companies_target}): {count.industry} industry, "
        f"{plural(count.non_industry, 'public partner')} (listening), "
        f"{plural(count.champions, 'champion')}."
        if count.present
        else "Nobody was checked in."
    )
    lines.append("")
    present = [c for c in meeting.checkins if c.person_id in snapshot.people]
    facilitators = {r.person_id for r in snapshot.holders(RoleKind.FACILITATOR)}
    present.sort(key=lambda c: snapshot.person_name(c.person_id).casefold())
    for checkin in present:
        role = (
            ""
            if snapshot.is_industry(checkin.person_id)
            else " — facilitator"
            if checkin.person_id in facilitators
            else " — observer"
        )
        lines.append(f"- {who(checkin.person_id)}{role}")
    companies: dict[str, int] = {}
    for checkin in present:
        org = snapshot.organization_of(checkin.person_id)
        if org is not None and org.is_industry:
            companies[org.name] = companies.get(org.name, 0) + 1
    lines += ["", f"## Companies ({len(companies)})", ""]
    for name in sorted(companies, key=str.casefold):
        lines.append(f"- {md_escape(name)} ({plural(companies[name], 'person', 'people')})")

    lines += ["", f"## Industry opportunities ({len(meeting.opportunities)})", ""]
    for opportunity in meeting.opportunities:
        said = f" — {who(opportunity.person_id)}" if opportunity.person_id else ""
        lines.append(f"- {md_escape(opportunity.text)}{said}")

    priorities = set(meeting.priority_area_ids)
    lines += ["", f"## Needed action areas ({len(meeting.action_areas)})", ""]
    for area in ranked_areas(meeting):
        mark = " — **priority**" if area.id in priorities else ""
        lines.append(f"- {md_escape(area.title)}: {plural(area.vote_count, 'dot')}{mark}")

    titles = {a.id: a.title for a in meeting.action_areas}
    lines += ["", "## Priorities", ""]
    for number, area_id in enumerate(meeting.priority_area_ids, 1):
        lines.append(f"{number}. {md_escape(titles.get(area_id, '(removed area)'))}")
    if not meeting.priority_area_ids:
        lines.append("None chosen yet.")

    lines += ["", f"## Commitments ({len(meeting.commitments)})", ""]
    for item in meeting.commitments:
        note = f": {md_escape(item.note)}" if item.note else ""
        area_title = md_escape(titles.get(item.area_id, "(removed area)"))
        lines.append(f"- {who(item.person_id)} → {area_title}{note}")

    formed = [t for t in snapshot.teams if t.priority_area_id in priorities]
    lines += ["", f"## Action teams formed ({len(formed)})", ""]
    for team in formed:
        members = [
            who(r.person_id)
            for r in snapshot.current_roles
            if r.team_id == team.id and r.role in TEAM_ROLES
        ]
        listed = ", ".join(members) if members else "no members yet"
        lines.append(f"- **{md_escape(team.name)}**: {listed}")
    return "\n".join(lines) + "\n"
