"""The files that live beside a roster file, and their names.

A roster ``team.json`` has a lock (``team.json.lock``), a backups folder
(``team.json.backups/``) and, while a save is under way, a temporary file
(``.team.json.PID.tmp``). Every module that creates one of them takes its name from
here, and :func:`own_file_kind` tells whether a path, however it is spelled, is one of
them (so that nothing else writes there).
"""

from __future__ import annotations

import os
from pathlib import Path


def roster_target(path: Path) -> Path:
    """The file a roster path names: the link's target when a link leads there.

    A path without links is returned as written, so messages show it as the user typed it.
    """
    real = Path(os.path.realpath(path))
    return path if real == Path(os.path.abspath(path)) else real


def lock_path(path: Path) -> Path:
    """The one-writer lock file of the roster ``path``."""
    return path.with_name(path.name + ".lock")


def backup_folder(path: Path) -> Path:
    """The folder of rolling backups of the roster ``path``."""
    return path.with_name(path.name + ".backups")


def temp_path(path: Path) -> Path:
    """This process's temporary file for an atomic write of ``path``."""
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def is_temp_name(name: str, of_name: str, *, fold_case: bool = False) -> bool:
    """Whether ``name`` is the name of a temporary file of a write of ``of_name``.

    Compared as plain text (no glob pattern). ``fold_case`` for folders that ignore case.
    """
    if fold_case:
        name, of_name = name.casefold(), of_name.casefold()
    prefix = f".{of_name}."
    if not (name.startswith(prefix) and name.endswith(".tmp")):
        return False
    pid = name[len(prefix) : -len(".tmp")]
    return pid.isascii() and pid.isdigit()


def _same(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` are the same existing file or folder (links followed)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def _spellings(path: Path) -> list[Path]:
    """``path`` made absolute as written (``..`` folded) and with every link resolved."""
    written = Path(os.path.abspath(path))
    try:
        real = path.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return [written]
    return [written] if real == written else [written, real]


def own_file_kind(candidate: Path, roster: Path) -> str | None:
    """What ``candidate`` is to the roster ``roster``, or ``None`` when it is none of its files.

    One of ``"roster"``, ``"lock"``, ``"backup"`` (the backups folder or a file in it) or
    ``"temp"``. Compared both by resolved path (relative, ``..``, links) and, for files that
    exist, by identity (a hard link, another spelling of the same folder).
    """
    candidate = candidate.expanduser()
    for target in _spellings(roster.expanduser()):
        backups = backup_folder(target)
        for spelled in _spellings(candidate):
            if spelled == target:
                return "roster"
            if spelled == lock_path(target):
                return "lock"
            if spelled == backups or backups in spelled.parents:
                return "backup"
            if spelled.parent == target.parent and is_temp_name(
                spelled.name, target.name, fold_case=True
            ):
                return "temp"
        if _same(candidate, target):
            return "roster"
        if _same(candidate, lock_path(target)):
            return "lock"
        if _same(candidate, backups) or _same(candidate.parent, backups):
            return "backup"
        if _same(candidate.parent, target.parent) and is_temp_name(
            candidate.name, target.name, fold_case=True
        ):
            return "temp"
    return None
