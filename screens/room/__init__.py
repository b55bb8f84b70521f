"""The room view of the launch: a read-only display for a projector or a browser."""
