"""Screenshots of the region view and a partnership's engagement charts and coverage at
80x24 and 120x40 (three seeded partnerships), compared with approved SVGs.

Regenerate after an intended change with
``pytest tests/ui/test_snapshots_region.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from nextgen_tui.app import RosterApp
from nextgen_tui.store.repository import Store
from tests.conftest import FIXED_NOW
from tests.support.region_seed import seed_region

SIZES = [(80, 24), (120, 40)]
Compare = Callable[..., bool]


def region_app(path: Path) -> RosterApp:
    store = Store(path, clock=lambda: FIXED_NOW)
    seed_region(store)
    return RosterApp(store)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_region_view(snap_compare: Compare, tmp_path: Path, size: Any) -> None:
    assert snap_compare(region_app(tmp_path / "roster.json"), press=["r", "_"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_engagement_charts(snap_compare: Compare, tmp_path: Path, size: Any) -> None:
    app = region_app(tmp_path / "roster.json")
    assert snap_compare(app, press=["enter", "g", "_"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_coverage_of_one_partnership(snap_compare: Compare, tmp_path: Path, size: Any) -> None:
    app = region_app(tmp_path / "roster.json")
    assert snap_compare(app, press=["enter", "g", "ctrl+o", "_"], terminal_size=size)
