"""A roster file with people, written as raw JSON (a helper).

Quicker than saving people one by one through the store, and the same bytes the store
would write; ``damaged`` gives the last person an empty name, which only the full check
(the load, in the app's worker after its first paint) finds.
"""

from __future__ import annotations

import json
from pathlib import Path

from nextgen_tui.store.repository import Store
from tests.conftest import FIXED_NOW
from tests.support import factories as f

NOTE = "Met at the regional job fair; interested in apprenticeships and the launch."


def write_roster(path: Path, *, people: int = 50, damaged: bool = False) -> int:
    """One partnership and ``people`` people; ``damaged``: the last one has an empty name.
    Returns the number of people."""
    with Store(path, clock=lambda: FIXED_NOW) as store:
        f.partnership(store)
    data = json.loads(path.read_text(encoding="utf-8"))
    records = {str(i): {"name": f"Person {i}", "notes": NOTE} for i in range(1, people + 1)}
    if damaged:
        records[str(people)]["name"] = ""
    data["people"] = records
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return people
