"""Model validation: every rule, with the plain-English message a user sees."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from nextgen_tui.models import (
    MAX_NAME_LENGTH,
    SYSTEM_OF_KIND,
    ActionTeam,
    ChampionDetails,
    Convening,
    Organization,
    OrgKind,
    Partnership,
    Person,
    RoleAssignment,
    RoleKind,
    Stage,
    System,
    Waiver,
    describe_errors,
    explain,
    field_errors,
)


def _errors(model: type[BaseModel], data: dict[str, Any]) -> tuple[dict[str, str], str]:
    with pytest.raises(ValidationError) as info:
        model.model_validate(data)
    return field_errors(info.value), explain(info.value)


def test_names_are_trimmed() -> None:
    assert Person(name="  Ann Lee \t").name == "Ann Lee"
    assert Organization(name="\u00a0Acme Tools  ").name == "Acme Tools"


@pytest.mark.parametrize("model", [Person, Organization, Partnership])
@pytest.mark.parametrize("blank", ["", "   ", "\t \n"])
def test_a_blank_name_is_refused_naming_the_field(model: type[BaseModel], blank: str) -> None:
    fields, sentence = _errors(model, {"name": blank})
    assert fields == {"name": "Name is required"}
    assert sentence == "Name is required."


def test_a_missing_name_is_required() -> None:
    fields, sentence = _errors(Person, {})
    assert fields == {"name": "Name is required"}
    assert sentence == "Name is required."


def test_a_name_of_200_characters_is_accepted_and_201_refused() -> None:
    assert len(Person(name="N" * MAX_NAME_LENGTH).name) == 200
    fields, sentence = _errors(Person, {"name": "N" * 201})
    assert fields == {"name": "Name must be at most 200 characters (it has 201)"}
    assert sentence == "Name must be at most 200 characters (it has 201)."


@pytest.mark.parametrize("bad", ["Ann\x07Lee", "Ann\nLee", "Ann\x00", "Ann\u200bLee", "A\u2028B"])
def test_control_characters_in_a_name_are_refused(bad: str) -> None:
    fields, sentence = _errors(Organization, {"name": bad})
    assert fields == {"name": "Name must not contain control characters"}
    assert sentence == "Name must not contain control characters."


@pytest.mark.parametrize("name", ["Zoë 👩🏽‍🔧 Ng", "מרים כהן", "Bob [/]", "O'Neil-Smith, Jr."])
def test_real_names_with_joiners_scripts_and_brackets_are_accepted(name: str) -> None:
    assert Person(name=name).name == name


def test_control_characters_in_other_short_text_are_refused_naming_that_field() -> None:
    fields, _ = _errors(Person, {"name": "Ann", "title": "Chief\x1bOfficer"})
    assert fields == {"title": "Title must not contain control characters"}


def test_notes_may_have_newlines_but_not_other_control_characters() -> None:
    assert Person(name="Ann", notes="line one\nline two\ttab").notes == "line one\nline two\ttab"
    fields, _ = _errors(Person, {"name": "Ann", "notes": "bell\x07"})
    assert fields == {"notes": "Notes must not contain control characters"}
    fields, _ = _errors(Person, {"name": "Ann", "notes": "line one\nbell\x07"})
    assert fields == {"notes": "Notes must not contain control characters"}


@pytest.mark.parametrize("good", ["ann@example.org", "a.b+tag@mail.example.co.uk", ""])
def test_valid_or_empty_emails_are_accepted(good: str) -> None:
    assert Person(name="Ann", email=f" {good} ").email == good


@pytest.mark.parametrize(
    "bad", ["ann", "ann@", "@example.org", "ann@example", "a n@x.org", "a@@x.org"]
)
def test_invalid_emails_are_refused_with_an_example(bad: str) -> None:
    fields, sentence = _errors(Person, {"name": "Ann", "email": bad})
    assert fields == {
        "email": "Email is not a valid email address (expected something like name@example.org)"
    }
    assert sentence.startswith("Email is not a valid email address")


def test_invalid_phone_is_refused_naming_the_field() -> None:
    assert Person(name="Ann", phone="+1 (555) 010-2000 x12").phone == "+1 (555) 010-2000 x12"
    fields, _ = _errors(Person, {"name": "Ann", "phone": "call me"})
    assert fields["phone"].startswith("Phone may contain only digits")


@pytest.mark.parametrize(
    ("model", "data", "field", "label"),
    [
        (Organization, {"name": "Acme", "kind": "spaceship"}, "kind", "Kind"),
        (Partnership, {"name": "P", "stage": "finished"}, "stage", "Stage"),
        (
            RoleAssignment,
            {"partnership_id": 1, "person_id": 1, "role": "boss", "start": "2026-01-01"},
            "role",
            "Role",
        ),
        (ChampionDetails, {"status": "maybe"}, "status", "Status"),
    ],
)
def test_unknown_enum_values_are_refused_listing_the_choices(
    model: type[BaseModel], data: dict[str, Any], field: str, label: str
) -> None:
    fields, sentence = _errors(model, data)
    assert list(fields) == [field]
    assert fields[field].startswith(f"{label} must be one of: ")
    assert sentence.startswith(f"{label} must be one of: ")
    assert "'" not in sentence


def test_an_enum_is_parsed_from_its_value() -> None:
    assert Organization(name="College", kind="community_college").kind is OrgKind.COMMUNITY_COLLEGE


def test_unknown_fields_are_refused() -> None:
    fields, sentence = _errors(Person, {"name": "Ann", "shoe_size": 42})
    assert fields == {"shoe_size": "Shoe size is not a known field"}
    assert sentence == "Shoe size is not a known field."


def test_bad_dates_and_numbers_say_what_is_expected() -> None:
    fields, _ = _errors(
        RoleAssignment,
        {"partnership_id": 1, "person_id": 1, "role": "core_team", "start": "next week"},
    )
    assert fields == {"start": "Start date must be a date like 2026-03-31"}
    fields, _ = _errors(Partnership, {"name": "P", "thresholds": {"champions_min": "two"}})
    assert fields == {"champions_min": "Minimum champions must be a whole number"}
    fields, _ = _errors(Partnership, {"name": "P", "thresholds": {"champions_min": -1}})
    assert fields == {"champions_min": "Minimum champions must be at least 0"}


def test_a_whole_model_rule_is_one_sentence_not_prefixed_with_the_field() -> None:
    fields, sentence = _errors(
        Partnership, {"name": "P", "thresholds": {"champions_min": 7, "champions_max": 6}}
    )
    assert fields == {"thresholds": "Minimum champions must not be more than Maximum champions"}
    assert sentence == "Minimum champions must not be more than Maximum champions."


def test_role_rules_are_explained() -> None:
    base = {"partnership_id": 1, "person_id": 2, "start": "2026-02-01"}
    _, sentence = _errors(RoleAssignment, {**base, "role": "action_team_member"})
    assert sentence == "An action team role needs a team."
    _, sentence = _errors(RoleAssignment, {**base, "role": "core_team", "champion": {}})
    assert sentence == "Champion details belong only to a champion role."
    _, sentence = _errors(RoleAssignment, {**base, "role": "core_team", "end": "2026-01-01"})
    assert sentence == "End date must not be before the start date."


def test_a_champion_always_has_details_and_a_leader_an_invitation() -> None:
    role = RoleAssignment(
        partnership_id=1, person_id=2, role=RoleKind.CHAMPION, start=date(2026, 1, 1)
    )
    assert role.champion == ChampionDetails()
    assert role.champion.missing_criteria == ["company", "industry", "community"]
    leader = RoleAssignment.model_validate(
        {"partnership_id": 1, "person_id": 2, "role": "industry_leader", "start": "2026-01-01"}
    )
    assert leader.leader is not None and leader.champion is None


def test_a_waiver_needs_a_reason() -> None:
    _, sentence = _errors(
        Waiver, {"from_stage": "prepare", "to_stage": "launch", "reason": "  ", "on": "2026-01-01"}
    )
    assert sentence == "A waiver needs a reason."


def test_an_action_team_meeting_needs_a_team() -> None:
    _, sentence = _errors(
        Convening, {"partnership_id": 1, "on": "2026-01-01", "kind": "action_team"}
    )
    assert sentence == "An action team meeting needs a team."


def test_team_name_rules_apply_to_every_named_model() -> None:
    fields, _ = _errors(ActionTeam, {"partnership_id": 1, "name": " "})
    assert fields == {"name": "Name is required"}


def test_describe_errors_keys_by_label_and_every_failing_field_is_reported() -> None:
    with pytest.raises(ValidationError) as info:
        Person.model_validate({"name": "", "email": "nope"})
    described = describe_errors(info.value)
    assert set(described) == {"Name", "Email"}
    assert set(field_errors(info.value)) == {"name", "email"}


def test_updated_validates_the_copy() -> None:
    ann = Person(name="Ann")
    assert ann.updated(name=" Ann Lee ").name == "Ann Lee"
    with pytest.raises(ValidationError):
        ann.updated(email="not-an-email")
    assert ann.email == ""


def test_assignment_to_a_field_is_validated() -> None:
    ann = Person(name="Ann")
    with pytest.raises(ValidationError):
        ann.name = ""


def test_stage_order_and_labels() -> None:
    assert [s.number for s in Stage] == [1, 2, 3, 4]
    assert Stage.PREPARE.next() is Stage.LAUNCH
    assert Stage.SUSTAIN.next() is None
    assert Stage.ACTION.label == "Action"


def test_every_kind_belongs_to_a_system() -> None:
    assert set(SYSTEM_OF_KIND) == set(OrgKind)
    assert Organization(name="Acme", kind=OrgKind.COMPANY).system is System.INDUSTRY
    unknown = Organization(name="Acme")  # never defaulted to a company
    assert unknown.kind is OrgKind.UNKNOWN and unknown.system is System.UNKNOWN
    assert not unknown.is_industry and not unknown.is_public
    assert Organization(name="Board", kind=OrgKind.WORKFORCE_BOARD).system is System.WORKFORCE
