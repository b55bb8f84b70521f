"""Guessing an organization's kind from its name, so a blank kind is never silently a company.

Used when a kind is not given: a roster row with an empty kind cell, the organization
and person forms, a walk-in at the launch. The guess is shown and can be changed before
anything is saved. The word list (:data:`KIND_WORDS`) is checked in order on the name
folded to lower case without accents and punctuation; the first entry with a word or
phrase found as whole words wins, so "Valley Community College" is a community college
before "college" alone could say so, and "Credit Union" is a company before "union" says
labor. A name that matches nothing is :attr:`OrgKind.UNKNOWN`: counted neither as industry
nor as a public system until someone says what it is. A roster row that names the
organization's industry is a company (:func:`guess_kind` with ``industry``).
"""

from __future__ import annotations

import re

from nextgen_tui.models.kinds import OrgKind
from nextgen_tui.text.search import fold

#: (phrase, kind) in the order they are tried; a phrase matches as whole words.
#: ``local 123`` (a union local) is matched by :data:`_UNION_LOCAL`.
KIND_WORDS: tuple[tuple[str, OrgKind], ...] = (
    # companies whose names hold a public word
    ("credit union", OrgKind.COMPANY),
    # education
    ("community college", OrgKind.COMMUNITY_COLLEGE),
    ("technical college", OrgKind.COMMUNITY_COLLEGE),
    ("university", OrgKind.UNIVERSITY),
    ("college", OrgKind.COMMUNITY_COLLEGE),
    ("school district", OrgKind.K12),
    ("public schools", OrgKind.K12),
    ("high school", OrgKind.K12),
    ("schools", OrgKind.K12),
    ("school", OrgKind.K12),
    # workforce development
    ("workforce board", OrgKind.WORKFORCE_BOARD),
    ("workforce development board", OrgKind.WORKFORCE_BOARD),
    ("workforce investment board", OrgKind.WORKFORCE_BOARD),
    ("workforce alliance", OrgKind.WORKFORCE_BOARD),
    ("wdb", OrgKind.WORKFORCE_BOARD),
    ("job center", OrgKind.JOB_CENTER),
    ("jobs center", OrgKind.JOB_CENTER),
    ("career center", OrgKind.JOB_CENTER),
    ("one stop", OrgKind.JOB_CENTER),
    ("workforce", OrgKind.WORKFORCE_BOARD),
    # economic development
    ("chamber", OrgKind.CHAMBER),
    ("economic development", OrgKind.ECONOMIC_DEVELOPMENT),
    ("edc", OrgKind.ECONOMIC_DEVELOPMENT),
    ("development corporation", OrgKind.ECONOMIC_DEVELOPMENT),
    # labor
    ("union", OrgKind.LABOR),
    ("afl cio", OrgKind.LABOR),
    ("building trades", OrgKind.LABOR),
    ("brotherhood", OrgKind.LABOR),
    # community-based organizations
    ("foundation", OrgKind.COMMUNITY_ORG),
    ("united way", OrgKind.COMMUNITY_ORG),
    ("goodwill", OrgKind.COMMUNITY_ORG),
    ("ymca", OrgKind.COMMUNITY_ORG),
    ("community action", OrgKind.COMMUNITY_ORG),
    ("nonprofit", OrgKind.COMMUNITY_ORG),
    # companies: a legal form says so
    ("inc", OrgKind.COMPANY),
    ("llc", OrgKind.COMPANY),
    ("ltd", OrgKind.COMPANY),
    ("corp", OrgKind.COMPANY),
    ("corporation", OrgKind.COMPANY),
    ("company", OrgKind.COMPANY),
    ("co", OrgKind.COMPANY),
    ("plc", OrgKind.COMPANY),
    ("gmbh", OrgKind.COMPANY),
)

#: "Local 66", "IBEW Local 1245": a union local.
_UNION_LOCAL = re.compile(r"\blocal \d+\b")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def _words(name: str) -> str:
    """``"Tri-County Workforce Board, Inc."`` -> ``" tri county workforce board inc "``."""
    return " " + " ".join(_NOT_WORD.sub(" ", fold(name)).split()) + " "


def guess_kind(name: str, industry: str = "") -> OrgKind:
    """The kind an organization called ``name`` most likely is; unknown when nothing says.

    ``industry`` is the organization's industry where a roster row names one: an
    organization with an industry is a company, unless its name clearly says otherwise.
    """
    words = _words(name)
    if _UNION_LOCAL.search(words):
        return OrgKind.LABOR
    for phrase, kind in KIND_WORDS:
        if f" {phrase} " in words:
            return kind
    return OrgKind.COMPANY if industry.strip() else OrgKind.UNKNOWN
