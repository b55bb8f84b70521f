"""Dots for a room of 50 in a few keystrokes: a typed tally of anonymous dots per area
(counted off the flip charts), and one person's dots as the numbers of the areas.

Each entry is one save (one undo step), whatever the number of dots it places.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from nextgen_tui.errors import MeetingError
from nextgen_tui.meeting.capture import ANONYMOUS, area_of, dot_refusal
from nextgen_tui.meeting.record import open_meeting
from nextgen_tui.models import ActionArea, LaunchMeeting
from nextgen_tui.store.repository import Store
from nextgen_tui.text.wording import plural

#: The most anonymous dots one area can hold (a typo like 1700 is refused).
MAX_TALLY = 999

_TALLY = re.compile(r"^\s*([+-]?)\s*(\d{1,6})\s*$")


def parse_tally(text: str, current: int) -> int:
    """The anonymous tally typed: ``17`` is the new count, ``+5`` adds, ``-2`` takes back."""
    match = _TALLY.match(text)
    if match is None:
        raise MeetingError(
            f"Type the number of anonymous dots (17), or +5 to add, -2 to take back; "
            f"not {text.strip()!r}."
        )
    sign, digits = match.groups()
    number = int(digits)
    count = current + number if sign == "+" else current - number if sign == "-" else number
    if count < 0:
        raise MeetingError(f"There are only {plural(current, 'anonymous dot')} to take back.")
    if count > MAX_TALLY:
        raise MeetingError(f"An area holds at most {MAX_TALLY} anonymous dots (not {count}).")
    return count


def set_tally(store: Store, partnership_id: int, area_id: int, count: int) -> ActionArea:
    """Set the anonymous dots of an area to ``count`` (the people's own dots stay)."""
    if not 0 <= count <= MAX_TALLY:
        raise MeetingError(f"An area holds from 0 to {MAX_TALLY} anonymous dots (not {count}).")
    meeting = open_meeting(store, partnership_id)
    area = area_of(meeting, area_id)
    votes = {pid: dots for pid, dots in area.votes.items() if pid != ANONYMOUS}
    if count:
        votes[ANONYMOUS] = count
    updated = area.updated(votes=votes)
    areas = [updated if a.id == area_id else a for a in meeting.action_areas]
    store.save_launch(
        meeting.updated(action_areas=areas),
        f"Count {plural(count, 'anonymous dot')} on {area.title}",
    )
    return updated


def parse_area_numbers(text: str, meeting: LaunchMeeting) -> list[int]:
    """The area ids of ``1 1 3`` (the numbers shown before the areas; spaces or commas)."""
    tokens = [t for t in re.split(r"[\s,;]+", text.strip()) if t]
    if not tokens:
        raise MeetingError("Type the numbers of the areas they put their dots on, e.g. 1 1 3.")
    areas = meeting.action_areas
    ids: list[int] = []
    for token in tokens:
        if not token.isdigit():
            raise MeetingError(
                f"{token!r} is not an area number: type the numbers shown before the areas "
                "(e.g. 1 1 3)."
            )
        number = int(token)
        if not 1 <= number <= len(areas):
            raise MeetingError(
                f"There is no area {number}: the areas are numbered 1 to {len(areas)}."
                if areas
                else "Capture the needed action areas first."
            )
        ids.append(areas[number - 1].id)
    return ids


def place_dots(
    store: Store, partnership_id: int, person_id: int, area_ids: Sequence[int]
) -> LaunchMeeting:
    """The person's dots are exactly ``area_ids`` (one per dot, repeats allowed).

    Typed again, the entry replaces what they had, so a correction is one more entry.
    Only industry attendees place dots (:func:`~nextgen_tui.meeting.capture.dot_refusal`).
    """
    if person_id == ANONYMOUS:
        raise MeetingError("Pick the person whose dots these are first (F3).")
    meeting = open_meeting(store, partnership_id)
    person = store.person(person_id)
    for area_id in area_ids:
        area_of(meeting, area_id)
    refused = dot_refusal(store, partnership_id, person_id) if area_ids else ""
    if refused:  # only industry attendees place dots (taking theirs back is allowed)
        raise MeetingError(refused)
    if len(area_ids) > meeting.vote_limit:
        raise MeetingError(
            f"{person.name} has {plural(meeting.vote_limit, 'dot')}, not {len(area_ids)}; "
            "type one area number per dot."
        )
    wanted = Counter(area_ids)
    areas: list[ActionArea] = []
    for area in meeting.action_areas:
        votes = {pid: dots for pid, dots in area.votes.items() if pid != person_id}
        if wanted[area.id]:
            votes[person_id] = wanted[area.id]
        areas.append(area.updated(votes=votes) if votes != area.votes else area)
    return store.save_launch(
        meeting.updated(action_areas=areas),
        f"{plural(len(area_ids), 'dot')} for {person.name}",
    )
