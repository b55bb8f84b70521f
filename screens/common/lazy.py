"""Open screens whose modules are imported only when first needed.

Start-up stays fast because the directory, editors, meeting, import and export screens are
imported the first time they are opened, not when the app starts. ``push_lazy`` also keeps
the app running if one of those modules is missing from an installation: the convener gets
a plain message instead of a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar, runtime_checkable

from textual.dom import DOMNode
from textual.screen import Screen

T = TypeVar("T")


def push_lazy(
    node: DOMNode,
    factory: Callable[[], Screen[T]],
    callback: Callable[[T | None], Any] | None = None,
) -> bool:
    """Build a screen with ``factory`` (which imports its module) and push it.

    Returns ``False``, after telling the user, when the screen's module is not installed.
    """
    try:
        screen = factory()
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("screens"):
            raise
        node.app.notify(
            "That part of the app is not available in this installation.",
            title="Not available",
            severity="warning",
            markup=False,
        )
        return False
    if callback is None:
        node.app.push_screen(screen)
    else:
        node.app.push_screen(screen, callback)
    return True


@runtime_checkable
class Reloads(Protocol):
    """A screen that shows stored records and re-reads them on ``reload()`` (after an undo,
    or when a form opened from the palette closes): the list, stage, directory, meeting."""

    def reload(self) -> None: ...


def reload_screen(screen: Screen[Any]) -> None:
    """Ask a screen to re-read the store, if it shows stored records."""
    if isinstance(screen, Reloads):
        screen.reload()
