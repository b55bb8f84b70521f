"""Where the shared stylesheet lives: the App loads it as its ``CSS_PATH``."""

from __future__ import annotations

from pathlib import Path

STYLESHEET = Path(__file__).with_name("app.tcss")
