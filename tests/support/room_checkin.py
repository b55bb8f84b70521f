"""Another process checks someone in, as the facilitator's app does (not a test module).

Usage: ``python tests/support/room_checkin.py ROSTER.json PARTNERSHIP_ID PERSON_ID``. Opens
the file for writing (taking the lock), checks the person in with the core meeting
function, prints ``ack`` (flushed) once it is saved, and exits.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from nextgen_tui.meeting.checkin import check_in
from nextgen_tui.store.repository import Store


def main(path: Path, partnership_id: int, person_id: int) -> None:
    with Store(path) as store:
        check_in(store, partnership_id, person_id, datetime(2026, 6, 1, 9, 31))
        sys.stdout.write("ack\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
