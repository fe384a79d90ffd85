"""Sentences that a trigger word matches but that report no event (coding.non_events):
headings, weather warnings, results of a competition, instructions to the reader and
questions reported as speech. Each rule is checked against a sentence it must leave."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Document

Coder = Callable[[str], Document]


def _types(doc: Document) -> list[str]:
    return [e.type for e in doc.events]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a bare label
        ("Warning:\nThe video below shows a fight.", "THREATEN"),
        # a weather or hazard warning
        ("The weather service warned of heavy snow across the north on Sunday.", "THREATEN"),
        ("Officials warned villagers to sleep outdoors for fear of aftershocks.", "THREATEN"),
        # a result in a competition
        ("Rovers beat United 3-1 at home on Saturday.", "ASSAULT"),
        ("The mayor narrowly beat her rival in the primary.", "ASSAULT"),
        # advice to the reader, a generic "you"
        ("Please oppose the bill before Friday.", "REJECT"),
        ("You attack the problem from both sides.", "ASSAULT"),
        # a question reported as speech
        ('"Where were the police?" the mother asked.', "REQUEST"),
    ],
)
def test_no_event(code: Coder, text: str, type_: str) -> None:
    assert type_ not in _types(code(text))


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Gunmen stormed a clinic in Kano on Monday.", "ASSAULT"),
        ("The army warned the rebels to surrender their weapons.", "THREATEN"),
        ("Riot police beat the protesters with batons in the square.", "ASSAULT"),
        ("The envoy asked Chad to extradite the two suspects.", "REQUEST"),
        ("The president asked that the court free the detained reporter.", "REQUEST"),
    ],
)
def test_events_the_rules_keep(code: Coder, text: str, type_: str) -> None:
    assert type_ in _types(code(text))


def test_a_heading_above_its_paragraph_is_no_event(code: Coder) -> None:
    text = "Officers shot at during a raid\nThe families of the victims met in Kano on Monday."
    doc = code(text)
    assert [e.type for e in doc.events if e.trigger_start < text.index("\n")] == []
    assert "CONSULT" in _types(doc)


def test_enough_to_kill_is_not_a_killing(code: Coder) -> None:
    doc = code("The chemist said one gram of the powder is enough to kill an adult.")
    assert not any(e.factual for e in doc.events if e.type == "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "A cyclist was killed in the collision on the ring road.",
        "Two riders were thrown from the truck when it overturned.",
        "For tickets, call the box office before noon.",
        "Anyone with information is asked to call the police.",
    ],
)
def test_accidents_and_notices_to_readers_are_no_events(code: Coder, text: str) -> None:
    assert [e for e in code(text).events if e.factual and e.confidence > 0.5] == []


def test_an_arrest_after_a_crash_is_an_event(code: Coder) -> None:
    doc = code("Police arrested the driver after a crash on the ring road.")
    assert "COERCE" in _types(doc)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The new tariff destroyed small workshops across the valley.", "ASSAULT"),
        ("The senator attacked the governor's proposal on Tuesday.", "ASSAULT"),
        ("The Ghanaian minister spoke to reporters after the summit.", "CONSULT"),
    ],
)
def test_metaphors_and_words_to_the_press_are_no_events(code: Coder, text: str, type_: str) -> None:
    assert [e for e in code(text).events if e.type == type_ and e.confidence > 0.5] == []


def test_meeting_journalists_and_destroying_a_camp_are_events(code: Coder) -> None:
    assert "CONSULT" in _types(code("The Ghanaian minister met Togolese journalists in Lome."))
    assert "ASSAULT" in _types(code("Soldiers destroyed the rebel camp near the border."))


def test_a_bombed_market_is_a_place_not_a_metaphor(code: Coder) -> None:
    assert "ASSAULT" in _types(code("Militants bombed a crowded market in the north."))


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The federation hopes to host the 2030 World Cup.", "CONSULT"),
        ("The valley offers cheap land and water for farmers.", "AGREE"),
        ("Firefighters were called to the warehouse shortly after midnight.", "CONSULT"),
    ],
)
def test_hosting_games_what_a_place_offers_and_a_dispatch_are_no_events(
    code: Coder, text: str, type_: str
) -> None:
    assert type_ not in _types(code(text))


def test_hosting_talks_offering_to_mediate_and_calling_police_to_a_town_are_events(
    code: Coder,
) -> None:
    assert "CONSULT" in _types(code("Qatar hosted the negotiators in Doha."))
    assert "AGREE" in _types(code("Norway offers to mediate between the parties."))
    assert "MOBILIZE" in _types(code("Hundreds of police were called to the capital."))


@pytest.mark.parametrize(
    "text",
    [
        "The visiting side rallied late in the second half to draw level.",
        "Shares in the carmaker rallied after the results.",
        "Fans poured into the streets to celebrate the title.",
        "The government struck back at its neighbour by closing the border.",
        "Hundreds of mourners gathered at the cemetery for the funeral.",
    ],
)
def test_a_rally_of_no_protesters_is_no_protest(code: Coder, text: str) -> None:
    assert "PROTEST" not in _types(code(text))


@pytest.mark.parametrize(
    "text",
    [
        "Striking teachers rallied outside the education ministry.",
        "Thousands of farmers took to the streets of the capital on Monday.",
        "Hundreds of protesters gathered outside the town hall on Sunday.",
        "Thousands of demonstrators turned out despite the heavy rain.",
        "Students formed a human chain around the university to oppose the closure.",
    ],
)
def test_crowds_in_the_streets_protest(code: Coder, text: str) -> None:
    assert "PROTEST" in _types(code(text))


def test_troops_that_march_into_a_town_do_not_protest(code: Coder) -> None:
    types = _types(code("Army units marched into the rebel-held district on Friday."))
    assert "PROTEST" not in types and "ASSAULT" in types


def test_police_called_to_an_incident_is_a_dispatch(code: Coder) -> None:
    text = "Officers were called at about 9pm after reports of a fight outside a bar."
    assert "CONSULT" not in _types(code(text))


@pytest.mark.parametrize(
    "text",
    [
        "A woman was killed when a tree fell on a wedding party in a park.",
        "One man was killed after crashing his car on a highway.",
        "A cyclist died after being struck by a vehicle in the city.",
        "A man was killed and two were hurt when a wall collapsed on the market.",
        "A driver was killed when his car went off the road and crashed into a wall.",
    ],
)
def test_a_death_told_by_a_crash_or_a_fall_is_no_attack(code: Coder, text: str) -> None:
    assert not any(e.factual for e in code(text).events if e.type == "ASSAULT")


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The driver was arrested after crashing his car into a fence.", "COERCE"),
        ("Soldiers killed two men when the rebels attacked the base.", "ASSAULT"),
        ("Gunmen killed a guard after the bridge collapsed.", "ASSAULT"),
    ],
)
def test_attacks_and_arrests_beside_a_crash_stay(code: Coder, text: str, type_: str) -> None:
    assert any(e.factual for e in code(text).events if e.type == type_)
