"""Every error the core reports to a user, in one place.

Each carries a plain-English ``message``; screens and the command line show it as is.
All are :class:`StoreError`, so a caller can catch the family at once.
"""

from __future__ import annotations


class StoreError(Exception):
    """A storage problem, with a plain-English message for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class LockedError(StoreError):
    """Another process holds the write lock on the file."""


class UnreadableFileError(StoreError):
    """The file is corrupt, empty, foreign, or from a newer version: refused, left as is."""


class FileChangedError(StoreError):
    """The file changed on disk since it was read; writing would lose those changes."""


class ReadOnlyError(StoreError):
    """The store was opened read-only."""


class WriteFailedError(StoreError):
    """The operating system refused the write (disk full, permissions...)."""


class NotFoundError(StoreError):
    """The record asked for does not exist (any more)."""


class InvalidDataError(StoreError):
    """A change was refused because a record would not be valid."""


class MeetingError(StoreError):
    """A meeting change was refused; ``message`` says why in plain English.

    It is a :class:`StoreError`, so ``screens.context.save`` shows it like any refused save.
    """


class ExportError(StoreError):
    """An export could not be made or written; ``message`` says why."""


class ImportFileError(StoreError):
    """The file cannot be read as a roster; ``message`` says why, in one plain sentence."""
