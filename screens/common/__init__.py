"""What every area of the app shares: the modal base, confirmation, forms, the keys
and About screens, reaching the store, and navigation messages.
"""
