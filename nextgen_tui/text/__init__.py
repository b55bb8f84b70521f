"""Small text helpers shared by the core: plurals, search folding and ranking, and
escaping for Markdown.
"""
