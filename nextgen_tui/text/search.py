"""The one fuzzy matcher of the app: rank texts against what the convener typed.

Used by the person picker and the directory's search-as-you-type. Matching ignores
case and accents ("jose" finds José) on both sides. Texts containing every typed word
come first (a text whose first line is exactly the typed text, then one that starts with
it, then one where the first word starts a word, then the rest, each group in the
original order); after them come near misses found with rapidfuzz, so a typo such as
"jonh" or "smihters" still finds John Smithers. :func:`search` keeps the two apart, so a
picker can refuse to take a near miss the user did not choose. Queries shorter than
``FUZZY_MIN_LENGTH`` characters only match exactly, otherwise two letters would match
almost everything.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

#: Near misses must score at least this (rapidfuzz partial ratio, 0-100).
FUZZY_CUTOFF = 80
#: Typed text shorter than this (in characters, spaces excluded) gets no near misses.
FUZZY_MIN_LENGTH = 3


def fold(text: str) -> str:
    """Compare names ignoring case, accents and spacing: ``"  José  Núñez"`` ~ ``"jose nunez"``."""
    if text.isascii():  # no accents to take off (most names): skip the per-character pass
        return " ".join(text.casefold().split())
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def fold_lines(text: str) -> str:
    """:func:`fold` each line of ``text`` (the fields of a haystack), keeping the newlines."""
    if text.isascii():  # the common case, kept fast: only case (and spacing) to fold
        lowered = text.casefold()
        if "  " not in lowered and "\t" not in lowered:
            return lowered
        return "\n".join(" ".join(line.split()) for line in lowered.split("\n"))
    return "\n".join(fold(line) for line in text.split("\n"))


@dataclass(frozen=True)
class Found:
    """The haystacks matching a query: ``exact`` (every typed word is in them), then ``near``."""

    exact: list[int]
    near: list[int]

    @property
    def all(self) -> list[int]:
        return self.exact + self.near


def search(query: str, haystacks: Sequence[str], limit: int | None = None) -> Found:
    """The indexes of the ``haystacks`` matching ``query``, exact ones apart from near misses.

    A blank query matches everything (as exact), in the original order. ``limit`` caps how
    many indexes are returned in all (``None``: all matches). Haystacks may hold several
    fields joined by newlines (e.g. name, organization, title, email); a word found in
    any field counts, and a first line equal to the query comes first.
    """
    words = fold(query).split()
    count = len(haystacks) if limit is None else max(limit, 0)
    if not words:
        return Found(list(range(min(count, len(haystacks)))), [])
    hays = [fold_lines(hay) for hay in haystacks]
    whole = " ".join(words)
    first = words[0]

    def closeness(index: int) -> int:
        hay = hays[index]
        if hay.startswith(whole):
            return -1 if hay.partition("\n")[0] == whole else 0
        return 1 if hay.startswith(first) or f" {first}" in hay or f"\n{first}" in hay else 2

    exact = [i for i, hay in enumerate(hays) if all(word in hay for word in words)]
    exact.sort(key=closeness)
    if len(exact) >= count or len(whole.replace(" ", "")) < FUZZY_MIN_LENGTH:
        return Found(exact[:count], [])
    found = set(exact)
    near = process.extract(
        whole, hays, scorer=fuzz.partial_ratio, score_cutoff=FUZZY_CUTOFF, limit=None
    )
    extra = [index for _, _, index in near if index not in found]
    return Found(exact, extra[: count - len(exact)])


def rank(query: str, haystacks: Sequence[str], limit: int | None = None) -> list[int]:
    """Indexes of the ``haystacks`` matching ``query``, best first (see :func:`search`)."""
    return search(query, haystacks, limit).all
