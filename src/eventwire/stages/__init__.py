"""Pipeline stages. Importing this package registers every built-in stage.

The order here is the order the data flows; ``pipeline.DEFAULT_STAGES`` names it.
"""

from eventwire.stages import (  # noqa: F401  (imported to register the stages)
    clean,
    parse,
    actors,
    events,
    factuality,
    casualties,
    places,
    dates,
)
