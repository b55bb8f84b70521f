"""Moving a partnership to its next stage, with a waiver when blockers remain.

A stage is ready when it has no blockers. Advancing anyway is allowed only with a reason:
the waiver (from, to, reason, date and the open blockers' rule ids) is kept with the
partnership so later readers see what was skipped and why.
"""

from __future__ import annotations

from datetime import date

from nextgen_tui.errors import InvalidDataError
from nextgen_tui.gaps.analysis import analyze, blockers
from nextgen_tui.gaps.catalogue import Gap
from nextgen_tui.models import Partnership, Waiver
from nextgen_tui.store.repository import Store


class WaiverRequired(Exception):
    """The current stage has blockers: advancing needs a reason (``blockers`` lists them)."""

    def __init__(self, blockers: list[Gap]) -> None:
        self.blockers = blockers
        count = len(blockers)
        super().__init__(
            f"The stage still has {count} blocker{'s' if count != 1 else ''}; "
            "give a reason to advance anyway."
        )


def advance_stage(
    store: Store, partnership_id: int, today: date, reason: str | None = None
) -> Partnership:
    """Move the partnership to the next stage and return it as saved.

    Raises :class:`WaiverRequired` when the current stage has blockers and no reason is
    given, and :class:`~nextgen_tui.store.InvalidDataError` in the last stage.
    """
    partnership = store.partnership(partnership_id)
    current = partnership.stage
    following = current.next()
    if following is None:
        raise InvalidDataError(
            f"{partnership.name} is already in the last stage, {current.label}; "
            "there is no next stage."
        )
    open_blockers = blockers(analyze(store.snapshot(partnership_id), today), current)
    waivers = list(partnership.waivers)
    if open_blockers:
        if reason is None or not reason.strip():
            raise WaiverRequired(open_blockers)
        waivers.append(
            Waiver(
                from_stage=current,
                to_stage=following,
                reason=reason,
                on=today,
                blockers=list(dict.fromkeys(gap.rule for gap in open_blockers)),
            )
        )
    return store.save_partnership(partnership.updated(stage=following, waivers=waivers))
