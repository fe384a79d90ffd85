"""Actors: pronouns and reported speech."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.model import Document

Coder = Callable[[str], Document]


def test_it_in_reported_speech_is_the_speaker(code: Coder) -> None:
    doc = code("The Ghanaian army said it had retaken the bridge.")
    it = next(a for a in doc.actors if a.text == "it")
    assert (it.country, it.sector) == ("GHA", "MIL")


def test_it_refers_back_to_a_state_or_organisation(code: Coder) -> None:
    doc = code("Chad closed its border on Monday.\nOn Tuesday it recalled its ambassador.")
    recall = next(e for e in doc.events if e.type == "SANCTION")
    assert recall.actor is not None and recall.actor.country == "TCD"


def test_a_relative_pronoun_stands_for_its_noun(code: Coder) -> None:
    doc = code("Villagers fled from the Malian soldiers who attacked the market.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.actor is not None
    assert (attack.actor.country, attack.actor.sector) == ("MLI", "MIL")



def test_an_actor_text_spans_its_place_phrase(code: Coder) -> None:
    doc = code("Students in Kisumu attacked a police post on Monday.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.actor is not None and attack.actor.text == "Students in Kisumu"
    assert attack.recipient is not None and attack.recipient.sector == "COP"


def test_an_actor_extent_stops_at_a_comma(code: Coder) -> None:
    doc = code("Students in Gao, a northern town, attacked a police post.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.actor is not None and attack.actor.text == "Students"
