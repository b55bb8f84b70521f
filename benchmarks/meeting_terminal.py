"""Benchmark the live meeting's check-in in a real terminal (target: p90 50 ms a key at 300
invitees).

``benchmarks/meeting.py`` times the same keys under Pilot, where nothing is written to a
terminal; this one times what a facilitator sees. Measures, never asserts. Needs tmux.

Method (``benchmarks/terminal.py``):

* a roster file with the 300 invitees of ``benchmarks/meeting.py`` (its ``seed``) and the
  launch meeting in progress (``start_meeting``);
* the app, ``nextgen-tui --db FILE``, runs in a 160x50 tmux session (``TERM=xterm-256color
  COLORTERM=truecolor``); it asks "Resume it?", ``y`` answers, and the check-in search box
  has the cursor;
* the anchor, in a tmux session of its own at the same size: the bare ``Anchor`` app of
  ``benchmarks/meeting.py`` (a search box over an ``OptionList`` of the same invitees,
  refilled with ``set_options`` on each key, the same search) started by this script with
  ``--anchor FILE``;
* name by name, interleaved (the anchor types a name, then the app types the same name),
  the first three letters of a first and of a last name (``Car Eva``) are typed, a key at
  a time: the clock starts just before ``tmux send-keys`` and stops at the first look at
  the pane (``capture-pane``, polled in a tight loop) that shows the typed text in the
  search box AND the best match of the search (``InviteeSearch`` on the same invitees)
  as the first row of the list. Never "the pane changed": the meeting clock redraws every
  second. The next key follows a typist's pause after the result showed;
* in the app, enter then checks the best match in (unless already in): the clock stops
  when the counters show the new "Present: N of 300". Before each name, ctrl+f selects
  the search (as after a check-in, the next key typed replaces it); the anchor's box is
  emptied (home, ctrl+k), untimed.

Prints median, p90 and max for the app and the anchor, the ratio of their p90s, and the
check-in to counters times.

Run: ``.venv/bin/python benchmarks/meeting_terminal.py [NAMES]``
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.meeting import INVITEES, NAMES, SIZE, Anchor, p90, seed
from benchmarks.terminal import Control, Pane, Terminal, have_tmux
from nextgen_tui.meeting.agenda import start_meeting
from nextgen_tui.meeting.checkin import Invitee, InviteeSearch, invitees
from nextgen_tui.store.repository import Store

#: Seconds between a key's result showing and the next key: a person's pace (0.1-0.15 s).
TYPING_GAP = (0.1, 0.15)
#: Columns of the check-in panel (the anchor's column is as wide): where the search box
#: and the rows are read.
COLUMN = 45
#: The first row of a person: the arrival mark and the name.
MARKS = ("·", "✓")


def roster(path: Path) -> tuple[int, list[Invitee]]:
    """Seed ``path`` with the invitees and a launch meeting in progress."""
    store = Store(path)
    try:
        pid = seed(store)
        start_meeting(store, pid, datetime.now())
        return pid, invitees(store.snapshot(pid))
    finally:
        store.close()


def search_box(pane: Pane, typed: str) -> int | None:
    """The row of the search box showing ``typed`` with the cursor right after it (the
    cursor tells ``Car`` from ``Car `` and from a box whose text is selected), if any."""
    for y, row in enumerate(pane.rows):
        text = row[:COLUMN].ljust(COLUMN)
        start = len(text) - len(text.lstrip())
        if not typed and start == len(text):  # an empty box: the cursor cell alone
            start = 0
        end = start + len(typed)
        if text[start:end] != typed or text[end:].strip() or end >= len(text):
            continue
        colours = pane.backgrounds(y)
        if colours is None or len(colours) <= end + 1:
            continue
        box = colours[end - 1] if typed else colours[end + 1]
        if colours[end] != box and all(c == box for c in colours[start:end]):
            return y
    return None


def result_shown(typed: str, first: Invitee, mark: str) -> Callable[[Pane], bool]:
    """Whether the pane shows ``typed`` in the search box with ``first`` listed first."""
    expected = f"{mark} {first.name}"

    def shown(pane: Pane) -> bool:
        box = search_box(pane, typed)
        if box is None:
            return False
        below = (row[:COLUMN].strip() for row in pane.rows[box + 1 :])
        row = next((t for t in below if t[:1] in MARKS and t[1:2] == " "), "")
        return row == expected or row.startswith(expected + " ")

    return shown


def text_shown(text: str) -> Callable[[Pane], bool]:
    return lambda pane: any(text in row for row in pane.rows)


def type_name(
    terminal: Terminal, text: str, search: InviteeSearch, checked: set[int], rng: random.Random
) -> list[float]:
    """Type ``text`` a key at a time; each key's seconds until its result shows."""
    times = []
    for length in range(1, len(text) + 1):
        typed = text[:length]
        first = search.search(typed)[0]
        mark = MARKS[first.person_id in checked]
        char = text[length - 1]
        started = time.perf_counter()
        terminal.send("Space" if char == " " else char)
        times.append(terminal.wait_for(result_shown(typed, first, mark), started))
        time.sleep(rng.uniform(*TYPING_GAP))
    return times


def bench(path: Path, people: list[Invitee], names: int) -> None:
    search = InviteeSearch(people)
    everyone = search.search("")[0]
    rng = random.Random(2)
    pace = random.Random(3)
    control = Control()
    root = str(Path(__file__).resolve().parent.parent)
    config = str(path.parent)  # the app's preferences stay in the temporary folder
    anchor = Terminal(
        control,
        [sys.executable, str(Path(__file__).resolve()), "--anchor", str(path)],
        SIZE,
        cwd=root,
    )
    app = None
    try:
        anchor.wait_for(result_shown("", everyone, "·"), time.perf_counter())
        app = Terminal(
            control,
            [str(Path(sys.executable).parent / "nextgen-tui"), "--db", str(path)],
            SIZE,
            env={"ROSTER_CONFIG_DIR": config},
            cwd=root,
        )
        app.wait_for(text_shown("Resume it?"), time.perf_counter())
        app.send("y")
        app.wait_for(text_shown(f"Present: 0 of {INVITEES}"), time.perf_counter())
        time.sleep(1)  # the resumed notice and first frames settle

        typing: list[float] = []
        bare: list[float] = []
        checking: list[float] = []
        checked: set[int] = set()
        for person in rng.sample(search.people, names):
            text = person.name.split()[0][:3] + " " + person.name.split()[1][:3]
            anchor.send("Home", "C-k")
            anchor.wait_for(result_shown("", everyone, "·"), time.perf_counter())
            time.sleep(pace.uniform(*TYPING_GAP))
            bare += type_name(anchor, text, search, set(), pace)

            app.send("C-f")  # the search selected: the next key replaces it
            time.sleep(pace.uniform(*TYPING_GAP))
            typing += type_name(app, text, search, checked, pace)
            target = search.search(text)[0].person_id
            if target in checked:
                continue
            started = time.perf_counter()
            app.send("Enter")
            present = f"Present: {len(checked) + 1} of {INVITEES}"
            checking.append(app.wait_for(text_shown(present), started))
            checked.add(target)
            time.sleep(pace.uniform(*TYPING_GAP))
    finally:
        anchor.close()
        if app is not None:
            app.close()
        control.close()
    print(f"{INVITEES} invitees, {names} names typed; tmux {SIZE[0]}x{SIZE[1]}")
    summary("keystroke to screen (app)", typing)
    summary("keystroke to screen (anchor)", bare)
    print(
        f"  p90 app/anchor {p90(typing) / p90(bare):.2f}x   "
        f"median app/anchor {statistics.median(typing) / statistics.median(bare):.2f}x   "
        "(target: app p90 50 ms or less)"
    )
    summary("check-in to counters (app)", checking)


def summary(label: str, seconds: list[float]) -> None:
    print(
        f"{label:<32} median {statistics.median(seconds) * 1000:6.1f} ms   "
        f"p90 {p90(seconds) * 1000:6.1f} ms   max {max(seconds) * 1000:6.1f} ms   "
        f"(n={len(seconds)})"
    )


def run_anchor(path: Path) -> None:
    """The anchor app on the invitees of ``path`` (read only)."""
    store = Store(path, read_only=True)
    try:
        pid = store.partnerships()[0].id
        people = invitees(store.snapshot(pid))
    finally:
        store.close()
    Anchor(people).run()


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--anchor":
        run_anchor(Path(sys.argv[2]))
        return
    if not have_tmux():
        print("meeting_terminal.py needs tmux to time keys in a real terminal.")
        return
    names = int(sys.argv[1]) if len(sys.argv) > 1 else NAMES
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "meeting.json"
        _pid, people = roster(path)
        bench(path, people, names)


if __name__ == "__main__":
    main()
