"""The demo's partnership in Action: Advanced Manufacturing, North Valley.

Its whole history is recorded: the Prepare rosters (with a champion and a core team
member who stepped down), the launch meeting about seven months before "today" with
everything captured in its three parts, the support team's debrief, two action teams for
three chosen priorities, their meetings, and two quarterly convenings.

The gaps it shows on purpose, because real partnerships have them: the third priority
(a maintenance apprenticeship) has no action team yet, so the people who committed to it
are on no team; the automation team has not met in over 90 days; one company that came
to the launch is just outside the region; a few leaders have missed both convenings.
"""

from __future__ import annotations

from nextgen_tui.demo.builder import DemoBuilder
from nextgen_tui.demo.region import MANUFACTURING, REGION, keys
from nextgen_tui.models import (
    ActionArea,
    ActionTeam,
    ChampionStatus,
    CheckIn,
    Commitment,
    Debrief,
    InvitationStatus,
    LaunchMeeting,
    MeetingPhase,
    Opportunity,
    Partnership,
    RoleKind,
    Stage,
)

LAUNCH = -215  # days from today
FORMED = -190

_A, _I, _D = InvitationStatus.ACCEPTED, InvitationStatus.INVITED, InvitationStatus.DECLINED
#: (person, invitation, attended the launch)
LEADERS: tuple[tuple[str, InvitationStatus, bool], ...] = (
    ("harlow.ceo", _A, True),
    ("ridgeline.president", _A, True),
    ("kestrel.coo", _A, True),
    ("bluestone.vpops", _A, True),
    ("harlow.vpops", _A, True),
    ("harlow.hr", _A, True),
    ("rcf.president", _A, True),
    ("rcf.plant", _A, True),
    ("cfc.ceo", _D, False),
    ("cfc.eng", _A, True),
    ("northfork.ceo", _A, True),
    ("mfs.gm", _A, False),
    ("ridgeline.vpmfg", _A, True),
    ("pineplast.owner", _I, False),
    ("valleytool.president", _A, True),
    ("eastgate.ceo", _A, True),
    ("summitpack.plant", _D, False),
    ("kestrel.talent", _A, True),
    ("bluestone.maint", _A, True),
    ("granite.owner", _A, False),
    ("tamarack.president", _D, False),
    ("copperline.ops", _A, True),
    ("osprey.vpops", _A, True),
    ("lakeshore.president", _A, True),
)

CORE = keys(
    "nvwdb.director nvedc.president nvcc.deanwf rusd.super nvsu.eng jcr.director rchamber.president"
)
DELEGATES = keys(
    "nvcc.deanwf nvcc.mechatronics htc.custom rusd.cte nvwdb.business "
    "jcr.director nvedc.bre clc.workforce pathways.employer"
)
BROAD_EXTRA = keys(
    "nvcc.mechatronics rusd.cte nvwdb.business nvedc.bre clc.workforce "
    "pathways.employer nvcc.apprentice nvcc.partners nvcc.careers cfsd.cte "
    "cfsd.wbl mps.stem nvrcc.director nvsu.corporate nvwdb.sector nvwdb.youth "
    "jcc.director cfchamber.director millbrooked.director harlowed.director"
)

OPPORTUNITIES: tuple[tuple[str, str], ...] = (
    ("ridgeline.president", "Aerospace orders are up; three shops are adding a second shift."),
    ("northfork.ceo", "Small shops are buying robots, but few people can run and maintain them."),
    ("harlow.ceo", "Half of our skilled machinists can retire within eight years."),
    ("osprey.vpops", "A medical-device cluster is growing around Cedar Falls."),
    ("bluestone.vpops", "Food processing needs maintenance technicians on every shift."),
    ("kestrel.coo", "Parents and counselors still picture dark, dirty factories."),
)
#: Candidate priorities and the relative pull of each in the dot vote.
AREAS: tuple[tuple[str, float], ...] = (
    ("Career awareness for students, parents and counselors", 6.0),
    ("Automation and robotics upskilling for current workers", 5.0),
    ("Shared apprenticeship for industrial maintenance technicians", 3.5),
    ("Childcare and transportation for second and third shifts", 1.0),
)
#: (person, area number 0-3, note)
COMMITMENTS: tuple[tuple[str, int, str], ...] = (
    ("harlow.vpops", 0, "Will bring two young machinists to speak in schools."),
    ("kestrel.talent", 0, ""),
    ("eastgate.ceo", 0, "Can host a counselors' tour."),
    ("harlow.hr", 0, ""),
    ("rcf.plant", 1, ""),
    ("cfc.eng", 1, ""),
    ("ridgeline.vpmfg", 1, "Can lend a robotic cell for training on Saturdays."),
    ("northfork.ceo", 1, "Will help write the curriculum."),
    ("bluestone.maint", 1, ""),
    ("osprey.vpops", 2, ""),
    ("copperline.ops", 2, "Needs two maintenance apprentices next year."),
    ("bluestone.vpops", 2, "Would co-sponsor a shared apprentice pool."),
)


def build_manufacturing(b: DemoBuilder) -> None:
    store = b.store
    p = store.save_partnership(
        Partnership(
            name=f"{MANUFACTURING}, {REGION}",
            industry=MANUFACTURING,
            region=REGION,
            stage=Stage.ACTION,
            created=b.day(-380),
            notes="Launched at Harlow Precision Machining. Two action teams meet; the "
            "maintenance apprenticeship priority still needs a team and a lead.",
        )
    )
    _prepare(b, p)
    _launch(b, p)
    p = store.save_partnership(
        store.partnership(p.id).updated(
            debrief=Debrief(
                on=b.day(LAUNCH + 7),
                notes="Support team met at the workforce board. Industry wants action on the "
                "pipeline and on upskilling, not another survey. NVCC and Harlow Tech will "
                "align their mechatronics offers. Summary sent to the wider support team.",
            )
        )
    )
    _action(b, p)


def _prepare(b: DemoBuilder, p: Partnership) -> None:
    store = b.store
    b.assign(p, ["nvwdb.director"], RoleKind.CONVENER, -375)
    b.assign(p, ["nvedc.president"], RoleKind.CO_CONVENER, -375)
    b.assign(p, CORE, RoleKind.CORE_TEAM, -360)
    b.assign(p, [*CORE, *BROAD_EXTRA], RoleKind.CONVENING_TEAM, -355)
    # Harlow Tech's vice president retired; the customized training director took the seat.
    for role in b.assign(p, ["htc.vpi"], RoleKind.CORE_TEAM, -360) + b.assign(
        p, ["htc.vpi"], RoleKind.CONVENING_TEAM, -355
    ):
        store.end_role(role.id, b.day(-150))
    b.assign(p, ["htc.custom"], RoleKind.CORE_TEAM, -150)
    b.assign(p, ["htc.custom"], RoleKind.CONVENING_TEAM, -150)

    committed = ChampionStatus.COMMITTED
    b.champion(p, "harlow.ceo", -330, committed, "nvwdb.director", signed=True, hosts=True)
    b.champion(p, "ridgeline.president", -325, committed, "nvedc.president", signed=True)
    b.champion(p, "kestrel.coo", -310, committed, "nvcc.deanwf", signed=True)
    b.champion(p, "bluestone.vpops", -280, committed, "jcr.director", signed=True)
    former = b.champion(p, "copperline.ceo", -330, committed, "nvedc.president", signed=True)
    store.end_role(former.id, b.day(-250))


def _launch(b: DemoBuilder, p: Partnership) -> None:
    store = b.store
    # each champion personally invited some of their peers
    inviters = ("harlow.ceo", "ridgeline.president", "kestrel.coo", "bluestone.vpops")
    for index, (key, invitation, attended) in enumerate(LEADERS):
        inviter = "" if key in inviters else inviters[index % len(inviters)]
        b.leader(p, key, LAUNCH - 45, invitation, attended, inviter)
    b.assign(p, DELEGATES, RoleKind.SUPPORT_DELEGATE, LAUNCH - 25)
    b.assign(p, ["commonground.principal"], RoleKind.FACILITATOR, LAUNCH - 25)

    attendees = [key for key, _, attended in LEADERS if attended]
    observers = [key for key in [*CORE, *DELEGATES] if key not in attendees]
    observers = list(dict.fromkeys(observers))  # once each, in order
    checkins = [
        CheckIn(person_id=b.pid(key), at=b.at(LAUNCH, 7, 35 + i // 2), observer=key in observers)
        for i, key in enumerate([*observers, *attendees])
    ]
    opportunities = [
        Opportunity(id=i, text=text, person_id=b.pid(key))
        for i, (key, text) in enumerate(OPPORTUNITIES, start=1)
    ]
    first_area = len(opportunities) + 1
    votes: list[dict[int, int]] = [{} for _ in AREAS]
    weights = [weight for _, weight in AREAS]
    for key in attendees:  # three dots each, as the meeting's vote limit says
        for area in b.rng.choices(range(len(AREAS)), weights=weights, k=3):
            votes[area][b.pid(key)] = votes[area].get(b.pid(key), 0) + 1
    areas = [
        ActionArea(id=first_area + i, title=title, votes=votes[i])
        for i, (title, _) in enumerate(AREAS)
    ]
    first_commitment = first_area + len(areas)
    commitments = [
        Commitment(id=first_commitment + i, person_id=b.pid(key), area_id=areas[area].id, note=note)
        for i, (key, area, note) in enumerate(COMMITMENTS)
    ]
    store.save_launch(
        LaunchMeeting(
            partnership_id=p.id,
            on=b.day(LAUNCH),
            place="Harlow Precision Machining, 400 Foundry Road, Harlow",
            host_org_id=b.orgs["harlow"].id,
            opener_id=b.pid("harlow.ceo"),
            closer_id=b.pid("ridgeline.president"),
            held=True,
            started=b.at(LAUNCH, 8),
            phase=MeetingPhase.CLOSE,  # as a meeting closed live is left
            phase_started=b.at(LAUNCH, 9, 50),
            opportunities=opportunities,
            action_areas=areas,
            commitments=commitments,
            priority_area_ids=[area.id for area in areas[:3]],
            checkins=checkins,
        )
    )


def _team(
    b: DemoBuilder,
    p: Partnership,
    name: str,
    area_index: int,
    lead: str,
    members: list[str],
    meetings: list[int],
    next_step: str,
) -> ActionTeam:
    launch = b.store.launch(p.id)
    team = b.store.save_team(
        ActionTeam(
            partnership_id=p.id,
            name=name,
            priority_area_id=launch.action_areas[area_index].id,
            next_step=next_step,
            meetings=[b.day(offset) for offset in meetings],
            formed=b.day(FORMED),
        )
    )
    b.assign(p, [lead], RoleKind.ACTION_TEAM_LEAD, FORMED, team_id=team.id)
    b.assign(p, members, RoleKind.ACTION_TEAM_MEMBER, FORMED, team_id=team.id)
    for offset in meetings:
        present = [lead, *sorted(b.rng.sample(members, k=len(members) - 2))]
        b.convening(p, offset, present, f"{name} team meeting", team_id=team.id)
    return team


def _action(b: DemoBuilder, p: Partnership) -> None:
    careers = _team(
        b,
        p,
        "Career Awareness",
        0,
        "rusd.cte",
        keys(
            "harlow.vpops harlow.hr kestrel.talent eastgate.ceo kestrel.coo "
            "mps.stem nvwdb.youth jcr.director"
        ),
        [-170, -110, -47, -12],
        f"Counselors' tour of Eastgate Electronics and Kestrel on {b.day(16):%B} "
        f"{b.day(16).day}: confirm the bus with Riverton Unified and send the invitation "
        "to the three districts' counselors.",
    )
    # Eastgate's production manager joined the team, then changed jobs.
    for role in b.assign(
        p, ["eastgate.production"], RoleKind.ACTION_TEAM_MEMBER, FORMED, team_id=careers.id
    ):
        b.store.end_role(role.id, b.day(-60))
    _team(
        b,
        p,
        "Automation Upskilling",
        1,
        "nvcc.mechatronics",
        keys(
            "rcf.plant cfc.eng ridgeline.vpmfg bluestone.maint northfork.ceo "
            "htc.custom nvcc.deanwf nvsu.eng"
        ),
        [-175, -117],
        "Agree the first robotics technician module with NVCC and Harlow Tech "
        "(waiting on the companies' equipment list).",
    )
    b.convening(
        p,
        -124,
        keys(
            "harlow.ceo ridgeline.president kestrel.coo harlow.vpops rcf.president "
            "cfc.eng northfork.ceo ridgeline.vpmfg eastgate.ceo kestrel.talent "
            "bluestone.maint copperline.ops osprey.vpops nvwdb.director "
            "nvedc.president nvcc.deanwf rusd.cte nvcc.mechatronics"
        ),
        "Quarterly partnership convening",
        "Both teams reported first steps. Bluestone offered its plant for the next convening.",
    )
    b.convening(
        p,
        -19,
        keys(
            "harlow.ceo bluestone.vpops ridgeline.president harlow.hr rcf.plant "
            "cfc.eng eastgate.ceo kestrel.talent bluestone.maint osprey.vpops "
            "northfork.ceo nvwdb.director nvedc.president rusd.cte htc.custom "
            "nvcc.mechatronics"
        ),
        "Quarterly partnership convening at Bluestone Foods",
        "Apprenticeship priority raised again: who will lead a team? Copperline and Osprey "
        "interested.",
    )
