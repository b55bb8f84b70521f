"""The footer every screen shows: Textual's, rebuilt only when the keys it shows change.

Textual's :class:`~textual.widgets.Footer` removes and mounts all of its keys again
whenever the screen's bindings *may* have changed: on every focus change, every screen
resume and every ``refresh_bindings()`` call. Each key it mounts is styled twice, so moving
from one field to the next cost some 10-20 ms (a fifth of the time of a keystroke that only
moves the focus), with the same keys drawn again. This footer compares what it would show
(key, label, tooltip, enabled) with what it shows and rebuilds only when they differ.

A key it builds is made in its final state: Textual's key starts compact (its class
``-compact`` set by a watcher at mount) and is then bound to the footer, which is not
compact (the class removed again): every key was restyled twice as it mounted, a tenth of
the time from the stage view's mount to its first paint.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyFooter(Footer):
    """A footer that rebuilds its keys only when the keys or their state change."""

    _shown: tuple[object, ...] | None = None

    def _keys(self) -> tuple[object, ...]:
        """What :meth:`compose` draws, as a comparable value."""
        return (
            self.show_command_palette,
            tuple(
                (
                    binding.key,
                    binding.action,
                    binding.description,
                    binding.group,
                    binding.show,
                    enabled,
                    tooltip,
                    binding.tooltip,
                )
                for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
            ),
        )

    def compose(self) -> ComposeResult:
        self._shown = self._keys() if self._bindings_ready else None
        for widget in super().compose():
            # a key bound to the footer's compact (all but the palette's): set as it will be
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                widget.set_reactive(FooterKey.compact, self.compact)
            yield widget

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        if self.is_attached and self._keys() != self._shown:
            await self.recompose()
