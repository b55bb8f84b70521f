"""The demo's Prepare partnership: *Healthcare, North Valley*, two months into Prepare
with the gaps a new partnership really has: one committed champion, one asked with
nobody to follow up, one prospect not yet passionate about the industry, a core team of
four without economic development, and a convening-team member from an organization
nobody has said the kind of (taken off a sign-up sheet), so it counts on neither side.
"""

from __future__ import annotations

from nextgen_tui.demo.builder import DemoBuilder
from nextgen_tui.demo.region import HEALTHCARE, REGION, keys
from nextgen_tui.models import (
    ChampionStatus,
    Organization,
    OrgKind,
    Partnership,
    Person,
    RoleKind,
    Stage,
)


def build_healthcare(b: DemoBuilder) -> None:
    """A partnership two months into Prepare, with the gaps a new one really has."""
    p = b.store.save_partnership(
        Partnership(
            name=f"{HEALTHCARE}, {REGION}",
            industry=HEALTHCARE,
            region=REGION,
            stage=Stage.PREPARE,
            created=b.day(-76),
            notes="Hospital CEOs are interested; long-term care and behavioral health are "
            "the hardest to reach. Economic development has not joined the core team yet.",
        )
    )
    b.assign(p, ["nvwdb.sector"], RoleKind.CONVENER, -76)
    core = keys("nvwdb.director nvcc.deanhealth nvrcc.director jcc.director")
    b.assign(p, core, RoleKind.CORE_TEAM, -70)
    broad = core + keys(
        "nvwdb.sector nvcc.nursing nvsu.nursing rusd.counselor nvrcc.health "
        "rirc.director nvcc.deanwf hcaa.director"
    )
    b.assign(p, broad, RoleKind.CONVENING_TEAM, -68)
    b.champion(p, "rrmc.ceo", -45, ChampionStatus.COMMITTED, "nvwdb.director", signed=True)
    b.champion(p, "cffc.president", -30, ChampionStatus.ASKED, None)
    b.champion(
        p, "willow.ed", -12, ChampionStatus.PROSPECT, "nvcc.deanhealth", missing=["industry"]
    )
    # off the health fair's sign-up sheet: what kind of organization is it?
    store = b.store
    mystery = store.save_organization(
        Organization(
            name="Valley Care Collaborative",
            kind=OrgKind.UNKNOWN,
            region=REGION,
            notes="Signed up at the spring health fair; nobody has asked what it is yet.",
        )
    )
    robin = store.save_person(
        Person(
            name="Robin Ellery",
            title="Coordinator",
            email="robin.ellery@valleycare.example",
            organization_id=mystery.id,
        )
    )
    store.assign(p.id, robin.id, RoleKind.CONVENING_TEAM, start=b.day(-20))
