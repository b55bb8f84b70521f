"""What the directory shows, prepared once per reload so each keystroke only filters.

For every person and organization the table cells (``rich.text.Text``, so names are never
markup) and one search text (the fields joined by newlines, casefolded) are built when the
directory (re)reads the store. Filtering is then :func:`nextgen_tui.search.rank` over
those texts, in memory.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions
from rich.measure import Measurement
from rich.text import Text
from textual.content import Content

from nextgen_tui.models import (
    KIND_LABELS,
    ROLE_LABELS,
    ChampionStatus,
    Organization,
    RoleAssignment,
)
from nextgen_tui.models.outreach import collisions
from nextgen_tui.store.repository import Store
from nextgen_tui.text.search import rank

#: (label, key, share): a share below 1 is a fraction of the free width, else a fixed width.
Columns = tuple[tuple[str, str, float], ...]
PEOPLE_COLUMNS: Columns = (
    ("Name", "name", 0.3),
    ("Organization", "organization", 0.28),
    ("Title", "title", 0.2),
    ("Email", "email", 0.22),
)
ORG_COLUMNS: Columns = (
    ("Organization", "name", 0.45),
    ("Kind", "kind", 22),
    ("Industry", "industry", 0.3),
    ("Region", "region", 0.25),
    ("People", "people", 6),
)


def column_widths(columns: Columns, width: int) -> list[int]:
    """Content widths of ``columns`` filling ``width`` cells (each cell has 1 of padding
    either side). Fixed widths let the table skip sizing columns on every keystroke."""
    fixed = sum(int(share) for _, _, share in columns if share >= 1)
    free = max(width - fixed - 2 * len(columns), 10 * len(columns))
    return [int(share) if share >= 1 else max(int(free * share), 6) for _, _, share in columns]


class Cell(Text):
    """A table cell of user text: one line, literal, cut with an ellipsis if too wide.

    Its width is measured once, when the directory is read: the table measures every
    cell of every row it is given, and a keystroke may give it a thousand rows.
    """

    def __init__(self, text: str, style: str = "") -> None:
        super().__init__(text, style=style, no_wrap=True, overflow="ellipsis", end="")
        width = cell_len(text)
        self._measured = Measurement(width, width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return self._measured


@dataclass(frozen=True)
class Entry:
    """One row of a directory table: its texts, made into cells only when it is shown
    (a table shows a page of a large directory; building 40,000 cells took longer than
    everything else in opening the directory)."""

    record_id: int
    texts: tuple[str, ...]
    haystack: str
    #: The style of the first cell (e.g. a person two partnerships are approaching).
    first_style: str = ""

    @property
    def cells(self) -> tuple[Text, ...]:
        first, *rest = self.texts
        return (Cell(first, self.first_style), *(Cell(text) for text in rest))


@dataclass
class Index:
    """The rows of one table and their search texts, in display order (by name)."""

    entries: list[Entry]

    def __post_init__(self) -> None:
        self.haystacks = [entry.haystack for entry in self.entries]

    def search(self, query: str) -> list[Entry]:
        return [self.entries[i] for i in rank(query, self.haystacks)]


def _haystack(*fields: str) -> str:
    return "\n".join(fields).casefold()


#: Before the name of someone two or more partnerships are approaching at once.
ASKED_TWICE = "⇄ "


def people_index(store: Store) -> Index:
    orgs = {org.id: org for org in store.organizations(include_deleted=True)}
    asked_twice = collisions(store.outreach())
    entries = []
    for person in store.people():
        org = orgs.get(person.organization_id or 0)
        org_name = org.name if org else ""
        marked = person.id in asked_twice
        entries.append(
            Entry(
                person.id,
                (
                    ASKED_TWICE + person.name if marked else person.name,
                    org_name,
                    person.title,
                    person.email,
                ),
                _haystack(person.name, org_name, person.title, person.email),
                "bold yellow" if marked else "",
            )
        )
    return Index(entries)


def org_index(store: Store) -> Index:
    members: dict[int, int] = defaultdict(int)
    for person in store.people():
        if person.organization_id is not None:
            members[person.organization_id] += 1
    entries = []
    for org in store.organizations():
        kind = KIND_LABELS[org.kind]
        entries.append(
            Entry(
                org.id,
                (org.name, kind, org.industry, org.region, str(members[org.id])),
                _haystack(org.name, kind, org.industry, org.region),
            )
        )
    return Index(entries)


# ---------------------------------------------------------------------------- questions


def person_deletion(store: Store, person_id: int) -> tuple[str, str]:
    """The person's name, and the question asked before deleting them."""
    name = store.person(person_id).name
    roles = len(store.roles(person_id=person_id))
    ending = f" Their {roles} current role(s) end today, kept as history." if roles else ""
    return name, f"Delete {name} from the directory?{ending} ctrl+z undoes this."


def org_deletion(store: Store, org_id: int) -> tuple[str, str]:
    """The organization's name, and the question asked before deleting it (and its people)."""
    name = store.organization(org_id).name
    people = sum(1 for p in store.people() if p.organization_id == org_id)
    also = f" Its {people} people are deleted too and their roles end today." if people else ""
    return name, f"Delete the organization {name}?{also} ctrl+z undoes this."


# ---------------------------------------------------------------------------- details


def role_text(role: RoleAssignment, team_names: dict[int, str]) -> str:
    """``Champion (committed)``, ``Action team lead (Hiring team)``, with end dates."""
    label = ROLE_LABELS[role.role]
    details: list[str] = []
    if role.champion is not None and role.champion.status is not ChampionStatus.PROSPECT:
        details.append(role.champion.status.value)
    if role.leader is not None:
        details.append(role.leader.invitation.value)
    if role.team_id is not None:
        details.append(team_names.get(role.team_id, "a team that was deleted"))
    if role.end is not None:
        details.append(f"ended {role.end.isoformat()}")
    return f"{label} ({', '.join(details)})" if details else label


def _asked_twice(store: Store, person_id: int) -> list[Content]:
    """Every partnership approaching the person, when there are two or more."""
    asking = store.outreach().get(person_id, [])
    if len(asking) < 2:
        return []
    lines = [
        Content.styled(
            f"{ASKED_TWICE}Approached by {len(asking)} partnerships at once", "bold yellow"
        )
    ]
    live = {person.id: person.name for person in store.people()}
    for outreach in asking:
        owners = ", ".join(live[pid] for pid in outreach.owner_ids if pid in live)
        who = f"; {'convener' if outreach.owner_is_convener else 'outreach by'} {owners}"
        lines.append(
            Content(f"  • {outreach.partnership_name}: {outreach.what}{who if owners else ''}")
        )
    lines.append(Content("Agree who calls first (gap outreach-collision)."))
    lines.append(Content(""))
    return lines


def person_details(store: Store, person_id: int) -> Content:
    """Who the person is, and their roles in every partnership (ended ones as history)."""
    person = store.person(person_id)
    org: Organization | None = None
    if person.organization_id is not None:
        org = store.organization(person.organization_id)
    lines: list[Content] = [Content.styled(person.name, "bold")]
    for part in (person.title, org.name if org else "", person.email, person.phone):
        if part:
            lines.append(Content(part))
    lines.append(Content(""))
    lines += _asked_twice(store, person_id)
    roles = store.roles(person_id=person_id, current_only=False)
    if not roles:
        lines.append(Content.styled("No roles in any partnership yet (a assigns one).", "dim"))
        return Content("\n").join(lines)
    lines.append(Content.styled("Roles", "bold underline"))
    by_partnership: dict[int, list[RoleAssignment]] = defaultdict(list)
    for role in roles:
        by_partnership[role.partnership_id].append(role)
    for partnership in store.partnerships():
        held = by_partnership.get(partnership.id)
        if not held:
            continue
        teams = {team.id: team.name for team in store.teams(partnership.id)}
        lines.append(Content.styled(partnership.name, "bold"))
        held.sort(key=lambda r: (r.end is not None, ROLE_LABELS[r.role]))
        for role in held:
            style = "dim" if role.end is not None else ""
            lines.append(Content.styled(f"  • {role_text(role, teams)}", style))
    return Content("\n").join(lines)
