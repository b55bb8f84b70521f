"""The bundled demo region (``data/demo.json``): its builder, its organizations and
people, and one module per partnership. ``python -m nextgen_tui.demo`` regenerates it.
"""
