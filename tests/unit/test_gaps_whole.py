"""The gap engine as a whole: the rule table, ordering, readiness, and a full partnership."""

from __future__ import annotations

from nextgen_tui.gaps.analysis import analyze, blockers, is_ready
from nextgen_tui.gaps.catalogue import RULES, Gap, Severity, Subject
from nextgen_tui.models import RoleKind, Stage
from nextgen_tui.store.repository import Store
from tests.support import factories as f
from tests.support.gap_builder import TODAY, Build

B, W, H = Severity.BLOCKER, Severity.WARNING, Severity.HINT

#: DESIGN.md "Role-gap rules", table by table.
DESIGN_RULES: dict[str, tuple[Stage, Severity]] = {
    "scope-undefined": (Stage.PREPARE, B),
    "no-convener": (Stage.PREPARE, B),
    "champions-too-few": (Stage.PREPARE, B),
    "champions-too-many": (Stage.PREPARE, W),
    "champion-criteria-unmet": (Stage.PREPARE, W),
    "champion-no-outreach-owner": (Stage.PREPARE, W),
    "invite-letter-unsigned": (Stage.PREPARE, W),
    "no-launch-host": (Stage.PREPARE, B),
    "core-team-size": (Stage.PREPARE, W),
    "core-team-missing-system": (Stage.PREPARE, B),
    "convening-team-small": (Stage.PREPARE, H),
    "champion-not-industry": (Stage.PREPARE, W),
    "convener-not-public": (Stage.PREPARE, W),
    "organization-kind-unknown": (Stage.PREPARE, W),
    "outreach-collision": (Stage.PREPARE, W),
    "companies-too-few": (Stage.LAUNCH, B),
    "companies-too-many": (Stage.LAUNCH, W),
    "industry-outnumbered": (Stage.LAUNCH, B),
    "support-team-too-large": (Stage.LAUNCH, W),
    "support-team-missing-system": (Stage.LAUNCH, W),
    "no-facilitator": (Stage.LAUNCH, B),
    "facilitator-not-neutral": (Stage.LAUNCH, W),
    "no-opener": (Stage.LAUNCH, W),
    "no-closer": (Stage.LAUNCH, W),
    "off-sector-company": (Stage.LAUNCH, W),
    "meeting-part-empty": (Stage.LAUNCH, W),
    "no-action-teams": (Stage.ACTION, B),
    "priority-without-team": (Stage.ACTION, B),
    "team-without-industry": (Stage.ACTION, B),
    "team-industry-outnumbered": (Stage.ACTION, W),
    "team-without-support": (Stage.ACTION, W),
    "team-without-lead": (Stage.ACTION, W),
    "commitment-unplaced": (Stage.ACTION, W),
    "no-debrief": (Stage.ACTION, W),
    "team-stalled": (Stage.ACTION, W),
    "core-member-unplugged": (Stage.ACTION, H),
    "no-quarterly-convening": (Stage.SUSTAIN, W),
    "champions-lapsed": (Stage.SUSTAIN, W),
    "industry-disengaged": (Stage.SUSTAIN, H),
}


def test_rule_table_matches_design() -> None:
    assert {rule: (r.stage, r.severity) for rule, r in RULES.items()} == DESIGN_RULES
    assert list(RULES) == list(DESIGN_RULES)  # same order as the design


def test_a_partnership_satisfying_every_rule_has_no_gap() -> None:
    b = Build.complete()
    assert b.gaps() == []
    for stage in Stage:
        assert is_ready([], stage)


def test_an_empty_partnership_fires_only_known_rules_in_order() -> None:
    b = Build()
    b.set_partnership(industry="", region="")
    gaps = b.gaps()
    assert {g.rule for g in gaps} <= set(RULES)
    keys = [(g.stage.number, list(Severity).index(g.severity)) for g in gaps]
    assert keys == sorted(keys)  # by stage, blockers first
    for gap in gaps:
        assert (gap.stage, gap.severity) == DESIGN_RULES[gap.rule]
        assert gap.message.endswith(".") and gap.message[0].isupper()
    assert not is_ready(gaps, Stage.PREPARE) and not is_ready(gaps, Stage.LAUNCH)
    assert is_ready(gaps, Stage.ACTION)  # nothing to act on yet: no blocker there
    assert {g.rule for g in blockers(gaps, Stage.PREPARE)} == {
        "scope-undefined",
        "no-convener",
        "champions-too-few",
        "no-launch-host",
        "core-team-missing-system",
    }


def test_warnings_and_hints_do_not_make_a_stage_unready() -> None:
    b = Build.complete()
    b.champion(passionate_company=False)  # a warning
    b.without_roles(RoleKind.CONVENING_TEAM)  # a hint
    gaps = b.gaps()
    assert {g.severity for g in gaps} == {W, H}
    assert is_ready(gaps, Stage.PREPARE)


def test_gap_subjects_list_people_organizations_and_teams() -> None:
    gap = Gap("off-sector-company", Stage.LAUNCH, W, "x", people=(3, 4), organizations=(7,))
    assert gap.subjects == (Subject("person", 3), Subject("person", 4), Subject("organization", 7))
    assert Gap("team-stalled", Stage.ACTION, W, "y", teams=(9,)).subjects == (Subject("team", 9),)


def test_gaps_from_a_stored_partnership(store: Store) -> None:
    p = f.partnership(store)
    forge = f.org(store, "Acme Forge")
    ann = f.person(store, "Bob [/]", forge)
    f.champion(store, p, ann)
    gaps = analyze(store.snapshot(p.id), TODAY)
    [few] = [g for g in gaps if g.rule == "champions-too-few"]
    assert few.people == (ann.id,)
    f.champion(store, p, f.person(store, "Cy", forge))
    assert "champions-too-few" not in {g.rule for g in analyze(store.snapshot(p.id), TODAY)}
    outreach = [g for g in analyze(store.snapshot(p.id), TODAY) if g.rule.startswith("champion-")]
    assert any("Bob [/]" in g.message for g in outreach)  # names are quoted literally
