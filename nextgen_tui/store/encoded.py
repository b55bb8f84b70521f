"""The file's JSON kept per record, so that saving a change re-encodes only the change.

A roster file is one JSON object: table name -> document id -> document. Encoding all of
it on every save cost most of a save's time at 10,000 people. :class:`EncodedFile` keeps
the encoded bytes of each table and, once a table is edited, of each of its documents; a
save re-encodes the documents that changed and joins bytes that are already encoded. The
result is byte for byte what ``json.dumps(data, ensure_ascii=False, separators=(",", ":"))``
gives (compact, UTF-8), which the tests check.
"""

from __future__ import annotations

import json
from typing import Any

from nextgen_tui.store.schema import RawData

# compact, and without the cycle check (plain JSON data has no cycles)
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def encode_json(value: Any) -> bytes:
    """``value`` as compact UTF-8 JSON."""
    return _ENCODER.encode(value).encode("utf-8")


class EncodedFile:
    """The raw data of a roster file with its encoding cached table by table."""

    def __init__(self, data: RawData) -> None:
        self.data = data
        #: table -> its members' encoded bytes (``"id":{...}``), once the table was edited
        self._entries: dict[str, dict[str, bytes]] = {}
        #: table -> the encoded bytes of its members, comma-separated, without braces
        self._bodies: dict[str, bytes] = {}

    def put(self, table: str, key: str, doc: dict[str, Any] | None) -> None:
        """Store ``doc`` under ``key`` in ``table`` (``None`` removes it)."""
        docs = self.data.setdefault(table, {})
        entries = self._entries_of(table)
        if doc is None:
            docs.pop(key, None)
            entries.pop(key, None)
        else:
            docs[key] = doc
            entries[key] = encode_json(key) + b":" + encode_json(doc)
        self._bodies.pop(table, None)

    def _entries_of(self, table: str) -> dict[str, bytes]:
        entries = self._entries.get(table)
        if entries is None:  # the first edit of this table encodes its members one by one
            docs = self.data.get(table, {})
            entries = {key: encode_json(key) + b":" + encode_json(doc) for key, doc in docs.items()}
            self._entries[table] = entries
        return entries

    def _body(self, table: str) -> bytes:
        body = self._bodies.get(table)
        if body is None:
            entries = self._entries.get(table)
            if entries is None:  # never edited: encode the table in one go
                body = encode_json(self.data[table])[1:-1]
            else:
                body = b",".join(entries.values())
            self._bodies[table] = body
        return body

    def encode(self) -> bytes:
        """The whole file, as ``json.dumps`` would write it (compact, UTF-8)."""
        parts = []
        for table, docs in self.data.items():
            if isinstance(docs, dict):
                parts.append(encode_json(table) + b":{" + self._body(table) + b"}")
            else:  # not a table (refused on open; encoded as is all the same)
                parts.append(encode_json(table) + b":" + encode_json(docs))
        return b"{" + b",".join(parts) + b"}"
