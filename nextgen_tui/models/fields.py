"""Validated field types shared by every model: names, short and long text, email,
phone. Text is trimmed, bounded and free of control characters.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

MAX_NAME_LENGTH = 200
MAX_TEXT_LENGTH = 5000

# --------------------------------------------------------------------------- field types

# Text is checked by pydantic's own compiled constraints (trim, length, a pattern), with no
# Python call per field: opening a file of 10,000 people checks some 60,000 texts. The
# patterns (Rust regex syntax) refuse control characters (Unicode Cc), format characters
# (Cf) but for the joiners and marks that real names use (joiners in emoji and Indic
# scripts, RTL marks), and line or paragraph separators (Zl, Zp).
_REFUSED = r"\p{Cc}\p{Cf}\p{Zl}\p{Zp}"
_ALLOWED = r"\u200c\u200d\u200e\u200f\ufe0f"
#: One line of text without control characters.
NO_CONTROL_PATTERN = rf"^(?:[^{_REFUSED}]|[{_ALLOWED}])*$"
#: The same, allowing newlines and tabs.
NO_CONTROL_MULTILINE_PATTERN = rf"^(?:[^{_REFUSED}]|[{_ALLOWED}\n\t])*$"
_EMAIL_CHAR = rf"[^@\s{_REFUSED}]"
_EMAIL_PART = rf"[^@\s.{_REFUSED}]"
#: Empty, or something like name@example.org (and no control characters).
EMAIL_PATTERN = rf"^(?:|{_EMAIL_CHAR}+@{_EMAIL_PART}+(?:\.{_EMAIL_PART}+)+)$"
#: Empty, or digits, spaces and + ( ) - . with an optional extension.
PHONE_PATTERN = r"(?i)^[0-9+()./\- ]*(?:x|ext\.?)?\p{Zs}*[0-9]*$"

#: The message of each pattern when a value does not match it (see .messages).
PATTERN_MESSAGES = {
    NO_CONTROL_PATTERN: "must not contain control characters",
    NO_CONTROL_MULTILINE_PATTERN: "must not contain control characters",
    EMAIL_PATTERN: "is not a valid email address (expected something like name@example.org)",
    PHONE_PATTERN: "may contain only digits, spaces and + ( ) - . (and an extension)",
}


#: A required name: trimmed, 1-200 characters, no control characters.
Name = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True,
        min_length=1,
        max_length=MAX_NAME_LENGTH,
        pattern=NO_CONTROL_PATTERN,
    ),
]
#: An optional one-line text: trimmed, at most 200 characters.
ShortText = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, max_length=MAX_NAME_LENGTH, pattern=NO_CONTROL_PATTERN
    ),
]
#: Free text such as notes: newlines allowed, at most 5,000 characters.
LongText = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, max_length=MAX_TEXT_LENGTH, pattern=NO_CONTROL_MULTILINE_PATTERN
    ),
]
Email = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=MAX_NAME_LENGTH, pattern=EMAIL_PATTERN),
]
Phone = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=MAX_NAME_LENGTH, pattern=PHONE_PATTERN),
]
#: A record id: 0 means not saved yet.
RecordId = Annotated[int, Field(ge=0)]
