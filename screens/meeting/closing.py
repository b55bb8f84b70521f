"""The close of the live meeting (F9): the priorities, each team's lead, a last yes.

:class:`CloseFlow` asks these one after the other, each in a dialog over the meeting
screen, then closes the meeting through the core
(:func:`nextgen_tui.meeting.close.close_meeting`: one transaction, one undo step) with the
screen's ``run``, which saves and redraws. Escape in any of the dialogs leaves the meeting
as it was.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from textual.screen import Screen

from nextgen_tui.meeting.close import (
    close_meeting,
    committed_to,
    default_lead,
    ranked_areas,
    suggested_priorities,
)
from nextgen_tui.models import LaunchMeeting
from nextgen_tui.models.snapshot import PartnershipSnapshot
from screens.common.confirm import ConfirmScreen
from screens.common.context import store_of
from screens.meeting.pickers import LeadChoice, LeadsScreen, PrioritiesScreen
from screens.meeting.widgets import person_label


class CloseFlow:
    """The questions of one close of ``meeting``, asked over ``screen``.

    ``run`` saves a change and redraws the screen; it says whether the change was saved
    (its problems are the screen's to show).
    """

    def __init__(
        self,
        screen: Screen[None],
        snapshot: PartnershipSnapshot,
        meeting: LaunchMeeting,
        run: Callable[[Callable[[], object]], bool],
    ) -> None:
        self.screen = screen
        self.snapshot = snapshot
        self.meeting = meeting
        self.run = run

    def start(self) -> None:
        """The priorities first: the areas ranked by dots, the suggested ones ticked."""

        def chosen(ids: list[int] | None) -> None:
            if ids:
                self.choose_leads(ids)

        self.screen.app.push_screen(
            PrioritiesScreen(
                ranked_areas(self.meeting),
                suggested_priorities(self.meeting),
                Counter(c.area_id for c in self.meeting.commitments),
            ),
            chosen,
        )

    def choose_leads(self, ids: list[int]) -> None:
        """Each team's lead (when anyone committed), then the last question."""
        teams: list[LeadChoice] = [
            (
                area,
                [(person_label(self.snapshot, p), p) for p in committed_to(self.meeting, area.id)],
                default_lead(self.snapshot, area.id),
            )
            for area in self.meeting.action_areas
            if area.id in ids
        ]
        teams.sort(key=lambda team: ids.index(team[0].id))
        if not any(people for _, people, _ in teams):
            self.confirm(ids, {})
            return

        def led(leads: dict[int, int | None] | None) -> None:
            if leads is not None:
                self.confirm(ids, leads)

        self.screen.app.push_screen(LeadsScreen(teams), led)

    def confirm(self, ids: list[int], leads: dict[int, int | None]) -> None:
        """The last yes, then the close."""
        store = store_of(self.screen)
        partnership_id = self.meeting.partnership_id
        titles = "; ".join(a.title for a in self.meeting.action_areas if a.id in ids)
        teams = "1 action team" if len(ids) == 1 else f"{len(ids)} action teams"
        question = (
            f"Close the meeting and form {teams} ({titles})? The launch is marked held "
            "and attendance is recorded."
        )

        def confirmed(yes: bool | None) -> None:
            if yes and self.run(
                lambda: close_meeting(store, partnership_id, ids, store.today(), leads)
            ):
                self.screen.notify(f"Meeting closed: {teams} formed.", markup=False)

        self.screen.app.push_screen(
            ConfirmScreen(question, confirm_label="Close meeting"), confirmed
        )
