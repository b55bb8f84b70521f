"""Roster import: matching rows to the directory (update / keep / add), applying the plan, kinds.

Reading files and checking rows are tested in ``test_import.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from nextgen_tui.models import ChampionStatus, Organization, OrgKind, RoleKind
from nextgen_tui.store.repository import Store
from nextgen_tui.transfer.apply import apply
from nextgen_tui.transfer.plan import Choice, Outcome
from tests.support import factories as f
from tests.support.importing import plan_import, roles_of, run_import


def _file(folder: Path, text: str, name: str = "roster.csv", encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


# --------------------------------------------------------------------------- duplicates


def _directory(store: Store) -> dict[str, Any]:
    acme = f.org(store, "Acme Tools")
    college = f.org(store, "Valley College", OrgKind.COMMUNITY_COLLEGE)
    return {
        "josé": f.person(store, "José Núñez", acme, title="Plant manager"),
        "ann": f.person(store, "Ann Lee", college, email="ann@valley.edu", title="Dean"),
        "acme": acme,
        "college": college,
    }


def test_match_by_email_ignoring_case(store: Store, tmp_path: Path) -> None:
    known = _directory(store)
    plan = plan_import(
        store, _file(tmp_path, "Name,Company,Email\nAnnie Lee,Other,ANN@Valley.edu\n")
    )
    row = plan.rows[0]
    assert (row.outcome, row.match_id) == (Outcome.MATCH, known["ann"].id)
    assert "same email" in row.reason


def test_match_by_name_at_the_same_organization_ignoring_case_and_accents(
    store: Store, tmp_path: Path
) -> None:
    known = _directory(store)
    plan = plan_import(store, _file(tmp_path, "Name,Company\n  JOSE nunez ,acme tools\n"))
    row = plan.rows[0]
    assert (row.outcome, row.match_id) == (Outcome.MATCH, known["josé"].id)
    assert "same name and organization" in row.reason


def test_same_name_at_another_organization_is_a_new_person(store: Store, tmp_path: Path) -> None:
    _directory(store)
    plan = plan_import(store, _file(tmp_path, "Name,Company\nJosé Núñez,Other Corp\n"))
    assert plan.rows[0].outcome is Outcome.NEW


def test_rows_about_the_same_person_in_the_file_are_one_person(
    store: Store, tmp_path: Path
) -> None:
    roster = _file(
        tmp_path,
        "Name,Company,Email,Roles\n"
        "Ann Lee,Acme,ann@acme.com,core_team\n"
        "ann lee,ACME,,champion\n"
        "A. Lee,Acme,Ann@Acme.com,convening_team\n",
    )
    plan = plan_import(store, roster)
    assert [r.same_as for r in plan.rows] == [None, 2, 2]
    assert "Same person as row 2" in plan.rows[1].reason
    result = apply(store, plan)
    assert result.people_created == 1
    assert set(roles_of(store, "Ann Lee")) == {
        RoleKind.CORE_TEAM,
        RoleKind.CHAMPION,
        RoleKind.CONVENING_TEAM,
    }


def test_update_replaces_the_directory_details(store: Store, tmp_path: Path) -> None:
    known = _directory(store)
    roster = _file(tmp_path, "Name,Company,Title,Roles\nJose Nunez,Acme Tools,COO,core_team\n")
    result = run_import(store, roster, on_match=Choice.UPDATE)
    assert (result.people_created, result.people_updated) == (0, 1)
    josé = store.person(known["josé"].id)
    assert (josé.name, josé.title) == ("Jose Nunez", "COO")
    assert [r.person_id for r in store.roles()] == [josé.id]


def test_keep_leaves_details_and_only_adds_roles(store: Store, tmp_path: Path) -> None:
    known = _directory(store)
    roster = _file(tmp_path, "Name,Company,Title,Roles\nJose Nunez,Acme Tools,COO,core_team\n")
    result = run_import(store, roster, on_match=Choice.KEEP)
    assert (result.people_created, result.people_kept, result.roles_added) == (0, 1, 1)
    assert store.person(known["josé"].id) == known["josé"]
    assert [r.person_id for r in store.roles()] == [known["josé"].id]


def test_add_anyway_creates_a_separate_person(store: Store, tmp_path: Path) -> None:
    known = _directory(store)
    roster = _file(tmp_path, "Name,Company,Roles\nJose Nunez,Acme Tools,core_team\n")
    result = run_import(store, roster, on_match=Choice.ADD)
    assert result.people_created == 1
    assert store.person(known["josé"].id) == known["josé"]
    assert sorted(p.name for p in store.people()) == ["Ann Lee", "Jose Nunez", "José Núñez"]
    assert store.person(store.roles()[0].person_id).name == "Jose Nunez"


def test_choices_are_made_per_row(store: Store, tmp_path: Path) -> None:
    known = _directory(store)
    roster = _file(
        tmp_path,
        "Name,Company,Email,Title,Roles\n"
        "José Núñez,Acme Tools,,CEO,core_team\n"
        "Ann Lee,Valley College,ann@valley.edu,Provost,core_team\n",
    )
    plan = plan_import(store, roster)
    assert [r.choice for r in plan.rows] == [Choice.KEEP, Choice.KEEP]  # the default
    plan.set_choice(3, Choice.UPDATE)  # row 3 (the header is row 1): Ann
    assert "update 1, keep 1, add 0" in plan.summary()
    apply(store, plan)
    assert store.person(known["josé"].id).title == "Plant manager"
    assert store.person(known["ann"].id).title == "Provost"


def test_importing_the_same_file_twice_adds_nobody_and_no_role(
    store: Store, tmp_path: Path
) -> None:
    roster = _file(tmp_path, "Name,Company,Email,Roles\nAnn,Acme,ann@acme.com,core_team\n")
    run_import(store, roster)
    again = run_import(store, roster)
    assert (again.people_created, again.organizations_created, again.roles_added) == (0, 0, 0)
    assert len(store.people()) == len(store.roles()) == 1


def test_update_changes_the_details_of_a_role_already_held(store: Store, tmp_path: Path) -> None:
    p = f.partnership(store)
    ann = f.person(store, "Ann", f.org(store, "Acme"))
    f.champion(store, p, ann, ChampionStatus.ASKED)
    roster = _file(tmp_path, "Name,Company,Champion status\nAnn,Acme,committed\n")
    result = run_import(store, roster, partnership=p.id, on_match=Choice.UPDATE)
    assert (result.roles_added, result.roles_updated) == (0, 1)
    champion = roles_of(store, "Ann")[RoleKind.CHAMPION].champion
    assert champion is not None and champion.status is ChampionStatus.COMMITTED


# --------------------------------------------------------------------------- writing


def test_the_preview_writes_nothing(store: Store, db_path: Path, tmp_path: Path) -> None:
    f.partnership(store)
    before = db_path.read_bytes()
    plan = plan_import(store, _file(tmp_path, "Name,Company,Roles\nAnn,Acme,core_team\n"))
    assert plan.writes_anything
    assert db_path.read_bytes() == before
    assert store.people() == []


def test_a_failure_in_the_middle_writes_nothing(
    store: Store, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f.partnership(store)
    f.person(store, "Already Here", f.org(store, "Acme"))
    before = db_path.read_bytes()
    roster = _file(
        tmp_path, "Name,Company,Roles\nAnn,Acme,core_team\nBen,Newco,champion\nCy,Cyco,\n"
    )
    plan = plan_import(store, roster)
    calls: list[int] = []
    real = Store.save_many

    def failing(self: Store, records: Any, label: str = "Save records") -> Any:
        calls.append(len(records))
        if len(calls) == 3:  # organizations and people are saved; the roles are not
            raise OSError("disk full")
        return real(self, records, label)

    monkeypatch.setattr(Store, "save_many", failing)
    with pytest.raises(OSError, match="disk full"):
        apply(store, plan)
    monkeypatch.undo()
    assert len(calls) == 3
    assert db_path.read_bytes() == before
    assert [p.name for p in store.people()] == ["Already Here"]  # the store forgot it too
    assert [o.name for o in store.organizations()] == ["Acme"]
    assert store.roles() == []
    store.close()
    with Store(db_path) as fresh:
        assert [p.name for p in fresh.people()] == ["Already Here"]


def test_the_whole_import_is_one_undo_step(store: Store, tmp_path: Path) -> None:
    f.partnership(store)
    roster = _file(tmp_path, "Name,Company,Roles\nAnn,Acme,core_team\nBen,Newco,champion\n")
    run_import(store, roster)
    assert store.undo_label == "Import roster.csv"
    store.undo()
    assert store.people() == [] and store.roles() == [] and store.organizations() == []


def test_an_existing_partnership_by_name_is_reused(store: Store, tmp_path: Path) -> None:
    p = f.partnership(store)
    result = run_import(store, _file(tmp_path, "Name,Company,Roles\nAnn,Acme,core_team\n"))
    assert result.partnership_id == p.id and not result.partnership_created
    assert len(store.partnerships()) == 1


def test_a_default_role_for_rows_without_one(store: Store, tmp_path: Path) -> None:
    roster = _file(tmp_path, "Name,Company,Roles\nAnn,Acme,\nBen,Ode,champion\n")
    run_import(store, roster, default_role=RoleKind.CONVENING_TEAM)
    assert set(roles_of(store, "Ann")) == {RoleKind.CONVENING_TEAM}
    assert set(roles_of(store, "Ben")) == {RoleKind.CHAMPION}


def test_progress_is_reported(store: Store, tmp_path: Path) -> None:
    plan = plan_import(store, _file(tmp_path, "Name,Company\nAnn,Acme\n"))
    steps: list[tuple[int, int]] = []
    apply(store, plan, lambda done, total: steps.append((done, total)))
    assert steps[-1] == (4, 4)


# --------------------------------------------------------------------------- kinds


def test_a_blank_kind_is_guessed_from_the_name_and_shown_in_the_plan(
    store: Store, tmp_path: Path
) -> None:
    store.save_organization(Organization(name="Valley Forge", kind=OrgKind.COMPANY))
    roster = _file(
        tmp_path,
        "name,organization,org_kind,industry,roles\n"
        "Ann,Valley Community College,,,core_team\n"
        "Bea,Tri-County Workforce Development Board,,,core_team\n"
        "Cy,North Valley Chamber of Commerce,,,core_team\n"
        "Di,Precision Parts,,Advanced Manufacturing,industry_leader\n"
        "Ed,Mystery Works,,,industry_leader\n"
        "Flo,Mystery Works,,,industry_leader\n"
        "Gus,valley forge,,,industry_leader\n",
    )
    plan = plan_import(store, roster)
    kinds = {row.name: (row.org_kind, row.kind_from) for row in plan.rows}
    assert kinds == {
        "Ann": (OrgKind.COMMUNITY_COLLEGE, "guess"),
        "Bea": (OrgKind.WORKFORCE_BOARD, "guess"),
        "Cy": (OrgKind.CHAMBER, "guess"),
        "Di": (OrgKind.COMPANY, "guess"),  # the row names its industry: a company
        "Ed": (OrgKind.UNKNOWN, "guess"),
        "Flo": (OrgKind.UNKNOWN, "guess"),
        "Gus": (OrgKind.COMPANY, "directory"),  # already in the directory: its kind stays
    }
    ed = plan.row(6)
    assert any("The kind of Mystery Works is unknown" in w for w in ed.warnings)
    assert plan.set_kind(3, OrgKind.UNIVERSITY) == [plan.row(3)]
    assert plan.set_kind(8, OrgKind.LABOR) == []  # the directory's organization: not here
    changed = plan.set_kind(7, OrgKind.COMPANY)  # every row naming it
    assert [r.name for r in changed] == ["Ed", "Flo"] and not ed.warnings
    apply(store, plan)
    by_name = {o.name: o.kind for o in store.organizations()}
    assert by_name["Mystery Works"] is OrgKind.COMPANY
    assert by_name["Tri-County Workforce Development Board"] is OrgKind.UNIVERSITY
    assert by_name["Valley Forge"] is OrgKind.COMPANY
