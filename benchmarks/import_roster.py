"""Importing a roster of 5,000 and 50,000 rows: time and memory against anchors.

Each measure runs in a fresh interpreter (so its peak memory, ``ru_maxrss``, is its own),
in turns, in the same run; medians of a few runs. Measures and prints, never asserts.

* CSV: the whole import (read the file, preview plan, commit into a new data file: one
  transaction, one write) against reading the same CSV with the ``csv`` module into a
  list (the anchor: no import can read less). Target: 50,000 rows in 150 MiB or less.
* XLSX: reading the same roster saved as an XLSX workbook (``read_roster``) against
  openpyxl's read-only mode iterating the cell values (the anchor). Target: 3x or less.
* CSV again, with every title changed and matches updated (``on_match=UPDATE``): the
  second import of the same people against the first (the anchor), in one interpreter.
  An update saves records that have ids; the ratio stays near 1x at any size if that is
  linear (it once parsed the whole people table again for every person).

Run: ``.venv/bin/python benchmarks/import_roster.py``
"""

from __future__ import annotations

import csv
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ROLES = ["convening_team", "core_team", "champion", "industry_leader", "support_delegate"]
KINDS = ["company", "company", "company", "community_college", "workforce_board", "chamber"]


def write_roster(path: Path, rows: int, title: str = "Director") -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "Name",
                "Organization",
                "Org kind",
                "Title",
                "Email",
                "Phone",
                "Roles",
                "Champion status",
                "Invite status",
            ]
        )
        for i in range(rows):
            role = ROLES[i % len(ROLES)]
            writer.writerow(
                [
                    f"Person {i}",
                    f"Organization {i // 4}",
                    KINDS[(i // 4) % len(KINDS)],
                    title,
                    f"person{i}@example.org",
                    f"555-{i:04d}",
                    role,
                    "committed" if role == "champion" else "",
                    "accepted" if role == "industry_leader" else "",
                ]
            )


def write_xlsx(csv_path: Path, path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Roster")
    with csv_path.open(newline="", encoding="utf-8") as handle:
        for row in csv.reader(handle):
            sheet.append(row)
    book.save(path)


def child(mode: str, path: Path) -> None:
    """Run one measure in this (fresh) interpreter; print seconds and peak KiB."""
    started = time.perf_counter()
    if mode == "csv-anchor":
        with path.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        assert rows
    elif mode == "xlsx-anchor":
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True)
        rows = [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
        assert rows
    elif mode == "xlsx-app":
        from nextgen_tui.transfer.spreadsheet import read_roster

        assert read_roster(path).rows
    elif mode == "csv-update":
        data = path.with_suffix(".data.json")
        first = import_roster(data, path.with_name(path.name.replace("-update", "")))
        print(first, import_roster(data, path, update=True))
        data.unlink()
        return
    else:
        import_roster(path.with_suffix(".data.json"), path)
        path.with_suffix(".data.json").unlink()
    spent = time.perf_counter() - started
    print(spent, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def import_roster(data: Path, path: Path, *, update: bool = False) -> float:
    """Import ``path`` into the data file ``data`` as the import wizard does (preview plan,
    then commit); ``update``: matched people take the file's details. Seconds spent."""
    from nextgen_tui.store.repository import Store
    from nextgen_tui.transfer.apply import apply
    from nextgen_tui.transfer.plan import Choice, build_plan
    from nextgen_tui.transfer.spreadsheet import read_roster

    started = time.perf_counter()
    with Store(data) as store:
        plan = build_plan(
            store,
            read_roster(path).rows,
            partnership="Benchmark partnership",
            industry="Manufacturing",
            region="Valley",
            on_match=Choice.UPDATE if update else Choice.KEEP,
            source=path.name,
        )
        apply(store, plan)
    return time.perf_counter() - started


def compare_update(path: Path, runs: int) -> None:
    """The second import (updates) against the first, each run in a fresh interpreter."""
    pairs = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, __file__, "--child", "csv-update", str(path)],
            capture_output=True,
            text=True,
            check=True,
        )
        first, again = (float(part) for part in done.stdout.split())
        pairs.append((first, again))
    first_s = statistics.median(p[0] for p in pairs)
    again_s = statistics.median(p[1] for p in pairs)
    print(
        f"  {'CSV again (updates)':<22} {again_s:7.2f} s            first import "
        f"{first_s:6.2f} s             ratio time {again_s / first_s:5.1f}x"
    )


def run(mode: str, path: Path) -> tuple[float, float]:
    """Seconds and peak MiB of ``mode`` on ``path``, in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, kib = done.stdout.split()
    return float(seconds), int(kib) / 1024


def compare(label: str, app: str, anchor: str, path: Path, runs: int) -> None:
    results: dict[str, list[tuple[float, float]]] = {app: [], anchor: []}
    for _ in range(runs):
        for mode in (app, anchor):
            results[mode].append(run(mode, path))
    (app_s, app_mib), (anchor_s, anchor_mib) = (
        (statistics.median(r[0] for r in results[m]), statistics.median(r[1] for r in results[m]))
        for m in (app, anchor)
    )
    print(
        f"  {label:<22} {app_s:7.2f} s {app_mib:6.0f} MiB   anchor {anchor_s:6.2f} s "
        f"{anchor_mib:5.0f} MiB   ratio time {app_s / anchor_s:5.1f}x memory "
        f"{app_mib / anchor_mib:4.1f}x"
    )


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], Path(sys.argv[3]))
        return
    with tempfile.TemporaryDirectory(prefix="roster-bench-") as folder:
        for rows in (5_000, 50_000):
            roster = Path(folder) / f"roster-{rows}.csv"
            write_roster(roster, rows)
            workbook = roster.with_suffix(".xlsx")
            write_xlsx(roster, workbook)
            print(f"== {rows:,} rows")
            runs = 3 if rows <= 5_000 else 1
            compare("CSV import (all)", "csv-app", "csv-anchor", roster, runs)
            compare("XLSX reading", "xlsx-app", "xlsx-anchor", workbook, runs)
            again = roster.with_name(f"roster-{rows}-update.csv")
            write_roster(again, rows, title="Manager")
            compare_update(again, runs)
    print(
        "targets: 50,000 rows imported in 150 MiB or less; XLSX reading 3x openpyxl or less"
        " (updates: no target; near 1x means linear)"
    )


if __name__ == "__main__":
    main()
