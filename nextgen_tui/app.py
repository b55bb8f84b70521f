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

from nextgen_tui.store.repository import Store
from nextgen_tui.text.visible import visible
from screens import commands
from screens.common.navigation import NewPartnership, OpenPartnership, StartMeeting
from screens.partnerships.screen import PartnershipsScreen

APP_TITLE = "Sector Partnership Roster"


def _command_provider() -> type[commands.RosterCommands]:
    return commands.RosterCommands


class RosterApp(App[None]):
    """Sector Partnership Roster: rosters and role gaps of sector partnerships."""

    TITLE = APP_TITLE
    COMMANDS = App.COMMANDS | {_command_provider}

    BINDINGS = [
        Binding(
            "ctrl+z", "undo", "Undo", show=False, tooltip="Undo the last change", id="app.undo"
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

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        read_only = " (read-only)" if store.read_only else ""
        self.sub_title = f"{visible(store.path.name)}{read_only}"

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
        partnerships = self.store.partnerships()
        if len(partnerships) == 1:
            commands.open_partnership(self, partnerships[0].id)
        commands.offer_resume_meeting(self)

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

    def action_reload(self) -> None:
        commands.reload_from_disk(self)

    def action_help(self) -> None:
        commands.show_help(self)

    def action_directory(self) -> None:
        commands.show_directory(self)
