"""The rule that looks beyond one partnership: ``outreach-collision`` (Prepare).

The snapshot carries, for each person this partnership asks as a champion or invites to
its launch, the other partnerships of the file that do too
(:attr:`~nextgen_tui.models.snapshot.PartnershipSnapshot.outreach_elsewhere`), so the
rule stays a pure function of one snapshot.
"""

from __future__ import annotations

from collections.abc import Iterator

from nextgen_tui.gaps.catalogue import Gap, make_gap
from nextgen_tui.gaps.facts import Facts, is_known, join_names
from nextgen_tui.models.outreach import Outreach, is_outreach


def _owned_by(facts: Facts, outreach: Outreach) -> str:
    owners = [facts.name(pid) for pid in outreach.owner_ids if is_known(facts, pid)]
    if not owners:
        return "nobody owns the outreach there yet"
    who = join_names(owners)
    if outreach.owner_is_convener:
        noun = "convener" if len(owners) == 1 else "conveners"
        return f"ask its {noun} {who}"
    return f"outreach by {who}"


def outreach_collision(facts: Facts) -> Iterator[Gap]:
    elsewhere = facts.snapshot.outreach_elsewhere
    if not elsewhere:
        return
    asked_here = dict.fromkeys(
        role.person_id for role in facts.snapshot.current_roles if is_outreach(role)
    )
    for pid in asked_here:
        others = elsewhere.get(pid)
        if not others:
            continue
        where = "; ".join(f"{o.partnership_name} ({o.what}, {_owned_by(facts, o)})" for o in others)
        name = facts.name(pid)
        yield make_gap(
            "outreach-collision",
            f"{name} is also being approached by {where}. Agree with "
            f"{'that partnership' if len(others) == 1 else 'those partnerships'} who "
            f"reaches out first, so {name} gets one call, not "
            f"{len(others) + 1}.",
            people=[pid],
        )


OUTREACH_CHECKS = (outreach_collision,)
