"""The app's actions, and the command palette provider that offers them (ctrl+p).

The functions here are what the app's bindings, the screens and the palette call; they
import the screens they open lazily (see :mod:`screens.lazy`). The provider is
context-aware: stage commands appear only while a partnership is open, "Undo" only when
there is something to undo. Partnership names are user text: they are shown as
``Content`` (never markup) and matched with a linear fuzzy match (Textual's matcher both
parses its candidates as markup and explores every combination of a long repeated name).
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

from nextgen_tui.errors import StoreError
from nextgen_tui.models import Stage
from nextgen_tui.text.visible import visible
from screens.common.context import save, store_of
from screens.common.lazy import push_lazy, reload_screen
from screens.common.modal import DismissOnce
from screens.common.navigation import DIRECTORY_ID, REGION_ID, current_partnership

# ---------------------------------------------------------------------------- actions


def _to_base(app: App[Any]) -> None:
    """Close every screen above the partnerships list."""
    while len(app.screen_stack) > 1:
        app.pop_screen()


def open_partnership(app: App[Any], partnership_id: int, stage: Stage | None = None) -> None:
    """Show one partnership's stage views (replacing whatever is open above the list)."""
    from screens.stage.screen import PartnershipScreen

    _to_base(app)
    app.push_screen(PartnershipScreen(partnership_id, stage))


def new_partnership(app: App[Any]) -> None:
    """Ask for a new partnership; open it once created."""

    def factory() -> Screen[int | None]:
        from screens.partnerships.partnership_form import PartnershipForm

        return PartnershipForm()

    def created(partnership_id: int | None) -> None:
        if partnership_id:
            open_partnership(app, partnership_id)
        else:
            reload_screen(app.screen)

    push_lazy(app, factory, created)


def add_person(app: App[Any]) -> None:
    def factory() -> Screen[int | None]:
        from screens.directory.person_form import PersonForm

        return PersonForm()

    push_lazy(app, factory, lambda _result: reload_screen(app.screen))


def add_organization(app: App[Any]) -> None:
    def factory() -> Screen[int | None]:
        from screens.directory.org_form import OrgForm

        return OrgForm()

    push_lazy(app, factory, lambda _result: reload_screen(app.screen))


def _open_already(app: App[Any], screen_id: str, name: str) -> bool:
    """Whether the screen ``screen_id`` is open already: on top, or under the screens
    opened from it (its key, pressed there, must not stack a second one: it says where)."""
    if app.screen.id == screen_id:
        return True
    if any(screen.id == screen_id for screen in app.screen_stack):
        app.notify(f"The {name} is open under this screen: escape goes back to it.", markup=False)
        return True
    return False


def show_directory(app: App[Any]) -> None:
    if _open_already(app, DIRECTORY_ID, "directory"):
        return

    def factory() -> Screen[None]:
        from screens.directory.screen import DirectoryScreen

        return DirectoryScreen()

    push_lazy(app, factory)


def show_region(app: App[Any]) -> None:
    """Every partnership side by side (not stacked twice)."""
    if _open_already(app, REGION_ID, "region view"):
        return

    def factory() -> Screen[None]:
        from screens.region.screen import RegionScreen

        return RegionScreen()

    push_lazy(app, factory)


def show_engagement(app: App[Any], partnership_id: int, coverage: bool = False) -> None:
    """One partnership's engagement over time (or its public-system coverage)."""

    def factory() -> Screen[None]:
        from screens.region.engagement import EngagementScreen

        return EngagementScreen(partnership_id, coverage=coverage)

    push_lazy(app, factory)


def start_meeting(app: App[Any], partnership_id: int) -> None:
    """Open the live launch meeting (it resumes where it was left)."""

    def factory() -> Screen[None]:
        from screens.meeting.screen import MeetingScreen

        return MeetingScreen(partnership_id)

    push_lazy(app, factory)


def import_roster(app: App[Any], partnership_id: int | None) -> None:
    def factory() -> Screen[None]:
        from screens.transfer.import_wizard import ImportWizardScreen

        return ImportWizardScreen(partnership_id)

    push_lazy(app, factory)


def export(app: App[Any], partnership_id: int) -> None:
    def factory() -> Screen[None]:
        from screens.transfer.export_dialog import ExportScreen

        return ExportScreen(partnership_id)

    push_lazy(app, factory)


def show_about(app: App[Any]) -> None:
    from screens.common.about import AboutScreen

    app.push_screen(AboutScreen())


def show_help(app: App[Any]) -> None:
    from screens.common.help import HelpScreen

    if type(app.screen).__name__ != "HelpScreen":
        app.push_screen(HelpScreen(app.screen))


def undo(app: App[Any]) -> None:
    """Undo the last change and show its effect on the current screen."""
    store = store_of(app)
    if store.undo_label is None:
        app.notify("Nothing to undo.", timeout=2, markup=False)
        return
    label = save(app, store.undo, done=None)
    if label is not None:
        app.notify(f"Undid: {label}", timeout=3, markup=False)
    reload_screen(app.screen)


def redo(app: App[Any]) -> None:
    """Redo the last change undone and show its effect on the current screen."""
    store = store_of(app)
    if store.redo_label is None:
        app.notify("Nothing to redo.", timeout=2, markup=False)
        return
    label = save(app, store.redo, done=None)
    if label is not None:
        app.notify(f"Redid: {label}", timeout=3, markup=False)
    reload_screen(app.screen)


def show_history(app: App[Any]) -> None:
    """The list of changes of this session: what undo and redo would do, step by step."""
    from screens.common.history import HistoryScreen

    if not isinstance(app.screen, HistoryScreen):
        app.push_screen(HistoryScreen(), lambda _result: reload_screen(app.screen))


def reload_from_disk(app: App[Any]) -> None:
    """Read the file again (after another program changed it); undo history is cleared."""
    store = store_of(app)
    try:
        store.reload()
    except StoreError as exc:
        app.notify(
            visible(exc.message), title="Not reloaded", severity="error", timeout=8, markup=False
        )
        return
    app.notify(f"Reloaded {visible(store.path.name)} from disk.", timeout=3, markup=False)
    reload_screen(app.screen)


def offer_resume_meeting(app: App[Any]) -> None:
    """At start-up: a launch meeting left in progress (say, a flat battery) is offered back."""
    from screens.common.confirm import ConfirmScreen

    store = store_of(app)
    for partnership in store.partnerships():
        if not store.launch(partnership.id).in_progress:
            continue
        question = f"The launch meeting of {partnership.name} is in progress. Resume it?"
        app.push_screen(
            ConfirmScreen(question, confirm_label="Resume", default_yes=True),
            partial(_resume_meeting, app, partnership.id),
        )
        return


QUIT_QUESTION_ID = "quit-question"


def quit_app(app: App[Any]) -> None:
    """Quit (q, ctrl+q, the palette); a screen with work under way asks first.

    A screen asks by having a ``quit_question`` (the live meeting does): the first such
    screen in the stack, even under a form, puts its question; y quits, n or escape stays.
    """
    from screens.common.confirm import ConfirmScreen

    if app.screen.id == QUIT_QUESTION_ID:  # already asking: a second ctrl+q is no answer
        return
    for screen in reversed(app.screen_stack):
        question = getattr(screen, "quit_question", None)
        if isinstance(question, str) and question:
            break
    else:
        app.exit()
        return

    def answered(yes: bool | None) -> None:
        if yes:
            app.exit()

    app.push_screen(ConfirmScreen(question, confirm_label="Quit", id=QUIT_QUESTION_ID), answered)


def _resume_meeting(app: App[Any], partnership_id: int, resume: bool | None) -> None:
    if resume:
        if current_partnership(app.screen) != partnership_id:
            open_partnership(app, partnership_id, Stage.LAUNCH)
        start_meeting(app, partnership_id)


# ---------------------------------------------------------------------------- palette


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
