"""The directory of people and organizations: search, forms, role assignment and the
person picker the other areas use.
"""
