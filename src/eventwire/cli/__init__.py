"""The ``eventwire`` command line, one module per group of commands: ``main`` (ingest,
events, show, demo, and the group itself), ``export``, ``serve``, ``eval``; shared
options in ``options``. The console script is ``eventwire.cli:main``."""

from eventwire.cli.main import main

__all__ = ["main"]
