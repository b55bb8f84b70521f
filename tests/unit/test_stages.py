"""Advancing a partnership: free when its stage is ready, with a stored waiver otherwise."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from nextgen_tui.errors import InvalidDataError, StoreError
from nextgen_tui.lifecycle.advance import WaiverRequired, advance_stage
from nextgen_tui.models import OrgKind, Partnership, RoleKind, Stage
from nextgen_tui.store.repository import Store
from tests.support import factories as f

DAY = date(2026, 6, 1)


def _ready_for_launch(store: Store) -> Partnership:
    """A partnership whose Prepare stage has no blocker (Launch still has some)."""
    p = f.partnership(store)
    for kind in (OrgKind.COMMUNITY_COLLEGE, OrgKind.WORKFORCE_BOARD, OrgKind.CHAMBER):
        who = f.person(store, f"Exec {kind.value}", f.org(store, f"Org {kind.value}", kind))
        store.assign(p.id, who.id, RoleKind.CORE_TEAM)
    store.assign(p.id, who.id, RoleKind.CONVENER)
    forge = f.org(store, "Acme Forge")
    f.champion(store, p, f.person(store, "Ann", forge), hosts_launch=True)
    f.champion(store, p, f.person(store, "Bo", forge))
    return p


def test_a_ready_stage_advances_without_a_waiver(store: Store) -> None:
    p = _ready_for_launch(store)
    moved = advance_stage(store, p.id, DAY)
    assert moved.stage is Stage.LAUNCH and moved.waivers == []
    assert store.partnership(p.id).stage is Stage.LAUNCH
    # Launch has blockers (no companies, no facilitator): the next step needs a reason
    with pytest.raises(WaiverRequired) as caught:
        advance_stage(store, p.id, DAY)
    assert {gap.stage for gap in caught.value.blockers} == {Stage.LAUNCH}
    assert "companies-too-few" in {gap.rule for gap in caught.value.blockers}


def test_blockers_without_a_reason_change_nothing(store: Store) -> None:
    p = f.partnership(store)
    for reason in (None, "", "   "):
        with pytest.raises(WaiverRequired) as caught:
            advance_stage(store, p.id, DAY, reason)
        assert not isinstance(caught.value, StoreError)
        rules = [gap.rule for gap in caught.value.blockers]
        assert "champions-too-few" in rules and "no-convener" in rules
        assert all(gap.stage is Stage.PREPARE for gap in caught.value.blockers)
    assert store.partnership(p.id).stage is Stage.PREPARE
    assert store.partnership(p.id).waivers == []


def test_a_waiver_is_stored_with_date_reason_and_blockers(store: Store, db_path: Path) -> None:
    p = f.partnership(store)
    moved = advance_stage(store, p.id, date(2026, 5, 20), "Board wants a June launch")
    assert moved.stage is Stage.LAUNCH
    [waiver] = moved.waivers
    assert (waiver.from_stage, waiver.to_stage) == (Stage.PREPARE, Stage.LAUNCH)
    assert waiver.reason == "Board wants a June launch" and waiver.on == date(2026, 5, 20)
    assert waiver.blockers[:3] == ["no-convener", "champions-too-few", "no-launch-host"]
    assert len(waiver.blockers) == len(set(waiver.blockers))  # one id per rule
    store.close()
    with Store(db_path, read_only=True) as reopened:
        assert reopened.partnership(p.id).waivers == [waiver]


def test_waivers_accumulate_and_undo_takes_back_one_step(store: Store) -> None:
    p = f.partnership(store)
    advance_stage(store, p.id, DAY, "first")
    advance_stage(store, p.id, DAY, "second")
    saved = store.partnership(p.id)
    assert saved.stage is Stage.ACTION
    assert [(w.from_stage, w.reason) for w in saved.waivers] == [
        (Stage.PREPARE, "first"),
        (Stage.LAUNCH, "second"),
    ]
    store.undo()
    again = store.partnership(p.id)
    assert again.stage is Stage.LAUNCH and [w.reason for w in again.waivers] == ["first"]


def test_sustain_has_no_next_stage(store: Store) -> None:
    p = f.partnership(store, stage=Stage.SUSTAIN)
    with pytest.raises(InvalidDataError, match="last stage"):
        advance_stage(store, p.id, DAY, "anyway")
    assert store.partnership(p.id).stage is Stage.SUSTAIN
