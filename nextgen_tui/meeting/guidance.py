"""What the facilitator sees for the current part of the launch: its purpose, in the
toolkit's spirit, and who should be speaking (a champion opens and closes; industry talks
in the three parts while public partners listen)."""

from __future__ import annotations

from nextgen_tui.models import LaunchMeeting, MeetingPhase
from nextgen_tui.models.snapshot import PartnershipSnapshot

#: Each part's purpose, for the facilitator.
PURPOSE: dict[MeetingPhase, str] = {
    MeetingPhase.WELCOME: "welcome everyone and say why this matters, personally and "
    "professionally",
    MeetingPhase.INTRODUCTIONS: "everyone introduces themselves around the table (F4 marks an "
    "industry leader introduced)",
    MeetingPhase.OPPORTUNITIES: "industry names the trends and opportunities it sees; "
    "champions go first; public partners listen",
    MeetingPhase.ACTION_AREAS: "industry names the areas that need action and places its "
    "dots; public partners listen and make space",
    MeetingPhase.COMMITMENTS: "industry commits to act on shared priorities; a public partner "
    "who commits joins the team as support",
    MeetingPhase.CLOSE: "thank everyone and ask for ongoing engagement: a place for action on "
    "shared priorities, not a one-time focus group",
}


def speaker(meeting: LaunchMeeting, snapshot: PartnershipSnapshot) -> str:
    """Who should be speaking in the current part."""
    phase = meeting.phase
    if phase in (MeetingPhase.WELCOME, MeetingPhase.CLOSE):
        chosen = meeting.opener_id if phase is MeetingPhase.WELCOME else meeting.closer_id
        part = "opening" if phase is MeetingPhase.WELCOME else "closing"
        if chosen is None:
            return f"A champion (nobody is set for the {part}: pick one in the launch form)"
        return f"{snapshot.person_name(chosen)}, the {part} champion"
    if phase is MeetingPhase.INTRODUCTIONS:
        return "Everyone, at the champion's invitation"
    return "Industry, champions first"


def guidance(meeting: LaunchMeeting, snapshot: PartnershipSnapshot) -> str:
    """``Carla Champion, the opening champion: welcome everyone and ...``; ``""`` before
    the meeting starts or once it is closed."""
    if meeting.phase is None or meeting.held:
        return ""
    return f"{speaker(meeting, snapshot)}: {PURPOSE[meeting.phase]}."
