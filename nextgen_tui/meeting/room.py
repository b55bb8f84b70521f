"""The room view of the launch: what a projector shows, read from the file without a lock.

:func:`room_state` turns a partnership snapshot into what the room sees (the part of the
meeting, the counters, what was captured); :class:`RoomWatcher` follows the roster file
as the facilitator's app writes it. It only ever reads: it opens the file with a
read-only :class:`~nextgen_tui.store.repository.Store` (no lock, no backup, no temporary
file) each time the file's identity (inode, size, change times) changes, and it rides out
the file being replaced, briefly missing or unreadable by keeping the last good state.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from nextgen_tui.errors import NotFoundError, StoreError
from nextgen_tui.meeting.agenda import Timing, timing
from nextgen_tui.meeting.close import ranked_areas
from nextgen_tui.meeting.counters import Counters, counters
from nextgen_tui.models import LaunchMeeting, Partnership
from nextgen_tui.models.snapshot import PartnershipSnapshot
from nextgen_tui.store.repository import Store
from nextgen_tui.text.visible import visible

#: How often the watcher looks at the file, in seconds.
POLL_SECONDS = 0.25


@dataclass(frozen=True)
class AreaDots:
    """A needed action area as the room sees it: its title, dots and commitments."""

    title: str
    dots: int
    commitments: int
    priority: bool  # chosen as a priority when the meeting closed


@dataclass(frozen=True)
class RoomState:
    """Everything the room view shows of one partnership's launch meeting."""

    partnership_id: int
    partnership: str
    meeting: LaunchMeeting
    counters: Counters
    opportunities: tuple[str, ...]
    areas: tuple[AreaDots, ...]  # most dots first

    def timing(self, now: datetime) -> Timing | None:
        """The clock of the current part, or ``None`` before the start and after the close."""
        return None if self.meeting.held else timing(self.meeting, now)


def room_state(snapshot: PartnershipSnapshot) -> RoomState:
    partnership = snapshot.partnership
    meeting = snapshot.launch or LaunchMeeting(partnership_id=partnership.id)
    committed: dict[int, int] = {}
    for commitment in meeting.commitments:
        committed[commitment.area_id] = committed.get(commitment.area_id, 0) + 1
    priorities = set(meeting.priority_area_ids)
    return RoomState(
        partnership_id=partnership.id,
        partnership=partnership.name,
        meeting=meeting,
        counters=counters(snapshot),
        opportunities=tuple(item.text for item in meeting.opportunities),
        areas=tuple(
            AreaDots(area.title, area.vote_count, committed.get(area.id, 0), area.id in priorities)
            for area in ranked_areas(meeting)
        ),
    )


def _under_way(meeting: LaunchMeeting) -> bool:
    """Started, or at least checking people in, and not closed yet."""
    return not meeting.held and (meeting.phase is not None or bool(meeting.checkins))


def choose_partnership(store: Store, name: str | None) -> Partnership:
    """The partnership named ``name``; else the one whose launch meeting is under way.

    A file with one partnership needs no name. Raises :class:`NotFoundError` with the
    names to choose from when the choice is not clear.
    """
    partnerships = store.partnerships()
    names = "; ".join(visible(p.name) for p in partnerships) or "none"
    if name is not None:
        chosen = store.partnership_by_name(name)
        if chosen is None:
            raise NotFoundError(
                f"There is no partnership named {name!r} (partnerships in the file: {names})."
            )
        return chosen
    if len(partnerships) == 1:
        return partnerships[0]
    live = [p for p in partnerships if store.launch(p.id).in_progress]
    if not live:
        live = [p for p in partnerships if _under_way(store.launch(p.id))]
    if len(live) == 1:
        return live[0]
    if live:
        several = "; ".join(visible(p.name) for p in live)
        raise NotFoundError(
            f"Several launch meetings are under way ({several}); name the one to show."
        )
    raise NotFoundError(
        f"No launch meeting is under way in {visible(store.path.name)}; name the partnership "
        f"to show (partnerships in the file: {names})."
    )


def read_room(path: Path, partnership_id: int) -> RoomState:
    """Read the file once, without a lock, and build the room's state."""
    with Store(path, read_only=True) as store:
        return room_state(store.snapshot(partnership_id))


# --------------------------------------------------------------------------- watching

Identity = tuple[int, int, int, int]


def identity(path: Path) -> Identity | None:
    """What changes whenever the file is written or replaced; ``None`` when it is missing."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


@dataclass(frozen=True)
class RoomUpdate:
    """What changed: a new state, or a problem (the last good state stays on screen)."""

    state: RoomState | None = None
    problem: str | None = None


class RoomWatcher:
    """Follows a roster file for the room view; only ever reads it.

    Call :meth:`poll` every :data:`POLL_SECONDS`: it returns a :class:`RoomUpdate` when
    there is something new to show and ``None`` when nothing changed. After a failed read
    (a half-written file from some other program, a file briefly gone) it tries again at
    every poll until a read succeeds.
    """

    def __init__(
        self, path: Path, partnership_id: int, read: Callable[[Path, int], RoomState] = read_room
    ) -> None:
        self.path = path
        self.partnership_id = partnership_id
        self._read = read
        self._seen: Identity | None = None
        self._problem: str | None = None

    def poll(self) -> RoomUpdate | None:
        before = identity(self.path)
        if before is None:
            return self._trouble(self._missing())
        if before == self._seen and self._problem is None:
            return None
        try:
            state = self._read(self.path, self.partnership_id)
        except NotFoundError:
            return self._trouble(
                "This partnership is no longer in the file; showing the last numbers read."
            )
        except (StoreError, OSError, ValueError) as exc:  # the display must keep going
            if identity(self.path) is None:  # gone between the look and the read
                return self._trouble(self._missing())
            reason = exc.message if isinstance(exc, StoreError) else str(exc)
            return self._trouble(
                f"Cannot read the file just now: {visible(reason)} Showing the last "
                "numbers read, and trying again."
            )
        # written again while we read: show this one, and read once more at the next poll
        self._seen = before if identity(self.path) == before else None
        self._problem = None
        return RoomUpdate(state=state)

    def _missing(self) -> str:
        return (
            f"{visible(self.path.name)} is not there right now (the facilitator's app may "
            "be restarting); showing the last numbers read, and watching for it."
        )

    def _trouble(self, problem: str) -> RoomUpdate | None:
        self._seen = None
        if problem == self._problem:
            return None
        self._problem = problem
        return RoomUpdate(problem=problem)
