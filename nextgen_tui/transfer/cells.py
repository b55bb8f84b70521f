"""Turning the text of roster cells into domain values: roles, kinds, statuses, yes/no, dates.

Each parser raises :class:`CellError` with a plain message that names the column and the
value and lists what is accepted; the import plan shows it as the row's reason.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from nextgen_tui.models import (
    KIND_LABELS,
    ROLE_LABELS,
    ChampionStatus,
    InvitationStatus,
    OrgKind,
    RoleKind,
)
from nextgen_tui.transfer.spreadsheet import header_key


class CellError(ValueError):
    """A cell's value is not one the roster accepts."""


def _lookup(table: dict[str, str], aliases: dict[str, str]) -> dict[str, str]:
    result = {header_key(k): v for k, v in table.items()}
    result.update({header_key(k): v for k, v in aliases.items()})
    return result


#: Roles a roster may name (by value, label or a common alias).
_ROLE_KEYS = _lookup(
    {
        **{r.value: r.value for r in RoleKind},
        **{label: r.value for r, label in ROLE_LABELS.items()},
    },
    {
        "support team": "convening_team",
        "convening": "convening_team",
        "core": "core_team",
        "core planning": "core_team",
        "planning team": "core_team",
        "lead convener": "convener",
        "co-convenor": "co_convener",
        "convenor": "convener",
        "industry champion": "champion",
        "ceo champion": "champion",
        "leader": "industry_leader",
        "business leader": "industry_leader",
        "delegate": "support_delegate",
        "support delegate": "support_delegate",
        "action team": "action_team_member",
        "team member": "action_team_member",
        "team lead": "action_team_lead",
    },
)

_KIND_KEYS = _lookup(
    {**{k.value: k.value for k in OrgKind}, **{label: k.value for k, label in KIND_LABELS.items()}},
    {
        "business": "company",
        "employer": "company",
        "industry": "company",
        "school": "k12",
        "school district": "k12",
        "k-12": "k12",
        "college": "community_college",
        "cc": "community_college",
        "wdb": "workforce_board",
        "workforce": "workforce_board",
        "american job center": "job_center",
        "chamber of commerce": "chamber",
        "edc": "economic_development",
        "economic development organization": "economic_development",
        "union": "labor",
        "nonprofit": "community_org",
        "non-profit": "community_org",
        "cbo": "community_org",
        "community": "community_org",
        "unknown": "unknown",
        "not known": "unknown",
        "?": "unknown",
    },
)

_SPLIT = re.compile(r"[;,|\n]+")


def split_list(text: str) -> list[str]:
    """``"core_team; champion"`` -> ``["core_team", "champion"]`` (``;`` ``,`` ``|`` split)."""
    return [part.strip() for part in _SPLIT.split(text) if part.strip()]


def parse_roles(text: str) -> list[RoleKind]:
    roles: list[RoleKind] = []
    for part in split_list(text):
        value = _ROLE_KEYS.get(header_key(part))
        if value is None:
            raise CellError(
                f"Role {part!r} is not known; use one of: " + ", ".join(r.value for r in RoleKind)
            )
        if RoleKind(value) not in roles:
            roles.append(RoleKind(value))
    return roles


def parse_kind(text: str) -> OrgKind:
    """A kind cell's kind; a blank cell is unknown (the plan guesses from the name)."""
    if not text.strip():
        return OrgKind.UNKNOWN
    value = _KIND_KEYS.get(header_key(text))
    if value is None:
        raise CellError(
            f"Organization kind {text!r} is not known; use one of: "
            + ", ".join(k.value for k in OrgKind)
        )
    return OrgKind(value)


def parse_champion_status(text: str) -> ChampionStatus:
    key = header_key(text)
    for status in ChampionStatus:
        if key == status.value:
            return status
    raise CellError(
        f"Champion status {text!r} is not known; use one of: "
        + ", ".join(s.value for s in ChampionStatus)
    )


CRITERIA = ("company", "industry", "community")


def parse_criteria(text: str) -> dict[str, bool]:
    """``"company; community"`` -> the three ``passionate_*`` flags."""
    keys = {header_key(part).removeprefix("passionateabout") for part in split_list(text)}
    if keys & {"all", "yes", "allthree"}:
        keys = set(CRITERIA)
    unknown = keys - set(CRITERIA)
    if unknown:
        raise CellError(
            f"Champion criteria {text!r} are not known; use a ;-separated list of "
            "company, industry, community"
        )
    return {f"passionate_{c}": c in keys for c in CRITERIA}


_YES = frozenset({"yes", "y", "true", "1", "x", "✓", "✔", "signed", "ja", "oui", "si", "sí"})
_NO = frozenset({"no", "n", "false", "0", "-", "nein", "non"})


def parse_yes_no(text: str, label: str) -> bool:
    key = text.strip().casefold()
    if key in _YES:
        return True
    if key in _NO or not key:
        return False
    raise CellError(f"{label} must be yes or no (it is {text!r})")


def parse_invite(text: str) -> tuple[InvitationStatus, bool]:
    """The invitation status and whether they attended (``attended`` implies accepted)."""
    key = header_key(text)
    if key == "attended":
        return InvitationStatus.ACCEPTED, True
    for status in InvitationStatus:
        if key == status.value:
            return status, False
    raise CellError(
        f"Invite status {text!r} is not known; use one of: invited, accepted, declined, attended"
    )


_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%m/%d/%Y", "%m/%d/%y", "%d.%m.%Y", "%d.%m.%y")


_EXCEL_EPOCH = date(1899, 12, 30)  # Excel's day 0 (its 1900 leap-year bug folded in)
_SERIAL = re.compile(r"^\d{5}(\.\d+)?$")


def parse_date(text: str, label: str = "Start date") -> date:
    """ISO (and Excel's ``2026-03-01 00:00``), US ``3/1/2026``, European ``1.3.2026``, or
    an Excel serial day number (``46082``) from a date cell saved as a plain number."""
    value = text.strip()
    if _SERIAL.match(value):
        return date.fromordinal(_EXCEL_EPOCH.toordinal() + int(float(value)))
    candidate = value.split(" ")[0] if re.match(r"^\d{4}-\d\d-\d\d[ T]", value) else value
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(candidate, fmt).date()
        except ValueError:
            continue
    raise CellError(f"{label} {text!r} is not a date; write it like 2026-03-31")
