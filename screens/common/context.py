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


#: Why editing keys are off in read-only mode (the ``?`` list says it beside them).
READ_ONLY_WHY = "the file is open read-only"


def read_only(node: DOMNode) -> bool:
    """The file is open read-only (``--read-only``): editing keys are off, forms don't open."""
    return store_of(node).read_only


def save(
    node: DOMNode,
    change: Callable[[], T],
    done: str | None = "Saved",
    *,
    on_error: Callable[[str], None] | None = None,
) -> T | None:
    """Run ``change`` (a store call); on success say ``done`` quietly, on failure explain.

    The explanation is a notification, or goes to ``on_error`` (a screen that shows its
    problems in place, like the live meeting). Returns the change's result, or ``None``
    when it failed (nothing was saved then: the store writes all of a change or none).
    """

    def explain_problem(message: str, timeout: float) -> None:
        if on_error is not None:
            on_error(message)
        else:
            node.app.notify(
                message, title="Not saved", severity="error", timeout=timeout, markup=False
            )

    try:
        result = change()
    except FileChangedError as exc:
        explain_problem(visible(exc.message) + " Press ctrl+r to reload.", 12)
        return None
    except StoreError as exc:
        explain_problem(visible(exc.message), 8)
        return None
    except ValidationError as exc:
        explain_problem(explain(exc), 8)
        return None
    if done:
        node.app.notify(done, timeout=1.5, markup=False)
    return result
