"""Starting the app as the command line does, counting what start-up must not repeat."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from textual.css.stylesheet import Stylesheet

from nextgen_tui import collector


@contextmanager
def started_as_the_command_line_does(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Stylesheet]]:
    """The garbage collector paused (the app resumes it once the roster is painted);
    yields the list of every stylesheet parsed again meanwhile (``Stylesheet.reparse``)."""
    reparsed: list[Stylesheet] = []
    reparse = Stylesheet.reparse

    def counted(sheet: Stylesheet) -> None:
        reparsed.append(sheet)
        reparse(sheet)

    monkeypatch.setattr(Stylesheet, "reparse", counted)
    collector.pause()
    try:
        yield reparsed
    finally:
        collector.resume()
