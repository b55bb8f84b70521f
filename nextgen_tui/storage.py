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

import contextlib
import errno
import getpass
import glob
import json
import os
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

FILE_MODE = 0o600
DIR_MODE = 0o700


class StoreError(Exception):
    """A storage problem, with a plain-English message for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class LockedError(StoreError):
    """Another process holds the write lock on the file."""


class UnreadableFileError(StoreError):
    """The file is corrupt, empty, foreign, or from a newer version: refused, left as is."""


class FileChangedError(StoreError):
    """The file changed on disk since it was read; writing would lose those changes."""


class ReadOnlyError(StoreError):
    """The store was opened read-only."""


class WriteFailedError(StoreError):
    """The operating system refused the write (disk full, permissions...)."""


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
        return cls(st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino)


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


def _temp_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def remove_stale_temp_files(path: Path) -> None:
    """Remove temporary files left by a writer of ``path`` that was killed mid-write.

    Call only while holding the write lock: no other writer can be using them then.
    """
    for stale in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically and durably, readable by the owner only."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``: temporary file, fsync, rename over ``path``, fsync folder.

    The temporary file is created readable by the owner only, so no other user can read it
    even for an instant.
    """
    tmp = _temp_path(path)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise WriteFailedError(_describe_os_error(exc, path)) from exc
    fsync_directory(path.parent)


class DurableJSONStorage(Storage):
    """A TinyDB storage that never leaves a half-written file behind."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        super().__init__()
        self.path = Path(path)
        self.read_only = read_only
        self._data: dict[str, dict[str, Any]] | None = None
        self._committed_text: str | None = None
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
            raw = self.path.read_bytes()
        except FileNotFoundError:
            self._data, self._committed_text, self._signature = None, None, None
            return
        except OSError as exc:
            raise UnreadableFileError(f"Cannot read {self.path}: {exc.strerror or exc}.") from exc
        self._signature = FileSignature.of(self.path)
        if not raw.strip():
            raise UnreadableFileError(
                f"{self.path} is empty, so it is not a roster file. "
                "Nothing was changed; choose another file or remove this one."
            )
        try:
            text = raw.decode("utf-8")
            data = json.loads(text)
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
        self._committed_text = text

    def discard_changes(self) -> None:
        """Forget unsaved in-memory changes: the next read returns the last saved data."""
        if self._committed_text is None:
            self._data = None
        else:
            self._data = json.loads(self._committed_text)
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

    def _flush(self) -> None:
        assert self._data is not None
        if self.changed_on_disk():
            self.discard_changes()
            raise FileChangedError(
                f"{self.path.name} was changed by another program since it was opened. "
                "Your last change was not saved so as not to overwrite theirs; "
                "reload the file and make it again."
            )
        # compact, and without the cycle check (plain JSON data has no cycles): about twice
        # as fast as json.dumps' defaults on a large roster, which dominates a save's time
        text = json.dumps(
            self._data, ensure_ascii=False, separators=(",", ":"), check_circular=False
        )
        try:
            atomic_write_text(self.path, text)
        except WriteFailedError:
            self.discard_changes()
            raise
        self._committed_text = text
        self._signature = FileSignature.of(self.path)
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


# --------------------------------------------------------------------------- lock


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


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


# --------------------------------------------------------------------------- backups

BACKUPS_KEPT = 10  # the newest versions, whatever their age
DAILY_BACKUPS_KEPT = 30  # plus the newest backup of each of this many days


def backup_folder(path: Path) -> Path:
    return path.with_name(path.name + ".backups")


def backups(path: Path) -> list[Path]:
    """The backups of ``path``, oldest first."""
    folder = backup_folder(path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{path.stem}-*.json"))


def make_backup(path: Path, now: datetime) -> Path | None:
    """Copy the current file into the backup folder and prune old backups.

    The store calls it before the first write of a session and of each new day, so there
    is at least one backup per day of use and a bad session can always be rolled back.
    """
    if not path.exists():
        return None
    folder = backup_folder(path)
    target = folder / f"{path.stem}-{now:%Y%m%d-%H%M%S-%f}.json"
    try:
        folder.mkdir(mode=DIR_MODE, exist_ok=True)
        data = path.read_bytes()
    except OSError as exc:
        raise WriteFailedError(_describe_os_error(exc, target)) from exc
    atomic_write_bytes(target, data)
    prune_backups(path)
    return target


def prune_backups(path: Path) -> None:
    existing = backups(path)
    keep = set(existing[-BACKUPS_KEPT:])
    newest_of_day: dict[str, Path] = {}
    for backup in existing:
        day = backup.stem.removeprefix(f"{path.stem}-")[:8]
        newest_of_day[day] = backup
    for day in sorted(newest_of_day)[-DAILY_BACKUPS_KEPT:]:
        keep.add(newest_of_day[day])
    for backup in existing:
        if backup not in keep:
            with contextlib.suppress(OSError):
                backup.unlink()
