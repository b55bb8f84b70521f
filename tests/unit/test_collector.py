"""The garbage collector paused while the app starts, resumed once it has painted."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from nextgen_tui import collector


@pytest.fixture(autouse=True)
def restore_collector() -> Iterator[None]:
    """Each test leaves the process's collector on (what it froze stays frozen, as every
    store opening leaves what it read)."""
    yield
    collector.resume()
    gc.enable()


def test_pause_stops_collection_and_resume_starts_it_again_with_what_exists_frozen() -> None:
    collector.pause()
    assert not gc.isenabled()
    before = gc.get_freeze_count()
    collector.resume()
    assert gc.isenabled()
    assert gc.get_freeze_count() > before  # later collections skip the start-up objects
    collector.resume()  # a second resume changes nothing
    assert gc.isenabled()


def test_collection_turned_off_by_the_caller_stays_off() -> None:
    gc.disable()
    before = gc.get_freeze_count()
    collector.pause()
    collector.resume()
    assert not gc.isenabled()
    assert gc.get_freeze_count() == before


def test_resume_without_pause_changes_nothing() -> None:
    before = gc.get_freeze_count()
    collector.resume()
    assert gc.isenabled()
    assert gc.get_freeze_count() == before
