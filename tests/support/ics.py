"""Checks that an iCalendar text has RFC 5545's shape, shared by the export tests."""

from __future__ import annotations

import re


def unfold(ics: str) -> list[str]:
    return ics.replace("\r\n ", "").split("\r\n")


def check_ics(ics: str) -> list[str]:
    """RFC 5545's shape: CRLF lines of at most 75 octets, NAME[;PARAMS]:VALUE after unfolding."""
    assert ics.endswith("\r\n")
    assert "\n" not in ics.replace("\r\n", "")
    physical = ics.split("\r\n")[:-1]
    assert all(len(line.encode()) <= 75 for line in physical)
    lines = unfold(ics)[:-1]
    assert all(re.match(r"^[A-Z][A-Z-]*(;[^:]*)?:", line) for line in lines), lines
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT")
    return lines
