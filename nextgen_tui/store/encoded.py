"""The file's JSON kept per record, so that saving a change re-encodes only the change.

A roster file is one JSON object: table name -> document id -> document. Encoding all of
it on every save cost most of a save's time at 10,000 people. :class:`EncodedFile` keeps
the encoded bytes of each table and, once a table is edited, of each of its documents in
blocks of ``BLOCK`` documents; a save re-encodes the documents that changed, joins the
block that holds them again and then every part in one final join (one copy of the file).
The result is byte for byte what ``json.dumps(data, ensure_ascii=False,
separators=(",", ":"))`` gives (compact, UTF-8), which the tests check.
"""

from __future__ import annotations

import itertools
import json
from typing import Any

from nextgen_tui.store.schema import RawData

#: Documents per block of an edited table: a save joins one block again, then the blocks.
BLOCK = 512

#: Documents encoded at a time in a table encoded whole.
SLICE = 4096

# compact, and without the cycle check (plain JSON data has no cycles)
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def encode_json(value: Any) -> bytes:
    """``value`` as compact UTF-8 JSON."""
    return _ENCODER.encode(value).encode("utf-8")


def _encode_body(docs: dict[str, Any]) -> list[bytes]:
    """A table's documents without its braces, in pieces of ``SLICE`` documents joined by
    commas: encoding 50,000 documents at once would hold its text, its bytes and a slice
    of them (three copies of the table) at the same time."""
    if len(docs) <= SLICE:
        return [encode_json(docs)[1:-1]] if docs else []
    items = iter(docs.items())
    pieces: list[bytes] = []
    while piece := dict(itertools.islice(items, SLICE)):
        pieces += (b",", encode_json(piece)[1:-1]) if pieces else (encode_json(piece)[1:-1],)
    return pieces


class _Blocks:
    """An edited table's documents, encoded one by one (``"id":{...}``), in file order."""

    def __init__(self, docs: dict[str, Any]) -> None:
        self.entries: list[dict[str, bytes]] = []
        self.block_of: dict[str, int] = {}
        self.joined: list[bytes | None] = []
        for key, doc in docs.items():
            self.put(key, doc)

    def put(self, key: str, doc: Any) -> None:
        block = self.block_of.get(key)
        if block is None:  # a new document goes last, as in the table's dict
            if not self.entries or len(self.entries[-1]) >= BLOCK:
                self.entries.append({})
                self.joined.append(None)
            block = self.block_of[key] = len(self.entries) - 1
        self.entries[block][key] = encode_json(key) + b":" + encode_json(doc)
        self.joined[block] = None

    def remove(self, key: str) -> None:
        block = self.block_of.pop(key, None)
        if block is not None:
            del self.entries[block][key]
            self.joined[block] = None

    def parts(self) -> list[bytes]:
        """Each non-empty block's bytes (comma-separated documents)."""
        parts = []
        for index, entries in enumerate(self.entries):
            if not entries:
                continue
            joined = self.joined[index]
            if joined is None:
                joined = self.joined[index] = b",".join(entries.values())
            parts.append(joined)
        return parts


def _share_values(doc: dict[str, Any], last: dict[str, Any] | None) -> None:
    """Give ``doc`` the text of ``last`` (the document put before it) where they are equal:
    a value repeated down a bulk of new documents (a start date, a kind) is then one
    string, not one per document. ``doc`` is the caller's fresh document."""
    if last is not None:
        for name, value in doc.items():
            if type(value) is str and value:
                other = last.get(name)
                if other == value and other is not value:
                    doc[name] = other


class EncodedFile:
    """The raw data of a roster file with its encoding cached table by table."""

    def __init__(self, data: RawData) -> None:
        self.data = data
        #: table -> its documents' encodings, once the table was edited
        self._blocks: dict[str, _Blocks] = {}
        #: table -> the encoded bytes of a table never edited, without braces
        self._bodies: dict[str, list[bytes]] = {}
        #: table -> the document its last bulk put stored
        self._last_bulk: dict[str, dict[str, Any]] = {}

    def put(self, table: str, key: str, doc: dict[str, Any] | None, *, bulk: bool = False) -> None:
        """Store ``doc`` under ``key`` in ``table`` (``None`` removes it).

        ``bulk`` (one of many puts, e.g. an import): a table not edited yet is encoded
        whole at the next save instead of document by document (no per-document bytes
        kept for tens of thousands of new documents); its first later edit splits it.
        """
        docs = self.data.setdefault(table, {})
        blocks = self._blocks.get(table)
        if bulk and blocks is None and doc is not None:
            _share_values(doc, self._last_bulk.get(table))
            docs[key] = self._last_bulk[table] = doc
            self._bodies.pop(table, None)
            return
        if blocks is None:  # the first edit of this table encodes its documents one by one
            blocks = self._blocks[table] = _Blocks(docs)
            self._bodies.pop(table, None)
        if doc is None:
            docs.pop(key, None)
            blocks.remove(key)
        else:
            docs[key] = doc
            blocks.put(key, doc)

    def encode(self) -> bytes:
        """The whole file, as ``json.dumps`` would write it (compact, UTF-8)."""
        return b"".join(self.parts())

    def parts(self) -> list[bytes]:
        """The whole file in pieces, mostly the cached encodings themselves: written one
        after the other, they are :meth:`encode`'s bytes without a copy of the file."""
        parts: list[bytes] = [b"{"]
        for table, docs in self.data.items():
            if len(parts) > 1:
                parts.append(b",")
            parts.append(encode_json(table))
            if not isinstance(docs, dict):  # not a table (refused on open; encoded as is)
                parts += [b":", encode_json(docs)]
                continue
            parts.append(b":{")
            blocks = self._blocks.get(table)
            if blocks is not None:
                block_parts = blocks.parts()
                for i, block in enumerate(block_parts):
                    parts += (b",", block) if i else (block,)
            else:
                body = self._bodies.get(table)
                if body is None:
                    body = self._bodies[table] = _encode_body(docs)
                parts += body
            parts.append(b"}")
        parts.append(b"}")
        return parts
