"""One partnership's four stage views: who is at the table, what is missing, and the
editors reached from them (roles, teams, launch details, convenings, debrief, waiver).
"""
