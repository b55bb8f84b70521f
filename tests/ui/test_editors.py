"""The partnership form, the role editors and the launch form, driven as a convener would."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Checkbox, Collapsible, Input, Select

from nextgen_tui.errors import WriteFailedError
from nextgen_tui.models import ChampionStatus, InvitationStatus, OrgKind, RoleKind
from nextgen_tui.store.repository import Store
from screens.common.editor_form import DateError, parse_date
from screens.directory.person_picker import PersonPicker
from screens.partnerships.partnership_form import PartnershipForm
from screens.stage.launch_form import LaunchForm
from screens.stage.role_editors import ChampionEditor, LeaderEditor
from tests.support import factories as f
from tests.support.editor_ui import (
    SIZE,
    Host,
    champion_setup,
    error_text,
    on_disk,
    open_modal,
    screen_text,
    type_into,
)
from tests.support.notices import Notices

# --------------------------------------------------------------------------- dates


def test_parse_date_explains_in_plain_english() -> None:
    assert parse_date("2026-03-31") == date(2026, 3, 31)
    assert parse_date("  ") is None
    with pytest.raises(DateError, match="like 2026-03-31"):
        parse_date("next tuesday")
    with pytest.raises(DateError, match="not a day on the calendar"):
        parse_date("2026-02-30")
    with pytest.raises(DateError, match="required"):
        parse_date("", required=True)


# --------------------------------------------------------------------------- partnership


async def test_partnership_form_creates_refuses_a_duplicate_and_needs_a_name(
    store: Store,
) -> None:
    """On an empty file, in turn: the form creates a partnership (the toolkit's numbers by
    default); a second of the same name (in any case) is refused, keeping what was typed;
    a form without a name says it is required, keeps the other fields, saves nothing, and
    saves once named."""
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(app, pilot, PartnershipForm())
        await type_into(pilot, "#field-name", "Health Care, South Bay")
        await type_into(pilot, "#field-industry", "Health Care")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [created] = store.partnerships()
        assert app.results == [created.id], "create: the form answers the new one"
        assert created.industry == "Health Care", "create: the industry saved"
        assert created.thresholds.companies_min == 12, "create: the toolkit default"

        await open_modal(app, pilot, PartnershipForm())
        await type_into(pilot, "#field-name", "health care, south bay")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PartnershipForm), "duplicate: the form stays"
        assert "already exists" in error_text(app, "name"), "duplicate: refused"
        typed = app.screen.query_one("#field-name", Input).value
        assert typed == "health care, south bay", "duplicate: what was typed is kept"
        assert len(store.partnerships()) == 1, "duplicate: nothing saved"
        app.screen.dismiss(None)
        await pilot.pause()

        # -- a name is needed, and the rest is kept
        app.results.clear()
        await open_modal(app, pilot, PartnershipForm())
        await type_into(pilot, "#field-industry", "Health Care")
        await type_into(pilot, "#field-region", "North Bay")
        await type_into(pilot, "#field-companies_min", "8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PartnershipForm), "no name: the form stays"
        assert error_text(app, "name") == "Name is required", "no name: said"
        name = app.screen.query_one("#field-name", Input)
        assert app.screen.focused is name, "no name: the name field focused"
        kept = [
            app.screen.query_one(f"#field-{field}", Input).value
            for field in ("industry", "region", "companies_min")
        ]
        assert kept == ["Health Care", "North Bay", "8"], "no name: the rest is kept"
        on_file = [p.id for p in on_disk(store).partnerships()]
        assert on_file == [created.id], "no name: nothing saved"

        await type_into(pilot, "#field-name", "Health Care, North Bay")
        await pilot.press("ctrl+s")
        await pilot.pause()
    [saved] = [p for p in on_disk(store).partnerships() if p.id != created.id]
    assert (saved.name, saved.industry, saved.region) == (
        "Health Care, North Bay",
        "Health Care",
        "North Bay",
    ), "named: saved with what was typed"
    assert saved.thresholds.companies_min == 8, "named: the number typed"
    assert saved.thresholds.champions_max == 6, "named: the others the toolkit's"
    assert app.results == [saved.id], "named: the form answers the new one"


async def test_partnership_form_renames_shows_the_toolkit_numbers_and_opens_thresholds(
    store: Store,
) -> None:
    """On one partnership (and another named "Logistics, Port City"), in turn: the form
    shows the toolkit numbers, refuses a name taken (in any case) and renames; then a
    threshold error opens the collapsed section, saves nothing, and a fix saves."""
    p = f.partnership(store)
    f.partnership(store, name="Logistics, Port City")
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(app, pilot, PartnershipForm(p.id))
        shown = {
            name: app.screen.query_one(f"#field-{name}", Input).value
            for name in ("champions_min", "champions_max", "companies_min", "companies_max")
        }
        assert shown == {
            "champions_min": "2",
            "champions_max": "6",
            "companies_min": "12",
            "companies_max": "60",
        }, "rename: the toolkit numbers shown"
        await type_into(pilot, "#field-name", "LOGISTICS, port city")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "already exists" in error_text(app, "name"), "rename: a name taken is refused"
        await type_into(pilot, "#field-name", "Advanced Manufacturing, North & South Valley")
        await pilot.press("ctrl+s")
        await pilot.pause()
        renamed = on_disk(store).partnership(p.id).name
        assert renamed == "Advanced Manufacturing, North & South Valley", "rename: saved"
        assert app.results == [p.id], "rename: the form answers the partnership"

        # -- threshold errors open the section
        await open_modal(app, pilot, PartnershipForm(p.id))
        assert app.screen.query_one("#thresholds", Collapsible).collapsed, "thresholds: closed"
        await type_into(pilot, "#field-champions_min", "9")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.screen.query_one("#thresholds", Collapsible).collapsed, "opened"
        assert "must not be more than" in error_text(app, "thresholds"), "thresholds: error"
        assert store.partnership(p.id).thresholds.champions_min == 2, "thresholds: unsaved"

        await type_into(pilot, "#field-champions_min", "3")
        await type_into(pilot, "#field-companies_min", "8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = store.partnership(p.id)
        assert (saved.thresholds.champions_min, saved.thresholds.companies_min) == (3, 8), "fix"
        assert app.results == [p.id, p.id], "thresholds: the form answers the partnership"


# --------------------------------------------------------------------------- roles


async def test_champion_editor_sets_status_criteria_and_outreach_owner(store: Store) -> None:
    s = champion_setup(store)
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(app, pilot, ChampionEditor(s["role"].id))
        owner = app.screen.query_one("#field-outreach_owner_id", Select)
        offered = {value for _, value in owner._options}
        assert s["dean"].id in offered  # on the core team
        assert s["outsider"].id not in offered and s["ceo"].id not in offered
        app.screen.query_one("#field-status", Select).value = ChampionStatus.COMMITTED
        owner.value = s["dean"].id
        for name in ("passionate_company", "passionate_industry", "passionate_community"):
            app.screen.query_one(f"#field-{name}", Checkbox).focus()
            await pilot.press("space")
        await pilot.press("ctrl+s")
        await pilot.pause()
    details = store.role(s["role"].id).champion
    assert details is not None
    assert details.status is ChampionStatus.COMMITTED
    assert details.meets_criteria
    assert details.outreach_owner_id == s["dean"].id
    assert app.results == [True]


async def test_leader_editor_records_invitation_and_attendance(store: Store) -> None:
    p = f.partnership(store)
    who = f.person(store, "Lee Park", f.org(store, "Park Metals"))
    role = f.leader(store, p, who, InvitationStatus.INVITED)
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(app, pilot, LeaderEditor(role.id))
        assert "Lee Park (Park Metals)" in screen_text(app)
        app.screen.query_one("#field-invitation", Select).value = InvitationStatus.ACCEPTED
        app.screen.query_one("#field-attended", Checkbox).focus()
        await pilot.press("space", "ctrl+s")
        await pilot.pause()
    leader = store.role(role.id).leader
    assert leader is not None
    assert (leader.invitation, leader.attended, leader.introduced) == (
        InvitationStatus.ACCEPTED,
        True,
        False,
    )


# --------------------------------------------------------------------------- launch


async def test_launch_form_explains_a_bad_date_then_saves_with_facilitator(store: Store) -> None:
    s = champion_setup(store)
    p = s["p"]
    store.save_role(s["role"].updated(champion={"status": "committed"}))
    host = f.org(store, "Harlow Plastics")
    f.org(store, "Job Center North", OrgKind.JOB_CENTER)
    neutral = f.person(store, "Nora Neutral", title="Facilitator")
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(app, pilot, LaunchForm(p.id))
        hosts = {value for _, value in app.screen.query_one("#field-host_org_id", Select)._options}
        assert host.id in hosts and len(hosts) == 3  # blank, Acme Tools, Harlow Plastics
        await type_into(pilot, "#field-on", "next month")
        await type_into(pilot, "#field-place", "Harlow plant, Hall B")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LaunchForm)
        assert "must be a date like 2026-03-31" in error_text(app, "on")
        assert app.screen.query_one("#field-place", Input).value == "Harlow plant, Hall B"
        assert store.launch(p.id).id == 0  # nothing saved

        await type_into(pilot, "#field-on", "2026-09-15")
        app.screen.query_one("#field-host_org_id", Select).value = host.id
        app.screen.query_one("#field-opener_id", Select).value = s["ceo"].id
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, PersonPicker)
        await pilot.press(*"nora", "enter")
        await pilot.pause()
        assert "Nora Neutral" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == [True]
    launch = store.launch(p.id)
    assert (launch.on, launch.place, launch.host_org_id) == (
        date(2026, 9, 15),
        "Harlow plant, Hall B",
        host.id,
    )
    assert launch.opener_id == s["ceo"].id and launch.closer_id is None
    [facilitator] = store.snapshot(p.id).holders(RoleKind.FACILITATOR)
    assert facilitator.person_id == neutral.id


async def test_champion_editor_offers_the_whole_team_and_records_the_letter(
    store: Store,
) -> None:
    s = champion_setup(store)
    p = s["p"]
    convener = f.person(store, "Cora Convener")
    broad = f.person(store, "Ben Broad")
    store.assign(p.id, convener.id, RoleKind.CONVENER)
    store.assign(p.id, broad.id, RoleKind.CONVENING_TEAM)
    store.save_role(
        s["role"].updated(
            champion={"status": "committed", "passionate_company": True, "outreach_owner_id": 99}
        )
    )
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(app, pilot, ChampionEditor(s["role"].id))
        owner = app.screen.query_one("#field-outreach_owner_id", Select)
        offered = [value for _, value in owner._options if isinstance(value, int)]
        assert offered == [broad.id, convener.id, s["dean"].id]  # sorted by name
        assert owner.is_blank()  # an owner no longer in the file is not offered
        assert app.screen.query_one("#field-status", Select).value is ChampionStatus.COMMITTED
        owner.value = convener.id
        app.screen.query_one("#field-passionate_company", Checkbox).focus()
        await pilot.press("space")  # untick
        for name in ("signed_invite", "hosts_launch"):
            app.screen.query_one(f"#field-{name}", Checkbox).focus()
            await pilot.press("space")
        await pilot.press("ctrl+s")
        await pilot.pause()
    details = on_disk(store).role(s["role"].id).champion
    assert details is not None
    assert details.outreach_owner_id == convener.id
    assert (details.signed_invite, details.hosts_launch, details.passionate_company) == (
        True,
        True,
        False,
    )
    assert details.status is ChampionStatus.COMMITTED


async def test_launch_form_offers_champions_as_opener_and_closer(store: Store) -> None:
    s = champion_setup(store)
    p = s["p"]
    declined = f.champion(
        store,
        p,
        f.person(store, "Dora Declined", f.org(store, "Nope Inc")),
        ChampionStatus.DECLINED,
    )
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(app, pilot, LaunchForm(p.id))
        for name in ("opener_id", "closer_id"):
            select = app.screen.query_one(f"#field-{name}", Select)
            offered = [value for _, value in select._options if isinstance(value, int)]
            assert offered == [s["ceo"].id], name  # not the declined champion, nor the team
        assert declined.person_id not in offered
        app.screen.query_one("#field-closer_id", Select).value = s["ceo"].id
        app.screen.query_one("#field-held", Checkbox).focus()
        await pilot.press("space", "ctrl+s")
        await pilot.pause()
    launch = on_disk(store).launch(p.id)
    assert (launch.closer_id, launch.opener_id, launch.held, launch.on) == (
        s["ceo"].id,
        None,
        True,
        None,
    )
    assert app.results == [True]


async def test_launch_form_saves_all_or_nothing_then_replaces_the_facilitator(
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    notices: Notices,
) -> None:
    """A launch form whose save fails half way (the facilitator's role not written) stays
    open with what was typed, says why, and leaves the file and the open store as they
    were; then, the disk writable again, a new facilitator replaces the old one."""
    p = f.partnership(store)
    old = f.person(store, "Old Facilitator")
    new = f.person(store, "New Facilitator")
    first = store.assign(p.id, old.id, RoleKind.FACILITATOR)

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise WriteFailedError("The disk is full: nothing was saved.")

    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(app, pilot, LaunchForm(p.id))
        await type_into(pilot, "#field-place", "Harlow plant")
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press(*"new", "enter")
        await pilot.pause()
        with monkeypatch.context() as failing:
            failing.setattr(store, "assign", disk_full)  # fails after the launch is put
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, LaunchForm), "failed: the form stays open"
            place = app.screen.query_one("#field-place", Input).value
            assert place == "Harlow plant", "failed: what was typed is kept"
            assert any("disk is full" in m for m in notices.messages), "failed: says why"
        disk = on_disk(store)
        assert disk.launch(p.id).place == "", "failed: the launch not on disk"
        holders = [r.person_id for r in disk.snapshot(p.id).holders(RoleKind.FACILITATOR)]
        assert holders == [old.id], "failed: the old facilitator kept on disk"
        assert store.launch(p.id).place == "", "failed: the open store forgot it too"
        app.screen.dismiss(None)
        await pilot.pause()

        # -- the facilitator replaced
        await open_modal(app, pilot, LaunchForm(p.id))
        await pilot.click("#choose-facilitator")
        await pilot.pause()
        await pilot.press(*"new", "enter", "ctrl+s")
        await pilot.pause()
    assert store.role(first.id).end is not None, "replaced: the old role ended"
    holders = [r.person_id for r in store.snapshot(p.id).holders(RoleKind.FACILITATOR)]
    assert holders == [new.id], "replaced: the new facilitator"
