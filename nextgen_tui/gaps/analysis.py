"""The role-gap engine: what is missing at the table, stage by stage.

:func:`analyze` runs every rule of DESIGN.md ("Role-gap rules") on a partnership snapshot,
whatever stage the partnership is in, so a convener in Prepare also sees what the launch
will lack. Pure functions, no Textual: the screens, the report and ``nextgen-tui gaps``
all show the same findings. The rules live in :mod:`.gap_rules_early` (Prepare, Launch)
and :mod:`.gap_rules_late` (Action, Sustain); their ids, stages and severities in
:data:`RULES`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date

from nextgen_tui.gaps.action import ACTION_CHECKS
from nextgen_tui.gaps.catalogue import RULES, Gap, Rule, Severity, Subject
from nextgen_tui.gaps.facts import Facts
from nextgen_tui.gaps.launch import LAUNCH_CHECKS
from nextgen_tui.gaps.outreach import OUTREACH_CHECKS
from nextgen_tui.gaps.prepare import PREPARE_CHECKS
from nextgen_tui.gaps.sustain import SUSTAIN_CHECKS
from nextgen_tui.models import Stage
from nextgen_tui.models.snapshot import PartnershipSnapshot

__all__ = [
    "CHECKS",
    "RULES",
    "Gap",
    "Rule",
    "Severity",
    "Subject",
    "analyze",
    "blockers",
    "is_ready",
]

Check = Callable[[Facts], Iterator[Gap]]

#: Every check, in stage order.
CHECKS: tuple[Check, ...] = (
    *PREPARE_CHECKS,
    *OUTREACH_CHECKS,
    *LAUNCH_CHECKS,
    *ACTION_CHECKS,
    *SUSTAIN_CHECKS,
)

_SEVERITY_ORDER = {severity: index for index, severity in enumerate(Severity)}


def sort_key(gap: Gap) -> tuple[int, int]:
    """Stage order, then blockers before warnings before hints."""
    return (gap.stage.number, _SEVERITY_ORDER[gap.severity])


def analyze(snapshot: PartnershipSnapshot, today: date) -> list[Gap]:
    """Every gap of the partnership, by stage, blockers first within a stage.

    Linear in the number of role assignments: the snapshot is indexed once.
    """
    facts = Facts.of(snapshot, today)
    found = [gap for check in CHECKS for gap in check(facts)]
    found.sort(key=sort_key)  # stable: within a severity, the rules' own order
    return found


def blockers(gaps: Iterable[Gap], stage: Stage) -> list[Gap]:
    """The blockers of one stage."""
    return [gap for gap in gaps if gap.stage is stage and gap.severity is Severity.BLOCKER]


def is_ready(gaps: Iterable[Gap], stage: Stage) -> bool:
    """A stage is ready when it has no blockers."""
    return not blockers(gaps, stage)
