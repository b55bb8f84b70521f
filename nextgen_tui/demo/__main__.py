"""``python -m nextgen_tui.demo``: regenerate ``data/demo.json``."""

from __future__ import annotations

from nextgen_tui.demo.build import main

raise SystemExit(main())
