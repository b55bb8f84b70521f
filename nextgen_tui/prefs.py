"""Preferences remembered between runs: the theme, and per roster file the last partnership
and stage viewed.

They live in ``prefs.json`` in the user's config folder (``platformdirs``; the
``ROSTER_CONFIG_DIR`` environment variable points elsewhere, e.g. in tests). The file is
written atomically (a temporary file renamed over it). A missing, unreadable or broken
file means "no preferences": it is never fatal, and the next save replaces it.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import user_config_path

from nextgen_tui.paths import APP_DIR_NAME

CONFIG_DIR_ENV = "ROSTER_CONFIG_DIR"
PREFS_NAME = "prefs.json"


def prefs_path() -> Path:
    """Where the preferences are kept."""
    override = os.environ.get(CONFIG_DIR_ENV)
    folder = Path(override) if override else user_config_path(APP_DIR_NAME, appauthor=False)
    return folder / PREFS_NAME


@dataclass(frozen=True)
class Place:
    """Where the convener was in one roster file: a partnership and the stage viewed."""

    partnership_id: int
    stage: str


@dataclass
class Prefs:
    theme: str | None = None
    #: Absolute roster file path -> the last place viewed in it.
    places: dict[str, Place] = field(default_factory=dict)

    def place(self, roster: Path) -> Place | None:
        return self.places.get(str(roster.resolve()))

    def remember(self, roster: Path, partnership_id: int, stage: str) -> None:
        self.places[str(roster.resolve())] = Place(partnership_id, stage)


def load_prefs(path: Path | None = None) -> Prefs:
    """The saved preferences; empty ones when the file is missing or not understood."""
    path = path or prefs_path()
    try:
        raw: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Prefs()
    if not isinstance(raw, dict):
        return Prefs()
    theme = raw.get("theme")
    prefs = Prefs(theme=theme if isinstance(theme, str) and theme else None)
    places = raw.get("places")
    if isinstance(places, dict):
        for roster, place in places.items():
            if not isinstance(place, dict):
                continue
            pid, stage = place.get("partnership_id"), place.get("stage")
            if isinstance(pid, int) and not isinstance(pid, bool) and isinstance(stage, str):
                prefs.places[str(roster)] = Place(pid, stage)
    return prefs


def save_prefs(prefs: Prefs, path: Path | None = None) -> bool:
    """Write the preferences atomically; ``False`` (nothing lost but them) when it fails."""
    path = path or prefs_path()
    data = {
        "theme": prefs.theme,
        "places": {
            roster: {"partnership_id": p.partnership_id, "stage": p.stage}
            for roster, p in prefs.places.items()
        },
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".prefs-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(data, out, indent=2)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True
