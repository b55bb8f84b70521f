"""Closing the meeting (priorities, each team's lead, a last yes) and, once closed, its
summary with the corrections: an item renamed, a person added to a team.
"""

from __future__ import annotations

from collections import Counter

from textual.content import Content

from nextgen_tui.meeting.close import (
    close_meeting,
    committed_to,
    default_lead,
    ranked_areas,
    suggested_priorities,
)
from nextgen_tui.meeting.corrections import add_to_team, formed_teams
from nextgen_tui.text.visible import visible
from nextgen_tui.transfer.exports import export_to
from screens.common.confirm import ConfirmScreen
from screens.common.context import store_of
from screens.meeting.forms import CorrectItemForm
from screens.meeting.pickers import Choice, ChoiceScreen, LeadChoice, LeadsScreen, PrioritiesScreen
from screens.meeting.view import MeetingView


class MeetingClosing(MeetingView):
    """The close and the closed meeting's actions (keys: :class:`MeetingScreen`)."""

    def person_label(self, person_id: int) -> Content:
        """``Name — Organization`` (plain text, never markup)."""
        name = self.name_of(person_id)
        org = self.snapshot.organization_of(person_id) if self.snapshot else None
        return Content(f"{name} — {org.name}" if org else name)

    # ------------------------------------------------------------------ close

    def action_close_meeting(self) -> None:
        if not self.meeting.action_areas:
            self.tell(
                "Capture the needed action areas first: each priority becomes an action team."
            )
            return

        def chosen(ids: list[int] | None) -> None:
            if ids:
                self.choose_leads(ids)

        self.app.push_screen(
            PrioritiesScreen(
                ranked_areas(self.meeting),
                suggested_priorities(self.meeting),
                Counter(c.area_id for c in self.meeting.commitments),
            ),
            chosen,
        )

    def choose_leads(self, ids: list[int]) -> None:
        """Each team's lead (when anyone committed), then the last question."""
        snapshot = self.snapshot
        if snapshot is None:
            return
        teams: list[LeadChoice] = [
            (
                area,
                [(self.person_label(p), p) for p in committed_to(self.meeting, area.id)],
                default_lead(snapshot, area.id),
            )
            for area in self.meeting.action_areas
            if area.id in ids
        ]
        teams.sort(key=lambda team: ids.index(team[0].id))
        if not any(people for _, people, _ in teams):
            self.confirm_close(ids, {})
            return

        def led(leads: dict[int, int | None] | None) -> None:
            if leads is not None:
                self.confirm_close(ids, leads)

        self.app.push_screen(LeadsScreen(teams), led)

    def confirm_close(self, ids: list[int], leads: dict[int, int | None]) -> None:
        store = store_of(self)
        titles = "; ".join(a.title for a in self.meeting.action_areas if a.id in ids)
        teams = "1 action team" if len(ids) == 1 else f"{len(ids)} action teams"
        question = (
            f"Close the meeting and form {teams} ({titles})? The launch is marked held "
            "and attendance is recorded."
        )

        def confirmed(yes: bool | None) -> None:
            if yes and self.run(
                lambda: close_meeting(store, self.partnership_id, ids, store.today(), leads)
            ):
                self.notify(f"Meeting closed: {teams} formed.", markup=False)

        self.app.push_screen(ConfirmScreen(question, confirm_label="Close meeting"), confirmed)

    # ------------------------------------------------------------------ closed

    def action_save_summary(self) -> None:
        if self.snapshot is None:
            return
        path = self.summary_path()
        store = store_of(self)
        snapshot, today, roster = self.snapshot, store.today(), store.path
        if self.run(lambda: export_to("summary", snapshot, path, roster=roster, today=today)):
            self.notify(f"Summary saved to {visible(str(path))}", markup=False)

    def _reload_if(self, changed: bool | None) -> None:
        if changed:
            self.reload()

    def action_correct_item(self) -> None:
        """Pick an opportunity or an action area of the closed meeting and correct it."""
        items = [(o.id, "Opportunity", o.text) for o in self.meeting.opportunities]
        items += [(a.id, "Action area", a.title) for a in self.meeting.action_areas]
        if not items:
            self.notify("Nothing was captured at this meeting.", markup=False)
            return
        texts = {item_id: (kind, text) for item_id, kind, text in items}
        choices: list[Choice] = [
            (Content.assemble((f"{kind}: ", "dim"), text), str(item_id), text)
            for item_id, kind, text in items
        ]

        def picked(choice: str | None) -> None:
            if choice is not None:
                kind, text = texts[int(choice)]
                form = CorrectItemForm(self.partnership_id, int(choice), kind, text)
                self.app.push_screen(form, self._reload_if)

        self.app.push_screen(
            ChoiceScreen("Correct which item?", "Its text changes everywhere.", choices), picked
        )

    def action_add_to_team(self) -> None:
        """Add someone to a team formed at the close (as if they had committed)."""
        store = store_of(self)
        teams = formed_teams(store, self.partnership_id)
        if not teams:
            self.notify("No action team was formed at this meeting.", markup=False)
            return
        team_choices: list[Choice] = [(Content(t.name), str(t.id), t.name) for t in teams]

        def team_picked(team: str | None) -> None:
            if team is not None:
                self.pick_member(int(team))

        self.app.push_screen(
            ChoiceScreen(
                "Add someone to which team?", "The teams formed at the close.", team_choices
            ),
            team_picked,
        )

    def pick_member(self, team_id: int) -> None:
        store = store_of(self)
        arrived = {c.person_id for c in self.meeting.checkins}
        people = sorted(self.search.people, key=lambda p: p.person_id not in arrived)
        choices: list[Choice] = [
            (self.person_label(p.person_id), str(p.person_id), f"{p.name}\n{p.organization}")
            for p in people
        ]

        def picked(person: str | None) -> None:
            if person is not None:
                person_id = int(person)
                if self.run(lambda: add_to_team(store, self.partnership_id, team_id, person_id)):
                    team = store.team(team_id).name
                    self.notify(f"{self.name_of(person_id)} joined {team}", markup=False)

        self.app.push_screen(
            ChoiceScreen(
                "Who joins the team?", "People at the meeting first; type to narrow.", choices
            ),
            picked,
        )
