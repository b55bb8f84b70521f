"""What the UI benchmarks share: timing a real keypress until the screen has been redrawn.

``KeyToDraw`` sends a key to a running app (under ``run_test``) the way a terminal would
and stops the clock at the first screen refresh made once the app's state shows the key
was handled: the time a user waits to see the result. ``report`` prints median and p90.
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
        self._done: Callable[[], bool] | None = None
        self._result_drawn: float | None = None
        original = screen._compositor_refresh

        def record() -> None:
            original()
            now = time.perf_counter()
            self.drawn.append(now)
            # the first refresh made once the result holds is the one that shows it
            # (checked here: a poll from outside may wake up only after that refresh,
            # and then wait for an unrelated one, a cursor blink, a second later)
            if self._done is not None and self._result_drawn is None and self._done():
                self._result_drawn = now

        screen._compositor_refresh = record  # type: ignore[method-assign]

    async def press(self, key: str, character: str | None, done: Callable[[], bool]) -> float:
        """Send ``key``; return the seconds until the first screen refresh with ``done()``."""
        assert self.app._driver is not None
        self._done, self._result_drawn = done, None
        started = time.perf_counter()
        self.app._driver.send_message(events.Key(key, character))
        try:
            while self._result_drawn is None:
                if time.perf_counter() - started > 30:
                    raise TimeoutError(f"no result after the key {key!r}")
                await asyncio.sleep(0.0002)
        finally:
            self._done = None
        return self._result_drawn - started
