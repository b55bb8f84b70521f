"""What the UI benchmarks share: timing a real keypress until the screen has been redrawn.

``KeyToDraw`` sends a key to a running app (under ``run_test``) the way a terminal would,
waits until the app's state shows the key was handled, then until the next screen refresh
after that: the time a user waits to see the result. ``report`` prints median and p90.
Benchmarks measure and print; they never assert a time.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Callable
from typing import Any

from textual import events
from textual.app import App
from textual.screen import Screen


def report(label: str, seconds: list[float], target_ms: float) -> None:
    """Print the median and 90th percentile of ``seconds`` in milliseconds."""
    ms = sorted(s * 1000 for s in seconds)
    p90 = ms[max(int(len(ms) * 0.9) - 1, 0)]
    print(
        f"{label:<42} median {statistics.median(ms):7.2f} ms   p90 {p90:7.2f} ms   "
        f"(n={len(ms)}; target {target_ms:g} ms)"
    )


class KeyToDraw:
    """Times keys sent to ``app`` until ``screen`` is redrawn with their result."""

    def __init__(self, app: App[Any], screen: Screen[Any]) -> None:
        self.app = app
        self.drawn: list[float] = []
        original = screen._compositor_refresh

        def record() -> None:
            original()
            self.drawn.append(time.perf_counter())

        screen._compositor_refresh = record  # type: ignore[method-assign]

    async def press(self, key: str, character: str | None, done: Callable[[], bool]) -> float:
        """Send ``key``; return the seconds until ``done()`` holds and the screen is drawn."""
        assert self.app._driver is not None
        started = time.perf_counter()
        self.app._driver.send_message(events.Key(key, character))
        while not done():
            if time.perf_counter() - started > 30:
                raise TimeoutError(f"no result after the key {key!r}")
            await asyncio.sleep(0.0002)
        ready = time.perf_counter()
        while not self.drawn or self.drawn[-1] < ready:
            await asyncio.sleep(0.0002)
        return self.drawn[-1] - started
