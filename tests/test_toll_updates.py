"""An incident's toll as the text updates it ("the death toll rose to 15") and without
the dead of other happenings (floods, lightning, a bus crash) told beside it (session
24; the sentences are the project's own)."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.coding.toll_updates import toll_total
from eventwire.coding.tolls import statements
from eventwire.stages.incident_toll import of_another_cause
from labelled_docs import factual_attacks, pipeline_doc


@pytest.mark.parametrize(
    ("sentence", "total"),
    [
        ("Two of the injured died overnight, raising the death toll to 9.", 9),
        ("The death toll has risen to 22, a district official said.", 22),
        ("The toll climbed to seven on Tuesday after two more bodies were found.", 7),
        ("The toll reached 40 by Thursday evening.", 40),
        ("A constable succumbed to his wounds, taking the toll to four.", 4),
        ("Another victim died in hospital, bringing the death toll to 6.", 6),
        ("The death toll in the firing rose to three.", 3),
        ("The death toll now stands at 11.", 11),
    ],
)
def test_a_toll_that_grows_gives_the_incidents_dead(nlp: Any, sentence: str, total: int) -> None:
    assert toll_total(nlp(sentence)[:]) == total


@pytest.mark.parametrize(
    "sentence",
    [
        "The toll in the war has risen to 3,000.",  # a war's, not an incident's
        "This year's toll has reached 120.",
        "The toll did not rise to 20.",
        "The attack took a heavy toll on the town.",
        "The death toll is expected to rise.",
    ],
)
def test_no_incident_total_without_a_grown_toll_of_it(nlp: Any, sentence: str) -> None:
    assert toll_total(nlp(sentence)[:]) is None


def test_the_latest_toll_is_the_incidents(nlp: Any) -> None:
    text = (
        "Armed men raided a market in Katsina state on Saturday, killing 8 people, police "
        "said. Two of the wounded died in hospital on Sunday, raising the death toll to 10."
    )
    attack = factual_attacks(pipeline_doc(text, published="2026-03-10"))[0]
    assert attack.dead == 10  # not 8, nor 8 + 2 + 10


@pytest.mark.parametrize(
    "sentence",
    [
        "Floods killed 31 people in Sindh on Thursday.",
        "Lightning strikes killed 6 farmers across Odisha.",
        "A bus plunged into a river near Shimla, killing 12 passengers and injuring 20.",
        "Three workers died when a wall collapsed at a construction site.",
        "Two pilgrims were killed when their bus overturned on the highway.",
        "Nine villagers died of cholera last week.",
        "Five people were killed in a fire at a chemical factory.",
    ],
)
def test_the_dead_of_another_cause_are_another_happenings(nlp: Any, sentence: str) -> None:
    span = nlp(sentence)[:]
    assert of_another_cause(span, statements(span))


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen killed 12 villagers in Zamfara on Sunday.",
        "Two men were shot dead outside a cinema.",
        "Police opened fire on the crowd, killing three protesters.",
        "Three people were killed in police firing.",
        "A car bomb killed 9 soldiers near the border.",
    ],
)
def test_the_dead_of_an_attack_are_its_toll(nlp: Any, sentence: str) -> None:
    span = nlp(sentence)[:]
    assert not of_another_cause(span, statements(span))


def test_the_dead_of_a_flood_are_not_a_shootings_toll(nlp: Any) -> None:
    text = (
        "Gunmen shot dead a trader in Quetta on Sunday, police said. Floods killed 31 "
        "people in Sindh on Friday."
    )
    attack = factual_attacks(pipeline_doc(text, published="2026-03-10"))[0]
    assert attack.dead == 1


def test_a_toll_told_before_any_dead_of_the_incident_is_not_its_count(nlp: Any) -> None:
    text = (
        "Police beat back a crowd of stone-throwers in Srinagar on Friday, officials said. "
        "The death toll has risen to 40, a hospital official said."
    )
    attacks = factual_attacks(pipeline_doc(text, published="2026-03-10"))
    assert attacks and all(not a.dead for a in attacks)  # no dead of its own were counted


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # a running total of a place, a wave of violence, protests, "overall", "nationwide"
        (
            "An air strike killed 11 people in Deir al-Balah on Monday. The death toll in "
            "Gaza has risen to 31,000, health officials say.",
            11,
        ),
        (
            "Air strikes killed 35 people across Gaza on Monday, taking the overall death "
            "toll to 31,000.",
            35,
        ),
        (
            "Gunmen shot dead three villagers in Kangpokpi on Monday. The death toll in the "
            "ethnic violence has risen to 70.",
            3,
        ),
        (
            "Police fired on protesters in the capital on Monday, killing two. The death "
            "toll from the protests rose to 25 nationwide since July.",
            2,
        ),
        # a toll foretold
        (
            "Gunmen attacked a bus on Monday, killing six passengers. The death toll could "
            "rise to 20, officials warned.",
            6,
        ),
        # a toll of the injured
        ("A bomb killed 8 people at a bus stop on Monday. The toll of the injured rose to 40.", 8),
        # the toll of the attack itself grows
        (
            "A suicide bomber struck a mosque on Friday, killing 20 worshippers. The death "
            "toll from the blast rose to 27 on Saturday.",
            27,
        ),
    ],
)
def test_only_the_incidents_own_toll_updates_its_dead(nlp: Any, text: str, dead: int) -> None:
    attack = factual_attacks(pipeline_doc(text, published="2026-03-10"))[0]
    assert attack.dead == dead


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        (
            "Raiders stormed the hamlet on Monday and set the huts on fire. At least seven "
            "people were killed in the fire.",
            7,
        ),
        ("Insurgents torched a lorry in Kunduz on Monday. Four people died in the blaze.", 4),
    ],
)
def test_the_dead_of_a_fire_set_on_purpose_are_the_attacks(nlp: Any, text: str, dead: int) -> None:
    attack = factual_attacks(pipeline_doc(text, published="2026-03-10"))[0]
    assert attack.dead == dead
