"""Changes of several records that a form saves at once: each one transaction, one undo step."""
