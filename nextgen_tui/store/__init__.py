"""The roster file: the repository (the only code that reads or writes it), its schema,
the durable atomic writes, the one-writer lock and the rolling backups.
"""
