"""The rules of Stage 3 (Action), from the toolkit sheet.

Team rules look at open action teams only (a closed team has finished its work). Rules
about time take ``today`` from the facts, so they are deterministic in tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from nextgen_tui.gaps.catalogue import Gap, make_gap
from nextgen_tui.gaps.facts import Facts, changed_number, is_known, names_of, open_teams
from nextgen_tui.models import ConveningKind, RoleKind, Stage
from nextgen_tui.text.wording import plural

# ----------------------------------------------------------------------------- action


def no_teams(facts: Facts) -> Iterator[Gap]:
    launch = facts.snapshot.launch
    held = launch is not None and launch.held
    if not held and facts.partnership.stage.number < Stage.ACTION.number:
        return
    if open_teams(facts):
        return
    stage = facts.partnership.stage.label
    why = "The launch was held" if held else f"The partnership is in {stage}"
    yield make_gap(
        "no-action-teams",
        f"{why} but no action team exists. Form one action team per priority area with the "
        "industry leaders who signed up for it.",
    )


def priorities(facts: Facts) -> Iterator[Gap]:
    launch = facts.snapshot.launch
    if launch is None:
        return
    covered = {team.priority_area_id for team in facts.snapshot.teams}
    titles = {area.id: area.title for area in launch.action_areas}
    for area_id in launch.priority_area_ids:
        if area_id not in covered:
            title = titles.get(area_id, f"priority {area_id}")
            yield make_gap(
                "priority-without-team",
                f'The priority "{title}" chosen at the launch has no action team. '
                "Form a team for it with the leaders who signed up.",
            )


def team_makeup(facts: Facts) -> Iterator[Gap]:
    for team in open_teams(facts):
        members = facts.team_people.get(team.id, [])
        industry = [pid for pid in members if facts.is_industry(pid)]
        support = [pid for pid in members if not facts.is_industry(pid)]
        if not industry:
            yield make_gap(
                "team-without-industry",
                f"Action team {team.name} has no industry member. Add industry leaders who "
                "signed up for its priority: industry drives every team.",
                teams=[team.id],
            )
        elif len(support) > len(industry):
            yield make_gap(
                "team-industry-outnumbered",
                f"On action team {team.name}, {plural(len(support), 'support member')} "
                f"outnumber {plural(len(industry), 'industry member')}. Add industry members "
                "so the industry voice remains prominent.",
                people=support,
                teams=[team.id],
            )
        if not support:
            yield make_gap(
                "team-without-support",
                f"Action team {team.name} has no support-team member. Plug in someone from "
                "the programs and systems that can act on its priority.",
                teams=[team.id],
            )
        if not facts.team_leads.get(team.id):
            yield make_gap(
                "team-without-lead",
                f"Action team {team.name} has no lead or facilitator. Ask a convener or a "
                "support partner to facilitate it.",
                teams=[team.id],
            )


def commitments(facts: Facts) -> Iterator[Gap]:
    launch = facts.snapshot.launch
    if launch is None or not launch.commitments:
        return
    titles = {area.id: area.title for area in launch.action_areas}
    team_of_area: dict[int, int] = {}
    for team in open_teams(facts):
        if team.priority_area_id is not None:
            team_of_area.setdefault(team.priority_area_id, team.id)
    unplaced: dict[int, dict[int, None]] = {}
    for commitment in launch.commitments:
        pid = commitment.person_id
        team_id = team_of_area.get(commitment.area_id)
        if is_known(facts, pid) and (team_id is None or team_id not in facts.teams_of.get(pid, ())):
            unplaced.setdefault(commitment.area_id, {})[pid] = None
    for area_id, found in unplaced.items():
        people = list(found)
        title = titles.get(area_id, f"priority {area_id}")
        team_id = team_of_area.get(area_id)
        verb = "is" if len(people) == 1 else "are"
        if team_id is not None:
            team_name = next(t.name for t in facts.snapshot.teams if t.id == team_id)
            where = f"not on its action team {team_name}. Add them to it."
        else:
            where = "on no team for it: it has no action team yet. Form one and add them."
        yield make_gap(
            "commitment-unplaced",
            f'{names_of(facts, people)} committed to "{title}" at the launch but {verb} {where}',
            people=people,
            teams=[team_id] if team_id else [],
        )


def debrief(facts: Facts) -> Iterator[Gap]:
    launch = facts.snapshot.launch
    if launch is not None and launch.held and facts.partnership.debrief is None:
        yield make_gap(
            "no-debrief",
            "The launch was held but no support-team debrief is recorded. Debrief together: "
            "take-aways, linkages across systems, and the message back to the broader team.",
        )


def _last_meetings(facts: Facts) -> dict[int, date]:
    """Each team's latest meeting on or before today (its own list and its convenings)."""
    last: dict[int, date] = {}

    def note(team_id: int, day: date) -> None:
        if day <= facts.today and (team_id not in last or day > last[team_id]):
            last[team_id] = day

    for team in facts.snapshot.teams:
        for day in team.meetings:
            note(team.id, day)
    for convening in facts.snapshot.convenings:
        if convening.kind is ConveningKind.ACTION_TEAM and convening.team_id is not None:
            note(convening.team_id, convening.on)
    return last


def stalled(facts: Facts) -> Iterator[Gap]:
    days = facts.limits.team_stall_days
    last = _last_meetings(facts)
    for team in open_teams(facts):
        problems, advice = [], []
        met = last.get(team.id)
        if met is not None:
            if (facts.today - met).days >= days:
                problems.append(f"has not met in {days} days (last on {met.isoformat()})")
        elif team.formed is None or (facts.today - team.formed).days >= days:
            problems.append(f"has not met in the {days} days since it was formed")
        if problems:
            advice.append(
                f"schedule a meeting (at least every {days} days"
                f"{changed_number(facts, 'team_stall_days')})"
            )
        if not team.next_step:
            problems.append("has no next step")
            advice.append("agree on a next step")
        if problems:
            todo = " and ".join(advice)
            yield make_gap(
                "team-stalled",
                f"Action team {team.name} {' and '.join(problems)}. {todo[0].upper()}{todo[1:]}.",
                teams=[team.id],
            )


def unplugged(facts: Facts) -> Iterator[Gap]:
    if not facts.team_people:
        return  # no action team to plug into yet: priority-without-team says what to do
    idle = [pid for pid in facts.holders(RoleKind.CORE_TEAM) if not facts.teams_of.get(pid)]
    if idle:
        verb = "is" if len(idle) == 1 else "are"
        yield make_gap(
            "core-member-unplugged",
            f"Core planning team {'member' if len(idle) == 1 else 'members'} "
            f"{names_of(facts, idle)} {verb} on no action team. Plug them into the teams "
            "their programs can support.",
            people=idle,
        )


ACTION_CHECKS = (no_teams, priorities, team_makeup, commitments, debrief, stalled, unplugged)
