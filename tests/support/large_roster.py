"""A roster file large enough for the app to read it after its first paint (a helper).

Written as raw JSON (a small store's file, plus people): quicker than saving thousands of
people through the store, and the same bytes the store would write.
"""

from __future__ import annotations

import json
from pathlib import Path

from nextgen_tui.store.opening import READ_LATER_FROM
from nextgen_tui.store.repository import Store
from tests.conftest import FIXED_NOW
from tests.support import factories as f

NOTE = "Met at the regional job fair; interested in apprenticeships and the launch."


def write_large_roster(path: Path, *, damaged: bool = False) -> int:
    """One partnership and enough people to pass :data:`READ_LATER_FROM`; ``damaged``: the
    last person has an empty name (found only by the full check). Returns the people."""
    with Store(path, clock=lambda: FIXED_NOW) as store:
        f.partnership(store)
    data = json.loads(path.read_text(encoding="utf-8"))
    count = READ_LATER_FROM // len(NOTE) + 1
    people = {str(i): {"name": f"Person {i}", "notes": NOTE} for i in range(1, count + 1)}
    if damaged:
        people[str(count)]["name"] = ""
    data["people"] = people
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return count
