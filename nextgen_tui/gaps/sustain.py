"""The rules of Stage 4 (Sustain), from the toolkit sheet. Rules about time take
``today`` from the facts, so they are deterministic in tests.
"""

from __future__ import annotations

from collections.abc import Iterator

from nextgen_tui.gaps.catalogue import Gap, make_gap
from nextgen_tui.gaps.facts import Facts, changed_number, names_of
from nextgen_tui.models import ChampionStatus
from nextgen_tui.text.wording import plural

# ----------------------------------------------------------------------------- sustain


def quarterly(facts: Facts) -> Iterator[Gap]:
    launch = facts.snapshot.launch
    if launch is None or not launch.held:
        return  # quarterly convenings follow the launch
    days = facts.limits.convening_overdue_days
    held = facts.past_quarterly()
    if not held:
        yield make_gap(
            "no-quarterly-convening",
            "No quarterly partnership convening is recorded. Schedule one and record who came.",
        )
        return
    ago = (facts.today - held[0].on).days
    if ago >= days:
        yield make_gap(
            "no-quarterly-convening",
            f"The last quarterly convening was {plural(ago, 'day')} ago "
            f"({held[0].on.isoformat()}); "
            f"the partnership should meet at least every {days} days"
            f"{changed_number(facts, 'convening_overdue_days')}. Schedule the next one.",
        )


def champions_lapsed(facts: Facts) -> Iterator[Gap]:
    recent = facts.past_quarterly()[:2]
    if not recent:
        return  # no-quarterly-convening covers a partnership that has never convened
    came = {pid for c in recent for pid in c.attendee_ids}
    committed = facts.champions_with(ChampionStatus.COMMITTED)
    attended = [pid for pid in committed if pid in came]
    wanted = facts.limits.champions_min
    if len(attended) < wanted:
        which = "convening" if len(recent) == 1 else "two convenings"
        lead = f"Only {len(attended)}" if attended else "No"
        noun = "champion" if len(attended) == 1 else "champions"
        yield make_gap(
            "champions-lapsed",
            f"{lead} {noun} attended the last {which}; at least {wanted} should. Ask the "
            "champions to come back and lead the next convening.",
            people=[pid for pid in committed if pid not in came],
        )


def disengaged(facts: Facts) -> Iterator[Gap]:
    recent = facts.past_quarterly()[:2]
    if len(recent) < 2:
        return
    came = {pid for c in recent for pid in c.attendee_ids}
    since = recent[-1].on
    missed = [
        pid
        for pid in facts.counted_leaders
        if pid not in came and facts.leaders[pid].start <= since
    ]
    if missed:
        yield make_gap(
            "industry-disengaged",
            f"{plural(len(missed), 'industry leader')} missed the last two convenings: "
            f"{names_of(facts, missed)}. Reach out and re-engage them.",
            people=missed,
        )


SUSTAIN_CHECKS = (quarterly, champions_lapsed, disengaged)
