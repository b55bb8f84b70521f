r"""Durable, atomic file operations: the primitives the roster's storage, its backups and
exports are made of.

A write goes to a temporary file in the same folder, is fsynced, ``os.replace``\ s the
target and the folder is fsynced: after a crash the file is either the old or the new
version, never a mix. A path is read only if it names a regular file. The TinyDB storage
built on these is :mod:`nextgen_tui.store.storage`; this module imports neither TinyDB
nor pydantic, so that claiming a file before the app's first paint stays cheap.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from nextgen_tui.errors import (
    UnreadableFileError,
    WriteFailedError,
)
from nextgen_tui.store.siblings import is_temp_name, temp_path

FILE_MODE = 0o600
DIR_MODE = 0o700


@dataclass(frozen=True)
class FileSignature:
    """What identifies one version of the file on disk."""

    mtime_ns: int
    ctime_ns: int  # unlike mtime, no program can set it back
    size: int
    inode: int

    @classmethod
    def of(cls, path: Path) -> FileSignature | None:
        try:
            st = path.stat()
        except FileNotFoundError:
            return None
        return cls.of_stat(st)

    @classmethod
    def of_stat(cls, st: os.stat_result) -> FileSignature:
        return cls(st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino)


def refuse_unless_regular(path: Path, st: os.stat_result | None = None) -> None:
    """:class:`UnreadableFileError` when ``path`` exists and is not a regular file.

    A FIFO would block for ever, ``/dev/zero`` never ends and a folder is no roster: each
    is refused at once, before any lock or temporary file is made beside it.
    """
    if st is None:
        try:
            st = path.stat()
        except OSError:
            return  # missing (a new file) or unreadable: the open says which
    if not stat.S_ISREG(st.st_mode):
        kind = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file"
        raise UnreadableFileError(
            f"{path} is {kind}, so it is not a roster file. Nothing was changed."
        )


def read_regular_file(path: Path) -> tuple[bytes, os.stat_result]:
    """The bytes of ``path`` and its identity as read; only a regular file is read.

    Opened without blocking (a FIFO put in its place cannot hang the app), and the identity
    is taken from the open file before reading: a change made while reading shows later.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        st = os.fstat(fd)
        refuse_unless_regular(path, st)
        # the whole file in one read (no second copy joining chunks), then to its end
        # in case it grew meanwhile
        chunks = [os.read(fd, st.st_size + 1)]
        while chunks[-1] and (chunk := os.read(fd, 1 << 20)):
            chunks.append(chunk)
        return chunks[0] if len(chunks) == 1 else b"".join(chunks), st
    finally:
        os.close(fd)


def fsync_directory(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _describe_os_error(exc: OSError, path: Path) -> str:
    if exc.errno == errno.ENOSPC:
        return f"Could not save {path.name}: the disk is full. Free some space and try again."
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Could not save {path.name}: no permission to write in {path.parent}."
    return f"Could not save {path.name}: {exc.strerror or exc}."


def remove_stale_temp_files(path: Path) -> None:
    """Remove temporary files left by a writer of ``path`` that was killed mid-write.

    Call only while holding the write lock: no other writer can be using them then.
    """
    folder = path.parent
    try:
        with os.scandir(folder) as found:
            names = [entry.name for entry in found if is_temp_name(entry.name, path.name)]
    except OSError:
        return
    for name in names:
        with contextlib.suppress(OSError):
            (folder / name).unlink()


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically and durably, readable by the owner only."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(
    path: Path,
    data: bytes | Sequence[bytes],
    *,
    before_replace: Callable[[], None] | None = None,
) -> FileSignature:
    """Write ``data`` to ``path``: temporary file, fsync, rename over ``path``, fsync folder.

    ``data`` may be a sequence of pieces, written one after the other (no copy of a large
    file joined in memory first).

    The temporary file is created afresh (never through a link left in its place) and
    readable by the owner only, so no other user can read it even for an instant.
    ``before_replace`` runs immediately before the rename; whatever it raises stops the
    write and leaves ``path`` untouched. Returns the identity of what was written, taken
    from the written file itself: if anything writes into it after the rename, the
    identity returned no longer matches the file, so that change is noticed.
    """
    tmp = temp_path(path)
    try:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()  # a stale one, or a link planted there
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(tmp, flags, FILE_MODE)
        try:
            for piece in [data] if isinstance(data, bytes) else data:
                view = memoryview(piece)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
            os.fsync(fd)
            ours = os.fstat(fd)
            if before_replace is not None:
                before_replace()
            os.replace(tmp, path)
            now = os.fstat(fd)  # the rename may change its ctime; a write, its mtime
        finally:
            os.close(fd)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise WriteFailedError(_describe_os_error(exc, path)) from exc
        raise
    fsync_directory(path.parent)
    unchanged = (now.st_mtime_ns, now.st_size) == (ours.st_mtime_ns, ours.st_size)
    return FileSignature.of_stat(now if unchanged else ours)
