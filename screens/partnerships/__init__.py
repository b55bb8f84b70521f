"""The partnerships list (the first screen) and the partnership form."""
