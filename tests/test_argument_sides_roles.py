"""Sides of a coordinated phrase keep the role the whole phrase names ("U.S. and
Russian negotiators": each speaks for its state)."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.model import Document

Coder = Callable[[str], Document]


def test_each_side_of_coordinated_negotiators_speaks_for_its_state(code: Coder) -> None:
    doc = code("Chilean and Peruvian negotiators held talks in Lima on Monday.")
    actors = {(e.actor.country, e.actor.sector) for e in doc.events if e.actor is not None}
    assert ("CHL", "GOV") in actors and ("PER", "GOV") in actors
