"""A phrasal trigger's particle ("give in", "pull out", "allow into"): a preposition
after the verb's direct object belongs to that object (a place, a time), not to the
verb, unless the pattern names the object the verb moves."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventpicks import events_of
from eventwire.model import Document

Coder = Callable[[str], Document]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor gave a long speech in the town hall on Monday.",
        "The foreign minister gave an interview in Geneva after the meeting.",
    ],
)
def test_a_preposition_after_an_object_is_no_particle(code: Coder, text: str) -> None:
    assert not events_of(code(text), "CONCEDE")


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The cabinet gave in to the strikers' demands.", "CONCEDE"),
        ("The governor finally gave in after two weeks of sit-ins.", "CONCEDE"),
        ("The rebel units pulled out of the port town overnight.", "RETREAT"),
        ("The authorities allowed foreign reporters into the border region.", "RETREAT"),
    ],
)
def test_particles_still_make_the_phrasal_trigger(code: Coder, text: str, type_: str) -> None:
    events_of(code(text), type_, required=True)


def test_a_particle_after_the_object_still_counts(code: Coder) -> None:
    events_of(code("The army pulled its troops out of the border town."), "RETREAT", required=True)
