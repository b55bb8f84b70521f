"""The constants of a roster file's header (its ``_meta`` table): format name and version.

Apart from :mod:`.schema` (which needs the models) so that the cheap check of a file's
header before the app paints (:mod:`.opening`) does not import pydantic.
"""

from __future__ import annotations

FORMAT_NAME = "sector-partnership-roster"
SCHEMA_VERSION = 1
META_TABLE = "_meta"
