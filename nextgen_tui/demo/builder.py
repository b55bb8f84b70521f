"""The demo's shared builder: the region's directory and helpers that assign roles
through the :class:`~nextgen_tui.store.repository.Store` API only, deterministic (a
seeded ``random.Random`` and every date an offset from "today").
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta

from nextgen_tui.demo.names import NAMES
from nextgen_tui.demo.region import AREA_CODE, ORGS
from nextgen_tui.models import (
    ChampionDetails,
    ChampionStatus,
    Convening,
    ConveningKind,
    InvitationStatus,
    LeaderDetails,
    Organization,
    Partnership,
    Person,
    RoleAssignment,
    RoleKind,
)
from nextgen_tui.store.repository import Store

#: The day the demo is set on: gaps that depend on "today" read as intended on this date.
DEMO_TODAY = date(2026, 11, 24)
SEED = 20260915

_ASCII = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "ß": "ss", "'": ""})

#: A few people carry notes, as real rosters do.
PERSON_NOTES: dict[str, str] = {
    "nvcc.deanwf": "Sits on the support team of every North Valley partnership.",
    "nvwdb.director": "Lead convener. Prefers a call to email for anything urgent.",
    "copperline.ceo": "Stepped back as champion when Copperline was sold; still happy to advise.",
    "harlow.ceo": "Hosted the manufacturing launch. Book time through the front office.",
    "rrmc.ceo": "First healthcare champion; wants a hospital-neutral host for the launch.",
    "lakeshore.president": "Company is in South Lakes, just over the county line.",
    "commonground.principal": "Neutral facilitator; contracted through the workforce board.",
    "delgado.president": "Offered the training yard for the construction launch.",
}


def email_for(name: str, domain: str) -> str:
    """``first.last@domain`` in plain ASCII (accents dropped), like a real address book."""
    folded = unicodedata.normalize("NFKD", name.translate(_ASCII))
    ascii_name = folded.encode("ascii", "ignore").decode("ascii").casefold()
    words = ["".join(c for c in word if c.isalnum() or c == "-") for word in ascii_name.split()]
    return ".".join(w for w in words if w) + "@" + domain


class DemoBuilder:
    """Writes the region into an open store; call inside one transaction."""

    def __init__(self, store: Store, today: date) -> None:
        self.store = store
        self.today = today
        self.rng = random.Random(SEED)
        self.orgs: dict[str, Organization] = {}
        self.people: dict[str, Person] = {}

    # ------------------------------------------------------------------ helpers

    def day(self, offset: int) -> date:
        """The working day ``offset`` days from today (negative: in the past).

        A Saturday moves back to the Friday and a Sunday on to the Monday, so meetings and
        roster changes fall on working days as in a real roster; the order of dates is kept.
        """
        day = self.today + timedelta(days=offset)
        weekday = day.weekday()
        if weekday == 5:
            return day - timedelta(days=1)
        if weekday == 6:
            return day + timedelta(days=1)
        return day

    def at(self, offset: int, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(self.day(offset), time(hour, minute))

    def pid(self, key: str) -> int:
        return self.people[key].id

    def pids(self, keys: Iterable[str]) -> list[int]:
        return [self.pid(key) for key in keys]

    def assign(
        self,
        partnership: Partnership,
        keys: Iterable[str],
        role: RoleKind,
        start: int,
        *,
        team_id: int | None = None,
    ) -> list[RoleAssignment]:
        """Give each person (by key) the same role, starting ``start`` days from today."""
        return [
            self.store.assign(
                partnership.id, self.pid(key), role, start=self.day(start), team_id=team_id
            )
            for key in keys
        ]

    def champion(
        self,
        partnership: Partnership,
        key: str,
        start: int,
        status: ChampionStatus,
        owner: str | None,
        *,
        missing: Sequence[str] = (),
        signed: bool = False,
        hosts: bool = False,
    ) -> RoleAssignment:
        details = ChampionDetails(
            status=status,
            passionate_company="company" not in missing,
            passionate_industry="industry" not in missing,
            passionate_community="community" not in missing,
            outreach_owner_id=self.pid(owner) if owner else None,
            signed_invite=signed,
            hosts_launch=hosts,
        )
        return self.store.assign(
            partnership.id,
            self.pid(key),
            RoleKind.CHAMPION,
            start=self.day(start),
            champion=details,
        )

    def leader(
        self,
        partnership: Partnership,
        key: str,
        start: int,
        invitation: InvitationStatus,
        attended: bool = False,
        invited_by: str = "",
    ) -> RoleAssignment:
        details = LeaderDetails(
            invitation=invitation,
            attended=attended,
            introduced=attended,
            invited_by_id=self.pid(invited_by) if invited_by else None,
        )
        return self.store.assign(
            partnership.id,
            self.pid(key),
            RoleKind.INDUSTRY_LEADER,
            start=self.day(start),
            leader=details,
        )

    def convening(
        self,
        partnership: Partnership,
        offset: int,
        attendees: Iterable[str],
        title: str,
        notes: str = "",
        team_id: int | None = None,
    ) -> Convening:
        kind = ConveningKind.ACTION_TEAM if team_id else ConveningKind.QUARTERLY
        return self.store.save_convening(
            Convening(
                partnership_id=partnership.id,
                on=self.day(offset),
                kind=kind,
                team_id=team_id,
                title=title,
                attendee_ids=self.pids(attendees),
                notes=notes,
            )
        )

    # ------------------------------------------------------------------ the region

    def directory(self) -> None:
        """Every organization of the region and one invented person per post."""
        names = list(NAMES)
        self.rng.shuffle(names)
        taken = iter(names)
        for index, spec in enumerate(ORGS):
            org = self.store.save_organization(
                Organization(
                    name=spec.name,
                    kind=spec.kind,
                    industry=spec.industry,
                    region=spec.region,
                    notes=spec.notes,
                )
            )
            self.orgs[spec.key] = org
            main_line = f"({AREA_CODE}) 555-01{index:02d}"
            for extension, (key, title) in enumerate(spec.staff, start=201):
                name = next(taken)
                full_key = f"{spec.key}.{key}"
                phone = "" if self.rng.random() < 0.12 else f"{main_line} x{extension}"
                self.people[full_key] = self.store.save_person(
                    Person(
                        name=name,
                        title=title,
                        organization_id=org.id,
                        email=email_for(name, spec.domain),
                        phone=phone,
                        notes=PERSON_NOTES.get(full_key, ""),
                    )
                )
