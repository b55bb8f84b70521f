"""Control characters made visible, for text that comes from files, paths or arguments.

Text bound for a terminal is made harmless: control characters are shown, never sent.

A file name, a path, a CSV header or a cell can hold ``ESC ] 0 ; ... BEL`` (sets the
window title), ``ESC [ 2 J`` (clears the screen) or a right-to-left override that
reorders what follows. Written raw, the terminal obeys them. :func:`visible` writes each
such character as a Python-style escape (``\\x1b``, ``\\u202e``) instead, so the user sees
exactly what the file holds and the terminal is never driven by it.

Every command-line message and every widget showing text from a file, a file name, a
path or an argument goes through :func:`visible`.
"""

from __future__ import annotations

import unicodedata

#: Control (Cc), format (Cf: bidi overrides, zero-width characters), line and paragraph
#: separators, and lone surrogates (from undecodable file names).
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})

#: Format characters that real names use and that cannot move or hide text: the
#: zero-width joiners of emoji and Indic scripts and the emoji variation selector.
_HARMLESS_FORMAT = frozenset({"\u200c", "\u200d", "\ufe0f"})


_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(char: str) -> str:
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _hidden(char: str) -> bool:
    return char not in _HARMLESS_FORMAT and unicodedata.category(char) in _HIDDEN_CATEGORIES


def visible(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with every control or format character written as an escape.

    ``keep_newlines`` keeps line feeds (and tabs) as they are, for multi-line output.
    Text without such characters is returned unchanged (and quickly).
    """
    if text.isprintable():  # no control, format or unassigned character: the fast path
        return text
    kept = "\n\t" if keep_newlines else ""
    return "".join(_escape(c) if c not in kept and _hidden(c) else c for c in text)


def pictures(text: str) -> str:
    """``text`` with each control or format character replaced by one visible character.

    For text being edited (a path in an input field), where each character must stay one
    character: C0 controls become their Unicode control pictures (ESC is ``␛``), any other
    hidden character ``�``.
    """
    if text.isprintable():
        return text
    return "".join(_picture(c) if _hidden(c) else c for c in text)


def _picture(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def visible_json(text: str) -> str:
    """JSON text with every control or format character as a ``\\uXXXX`` escape.

    ``json.dumps`` escapes only ASCII control characters; this also escapes the C1 ones,
    bidi overrides and the like, so the JSON stays equal but is safe on a terminal.
    """
    if text.isprintable():
        return text
    out: list[str] = []
    for char in text:
        if char not in "\n\t" and _hidden(char):
            data = char.encode("utf-16-be", "surrogatepass")
            out.extend(f"\\u{int.from_bytes(data[i : i + 2]):04x}" for i in range(0, len(data), 2))
        else:
            out.append(char)
    return "".join(out)
