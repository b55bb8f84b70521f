"""``nextgen-tui room``: the launch meeting as the room sees it, for a projector, a second
screen, or (``--serve``) a web browser.

The file is only read, never locked or written, so the facilitator's app keeps it open
for editing. Which partnership: ``--partnership NAME``, else the one whose launch meeting
is under way (a file with one partnership needs no name). Every problem is one plain line
on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import shlex
import socket
import sys
from pathlib import Path

from nextgen_tui.cli.common import EXIT_OK, fail
from nextgen_tui.paths import default_data_path
from nextgen_tui.text.visible import visible

COMMAND = "room"
DEFAULT_HOST = "localhost"
DEFAULT_PORT = 8000
#: Addresses that mean "every network of this machine".
WILDCARD_HOSTS = frozenset({"0.0.0.0", "::", "*"})


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1 to 65535)")
    return port


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=f"the roster file the facilitator's app writes (default: {default_data_path()})",
    )
    parser.add_argument(
        "--partnership",
        metavar="NAME",
        help="the partnership to show (default: the one whose launch meeting is under way)",
    )
    parser.add_argument(
        "--serve",
        action="store_true",
        help="serve the view to a web browser instead of showing it here",
    )
    parser.add_argument(
        "--host",
        metavar="ADDRESS",
        help=f"with --serve: the address to listen on (default: {DEFAULT_HOST}, this machine "
        "only; give this machine's address on the meeting-room network to let others in)",
    )
    parser.add_argument(
        "--port",
        type=_port,
        metavar="N",
        help=f"with --serve: the port to listen on (default: {DEFAULT_PORT})",
    )


def run(args: argparse.Namespace) -> int:
    from nextgen_tui.errors import NotFoundError, StoreError
    from nextgen_tui.meeting.room import choose_partnership
    from nextgen_tui.store.repository import Store

    if not args.serve and (args.host is not None or args.port is not None):
        return fail(COMMAND, "--host and --port go with --serve (see --help)")
    db: Path = (getattr(args, "db", None) or default_data_path()).expanduser()
    try:
        with Store(db, read_only=True) as store:
            partnership = choose_partnership(store, args.partnership)
    except NotFoundError as exc:
        hint = "" if args.partnership is not None else " Choose one with --partnership NAME."
        return fail(COMMAND, visible(exc.message) + hint)
    except StoreError as exc:
        return fail(COMMAND, visible(exc.message))
    if args.serve:
        return serve(db, partnership.name, args.host or DEFAULT_HOST, args.port or DEFAULT_PORT)
    from screens.room.app import RoomApp

    RoomApp(db, partnership.id).run()
    return EXIT_OK


def room_command(db: Path, partnership: str) -> str:
    """The shell command that shows the room view of ``partnership`` (for textual-serve)."""
    return shlex.join(
        [
            sys.executable,
            "-m",
            "nextgen_tui.cli",
            COMMAND,
            f"--db={db.resolve()}",
            f"--partnership={partnership}",
        ]
    )


def serve(db: Path, partnership: str, host: str, port: int) -> int:
    """Serve the room view over HTTP until ctrl+c; each browser tab runs its own view."""
    from textual_serve.server import Server

    shown = socket.gethostname() if host in WILDCARD_HOSTS else host
    if ":" in shown:  # an IPv6 address goes in brackets in a URL
        shown = f"[{shown}]"
    server = Server(
        room_command(db, partnership),
        host=host,
        port=port,
        title=f"Launch of {partnership}",
        public_url=f"http://{shown}:{port}",
    )
    try:
        server.serve()
    except OSError as exc:
        return fail(COMMAND, f"cannot listen on {host} port {port}: {exc.strerror or exc}")
    return EXIT_OK
