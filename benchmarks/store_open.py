"""Opening a roster file against ``json.loads`` of the same bytes (target: 3x or less).

For 1,000, 10,000 and 50,000 people (with organizations and roles in proportion), times in
turns, in the same run:

* ``json``: reading the file and ``json.loads`` of it (the anchor: no program can know
  what the file holds for less);
* ``store``: ``Store(path, read_only=True)``, what every command and the app do first:
  read, parse, check the format and validate every record (a damaged file is refused);
* ``writer``: ``Store(path)``, which also takes the one-writer lock.

Prints the medians and the ratios store/json and writer/json. Measures, never asserts.

Run: ``.venv/bin/python benchmarks/store_open.py``
"""

from __future__ import annotations

import json
import sys
import tempfile
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.rosters import alternate, seed
from nextgen_tui.store.repository import Store

SIZES = {1_000: 15, 10_000: 7, 50_000: 3}  # people: runs


def _read_json(path: Path, _run: int) -> object:
    return json.loads(path.read_bytes())


def _open_read_only(path: Path, _run: int) -> None:
    Store(path, read_only=True).close()


def _open_writer(path: Path, _run: int) -> None:
    Store(path).close()


def main() -> None:
    print(
        f"{'people':>8} {'MB':>6} {'json ms':>9} {'store ms':>9} {'writer ms':>10} "
        f"{'store/json':>11} {'writer/json':>12}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for size, runs in SIZES.items():
            path = Path(folder) / f"roster-{size}.json"
            seed(path, size)

            json_s, store_s, writer_s = alternate(
                [
                    partial(_read_json, path),
                    partial(_open_read_only, path),
                    partial(_open_writer, path),
                ],
                runs,
            )
            print(
                f"{size:>8,} {path.stat().st_size / 1e6:>6.1f} {json_s * 1000:>9.1f} "
                f"{store_s * 1000:>9.1f} {writer_s * 1000:>10.1f} "
                f"{store_s / json_s:>10.2f}x {writer_s / json_s:>11.2f}x"
            )
    print("target: store/json 3x or less at 10,000 people")


if __name__ == "__main__":
    main()
