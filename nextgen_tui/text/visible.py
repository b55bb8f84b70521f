"""Control characters made visible, for text that comes from files, paths or arguments."""

from __future__ import annotations


def visible(text: str) -> str:
    """``text`` with every unprintable character written as an escape (``\\n``, ``\\x1b``)."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)
