"""Casualties: a toll counts for an attack, not for any event in its sentence."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.model import Document

Coder = Callable[[str], Document]


def test_a_toll_is_not_counted_for_a_curfew_lifted(code: Coder) -> None:
    doc = code("The governor lifted the curfew in the city where three protesters were killed.")
    concede = next(e for e in doc.events if e.type == "CONCEDE")
    assert concede.dead is None


def test_a_toll_told_with_its_attack_is_counted(code: Coder) -> None:
    doc = code("Five soldiers were wounded as insurgents shelled the base.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.injured == 5
