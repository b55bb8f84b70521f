"""Small builders for tests: seed a store with organizations, people and roles."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import Concatenate, ParamSpec, TypeVar

from nextgen_tui.models import (
    ChampionDetails,
    ChampionStatus,
    InvitationStatus,
    LeaderDetails,
    Organization,
    OrgKind,
    Partnership,
    Person,
    RoleAssignment,
    RoleKind,
)
from nextgen_tui.store.repository import Store

P = ParamSpec("P")
T = TypeVar("T")


def seeds(build: Callable[Concatenate[Store, P], T]) -> Callable[Concatenate[Store, P], T]:
    """Make a seeding function write its records in one transaction: one durable write
    instead of one (with its fsync) per record. The seed is then not an undo step, as in a
    file the app has just opened: ctrl+z in a test (a random walk's, say) cannot wipe it."""

    @functools.wraps(build)
    def seed(store: Store, /, *args: P.args, **kwargs: P.kwargs) -> T:
        with store.transaction("Seed the test's roster"):
            result = build(store, *args, **kwargs)
        store.history.clear()
        return result

    return seed


HOSTILE_NAMES = [
    "Bob [/]",
    "[TODO] Ann",
    "[$accent]x",
    "[link=x]y",
    '=HYPERLINK("x")',
    "מרים כהן",  # right-to-left
    "Zoë 👩🏽‍🔧 Ng",
    "[b]bold[/b] Lee",
    "N" * 200,
]


def org(store: Store, name: str, kind: OrgKind = OrgKind.COMPANY, **fields: object) -> Organization:
    return store.save_organization(
        Organization.model_validate({"name": name, "kind": kind, **fields})
    )


def person(
    store: Store, name: str, organization: Organization | None = None, **fields: object
) -> Person:
    data = {"name": name, "organization_id": organization.id if organization else None, **fields}
    return store.save_person(Person.model_validate(data))


def partnership(
    store: Store,
    name: str = "Advanced Manufacturing, North Valley",
    industry: str = "Advanced Manufacturing",
    region: str = "North Valley",
    **fields: object,
) -> Partnership:
    data = {"name": name, "industry": industry, "region": region, **fields}
    return store.save_partnership(Partnership.model_validate(data))


def champion(
    store: Store,
    p: Partnership,
    who: Person,
    status: ChampionStatus = ChampionStatus.COMMITTED,
    **details: object,
) -> RoleAssignment:
    return store.assign(
        p.id,
        who.id,
        RoleKind.CHAMPION,
        champion=ChampionDetails.model_validate({"status": status, **details}),
    )


def leader(
    store: Store,
    p: Partnership,
    who: Person,
    invitation: InvitationStatus = InvitationStatus.ACCEPTED,
    **details: object,
) -> RoleAssignment:
    return store.assign(
        p.id,
        who.id,
        RoleKind.INDUSTRY_LEADER,
        leader=LeaderDetails.model_validate({"invitation": invitation, **details}),
    )


def companies_with_leaders(
    store: Store, p: Partnership, count: int, *, prefix: str = "Company"
) -> list[Person]:
    """``count`` companies, each with one accepted industry leader."""
    people = []
    for i in range(count):
        company = org(
            store, f"{prefix} {i + 1}", OrgKind.COMPANY, industry=p.industry, region=p.region
        )
        who = person(store, f"Leader {prefix} {i + 1}", company)
        leader(store, p, who)
        people.append(who)
    return people


TODAY = date(2026, 6, 1)
