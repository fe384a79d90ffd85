"""Toponyms that tell something other than where an event happened: a street after
"block of", a credit's name, a person named by kin or an apposition, an office held
("Ohio Senator"), a country owning a body ("Peru's news agency"), and a country spoken
to by a verbal event ("asked Chile to") (``stages.places.place_events``)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from eventwire.stages.places import place_events
from test_places_doubted import _event, _parsed


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a street named like a state, after "block of"
        ("A man was shot in Dayton on Sunday. The shooting happened in the 400 block "
         "of Kansas, police said.", "shooting", "Dayton"),
        # an office held before a person's name
        ("Crowds marched in Denver on Monday. Ohio Senator Tom Walker praised the "
         "marchers.", "praised", "Denver"),
        # a country's possessive of its news agency
        ("Gunmen attacked a bank in Cusco on Friday. The attackers were killed later, "
         "Peru's state news agency reported.", "killed", "Cusco"),
    ],
)  # fmt: skip
def test_the_other_mention_yields_to_the_place_of_the_event(
    nlp: Any, text: str, trigger: str, expected: str
) -> None:
    doc = _parsed(nlp, text)
    doc.events = [_event(doc, trigger)]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == expected


def test_a_country_spoken_to_is_not_where_it_was_said(nlp: Any) -> None:
    text = "The minister spoke in Lima on Monday. He asked Chile to open the border."
    doc = _parsed(nlp, text)
    event = _event(doc, "asked")
    doc.events = [replace(event, type="REQUEST")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Lima"
    # a physical event keeps its object as its place
    attack = "Troops entered Lima on Monday. Later they invaded Chile."
    doc = _parsed(nlp, attack)
    doc.events = [_event(doc, "invaded")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Chile"


def test_a_name_with_kin_or_a_person_apposition_is_a_person(nlp: Any) -> None:
    text = (
        "A girl was shot at a home in Macon on Friday. Jackson's daughter was "
        "treated at a hospital. Griffin, the gunman, was shot by police."
    )
    doc = _parsed(nlp, text)
    doc.events = [_event(doc, "treated"), _event(doc, "shot by")]
    place_events(doc, list(doc.places))
    assert [e.place.name if e.place else None for e in doc.events] == ["Macon", "Macon"]


def test_a_credit_names_no_place(nlp: Any) -> None:
    text = "Photo: Metro Video. A boy was shot in a home in Harris County on Friday."
    doc = _parsed(nlp, text)
    doc.events = [_event(doc, "shot")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Harris County"


def test_an_outlet_names_no_place(nlp: Any) -> None:
    text = (
        "A boy was shot at a home in Lockport on Friday. The gun went off and killed "
        "him, deputies told The Buffalo News."
    )
    doc = _parsed(nlp, text)
    doc.events = [_event(doc, "killed")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Lockport"


def test_a_doubted_dateline_yields_to_a_sure_earlier_place(nlp: Any) -> None:
    text = "A man was shot in Macon on Friday. He died later."
    doc = _parsed(nlp, text)
    macon = next(p for p in doc.places if p.name == "Macon")
    dateline = replace(macon, name="Elsewhere", start=0, end=1, confidence=0.3)
    doc.events = [_event(doc, "died")]
    place_events(doc, list(doc.places), dateline)
    assert doc.events[0].place is not None and doc.events[0].place.name == "Macon"
    # a sure dateline still comes first
    doc.events = [_event(doc, "died")]
    sure = replace(dateline, confidence=0.9)
    place_events(doc, [*doc.places, sure], sure)
    assert doc.events[0].place is not None and doc.events[0].place.name == "Elsewhere"


def test_an_unplaced_event_takes_the_headlines_place(nlp: Any) -> None:
    from eventwire.gazetteer import Gazetteer
    from eventwire.model import Article, Document, Span, Zone
    from eventwire.stages.headline_places import sentence_case
    from eventwire.stages.parse import parse
    from eventwire.stages.places import places

    text = "Police said the girl had been shot. She died at the scene."
    doc = Document(text=text, origin="<test>", spans=[Span(0, len(text), Zone.BODY)])
    doc.article = Article(title="Girl Killed in Shooting in Kansas City", body=text)
    parse(doc)
    doc.events = [_event(doc, "shot")]
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
