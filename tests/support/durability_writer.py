"""Writer process for the durability test: writes in a loop until it is killed.

Run as ``python tests/durability_writer.py PATH``. To avoid paying Python's start-up for each
of the hundred kills, this process is a small fork server: it imports the store once, then
for every ``run`` line on stdin forks a writer child and reports ``child PID``; the test
kills that child with SIGKILL at a random moment. When the child is gone the server
reports ``exit SIGNAL`` (the signal that ended it, -1 if it ended otherwise). ``quit``
ends the server.

The child opens the store (taking the write lock), then loops forever; each step is one
of three kinds of change, and only after the store's save returns does it print
``ack KIND NAME VALUE`` (one ``os.write`` of a short line, atomic on a pipe):

* ``add``: a new person ``W<n>``;
* ``team``: a transaction adding person ``T<n>`` with a core team role;
* ``edit``: the counter person's title set to ``n``.
"""

from __future__ import annotations

import os
import sys
import traceback
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from nextgen_tui.models import Partnership, Person, RoleKind
from nextgen_tui.store.repository import Store

COUNTER = "Counter"


def _ack(*parts: object) -> None:
    os.write(1, (" ".join(str(p) for p in parts) + "\n").encode())


def write_forever(path: Path) -> None:
    store = Store(path)
    partnership = store.partnerships()[0] if store.partnerships() else None
    if partnership is None:
        partnership = store.save_partnership(Partnership(name="Durable"))
    people = store.people()
    counter = next((p for p in people if p.name == COUNTER), None)
    if counter is None:
        counter = store.save_person(Person(name=COUNTER, title="0"))
    # continue numbering after everything on disk, so edits of the counter only grow
    n = max([int(counter.title)] + [int(p.name[1:]) for p in people if p.name[1:].isdigit()])
    while True:
        n += 1
        kind = ("add", "team", "edit")[n % 3]
        if kind == "add":
            store.save_person(Person(name=f"W{n}", notes="x" * (n % 200)))
            _ack("ack", kind, f"W{n}", 0)
        elif kind == "team":
            with store.transaction("team"):
                who = store.save_person(Person(name=f"T{n}"))
                store.assign(partnership.id, who.id, RoleKind.CORE_TEAM, start=date(2026, 1, 1))
            _ack("ack", kind, f"T{n}", 0)
        else:
            counter = store.save_person(counter.updated(title=str(n)))
            _ack("ack", kind, COUNTER, n)


def serve(path: Path) -> None:
    for line in sys.stdin:
        if line.strip() != "run":
            break
        pid = os.fork()
        if pid == 0:  # the child: write until killed
            try:
                write_forever(path)
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(1)
        _ack("child", pid)
        _, status = os.waitpid(pid, 0)
        _ack("exit", os.WTERMSIG(status) if os.WIFSIGNALED(status) else -1)


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
