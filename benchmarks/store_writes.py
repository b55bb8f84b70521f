"""Benchmark saving one edit: this store versus TinyDB's stock ``JSONStorage``.

For 100, 1,000 and 10,000 stored people (plus organizations and roles in proportion),
prints the median time to save one edit of a person:

* ``store``: ``Store.save_person`` (validation, undo entry, atomic durable write: temporary
  file, fsync, rename, fsync of the folder);
* ``durable``: the same raw TinyDB ``update`` as stock, on :class:`DurableJSONStorage`;
* ``stock``: the raw TinyDB ``update`` on stock ``JSONStorage`` (rewrites the file in place
  and fsyncs it: not atomic, a crash can leave a truncated file).

Targets: ``store`` under 15 ms at 1,000 people, and within 1.5x of ``stock`` at every size.
It measures, it does not assert.

Run: ``.venv/bin/python benchmarks/store_writes.py [--repeat N]``
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tinydb import TinyDB
from tinydb.storages import JSONStorage

from nextgen_tui.models import Organization, OrgKind, Partnership, Person, RoleAssignment, RoleKind
from nextgen_tui.store.durable import DurableJSONStorage
from nextgen_tui.store.repository import Store

SIZES = (100, 1_000, 10_000)
NOW = datetime(2026, 6, 1, 9, 30)


def seed(path: Path, people: int) -> None:
    """A roster of ``people`` people, one organization per five, a role for every other."""
    with Store(path, clock=lambda: NOW) as store:
        kinds = list(OrgKind)
        orgs = store.save_many(
            [
                Organization(name=f"Organization {i}", kind=kinds[i % len(kinds)], region="North")
                for i in range(max(1, people // 5))
            ]
        )
        saved = store.save_many(
            [
                Person(
                    name=f"Person {i}",
                    title="Operations manager",
                    organization_id=orgs[i % len(orgs)].id,
                    email=f"person{i}@example.org",
                    phone="+1 555 010 0000",
                    notes="Met at the regional job fair; interested in apprenticeships.",
                )
                for i in range(people)
            ]
        )
        p = store.save_partnership(Partnership(name="Advanced Manufacturing"))
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


Edit = Callable[[int], None]


def store_edit(stack: ExitStack, path: Path) -> Edit:
    store = stack.enter_context(Store(path, clock=lambda: NOW))
    person = store.people()[len(store.people()) // 2]

    def edit(i: int) -> None:
        store.save_person(person.updated(title=f"Title {i}"))

    return edit


def tinydb_edit(stack: ExitStack, path: Path, storage: type) -> Edit:
    db = stack.enter_context(TinyDB(path, storage=storage))
    table = db.table("people")
    doc_id = len(table) // 2

    def edit(i: int) -> None:
        table.update({"title": f"Title {i}"}, doc_ids=[doc_id])

    return edit


def medians_ms(edits: list[Edit], repeat: int) -> list[float]:
    """Median time of each edit, taking turns so background load affects all alike."""
    for edit in edits:
        edit(0)  # warm up: the first change of a session also makes a backup
    times: list[list[float]] = [[] for _ in edits]
    for i in range(1, repeat + 1):
        for edit, spent in zip(edits, times, strict=True):
            start = time.perf_counter()
            edit(i)
            spent.append(time.perf_counter() - start)
    return [statistics.median(spent) * 1000 for spent in times]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=0, help="edits per size (default: by size)")
    args = parser.parse_args()
    print(f"{'people':>8} {'store ms':>9} {'durable ms':>11} {'stock ms':>9} {'store/stock':>12}")
    with tempfile.TemporaryDirectory() as folder:
        for size in SIZES:
            repeat = args.repeat or (40 if size <= 1_000 else 15)
            template = Path(folder) / f"seed-{size}.json"
            seed(template, size)
            raw = template.read_bytes()
            copies = {}
            for name in ("store", "durable", "stock"):
                copies[name] = Path(folder) / f"{name}-{size}.json"
                copies[name].write_bytes(raw)
            with ExitStack() as stack:
                store_ms, durable_ms, stock_ms = medians_ms(
                    [
                        store_edit(stack, copies["store"]),
                        tinydb_edit(stack, copies["durable"], DurableJSONStorage),
                        tinydb_edit(stack, copies["stock"], JSONStorage),
                    ],
                    repeat,
                )
            print(
                f"{size:>8,} {store_ms:>9.2f} {durable_ms:>11.2f} {stock_ms:>9.2f} "
                f"{store_ms / stock_ms:>11.2f}x"
            )
    print("targets: store < 15 ms at 1,000 people; store/stock <= 1.5x at every size")


if __name__ == "__main__":
    main()
