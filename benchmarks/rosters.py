"""What the store benchmarks share (a helper, not a benchmark): a roster file of N people.

``seed`` writes one partnership with ``people`` people (notes, email, phone), one
organization per five people (every kind), and a current role for every other person: the
shape of a state-wide directory. ``alternate`` times functions in turns, so the load of a
shared machine falls on each alike, each from the same garbage-collector state, and
returns each one's median.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

from nextgen_tui.models import Organization, OrgKind, Partnership, Person, RoleAssignment, RoleKind
from nextgen_tui.store.repository import Store

NOW = datetime(2026, 6, 1, 9, 30)


def seed(path: Path, people: int, partnership: str = "Advanced Manufacturing") -> None:
    """A roster of ``people`` people, one organization per five, a role for every other."""
    with Store(path, clock=lambda: NOW) as store:
        kinds = list(OrgKind)
        orgs = store.save_many(
            [
                Organization(
                    name=f"Organization {i}",
                    kind=OrgKind.COMPANY if i % 3 else kinds[i % len(kinds)],
                    region="North",
                )
                for i in range(max(1, people // 5))
            ]
        )
        saved = store.save_many(
            [
                Person(
                    name=f"Person {i} {'Zoë' if i % 7 == 0 else 'Lee'}",
                    title="Operations manager",
                    organization_id=orgs[i % len(orgs)].id,
                    email=f"person{i}@example.org",
                    phone="+1 555 010 0000",
                    notes="Met at the regional job fair; interested in apprenticeships.",
                )
                for i in range(people)
            ]
        )
        p = store.save_partnership(Partnership(name=partnership))
        store.save_many(
            [
                RoleAssignment(
                    partnership_id=p.id,
                    person_id=who.id,
                    role=RoleKind.CONVENING_TEAM,
                    start=date(2026, 1, 1),
                )
                for who in saved[::2]
            ]
        )


def alternate(functions: Sequence[Callable[[int], object]], repeat: int) -> list[float]:
    """Median seconds of each of ``functions`` (called with the run number), in turns."""
    times: list[list[float]] = [[] for _ in functions]
    for i in range(repeat):
        for function, spent in zip(functions, times, strict=True):
            # the same garbage-collector state for each: the store freezes what it reads
            # (gc.freeze), which would spare the next function's collections otherwise
            gc.unfreeze()
            gc.collect()
            started = time.perf_counter()
            function(i)
            spent.append(time.perf_counter() - started)
    return [statistics.median(spent) for spent in times]
