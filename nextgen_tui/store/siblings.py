"""The files that live beside a roster file, and their names.

A roster ``team.json`` has a lock (``team.json.lock``), a backups folder
(``team.json.backups/``) and, while a save is under way, a temporary file
(``.team.json.PID.tmp``). Every module that creates one of them takes its name from here.
"""

from __future__ import annotations

import os
from pathlib import Path


def lock_path(path: Path) -> Path:
    """The one-writer lock file of the roster ``path``."""
    return path.with_name(path.name + ".lock")


def backup_folder(path: Path) -> Path:
    """The folder of rolling backups of the roster ``path``."""
    return path.with_name(path.name + ".backups")


def temp_path(path: Path) -> Path:
    """This process's temporary file for an atomic write of ``path``."""
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")
