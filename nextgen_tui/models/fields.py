"""Validated field types shared by every model: names, short and long text, email,
phone. Text is trimmed, bounded and free of control characters.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, Field

MAX_NAME_LENGTH = 200
MAX_TEXT_LENGTH = 5000

# --------------------------------------------------------------------------- field types

_CONTROL_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})
#: Format characters that real names use (joiners in emoji and Indic scripts, RTL marks).
_ALLOWED_FORMAT = frozenset({"\u200c", "\u200d", "\u200e", "\u200f", "\ufe0f"})


#: Deletes newlines and tabs (``str.translate``), for the fast path of free text.
_NEWLINES_AND_TABS = str.maketrans("", "", "\n\t")


def _check_no_control(value: str, *, allow_newlines: bool = False) -> str:
    # Fast path: a printable string has no character of the refused categories (Python's
    # "printable" leaves out every Cc, Cf, Zl and Zp character), so the loop below runs only
    # on the rare text with a format character, a newline or an unassigned code point.
    if value.isprintable():
        return value
    if allow_newlines and value.translate(_NEWLINES_AND_TABS).isprintable():
        return value
    for char in value:
        if allow_newlines and char in "\n\t":
            continue
        if char in _ALLOWED_FORMAT:
            continue
        if unicodedata.category(char) in _CONTROL_CATEGORIES:
            raise ValueError("must not contain control characters")
    return value


def _check_name(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("is required")
    if len(value) > MAX_NAME_LENGTH:
        raise ValueError(f"must be at most {MAX_NAME_LENGTH} characters (it has {len(value)})")
    return _check_no_control(value)


def _check_short_text(value: str) -> str:
    value = value.strip()
    if len(value) > MAX_NAME_LENGTH:
        raise ValueError(f"must be at most {MAX_NAME_LENGTH} characters (it has {len(value)})")
    return _check_no_control(value)


def _check_long_text(value: str) -> str:
    value = value.strip()
    if len(value) > MAX_TEXT_LENGTH:
        raise ValueError(f"must be at most {MAX_TEXT_LENGTH} characters (it has {len(value)})")
    return _check_no_control(value, allow_newlines=True)


_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")


def _check_email(value: str) -> str:
    value = value.strip()
    if value and not _EMAIL.match(value):
        raise ValueError("is not a valid email address (expected something like name@example.org)")
    return _check_short_text(value)


_PHONE = re.compile(r"^[0-9+()./\- ]*(x|ext\.?)?\s*[0-9]*$", re.IGNORECASE)


def _check_phone(value: str) -> str:
    value = value.strip()
    if value and not _PHONE.match(value):
        raise ValueError("may contain only digits, spaces and + ( ) - . (and an extension)")
    return _check_short_text(value)


#: A required name: trimmed, 1-200 characters, no control characters.
Name = Annotated[str, AfterValidator(_check_name)]
#: An optional one-line text: trimmed, at most 200 characters.
ShortText = Annotated[str, AfterValidator(_check_short_text)]
#: Free text such as notes: newlines allowed, at most 5,000 characters.
LongText = Annotated[str, AfterValidator(_check_long_text)]
Email = Annotated[str, AfterValidator(_check_email)]
Phone = Annotated[str, AfterValidator(_check_phone)]
#: A record id: 0 means not saved yet.
RecordId = Annotated[int, Field(ge=0)]
