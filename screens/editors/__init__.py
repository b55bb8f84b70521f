"""The editing modals a convener uses inside a partnership's stage views.

Each module holds one form (or the person picker); they are imported lazily by the stage
views, so importing this package imports nothing.
"""
