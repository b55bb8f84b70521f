"""One durable edit against a raw atomic rewrite of the same bytes (target: 2x or less).

For 1,000, 10,000 and 50,000 stored people (with organizations and roles in proportion),
times in turns, in the same run, the median of:

* ``store``: ``Store.save_person`` renaming one person: validation, an undo step, the
  check that no other program changed the file, and the atomic durable write (temporary
  file, fsync, rename, fsync of the folder);
* ``raw``: the anchor, the same file's bytes written the same atomic, durable way by
  plain ``os`` calls (what any safe save of this file costs, with nothing to encode);
* ``sqlite``: for reference, one row updated in SQLite with ``synchronous=FULL``.

Targets: store/raw 2x or less at 10,000 people, and store under 8 ms at 1,000.
Measures, never asserts.

Run: ``.venv/bin/python benchmarks/store_writes.py [--repeat N]``
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.rosters import NOW, alternate, seed
from nextgen_tui.store.repository import Store

SIZES = (1_000, 10_000, 50_000)


def raw_rewrite(path: Path) -> Callable[[int], None]:
    """Write ``path``'s bytes atomically and durably, as plainly as it can be done."""
    data = path.read_bytes()
    tmp = path.with_name(f".{path.name}.raw.tmp")

    def write(_: int) -> None:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)

    return write


def sqlite_update(path: Path, people: int) -> Callable[[int], None]:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=DELETE")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT, title TEXT)")
    db.executemany(
        "INSERT INTO people VALUES (?, ?, ?)",
        [(i, f"Person {i}", "Operations manager") for i in range(people)],
    )

    def update(i: int) -> None:
        db.execute("UPDATE people SET title = ? WHERE id = ?", (f"Title {i}", people // 2))

    return update


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=0, help="edits per size (default: by size)")
    args = parser.parse_args()
    print(f"{'people':>8} {'store ms':>9} {'raw ms':>8} {'sqlite ms':>10} {'store/raw':>10}")
    with tempfile.TemporaryDirectory() as folder:
        for size in SIZES:
            repeat = args.repeat or {1_000: 41, 10_000: 21}.get(size, 9)
            path = Path(folder) / f"store-{size}.json"
            seed(path, size)
            copy = Path(folder) / f"raw-{size}.json"
            copy.write_bytes(path.read_bytes())
            with Store(path, clock=lambda: NOW) as store:
                person = store.people()[size // 2]

                def edit(i: int, person_id: int = person.id, store: Store = store) -> None:
                    store.save_person(store.person(person_id).updated(name=f"Renamed {i}"))

                edit(-1)  # the first change of a session makes a backup
                store_s, raw_s, sqlite_s = alternate(
                    [edit, raw_rewrite(copy), sqlite_update(Path(folder) / f"{size}.db", size)],
                    repeat,
                )
            print(
                f"{size:>8,} {store_s * 1000:>9.2f} {raw_s * 1000:>8.2f} "
                f"{sqlite_s * 1000:>10.2f} {store_s / raw_s:>9.2f}x"
            )
    print("targets: store/raw 2x or less at 10,000 people; store under 8 ms at 1,000")


if __name__ == "__main__":
    main()
