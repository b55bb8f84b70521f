"""The footer shows the focused widget's keys, and is rebuilt only when they change."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Button
from textual.widgets._footer import FooterKey

from screens.common.footer import KeyFooter


class Deletable(Button):
    BINDINGS = [
        Binding("delete", "app.focus_previous", "Remove", tooltip="Remove it", id="t.remove")
    ]


class FooterApp(App[None]):
    BINDINGS = [Binding("ctrl+n", "app.bell", "New", tooltip="Add one", id="t.new")]

    def compose(self) -> ComposeResult:
        yield Button("One", id="one")
        yield Button("Two", id="two")
        yield Deletable("Three", id="three")
        yield KeyFooter()


def shown(app: FooterApp) -> list[FooterKey]:
    """The footer's key widgets (FooterKey is not exported: Textual is pinned)."""
    return list(app.query_one(KeyFooter).query(FooterKey))


def labels(app: FooterApp) -> list[str]:
    return [key.description for key in shown(app)]


async def test_each_key_is_built_as_shown_and_a_focus_move_that_keeps_the_keys_keeps_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One app, in turn:

    - each key is built as it is shown: none starts compact to be made wide again at once
      (each change restyles it);
    - a focus move that keeps the keys keeps the footer's widgets; one that changes them
      shows the new keys, and takes them away again.
    """
    seen: list[tuple[str, bool]] = []
    watch = FooterKey._watch_compact

    def recorded(key: FooterKey, compact: bool) -> None:
        seen.append((key.description, compact))
        watch(key, compact)

    monkeypatch.setattr(FooterKey, "_watch_compact", recorded)
    app = FooterApp()
    async with app.run_test() as pilot:
        app.set_focus(app.query_one("#three"))
        await pilot.pause()
        assert labels(app) == ["Remove", "New", "palette"], "built: the focused widget's keys"
        keys = {key.description: key for key in shown(app)}
        assert not keys["Remove"].has_class("-compact") and not keys["New"].compact, "built"
        # not bound to the footer: as Textual's
        assert keys["palette"].has_class("-compact"), "built: palette stays compact"
        bound = [compact for description, compact in seen if description != "palette"]
        assert bound and not any(bound), "built: no bound key made compact first"

        # ---- a focus move that keeps the keys keeps the footer
        app.set_focus(app.query_one("#one"))
        await pilot.pause()
        before = shown(app)
        assert [key.description for key in before] == ["New", "palette"], "focus: a key less"

        app.set_focus(app.query_one("#two"))  # the same keys: nothing rebuilt
        await pilot.pause()
        assert all(a is b for a, b in zip(shown(app), before, strict=True)), "focus: kept"

        app.set_focus(app.query_one("#three"))  # a key more: shown
        await pilot.pause()
        assert labels(app) == ["Remove", "New", "palette"], "focus: a key more"

        app.set_focus(app.query_one("#one"))  # and gone again
        await pilot.pause()
        assert labels(app) == ["New", "palette"], "focus: and gone again"
    bound = [compact for description, compact in seen if description != "palette"]
    assert not any(bound), "built: no key rebuilt by the focus moves started compact either"
