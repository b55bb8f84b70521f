"""Bits the editing modals share: dates typed by hand, Selects of people, the form base.

Everything that shows a name builds a :class:`~textual.content.Content` from it, so a name
such as ``Bob [/]`` is shown literally and never read as markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any, TypeVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Select, SelectionList, Static, TextArea
from textual.widgets.select import NoSelection

from nextgen_tui.errors import StoreError
from nextgen_tui.models import RoleKind
from nextgen_tui.models.snapshot import PartnershipSnapshot
from screens.common.form import FormScreen
from screens.common.tickbox import TickBox

T = TypeVar("T")

DATE_EXAMPLE = "2026-03-31"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

#: The roles whose holders can be a champion's outreach owner ("a team member").
TEAM_MEMBER_ROLES = (
    RoleKind.CONVENER,
    RoleKind.CO_CONVENER,
    RoleKind.CORE_TEAM,
    RoleKind.CONVENING_TEAM,
)

PersonOptions = list[tuple[Content, int]]


class DateError(ValueError):
    """A typed date that is not one; ``str(error)`` is the plain-English message."""


def parse_date(text: str, label: str = "Date", *, required: bool = False) -> date | None:
    """Read a date typed as year-month-day; blank gives ``None`` unless ``required``."""
    text = text.strip()
    if not text:
        if required:
            raise DateError(f"{label} is required: type it like {DATE_EXAMPLE} (year-month-day).")
        return None
    if not _ISO_DATE.match(text):
        raise DateError(f"{label} must be a date like {DATE_EXAMPLE} (year-month-day).")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DateError(
            f"{label}: {text} is not a day on the calendar (check the month and the day)."
        ) from None


def format_date(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def person_caption(snapshot: PartnershipSnapshot, person_id: int) -> str:
    """``Name — Organization`` (just the name when they have no organization)."""
    name = snapshot.person_name(person_id)
    org = snapshot.organization_of(person_id)
    return f"{name} — {org.name}" if org is not None else name


def people_options(
    snapshot: PartnershipSnapshot, person_ids: Iterable[int], *, keep: int | None = None
) -> PersonOptions:
    """Options for a Select of people, sorted by name, each ``Name — Organization``.

    ``keep`` (the value currently stored) is listed even when that person is no longer
    among ``person_ids``, so opening a form never silently drops a stored choice.
    """
    ids = {pid for pid in person_ids if pid in snapshot.people}
    extra: set[int] = set()
    if keep is not None and keep not in ids and keep in snapshot.people:
        extra.add(keep)
    rows = [(person_caption(snapshot, pid), pid) for pid in ids]
    rows += [(f"{person_caption(snapshot, pid)} (no longer in this role)", pid) for pid in extra]
    rows.sort(key=lambda row: (row[0].casefold(), row[1]))
    return [(Content(caption), pid) for caption, pid in rows]


def person_select(
    options: PersonOptions, value: int | None, *, prompt: str = "Nobody yet"
) -> Select[int]:
    """A Select of people with a blank choice; ``value`` is preselected when listed."""
    known = {pid for _, pid in options}
    initial: int | NoSelection = value if value in known and value is not None else Select.NULL
    return Select(options, prompt=prompt, value=initial, allow_blank=True)


def chosen_id(select: Select[Any]) -> int | None:
    """The id picked in a Select of ids, or ``None`` when it is blank."""
    value = select.selection
    return value if isinstance(value, int) else None


def role_holders(snapshot: PartnershipSnapshot, *roles: RoleKind) -> list[int]:
    """Distinct people currently holding any of ``roles`` (all roles when none given)."""
    held = snapshot.holders(*roles) if roles else snapshot.current_roles
    return list(dict.fromkeys(r.person_id for r in held))


class EditorForm(FormScreen[T]):
    """A :class:`FormScreen` that also knows text areas and selection lists.

    Their values count for "something was typed" (escape then asks before discarding),
    and a blank Select reads as ``None``.
    """

    DEFAULT_CSS = """
    EditorForm #form-buttons { dock: bottom; }
    EditorForm TextArea { height: 5; }
    EditorForm SelectionList { height: auto; max-height: 12; }
    """

    def values(self) -> dict[str, Any]:
        result = {
            name: None if isinstance(value, NoSelection) else value
            for name, value in super().values().items()
        }
        for widget in self.query("#form-body TextArea, #form-body SelectionList"):
            if widget.id and widget.id.startswith("field-"):
                name = widget.id.removeprefix("field-")
                if isinstance(widget, TextArea):
                    result[name] = widget.text
                elif isinstance(widget, SelectionList):
                    result[name] = sorted(widget.selected)
        return result

    #: Set when what the form edits could not be read (e.g. deleted meanwhile).
    load_failed = False

    def compose(self) -> ComposeResult:
        try:
            self.load()
        except StoreError as exc:
            # e.g. the record was deleted meanwhile: say so and close, never a traceback
            self.load_failed = True
            self.notify(exc.message, title="Cannot open", severity="error", markup=False)
            self.call_after_refresh(self._close)
            yield Static(Content(exc.message), id="form-frame")
            return
        yield from super().compose()

    def _close(self) -> None:
        self.dismiss(None)

    def load(self) -> None:
        """Read what the form edits from the store (before composing; may set the title)."""

    def check(self, name: str, label: str, value: bool) -> Vertical:
        """A checkbox field (its label is beside the box) with its error line."""
        return Vertical(
            TickBox(Content(label), value, id=f"field-{name}"),
            Static("", classes="field-error", id=f"error-{name}", markup=False),
            classes="form-field",
        )

    def text_area(self, name: str) -> str:
        return self.query_one(f"#field-{name}", TextArea).text

    def picked(self, name: str) -> int | None:
        return chosen_id(self.query_one(f"#field-{name}", Select))
