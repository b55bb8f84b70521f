"""The demo's Launch partnership: *Construction, North Valley* moved on to Launch with a
waiver (its second champion had only agreed by phone); the launch is three weeks away
and invitations are still coming back, so it has too few companies and the public
partners would outnumber industry at the table.
"""

from __future__ import annotations

from nextgen_tui.demo.builder import DemoBuilder
from nextgen_tui.demo.region import CONSTRUCTION, REGION, keys
from nextgen_tui.models import (
    ChampionStatus,
    InvitationStatus,
    LaunchMeeting,
    Partnership,
    RoleKind,
    Stage,
    Waiver,
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
    inviters = ("delgado.president", "ironwood.ceo", "northgate.vp")
    for index, key in enumerate(accepted):
        inviter = "" if key in inviters else inviters[index % len(inviters)]
        b.leader(p, key, -30, InvitationStatus.ACCEPTED, invited_by=inviter)
    for key in ["summitroof.owner", "tamsin.president", "rivelec.training"]:
        b.leader(p, key, -30, InvitationStatus.INVITED, invited_by="ironwood.ceo")
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
