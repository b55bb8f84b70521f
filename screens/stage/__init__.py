"""One partnership's four stage views: who is at the table, what is missing, and the
editors reached from them (roles, teams, launch details, convenings, debrief, waiver).
"""

from pathlib import Path

#: The stage views' stylesheet: their screen's ``CSS_PATH``, which the app also reads at
#: start (see :class:`nextgen_tui.app.RosterApp`).
STYLESHEET = Path(__file__).with_name("stage.tcss")
