"""The toolkit taught where the work happens: each stage's guide, in the app's own words.

For every stage, the toolkit sheet "Roles of Public and Private Partners Over the Life
Cycle of an Industry Partnership" says who is at the table and what the public and the
private (industry) partners do. :data:`GUIDES` retells it, statement by statement; a
statement a gap rule checks names that rule, so :func:`guide_for` can say beside it
whether this partnership meets it. Statements no rule checks are advice for the convener
to judge. Pure data and functions, no Textual: the stage screen shows them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from nextgen_tui.gaps.catalogue import RULES, Gap
from nextgen_tui.models import Stage

ATTRIBUTION = (
    "Retold from the sheet “Roles of Public and Private Partners Over the Life Cycle of an "
    "Industry Partnership” of the Next Generation Sector Partnership toolkit by the "
    "Institute for Networked Communities, used with attribution. Not an official toolkit "
    "product."
)


@dataclass(frozen=True)
class Statement:
    """One thing the toolkit asks for, and the rules (ids) that check it, if any."""

    text: str
    rules: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    title: str
    statements: tuple[Statement, ...]


def _s(text: str, *rules: str) -> Statement:
    return Statement(text, rules)


#: Each stage's guide: who is at the table, the public partners' role, industry's role.
GUIDES: dict[Stage, tuple[Section, ...]] = {
    Stage.PREPARE: (
        Section(
            "Who is at the table",
            (
                _s(
                    "Decision-makers from the public systems that support the sector: "
                    "education, workforce development and economic development.",
                    "core-team-missing-system",
                ),
                _s(
                    "A broad convening (support) team of 25 or more from the region's programs, "
                    "trained and brought along as the partnership grows.",
                    "convening-team-small",
                ),
                _s(
                    "A core planning team of 6 to 12 executives of the critical systems, who "
                    "will not outnumber the CEOs once the partnership convenes.",
                    "core-team-size",
                ),
                _s(
                    "Two to six industry champions from the target sector: passionate about "
                    "their company, their industry and their region.",
                    "champions-too-few",
                    "champions-too-many",
                    "champion-criteria-unmet",
                    "champion-not-industry",
                ),
                _s(
                    "Everyone's organization is known, so industry and public partners are "
                    "counted right.",
                    "organization-kind-unknown",
                ),
            ),
        ),
        Section(
            "The public partners' role",
            (
                _s(
                    "Agree on what the partnership is and is not, and on good process.",
                ),
                _s(
                    "Agree on a lead convener or co-conveners: the public partner "
                    "organizations that will do most of the coordination.",
                    "no-convener",
                    "convener-not-public",
                ),
                _s(
                    "Plan the launch together: define the scope (one industry, one region).",
                    "scope-undefined",
                ),
                _s(
                    "Recruit the champions, and agree who on the team is best placed to reach "
                    "out to each and secure their commitment.",
                    "champion-no-outreach-owner",
                ),
            ),
        ),
        Section(
            "Industry's role (the champions)",
            (
                _s(
                    "Champion a forum where their industry collaborates in their region.",
                ),
                _s(
                    "Jointly sign the letter that invites their peers to the launch.",
                    "invite-letter-unsigned",
                ),
                _s(
                    "Host the launch at their place of business: it is their partnership, not "
                    "a workforce or education initiative.",
                    "no-launch-host",
                ),
            ),
        ),
    ),
    Stage.LAUNCH: (
        Section(
            "Who is at the table",
            (
                _s(
                    "Industry leaders from 12 to 60 companies sharing the industry and the "
                    "labour-market region, led by the champions who invited them.",
                    "companies-too-few",
                    "companies-too-many",
                    "off-sector-company",
                ),
                _s(
                    "Industry leads the table: public partners do not outnumber it.",
                    "industry-outnumbered",
                ),
                _s(
                    "A support team that fairly represents the critical systems, with agreed "
                    "delegates: not everyone, up to about 12.",
                    "support-team-too-large",
                    "support-team-missing-system",
                ),
                _s(
                    "A facilitator versed in launching a partnership: a convener, a co-convener "
                    "or an outside facilitator.",
                    "no-facilitator",
                ),
            ),
        ),
        Section(
            "The public partners' role",
            (
                _s(
                    "Listen, and make space for industry to set its own agenda at the launch "
                    "and right after it (the live meeting lets only industry place dots).",
                ),
                _s(
                    "Think about how what you hear applies to your programs, and what you "
                    "would change to align them with industry's needs.",
                ),
                _s(
                    "The facilitator stays completely neutral, whatever organization they work "
                    "for, and walks the room through the three parts of the meeting.",
                    "facilitator-not-neutral",
                    "meeting-part-empty",
                ),
            ),
        ),
        Section(
            "Industry's role (the champions)",
            (
                _s(
                    "A champion opens and welcomes everyone, says why this matters to them, "
                    "and asks everyone to introduce themselves.",
                    "no-opener",
                ),
                _s(
                    "Champions model good participation in each part: trends and "
                    "opportunities, needed action areas, commitments.",
                ),
                _s(
                    "A champion closes: thanks everyone and asks for ongoing engagement. This "
                    "is a place for action on shared priorities, not a one-time focus group.",
                    "no-closer",
                ),
            ),
        ),
    ),
    Stage.ACTION: (
        Section(
            "Who is at the table",
            (
                _s(
                    "Industry leaders who signed up, in action teams around the priorities "
                    "they chose at the launch.",
                    "no-action-teams",
                    "priority-without-team",
                    "commitment-unplaced",
                    "team-without-industry",
                ),
                _s(
                    "Core planning team members plugged into the teams, to co-design and carry "
                    "out early wins and longer-term strategies.",
                    "core-member-unplugged",
                    "team-without-support",
                ),
                _s(
                    "Conveners and carefully chosen support partners who help facilitate the "
                    "teams.",
                    "team-without-lead",
                ),
            ),
        ),
        Section(
            "The public partners' role",
            (
                _s(
                    "Debrief together after the launch: take-aways, linkages across systems, "
                    "and the message back to the broader team.",
                    "no-debrief",
                ),
                _s(
                    "Keep the industry voice prominent and the driving force in every team.",
                    "team-industry-outnumbered",
                ),
                _s(
                    "Be a gateway into your institution; bring assets (staff time, grants, "
                    "programs) and build the linkages across programs the priorities need.",
                ),
                _s(
                    "Conveners: interpret the priorities, broker collaboration across programs, "
                    "and manage the project: track progress and keep partners accountable.",
                    "team-stalled",
                ),
            ),
        ),
        Section(
            "Industry's role",
            (
                _s(
                    "Stay engaged at every level: advising, sponsoring solutions, in-kind and "
                    "financial contributions.",
                ),
                _s(
                    "Show up to action team meetings and to the quarterly convenings.",
                    "team-stalled",
                ),
                _s("Build the buzz about the partnership and its agenda among peers."),
            ),
        ),
    ),
    Stage.SUSTAIN: (
        Section(
            "Who is at the table",
            (
                _s(
                    "Industry leaders who stay engaged over the long term.",
                    "industry-disengaged",
                    "champions-lapsed",
                ),
                _s(
                    "Core planning team members, still plugged into the action teams.",
                    "core-member-unplugged",
                ),
                _s(
                    "Conveners, still coordinating the larger effort, with the partnership "
                    "convening every quarter.",
                    "no-quarterly-convening",
                ),
            ),
        ),
        Section(
            "The public partners' role",
            (
                _s(
                    "Use the partnership as the go-to source of real-time information on what "
                    "the industry needs.",
                ),
                _s(
                    "Use it to work with other public partners: align programs with industry "
                    "needs and strengthen linkages across institutions.",
                ),
            ),
        ),
        Section(
            "Industry's role",
            (
                _s(
                    "Use the partnership as the forum for collaboration on shared, "
                    "pre-competitive issues.",
                ),
                _s(
                    "Use it as the one point of access to the region's support organizations "
                    "and systems.",
                ),
            ),
        ),
    ),
}

Verdict = Literal["met", "unmet", "advice"]


@dataclass(frozen=True)
class CheckedStatement:
    """A statement and whether this partnership meets it (``advice``: no rule checks it)."""

    statement: Statement
    verdict: Verdict
    failing: tuple[str, ...] = ()  # the rule ids that fire

    @property
    def rule_text(self) -> str:
        """``checked by: champions-too-few, champion-not-industry`` (the failing ones first)."""
        rules = self.statement.rules
        if not rules:
            return ""
        ordered = [*self.failing, *(r for r in rules if r not in self.failing)]
        return "checked by: " + ", ".join(ordered)


def guide_for(stage: Stage, gaps: Iterable[Gap]) -> list[tuple[str, list[CheckedStatement]]]:
    """The stage's guide, each statement judged against the partnership's ``gaps``."""
    firing = {gap.rule for gap in gaps}
    result = []
    for section in GUIDES[stage]:
        checked = []
        for statement in section.statements:
            if not statement.rules:
                checked.append(CheckedStatement(statement, "advice"))
                continue
            failing = tuple(r for r in statement.rules if r in firing)
            checked.append(CheckedStatement(statement, "unmet" if failing else "met", failing))
        result.append((section.title, checked))
    return result


def unknown_rules() -> set[str]:
    """Rule ids named in a guide that the catalogue does not know (a test keeps it empty)."""
    named = {
        r for sections in GUIDES.values() for s in sections for st in s.statements for r in st.rules
    }
    return named - set(RULES)
