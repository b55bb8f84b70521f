"""The live launch meeting, part 3: closing with action teams, and the summary.

Closing is one store transaction: an action team per chosen priority area with the people
who committed to it, the launch marked held, and attendance recorded. The summary
(:func:`render_summary`, published as :func:`nextgen_tui.meeting.summary_markdown`) is
Markdown in which every user-typed string is escaped, so a name can't inject formatting.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .meeting import MeetingError, counters, ensure_leader, open_meeting
from .meeting_agenda import area_of
from .models import (
    TEAM_ROLES,
    ActionArea,
    ActionTeam,
    LaunchMeeting,
    MeetingPhase,
    RoleKind,
)
from .snapshot import PartnershipSnapshot
from .store import Store
from .wording import plural

#: How many of the top-voted areas the close dialog preselects.
SUGGESTED_PRIORITIES = 3


def ranked_areas(meeting: LaunchMeeting) -> list[ActionArea]:
    """Action areas by dot votes, most first (ties in the order they were named)."""
    order = {area.id: index for index, area in enumerate(meeting.action_areas)}
    return sorted(meeting.action_areas, key=lambda a: (-a.vote_count, order[a.id]))


def suggested_priorities(meeting: LaunchMeeting, count: int = SUGGESTED_PRIORITIES) -> list[int]:
    """The ids of the top-voted areas (only areas that got at least one dot)."""
    return [a.id for a in ranked_areas(meeting) if a.vote_count > 0][:count]


@dataclass(frozen=True)
class CloseResult:
    meeting: LaunchMeeting
    teams: list[ActionTeam]
    attended: list[int]  # person ids recorded as attending industry leaders


def close_meeting(
    store: Store, partnership_id: int, priority_ids: Sequence[int], today: date
) -> CloseResult:
    """Close the meeting: form the action teams, mark the launch held, record attendance.

    One transaction: either all of it is saved or none of it. An area that already has an
    action team (formed earlier for this priority) keeps it and gains the new members.
    """
    meeting = open_meeting(store, partnership_id)
    chosen = list(dict.fromkeys(priority_ids))
    if not chosen:
        raise MeetingError("Pick at least one priority area to close the meeting.")
    areas = [area_of(meeting, area_id) for area_id in chosen]
    snapshot = store.snapshot(partnership_id)
    existing = {t.priority_area_id: t for t in snapshot.teams if t.closed is None}
    teams: list[ActionTeam] = []
    attended: list[int] = []
    with store.transaction("Close the launch meeting"):
        for area in areas:
            team = existing.get(area.id) or store.save_team(
                ActionTeam(
                    partnership_id=partnership_id,
                    name=area.title,
                    priority_area_id=area.id,
                    formed=today,
                )
            )
            teams.append(team)
            for item in meeting.commitments:
                person = snapshot.people.get(item.person_id)
                if item.area_id == area.id and person is not None and not person.deleted:
                    store.assign(
                        partnership_id,
                        item.person_id,
                        RoleKind.ACTION_TEAM_MEMBER,
                        team_id=team.id,
                        start=today,
                    )
        for checkin in meeting.checkins:
            person = snapshot.people.get(checkin.person_id)
            if person is None or person.deleted:
                continue
            has_leader_role = any(
                r.role is RoleKind.INDUSTRY_LEADER and r.person_id == person.id
                for r in snapshot.current_roles
            )
            if has_leader_role or snapshot.is_industry(person.id):
                ensure_leader(store, partnership_id, person.id, attended=True)
                attended.append(person.id)
        closed = store.save_launch(
            meeting.updated(
                priority_area_ids=chosen,
                held=True,
                # the day it was actually held (the planned date may have moved)
                on=meeting.started.date() if meeting.started else meeting.on or today,
                phase=MeetingPhase.CLOSE,
            ),
            "Close the launch meeting",
        )
    return CloseResult(meeting=closed, teams=teams, attended=attended)


# --------------------------------------------------------------------------- markdown

_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<>|~!&#{}()$])")
_LINE_START = re.compile(r"^([-+=]|\d+(?=[.)]))")


def md_escape(text: str) -> str:
    """Backslash-escape Markdown in user text so a name can't inject formatting.

    Whitespace runs (newlines too) become one space: each item is one line of a list.
    """
    text = " ".join(text.split())
    text = _INLINE_SPECIALS.sub(r"\\\1", text)
    match = _LINE_START.match(text)
    if match:
        # "- x" or "1. x" would start a list: escape the mark (or the dot after the digits)
        cut = match.end() if match.group(1)[0].isdigit() else 0
        text = f"{text[:cut]}\\{text[cut:]}"
    return text


def render_summary(snapshot: PartnershipSnapshot) -> str:
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
        f"{plural(count.non_industry, 'public partner')} (observers), "
        f"{plural(count.champions, 'champion')}."
        if count.present
        else "Nobody was checked in."
    )
    lines.append("")
    present = [c for c in meeting.checkins if c.person_id in snapshot.people]
    present.sort(key=lambda c: snapshot.person_name(c.person_id).casefold())
    for checkin in present:
        role = "" if snapshot.is_industry(checkin.person_id) else " — observer"
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
