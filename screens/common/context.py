"""How screens reach the store, and the one way they make a change.

Screens never touch TinyDB: they call :class:`nextgen_tui.store.Store` methods through
:func:`save`, which turns every storage or validation problem into a plain-English
notification (never markup, never a traceback) and keeps the app running.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar, cast

from pydantic import ValidationError
from textual.dom import DOMNode

from nextgen_tui.errors import FileChangedError, StoreError
from nextgen_tui.models import explain
from nextgen_tui.store.repository import Store
from nextgen_tui.text.visible import visible

T = TypeVar("T")


class HasStore(Protocol):
    store: Store


def store_of(node: DOMNode) -> Store:
    """The store of the running app."""
    return cast(HasStore, node.app).store


def save(node: DOMNode, change: Callable[[], T], done: str | None = "Saved") -> T | None:
    """Run ``change`` (a store call); on success say ``done`` quietly, on failure explain.

    Returns the change's result, or ``None`` when it failed (nothing was saved then: the
    store writes all of a change or none of it).
    """
    try:
        result = change()
    except FileChangedError as exc:
        node.app.notify(
            visible(exc.message) + " Press ctrl+r to reload.",
            title="Not saved",
            severity="error",
            timeout=12,
            markup=False,
        )
        return None
    except StoreError as exc:
        node.app.notify(
            visible(exc.message), title="Not saved", severity="error", timeout=8, markup=False
        )
        return None
    except ValidationError as exc:
        node.app.notify(explain(exc), title="Not saved", severity="error", timeout=8, markup=False)
        return None
    if done:
        node.app.notify(done, timeout=1.5, markup=False)
    return result
