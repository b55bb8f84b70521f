"""The live launch meeting: check-in and walk-ins, the live counters, the agenda and
what the room says, the close that forms action teams, the Markdown summary, and what
the room view shows.
"""
