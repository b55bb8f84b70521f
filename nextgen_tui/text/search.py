"""The one fuzzy matcher of the app: rank texts against what the convener typed.

Used by the person picker and the directory's search-as-you-type. Matching is
case-insensitive. Texts containing every typed word come first (a text that starts
with the typed text, then one where the first word starts a word, then the rest, each
group in the original order); after them come near misses found with rapidfuzz, so a
typo such as "jonh" or "smihters" still finds John Smithers. Queries shorter than
``FUZZY_MIN_LENGTH`` characters only match exactly, otherwise two letters would match
almost everything.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

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


def rank(query: str, haystacks: Sequence[str], limit: int | None = None) -> list[int]:
    """Indexes of the ``haystacks`` matching ``query``, best first.

    A blank query matches everything, in the original order. ``limit`` caps how many
    indexes are returned (``None``: all matches). Haystacks may hold several fields
    joined by newlines (e.g. name, organization, title, email); a word found in any
    field counts.
    """
    words = query.casefold().split()
    count = len(haystacks) if limit is None else max(limit, 0)
    if not words:
        return list(range(min(count, len(haystacks))))
    hays = [hay.casefold() for hay in haystacks]
    whole = " ".join(words)
    first = words[0]

    def closeness(index: int) -> int:
        hay = hays[index]
        if hay.startswith(whole):
            return 0
        return 1 if hay.startswith(first) or f" {first}" in hay or f"\n{first}" in hay else 2

    exact = [i for i, hay in enumerate(hays) if all(word in hay for word in words)]
    exact.sort(key=closeness)
    if len(exact) >= count or len(whole.replace(" ", "")) < FUZZY_MIN_LENGTH:
        return exact[:count]
    found = set(exact)
    near = process.extract(
        whole, hays, scorer=fuzz.partial_ratio, score_cutoff=FUZZY_CUTOFF, limit=None
    )
    extra = [index for _, _, index in near if index not in found]
    return (exact + extra)[:count]
