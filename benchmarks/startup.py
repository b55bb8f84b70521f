"""Time to first paint: the app on the bundled demo and on a state-wide roster, against a
minimal Textual app.

The programs are started in turn, in the same run, in a fresh 120x40 tmux session; the
clock stops when a marker is visible in the pane (``tmux capture-pane``), so the terminal
output is included (the method of a ``first-paint MARKER RUNS -- COMMAND`` script):

* the app: ``nextgen-tui --demo`` until the partnerships list shows the demo's
  partnerships with their gap counts (the first screen a convener sees);
* the app on one partnership of 10,000 people (``--db``): until that partnership's stage
  view shows its name (a single partnership opens directly);
* the floor: a header, a 200-row ``DataTable`` and a footer (the smallest Textual app
  that paints a comparable screen) until its title is visible.

Before measuring, the app's own modules are compiled to bytecode (``compileall``), as
``pip install`` does for an installed app and did for Textual: otherwise, with
``PYTHONDONTWRITEBYTECODE`` set or an editable install, every run of the app would compile
its sources while the floor's Textual loads ready bytecode.

Prints each program's median and the ratios (targets: the demo within 1.15x of the floor,
the 10,000 people within 1.3x),
then where the difference goes: the import time of the core (pydantic models, TinyDB
store) and of the app's modules, each in a fresh interpreter. Measures, never asserts.
Needs ``tmux``.

Run: ``.venv/bin/python benchmarks/startup.py [RUNS]``
"""

from __future__ import annotations

import compileall
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.rosters import seed

FLOOR_APP = """\
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header


class Floor(App):
    TITLE = "FLOOR-READY"

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("name", "org")
        table.add_rows([(f"person {i}", f"org {i % 40}") for i in range(200)])


if __name__ == "__main__":
    Floor().run()
"""

#: Visible once the demo's partnerships list is drawn (a row of the table, not the header).
APP_MARKER = "Construction, North Valley"
#: The name of the one partnership of the large roster (in its stage view's header).
LARGE_MARKER = "State-wide Manufacturing"
LARGE_PEOPLE = 10_000
FLOOR_MARKER = "FLOOR-READY"
RUNS = 9
TIMEOUT = 20.0


def _pane(session: str) -> str:
    result = subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", session],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout


def first_paint(command: str, marker: str, tag: str) -> float:
    """Seconds from starting ``command`` in a new tmux session until ``marker`` shows."""
    session = f"bench-{tag}-{os.getpid()}"
    started = time.perf_counter()
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", command],
        check=True,
    )
    try:
        while marker not in _pane(session):
            if time.perf_counter() - started > TIMEOUT:
                raise TimeoutError(f"{marker!r} never appeared: {_pane(session)!r}")
            time.sleep(0.003)
        return time.perf_counter() - started
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)
        time.sleep(0.2)  # let the killed program release the terminal and its files


IMPORTS = {
    "python alone": "pass",
    "textual (the floor imports this)": "import textual.app",
    "core: models + store (pydantic, TinyDB)": "import nextgen_tui.store",
    "the whole app": "import nextgen_tui.cli, nextgen_tui.app",
}


def import_times(runs: int) -> None:
    """Median wall time of a fresh interpreter importing each set of modules."""
    root = str(Path(__file__).resolve().parent.parent)
    for label, code in IMPORTS.items():
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, cwd=root)
            times.append(time.perf_counter() - started)
        print(f"  import {label:<42} median {statistics.median(times) * 1000:6.1f} ms")


def compile_app(root: Path) -> None:
    """Compile the app's packages to bytecode, as an installed app would have them."""
    for package in ("nextgen_tui", "screens"):
        compileall.compile_dir(root / package, quiet=1)


def main() -> None:
    if shutil.which("tmux") is None:
        print("startup.py needs tmux to measure the time to first paint.")
        return
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else RUNS
    bin_dir = Path(sys.executable).parent
    app_exe = bin_dir / "nextgen-tui"
    if not app_exe.exists():
        print(f"{app_exe} is not installed (run make test or pip install -e . first).")
        return
    compile_app(Path(__file__).resolve().parent.parent)
    with tempfile.TemporaryDirectory() as folder:
        floor = Path(folder) / "floor_app.py"
        floor.write_text(FLOOR_APP)
        large = Path(folder) / "large.json"
        seed(large, LARGE_PEOPLE, LARGE_MARKER)
        # a quiet environment: no terminal size or colour surprises from the caller
        env = "TERM=xterm-256color COLORTERM=truecolor"
        commands = {
            "app (demo)": (f"{env} {shlex.quote(str(app_exe))} --demo; sleep 30", APP_MARKER),
            "app (10k)": (
                f"{env} {shlex.quote(str(app_exe))} --db {shlex.quote(str(large))}; sleep 30",
                LARGE_MARKER,
            ),
            "floor": (
                f"{env} {shlex.quote(sys.executable)} {shlex.quote(str(floor))}; sleep 30",
                FLOOR_MARKER,
            ),
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        # warm the file cache for both so the first run is not an outlier
        for command, marker in commands.values():
            first_paint(command, marker, "warm")
        for _ in range(runs):  # interleaved, so drift affects both alike
            for name, (command, marker) in commands.items():
                times[name].append(first_paint(command, marker, name.split()[0]))
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        spread = ", ".join(f"{v * 1000:.0f}" for v in sorted(values))
        print(f"{name:<12} median {medians[name] * 1000:7.1f} ms   (runs, ms: {spread})")
    for name, target in (("app (demo)", 1.15), ("app (10k)", 1.3)):
        ratio = medians[name] / medians["floor"]
        print(f"ratio {name} / floor: {ratio:.2f}x   (target: {target}x or less)")
    print("where the time goes (fresh interpreter, no terminal):")
    import_times(runs)


if __name__ == "__main__":
    main()
