"""The keys of a stage view's screen, and why one is off.

The roster's and the gaps' own keys (add, edit, end, fix) belong to their lists
(:mod:`screens.stage.widgets`); these act on the whole partnership from anywhere on the
screen. The stage forms' keys are listed in the footer of their own stage's view, and
work, unlisted, from the others (``anywhere``).
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

from nextgen_tui.models import Stage
from screens.common.context import READ_ONLY_WHY

STAGE_KEYS = Binding.Group("Stage", compact=True)

#: The stage keys: (key, action, description, tooltip); each works from every stage view.
ANYWHERE = [
    ("l", "launch_form", "Launch", "Edit the launch meeting"),
    ("m", "meeting", "Meeting", "Start or resume the live launch meeting"),
    ("t", "new_team", "Team", "Form an action team"),
    ("b", "debrief", "Debrief", "Record the support team's debrief"),
    ("c", "convening", "Convening", "Record a partnership convening (quarterly or any other)"),
]

#: Stage-specific actions and the stage view whose footer lists them.
STAGE_ACTIONS: dict[str, Stage] = {
    "launch_form": Stage.LAUNCH,
    "meeting": Stage.LAUNCH,
    "new_team": Stage.ACTION,
    "debrief": Stage.ACTION,
    "convening": Stage.SUSTAIN,
}

#: Actions of the screen that change the roster (off in read-only mode).
EDITING = {*STAGE_ACTIONS, "anywhere", "advance"}


def why_unavailable(action: str, read_only: bool) -> str | None:
    """Why the screen's ``action`` is off right now, for the ``?`` list."""
    if action in EDITING and read_only:
        return READ_ONLY_WHY
    if action == "advance":
        return "the partnership is in its last stage"
    return None


def _stage_binding(stage: Stage) -> Binding:
    return Binding(
        str(stage.number),
        f"stage({stage.number})",
        stage.label,
        tooltip=f"Show the {stage.label} stage",
        group=STAGE_KEYS,
        id=f"stage.view_{stage.value}",
    )


#: The screen's keys (the lists add their own while they have the focus).
BINDINGS: list[BindingType] = [
    *(_stage_binding(stage) for stage in Stage),
    Binding(
        "a",
        "advance",
        "Advance",
        tooltip="Move the partnership to its next stage",
        id="stage.advance",
    ),
    Binding(
        "l", "launch_form", "Launch", tooltip="Edit the launch meeting", id="stage.launch_form"
    ),
    Binding(
        "m",
        "meeting",
        "Meeting",
        tooltip="Start or resume the live launch meeting",
        id="stage.meeting",
    ),
    Binding("t", "new_team", "Team", tooltip="Form an action team", id="stage.new_team"),
    Binding(
        "b",
        "debrief",
        "Debrief",
        show=False,
        tooltip="Record the support team's debrief",
        id="stage.debrief",
    ),
    Binding(
        "c",
        "convening",
        "Convening",
        tooltip="Record a quarterly convening",
        id="stage.convening",
    ),
    # the same keys from every stage view (unlisted in the footer outside their stage)
    *(
        Binding(
            key,
            f"anywhere('{action}')",
            description,
            show=False,
            tooltip=tooltip,
            id=f"stage.{action}_anywhere",
        )
        for key, action, description, tooltip in ANYWHERE
    ),
    Binding(
        "g",
        "engagement",
        "Engagement",
        show=False,
        tooltip="Engagement over time and public-system coverage, as pictures",
        id="stage.engagement",
    ),
    Binding(
        "i",
        "guide",
        "Guide",
        tooltip="The toolkit's guide to this stage, checked against this partnership",
        id="stage.guide",
    ),
    Binding(
        "escape",
        "back",
        "Back",
        show=False,
        tooltip="Back to the partnerships",
        id="stage.back",
    ),
]
