"""What the app told the user: every ``notify`` call, kept past the message's timeout.

Textual removes a notification when its timeout ends (1.5 s for some); a test that read
the app's live notifications failed whenever a loaded machine ran it slower than that.
The ``notices`` fixture (tests/conftest.py) wraps ``App.notify`` and keeps each call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from textual.app import App
from textual.notifications import SeverityLevel


@dataclass(frozen=True)
class Notice:
    message: str
    title: str
    severity: SeverityLevel


@dataclass
class Notices:
    """The notices of every app the test runs, in order."""

    seen: list[Notice] = field(default_factory=list)

    @property
    def messages(self) -> list[str]:
        return [notice.message for notice in self.seen]


def record_notices(monkeypatch: pytest.MonkeyPatch) -> Notices:
    """Wrap ``App.notify`` (widgets and screens call it too) for the rest of the test."""
    record = Notices()
    original = App.notify

    def notify(
        self: App[Any],
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        record.seen.append(Notice(message, title, severity))
        original(self, message, title=title, severity=severity, timeout=timeout, markup=markup)

    monkeypatch.setattr(App, "notify", notify)
    return record
