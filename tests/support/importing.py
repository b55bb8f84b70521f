"""Running a roster import in the tests: plan, apply, and the roles a person ended with."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nextgen_tui.models import RoleKind
from nextgen_tui.store.repository import Store
from nextgen_tui.transfer.apply import ImportResult, apply
from nextgen_tui.transfer.plan import ImportPlan, build_plan
from nextgen_tui.transfer.spreadsheet import read_roster

PARTNERSHIP = "Advanced Manufacturing, North Valley"


def plan_import(store: Store, path: Path, **options: Any) -> ImportPlan:
    table = read_roster(path)
    options.setdefault("partnership", PARTNERSHIP)
    return build_plan(store, table.rows, source=path.name, **options)


def run_import(store: Store, path: Path, **options: Any) -> ImportResult:
    return apply(store, plan_import(store, path, **options))


def roles_of(store: Store, name: str) -> dict[RoleKind, Any]:
    people = [p for p in store.people() if p.name == name]
    assert len(people) == 1, f"{len(people)} people named {name}"
    return {r.role: r for r in store.roles() if r.person_id == people[0].id}
