"""The TinyDB storage of a roster file: durable, cached, and refusing a file changed on disk.

Why not TinyDB's stock ``JSONStorage``: it rewrites the data file in place, so a process
killed mid-write leaves a truncated file. :class:`DurableJSONStorage` writes through
:func:`~nextgen_tui.store.durable.atomic_write_bytes` (temporary file, fsync, rename,
fsync of the folder): after a crash the file is either the old or the new version.

It also keeps the parsed data in memory (TinyDB reads the whole storage before every
operation), refuses to write over a file that changed on disk since it was read, and can
defer writes so that a group of changes lands in one atomic write.
"""

from __future__ import annotations

import codecs
import contextlib
import json
from collections.abc import Iterator
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
from nextgen_tui.store.durable import FileSignature, atomic_write_bytes, read_regular_file
from nextgen_tui.store.siblings import backup_folder


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
