"""Import a generated 500- and 5,000-row roster: time the preview and the commit.

Measures and prints; never asserts. The target is under 3 s for 5,000 rows (preview plus
commit): the whole commit is one store transaction, so one write of the data file.

Run: ``.venv/bin/python benchmarks/import_roster.py``
"""

from __future__ import annotations

import csv
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nextgen_tui.store.repository import Store
from nextgen_tui.transfer.apply import apply
from nextgen_tui.transfer.plan import build_plan
from nextgen_tui.transfer.spreadsheet import read_roster

ROLES = ["convening_team", "core_team", "champion", "industry_leader", "support_delegate"]
KINDS = ["company", "company", "company", "community_college", "workforce_board", "chamber"]


def write_roster(path: Path, rows: int) -> None:
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
                    "Director",
                    f"person{i}@example.org",
                    f"555-{i:04d}",
                    role,
                    "committed" if role == "champion" else "",
                    "accepted" if role == "industry_leader" else "",
                ]
            )


def measure_once(roster: Path, folder: Path, run: int) -> tuple[float, float, str]:
    """Preview and commit ``roster`` into a new data file: (preview s, commit s, counts)."""
    store = Store(folder / f"data-{roster.stem}-{run}.json")
    try:
        started = time.perf_counter()
        table = read_roster(roster)
        plan = build_plan(
            store,
            table.rows,
            partnership="Benchmark partnership",
            industry="Manufacturing",
            region="Valley",
            source=roster.name,
        )
        previewed = time.perf_counter()
        result = apply(store, plan)
        committed = time.perf_counter()
    finally:
        store.close()
    counts = f"{result.people_created} people, {result.roles_added} roles"
    return previewed - started, committed - previewed, counts


def measure(rows: int, folder: Path, runs: int = 3) -> None:
    roster = folder / f"roster-{rows}.csv"
    write_roster(roster, rows)
    results = [measure_once(roster, folder, run) for run in range(runs)]
    preview = statistics.median(r[0] for r in results)
    commit = statistics.median(r[1] for r in results)
    total = statistics.median(r[0] + r[1] for r in results)
    print(
        f"{rows:>6} rows: preview {preview:6.2f} s, commit {commit:6.2f} s, "
        f"total {total:6.2f} s (median of {runs}; {results[0][2]}; target: total < 3 s)"
    )


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="roster-bench-") as folder:
        for rows in (500, 5000):
            measure(rows, Path(folder))


if __name__ == "__main__":
    main()
