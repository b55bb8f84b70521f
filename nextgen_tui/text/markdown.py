"""Escaping user text for Markdown documents (reports, letters, summaries).

Only what Markdown would misread is escaped, so ordinary text stays readable in the raw
file too: "(at least every 90 days)" keeps its parentheses, and a sentence keeps its full
stop. Brackets are always escaped, so parentheses can never become a link.
"""

from __future__ import annotations

import re

#: Always special: escapes, code, emphasis, links and images, HTML, tables, strikethrough.
_INLINE = re.compile(r"([\\`*\[\]<|~])")
#: ``_`` makes emphasis only at a word's edge (``snake_case`` is literal).
_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
#: ``&`` only where it would start a character reference (``&amp;``, ``&#38;``).
_ENTITY = re.compile(r"&(?=#?\w+;)")
#: Marks that act at the start of a line: list, heading, quote, rule, numbered list.
_LINE_START = re.compile(r"^([-+=#>]|\d+(?=[.)]))")


def md_escape(text: str) -> str:
    """Escape Markdown in user text so it stays literal; whitespace runs become one space.

    Inline specials (emphasis, links, code, HTML, tables...) are escaped wherever they
    would act; a list, heading, quote or rule mark (``-``, ``+``, ``=``, ``#``, ``>``,
    ``1.``) only at the start, where it acts. ``$`` is escaped only when two could make
    a formula.
    """
    text = _INLINE.sub(r"\\\1", " ".join(text.split()))
    text = _UNDERSCORE.sub(r"\\_", text)
    text = _ENTITY.sub(r"\\&", text)
    if text.count("$") > 1:
        text = text.replace("$", "\\$")
    match = _LINE_START.match(text)
    if match:
        cut = match.end() if match.group(1)[0].isdigit() else 0
        text = f"{text[:cut]}\\{text[cut:]}"
    return text


def sentence(text: str) -> str:
    """``text`` ending with one full stop (none added after ``.``, ``!`` or ``?``)."""
    text = text.rstrip()
    return text if not text or text[-1] in ".!?" else f"{text}."
