"""The widgets of a stage view: the stage bar, "Who's at the table" and "What's missing".

The two lists own their keys: each acts on its highlighted line, asks what it must ask
(who to add, whether to end a role) and posts a message saying what the convener chose;
the screen (:class:`screens.stage.screen.PartnershipScreen`) makes the change, opens the
forms and redraws. What each line says is in :mod:`screens.stage.lines`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from nextgen_tui.gaps.catalogue import Gap, Severity
from nextgen_tui.lifecycle.rosters import Invitations, RosterGroup
from nextgen_tui.models import ROLE_LABELS, Convening, RoleAssignment, RoleKind, Stage
from nextgen_tui.models.snapshot import PartnershipSnapshot
from screens.common.confirm import ConfirmScreen
from screens.common.context import READ_ONLY_WHY, read_only
from screens.common.option_list import SteadyOptionList
from screens.stage import editors as editors
from screens.stage.lines import (
    CONVENINGS_KEY,
    RosterEntry,
    convening_prompt,
    convenings_group,
    gap_prompt,
    group_prompt,
    member_prompt,
    more_prompt,
)

__all__ = ["CONVENINGS_KEY", "RosterEntry", "convenings_group"]

#: Roster actions that change the roster (off in read-only mode).
ROSTER_EDITS = frozenset({"add_member", "edit_member", "end_role"})


# ---------------------------------------------------------------------------- stage bar


class StageBar(Static):
    """One line of four stages: the viewed one highlighted, the current one marked ●."""

    DEFAULT_CSS = """
    StageBar { height: 1; padding: 0 1; background: $panel; }
    """

    def show(self, viewed: Stage, current: Stage) -> None:
        parts: list[Content] = []
        for stage in Stage:
            mark = " ●" if stage is current else ""
            label = f" {stage.number} {stage.label}{mark} "
            if stage is viewed:
                style = "bold reverse"
            elif stage.number < current.number:
                style = "$text-muted"
            else:
                style = ""
            markup = f"[@click=screen.stage({stage.number})]{'[' + style + ']' if style else ''}"
            markup += "$label" + ("[/]" if style else "") + "[/]"
            parts.append(Content.from_markup(markup, label=label))
        legend = Content.from_markup("  [$text-muted]● current stage[/]")
        self.update(Content(" ").join(parts) + legend)


# ---------------------------------------------------------------------------- roster


#: A roster's lines and what each stands for, built once and shown as often as needed.
BuiltRoster = tuple[list[Option], list[RosterEntry]]

#: Members listed per group; a larger group (a state-wide convening team) ends with a line
#: saying how many more there are: an option list measures every line it holds, and a
#: stage view of 5,000 lines took seconds to show. The directory lists everyone.
MEMBERS_SHOWN = 300


def build_roster(
    groups: Sequence[RosterGroup],
    snapshot: PartnershipSnapshot,
    convenings: Sequence[Convening] = (),
    invites: Mapping[int, Invitations] | None = None,
) -> BuiltRoster:
    """The lines of ``groups`` (``convenings`` go under :data:`CONVENINGS_KEY`; ``invites``,
    in the Launch view, adds each champion's invited / accepted counts)."""
    options: list[Option] = []
    entries: list[RosterEntry] = []
    for group in groups:
        options.append(Option(group_prompt(group), id=f"g|{group.key}"))
        entries.append(RosterEntry(group))
        for role in group.members[:MEMBERS_SHOWN]:
            counts = None
            if invites is not None and role.role is RoleKind.CHAMPION:
                counts = invites.get(role.person_id, Invitations())
            prompt = member_prompt(role, snapshot, counts)
            options.append(Option(prompt, id=f"m|{group.key}|{role.id}"))
            entries.append(RosterEntry(group, role, name=snapshot.person_name(role.person_id)))
        if len(group.members) > MEMBERS_SHOWN:
            hidden = len(group.members) - MEMBERS_SHOWN
            options.append(Option(more_prompt(hidden), id=f"more|{group.key}"))
            entries.append(RosterEntry(group))
        if group.key == CONVENINGS_KEY:
            for convening in convenings:
                prompt = convening_prompt(convening, snapshot)
                options.append(Option(prompt, id=f"c|{convening.id}"))
                entries.append(RosterEntry(group, convening=convening))
    return options, entries


def behind_a_dialog(widget: OptionList) -> bool:
    """Another screen (a dialog) is on top of the list's: no key reaches the list, and the
    dimmed footer behind the dialog lists its keys, whatever line is highlighted (as it
    always has: Textual checks a ``screen.`` action against the top screen)."""
    return widget.is_attached and widget.screen is not widget.app.screen


def editable(entry: RosterEntry) -> bool:
    """A role, a team's headline or a convening (a group's headline has no editor)."""
    return entry.role is not None or entry.group.team_id is not None or entry.convening is not None


class RosterList(SteadyOptionList):
    """Who's at the table: each group's headline, then its members."""

    BINDINGS = [
        Binding("n", "add_member", "Add", tooltip="Add a person to this group", id="stage.add"),
        Binding(
            "e",
            "edit_member",
            "Edit",
            tooltip="Edit the highlighted person's role (or team)",
            id="stage.edit",
        ),
        Binding(
            "enter",
            "edit_member",
            "Edit",
            show=False,
            tooltip="Edit the highlighted person's role (or team)",
            id="stage.edit_enter",
        ),
        Binding(
            "x",
            "end_role",
            "End",
            tooltip="End the highlighted person's role (kept as history), or delete a convening",
            id="stage.end",
        ),
    ]

    class AddPerson(Message):
        """``person_id`` was picked to join ``group``."""

        def __init__(self, group: RosterGroup, person_id: int) -> None:
            super().__init__()
            self.group = group
            self.person_id = person_id

    class NewConvening(Message):
        """``n`` on the convenings: record a new one."""

    class Edit(Message):
        """Open the editor of ``entry`` (a role, a team or a convening)."""

        def __init__(self, entry: RosterEntry) -> None:
            super().__init__()
            self.entry = entry

    class EndRole(Message):
        """The convener said yes to ending ``role`` (it stays in the person's history)."""

        def __init__(self, role: RoleAssignment, name: str) -> None:
            super().__init__()
            self.role = role
            self.name = name

    class DeleteConvening(Message):
        """The convener said yes to deleting ``convening`` and its attendance."""

        def __init__(self, convening: Convening) -> None:
            super().__init__()
            self.convening = convening

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.entries: list[RosterEntry] = []

    # ------------------------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action not in ROSTER_EDITS or behind_a_dialog(self):
            return True
        entry = self.current
        if entry is None or not self.is_attached or read_only(self):
            return False
        if action == "add_member":
            return entry.group.role is not None or entry.group.key == CONVENINGS_KEY
        if action == "end_role":
            return entry.role is not None or entry.convening is not None
        return (
            entry.role is not None or entry.group.team_id is not None or entry.convening is not None
        )

    def why_unavailable(self, action: str) -> str | None:
        """Why ``action`` is off right now, for the ``?`` list."""
        if action in ROSTER_EDITS and read_only(self):
            return READ_ONLY_WHY
        if action == "add_member":
            return "highlight a group of the roster first"
        if action in ("edit_member", "end_role"):
            return "highlight a person (not a group's headline) first"
        return None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """A click on a line (or enter when editing is off): edit it when it can be."""
        event.stop()
        if self.check_action("edit_member", ()):
            self.action_edit_member()

    def action_add_member(self) -> None:
        """Pick someone for the highlighted group (``n`` on the convenings: a new one)."""
        entry = self.current
        if entry is not None and entry.group.key == CONVENINGS_KEY:
            self.post_message(self.NewConvening())
            return
        if entry is None or entry.group.role is None:
            return
        group = entry.group

        def picked(person_id: int | None) -> None:
            if person_id:
                self.post_message(self.AddPerson(group, person_id))

        exclude = {member.person_id for member in group.members}
        editors.pick_person(self, f"Add to {group.label}", exclude, picked, group.label)

    def action_edit_member(self) -> None:
        entry = self.current
        if entry is not None and editable(entry):
            self.post_message(self.Edit(entry))

    def action_end_role(self) -> None:
        """End the highlighted role, or delete the highlighted convening, after a yes."""
        entry = self.current
        if entry is None:
            return
        if entry.convening is not None:
            convening = entry.convening
            day = convening.on.isoformat()
            question = f"Delete the convening of {day} and its attendance?"
            message: Message = self.DeleteConvening(convening)
            label = "Delete"
        elif entry.role is not None:
            role = ROLE_LABELS[entry.role.role].lower()
            question = f"End {entry.name}'s role as {role}? It stays in their history."
            message = self.EndRole(entry.role, entry.name)
            label = "End role"
        else:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.post_message(message)

        self.app.push_screen(ConfirmScreen(question, confirm_label=label), answered)

    # ------------------------------------------------------------------ lines

    def show(
        self,
        groups: Sequence[RosterGroup],
        snapshot: PartnershipSnapshot,
        convenings: Sequence[Convening] = (),
        invites: Mapping[int, Invitations] | None = None,
    ) -> None:
        """Replace the contents, keeping the highlight on the same line where possible.

        ``convenings`` are listed under the group whose key is :data:`CONVENINGS_KEY`;
        ``invites`` (the Launch view) adds each champion's invited / accepted counts.
        """
        self.show_built(build_roster(groups, snapshot, convenings, invites))

    def show_built(self, built: BuiltRoster) -> None:
        """Show lines built by :func:`build_roster` (they may be shown again later)."""
        keep = self.highlighted_option.id if self.highlighted_option else None
        options, entries = built
        self.entries = entries
        self.set_options(options)
        if keep is not None and keep in {option.id for option in options}:
            self.highlighted = self.get_option_index(keep)
        elif options:
            self.highlighted = 0

    @property
    def current(self) -> RosterEntry | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.entries):
            return None
        return self.entries[index]

    def highlight_group(self, key: str, person_id: int | None = None) -> bool:
        """Move the highlight to a group (or one of its members); ``False`` if not shown."""
        for index, entry in enumerate(self.entries):
            if entry.group.key != key:
                continue
            if person_id is None or entry.person_id == person_id:
                self.highlighted = index
                self.scroll_to_highlight(top=True)
                return True
        return False


# ---------------------------------------------------------------------------- gaps


class GapList(SteadyOptionList):
    """What's missing: the viewed stage's gaps first (blockers first), then those of the
    stages after the partnership's own ("Upcoming") and of stages it has passed ("Earlier
    stages"), each labelled with its stage."""

    BINDINGS = [
        Binding(
            "enter",
            "fix_gap",
            "Fix",
            tooltip="Go to the place to fix this gap",
            id="stage.fix_gap",
        ),
    ]

    class Fix(Message):
        """Go to the place that fixes ``gap`` (a form, or its roster group)."""

        def __init__(self, gap: Gap) -> None:
            super().__init__()
            self.gap = gap

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.gaps: list[Gap | None] = []

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "fix_gap" or behind_a_dialog(self) or self.current is not None

    def why_unavailable(self, action: str) -> str | None:
        return "highlight a gap first" if action == "fix_gap" else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """A click on a gap (or enter): go and fix it."""
        event.stop()
        self.action_fix_gap()

    def action_fix_gap(self) -> None:
        gap = self.current
        if gap is not None:
            self.post_message(self.Fix(gap))

    def show(self, gaps: Sequence[Gap], stage: Stage, current: Stage | None = None) -> None:
        """``current`` is the partnership's stage (the viewed one when not given)."""
        current_stage = current or stage
        now = current_stage.number
        here = [gap for gap in gaps if gap.stage is stage]
        here.sort(key=lambda gap: list(Severity).index(gap.severity))
        others = [gap for gap in gaps if gap.stage is not stage]
        sections = (
            (
                f"Current stage ({current_stage.label})",
                [g for g in others if g.stage.number == now],
            ),
            ("Upcoming", [gap for gap in others if gap.stage.number > now]),
            ("Earlier stages", [gap for gap in others if gap.stage.number < now]),
        )
        options: list[Option] = []
        entries: list[Gap | None] = []
        if not here:
            empty = (
                f"Nothing flagged for {stage.label} yet: its rules apply as the partnership "
                "gets there."
                if stage.number > now
                else f"Nothing missing for {stage.label}."
            )
            options.append(Option(Content(empty), disabled=True))
            entries.append(None)
        for gap in here:
            options.append(Option(gap_prompt(gap, other_stage=False)))
            entries.append(gap)
        for title, found in sections:
            if not found:
                continue
            heading = Content.from_markup("[b $text-muted]$title[/]", title=title)
            options.append(Option(heading, disabled=True))
            entries.append(None)
            for gap in found:
                options.append(Option(gap_prompt(gap, other_stage=True)))
                entries.append(gap)
        self.gaps = entries
        keep = self.highlighted
        self.set_options(options)
        first = next((i for i, gap in enumerate(entries) if gap is not None), None)
        if keep is not None and keep < len(entries) and entries[keep] is not None:
            self.highlighted = keep
        else:
            self.highlighted = first

    @property
    def current(self) -> Gap | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.gaps):
            return None
        return self.gaps[index]
