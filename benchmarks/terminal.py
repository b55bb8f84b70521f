"""What the terminal benchmarks share: a program running in a real terminal (tmux), typed
into and read back as a person sees it.

``Terminal`` starts a command in a new tmux session of a given size, sends keys to it and
reads the text of its pane (``capture-pane``): what tmux has drawn from the program's
output, so the time a program takes to write its frame, and the terminal's to take it
in, are included. ``wait_for`` polls the pane in a tight loop until it shows what is
expected and returns the seconds since a given start. Each look reads the text alone;
the colours of a row (where a text box's cursor is) are read only for a row whose text
is already the one expected, so a look stays a fraction of a millisecond.

The tmux commands go through one tmux client in control mode (``tmux -C``, attached to a
session of its own that runs nothing), not one ``tmux`` process per command: a command
then costs a fraction of a millisecond instead of a few, so polling measures the program
rather than process start-up, and takes little CPU from the program being measured.
This module measures nothing itself (``make bench`` does not run it).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import time
from collections.abc import Callable
from itertools import count

#: A quiet terminal: no size or colour surprises from the caller's environment.
TERMINAL_ENV = {"TERM": "xterm-256color", "COLORTERM": "truecolor"}
#: Seconds between two looks at the pane while waiting (tmux also has the program's
#: output to take in: a loop with no pause at all would compete with it).
POLL = 0.0005

_sessions = count()
#: A control sequence in ``capture-pane -e`` output (colours are ``m``, the others skipped).
_ESCAPE = re.compile(r"\x1b\[([0-9;:]*)([A-Za-z])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")


class Pane:
    """What a pane showed at one look: each row's text (``capture-pane -p``, which costs a
    quarter of a millisecond at 160x50, against some three with the colours read too).

    :meth:`backgrounds` reads the colours of one row, looking again (a few hundredths of
    a millisecond): a cell highlighted differently, such as a text box's cursor, has a
    background of its own.
    """

    def __init__(self, terminal: Terminal, rows: list[str]) -> None:
        self.terminal = terminal
        self.rows = rows

    def backgrounds(self, y: int) -> list[str] | None:
        """Each character's background colour on row ``y``, read now; ``None`` if the row
        shows other text by now than at this look."""
        lines = self.terminal.control.run(
            "capture-pane", "-p", "-e", "-S", str(y), "-E", str(y), "-t", self.terminal.session
        )
        text, colours = parse_row(lines[0] if lines else "")
        return colours if text.rstrip() == self.rows[y].rstrip() else None


def parse_row(line: str) -> tuple[str, list[str]]:
    """A row of ``capture-pane -e`` (text with colour escapes): its text and each
    character's background colour."""
    text: list[str] = []
    colours: list[str] = []
    state = _Colours()
    position = 0
    for match in _ESCAPE.finditer(line):
        chunk = line[position : match.start()]
        text.append(chunk)
        colours += [state.background()] * len(chunk)
        if match.group(2) == "m":
            state.apply(match.group(1))
        position = match.end()
    chunk = line[position:]
    text.append(chunk)
    colours += [state.background()] * len(chunk)
    return "".join(text), colours


class _Colours:
    """The colours in force while reading a line of ``capture-pane -e``."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.foreground = "default-fg"
        self.back = "default-bg"
        self.reverse = False

    def background(self) -> str:
        return self.foreground if self.reverse else self.back

    def apply(self, parameters: str) -> None:
        codes = parameters.replace(":", ";").split(";")
        index = 0
        while index < len(codes):
            code = codes[index] or "0"
            if code in ("38", "48"):  # 38;2;r;g;b, 38;5;n
                width = 4 if codes[index + 1 : index + 2] == ["2"] else 2
                value = ";".join(codes[index + 1 : index + 1 + width])
                if code == "38":
                    self.foreground = value
                else:
                    self.back = value
                index += 1 + width
                continue
            number = int(code)
            if number == 0:
                self.reset()
            elif number == 7:
                self.reverse = True
            elif number == 27:
                self.reverse = False
            elif number == 39:
                self.foreground = "default-fg"
            elif number == 49:
                self.back = "default-bg"
            elif 30 <= number <= 37 or 90 <= number <= 97:
                self.foreground = code
            elif 40 <= number <= 47 or 100 <= number <= 107:
                self.back = code
            index += 1


def have_tmux() -> bool:
    """Whether tmux is installed (the terminal benchmarks need it)."""
    return shutil.which("tmux") is not None


class Control:
    """One tmux client in control mode: commands written to it, their output read back."""

    def __init__(self) -> None:
        self.session = f"bench-control-{os.getpid()}-{next(_sessions)}"
        self._client = subprocess.Popen(
            ["tmux", "-C", "new-session", "-s", self.session, "-x", "20", "-y", "5", "cat"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
            bufsize=1,
        )
        self._read_block()  # the answer to the new-session itself

    def run(self, *args: str) -> list[str]:
        """Run one tmux command; its output lines. Raises ``RuntimeError`` on an error."""
        assert self._client.stdin is not None
        self._client.stdin.write(" ".join(shlex.quote(a) for a in args) + "\n")
        self._client.stdin.flush()
        ok, lines = self._read_block()
        if not ok:
            raise RuntimeError(f"tmux {' '.join(args)}: {' '.join(lines)}")
        return lines

    def _read_block(self) -> tuple[bool, list[str]]:
        """The next command's output (between ``%begin`` and ``%end`` or ``%error``);
        notifications outside a block are skipped."""
        assert self._client.stdout is not None
        lines: list[str] | None = None
        while True:
            line = self._client.stdout.readline()
            if not line:
                raise RuntimeError("the tmux control client stopped")
            if line.startswith("%begin"):
                lines = []
            elif lines is not None and line.startswith(("%end", "%error")):
                return line.startswith("%end"), lines
            elif lines is not None:
                lines.append(line.rstrip("\n"))

    def close(self) -> None:
        assert self._client.stdin is not None
        self._client.stdin.close()
        try:
            self._client.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._client.kill()
        subprocess.run(
            ["tmux", "kill-session", "-t", self.session], check=False, capture_output=True
        )


class Terminal:
    """``command`` running in a new tmux session of ``width`` x ``height``.

    ``env`` is added to the command's environment (with :data:`TERMINAL_ENV`); the session
    stays open after the command ends (so its last screen can still be read) until
    :meth:`close`.
    """

    def __init__(
        self,
        control: Control,
        command: list[str],
        size: tuple[int, int],
        *,
        env: dict[str, str] | None = None,
        cwd: str | None = None,
    ) -> None:
        self.control = control
        self.session = f"bench-{os.getpid()}-{next(_sessions)}"
        variables = {**TERMINAL_ENV, **(env or {})}
        line = " ".join(
            [
                *(f"{name}={shlex.quote(value)}" for name, value in variables.items()),
                *(shlex.quote(part) for part in command),
            ]
        )
        width, height = size
        subprocess.run(
            [
                "tmux",
                "new-session",
                "-d",
                "-s",
                self.session,
                "-x",
                str(width),
                "-y",
                str(height),
                *(["-c", cwd] if cwd else []),
                f"{line}; sleep 3600",
            ],
            check=True,
        )

    def pane(self) -> Pane:
        """What the pane shows now."""
        return Pane(self, self.control.run("capture-pane", "-p", "-t", self.session))

    def send(self, *keys: str) -> None:
        """Send keys by tmux name (``C``, ``Space``, ``Enter``, ``C-f``, ``Home``)."""
        self.control.run("send-keys", "-t", self.session, *keys)

    def wait_for(
        self, shown: Callable[[Pane], bool], started: float, timeout: float = 20.0
    ) -> float:
        """Look at the pane in a tight loop until ``shown(pane)``; the seconds from
        ``started`` (a ``time.perf_counter()``) to the end of the look that saw it."""
        while True:
            pane = self.pane()
            if shown(pane):
                return time.perf_counter() - started
            if time.perf_counter() - started > timeout:
                screen = "\n".join(pane.rows)
                raise TimeoutError(f"{self.session}: not shown after {timeout} s:\n{screen}")
            time.sleep(POLL)

    def close(self, timeout: float = 5.0) -> None:
        """End the session and wait (up to ``timeout`` seconds) until the program has
        exited, so that the files it was writing can be removed."""
        group = self.control.run("display-message", "-p", "-t", self.session, "#{pane_pid}")
        subprocess.run(
            ["tmux", "kill-session", "-t", self.session], check=False, capture_output=True
        )
        if not group or not group[0].isdigit():
            return
        ends = time.perf_counter() + timeout
        while time.perf_counter() < ends:
            try:  # the pane's shell leads the process group the program runs in
                os.killpg(int(group[0]), 0)
            except ProcessLookupError:
                return
            time.sleep(0.02)
