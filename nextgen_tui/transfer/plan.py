"""The import preview: what each roster row will do, and applying it all at once.

:func:`build_plan` reads nothing from disk and writes nothing: it validates every row and
decides its outcome against the directory:

- ``new``: nobody like this person is in the directory yet;
- ``match``: the same email, or the same name at the same organization (ignoring case and
  accents), is already there; the user picks ``update`` (the file's details replace the
  directory's), ``keep`` (the directory's details stay; only roles the person does not hold
  yet are added) or ``add`` (a new, separate person anyway);
- ``invalid``: with the reason, and the row number as the spreadsheet shows it.

Several rows about the same person (our own export writes one row per role) are one person:
the later rows follow the first one's outcome and choice.

:func:`apply` writes the whole plan in ONE store transaction: one atomic file write and one
undo step; if anything fails, nothing is written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from nextgen_tui.models import (
    ROLE_LABELS,
    TEAM_ROLES,
    ActionTeam,
    ChampionDetails,
    Organization,
    OrgKind,
    Partnership,
    Person,
    RoleKind,
    explain,
)
from nextgen_tui.models.kind_guess import guess_kind
from nextgen_tui.store.repository import Store
from nextgen_tui.text.search import fold
from nextgen_tui.text.wording import plural
from nextgen_tui.transfer.cells import (
    CellError,
    parse_champion_status,
    parse_criteria,
    parse_date,
    parse_invite,
    parse_kind,
    parse_roles,
    parse_yes_no,
)
from nextgen_tui.transfer.spreadsheet import RosterRow

if TYPE_CHECKING:
    pass


class Outcome(StrEnum):
    NEW = "new"
    MATCH = "match"
    INVALID = "invalid"


class Choice(StrEnum):
    UPDATE = "update"
    KEEP = "keep"
    ADD = "add"


CHOICE_HELP: dict[Choice, str] = {
    Choice.UPDATE: "update the person's details from the file",
    Choice.KEEP: "keep the person's details; only add roles they do not hold",
    Choice.ADD: "add a new, separate person anyway",
}

_CHAMPION_FIELDS = (
    "champion_status",
    "champion_criteria",
    "outreach_owner",
    "signed_invite",
    "hosts_launch",
)
_LEADER_FIELDS = ("invite_status", "introduced")
_PERSON_FIELDS = ("name", "title", "email", "phone")

#: No details: one shared, read-only mapping for every row without any.
_NONE: Mapping[str, Any] = MappingProxyType({})


def _no_details() -> Mapping[str, Any]:
    return _NONE


#: A row's roles: (role, team name) pairs.
Roles = tuple[tuple[RoleKind, str], ...]


@dataclass(slots=True)
class RowPlan:
    """One roster row's outcome and the parsed values it will write (slotted: an import
    of 50,000 rows holds 50,000 of them; what most rows have alike, no warnings, no
    details, the same roles, is one shared immutable value, not one per row)."""

    number: int
    name: str
    organization: str
    outcome: Outcome = Outcome.NEW
    reason: str = ""
    match_id: int | None = None
    choice: Choice = Choice.KEEP
    same_as: int | None = None  # an earlier row about the same person
    warnings: tuple[str, ...] = ()
    title: str = ""  # the person's other fields as given ("": not given)
    email: str = ""
    phone: str = ""
    org_kind: OrgKind = OrgKind.UNKNOWN  # what will be stored for a new organization
    kind_from: str = "file"  # "file", "guess" (from the name), "directory" or "you"
    org_industry: str = ""
    roles: Roles = ()
    start: date | None = None
    champion: Mapping[str, Any] = field(default_factory=_no_details)  # given ChampionDetails
    leader: Mapping[str, Any] = field(default_factory=_no_details)  # given LeaderDetails
    outreach_owner: str = ""

    @property
    def person(self) -> dict[str, str]:
        """The person fields the row gives (blank ones left out)."""
        given = (("name", self.name), ("title", self.title), ("email", self.email))
        return {f: value for f, value in (*given, ("phone", self.phone)) if value}

    @property
    def valid(self) -> bool:
        return self.outcome is not Outcome.INVALID

    @property
    def role_text(self) -> str:
        return ", ".join(
            ROLE_LABELS[role] + (f" ({team})" if team else "") for role, team in self.roles
        )


@dataclass
class ImportPlan:
    source: str
    rows: list[RowPlan]
    partnership_id: int | None = None
    new_partnership: Partnership | None = None
    partnership_error: str = ""

    def row(self, number: int) -> RowPlan:
        for row in self.rows:
            if row.number == number:
                return row
        raise KeyError(number)

    def group(self, lead: RowPlan) -> list[RowPlan]:
        """The lead row and the later rows about the same person."""
        return [lead, *(r for r in self.rows if r.same_as == lead.number)]

    @property
    def leads(self) -> list[RowPlan]:
        return [r for r in self.rows if r.valid and r.same_as is None]

    def set_choice(self, number: int, choice: Choice) -> None:
        """Choose for a matching row (and every row about the same person)."""
        row = self.row(number)
        lead = self.row(row.same_as) if row.same_as is not None else row
        if lead.outcome is not Outcome.MATCH:
            return
        for member in self.group(lead):
            member.choice = choice

    def set_kind(self, number: int, kind: OrgKind) -> list[RowPlan]:
        """Set the kind of the new organization that row ``number`` names, for every row
        naming it; returns the rows changed (none when it is already in the directory)."""
        row = self.row(number)
        if not row.valid or row.kind_from == "directory":
            return []
        key = fold(row.organization)
        changed = [r for r in self.rows if r.valid and fold(r.organization) == key]
        for member in changed:
            member.org_kind, member.kind_from = kind, "you"
            member.warnings = tuple(w for w in member.warnings if not w.startswith("The kind of "))
        return changed

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.rows if r.outcome is outcome)

    @property
    def writes_anything(self) -> bool:
        return self.new_partnership is not None or any(r.valid for r in self.rows)

    def summary(self) -> str:
        leads = self.leads
        matches = [r for r in leads if r.outcome is Outcome.MATCH]
        new = sum(1 for r in leads if r.outcome is Outcome.NEW)
        invalid = self.count(Outcome.INVALID)
        parts = [
            f"{plural(len(self.rows), 'row')}: {plural(new, 'new person', 'new people')}, "
            f"{plural(len(matches), 'match', 'matches')} with people already in the "
            f"directory, {plural(invalid, 'invalid row')}."
        ]
        if matches:
            chosen = ", ".join(
                f"{c.value} {sum(1 for r in matches if r.choice is c)}" for c in Choice
            )
            parts.append(f"Matches: {chosen}.")
        if self.new_partnership is not None:
            parts.append(f"The partnership {self.new_partnership.name} will be created.")
        return " ".join(parts)


# --------------------------------------------------------------------------- parsing rows


def _parse_row(row: RosterRow, default_role: RoleKind | None, shared: dict[Any, Any]) -> RowPlan:
    plan = RowPlan(row.number, row.get("name"), row.get("organization"))
    try:
        _fill(plan, row, default_role, shared)
    except CellError as exc:
        plan.outcome, plan.reason = Outcome.INVALID, str(exc)
    except ValidationError as exc:
        plan.outcome, plan.reason = Outcome.INVALID, explain(exc)
    return plan


def _same(given: str, valid: str) -> str:
    """The validated text, as the row's own string when validating left it as it was (a
    value repeated down a column is then one string, not one per row)."""
    return given if given == valid else valid


def _fill(
    plan: RowPlan, row: RosterRow, default_role: RoleKind | None, shared: dict[Any, Any]
) -> None:
    """Parse and validate ``row`` into ``plan``; ``shared``: values seen in earlier rows
    (role lists, dates), kept once for all the rows that have them."""
    if not plan.name:
        raise CellError("The Name is empty")
    if not plan.organization:
        raise CellError("The Organization is empty")
    person = Person.model_validate({f: row.get(f) for f in _PERSON_FIELDS})
    plan.name = _same(row.get("name"), person.name)
    plan.title = _same(row.get("title"), person.title)
    plan.email = _same(row.get("email"), person.email)
    plan.phone = _same(row.get("phone"), person.phone)
    org = Organization.model_validate({"name": plan.organization, "industry": row.get("industry")})
    plan.organization = _same(plan.organization, org.name)
    plan.org_industry = _same(row.get("industry"), org.industry)
    if row.get("org_kind"):
        plan.org_kind = parse_kind(row.get("org_kind"))
    else:  # never silently a company: guessed from the name (a named industry is a company)
        plan.org_kind, plan.kind_from = guess_kind(org.name, org.industry), "guess"
    roles = parse_roles(row.get("roles"))
    team = " ".join(row.get("team").split())
    if any(row.get(f) for f in _CHAMPION_FIELDS) and RoleKind.CHAMPION not in roles:
        roles.append(RoleKind.CHAMPION)
    if any(row.get(f) for f in _LEADER_FIELDS) and RoleKind.INDUSTRY_LEADER not in roles:
        roles.append(RoleKind.INDUSTRY_LEADER)
    if team and not TEAM_ROLES & set(roles):
        roles.append(RoleKind.ACTION_TEAM_MEMBER)
    if not roles and default_role is not None:
        roles.append(default_role)
    if TEAM_ROLES & set(roles):
        if not team:
            raise CellError("An action team role needs the team's name in an Action team column")
        ActionTeam.model_validate({"partnership_id": 0, "name": team})
    pairs = tuple((r, team if r in TEAM_ROLES else "") for r in roles)
    plan.roles = shared.setdefault(pairs, pairs)
    if not roles:
        plan.warnings += ("No role given: the person is added to the directory only",)
    if row.get("start"):
        start = parse_date(row.get("start"))
        plan.start = shared.setdefault(start, start)
    champion: dict[str, Any] = {}
    if row.get("champion_status"):
        champion["status"] = parse_champion_status(row.get("champion_status"))
    if row.get("champion_criteria"):
        champion.update(parse_criteria(row.get("champion_criteria")))
    for name, label in (("signed_invite", "Signed invite"), ("hosts_launch", "Hosts launch")):
        if row.get(name):
            champion[name] = parse_yes_no(row.get(name), label)
    if champion:
        ChampionDetails.model_validate(champion)
        plan.champion = champion
    plan.outreach_owner = " ".join(row.get("outreach_owner").split())
    leader: dict[str, Any] = {}
    if row.get("invite_status"):
        leader["invitation"], attended = parse_invite(row.get("invite_status"))
        if attended:
            leader["attended"] = True
    if row.get("introduced"):
        leader["introduced"] = parse_yes_no(row.get("introduced"), "Introduced")
    if leader:
        plan.leader = leader


# --------------------------------------------------------------------------- the plan


def build_plan(
    store: Store,
    rows: Sequence[RosterRow],
    *,
    partnership: int | str,
    industry: str = "",
    region: str = "",
    on_match: Choice = Choice.KEEP,
    default_role: RoleKind | None = None,
    source: str = "",
) -> ImportPlan:
    """Decide every row's outcome against ``store``'s directory; writes nothing."""
    shared: dict[Any, Any] = {}
    plan = ImportPlan(source, [_parse_row(r, default_role, shared) for r in rows])
    del shared
    if isinstance(partnership, int):
        plan.partnership_id = store.partnership(partnership).id
    else:
        found = store.partnership_by_name(partnership)
        if found is not None:
            plan.partnership_id = found.id
        else:
            try:
                plan.new_partnership = Partnership.model_validate(
                    {"name": partnership, "industry": industry, "region": region}
                )
            except ValidationError as exc:
                plan.partnership_error = f"Partnership: {explain(exc)}"
    _match(store, plan, on_match)
    _check_owners(store, plan)
    _known_kinds(store, plan)
    return plan


def _known_kinds(store: Store, plan: ImportPlan) -> None:
    """An organization already in the directory keeps its kind; new ones of unknown kind
    are pointed out."""
    known = {fold(o.name): o for o in store.organizations()}
    for row in plan.rows:
        if not row.valid:
            continue
        org = known.get(fold(row.organization))
        if org is not None:
            row.org_kind, row.kind_from = org.kind, "directory"
        elif row.org_kind is OrgKind.UNKNOWN and row.same_as is None:
            row.warnings += (
                f"The kind of {row.organization} is unknown: it will count neither as industry "
                "nor as a public system until you set it",
            )


def _match(store: Store, plan: ImportPlan, on_match: Choice) -> None:
    orgs = {o.id: fold(o.name) for o in store.organizations(include_deleted=True)}
    by_email: dict[str, Person] = {}
    by_name_org: dict[tuple[str, str], Person] = {}
    for person in sorted(store.people(), key=lambda p: p.id):
        if person.email:
            by_email.setdefault(fold(person.email), person)
        org_key = orgs.get(person.organization_id or 0, "")
        by_name_org.setdefault((fold(person.name), org_key), person)
    in_file_email: dict[str, RowPlan] = {}
    in_file_name: dict[tuple[str, str], RowPlan] = {}
    for row in plan.rows:
        if not row.valid:
            continue
        email = fold(row.email)
        name_key = (fold(row.name), fold(row.organization))
        lead = (in_file_email.get(email) if email else None) or in_file_name.get(name_key)
        if lead is not None:
            row.same_as, row.outcome = lead.number, lead.outcome
            row.match_id, row.choice = lead.match_id, lead.choice
            row.reason = f"Same person as row {lead.number}"
        else:
            lead = row
            found = by_email.get(email) if email else None
            how = "the same email"
            if found is None:
                found, how = by_name_org.get(name_key), "the same name and organization"
            if found is not None:
                row.outcome, row.match_id, row.choice = Outcome.MATCH, found.id, on_match
                row.reason = f"Has {how} as {found.name} (already in the directory)"
        if email:
            in_file_email.setdefault(email, lead)
        in_file_name.setdefault(name_key, lead)


def _check_owners(store: Store, plan: ImportPlan) -> None:
    names = {fold(r.name) for r in plan.rows if r.valid}
    names |= {fold(p.name) for p in store.people()}
    for row in plan.rows:
        if row.valid and row.outreach_owner and fold(row.outreach_owner) not in names:
            row.warnings += (
                f"Outreach owner {row.outreach_owner!r} is in neither the file nor the "
                "directory; left blank",
            )
            row.outreach_owner = ""
