"""The ``nextgen-tui`` command: version, help, plain one-line errors, --db and --demo.

The command runs in this process (:func:`~tests.support.cli.run_cli`), except where the
installed entry point is the point: ``--help``, a file locked by another process, and the
check that an in-process run shows exactly what the installed command shows.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import shutil
import signal
import stat
import sys
from pathlib import Path

import pytest

from nextgen_tui import __version__
from nextgen_tui.cli import main as cli
from nextgen_tui.cli.common import EXIT_ERROR, EXIT_OK
from nextgen_tui.errors import StoreError
from nextgen_tui.models import Person
from nextgen_tui.paths import bundled_demo_path
from nextgen_tui.store.opening import ClaimedFile
from nextgen_tui.store.repository import Store
from nextgen_tui.store.siblings import lock_path
from tests.conftest import FIXED_NOW
from tests.support.cli import assert_one_plain_line, run_cli, run_command
from tests.support.roster_files import write_roster


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ------------------------------------------------------------------ the command's output


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"nextgen-tui {__version__}"


def test_help_lists_the_options_and_subcommands() -> None:
    result = run_command("--help")  # the installed entry point, end to end
    assert result.returncode == 0 and result.stderr == ""
    for text in ("--db PATH", "--demo", "--read-only", "--version", "gaps", "import", "export"):
        assert text in result.stdout
    assert "Next Generation Sector Partnership" in result.stdout


def test_an_unknown_option_is_one_line() -> None:
    line = assert_one_plain_line(run_cli("--frobnicate"))
    assert line.startswith("nextgen-tui: unrecognized arguments: --frobnicate")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"{ this is not json", "not valid JSON"),
        (b"", "is empty"),
        (b'{"_default": {}}', "not a roster file of this app"),
        (
            json.dumps(
                {"_meta": {"1": {"format": "sector-partnership-roster", "schema_version": 7}}}
            ).encode(),
            "newer version",
        ),
    ],
    ids=["corrupt", "empty", "foreign", "newer"],
)
def test_a_bad_file_is_one_plain_line_and_left_unchanged(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "roster.json"
    path.write_bytes(content)
    assert_one_plain_line(run_cli("--db", str(path)), "nextgen-tui: ", expected, str(path))
    assert path.read_bytes() == content


def test_an_unreadable_path_is_one_plain_line(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.json"
    folder.mkdir()
    assert_one_plain_line(run_cli("--db", str(folder)), "is a folder, so it is not a roster file")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-folder.json"]  # no lock left


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_a_file_without_read_permission_is_one_plain_line(tmp_path: Path) -> None:
    path = tmp_path / "roster.json"
    Store(path).close()
    path.chmod(0)
    assert_one_plain_line(run_cli("--db", str(path)), "Cannot read")


def test_a_locked_file_is_one_plain_line_naming_the_holder(store: Store, db_path: Path) -> None:
    before = db_path.read_bytes()
    assert_one_plain_line(  # another process: the lock is what keeps two writers apart
        run_command("--db", str(db_path)), "already open for editing", f"process {os.getpid()}"
    )
    assert db_path.read_bytes() == before


def test_a_missing_folder_or_read_only_missing_file_is_one_plain_line(tmp_path: Path) -> None:
    assert_one_plain_line(run_cli("--db", str(tmp_path / "no" / "roster.json")), "does not exist")
    assert_one_plain_line(
        run_cli("--read-only", "--db", str(tmp_path / "roster.json")), "There is no roster file"
    )
    assert list(tmp_path.iterdir()) == []


ESCAPED_NAME = "\x1b]0;PWNED\x07 Zoë.json"
SHOWN_NAME = "\\x1b]0;PWNED\\x07 Zoë.json"


@pytest.mark.parametrize("case", ["gaps-on-the-demo", "a-refusal-with-escapes"])
def test_an_in_process_run_shows_what_the_installed_command_shows(
    tmp_path: Path, case: str
) -> None:
    """The installed entry point end to end, and the in-process runs the other tests use
    compared with it: the same exit status and the same characters on stdout and stderr."""
    if case == "gaps-on-the-demo":
        args = ["gaps", "--db", str(bundled_demo_path()), "--today", "2026-06-01"]
    else:
        args = ["gaps", "--db", str(tmp_path / ESCAPED_NAME)]
    installed, in_process = run_command(*args), run_cli(*args)
    assert (in_process.returncode, in_process.stdout, in_process.stderr) == (
        installed.returncode,
        installed.stdout,
        installed.stderr,
    )
    if case == "gaps-on-the-demo":
        assert installed.returncode == 1 and installed.stderr == ""  # the demo has blockers
        assert installed.stdout.startswith("Advanced Manufacturing, North Valley (stage ")
        last = installed.stdout.splitlines()[-1]
        assert " partnerships: " in last and " blocker" in last
    else:
        assert (installed.returncode, installed.stdout, installed.stderr) == (
            EXIT_ERROR,
            "",
            f"nextgen-tui gaps: There is no roster file at {tmp_path}/{SHOWN_NAME}.\n",
        )


def test_an_in_process_run_puts_back_what_the_command_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(tmp_path / "roster.json").close()
    gc.unfreeze()  # opening a store freezes the objects it read, as the command's does
    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)  # main sets it
    folder, streams = os.getcwd(), (sys.stdin, sys.stdout, sys.stderr)
    alarm = signal.getsignal(signal.SIGALRM)
    result = run_cli("gaps", "--db", "roster.json", cwd=tmp_path)  # found in the given folder
    assert (result.returncode, result.stdout, result.stderr) == (
        EXIT_OK,
        "No partnerships in roster.json.\n",
        "",
    )
    assert "PYDANTIC_DISABLE_PLUGINS" not in os.environ
    assert (os.getcwd(), (sys.stdin, sys.stdout, sys.stderr)) == (folder, streams)
    assert signal.getsignal(signal.SIGALRM) is alarm
    assert gc.get_freeze_count() == 0


def test_an_in_process_run_never_starts_the_app_and_restores_its_signal_handlers(
    tmp_path: Path,
) -> None:
    path = tmp_path / "roster.json"
    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGHUP)
    with pytest.raises(AssertionError, match="would run RosterApp in the test process"):
        run_cli("--db", path)  # a good file: the app would start
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGHUP)) == before
    assert path.is_file() and not lock_path(path).exists()


# ------------------------------------------------------------------ opening, without the UI


def test_db_on_a_new_path_creates_a_private_roster_file(tmp_path: Path) -> None:
    path = tmp_path / "new.json"
    store, scratch = cli.open_store(cli.build_parser().parse_args(["--db", str(path)]))
    try:
        assert scratch is None and store.path == path
        assert store.people() == []
    finally:
        store.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text())["_meta"]["1"]["schema_version"] == 1


def test_db_expands_the_home_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    store, _ = cli.open_store(cli.build_parser().parse_args(["--db", "~/mine.json"]))
    store.close()
    assert (tmp_path / "mine.json").is_file()


def test_without_db_the_default_file_is_created_in_a_private_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    default = tmp_path / "data" / "sector-partnership-roster" / "roster.json"
    monkeypatch.setattr(cli, "default_data_path", lambda: default)
    store, scratch = cli.open_store(cli.build_parser().parse_args([]))
    store.close()
    assert scratch is None and default.is_file()
    assert stat.S_IMODE(default.parent.stat().st_mode) & 0o077 == 0


def test_demo_opens_a_private_copy_and_never_touches_the_bundled_file() -> None:
    bundled = bundled_demo_path()
    before = _sha(bundled)
    store, scratch = cli.open_store(cli.build_parser().parse_args(["--demo"]))
    try:
        assert scratch is not None and store.path.parent == scratch
        assert store.path.resolve() != bundled.resolve()
        assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
        assert len(store.people()) > 100
        store.save_person(Person(name="Written during the demo"))
        store.delete_person(store.people()[0].id)
    finally:
        store.close()
        if scratch is not None:  # run_app removes it after the app ends, see below
            shutil.rmtree(scratch)
    assert _sha(bundled) == before


class _FakeApp:
    """Stands in for RosterApp: records the store and makes a change, without a terminal.

    Given a file only claimed (a roster), it reads it as the app's worker does."""

    seen: list[Path] = []
    given: list[type[Store | ClaimedFile]] = []
    return_code: int | None = None  # as after a quit with q
    open_error: Exception | None = None  # as after the worker opened the file

    def __init__(self, store: Store | ClaimedFile, *, demo: bool = False) -> None:
        _FakeApp.given.append(type(store))
        self.store = store if isinstance(store, Store) else Store(store)
        self.demo = demo

    def run(self) -> None:
        _FakeApp.seen.append(self.store.path)
        self.store.save_person(Person(name="Edited in the app"))


def test_run_app_with_demo_removes_its_copy_and_leaves_the_bundled_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import nextgen_tui.app

    monkeypatch.setattr(nextgen_tui.app, "RosterApp", _FakeApp)
    _FakeApp.seen.clear()
    bundled = bundled_demo_path()
    before = _sha(bundled)
    assert cli.main(["--demo"]) == EXIT_OK
    [copy] = _FakeApp.seen
    assert not copy.parent.exists()
    assert _sha(bundled) == before


def test_run_app_on_a_db_keeps_the_change_and_releases_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import nextgen_tui.app

    monkeypatch.setattr(nextgen_tui.app, "RosterApp", _FakeApp)
    path = tmp_path / "roster.json"
    assert cli.main(["--db", str(path)]) == EXIT_OK
    with Store(path, clock=lambda: FIXED_NOW) as again:  # not locked any more
        assert [p.name for p in again.people()] == ["Edited in the app"]


def test_run_app_hands_a_roster_to_the_app_unread_and_releases_its_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import nextgen_tui.app

    monkeypatch.setattr(nextgen_tui.app, "RosterApp", _FakeApp)
    new, roster = tmp_path / "new.json", tmp_path / "roster.json"
    write_roster(roster)
    _FakeApp.given.clear()
    assert cli.main(["--db", str(new)]) == EXIT_OK
    assert cli.main(["--db", str(roster)]) == EXIT_OK
    assert _FakeApp.given == [Store, ClaimedFile]  # a new file is created before the app
    assert not lock_path(roster).exists()
    with Store(roster, clock=lambda: FIXED_NOW) as again:
        assert "Edited in the app" in [p.name for p in again.people()]


def test_a_missing_bundled_demo_is_a_plain_store_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> Path:
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(cli, "bundled_demo_path", missing)
    with pytest.raises(StoreError, match="Cannot prepare the bundled demo"):
        cli.open_store(cli.build_parser().parse_args(["--demo"]))


def test_run_app_reports_a_refused_file_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "roster.json"
    path.write_text("[]")
    assert cli.main(["--db", str(path)]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("nextgen-tui: ")
