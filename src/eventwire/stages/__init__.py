"""Pipeline stages. Importing this package registers every built-in stage.

The imports below are in the order the data flows (``pipeline.DEFAULT_STAGES``).
"""
# ruff: noqa: I001  (keep the data-flow order, not the alphabetical one)

from eventwire.stages import clean, parse, actors, events, factuality, intents, casualties
from eventwire.stages import headlines, attacks, places, actor_countries, dates, incidents

__all__ = [
    "actor_countries", "actors", "attacks", "casualties", "clean", "dates", "events",
    "factuality", "headlines", "incidents", "intents", "parse", "places",
]  # fmt: skip
