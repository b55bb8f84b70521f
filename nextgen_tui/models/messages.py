"""Plain-English messages for validation errors: field labels, one sentence per field,
for forms and the command line.
"""

from __future__ import annotations

from typing import Any

from pydantic import (
    ValidationError,
)

from nextgen_tui.models.fields import PATTERN_MESSAGES

# --------------------------------------------------------------------------- errors

FIELD_LABELS: dict[str, str] = {
    "name": "Name",
    "title": "Title",
    "email": "Email",
    "phone": "Phone",
    "notes": "Notes",
    "kind": "Kind",
    "industry": "Industry",
    "region": "Region",
    "organization_id": "Organization",
    "stage": "Stage",
    "role": "Role",
    "start": "Start date",
    "end": "End date",
    "on": "Date",
    "place": "Place",
    "reason": "Reason",
    "text": "Text",
    "status": "Status",
    "invitation": "Invitation status",
    "next_step": "Next step",
    "vote_limit": "Vote limit",
    "champions_min": "Minimum champions",
    "champions_max": "Maximum champions",
    "invite_signers_min": "Minimum invite signers",
    "core_team_min": "Minimum core team",
    "core_team_max": "Maximum core team",
    "convening_team_min": "Minimum convening team",
    "companies_min": "Minimum companies",
    "companies_max": "Maximum companies",
    "support_delegates_max": "Maximum support delegates",
    "team_stall_days": "Days before a team is stalled",
    "convening_overdue_days": "Days before a convening is overdue",
}


def field_label(loc: tuple[int | str, ...]) -> str:
    """The user-facing label of an error location (the last named field)."""
    for part in reversed(loc):
        if isinstance(part, str):
            return FIELD_LABELS.get(part, part.replace("_", " ").capitalize())
    return "Value"


def _message(error: Any) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "is required"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])).removeprefix("Value error, ")
    if kind == "enum":
        return f"must be one of: {ctx.get('expected', '')}".replace("'", "")
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return "must be a whole number"
    if kind in ("greater_than_equal", "less_than_equal"):
        low = "at least" if kind == "greater_than_equal" else "at most"
        bound = ctx.get("ge", ctx.get("le"))
        return f"must be {low} {bound}"
    if kind.startswith("date") or kind.startswith("datetime"):
        return "must be a date like 2026-03-31"
    if kind == "string_too_short":  # only names have a minimum length (1)
        return "is required"
    if kind == "string_too_long":
        given = error.get("input")
        length = f" (it has {len(given.strip())})" if isinstance(given, str) else ""
        return f"must be at most {ctx.get('max_length')} characters{length}"
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        return PATTERN_MESSAGES.get(pattern, "has characters that are not allowed")
    if kind == "extra_forbidden":
        return "is not a known field"
    if kind in ("string_type", "bool_type", "bool_parsing"):
        return "has the wrong type of value"
    return str(error["msg"])


def describe_errors(exc: ValidationError) -> dict[str, str]:
    """Map each failing field's label to a plain-English message, e.g. ``{"Email": "..."}``.

    Errors raised by a whole-model check (no field) are keyed by ``""``.
    """
    messages: dict[str, str] = {}
    for error in exc.errors():
        loc = tuple(error["loc"])
        named = [part for part in loc if isinstance(part, str)]
        key = field_label(loc) if named else ""
        text = _message(error)
        messages.setdefault(key, text)
    return messages


def field_errors(exc: ValidationError) -> dict[str, str]:
    """Map each failing field's *name* (e.g. ``"email"``) to its full message.

    Forms use this to show a message beside the input of that field.
    """
    result: dict[str, str] = {}
    for error in exc.errors():
        loc = tuple(error["loc"])
        named = [part for part in loc if isinstance(part, str)]
        key = named[-1] if named else ""
        label = field_label(loc) if named else ""
        result.setdefault(key, _sentence(label, _message(error)))
    return result


def _sentence(label: str, text: str) -> str:
    """``label`` + ``text``, unless ``text`` is already a whole sentence.

    Field checks say "is required"; whole-model checks (e.g. "Minimum champions must not be
    more than Maximum champions") already name their fields and start with a capital.
    """
    if not label or text[:1].isupper():
        return text
    return f"{label} {text}"


def explain(exc: ValidationError) -> str:
    """One plain-English sentence for the first error, for notifications and the CLI."""
    for key, text in describe_errors(exc).items():
        return f"{_sentence(key, text)}."
    return "The value is not valid."
