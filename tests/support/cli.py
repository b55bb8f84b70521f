"""Run the ``nextgen-tui`` command for a test: in this process (:func:`run_cli`, cheap) or
as the installed entry point in a child process (:func:`run_command`, end to end).

Launching the command costs a fresh interpreter and its imports (about a quarter of a
second of CPU); most tests are about the command's output, exit status and files, which
:func:`run_cli` gives the same way by calling :func:`nextgen_tui.cli.main.main` here, with
what the child process had:

- stdout and stderr are captured as bytes, through text streams of the encoding and
  error handling a child writing to a pipe has (stdout strict, stderr backslashreplace),
  and decoded as ``subprocess.run(..., text=True)`` decodes them (universal newlines);
- stdin is ``/dev/null`` (the child had ``stdin=DEVNULL``), the working folder is
  ``cwd`` (or this one), ``COLUMNS``/``LINES`` are 80x24 unless set, as for a pipe;
- warnings are shown on stderr under Python's default filters, not collected by pytest;
- ``SystemExit`` (``--help``, ``--version``, usage errors) becomes ``returncode`` as the
  interpreter would make it;
- a run longer than ``timeout`` seconds is stopped (SIGALRM) and fails the test, as the
  child's ``timeout=60`` did, instead of hanging the worker (a FIFO opened for reading).

Whatever the command changes process-wide is put back afterwards: environment variables
(``main`` sets ``PYDANTIC_DISABLE_PLUGINS``), signal handlers (``run_app`` installs
SIGHUP/SIGTERM handlers), the working folder, the standard streams, and the garbage
collector's frozen generation (every store opening calls ``gc.freeze()``). Locks are
``flock`` locks on a file opened per store, so a store the test holds refuses the
in-process command exactly as it refuses another process; the command closes its own.
The Textual app is never started in-process: a command that would start it fails the test.
"""

from __future__ import annotations

import gc
import io
import locale
import os
import signal
import subprocess
import sys
import traceback
import types
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TextIO

from nextgen_tui.cli.main import main

SCRIPT = Path(sys.executable).with_name("nextgen-tui")
#: The installed entry point (or, where it is not installed, the package's ``__main__``).
COMMAND = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "nextgen_tui.cli"]

Arg = str | os.PathLike[str]


@dataclass(frozen=True)
class CliResult:
    """What a run of the command showed: the fields of ``subprocess.CompletedProcess``
    that the tests read."""

    args: list[str]
    returncode: int
    stdout: str
    stderr: str


class CommandTimedOut(BaseException):  # not an Exception: main catches those
    """The in-process command ran past its timeout (never caught by the command)."""


class AppWouldStart(BaseException):  # not an Exception: main catches those
    """The in-process command was about to run a Textual app, which a test cannot host."""


class Result(Protocol):
    """A run of the command, in-process or in a child process."""

    @property
    def returncode(self) -> int: ...
    @property
    def stdout(self) -> str: ...
    @property
    def stderr(self) -> str: ...


def assert_one_plain_line(result: Result, *expected: str) -> str:
    """A failure: nothing on stdout, one line on stderr holding each of ``expected``."""
    assert result.returncode != 0
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    for text in expected:
        assert text in lines[0]
    return lines[0]


def run_command(
    *args: Arg, cwd: Path | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run the installed ``nextgen-tui ARGS`` in a child process (end to end)."""
    return subprocess.run(
        [*COMMAND, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        cwd=cwd,
        check=False,
    )


def run_cli(*args: Arg, cwd: Path | None = None, timeout: float = 60) -> CliResult:
    """Run ``nextgen-tui ARGS`` in this process, as :func:`run_command` would show it."""
    argv = [str(arg) for arg in args]
    encoding = "utf-8" if sys.flags.utf8_mode else locale.getencoding()
    out, err = io.BytesIO(), io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding=encoding, errors="strict")
    stderr = io.TextIOWrapper(err, encoding=encoding, errors="backslashreplace")
    with (
        _process_state_restored(cwd),
        _streams(stdout, stderr),
        _python_default_warnings(),
        _no_textual_app(),
        _time_limit(timeout, argv),
    ):
        try:
            returncode = main(argv)
        except SystemExit as exc:
            returncode = _exit_status(exc, stderr)
        except (CommandTimedOut, AppWouldStart) as exc:
            raise AssertionError(str(exc)) from exc
    stdout.flush()
    stderr.flush()
    return CliResult(
        args=argv,
        returncode=returncode,
        stdout=_as_subprocess_decodes(out.getvalue(), encoding),
        stderr=_as_subprocess_decodes(err.getvalue(), encoding),
    )


def _exit_status(exc: SystemExit, stderr: TextIO) -> int:
    """The status the interpreter exits with for ``SystemExit(code)``."""
    if exc.code is None:
        return 0
    if isinstance(exc.code, int):
        return exc.code
    stderr.write(f"{exc.code}\n")  # as the interpreter prints SystemExit("message")
    return 1


def _as_subprocess_decodes(data: bytes, encoding: str) -> str:
    return data.decode(encoding).replace("\r\n", "\n").replace("\r", "\n")


@contextmanager
def _streams(stdout: TextIO, stderr: TextIO) -> Iterator[None]:
    saved = sys.stdin, sys.stdout, sys.stderr
    with open(os.devnull, encoding="utf-8") as devnull:
        sys.stdin, sys.stdout, sys.stderr = devnull, stdout, stderr
        try:
            yield
        finally:
            sys.stdin, sys.stdout, sys.stderr = saved


@contextmanager
def _process_state_restored(cwd: Path | None) -> Iterator[None]:
    environ = dict(os.environ)
    handlers = {number: signal.getsignal(number) for number in signal.valid_signals()}
    frozen = gc.get_freeze_count()
    folder = os.getcwd()
    for name, value in (("COLUMNS", "80"), ("LINES", "24")):  # a pipe has no size
        os.environ.setdefault(name, value)
    try:
        if cwd is not None:
            os.chdir(cwd)
        yield
    finally:
        os.chdir(folder)
        for name in set(os.environ) - set(environ):
            del os.environ[name]
        for name, value in environ.items():
            if os.environ.get(name) != value:
                os.environ[name] = value
        for number, handler in handlers.items():
            if handler is not None and signal.getsignal(number) is not handler:
                signal.signal(number, handler)
        if frozen == 0 and gc.get_freeze_count():
            gc.unfreeze()


@contextmanager
def _python_default_warnings() -> Iterator[None]:
    """Warnings printed on stderr under the filters a fresh interpreter starts with."""

    def show(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: TextIO | None = None,
        line: str | None = None,
    ) -> None:
        sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))

    with warnings.catch_warnings():
        warnings.resetwarnings()
        warnings.simplefilter("ignore", ResourceWarning)
        warnings.simplefilter("ignore", ImportWarning)
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.filterwarnings("default", category=DeprecationWarning, module="__main__")
        warnings.showwarning = show
        yield


@contextmanager
def _no_textual_app() -> Iterator[None]:
    """Stop a command that would run a Textual app (the roster app, the room view)."""
    from textual.app import App

    def refuse(self: App[object], *args: object, **kwargs: object) -> None:
        raise AppWouldStart(f"the command would run {type(self).__name__} in the test process")

    run = App.run
    App.run = refuse  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        App.run = run  # type: ignore[method-assign]


@contextmanager
def _time_limit(seconds: float, argv: list[str]) -> Iterator[None]:
    def stop(_signum: int, frame: types.FrameType | None) -> None:
        where = "".join(traceback.format_stack(frame, limit=3)) if frame else ""
        raise CommandTimedOut(f"nextgen-tui {' '.join(argv)} ran over {seconds} s\n{where}")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
