"""Toponyms that tell something other than where an event happened: a person named by
an apposition, an office held ("Ohio Senator"), a country owning a body ("Peru's news
agency"), and a country spoken to by a verbal event ("asked Chile to"); and the
headline's place for events the text leaves unplaced (``stages.places``)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventwire.stages.places import place_events
from labelled_docs import placed_body, trigger_event


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # an office held before a person's name
        ("Crowds marched in Denver on Monday. Ohio Senator Tom Walker praised the "
         "marchers.", "praised", "Denver"),
        # a country's possessive of its news agency
        ("Gunmen attacked a bank in Cusco on Friday. The attackers were killed later, "
         "Peru's state news agency reported.", "killed", "Cusco"),
    ],
)  # fmt: skip
def test_the_other_mention_yields_to_the_place_of_the_event(
    text: str, trigger: str, expected: str
) -> None:
    doc = placed_body(text)
    doc.events = [trigger_event(doc, trigger)]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == expected


def test_a_country_spoken_to_is_not_where_it_was_said() -> None:
    text = "The minister spoke in Lima on Monday. He asked Chile to open the border."
    doc = placed_body(text)
    event = trigger_event(doc, "asked")
    doc.events = [replace(event, type="REQUEST")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Lima"
    # a physical event keeps its object as its place
    attack = "Troops entered Lima on Monday. Later they invaded Chile."
    doc = placed_body(attack)
    doc.events = [trigger_event(doc, "invaded")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Chile"


def test_a_name_with_a_person_apposition_is_a_person() -> None:
    text = "A girl was shot at a home in Macon on Friday. Griffin, the gunman, was shot by police."
    doc = placed_body(text)
    doc.events = [trigger_event(doc, "shot by")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Macon"


def test_an_unplaced_event_takes_the_headlines_place() -> None:
    from eventwire.gazetteer import Gazetteer
    from eventwire.model import Article, Document, Span, Zone
    from eventwire.stages.headline_places import sentence_case
    from eventwire.stages.parse import parse
    from eventwire.stages.places import places

    text = "Police said the girl had been shot. She died at the scene."
    doc = Document(text=text, origin="<test>", spans=[Span(0, len(text), Zone.BODY)])
    doc.article = Article(title="Girl Killed in Shooting in Kansas City", body=text)
    parse(doc)
    doc.events = [trigger_event(doc, "shot")]
    places(doc)
    assert doc.events[0].place is not None and doc.events[0].place.name == "Kansas City"
    assert doc.events[0].place.start == -1  # not in the text
    heading = sentence_case("Teen Wounded During Robbery in Kansas City", Gazetteer.load())
    assert heading == "Teen wounded during robbery in Kansas City"


def test_a_headlines_quotation_names_no_place() -> None:
    from eventwire.stages.headline_places import _quoted

    title = "Gunman shot dead after shouting \u2018Don\u2019t forget Tikrit!\u2019 in Lyon"
    assert _quoted(title, title.index("Tikrit"))
    assert not _quoted(title, title.index("Lyon"))
    plain = 'Crowd chants "Free Kobani" outside Berlin embassy'
    assert _quoted(plain, plain.index("Kobani")) and not _quoted(plain, plain.index("Berlin"))
