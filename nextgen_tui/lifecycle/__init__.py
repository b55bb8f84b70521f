"""The partnership's life cycle: who is at the table at each stage (with counts against
the toolkit's targets) and advancing a stage, with a waiver while blockers remain.
"""
