"""The room view on a laptop screen (80x24) and a 200-column projector, compared with
approved SVGs. Regenerate after an intended change with
``pytest tests/ui/test_room_snapshots.py --snapshot-update`` and look at the SVGs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from screens.room.app import RoomApp
from tests.conftest import FIXED_NOW
from tests.support.room import seed_meeting

Compare = Callable[..., bool]


@pytest.mark.parametrize("size", [(80, 24), (200, 50)], ids=["80x24", "200x50"])
def test_room_view(snap_compare: Compare, tmp_path: Path, size: Any) -> None:
    seeded = seed_meeting(tmp_path / "roster.json")
    app = RoomApp(seeded.path, seeded.partnership_id, clock=lambda: FIXED_NOW)
    assert snap_compare(app, terminal_size=size)
