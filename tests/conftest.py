"""Shared fixtures: a fresh store in ``tmp_path`` with a fixed clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from nextgen_tui.store.repository import Store

FIXED_NOW = datetime(2026, 6, 1, 9, 30)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "roster.json"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = Store(db_path, clock=lambda: FIXED_NOW)
    yield s
    s.close()
