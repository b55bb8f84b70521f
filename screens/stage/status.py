"""The status lines of a stage view: readiness, the Launch table balance, the waivers.

User text (waiver reasons) reaches the screen as ``$variables`` of
``Content.from_markup``, never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.content import Content

from nextgen_tui.gaps.balance import TableBalance
from nextgen_tui.gaps.catalogue import Gap, Severity
from nextgen_tui.models import Stage, Waiver


def status_line(
    stage: Stage, current: Stage, gaps: Sequence[Gap], *, can_advance: bool = True
) -> Content:
    """Readiness of the viewed stage, and where the partnership stands.

    ``can_advance`` is false when the file is open read-only: ``a`` is off there, so the
    line says nothing about advancing.
    """
    blockers = sum(g.stage is stage and g.severity is Severity.BLOCKER for g in gaps)
    warnings = sum(g.stage is stage and g.severity is Severity.WARNING for g in gaps)
    if blockers:
        noun = "blocker" if blockers == 1 else "blockers"
        ready = f"[b $text-error]{blockers} {noun}[/]"
    else:
        ready = "[b $text-success]Ready[/]"
    if warnings:
        ready += f" [$text-warning]· {warnings} warning{'s' if warnings != 1 else ''}[/]"
    if stage is current:
        where = "current stage"
        nxt = stage.next()
        if nxt is not None and can_advance:
            where += f" · a advances to {nxt.label}"
    elif stage.number < current.number:
        where = f"done · the partnership is in {current.label}"
    else:
        where = f"upcoming · the partnership is in {current.label}"
    return Content.from_markup(f"[b]{stage.label}[/] {ready}  [$text-muted]{where}[/]")


def balance_line(balance: TableBalance) -> Content:
    """The launch table as ``industry-outnumbered`` counts it, group by group."""
    over = len(balance.public_people) > len(balance.industry)
    style = "$text-error" if over else "$text-success"
    unknown = f" · {len(balance.unknown)} of unknown kind (neither side)" if balance.unknown else ""
    return Content.from_markup(
        f"At the table: [b {style}]$industry[/] vs [b]$public[/][$text-warning]$unknown[/]",
        industry=balance.industry_text(),
        public=balance.public_text(),
        unknown=unknown,
    )


def waiver_lines(waivers: Sequence[Waiver], stage: Stage) -> Content:
    """The waivers recorded when the partnership left ``stage`` (reasons are user text)."""
    lines: list[Content] = []
    for waiver in waivers:
        if waiver.from_stage is not stage:
            continue
        lines.append(
            Content.from_markup(
                "[$text-warning]Waived[/] $count on $on, on to $to: $reason",
                count=f"{len(waiver.blockers)} blocker{'s' if len(waiver.blockers) != 1 else ''}",
                on=_day(waiver.on),
                to=waiver.to_stage.label,
                reason=waiver.reason,
            )
        )
    return Content("\n").join(lines)


def _day(day: date) -> str:
    return day.isoformat()
