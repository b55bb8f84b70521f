"""Beyond one partnership: the partnerships side by side, coverage, engagement."""
