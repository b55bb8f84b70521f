"""The command palette (ctrl+p) and the provider that fills it with the app's actions.

The provider is context-aware: stage commands appear only while a partnership is open,
"Undo" only when there is something to undo. Partnership names are user text: they are
shown as ``Content`` (never markup) and matched with a linear fuzzy match (Textual's
matcher both parses its candidates as markup and explores every combination of a long
repeated name).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from itertools import pairwise
from typing import Any

from textual.app import App
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.style import Style

from nextgen_tui.models import Stage
from screens.commands import (
    add_organization,
    add_person,
    export,
    import_roster,
    new_partnership,
    open_partnership,
    redo,
    show_about,
    show_directory,
    show_engagement,
    show_history,
    show_region,
    start_meeting,
    undo,
)
from screens.common.context import store_of
from screens.common.modal import DismissOnce
from screens.common.navigation import current_partnership


def fuzzy_match(query: str, candidate: str) -> tuple[float, list[int]]:
    """Score 0-1 and matched offsets: a substring scores high, else letters in order.

    Linear in the candidate's length whatever it contains.
    """
    wanted = query.strip().lower()
    if not wanted:
        return 0.0, []
    # lower() per character keeps offsets aligned with the original string
    folded = "".join(char.lower()[:1] or char for char in candidate)
    at = folded.find(wanted)
    if at >= 0:
        bonus = 0.1 if at == 0 or not folded[at - 1].isalnum() else 0.0
        return 0.85 + bonus, list(range(at, at + len(wanted)))
    offsets: list[int] = []
    position = 0
    for char in wanted:
        position = folded.find(char, position)
        if position < 0:
            return 0.0, []
        offsets.append(position)
        position += 1
    runs = 1 + sum(1 for a, b in pairwise(offsets) if b != a + 1)
    return 0.2 + 0.5 * (len(offsets) - runs + 1) / len(offsets), offsets


@dataclass(frozen=True)
class Command:
    title: str
    run: Callable[[], object]
    help: str


def app_commands(app: App[Any], screen: Screen[Any]) -> list[Command]:
    """The commands that make sense on ``screen`` right now."""
    store = store_of(app)
    pid = current_partnership(screen)
    commands: list[Command] = []
    if pid is not None and hasattr(screen, "show_stage"):
        for stage in Stage:
            commands.append(
                Command(
                    f"Go to stage: {stage.label}",
                    partial(screen.show_stage, stage),
                    f"Show who is at the table in {stage.label} and what is missing",
                )
            )
        guide = getattr(screen, "action_guide", None)
        if callable(guide):
            commands.append(
                Command(
                    "Toolkit guide for this stage",
                    guide,
                    "Who is at the table and each partner's role, checked against this "
                    "partnership (i)",
                )
            )
    editing = not store.read_only
    if editing:
        commands += [
            Command("Add person", partial(add_person, app), "Add a person to the directory"),
            Command(
                "Add organization",
                partial(add_organization, app),
                "Add a company, college, board or other organization",
            ),
        ]
    commands.append(Command("Directory", partial(show_directory, app), "People and organizations"))
    commands.append(
        Command(
            "Region view",
            partial(show_region, app),
            "Every partnership side by side, with public-system coverage",
        )
    )
    if editing:
        commands.append(
            Command("New partnership", partial(new_partnership, app), "Create a sector partnership")
        )
    if pid is not None and editing:
        commands.append(
            Command(
                "Start / resume launch meeting",
                partial(start_meeting, app, pid),
                "Run the launch meeting live: check-in, agenda, capture",
            )
        )
    if pid is not None:
        commands += [
            Command("Export...", partial(export, app, pid), "Rosters, reports, letters, calendar"),
            Command(
                "Engagement over time",
                partial(show_engagement, app, pid),
                "Attendance at each meeting, industry leaders' history, who drifted",
            ),
            Command(
                "Public-system coverage",
                partial(show_engagement, app, pid, True),
                "Who covers each public system in each group of this partnership",
            ),
        ]
    if editing:
        commands.append(
            Command(
                "Import roster...",
                partial(import_roster, app, pid),
                "Bring in people and roles from a CSV or XLSX file",
            )
        )
    commands.append(Command("About", partial(show_about, app), "What this app is, and credits"))
    if store.undo_label is not None:
        commands.append(Command(f"Undo: {store.undo_label}", partial(undo, app), "ctrl+z"))
    if store.redo_label is not None:
        commands.append(Command(f"Redo: {store.redo_label}", partial(redo, app), "ctrl+y"))
    commands.append(
        Command(
            "Undo history",
            partial(show_history, app),
            "What each change of this session did; undo or redo from there (h)",
        )
    )
    for partnership in store.partnerships():
        commands.append(
            Command(
                f"Open partnership: {partnership.name}",
                partial(open_partnership, app, partnership.id),
                "Show its stages, rosters and gaps",
            )
        )
    return commands


class RosterCommands(Provider):
    """The app's commands in the command palette."""

    def _commands(self) -> list[Command]:
        return app_commands(self.app, self.screen)

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(Content(command.title), command.run, command.title, command.help)

    async def search(self, query: str) -> Hits:
        style = self.match_style or Style(reverse=True)
        for command in self._commands():
            score, offsets = fuzzy_match(query, command.title)
            if score <= 0:
                continue
            display = Content(command.title)
            for offset in offsets:
                display = display.stylize(style, offset, offset + 1)
            yield Hit(score, display, command.run, command.title, command.help)


class RosterPalette(DismissOnce, CommandPalette):
    """Textual's command palette, safe against keys faster than it.

    Typing a query and pressing escape or enter quickly closes the palette while its
    search worker still runs; the worker's last update then looks for widgets that are
    gone (``NoMatches``, which would stop the app): those late updates are dropped. A
    second enter queued behind the first closes nothing more (:class:`DismissOnce`).
    """

    def _watch__list_visible(self) -> None:
        with suppress(NoMatches):
            super()._watch__list_visible()

    async def _watch__show_busy(self) -> None:
        with suppress(NoMatches):
            await super()._watch__show_busy()


def open_palette(app: App[Any]) -> None:
    """Open the command palette, unless it is open already (even under another screen)."""
    if app.use_command_palette and not any(
        isinstance(screen, CommandPalette) for screen in app.screen_stack
    ):
        app.push_screen(RosterPalette())  # no id: the last one may still be closing
