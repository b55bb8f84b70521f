"""Durable, atomic file storage for TinyDB, the single-writer lock, and rolling backups.

Why not TinyDB's stock ``JSONStorage``: it rewrites the data file in place, so a process
killed mid-write leaves a truncated file. :class:`DurableJSONStorage` writes a temporary
file in the same folder, fsyncs it, ``os.replace``\\ s it over the data file and fsyncs the
folder: after a crash the file is either the old or the new version, never a mix.

It also keeps the parsed data in memory (TinyDB reads the whole storage before every
operation), refuses to write over a file that changed on disk since it was read, and can
defer writes so that a group of changes lands in one atomic write.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import json
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic_core import from_json
from tinydb.storages import Storage

from nextgen_tui.errors import (
    FileChangedError,
    ReadOnlyError,
    UnreadableFileError,
    WriteFailedError,
)
from nextgen_tui.store.siblings import backup_folder, is_temp_name, temp_path

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


def parse_json(raw: str | bytes) -> Any:
    """``json.loads(raw)``, done by pydantic's JSON parser (jiter) where it can: twice as
    fast on a roster, and a string repeated across records (a kind, a region, an empty
    note) is one object, not one per record. What it refuses (damaged JSON, but also
    lone surrogates or deep nesting, which the standard parser accepts or names) goes to
    ``json.loads``, so a file is read, or refused with its error, exactly as before.
    """
    try:
        return from_json(raw, cache_strings="all")
    except ValueError:
        return json.loads(raw.decode("utf-8") if isinstance(raw, bytes) else raw)


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


class DurableJSONStorage(Storage):
    """A TinyDB storage that never leaves a half-written file behind."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        super().__init__()
        self.path = Path(path)
        self.read_only = read_only
        self._data: dict[str, dict[str, Any]] | None = None
        # JSON of the last saved data (as read, or the pieces last written)
        self._committed_text: str | bytes | list[bytes] | None = None
        self._signature: FileSignature | None = None
        self._deferred = 0
        self._dirty = False

    # -- reading

    def read(self) -> dict[str, dict[str, Any]] | None:
        if self._data is None:
            self._load()
        return self._data

    def _load(self) -> None:
        try:
            raw, identity = read_regular_file(self.path)
        except FileNotFoundError:
            self._data, self._committed_text, self._signature = None, None, None
            return
        except OSError as exc:
            raise UnreadableFileError(f"Cannot read {self.path}: {exc.strerror or exc}.") from exc
        self._signature = FileSignature.of_stat(identity)
        if not raw or raw.isspace():
            raise UnreadableFileError(
                f"{self.path} is empty, so it is not a roster file. "
                "Nothing was changed; choose another file or remove this one."
            )
        raw = raw.removeprefix(codecs.BOM_UTF8)  # a text editor may have added one
        try:
            data = parse_json(raw)
        except RecursionError as exc:
            raise UnreadableFileError(
                f"{self.path} is not a roster file (its JSON is nested too deeply). "
                "Nothing was changed."
            ) from exc
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise UnreadableFileError(
                f"{self.path} is damaged or is not a roster file (it is not valid JSON). "
                "Nothing was changed; restore it from a backup in "
                f"{backup_folder(self.path).name}/."
            ) from exc
        if not isinstance(data, dict):
            raise UnreadableFileError(
                f"{self.path} is not a roster file (it holds JSON of another shape). "
                "Nothing was changed."
            )
        self._data = data
        self._committed_text = raw

    def discard_changes(self) -> None:
        """Forget unsaved in-memory changes: the next read returns the last saved data."""
        if self._committed_text is None:
            self._data = None
        elif isinstance(self._committed_text, list):
            self._data = parse_json(b"".join(self._committed_text))
        else:
            self._data = parse_json(self._committed_text)
        self._dirty = False

    def reload(self) -> None:
        """Drop everything in memory and read the file again."""
        self._data = None
        self._dirty = False
        self._load()

    def changed_on_disk(self) -> bool:
        return FileSignature.of(self.path) != self._signature

    # -- writing

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self.read_only:
            self.discard_changes()
            raise ReadOnlyError(f"{self.path.name} is open read-only; changes cannot be saved.")
        self._data = data
        if self._deferred:
            self._dirty = True
            return
        self._flush()

    def _refuse_if_changed(self) -> None:
        if self.changed_on_disk():
            raise FileChangedError(
                f"{self.path.name} was changed by another program since it was opened. "
                "Your last change was not saved so as not to overwrite theirs; "
                "reload the file and make it again."
            )

    def write_encoded(self, data: dict[str, dict[str, Any]], encoded: list[bytes]) -> None:
        """Save ``data``, which the caller has encoded as the pieces ``encoded`` (compact
        UTF-8 JSON once joined; kept, never changed, as the last saved data).

        For a caller that keeps the encoding of what did not change (the repository does),
        so a save costs the change, not the file. The same checks and atomic, durable write
        as :meth:`write`; not for use inside :meth:`deferred`.
        """
        if self.read_only:
            self.discard_changes()
            raise ReadOnlyError(f"{self.path.name} is open read-only; changes cannot be saved.")
        assert not self._deferred, "write_encoded writes at once"
        self._data = data
        self._flush(encoded)

    def _flush(self, encoded: bytes | list[bytes] | None = None) -> None:
        assert self._data is not None
        try:
            self._refuse_if_changed()
        except FileChangedError:
            self.discard_changes()
            raise
        # compact, and without the cycle check (plain JSON data has no cycles): about twice
        # as fast as json.dumps' defaults on a large roster, which dominates a save's time
        if encoded is None:
            encoded = json.dumps(
                self._data, ensure_ascii=False, separators=(",", ":"), check_circular=False
            ).encode("utf-8")
        try:
            # checked again right before the rename: a change made while this one was
            # being written is refused too, never overwritten
            signature = atomic_write_bytes(
                self.path, encoded, before_replace=self._refuse_if_changed
            )
        except (WriteFailedError, FileChangedError):
            self.discard_changes()
            raise
        self._committed_text = encoded
        self._signature = signature
        self._dirty = False

    @contextlib.contextmanager
    def deferred(self) -> Iterator[None]:
        """Group writes: everything inside lands in one atomic write, or none of it."""
        self._deferred += 1
        try:
            yield
        except BaseException:
            self._deferred -= 1
            if not self._deferred:
                self.discard_changes()
            raise
        self._deferred -= 1
        if not self._deferred and self._dirty:
            self._flush()

    def close(self) -> None:
        self._data = None
