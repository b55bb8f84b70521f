"""Engagement over time, per partnership: who came to each meeting, and who drifted.

For every meeting held (quarterly convenings and action-team meetings with their
attendance), the industry and public people who came; for every industry leader at the
table (accepted or attended, as the gap rules count them), their attendance at each
quarterly convening since they joined; and who *drifted*: a leader who missed the last
two quarterly convenings (the ``industry-disengaged`` rule's people).

:func:`bars` draws a series as a line of block characters on a scale from zero, so
bars of two series compare, and a full attendance record never looks like an empty one.
Pure functions, no Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from nextgen_tui.gaps.facts import Facts
from nextgen_tui.models import Convening, ConveningKind
from nextgen_tui.models.snapshot import PartnershipSnapshot

BARS = "▁▂▃▄▅▆▇█"
#: Drawn for a convening held before the leader joined.
NOT_YET = "·"


@dataclass(frozen=True)
class MeetingAttendance:
    """One meeting held, and how many industry and public people came."""

    convening_id: int
    on: date
    label: str  # "Quarterly convening" or the action team's name
    quarterly: bool
    industry: int
    public: int


@dataclass(frozen=True)
class LeaderHistory:
    """An industry leader's attendance at each quarterly convening, oldest first.

    ``attended`` has one entry per convening of :attr:`Engagement.quarterly`: ``True``
    came, ``False`` missed, ``None`` held before they joined.
    """

    person_id: int
    name: str
    attended: tuple[bool | None, ...]
    drifted: bool

    @property
    def came(self) -> int:
        return sum(1 for seen in self.attended if seen)

    @property
    def expected(self) -> int:
        return sum(1 for seen in self.attended if seen is not None)


@dataclass(frozen=True)
class Engagement:
    meetings: list[MeetingAttendance]  # held, oldest first
    quarterly: list[date]  # quarterly convenings held, oldest first
    leaders: list[LeaderHistory]  # by name

    @property
    def drifted(self) -> list[LeaderHistory]:
        return [leader for leader in self.leaders if leader.drifted]

    @property
    def top(self) -> int:
        """The largest attendance of one side at one meeting (the charts' scale)."""
        return max((max(m.industry, m.public) for m in self.meetings), default=0)


def _label(convening: Convening, team_names: dict[int, str]) -> str:
    if convening.kind is ConveningKind.QUARTERLY:
        return convening.title or "Quarterly convening"
    return team_names.get(convening.team_id or 0, "Action team meeting")


def engagement(snapshot: PartnershipSnapshot, today: date) -> Engagement:
    facts = Facts.of(snapshot, today)
    teams = {team.id: team.name for team in snapshot.teams}
    held = sorted((c for c in snapshot.convenings if c.on <= today), key=lambda c: (c.on, c.id))
    meetings = []
    for convening in held:
        came = dict.fromkeys(convening.attendee_ids)
        industry = sum(1 for pid in came if facts.is_industry(pid))
        meetings.append(
            MeetingAttendance(
                convening.id,
                convening.on,
                _label(convening, teams),
                convening.kind is ConveningKind.QUARTERLY,
                industry,
                len(came) - industry,
            )
        )
    quarterly = [c for c in held if c.kind is ConveningKind.QUARTERLY]
    last_two = quarterly[-2:]
    leaders = []
    for pid in facts.counted_leaders:
        start = facts.leaders[pid].start
        attended = tuple((pid in c.attendee_ids) if c.on >= start else None for c in quarterly)
        drifted = (
            len(last_two) == 2
            and start <= last_two[0].on
            and not any(pid in c.attendee_ids for c in last_two)
        )
        leaders.append(LeaderHistory(pid, facts.name(pid), attended, drifted))
    leaders.sort(key=lambda leader: (leader.name.casefold(), leader.person_id))
    return Engagement(meetings, [c.on for c in quarterly], leaders)


def bars(values: Sequence[int | None], top: int) -> str:
    """``values`` as block characters on a scale from 0 to ``top`` (``None``: ``·``).

    Zero is the lowest block, so a meeting nobody came to still shows where it was.
    """
    scale = max(top, 1)
    steps = len(BARS) - 1
    return "".join(
        NOT_YET if value is None else BARS[round(min(max(value, 0), scale) * steps / scale)]
        for value in values
    )


def history_bars(leader: LeaderHistory) -> str:
    """A leader's attendance as a sparkline: a full block came, the lowest block missed."""
    return bars([None if seen is None else int(seen) for seen in leader.attended], 1)


def engagement_markdown(found: Engagement, escape: Callable[[str], str]) -> list[str]:
    """The figures of the engagement screen as Markdown tables (for the status report);
    ``escape`` makes user text literal."""
    lines = ["## Engagement over time", "", "### Attendance at each meeting", ""]
    if not found.meetings:
        lines += ["No meeting with attendance recorded yet.", ""]
    else:
        lines += ["| Date | Meeting | Industry | Public |", "|---|---|---:|---:|"]
        for meeting in found.meetings:
            lines.append(
                f"| {meeting.on.isoformat()} | {escape(meeting.label)} | {meeting.industry} "
                f"| {meeting.public} |"
            )
        lines.append("")
    lines += ["### Industry leaders at the quarterly convenings", ""]
    if not found.leaders:
        lines += ["No industry leader at the table yet.", ""]
        return lines
    dates = ", ".join(on.isoformat() for on in found.quarterly) or "none held yet"
    lines += [
        f"History, oldest first (█ came, ▁ missed, · before they joined): {dates}.",
        "",
        "| Industry leader | History | Came | Drifted |",
        "|---|---|---:|---|",
    ]
    for leader in found.leaders:
        drifted = "missed the last two" if leader.drifted else ""
        lines.append(
            f"| {escape(leader.name)} | {history_bars(leader) or '-'} "
            f"| {leader.came} of {leader.expected} | {drifted} |"
        )
    lines.append("")
    return lines
