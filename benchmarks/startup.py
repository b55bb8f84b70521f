"""Time to first paint: the app on the bundled demo and on a state-wide roster, against a
minimal Textual app.

The programs are started in turn, in the same run, in a fresh 120x40 tmux session
(:mod:`benchmarks.terminal`); the clock stops when a marker is visible in the pane, so
the terminal output is included. One launch can be timed to several markers, each when it
first shows:

* the app on the demo (``nextgen-tui --demo``): its first paint, the line "Opening
  demo.json" (every roster is read in a worker after the first paint), and when the
  demo's Prepare partnership shows its stage view with the roster's lines (the demo opens
  on it: the first screen a convener works in);
* the app on one partnership of 10,000 people (``--db``): its first paint, the line
  "Opening large.json", and when that partnership's stage view shows its name (a single
  partnership opens directly);
* the floor: a header, a 200-row ``DataTable`` and a footer (the smallest Textual app
  that paints a comparable screen) until its title is visible.

Before measuring, the app's own modules are compiled to bytecode (``compileall``), as
``pip install`` does for an installed app and did for Textual: otherwise, with
``PYTHONDONTWRITEBYTECODE`` set or an editable install, every run of the app would compile
its sources while the floor's Textual loads ready bytecode.

Prints each program's median and the ratios (targets: the demo's first paint within 1.15x
of the floor, the 10,000 people's within 1.3x; the stage views, shown once the worker has
read the file, have no target),
then where the difference goes: the import time of the core (pydantic models, TinyDB
store) and of the app's modules, each in a fresh interpreter. Measures, never asserts.
Needs ``tmux``.

Run: ``.venv/bin/python benchmarks/startup.py [RUNS]``
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.rosters import seed
from benchmarks.terminal import Control, Pane, Terminal, have_tmux

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

#: The first paint of the demo: the opening screen says what it reads.
DEMO_FIRST = "Opening demo.json"
#: Visible once the demo's Prepare partnership is drawn: a line of its roster (the name
#: is in the header, which paints before the roster's lines).
APP_MARKER = "Walter Greenberg"
#: The first paint of the large roster: the opening screen says what it reads.
LARGE_FIRST = "Opening large.json"
#: The name of the one partnership of the large roster (in its stage view's header).
LARGE_MARKER = "State-wide Manufacturing"
LARGE_PEOPLE = 10_000
FLOOR_MARKER = "FLOOR-READY"
RUNS = 9
TIMEOUT = 20.0


def first_paint(
    control: Control, command: list[str], markers: tuple[str, ...], env: dict[str, str]
) -> list[float]:
    """Seconds from starting ``command`` in a new 120x40 terminal until each marker shows
    (each looked for at every look, so a marker shown only briefly is still seen)."""
    seen: dict[str, float] = {}
    started = time.perf_counter()
    terminal = Terminal(control, command, (120, 40), env=env)

    def all_seen(pane: Pane) -> bool:
        now = time.perf_counter() - started
        text = "\n".join(pane.rows)
        for marker in markers:
            if marker not in seen and marker in text:
                seen[marker] = now
        return len(seen) == len(markers)

    try:
        terminal.wait_for(all_seen, started, TIMEOUT)
        return [seen[marker] for marker in markers]
    finally:
        terminal.close()


IMPORTS = {
    "python alone": "pass",
    "the floor's: textual and its widgets": (
        "import textual.app; from textual.widgets import DataTable, Footer, Header"
    ),
    "to the first paint: cli + app, no models": "import nextgen_tui.cli.main, nextgen_tui.app",
    "pydantic alone: import and one model": (
        "import pydantic\nclass One(pydantic.BaseModel):\n    x: int = 0"
    ),
    "core: models + store (pydantic, TinyDB)": "import nextgen_tui.store.repository",
    "the app with its first screens": (
        "import nextgen_tui.cli.main, nextgen_tui.app, screens.commands, "
        "screens.partnerships.screen, screens.stage.screen"
    ),
}


def import_times(runs: int) -> None:
    """Median wall time of a fresh interpreter importing each set of modules."""
    root = str(Path(__file__).resolve().parent.parent)
    # as the app runs: no search for pydantic plugins (see nextgen_tui.cli.main)
    env = {**os.environ, "PYDANTIC_DISABLE_PLUGINS": "__all__"}
    for label, code in IMPORTS.items():
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, cwd=root, env=env)
            times.append(time.perf_counter() - started)
        print(f"  import {label:<44} median {statistics.median(times) * 1000:6.1f} ms")


def compile_app(root: Path) -> None:
    """Compile the app's packages to bytecode, as an installed app would have them."""
    for package in ("nextgen_tui", "screens"):
        compileall.compile_dir(root / package, quiet=1)


def main() -> None:
    if not have_tmux():
        print("startup.py needs tmux to measure the time to first paint.")
        return
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else RUNS
    bin_dir = Path(sys.executable).parent
    app_exe = bin_dir / "nextgen-tui"
    if not app_exe.exists():
        print(f"{app_exe} is not installed (run make test or pip install -e . first).")
        return
    compile_app(Path(__file__).resolve().parent.parent)
    control = Control()
    with tempfile.TemporaryDirectory() as folder:
        floor = Path(folder) / "floor_app.py"
        floor.write_text(FLOOR_APP)
        large = Path(folder) / "large.json"
        seed(large, LARGE_PEOPLE, LARGE_MARKER)
        # the config folder too: the app writes its preferences as it quits
        env = {"ROSTER_CONFIG_DIR": folder}
        commands = {
            "app (demo)": ([str(app_exe), "--demo"], (DEMO_FIRST, APP_MARKER)),
            "app (10k)": ([str(app_exe), "--db", str(large)], (LARGE_FIRST, LARGE_MARKER)),
            "floor": ([sys.executable, str(floor)], (FLOOR_MARKER,)),
        }
        # what each launch is timed to: (program, marker) -> label
        labels = {
            ("app (demo)", DEMO_FIRST): "app (demo)",
            ("app (demo)", APP_MARKER): "demo stage",
            ("app (10k)", LARGE_FIRST): "app (10k)",
            ("app (10k)", LARGE_MARKER): "10k stage",
            ("floor", FLOOR_MARKER): "floor",
        }
        times: dict[str, list[float]] = {label: [] for label in labels.values()}
        try:
            # warm the file cache for both so the first run is not an outlier
            for command, markers in commands.values():
                first_paint(control, command, markers, env)
            for _ in range(runs):  # interleaved, so drift affects both alike
                for name, (command, markers) in commands.items():
                    seen = first_paint(control, command, markers, env)
                    for marker, seconds in zip(markers, seen, strict=True):
                        times[labels[(name, marker)]].append(seconds)
        finally:
            control.close()
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        spread = ", ".join(f"{v * 1000:.0f}" for v in sorted(values))
        print(f"{name:<12} median {medians[name] * 1000:7.1f} ms   (runs, ms: {spread})")
    targets = (
        ("app (demo)", "1.15x"),
        ("demo stage", ""),
        ("app (10k)", "1.3x"),
        ("10k stage", ""),
    )
    for name, target in targets:
        ratio = medians[name] / medians["floor"]
        wanted = f"target: {target} or less" if target else "no target: the worker's load"
        print(f"ratio {name} / floor: {ratio:.2f}x   ({wanted})")
    print("where the time goes (fresh interpreter, no terminal):")
    import_times(runs)


if __name__ == "__main__":
    main()
