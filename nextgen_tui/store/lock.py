"""The one-writer lock: a ``FILE.lock`` beside the roster, held with ``flock`` and
naming its holder, so a second writer is told who has the file.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
from datetime import datetime
from pathlib import Path

from nextgen_tui.errors import LockedError, StoreError
from nextgen_tui.store.durable import FILE_MODE
from nextgen_tui.store.siblings import lock_path

# --------------------------------------------------------------------------- lock


class FileLock:
    """One writer per data file: an exclusive ``flock`` on a sidecar ``.lock`` file.

    The operating system releases the lock when the holder dies, so a crash never leaves a
    stale lock. The lock file names its holder, for the message a second process shows.
    """

    def __init__(self, path: Path) -> None:
        self.path = lock_path(path)
        self._fd: int | None = None

    def acquire(self) -> None:
        import fcntl  # POSIX only; imported here so the module loads everywhere

        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        except OSError as exc:
            raise StoreError(
                f"Cannot create the lock file {self.path}: {exc.strerror or exc}."
            ) from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.read(fd, 4096).decode("utf-8", "replace")
            os.close(fd)
            raise LockedError(
                f"{self.path.name.removesuffix('.lock')} is already open for editing "
                f"({describe_holder(holder)}). Close it there first, or open it read-only "
                "with --read-only."
            ) from None
        info = {
            "user": _user(),
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "since": datetime.now().isoformat(timespec="seconds"),
        }
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, json.dumps(info).encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        import fcntl

        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def describe_holder(text: str) -> str:
    try:
        info = json.loads(text)
        return (
            f"by {info['user']} on {info['host']}, process {info['pid']}, "
            f"since {info['since'].replace('T', ' ')}"
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return "by another program"
