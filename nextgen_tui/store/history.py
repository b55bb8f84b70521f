"""Undo and redo: the store's history of changes, and what each one changed.

Each change the store makes (one :meth:`~nextgen_tui.store.repository.Store.transaction`)
is recorded as the documents it touched, as they were before it and as they are after
it. Undo puts the "before" documents back, redo the "after" ones; a new change forgets
what was undone. The store applies the documents (it alone touches the file); this module
only keeps the two stacks and describes each step in plain English.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from nextgen_tui.text.wording import plural

#: How many changes can be undone.
UNDO_DEPTH = 100

#: One document: (table name, id, its fields, or ``None`` when it does not exist).
DocState = tuple[str, int, dict[str, Any] | None]

#: What a table's records are called in a summary: (one, many).
_NOUNS: dict[str, tuple[str, str]] = {
    "organizations": ("organization", "organizations"),
    "people": ("person", "people"),
    "partnerships": ("partnership", "partnerships"),
    "roles": ("role", "roles"),
    "launches": ("launch meeting", "launch meetings"),
    "teams": ("action team", "action teams"),
    "convenings": ("convening", "convenings"),
}


class DocStates:
    """Documents as (table, id, document) in the order they were added, held compactly:
    the ids in one array, the documents in one list and the tables as runs. An import of
    50,000 people is two arrays, not 50,000 tuples and 50,000 int objects, in its step.
    """

    __slots__ = ("_docs", "_ids", "_runs")

    def __init__(self, states: Iterable[DocState] = ()) -> None:
        self._runs: list[list[Any]] = []  # [table, how many of the next states]
        self._ids: array[int] | list[int] = array("q")
        self._docs: list[dict[str, Any] | None] = []
        for table, doc_id, doc in states:
            self.add(table, doc_id, doc)

    def add(self, table: str, doc_id: int, doc: dict[str, Any] | None) -> None:
        runs = self._runs
        if runs and runs[-1][0] == table:
            runs[-1][1] += 1
        else:
            runs.append([table, 1])
        try:
            self._ids.append(doc_id)
        except OverflowError:  # an id beyond 64 bits (a hand-made file): kept as ints
            self._ids = [*self._ids, doc_id]
        self._docs.append(doc)

    def tables(self) -> Iterator[tuple[str, int, int]]:
        """Each run of states of one table: (table, start, end) indexes, in order."""
        start = 0
        for table, count in self._runs:
            yield table, start, start + count
            start += count

    def ids(self, start: int, end: int) -> array[int] | list[int]:
        return self._ids[start:end]

    def __len__(self) -> int:
        return len(self._docs)

    def __iter__(self) -> Iterator[DocState]:
        ids, docs = self._ids, self._docs
        for table, start, end in self.tables():
            for i in range(start, end):
                yield table, ids[i], docs[i]

    def __reversed__(self) -> Iterator[DocState]:
        ids, docs = self._ids, self._docs
        for table, start, end in reversed(list(self.tables())):
            for i in range(end - 1, start - 1, -1):
                yield table, ids[i], docs[i]


@dataclass(frozen=True)
class Step:
    """One change: its label, and the documents it touched before and after it."""

    label: str
    before: DocStates
    after: DocStates

    def summary(self) -> str:
        """What the step changed, e.g. "added 12 people and 30 roles; changed 1 team"."""
        counts: dict[str, Counter[str]] = {"added": Counter(), "changed": Counter()}
        counts["removed"] = Counter()
        was: dict[str, dict[int, dict[str, Any] | None]] = {}
        for table, doc_id, doc in self.before:
            was.setdefault(table, {}).setdefault(doc_id, doc)  # the earliest wins
        for table, doc_id, now in self.after:
            old = was.get(table, {}).get(doc_id)
            if old is None and now is None:
                continue
            verb = "added" if old is None else "removed" if now is None else "changed"
            if verb == "changed" and old == now:
                continue
            counts[verb][table] += 1
        parts = []
        for verb, tables in counts.items():
            if tables:
                things = [plural(n, *_NOUNS[table]) for table, n in tables.items()]
                head = ", ".join(things[:-1])
                parts.append(f"{verb} {head + ' and ' if head else ''}{things[-1]}")
        return "; ".join(parts) if parts else "no visible change"


class History:
    """The undo and redo stacks of one store."""

    def __init__(self) -> None:
        self._done: list[Step] = []
        self._undone: list[Step] = []

    def record(self, step: Step) -> None:
        """A new change: it can be undone; what was undone before can no longer be redone."""
        self._done.append(step)
        del self._done[:-UNDO_DEPTH]
        self._undone.clear()

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()

    @property
    def undo_step(self) -> Step | None:
        return self._done[-1] if self._done else None

    @property
    def redo_step(self) -> Step | None:
        return self._undone[-1] if self._undone else None

    def undone(self) -> None:
        """The last step was undone: it moves to the redo stack."""
        self._undone.append(self._done.pop())

    def redone(self) -> None:
        """The last undone step was redone: it can be undone again."""
        self._done.append(self._undone.pop())

    def steps(self) -> tuple[list[Step], list[Step]]:
        """(done, undone), each newest first: what undo and redo would apply, in order."""
        return list(reversed(self._done)), list(reversed(self._undone))
