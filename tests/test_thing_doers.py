"""A death or an injury whose doer is a vehicle or a fire, not a person, or told by a
participle on a clause of a mishap ("plunged into a gorge, killing ten"), is an
accident: no attack, neither coded nor built from its toll. A person who rams a car
into a crowd or sets a fire does attack. The sentences are the project's own."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Document
from labelled_docs import factual_attacks, pipeline_doc


@pytest.mark.parametrize(
    "text",
    [
        "A fire at a textile mill on the outskirts of the city killed 14 workers on Monday.",
        "A lorry rammed into a minibus on the expressway on Monday, killing six people.",
        "A van carrying wedding guests plunged into a river on Monday, killing 12 people.",
        "An overloaded boat overturned in the lake on Monday, killing eight passengers.",
        "A speeding truck hit a group of schoolchildren on Monday, injuring nine.",
    ],
)
def test_harm_done_by_a_thing_is_no_attack(text: str) -> None:
    assert factual_attacks(pipeline_doc(text, published="2026-03-10")) == []


@pytest.mark.parametrize(
    "text",
    [
        "A man drove his van into a crowd of worshippers on Monday, killing six people.",
        "Rebels set fire to a market on Monday, killing four traders.",
        "Gunmen crashed into the compound on Monday, killing three guards.",
    ],
)
def test_harm_done_by_a_person_stays_an_attack(text: str) -> None:
    assert factual_attacks(pipeline_doc(text, published="2026-03-10"))


def test_a_vehicle_that_hit_a_weapon_was_attacked(code: Callable[[str], Document]) -> None:
    text = (
        "Every soldier aboard an army truck was killed after the truck hit a landmine "
        "laid by rebels, an official said on Monday."
    )
    assert factual_attacks(code(text))
