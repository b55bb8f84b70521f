"""Guessing an organization's kind from its name: every word of the list, and no guess."""

from __future__ import annotations

import pytest

from nextgen_tui.models import OrgKind
from nextgen_tui.models.kind_guess import KIND_WORDS, guess_kind


@pytest.mark.parametrize(("phrase", "kind"), KIND_WORDS)
def test_every_word_of_the_list_guesses_its_kind(phrase: str, kind: OrgKind) -> None:
    # as a whole word inside a longer name, in any case
    assert guess_kind(f"North Valley {phrase.upper()} West") is kind


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Valley Community College", OrgKind.COMMUNITY_COLLEGE),
        ("Tri-County Workforce Development Board", OrgKind.WORKFORCE_BOARD),
        ("North Valley Chamber of Commerce", OrgKind.CHAMBER),
        ("Riverside Unified School District", OrgKind.K12),
        ("Springfield Public Schools", OrgKind.K12),
        ("State University of the Valley", OrgKind.UNIVERSITY),
        ("Valley Career Center", OrgKind.JOB_CENTER),
        ("Regional Economic Development Partnership", OrgKind.ECONOMIC_DEVELOPMENT),
        ("IBEW Local 1245", OrgKind.LABOR),
        ("Machinists Local 66", OrgKind.LABOR),
        ("Valley Credit Union", OrgKind.COMPANY),  # a bank, not labor
        ("Acme Tools, Inc.", OrgKind.COMPANY),
        ("Zoë's Café LLC", OrgKind.COMPANY),
    ],
)
def test_names_a_convener_would_type(name: str, kind: OrgKind) -> None:
    assert guess_kind(name) is kind


def test_a_name_that_says_nothing_is_unknown_never_a_company() -> None:
    assert guess_kind("Precision Parts") is OrgKind.UNKNOWN
    assert guess_kind("") is OrgKind.UNKNOWN
    # "co" and "school" are whole words only: "Costco" and "Schoolcraft" say nothing
    assert guess_kind("Costco") is OrgKind.UNKNOWN
    assert guess_kind("Schoolcraft") is OrgKind.UNKNOWN


def test_a_named_industry_makes_a_company_unless_the_name_says_public() -> None:
    assert guess_kind("Precision Parts", industry="Advanced Manufacturing") is OrgKind.COMPANY
    assert guess_kind("Valley College", industry="Education") is OrgKind.COMMUNITY_COLLEGE
    assert guess_kind("Precision Parts", industry="  ") is OrgKind.UNKNOWN
