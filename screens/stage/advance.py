"""Advancing a partnership to its next stage from the stage view: a yes/no question when
the current stage has no blockers, a waiver reason when it has (the core function
:func:`nextgen_tui.lifecycle.advance.advance_stage` records the move and any waiver)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.screen import Screen

from nextgen_tui.gaps.analysis import blockers
from nextgen_tui.gaps.catalogue import Gap
from nextgen_tui.lifecycle.advance import WaiverRequired, advance_stage
from nextgen_tui.models import Partnership
from screens.common.confirm import ConfirmScreen
from screens.common.context import save, store_of

Done = Callable[[Partnership | None], None]


def ask_to_advance(
    screen: Screen[None], partnership: Partnership, gaps: Sequence[Gap], done: Done
) -> None:
    """Advance after a yes (a waiver reason instead, when blockers remain); ``done`` gets the
    moved partnership, or ``None`` when nothing moved."""
    current = partnership.stage
    following = current.next()
    if following is None or blockers(gaps, current):
        advance(screen, partnership.id, done)
        return

    def answered(yes: bool | None) -> None:
        if yes:
            advance(screen, partnership.id, done)

    question = (
        f"Move {partnership.name} from {current.label} to {following.label}? "
        f"{current.label} has no blockers."
    )
    screen.app.push_screen(ConfirmScreen(question, confirm_label="Advance"), answered)


def advance(screen: Screen[None], partnership_id: int, done: Done) -> None:
    """Move on, or ask for a waiver reason when blockers remain."""
    store = store_of(screen)
    today = store.today()
    try:
        moved = save(screen, lambda: advance_stage(store, partnership_id, today), done=None)
    except WaiverRequired as exc:

        def reason_given(reason: str | None) -> None:
            if reason:
                done(
                    save(
                        screen,
                        lambda: advance_stage(store, partnership_id, today, reason),
                        done=None,
                    )
                )

        from screens.stage.waiver import WaiverScreen

        screen.app.push_screen(WaiverScreen(exc.blockers), reason_given)
        return
    done(moved)
