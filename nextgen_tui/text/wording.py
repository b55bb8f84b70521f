"""Small helpers for the plain-English sentences the app writes (messages, summaries)."""

from __future__ import annotations


def plural(count: int, singular: str, many: str | None = None) -> str:
    """``1 champion``, ``3 champions``; ``many`` for irregular plurals (``people``)."""
    word = singular if count == 1 else (many or singular + "s")
    return f"{count} {word}"
