"""Pieces of the import wizard: the file tree, the partnership chooser, preview cells.

Every cell and label built from file or user text is a ``rich.text.Text`` or a
``Content``: names like ``[b]x[/b]`` show literally, and control characters from the file
(a header ``ESC]0;...``) are shown visibly by ``visible``, never sent to the terminal.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rich.text import Text, TextType
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DirectoryTree, Input, Label, Select, Static

from nextgen_tui.models import KIND_LABELS, ROLE_LABELS, TEAM_ROLES, OrgKind, Partnership, RoleKind
from nextgen_tui.text.visible import visible
from nextgen_tui.transfer.plan import Outcome, RowPlan
from nextgen_tui.transfer.spreadsheet import FIELDS, REQUIRED_FIELDS, RawTable

STEP_TITLES = {
    "step-file": "Import a roster: 1 of 3, choose the file",
    "step-map": "Import a roster: 2 of 3, match the columns",
    "step-preview": "Import a roster: 3 of 3, check every row",
    "step-run": "Importing...",
    "step-done": "Import finished",
}

ROSTER_SUFFIXES = frozenset({".csv", ".xlsx", ".txt", ".tsv"})


class RosterFileTree(DirectoryTree):
    """A directory tree that lists folders and spreadsheet files only (no hidden ones)."""

    def process_label(self, label: TextType) -> Text:
        """A file name as it is, with control characters shown (``\\x1b``), never sent."""
        return super().process_label(visible(label) if isinstance(label, str) else label)

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [
            p
            for p in paths
            if not p.name.startswith(".") and (p.is_dir() or p.suffix.casefold() in ROSTER_SUFFIXES)
        ]


class PartnershipChooser(Vertical):
    """Which partnership the roles go into: an existing one, or a new one by name."""

    DEFAULT_CSS = """
    PartnershipChooser { height: auto; }
    PartnershipChooser Label { color: $text-muted; padding: 0 1; }
    PartnershipChooser .new { height: auto; }
    """

    def __init__(self, partnerships: list[Partnership], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.partnerships = partnerships

    def compose(self) -> ComposeResult:
        yield Label(Content("Partnership the roles go into"))
        yield Select[int](
            [(Text(p.name), p.id) for p in self.partnerships],
            prompt="A new partnership (name it below)",
            id="partnership",
        )
        with Vertical(classes="new"):
            yield Input(placeholder="New partnership's name", id="new-name")
            yield Input(placeholder="Its industry (optional)", id="new-industry")
            yield Input(placeholder="Its region (optional)", id="new-region")

    @on(Select.Changed, "#partnership")
    def _toggle_new(self, event: Select.Changed) -> None:
        self.query_one(".new", Vertical).display = not isinstance(event.value, int)

    def _selected(self) -> int | None:
        value = self.query_one("#partnership", Select).value
        return value if isinstance(value, int) else None

    def problem(self) -> str:
        """Why no partnership can be used yet, or ``""``."""
        if self._selected() is None and not self.query_one("#new-name", Input).value.strip():
            return "Choose a partnership, or type the name of a new one."
        return ""

    def choice(self) -> tuple[int | str, str, str]:
        """The partnership id, or the new one's name, industry and region."""
        selected = self._selected()
        if selected is not None:
            return selected, "", ""
        return (
            self.query_one("#new-name", Input).value.strip(),
            self.query_one("#new-industry", Input).value.strip(),
            self.query_one("#new-region", Input).value.strip(),
        )


class ColumnMapping(VerticalScroll):
    """Which column feeds each roster field: matched by name, changeable by hand.

    Every field has a list of the file's columns, so a column the automatic match missed
    ("Job description" for the title) can be picked for it.
    """

    DEFAULT_CSS = """
    ColumnMapping .map-row { height: auto; }
    ColumnMapping .map-row Label { width: 24; padding: 1 1 0 1; }
    ColumnMapping .map-row Select { width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield Static(
            Content(
                "Which column holds each field? Columns are matched by name; change any that is "
                "wrong, or pick one for a field it missed. Name and Organization are required."
            ),
            classes="hint",
        )
        for name, label in FIELDS.items():
            star = " *" if name in REQUIRED_FIELDS else ""
            with Horizontal(classes="map-row"):
                yield Label(Content(label + star))
                yield Select[int]([], prompt="(not imported)", id=f"map-{name}")
        with Horizontal(classes="map-row"):
            yield Label(Content("Role if none given"))
            yield Select[str](
                [
                    (label, role.value)
                    for role, label in ROLE_LABELS.items()
                    if role not in TEAM_ROLES
                ],
                prompt="(directory only)",
                id="default-role",
            )
        yield Static("", id="unmapped", classes="hint", markup=False)
        yield Static("", id="map-error", classes="error", markup=False)

    def fill(self, table: RawTable) -> None:
        """Offer the file's columns to every field; select the automatic matches."""
        options = [
            (Text(visible(header) or f"Column {i + 1}"), i)
            for i, header in enumerate(table.headers)
        ]
        for name in FIELDS:
            select = self.query_one(f"#map-{name}", Select)
            select.set_options(options)
            if name in table.mapping:
                select.value = table.mapping[name]
        unmapped = [visible(table.headers[i]) for i in table.unmapped_columns]
        self.query_one("#unmapped", Static).update(
            "Columns not matched to a field: " + ", ".join(unmapped) if unmapped else ""
        )

    def mapping(self) -> dict[str, int]:
        """Field -> column index, for the fields that have a column."""
        mapping: dict[str, int] = {}
        for name in FIELDS:
            value = self.query_one(f"#map-{name}", Select).value
            if isinstance(value, int):
                mapping[name] = value
        return mapping

    def default_role(self) -> RoleKind | None:
        value = self.query_one("#default-role", Select).value
        return RoleKind(value) if isinstance(value, str) else None

    def problem(self) -> str:
        """Why the mapping cannot be used, or ``""``."""
        used = list(self.mapping().values())
        if len(used) != len(set(used)):
            return "Two fields use the same column; each column can feed one field."
        return ""

    def show_error(self, message: str) -> None:
        self.query_one("#map-error", Static).update(visible(message))


# --------------------------------------------------------------------------- preview cells

_OUTCOME_STYLE = {Outcome.NEW: "green", Outcome.MATCH: "yellow", Outcome.INVALID: "bold red"}


def outcome_cell(row: RowPlan) -> Text:
    label = row.outcome.value
    if row.outcome is Outcome.MATCH:
        label = f"match: {row.choice.value}"
    return Text(label, style=_OUTCOME_STYLE[row.outcome])


#: How the kind to be stored was found, as the Kind cell says it.
_KIND_FROM = {"file": "", "guess": " (guess)", "directory": " (directory)", "you": ""}


def kind_cell(row: RowPlan) -> Text:
    """The kind the organization will have; unknown stands out, a guess says so."""
    if not row.valid:
        return Text("")
    label = KIND_LABELS[row.org_kind] + _KIND_FROM.get(row.kind_from, "")
    return Text(label, style="bold yellow" if row.org_kind is OrgKind.UNKNOWN else "")


def preview_columns() -> list[tuple[str, str]]:
    return [
        ("Row", "row"),
        ("Outcome", "outcome"),
        ("Name", "name"),
        ("Organization", "organization"),
        ("Kind", "kind"),
        ("Roles", "roles"),
        ("Notes", "notes"),
    ]


def notes_cell(row: RowPlan) -> Text:
    return Text(visible("; ".join([row.reason, *row.warnings] if row.reason else row.warnings)))


def preview_row(row: RowPlan) -> list[Text]:
    return [
        Text(str(row.number), justify="right"),
        outcome_cell(row),
        Text(visible(row.name)),
        Text(visible(row.organization)),
        kind_cell(row),
        Text(visible(row.role_text)),
        notes_cell(row),
    ]
