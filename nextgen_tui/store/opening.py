"""Opening a roster file in two steps: claim it (cheap), then load it (the full check).

Claiming is what must happen before the app shows anything: the path names a regular
file (or a new one in an existing folder), the one-writer lock is taken, the temporary
files a killed writer left are removed. Loading (:class:`~.repository.Store` given the
claimed file) reads every record and validates it: the app does that in a worker after
its first paint. :func:`read_later` tells whether the load may wait: it may for a roster of
this version (the cheap check of its header, :func:`looks_like_roster`), whatever its
size; any other file (new, older, foreign, damaged at the start) is loaded at once, so that
it is refused (or created, or upgraded) before the app starts.

Why every roster, even the small demo: the models (pydantic) take longer to import and
build than Textual takes to paint its first screen, so waiting for them before painting
left the terminal blank for about 1.6 times as long as a bare Textual app's start. The load
costs in the worker what it cost before the paint, so the roster shows about as soon as
before (``benchmarks/startup.py`` times both).

Nothing here imports the models (pydantic): the app's first paint does not wait for them.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from nextgen_tui.errors import StoreError, UnreadableFileError
from nextgen_tui.store.backups import remove_stale_backup_temps
from nextgen_tui.store.durable import refuse_unless_regular, remove_stale_temp_files
from nextgen_tui.store.header import FORMAT_NAME, META_TABLE, SCHEMA_VERSION
from nextgen_tui.store.lock import FileLock
from nextgen_tui.store.siblings import roster_target

#: How much of the file's start :func:`looks_like_roster` reads (its ``_meta`` header).
HEAD_BYTES = 4096

_META_FIRST = re.compile(r'\s*\{\s*"' + META_TABLE + r'"\s*:\s*')


@dataclass
class ClaimedFile:
    """A roster file claimed for opening: checked, and locked unless ``read_only``.

    The store made from it takes the lock over; :meth:`release` lets it go if no store
    was made (the load failed, or the app quit first). Releasing twice is harmless.
    """

    path: Path
    read_only: bool
    lock: FileLock | None

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()

    close = release  #: as a store is closed


def claim(path: str | Path, *, read_only: bool = False, create: bool = True) -> ClaimedFile:
    """Check ``path`` cheaply and take its lock (unless ``read_only``).

    A link is followed: the lock and the temporary files go beside the real file. Raises a
    :class:`StoreError` (one plain line) for a missing file that may not be created, a
    folder or device, a missing folder, or a file another copy of the app is editing.
    """
    # a roster reached through a link is the link's target: the lock, the temporary
    # file, the backups and the rename all go beside the real file; the link stays
    target = roster_target(Path(path).expanduser())
    if not target.exists() and (read_only or not create):
        raise UnreadableFileError(f"There is no roster file at {target}.")
    refuse_unless_regular(target)  # before a lock is made beside a FIFO or a device
    if read_only:
        return ClaimedFile(target, True, None)
    if not target.parent.is_dir():
        raise StoreError(f"The folder {target.parent} does not exist.")
    lock = FileLock(target)
    lock.acquire()
    remove_stale_temp_files(target)
    remove_stale_backup_temps(target)
    return ClaimedFile(target, False, lock)


def read_later(claimed: ClaimedFile) -> bool:
    """Whether the app may read the file after its first paint: its header says it is a
    roster of this version (so any problem left is deep inside, found by the full check,
    and told in the same one line)."""
    return looks_like_roster(claimed.path)


def looks_like_roster(path: Path) -> bool:
    """Whether the file starts with this app's header for this schema version.

    Reads only the first :data:`HEAD_BYTES`. ``False`` when in any doubt (no file yet,
    another kind of JSON, an older or newer version, a header further down): such a file
    is loaded before the app starts, so its problems are told as before, in one line.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        head = os.read(fd, HEAD_BYTES)
    except OSError:
        return False
    finally:
        os.close(fd)
    text = head.decode("utf-8-sig", errors="replace")
    start = _META_FIRST.match(text)
    if start is None:
        return False
    try:
        meta, _end = json.JSONDecoder().raw_decode(text, start.end())
    except ValueError:  # not JSON, or a header longer than the bytes read
        return False
    header = meta.get("1") if isinstance(meta, dict) else None
    return (
        isinstance(header, dict)
        and header.get("format") == FORMAT_NAME
        and type(header.get("schema_version")) is int
        and header["schema_version"] == SCHEMA_VERSION
    )
