"""Sector Partnership Roster: rosters and role gaps of industry sector partnerships."""

__version__ = "0.1.0"
