"""Textual screens and modals of the Sector Partnership Roster."""
