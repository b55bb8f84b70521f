"""What the ``nextgen-tui`` subcommands share: exit statuses and their one-line errors.

Every problem a user can cause is one plain line on stderr, prefixed with the command,
and exit status 2; a traceback is never what a convener sees. Everything the commands
print goes through :func:`fail` or :func:`say`, which show control characters from file
names, paths, arguments and file contents visibly (``\\x1b``), never raw.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from nextgen_tui.text.visible import visible

if TYPE_CHECKING:
    from nextgen_tui.store.repository import Store

EXIT_OK = 0
EXIT_ERROR = 2


def fail(command: str, message: str) -> int:
    """Print ``message`` as ``nextgen-tui COMMAND: message`` on stderr; return exit status 2."""
    prefix = f"nextgen-tui {command}" if command else "nextgen-tui"
    sys.stderr.write(f"{prefix}: {visible(message)}\n")
    return EXIT_ERROR


def say(text: str) -> None:
    """Write ``text`` (one or more lines) to stdout, control characters shown visibly."""
    sys.stdout.write(visible(text, keep_newlines=True))


def no_such_partnership(store: Store, name: str) -> str:
    """The message for an unknown partnership name, listing the names there are."""
    names = "; ".join(p.name for p in store.partnerships()) or "none"
    return f"there is no partnership named {name!r} (partnerships in the file: {names})"
