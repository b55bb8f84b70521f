"""The demo's partnerships in Prepare and Launch: Healthcare and Construction, North Valley.

*Healthcare* is two months into Prepare with the gaps a new partnership really has: one
committed champion, one asked with nobody to follow up, one prospect not yet passionate
about the industry, a core team of four without economic development.

*Construction* moved on to Launch with a waiver (its second champion had only agreed by
phone); the launch is three weeks away and invitations are still coming back, so it has
too few companies and the public partners would outnumber industry at the table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .demo_region import CONSTRUCTION, HEALTHCARE, REGION, keys
from .models import (
    ChampionStatus,
    InvitationStatus,
    LaunchMeeting,
    Partnership,
    RoleKind,
    Stage,
    Waiver,
)

if TYPE_CHECKING:
    from .demo import DemoBuilder


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


def build_construction(b: DemoBuilder) -> None:
    """Moved to Launch with a waiver; the launch is three weeks out, invitations pending."""
    p = b.store.save_partnership(
        Partnership(
            name=f"{CONSTRUCTION}, {REGION}",
            industry=CONSTRUCTION,
            region=REGION,
            stage=Stage.LAUNCH,
            created=b.day(-184),
            notes="Launch at the Delgado Builders training yard. Still recruiting companies: "
            "specialty trades and residential builders are under-represented.",
            waivers=[
                Waiver(
                    from_stage=Stage.PREPARE,
                    to_stage=Stage.LAUNCH,
                    reason="Ironwood's CEO agreed by phone to be the second champion; "
                    "the invite letter goes out next week with both signatures.",
                    on=b.day(-87),
                    blockers=["champions-too-few"],
                )
            ],
        )
    )
    b.assign(p, ["nvwdb.director"], RoleKind.CONVENER, -184)
    b.assign(p, ["cfchamber.director"], RoleKind.CO_CONVENER, -184)
    core = keys(
        "nvwdb.director cfchamber.director nvcc.deanwf nvcc.construction "
        "cfsd.super jcc.director btc.manager"
    )
    b.assign(p, core, RoleKind.CORE_TEAM, -175)
    broad = core + keys(
        "nvrcc.trades nvwdb.business harlowed.director btc.apprentice "
        "wit.director nvsu.cm htc.welding htc.navigator cfsd.cte rusd.cte "
        "jcc.business cfchamber.programs millbrooked.director pathways.coach "
        "hcaa.workforce riverbend.officer nvcc.apprentice clc.president mps.hspr"
    )
    b.assign(p, broad, RoleKind.CONVENING_TEAM, -170)
    b.champion(
        p,
        "delgado.president",
        -140,
        ChampionStatus.COMMITTED,
        "nvwdb.director",
        signed=True,
        hosts=True,
    )
    b.champion(p, "ironwood.ceo", -88, ChampionStatus.COMMITTED, "btc.manager", signed=True)
    b.champion(p, "northgate.vp", -60, ChampionStatus.COMMITTED, "cfchamber.director")
    b.champion(p, "bridgewater.gm", -120, ChampionStatus.DECLINED, "nvcc.construction")
    delegates = keys(
        "nvcc.construction nvrcc.trades nvwdb.business harlowed.director "
        "btc.apprentice wit.director"
    )
    b.assign(p, delegates, RoleKind.SUPPORT_DELEGATE, -45)
    b.assign(p, ["commonground.senior"], RoleKind.FACILITATOR, -45)
    accepted = keys(
        "delgado.president ironwood.ceo northgate.vp delgado.pe "
        "ironwood.apprentice rivelec.owner harlowexc.president northgate.safety "
        "cfplumb.owner vmh.ceo"
    )
    for key in accepted:
        b.leader(p, key, -30, InvitationStatus.ACCEPTED)
    for key in ["summitroof.owner", "tamsin.president", "rivelec.training"]:
        b.leader(p, key, -30, InvitationStatus.INVITED)
    b.leader(p, "bridgewater.gm", -30, InvitationStatus.DECLINED)
    b.store.save_launch(
        LaunchMeeting(
            partnership_id=p.id,
            on=b.day(23),
            place="Delgado Builders Training Yard, 1200 Quarry Lane, Cedar Falls",
            host_org_id=b.orgs["delgado"].id,
            opener_id=b.pid("delgado.president"),
        )
    )
