"""The role-gap rules: the catalogue of rule ids, the facts about one partnership that
the rules read, one module of rules per stage, and the analysis that runs them.
"""
