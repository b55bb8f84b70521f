"""Python's cyclic garbage collector, paused while the app starts.

Start-up makes tens of thousands of objects that live as long as the app (modules,
classes, pydantic models and their validators, the records, the first screen's widgets)
and next to no garbage, yet the collector ran about 150 times on the way to the first
paint, traversing them again each time (some 6% of the CPU to the first paint). The
command line pauses it before importing the app and the models; the app resumes it once
the roster's first screen is painted (after the opening screen, when the file is read in
a worker), with what start-up made frozen (:func:`gc.freeze`), so that later
collections skip those objects too. Memory is still freed by reference
counting meanwhile; only reference cycles wait (a few hundred small objects).
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Pause collection until :func:`resume` (if it is on: the caller's choice holds)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Collect again, skipping what exists now (once painted); nothing if not paused."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
