"""The Textual app: the composition root (store, first screen, global keys, palette).

The app's behaviour lives in ``screens/`` (``screens.commands`` holds the actions that
the keys and the command palette, ``screens.palette``, run); this module wires them.

Start-up paints first: given a file only claimed (:func:`nextgen_tui.store.opening.claim`:
checked and locked, not read), the app shows :class:`OpeningScreen` and reads the file in
a thread worker after that first frame; the worker posts :class:`RosterOpened` (or
:class:`RosterNotOpened`) and the handler here sets the store and shows the first screen.
Nothing on the way to the first frame imports the models (pydantic) or the screens that
need them: they are imported in the worker, or when first used.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.driver import Driver
from textual.message import Message
from textual.screen import Screen
from textual.worker import get_current_worker

from nextgen_tui import collector
from nextgen_tui.prefs import Prefs, load_prefs, save_prefs
from nextgen_tui.store.opening import ClaimedFile
from nextgen_tui.text.visible import visible
from screens.common.opening import OpeningScreen
from screens.common.stylesheet import STYLESHEET
from screens.stage import STYLESHEET as STAGE_STYLESHEET

if TYPE_CHECKING:
    from nextgen_tui.store.repository import Store
    from screens import palette
    from screens.common.navigation import (
        NewPartnership,
        OpenPartnership,
        StageViewed,
        StartMeeting,
    )

APP_TITLE = "Sector Partnership Roster"
DEMO_BANNER = "DEMO: a throw-away copy"

#: The mode the app runs in once a file opened in a worker is open (see on_roster_opened).
ROSTER_MODE = "roster"

#: What the app does while the file is being opened: quit. Every other action waits for it.
WHILE_OPENING = frozenset({"quit"})


def _command_provider() -> type[palette.RosterCommands]:
    from screens import palette

    return palette.RosterCommands


class RosterOpened(Message):
    """The worker read and checked the file: here is its store."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store


class RosterNotOpened(Message):
    """The worker could not open the file (damaged deep inside, say): why."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error


class RosterApp(App[None]):
    """Sector Partnership Roster: rosters and role gaps of sector partnerships."""

    TITLE = APP_TITLE
    #: The shared rules, and the stage views' (the first screen of most sessions), read
    #: together: a screen's own CSS_PATH read when it is first pushed makes Textual parse
    #: every rule of the app again and restyle every widget (``Stylesheet.reparse``).
    CSS_PATH = [STYLESHEET, STAGE_STYLESHEET]
    COMMANDS = App.COMMANDS | {_command_provider}

    BINDINGS = [
        Binding(
            "ctrl+z", "undo", "Undo", show=False, tooltip="Undo the last change", id="app.undo"
        ),
        Binding(
            "ctrl+y,ctrl+shift+z",
            "redo",
            "Redo",
            show=False,
            tooltip="Redo the last change undone",
            id="app.redo",
        ),
        Binding(
            "h",
            "history",
            "History",
            show=False,
            tooltip="What each change did, to undo (ctrl+z) or redo (ctrl+y)",
            id="app.history",
        ),
        Binding(
            "ctrl+r",
            "reload",
            "Reload",
            show=False,
            tooltip="Read the file again from disk (after another program changed it)",
            id="app.reload",
        ),
        Binding(
            "question_mark",
            "help",
            "Keys",
            key_display="?",
            tooltip="Show the keys of this screen",
            id="app.help",
        ),
        Binding(
            "d",
            "directory",
            "Directory",
            show=False,
            tooltip="People and organizations",
            id="app.directory",
        ),
        Binding(
            "ctrl+p",
            "command_palette",
            "Commands",
            show=False,
            priority=True,
            tooltip="Search every action of the app",
            id="app.palette",
        ),
        Binding("q", "quit", "Quit", show=False, tooltip="Quit the app", id="app.quit_q"),
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            show=False,
            priority=True,
            tooltip="Quit the app",
            id="app.quit",
        ),
    ]

    store: Store  #: set once the file is open (at once, or when the worker has read it)
    _switching_to_roster = False  #: see delay_update

    def __init__(
        self, store: Store | ClaimedFile, *, demo: bool = False, prefs: Prefs | None = None
    ) -> None:
        """``store``: the open file, or a file only claimed, which the app reads in a worker
        after its first paint; ``demo``: a throw-away copy of the demo (said in the header,
        and it opens on the Prepare partnership); ``prefs`` default to the saved ones."""
        super().__init__()
        self.demo = demo
        self.prefs = load_prefs() if prefs is None else prefs
        #: Why the worker could not open the file; the command line reports it after exit.
        self.open_error: Exception | None = None
        self._claimed: ClaimedFile | None = None
        if isinstance(store, ClaimedFile):
            self._claimed = store
        else:
            self.store = store
        name = DEMO_BANNER if demo else visible(store.path.name)
        self.sub_title = f"READ-ONLY · {name}" if store.read_only else name

    @property
    def opening(self) -> bool:
        """The file is still being read: only quitting works."""
        return self._claimed is not None

    def get_driver_class(self) -> type[Driver]:
        """The stock driver, except that on Linux/macOS the end of input ends the app."""
        stock = super().get_driver_class()
        if stock.__module__ == "textual.drivers.linux_driver":  # not set by TEXTUAL_DRIVER
            from screens.common.driver import EndOfInputDriver

            return EndOfInputDriver
        return stock

    def get_default_screen(self) -> Screen[None]:
        if self._claimed is not None:
            size = None
            with contextlib.suppress(OSError):
                size = self._claimed.path.stat().st_size
            return OpeningScreen(visible(self._claimed.path.name), size)
        from screens.partnerships.screen import PartnershipsScreen

        return PartnershipsScreen()

    def on_mount(self) -> None:
        if self.prefs.theme in self.available_themes:
            self.theme = self.prefs.theme
        self.theme_changed_signal.subscribe(self, lambda _theme: self._theme_changed())
        if self._claimed is None:
            self._show_first_screens()
            self.call_after_refresh(collector.resume)  # paused by the command line
        else:  # once the opening screen is on the terminal
            self.call_after_refresh(self._start_opening, self._claimed)

    def _start_opening(self, claimed: ClaimedFile) -> None:
        self.run_worker(
            partial(self._open_in_worker, claimed),
            name="open-roster",
            thread=True,
            exit_on_error=False,
        )

    def _open_in_worker(self, claimed: ClaimedFile) -> None:
        """Read and check the file (in a thread); only posts what came of it."""
        worker = get_current_worker()
        try:
            from nextgen_tui.store.repository import Store

            if worker.is_cancelled:  # quit meanwhile: the app's end waits for this thread
                return
            store = Store(claimed)
            # the first screens' modules, imported here rather than on the main thread
            import screens.commands
            import screens.partnerships.screen
            import screens.stage.screen  # noqa: F401
        except Exception as error:  # every failure is told in one line after the app ends
            self.post_message(RosterNotOpened(error))
        else:
            self.post_message(RosterOpened(store))

    def on_roster_opened(self, message: RosterOpened) -> None:
        from screens.partnerships.screen import PartnershipsScreen

        self.store = message.store
        self._claimed = None
        # The opening screen is the default mode's base screen, which Textual 8 cannot
        # replace (switch_screen pops a result callback a base screen does not have): the
        # roster gets its own mode, with the partnerships list as its base.
        self.add_mode(ROSTER_MODE, PartnershipsScreen)
        self._switching_to_roster = True
        try:
            self.switch_mode(ROSTER_MODE)
        finally:
            self._switching_to_roster = False
        self._show_first_screens()
        # paused by the command line until the roster is on screen: the worker's load
        # makes as many long-lived objects (the models, the records) as the start did
        self.call_after_refresh(collector.resume)

    # Two things Textual's switch_mode does are skipped while it switches to the roster's
    # mode: each would only show the roster later (by about 0.15 s on the demo, together).

    def delay_update(self, delay: float = 0.05) -> None:
        """``switch_mode`` holds every frame back for 50 ms to mask the change of screens,
        and drops the frames made meanwhile. Leaving the opening screen there is nothing to
        mask: the roster's first screens are pushed in the same call."""
        if not self._switching_to_roster:
            super().delay_update(delay)

    def refresh_css(self, animate: bool = True) -> None:
        """``switch_mode`` reparses every rule of the app and restyles every widget, twice,
        for a mode whose screen is new. Nothing in the stylesheet or the theme has changed
        since the opening screen was styled, and the new screen's widgets are styled as they
        mount."""
        if not self._switching_to_roster:
            super().refresh_css(animate)

    def on_roster_not_opened(self, message: RosterNotOpened) -> None:
        self.open_error = message.error
        self.exit()

    def _show_first_screens(self) -> None:
        """Over the partnerships list: the remembered (or only) partnership, and the offer to
        resume a launch meeting left in progress."""
        from nextgen_tui.models import Stage
        from screens import commands

        partnerships = self.store.partnerships()
        place = None if self.demo else self.prefs.place(self.store.path)
        known = {p.id: p for p in partnerships}
        if self.demo:
            first = next((p for p in partnerships if p.stage is Stage.PREPARE), None)
            if first is not None:
                commands.open_partnership(self, first.id, Stage.PREPARE)
        elif place is not None and place.partnership_id in known:
            stages = {stage.value: stage for stage in Stage}
            commands.open_partnership(self, place.partnership_id, stages.get(place.stage))
        elif len(partnerships) == 1:
            commands.open_partnership(self, partnerships[0].id)
        commands.offer_resume_meeting(self)

    def _theme_changed(self) -> None:
        self.prefs.theme = self.theme
        save_prefs(self.prefs)

    def on_unmount(self) -> None:
        if not self.demo:
            save_prefs(self.prefs)

    def on_stage_viewed(self, message: StageViewed) -> None:
        self.prefs.remember(self.store.path, message.partnership_id, message.stage.value)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's commands (theme, quit, screenshot...), with "Keys" showing our list."""
        from screens import commands

        for command in super().get_system_commands(screen):
            if command.title == "Keys":
                yield SystemCommand(
                    "Keys", "Show the keys of this screen (?)", partial(commands.show_help, self)
                )
            else:
                yield command

    def on_open_partnership(self, message: OpenPartnership) -> None:
        from screens import commands

        commands.open_partnership(self, message.partnership_id, message.stage)

    def on_new_partnership(self, _message: NewPartnership) -> None:
        from screens import commands

        commands.new_partnership(self)

    def on_start_meeting(self, message: StartMeeting) -> None:
        from screens import commands

        commands.start_meeting(self, message.partnership_id)

    async def action_quit(self) -> None:
        """q, ctrl+q and the palette's quit: the live meeting asks first."""
        if self.opening:  # nothing is open yet, so nothing to ask about
            self.exit()
            return
        from screens import commands

        commands.quit_app(self)

    def action_command_palette(self) -> None:
        from screens import palette

        palette.open_palette(self)

    def action_undo(self) -> None:
        from screens import commands

        commands.undo(self)

    def action_redo(self) -> None:
        from screens import commands

        commands.redo(self)

    def action_history(self) -> None:
        from screens import commands

        commands.show_history(self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.opening:
            return action in WHILE_OPENING
        return not (action in ("undo", "redo") and self.store.read_only)

    def action_reload(self) -> None:
        from screens import commands

        commands.reload_from_disk(self)

    def action_help(self) -> None:
        from screens import commands

        commands.show_help(self)

    def action_directory(self) -> None:
        from screens import commands

        commands.show_directory(self)
