"""The app's actions: what the app's bindings, the screens and the command palette
(:mod:`screens.palette`) call. They import the screens they open lazily (see
:mod:`screens.common.lazy`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.app import App
from textual.screen import Screen

from nextgen_tui.errors import StoreError
from nextgen_tui.models import Stage
from nextgen_tui.text.visible import visible
from screens.common.context import save, store_of
from screens.common.lazy import push_lazy, reload_screen
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

    if not isinstance(app.screen, HelpScreen):
        app.push_screen(HelpScreen(app.screen))


def undo(app: App[Any]) -> None:
    """Undo the last change and show its effect on the current screen."""
    store = store_of(app)
    _replay(app, store.undo_label, store.undo, "Nothing to undo.", "Undid")


def redo(app: App[Any]) -> None:
    """Redo the last change undone and show its effect on the current screen."""
    store = store_of(app)
    _replay(app, store.redo_label, store.redo, "Nothing to redo.", "Redid")


def _replay(
    app: App[Any], label: str | None, step: Callable[[], str | None], nothing: str, done: str
) -> None:
    """Undo or redo (``step``) the change ``label`` names, saying what it was."""
    if label is None:
        app.notify(nothing, timeout=2, markup=False)
        return
    replayed = save(app, step, done=None)
    if replayed is not None:
        app.notify(f"{done}: {replayed}", timeout=3, markup=False)
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
