"""The ``nextgen-tui`` command: opens the app, or runs a subcommand (gaps, import, export).

Every failure a user can cause (bad path, locked, corrupt or foreign file, bad arguments)
prints one plain line on stderr and exits non-zero; no traceback reaches the terminal.
"""

from __future__ import annotations

import argparse
import importlib
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from nextgen_tui import __version__
from nextgen_tui.cli.common import EXIT_ERROR, EXIT_OK, fail
from nextgen_tui.paths import bundled_demo_path, default_data_path
from nextgen_tui.text.visible import visible

if TYPE_CHECKING:  # imported lazily at run time: --version and --help stay fast
    from nextgen_tui.store.opening import ClaimedFile
    from nextgen_tui.store.repository import Store


#: Subcommand name -> module that provides ``add_arguments(parser)`` and ``run(args) -> int``.
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "gaps": ("nextgen_tui.cli.gaps", "list the role gaps of the partnerships in a file"),
    "import": ("nextgen_tui.cli.importing", "import people and roles from a CSV or XLSX roster"),
    "export": ("nextgen_tui.cli.exporting", "export rosters, reports, letters and calendars"),
    "room": (
        "nextgen_tui.cli.room",
        "show the launch meeting to the room (a projector, or a browser with --serve)",
    ),
    "backups": ("nextgen_tui.cli.backups", "list a roster file's backups"),
    "restore": ("nextgen_tui.cli.restore", "put a backup back in place of a roster file"),
}


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one plain line and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: {visible(message)} (see --help)\n")
        raise SystemExit(EXIT_ERROR)


class _SubcommandParser(_Parser):
    """A subcommand's parser that imports its module only when that subcommand is used.

    ``nextgen-tui --help`` lists the subcommands from :data:`SUBCOMMANDS` alone, and
    opening the app does not pay for importing the subcommands' modules.
    """

    module_name = ""

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self.module_name:
            module = importlib.import_module(self.module_name)
            self.module_name = ""
            module.add_arguments(self)
            self.set_defaults(run=module.run)
        return super().parse_known_args(args, namespace)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="nextgen-tui",
        description="Sector Partnership Roster: the rosters and role gaps of industry sector "
        "partnerships, in the terminal.",
        epilog="Role definitions: Next Generation Sector Partnership toolkit, Institute for "
        "Networked Communities.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help=f"the roster file to open (default: {default_data_path()})",
    )
    parser.add_argument(
        "--demo", action="store_true", help="open a fresh copy of the bundled demo partnership"
    )
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="open without the write lock; nothing can be changed",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_SubcommandParser)
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        command = sub.add_parser(
            name, help=help_text, description=help_text[0].upper() + help_text[1:] + "."
        )
        command.module_name = module_name
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Pydantic looks for plugins among every installed package's entry points the first
    # time a model class is built (a few ms at start-up); the app uses none. Set here,
    # before any model is imported, and only if the user has not chosen otherwise.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args)) if args.command else run_app(args)
    except KeyboardInterrupt:
        return 130
    except RecursionError:
        return fail(args.command or "", "the file is nested too deeply to be read")
    except MemoryError:
        return fail(args.command or "", "the file is too large to be read in memory")
    except BrokenPipeError:  # the output was piped into a program that stopped reading
        return EXIT_ERROR
    except Exception as exc:  # a bug: still one plain line and exit status 2, no traceback
        return fail(args.command or "", f"unexpected problem ({type(exc).__name__}: {exc})")


def fresh_demo_copy() -> Path:
    """Copy the bundled demo into a new private temporary folder and return the copy.

    The app edits the copy, so the shipped ``data/demo.json`` is never changed.
    """
    folder = Path(tempfile.mkdtemp(prefix="roster-demo-"))
    path = folder / "demo.json"
    try:
        shutil.copyfile(bundled_demo_path(), path)
        path.chmod(0o600)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return path


def open_roster(args: argparse.Namespace) -> tuple[Store | ClaimedFile, Path | None]:
    """Claim the file the arguments name: ``--demo`` copy, ``--db`` path or the default file.

    Claiming is cheap (the path, the lock; no models imported): a file whose header shows
    a roster of this version is returned claimed, for the app to read after its first
    paint (:func:`~nextgen_tui.store.opening.read_later`). Any other file (new, older,
    foreign, damaged at the start) is opened at once, so that it is refused (or created,
    or upgraded) before the app starts. Returns the claimed file or open store and, for
    ``--demo``, the temporary folder to remove after use.
    Every problem is raised as a :class:`StoreError` whose message is one plain line.
    """
    from nextgen_tui.errors import StoreError
    from nextgen_tui.store.opening import claim, read_later

    demo_dir: Path | None = None
    try:
        if args.demo:
            path = fresh_demo_copy()
            demo_dir = path.parent
        elif args.db is not None:
            path = args.db.expanduser()
        else:
            path = default_data_path()
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        what = "the bundled demo" if args.demo else "the data folder"
        raise StoreError(f"Cannot prepare {what}: {exc.strerror or exc}.") from exc
    try:
        claimed = claim(path, read_only=args.read_only)
        if read_later(claimed):
            return claimed, demo_dir
        from nextgen_tui.store.repository import Store

        return Store(claimed), demo_dir  # the store releases the lock if it refuses
    except BaseException:
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)
        raise


def open_store(args: argparse.Namespace) -> tuple[Store, Path | None]:
    """:func:`open_roster`, with the file read and checked before returning."""
    from nextgen_tui.store.repository import Store

    opened, demo_dir = open_roster(args)
    if isinstance(opened, Store):
        return opened, demo_dir
    try:
        return Store(opened), demo_dir
    except BaseException:
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)
        raise


def run_app(args: argparse.Namespace) -> int:
    """Claim the file (refusing bad files with one line), then run the Textual app, which
    reads it after its first paint; a file found damaged then ends the app with one line
    too, the same as before the app starts."""
    from nextgen_tui import collector

    collector.pause()  # the app resumes it once painted
    try:
        return _open_and_run(args)
    finally:
        collector.resume()  # if the app never painted


def _open_and_run(args: argparse.Namespace) -> int:
    from nextgen_tui.errors import StoreError

    try:
        opened, demo_dir = open_roster(args)
    except StoreError as exc:
        return fail("", exc.message)
    try:
        from nextgen_tui.app import RosterApp

        _exit_cleanly_on_hangup()
        app = RosterApp(opened, demo=demo_dir is not None)
        app.run()
        if app.open_error is not None:
            raise app.open_error
        status = app.return_code or EXIT_OK
    except StoreError as exc:
        status = fail("", exc.message)
    finally:
        opened.close()  # the lock, whether the store was made from it or not
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)
    return status


def _exit_cleanly_on_hangup() -> None:
    """Closing the terminal window (SIGHUP) or ``kill`` (SIGTERM) ends the app like a quit.

    Every change is already on disk; this only lets the ``finally`` above release the
    lock and remove a ``--demo`` copy instead of leaving them behind.
    """

    def leave(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    for name in ("SIGHUP", "SIGTERM"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), leave)


if __name__ == "__main__":
    raise SystemExit(main())
