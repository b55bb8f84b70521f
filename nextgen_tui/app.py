"""The Textual app: the composition root (store, first screen, global keys, palette).

The app's behaviour lives in ``screens/`` (``screens.commands`` holds the actions the
keys and the command palette run); this module only wires them together. Screens that
are not shown first are imported when first opened, to keep start-up fast.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.driver import Driver
from textual.screen import Screen

from nextgen_tui.models import Stage
from nextgen_tui.prefs import Prefs, load_prefs, save_prefs
from nextgen_tui.store.repository import Store
from nextgen_tui.text.visible import visible
from screens import commands
from screens.common.navigation import NewPartnership, OpenPartnership, StageViewed, StartMeeting
from screens.common.stylesheet import STYLESHEET
from screens.partnerships.screen import PartnershipsScreen

APP_TITLE = "Sector Partnership Roster"
DEMO_BANNER = "DEMO: a throw-away copy"


def _command_provider() -> type[commands.RosterCommands]:
    return commands.RosterCommands


class RosterApp(App[None]):
    """Sector Partnership Roster: rosters and role gaps of sector partnerships."""

    TITLE = APP_TITLE
    CSS_PATH = STYLESHEET
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

    def __init__(self, store: Store, *, demo: bool = False, prefs: Prefs | None = None) -> None:
        """``demo``: ``store`` is a throw-away copy of the demo (said in the header, and it
        opens on the Prepare partnership); ``prefs`` default to the saved ones."""
        super().__init__()
        self.store = store
        self.demo = demo
        self.prefs = load_prefs() if prefs is None else prefs
        name = DEMO_BANNER if demo else visible(store.path.name)
        self.sub_title = f"READ-ONLY · {name}" if store.read_only else name

    def get_driver_class(self) -> type[Driver]:
        """The stock driver, except that on Linux/macOS the end of input ends the app."""
        stock = super().get_driver_class()
        if stock.__module__ == "textual.drivers.linux_driver":  # not set by TEXTUAL_DRIVER
            from screens.common.driver import EndOfInputDriver

            return EndOfInputDriver
        return stock

    def get_default_screen(self) -> Screen[None]:
        return PartnershipsScreen()

    def on_mount(self) -> None:
        if self.prefs.theme in self.available_themes:
            self.theme = self.prefs.theme
        self.theme_changed_signal.subscribe(self, lambda _theme: self._theme_changed())
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

    @on(StageViewed)
    def _stage_viewed(self, message: StageViewed) -> None:
        self.prefs.remember(self.store.path, message.partnership_id, message.stage.value)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's commands (theme, quit, screenshot...), with "Keys" showing our list."""
        for command in super().get_system_commands(screen):
            if command.title == "Keys":
                yield SystemCommand(
                    "Keys", "Show the keys of this screen (?)", partial(commands.show_help, self)
                )
            else:
                yield command

    @on(OpenPartnership)
    def _open_partnership(self, message: OpenPartnership) -> None:
        commands.open_partnership(self, message.partnership_id, message.stage)

    @on(NewPartnership)
    def _new_partnership(self) -> None:
        commands.new_partnership(self)

    @on(StartMeeting)
    def _start_meeting(self, message: StartMeeting) -> None:
        commands.start_meeting(self, message.partnership_id)

    async def action_quit(self) -> None:
        """q, ctrl+q and the palette's quit: the live meeting asks first."""
        commands.quit_app(self)

    def action_command_palette(self) -> None:
        commands.open_palette(self)

    def action_undo(self) -> None:
        commands.undo(self)

    def action_redo(self) -> None:
        commands.redo(self)

    def action_history(self) -> None:
        commands.show_history(self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action in ("undo", "redo") and self.store.read_only)

    def action_reload(self) -> None:
        commands.reload_from_disk(self)

    def action_help(self) -> None:
        commands.show_help(self)

    def action_directory(self) -> None:
        commands.show_directory(self)
