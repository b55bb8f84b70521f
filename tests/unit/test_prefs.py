"""Preferences between runs (``nextgen_tui.prefs``): round trip, broken files, the folder."""

from __future__ import annotations

from pathlib import Path

from nextgen_tui.prefs import Place, Prefs, load_prefs, prefs_path, save_prefs


def test_prefs_round_trip_per_roster_file(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "prefs.json"
    prefs = Prefs(theme="gruvbox")
    prefs.remember(tmp_path / "a.json", 3, "launch")
    assert save_prefs(prefs, path)
    again = load_prefs(path)
    assert again.theme == "gruvbox"
    assert again.place(tmp_path / "a.json") == Place(3, "launch")
    assert again.place(tmp_path / "b.json") is None
    assert not list(path.parent.glob(".prefs-*"))  # no temporary file left behind


def test_a_missing_or_broken_prefs_file_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "prefs.json"
    assert load_prefs(path) == Prefs()
    for broken in ("{not json", "[1, 2]", '{"theme": 7, "places": {"x": {"stage": 1}}}', "\0"):
        path.write_text(broken, encoding="utf-8")
        assert load_prefs(path) == Prefs()
    path.write_bytes(b"\xff\xfe")
    assert load_prefs(path) == Prefs()


def test_saving_where_it_cannot_is_not_fatal(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert save_prefs(Prefs(theme="nord"), blocker / "prefs.json") is False


def test_tests_keep_prefs_in_their_own_folder(config_dir: Path) -> None:
    assert prefs_path() == config_dir / "prefs.json"
