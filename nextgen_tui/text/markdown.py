"""Escaping user text for Markdown documents (reports, letters, summaries)."""

from __future__ import annotations

import re

_INLINE = re.compile(r"([\\`*_\[\]<>()#!|{}~&$])")
_LINE_START = re.compile(r"^([-+=]|\d+(?=[.)]))")


def md_escape(text: str) -> str:
    """Escape Markdown in user text so it stays literal; whitespace runs become one space.

    Inline specials (emphasis, links, code, HTML, tables...) are always escaped; a list,
    heading or rule mark (``-``, ``+``, ``=``, ``1.``) only at the start, where it acts.
    """
    text = _INLINE.sub(r"\\\1", " ".join(text.split()))
    match = _LINE_START.match(text)
    if match:
        cut = match.end() if match.group(1)[0].isdigit() else 0
        text = f"{text[:cut]}\\{text[cut:]}"
    return text
