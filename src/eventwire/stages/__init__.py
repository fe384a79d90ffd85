"""Pipeline stages. Importing this package registers every built-in stage.

The imports below are in the order the data flows (``pipeline.DEFAULT_STAGES``).
"""
# ruff: noqa: I001  (keep the data-flow order, not the alphabetical one)

from eventwire.stages import clean, parse, actors, events, factuality, intents, detector
from eventwire.stages import agents, casualties, headlines, attacks, places, actor_countries
from eventwire.stages import dates, incidents

__all__ = [
    "actor_countries", "actors", "agents", "attacks", "casualties", "clean", "dates",
    "detector", "events", "factuality", "headlines", "incidents", "intents", "parse", "places",
]  # fmt: skip
