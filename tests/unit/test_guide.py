"""The stage guides: every statement's rule exists, and statements are judged by the gaps."""

from __future__ import annotations

from nextgen_tui.gaps.catalogue import RULES
from nextgen_tui.lifecycle.guide import GUIDES, guide_for, unknown_rules
from nextgen_tui.models import OrgKind, Stage
from tests.support.gap_builder import Build


def test_every_stage_has_its_three_parts_and_every_rule_named_exists() -> None:
    assert unknown_rules() == set()
    for stage in Stage:
        titles = [section.title for section in GUIDES[stage]]
        assert titles[0] == "Who is at the table" and len(titles) == 3, stage
        assert "public partners" in titles[1] and "Industry" in titles[2]
    checked = {r for s in GUIDES.values() for sec in s for st in sec.statements for r in st.rules}
    assert checked <= set(RULES)


def test_a_complete_partnership_meets_every_checked_statement() -> None:
    gaps = Build.complete().gaps()
    for stage in Stage:
        for _, statements in guide_for(stage, gaps):
            for item in statements:
                assert item.verdict == ("met" if item.statement.rules else "advice")


def test_a_statement_is_unmet_while_its_rule_fires_and_names_it_first() -> None:
    b = Build.complete()
    b.champion(b.public_person(OrgKind.COMMUNITY_COLLEGE))  # not industry
    [(_, who)] = [
        (title, items)
        for title, items in guide_for(Stage.PREPARE, b.gaps())
        if title == "Who is at the table"
    ]
    [champions] = [item for item in who if "champions" in item.statement.text]
    assert champions.verdict == "unmet" and champions.failing == ("champion-not-industry",)
    assert champions.rule_text.startswith("checked by: champion-not-industry, ")
