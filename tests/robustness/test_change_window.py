"""No window for an external change: one made while a save is written, or right after its
rename, is never overwritten without a word."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from nextgen_tui.errors import FileChangedError
from nextgen_tui.store.repository import Store
from tests.support.factories import person


def _theirs(path: Path, name: str) -> bytes:
    """Another program writes the file in place, as an editor on a shared drive might."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["people"]["99"] = {"name": name}
    content = json.dumps(data).encode()
    with path.open("r+b") as out:
        out.write(content)
        out.truncate()
    return content


def test_a_change_made_while_the_save_is_written_is_refused_not_overwritten(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ann = person(store, "Ann")
    real_fsync = os.fsync
    written: list[bytes] = []

    def fsync_then_they_write(fd: int) -> None:
        real_fsync(fd)
        if not written and stat.S_ISREG(os.fstat(fd).st_mode):  # our temp file, not the folder
            written.append(_theirs(db_path, "Written while we saved"))

    monkeypatch.setattr(os, "fsync", fsync_then_they_write)
    with pytest.raises(FileChangedError) as info:
        store.save_person(ann.updated(title="Director"))
    monkeypatch.undo()
    assert info.value.message == (
        "roster.json was changed by another program since it was opened. Your last change "
        "was not saved so as not to overwrite theirs; reload the file and make it again."
    )
    assert db_path.read_bytes() == written[0]  # theirs, intact
    assert sorted(p.name for p in db_path.parent.iterdir() if p.name.endswith(".tmp")) == []
    assert store.person(ann.id).title == ""  # the refused change is not in the store
    store.reload()
    assert {p.name for p in store.people()} == {"Ann", "Written while we saved"}


def test_a_change_made_right_after_the_rename_is_noticed_by_the_next_save(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ann = person(store, "Ann")
    real_replace = os.replace
    theirs: list[bytes] = []

    def replace_then_they_write(src: str, dst: str) -> None:
        real_replace(src, dst)
        if not theirs and Path(dst) == db_path:
            theirs.append(_theirs(db_path, "Written just after"))

    monkeypatch.setattr(os, "replace", replace_then_they_write)
    store.save_person(ann.updated(title="Director"))  # ours lands; theirs follows in place
    monkeypatch.undo()
    with pytest.raises(FileChangedError):
        store.save_person(ann.updated(title="Chair"))
    assert db_path.read_bytes() == theirs[0]


def test_a_save_records_the_identity_of_what_it_wrote(store: Store, db_path: Path) -> None:
    ann = person(store, "Ann")
    store.save_person(ann.updated(title="Director"))
    store.save_person(ann.updated(title="Chair"))  # no false alarm after our own renames
    assert json.loads(db_path.read_text(encoding="utf-8"))["people"][str(ann.id)]["title"] == (
        "Chair"
    )
