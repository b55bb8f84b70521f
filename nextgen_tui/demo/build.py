"""The bundled demo: the North Valley region with three partnerships at different stages.

``python -m nextgen_tui.demo [OUT]`` regenerates ``data/demo.json`` (run it after any
change to the model, the store or this module: ``tests/test_demo.py`` fails while the
shipped file differs from what the generator builds). ``--today YYYY-MM-DD`` sets the
demo on another day, e.g. for a training session; the shipped file uses
:data:`DEMO_TODAY`.

The file is built through the :class:`~nextgen_tui.store.Store` API only, so it stays
valid as the model changes, and it is deterministic (a seeded ``random.Random``, a fixed
"today" and a fixed store clock; every date is an offset from "today"), so a test can
check that the shipped file is exactly what this module builds.

Why :data:`DEMO_TODAY` is late November 2026: the app measures gaps against the real
clock, and a static file cannot move its dates. The demo's latest activity (a quarterly
convening 19 days before "today", a team meeting 12 days before) is recent, so the
Action partnership shows only its intended warnings until about 10 February 2027 (90
days without a team meeting, 100 without a convening); after that it reads as a
partnership that has gone quiet. Move :data:`DEMO_TODAY` forward and regenerate to
refresh it.

The three partnerships, each showing the app at a different stage:

- *Healthcare, North Valley* (Prepare): one committed champion, one asked, one prospect;
  a core team of four with no economic development; several blockers.
- *Advanced Manufacturing, North Valley* (Action): launched about seven months ago, two
  action teams for three priorities, quarterly convenings, a debrief, and a few
  realistic gaps (a priority without a team, a stalled team, an out-of-region company).
- *Construction, North Valley* (Launch): moved on from Prepare with a waiver; the launch
  is three weeks away and the invitations are still coming back.

Where things are: the region's organizations and staff in :mod:`.region`, people's names
in :mod:`.names`, the records' builder in :mod:`.builder`, one module per partnership
(:mod:`.manufacturing`, :mod:`.healthcare`, :mod:`.construction`); this module builds
the whole region and holds the command.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Sequence
from datetime import date, datetime, time
from pathlib import Path

from nextgen_tui.demo.builder import DEMO_TODAY, DemoBuilder
from nextgen_tui.demo.construction import build_construction
from nextgen_tui.demo.healthcare import build_healthcare
from nextgen_tui.demo.manufacturing import build_manufacturing
from nextgen_tui.store.repository import Store

DEFAULT_OUT = Path(__file__).resolve().parents[2] / "data" / "demo.json"


def build_demo(path: Path, today: date = DEMO_TODAY) -> None:
    """Write a fresh demo roster file at ``path`` (replacing any file there).

    The store works in a scratch folder beside ``path`` (so its lock file and backups never
    land in ``data/``); the result is then written indented, for readable diffs.
    """
    path = Path(path)
    now = datetime.combine(today, time(9, 0))
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".demo-build-") as folder:
        work = Path(folder) / path.name
        with Store(work, clock=lambda: now) as store, store.transaction("Build demo"):
            builder = DemoBuilder(store, today)
            builder.directory()
            build_healthcare(builder)
            build_manufacturing(builder)
            build_construction(builder)
        data = json.loads(work.read_text(encoding="utf-8"))
        staged = Path(folder) / "staged.json"
        staged.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        staged.chmod(0o644)  # fictional data, shipped with the source
        os.replace(staged, path)


USAGE = "usage: python -m nextgen_tui.demo [--today YYYY-MM-DD] [OUT]  (default: data/demo.json)"


def _fail(message: str) -> int:
    print(f"{message}\n{USAGE}", file=sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """The regeneration command; returns the exit status (2 for a usage error)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if any(arg in ("-h", "--help") for arg in args):
        print(USAGE)
        return 0
    today = DEMO_TODAY
    if "--today" in args:
        at = args.index("--today")
        if at + 1 >= len(args):
            return _fail("--today needs a date such as 2026-11-24.")
        try:
            today = date.fromisoformat(args[at + 1])
        except ValueError:
            return _fail(f"{args[at + 1]!r} is not a date such as 2026-11-24.")
        del args[at : at + 2]
    if len(args) > 1 or any(arg.startswith("-") for arg in args):
        return _fail("Give at most one output file.")
    out = Path(args[0]) if args else DEFAULT_OUT
    if not out.parent.is_dir():
        return _fail(f"The folder {out.parent} does not exist.")
    build_demo(out, today)
    print(f"Wrote the demo region, set on {today.isoformat()}, to {out}")
    return 0
