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

Where things are: the region's organizations, staff and names in :mod:`.demo_region`,
the Prepare and Launch partnerships in :mod:`.demo_early`, the Action one in
:mod:`.demo_action`; this module holds the shared builder and the command.
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path

from .demo_action import build_manufacturing
from .demo_early import build_construction, build_healthcare
from .demo_region import AREA_CODE, NAMES, ORGS
from .models import (
    ChampionDetails,
    ChampionStatus,
    Convening,
    ConveningKind,
    InvitationStatus,
    LeaderDetails,
    Organization,
    Partnership,
    Person,
    RoleAssignment,
    RoleKind,
)
from .store import Store

#: The day the demo is set on: gaps that depend on "today" read as intended on this date.
DEMO_TODAY = date(2026, 11, 24)
SEED = 20260915
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data" / "demo.json"

_ASCII = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "ß": "ss", "'": ""})

#: A few people carry notes, as real rosters do.
PERSON_NOTES: dict[str, str] = {
    "nvcc.deanwf": "Sits on the support team of every North Valley partnership.",
    "nvwdb.director": "Lead convener. Prefers a call to email for anything urgent.",
    "copperline.ceo": "Stepped back as champion when Copperline was sold; still happy to advise.",
    "harlow.ceo": "Hosted the manufacturing launch. Book time through the front office.",
    "rrmc.ceo": "First healthcare champion; wants a hospital-neutral host for the launch.",
    "lakeshore.president": "Company is in South Lakes, just over the county line.",
    "commonground.principal": "Neutral facilitator; contracted through the workforce board.",
    "delgado.president": "Offered the training yard for the construction launch.",
}


def email_for(name: str, domain: str) -> str:
    """``first.last@domain`` in plain ASCII (accents dropped), like a real address book."""
    folded = unicodedata.normalize("NFKD", name.translate(_ASCII))
    ascii_name = folded.encode("ascii", "ignore").decode("ascii").casefold()
    words = ["".join(c for c in word if c.isalnum() or c == "-") for word in ascii_name.split()]
    return ".".join(w for w in words if w) + "@" + domain


class DemoBuilder:
    """Writes the region into an open store; call inside one transaction."""

    def __init__(self, store: Store, today: date) -> None:
        self.store = store
        self.today = today
        self.rng = random.Random(SEED)
        self.orgs: dict[str, Organization] = {}
        self.people: dict[str, Person] = {}

    # ------------------------------------------------------------------ helpers

    def day(self, offset: int) -> date:
        """The working day ``offset`` days from today (negative: in the past).

        A Saturday moves back to the Friday and a Sunday on to the Monday, so meetings and
        roster changes fall on working days as in a real roster; the order of dates is kept.
        """
        day = self.today + timedelta(days=offset)
        weekday = day.weekday()
        if weekday == 5:
            return day - timedelta(days=1)
        if weekday == 6:
            return day + timedelta(days=1)
        return day

    def at(self, offset: int, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(self.day(offset), time(hour, minute))

    def pid(self, key: str) -> int:
        return self.people[key].id

    def pids(self, keys: Iterable[str]) -> list[int]:
        return [self.pid(key) for key in keys]

    def assign(
        self,
        partnership: Partnership,
        keys: Iterable[str],
        role: RoleKind,
        start: int,
        *,
        team_id: int | None = None,
    ) -> list[RoleAssignment]:
        """Give each person (by key) the same role, starting ``start`` days from today."""
        return [
            self.store.assign(
                partnership.id, self.pid(key), role, start=self.day(start), team_id=team_id
            )
            for key in keys
        ]

    def champion(
        self,
        partnership: Partnership,
        key: str,
        start: int,
        status: ChampionStatus,
        owner: str | None,
        *,
        missing: Sequence[str] = (),
        signed: bool = False,
        hosts: bool = False,
    ) -> RoleAssignment:
        details = ChampionDetails(
            status=status,
            passionate_company="company" not in missing,
            passionate_industry="industry" not in missing,
            passionate_community="community" not in missing,
            outreach_owner_id=self.pid(owner) if owner else None,
            signed_invite=signed,
            hosts_launch=hosts,
        )
        return self.store.assign(
            partnership.id,
            self.pid(key),
            RoleKind.CHAMPION,
            start=self.day(start),
            champion=details,
        )

    def leader(
        self,
        partnership: Partnership,
        key: str,
        start: int,
        invitation: InvitationStatus,
        attended: bool = False,
    ) -> RoleAssignment:
        details = LeaderDetails(invitation=invitation, attended=attended, introduced=attended)
        return self.store.assign(
            partnership.id,
            self.pid(key),
            RoleKind.INDUSTRY_LEADER,
            start=self.day(start),
            leader=details,
        )

    def convening(
        self,
        partnership: Partnership,
        offset: int,
        attendees: Iterable[str],
        title: str,
        notes: str = "",
        team_id: int | None = None,
    ) -> Convening:
        kind = ConveningKind.ACTION_TEAM if team_id else ConveningKind.QUARTERLY
        return self.store.save_convening(
            Convening(
                partnership_id=partnership.id,
                on=self.day(offset),
                kind=kind,
                team_id=team_id,
                title=title,
                attendee_ids=self.pids(attendees),
                notes=notes,
            )
        )

    # ------------------------------------------------------------------ the region

    def build(self) -> None:
        self.directory()
        build_healthcare(self)
        build_manufacturing(self)
        build_construction(self)

    def directory(self) -> None:
        """Every organization of the region and one invented person per post."""
        names = list(NAMES)
        self.rng.shuffle(names)
        taken = iter(names)
        for index, spec in enumerate(ORGS):
            org = self.store.save_organization(
                Organization(
                    name=spec.name,
                    kind=spec.kind,
                    industry=spec.industry,
                    region=spec.region,
                    notes=spec.notes,
                )
            )
            self.orgs[spec.key] = org
            main_line = f"({AREA_CODE}) 555-01{index:02d}"
            for extension, (key, title) in enumerate(spec.staff, start=201):
                name = next(taken)
                full_key = f"{spec.key}.{key}"
                phone = "" if self.rng.random() < 0.12 else f"{main_line} x{extension}"
                self.people[full_key] = self.store.save_person(
                    Person(
                        name=name,
                        title=title,
                        organization_id=org.id,
                        email=email_for(name, spec.domain),
                        phone=phone,
                        notes=PERSON_NOTES.get(full_key, ""),
                    )
                )

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
            DemoBuilder(store, today).build()
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


if __name__ == "__main__":
    raise SystemExit(main())
