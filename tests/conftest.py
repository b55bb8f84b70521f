"""Shared fixtures: a fresh store in ``tmp_path`` with a fixed clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from nextgen_tui.prefs import CONFIG_DIR_ENV
from nextgen_tui.store.repository import Store
from tests.support.notices import Notices, record_notices

FIXED_NOW = datetime(2026, 6, 1, 9, 30)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Start the tests marked ``slow`` first: under ``pytest -n``, a long test picked up
    last would leave the other workers idle while it runs alone."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(autouse=True)
def config_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Preferences (theme, last partnership) go to a folder of the test, never the user's
    (nor beside the test's roster file, where the import wizard lists folders)."""
    folder = tmp_path_factory.mktemp("config") / "config"
    monkeypatch.setenv(CONFIG_DIR_ENV, str(folder))
    return folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "roster.json"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = Store(db_path, clock=lambda: FIXED_NOW)
    yield s
    s.close()


@pytest.fixture
def notices(monkeypatch: pytest.MonkeyPatch) -> Notices:
    """Every ``notify`` call of the test's apps (see tests/support/notices.py)."""
    return record_notices(monkeypatch)
