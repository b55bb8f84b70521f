"""The one-writer lock: a ``FILE.lock`` beside the roster, held with ``flock`` and
naming its holder, so a second writer is told who has the file.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import os
import socket
import stat
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

        for _attempt in range(10):
            fd = self._open()
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                holder = _read_holder(fd)
                os.close(fd)
                raise LockedError(
                    f"{self.path.name.removesuffix('.lock')} is already open for editing "
                    f"({describe_holder(holder)}). Close it there first, or open it read-only "
                    "with --read-only."
                ) from None
            if _still_named(fd, self.path):
                break
            # the holder before us removed the file on release: lock the one there now
            os.close(fd)
        else:
            raise StoreError(f"Cannot take the lock file {self.path}: it keeps changing.")
        info = {
            "user": _user(),
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "since": datetime.now().isoformat(timespec="seconds"),
        }
        # who holds the lock is a courtesy for the message a second writer shows: on a full
        # disk it is left out, and the first save says plainly that the disk is full
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, json.dumps(info).encode())
        self._fd = fd

    def _open(self) -> int:
        """Open (or create) the lock file itself: never a file a link points to."""
        flags = os.O_RDWR | os.O_CREAT | os.O_NONBLOCK | os.O_CLOEXEC
        try:
            fd = os.open(self.path, flags | getattr(os, "O_NOFOLLOW", 0), FILE_MODE)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise StoreError(
                    f"The lock file {self.path} is a link; a lock file must be a plain file. "
                    "Nothing was changed; remove the link and try again."
                ) from None
            raise StoreError(
                f"Cannot create the lock file {self.path}: {exc.strerror or exc}."
            ) from exc
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise StoreError(
                f"The lock file {self.path} is not a plain file. "
                "Nothing was changed; remove it and try again."
            )
        return fd

    def release(self) -> None:
        """Let go of the lock and remove the lock file, so no ``FILE.lock`` stays behind.

        The file is removed while the lock is still held; a writer that opened it just
        before sees that it is no longer named so (:func:`_still_named`) and locks the new one.
        """
        if self._fd is None:
            return
        import fcntl

        with contextlib.suppress(OSError):
            if _still_named(self._fd, self.path):
                self.path.unlink()
        with contextlib.suppress(OSError):
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None


def _still_named(fd: int, path: Path) -> bool:
    """Whether the open file ``fd`` is still the file at ``path``."""
    try:
        here, there = os.fstat(fd), os.lstat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _read_holder(fd: int) -> str:
    try:
        return os.read(fd, 4096).decode("utf-8", "replace")
    except OSError:
        return ""


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
