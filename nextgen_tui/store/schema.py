"""What a roster file must hold: its format name, schema version and tables, the
migrations from older versions, and the check of every record when a file is opened.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from nextgen_tui.errors import UnreadableFileError
from nextgen_tui.models import (
    ActionTeam,
    Convening,
    LaunchMeeting,
    Organization,
    Partnership,
    Person,
    Record,
    RoleAssignment,
    explain,
)
from nextgen_tui.store.header import FORMAT_NAME, META_TABLE, SCHEMA_VERSION

#: Table name -> model of its documents.
TABLES: dict[str, type[Record]] = {
    "organizations": Organization,
    "people": Person,
    "partnerships": Partnership,
    "roles": RoleAssignment,
    "launches": LaunchMeeting,
    "teams": ActionTeam,
    "convenings": Convening,
}
TABLE_OF: dict[type[Record], str] = {model: name for name, model in TABLES.items()}

#: The raw data of a file: table name -> document id (a string) -> document.
RawData = dict[str, dict[str, Any]]

#: Migrations from version N to N+1, applied in order to the raw data of an older file.
Migration = Callable[[RawData], None]
MIGRATIONS: dict[int, Migration] = {}


def fresh_data(created: str) -> RawData:
    """The data of a new, empty roster file."""
    meta = {"format": FORMAT_NAME, "schema_version": SCHEMA_VERSION, "created": created}
    return {META_TABLE: {"1": meta}, **{table: {} for table in TABLES}}


def file_version(path: Path, data: RawData) -> int:
    """The schema version of ``data``, refusing files of another kind or a newer app."""
    meta = data.get(META_TABLE, {}).get("1")
    if not isinstance(meta, dict) or meta.get("format") != FORMAT_NAME:
        raise UnreadableFileError(
            f"{path} is not a roster file of this app (it is JSON of another "
            "kind). Nothing was changed; choose another file."
        )
    version = meta.get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise UnreadableFileError(
            f"{path} has no valid schema version; it may be damaged. Nothing was changed."
        )
    if version > SCHEMA_VERSION:
        raise UnreadableFileError(
            f"{path} was saved by a newer version of this app (data version "
            f"{version}; this app reads up to {SCHEMA_VERSION}). Update the app to "
            "open it. Nothing was changed."
        )
    unknown = set(data) - set(TABLES) - {META_TABLE}
    if unknown:
        raise UnreadableFileError(
            f"{path} holds tables this app does not know "
            f"({', '.join(sorted(unknown))}). Nothing was changed."
        )
    return version


def outdated(version: int) -> bool:
    """Whether a file of schema ``version`` must be migrated before use."""
    return version < SCHEMA_VERSION


def migrate(data: RawData, version: int) -> None:
    """Bring ``data`` of schema ``version`` up to :data:`SCHEMA_VERSION`, in place."""
    for step in range(version, SCHEMA_VERSION):
        MIGRATIONS[step](data)
    data[META_TABLE]["1"]["schema_version"] = SCHEMA_VERSION


@functools.cache
def _list_adapter(model: type[Record]) -> TypeAdapter[list[Record]]:
    return TypeAdapter(list[model])  # type: ignore[valid-type]


def parse_table(path: Path, table: str, docs: object) -> dict[int, Record]:
    """Every document of ``table`` as a validated model, so a damaged file is refused on
    open, not mid-session. Nothing is trusted: each document goes through full validation,
    all of a table's in one call to pydantic (a call per document cost a fifth of opening).

    The documents are validated as they are (no copy of each with its id added: a tenth
    of opening); each record's id is then its key, set on the model without validating
    again (the key was just checked to be an integer; a document's own ``id``, which the
    app never writes, is validated like any field and then replaced by its key).
    """
    if not isinstance(docs, dict):
        raise UnreadableFileError(
            f"{path} is damaged: its {table} are not a table. Nothing was changed."
        )
    if not docs:
        return {}
    try:
        ids = list(map(int, docs))
        if min(ids) < 0:
            raise ValueError("a record id must not be negative")
        parsed = _list_adapter(TABLES[table]).validate_python(list(docs.values()))
    except (ValueError, TypeError, ValidationError):
        pass  # find the first bad document, to name it
    else:
        for record, doc_id in zip(parsed, ids, strict=True):
            # the model's own storage: assigning the attribute would validate it again
            record.__dict__["id"] = doc_id
        return dict(zip(ids, parsed, strict=True))
    validate = TABLES[table].model_validate
    for key, doc in docs.items():
        try:
            doc_id = int(key)
            if not isinstance(doc, dict):
                raise TypeError("a record is a JSON object")
            validate({**doc, "id": doc_id})
            validate(doc)  # its own id too, if it has one
        except (ValueError, TypeError, ValidationError) as exc:
            detail = explain(exc) if isinstance(exc, ValidationError) else ""
            raise UnreadableFileError(
                f"{path} is damaged: record {key} of {table} is not valid. "
                f"{detail} Nothing was changed."
            ) from exc
    raise AssertionError("a table that failed validation as a whole has no bad record")
