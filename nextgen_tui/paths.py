"""Where files live: the user's default roster file and the bundled demo."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path

APP_DIR_NAME = "sector-partnership-roster"
_PACKAGE_DIR = Path(__file__).resolve().parent


def default_data_path() -> Path:
    """The roster file used when no ``--db`` is given (created on first use)."""
    return user_data_path(APP_DIR_NAME, appauthor=False) / "roster.json"


def bundled_demo_path() -> Path:
    """The shipped demo file: ``data/demo.json`` in a checkout, or inside an installed wheel."""
    for candidate in (
        _PACKAGE_DIR.parent / "data" / "demo.json",
        _PACKAGE_DIR / "bundled" / "demo.json",
    ):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("The bundled demo file is missing from this installation.")
