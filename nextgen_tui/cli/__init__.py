"""The ``nextgen-tui`` command: the app, and one module per subcommand."""
