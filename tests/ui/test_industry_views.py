"""What the convener and the facilitator see of industry vs public: the Launch view's table
balance (the same numbers as the rule), the stage guide, who invited whom, gaps of other
stages labelled, and the meeting's purpose and speaker."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.content import Content
from textual.widgets import Select, Static

from nextgen_tui.app import RosterApp
from nextgen_tui.meeting.agenda import start_meeting
from nextgen_tui.models import MeetingPhase, OrgKind, RoleKind, Stage
from nextgen_tui.store.repository import Store
from screens.meeting.screen import MeetingScreen
from screens.stage.guide import GuideScreen
from screens.stage.widgets import GapList, RosterList
from tests.conftest import FIXED_NOW
from tests.support.app_ui import (
    gap_rules,
    highlight_gap,
    roster_lines,
    stage_screen,
    type_in,
    wait,
)
from tests.support.gap_builder import Build
from tests.support.meeting_ui import Host

SIZE = (100, 24)  # the stage view wide (100 columns and up): its layout is not the point


def _text(widget: Static) -> str:
    visual = widget.visual
    assert isinstance(visual, Content)
    return visual.plain


def _gap_lines(app: App[Any]) -> list[str]:
    return [str(option.prompt) for option in app.screen.query_one(GapList).options]


async def test_launch_view_balance_guide_who_invited_and_an_unknown_kind(store: Store) -> None:
    """One app on a partnership with a lopsided Launch table, in turn:

    - the Launch view's balance and the industry-outnumbered rule count the same people;
    - the guide (i) shows each statement met or not, with its rule, for any stage;
    - who invited a leader is edited, and counted per champion;
    - the balance belongs to the Launch view only;
    - enter on an unknown kind's gap opens the organization to say what it is.
    """
    b = Build()
    b.leaders(2)
    leader = b.leader(b.person(b.org(OrgKind.COMPANY), name="Lee Leader"))
    # counts on the industry side
    champion = b.champion(b.person(b.org(OrgKind.COMPANY), name="Carla Champ"))
    b.roles_of(RoleKind.SUPPORT_DELEGATE, *b.publics(4))
    b.roles_of(RoleKind.CORE_TEAM, *b.publics(2))
    convener = b.public_person(OrgKind.WORKFORCE_BOARD)
    b.role(convener, RoleKind.CONVENER)
    b.role(convener, RoleKind.CORE_TEAM)  # one person, counted once
    unknown = b.org(OrgKind.UNKNOWN, "Mystery Works")
    b.role(b.person(unknown), RoleKind.SUPPORT_DELEGATE)  # neither side
    b.save(store)
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await wait(pilot)
        balance = _text(stage_screen(app).query_one("#stage-balance", Static))
        industry = "4 industry (3 leaders, 1 champion)"
        public = "7 public (4 support team delegates, 3 core planning team members)"
        assert balance == f"At the table: {industry} vs {public} · 1 of unknown kind (neither side)"
        [message] = [line for line in _gap_lines(app) if "would sit at the table" in line]
        # the rule says the same numbers, group by group
        assert "7 public partners would sit at the table (4 support team delegates, " in message
        assert "3 core planning team members) with 4 industry members (3 leaders, 1 champion)" in (
            message
        )
        assert "Recruit at least 3 more industry leaders or send fewer support team" in message

        # ---- the guide
        await pilot.press("i")
        await wait(pilot)
        assert isinstance(app.screen, GuideScreen), "guide: i opens it"
        text = _text(app.screen.query_one("#guide-text", Static))
        assert "2 Launch: the toolkit's guide" in text, "guide: the viewed stage's"
        assert "✖ not met  Industry leads the table" in text, "guide: a statement not met"
        assert "(checked by: industry-outnumbered)" in text, "guide: its rule"
        assert "· advice  Listen, and make space for industry" in text, "guide: advice"
        assert "Institute for Networked Communities" in text, "guide: attribution"
        await pilot.press("1")  # another stage's guide
        await pilot.pause()
        assert "1 Prepare: the toolkit's guide" in _text(
            app.screen.query_one("#guide-text", Static)
        ), "guide: 1 shows Prepare's"
        await pilot.press("escape")
        await wait(pilot)
        assert stage_screen(app).view_stage is Stage.LAUNCH, "guide: the view is unchanged"

        # ---- who invited a leader
        assert any("Carla Champ" in line and "invited 0, 0 accepted" in line for line in (
            roster_lines(app)
        )), "invited: none yet"  # fmt: skip
        roster = app.screen.query_one(RosterList)
        roster.focus()
        assert roster.highlight_group("leaders", leader)
        await pilot.press("enter")
        await wait(pilot)
        assert type(app.screen).__name__ == "LeaderEditor", "invited: enter edits the leader"
        app.screen.query_one("#field-invited_by_id", Select).value = champion
        await pilot.press("ctrl+s")
        await wait(pilot)
        [role] = [
            r for r in store.roles() if r.role is RoleKind.INDUSTRY_LEADER and r.person_id == leader
        ]
        assert role.leader is not None and role.leader.invited_by_id == champion, "invited"
        lines = roster_lines(app)
        assert any("Lee Leader" in line and "invited by Carla Champ" in line for line in lines)
        assert any("Carla Champ" in line and "invited 1, 1 accepted" in line for line in lines)

        await pilot.press("1")  # the balance belongs to the Launch view
        await wait(pilot)
        assert not stage_screen(app).query_one("#stage-balance", Static).display, "balance"

        # ---- an unknown kind's gap opens its organization
        assert "organization-kind-unknown" in gap_rules(app), "unknown: flagged"
        await highlight_gap(pilot, "organization-kind-unknown")
        await pilot.press("enter")
        await wait(pilot)
        assert type(app.screen).__name__ == "OrgForm", "unknown: enter opens the organization"
        kind = app.screen.query_one("#field-kind", Select)
        assert kind.value is OrgKind.UNKNOWN, "unknown: shown as unknown"
        kind.value = OrgKind.ECONOMIC_DEVELOPMENT
        await pilot.press("ctrl+s")
        await wait(pilot)
        assert "organization-kind-unknown" not in gap_rules(app), "unknown: cleared"
        [org] = [o for o in store.organizations() if o.name == "Mystery Works"]
        assert org.kind is OrgKind.ECONOMIC_DEVELOPMENT, "unknown: the kind stored"


async def test_action_without_teams_is_a_blocker_and_earlier_gaps_are_labelled(
    store: Store,
) -> None:
    b = Build()
    b.set_partnership(stage=Stage.ACTION)
    b.save(store)
    app = RosterApp(store)
    async with app.run_test(size=SIZE) as pilot:
        assert stage_screen(app).view_stage is Stage.ACTION
        assert gap_rules(app) == ["no-action-teams"]
        lines = _gap_lines(app)
        assert not any("Nothing missing" in line for line in lines)
        assert "Earlier stages" in lines and "Upcoming" not in lines
        earlier = lines[lines.index("Earlier stages") + 1 :]
        assert earlier[0].startswith("✖ Prepare: ")
        await pilot.press("1")  # a passed stage: the partnership's own stage comes next
        await wait(pilot)
        lines = _gap_lines(app)
        assert "Current stage (Action)" in lines
        await pilot.press("4")  # a stage not reached yet, with nothing flagged
        await wait(pilot)
        assert _gap_lines(app)[0].startswith("Nothing flagged for Sustain yet")


async def test_meeting_shows_purpose_and_speaker_and_walk_ins_show_the_guessed_kind(
    store: Store,
) -> None:
    """One meeting, in turn:

    - the welcome's purpose names the opening champion;
    - a walk-in's organization kind is guessed and shown before saving (a college: public);
    - a name that says nothing is never a company: the facilitator asks, and says so;
    - two parts on, the purpose says industry speaks and public partners listen.
    """
    b = Build()
    opener = b.champion(b.person(b.org(OrgKind.COMPANY), name="Olive Opener"))
    b.set_launch(opener_id=opener)
    b.save(store)
    start_meeting(store, 1, FIXED_NOW)
    app = Host(store, 1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        purpose = _text(screen.query_one("#phase-purpose", Static))
        assert purpose.startswith("Olive Opener, the opening champion: welcome everyone"), (
            "purpose: the opener welcomes"
        )

        # ---- walk-ins: the guessed kind, shown and changeable
        await pilot.press("f2")
        await pilot.pause()
        await type_in(pilot, "Dee Dean", "Valley Community College")  # pasted: the kind follows
        await pilot.pause()
        kind = app.screen.query_one("#field-kind", Select)
        assert kind.value is OrgKind.COMMUNITY_COLLEGE, "walk-in: guessed, shown before saving"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        await type_in(pilot, "Mo Maker", "Mystery Works")  # pasted: the kind follows
        await pilot.pause()
        kind = app.screen.query_one("#field-kind", Select)
        assert kind.value is OrgKind.UNKNOWN, "walk-in: the name says nothing: never a company"
        kind.value = OrgKind.COMPANY  # the facilitator asks, and says so
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen, "walk-in: back on the meeting"

        for _ in range(2):
            await pilot.press("f8")
            await pilot.pause()
        assert store.launch(1).phase is MeetingPhase.OPPORTUNITIES, "purpose: two parts on"
        purpose = _text(screen.query_one("#phase-purpose", Static))
        assert purpose.startswith("Industry, champions first: industry names the trends"), (
            "purpose: industry speaks"
        )
        assert "public partners listen" in purpose, "purpose: public partners listen"
    kinds = {o.name: o.kind for o in store.organizations()}
    assert kinds["Valley Community College"] is OrgKind.COMMUNITY_COLLEGE, "walk-in: college"
    assert kinds["Mystery Works"] is OrgKind.COMPANY, "walk-in: the facilitator's kind"
    leaders = {
        store.person(r.person_id).name for r in store.roles() if r.role is RoleKind.INDUSTRY_LEADER
    }
    assert leaders == {"Mo Maker"}, "walk-in: the college's dean is a public partner"
    observers = {store.person(c.person_id).name: c.observer for c in store.launch(1).checkins}
    assert observers == {"Dee Dean": True, "Mo Maker": False}, "walk-in: observers"
