"""``python -m nextgen_tui.cli``: the nextgen-tui command."""

from __future__ import annotations

from nextgen_tui.cli.main import main

raise SystemExit(main())
