"""A year is no casualty count: "the fifth homicide of 2019" counts one death, not 2019;
a count of thousands stays a count."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.model import Document

Coder = Callable[[str], Document]


def test_a_year_after_a_death_noun_is_no_count(code_whole: Coder) -> None:
    doc = code_whole(
        "A shopkeeper was shot and killed in the market late Saturday. This death marks "
        "the fifth homicide of 2019 in the city, police said."
    )
    counts = [e.dead for e in doc.events if e.dead is not None]
    assert counts and max(counts) == 1


def test_a_count_of_thousands_stays_a_count(code_whole: Coder) -> None:
    doc = code_whole("Police arrested 2,500 protesters in the capital on Friday.")
    assert any(e.arrested == 2500 for e in doc.events)
