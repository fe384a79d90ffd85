"""Names that look like places but name people or streets, a doubted far place, a
station's side against the article's own state, and a deed told inside what a
statement is about (session 23, issue 15). Sentences written for these tests."""

from __future__ import annotations

import re
from typing import Any

from eventwire.model import Document
from eventwire.stages.places import is_named_place, place_events, places
from labelled_docs import parsed_body, parsed_with_entities, trigger_event


def _every(doc: Document, labels: dict[str, str]) -> None:
    """Set spaCy's entities to every occurrence of each name of ``labels``."""
    ents = []
    for name, label in labels.items():
        for hit in re.finditer(re.escape(name), doc.text):
            span = doc.spacy_doc.char_span(hit.start(), hit.end(), label=label)
            assert span is not None, name
            ents.append(span)
    doc.spacy_doc.ents = sorted(ents, key=lambda s: s.start)


def test_a_name_that_speaks_is_a_person_in_all_its_mentions(nlp: Any) -> None:
    text = (
        'A teenager was shot in her kitchen on Friday. "I ran to her," McKinney said. '
        "McKinney's daughter is recovering."
    )
    doc = parsed_body(text)
    _every(doc, {"McKinney": "PERSON"})
    places(doc)
    assert not [p for p in doc.places if p.text == "McKinney"]


def test_a_state_that_speaks_stays_a_place(nlp: Any) -> None:
    text = "The storm hit the coast on Monday. Georgia said the roads would reopen."
    doc = parsed_body(text)
    _every(doc, {"Georgia": "PERSON"})
    places(doc)
    assert [p for p in doc.places if p.text == "Georgia"]


def test_a_name_with_an_inner_capital_is_a_persons_word(nlp: Any) -> None:
    text = "Officers said Darnell McKinney fired twice. Later McKinney drove away."
    doc = parsed_body(text)
    ents = {"Darnell McKinney": "PERSON"}
    _every(doc, ents)
    second = doc.text.rindex("McKinney")
    span = doc.spacy_doc.char_span(second, second + len("McKinney"), label="GPE")
    doc.spacy_doc.ents = [*doc.spacy_doc.ents, span]
    places(doc)
    assert not [p for p in doc.places if p.text == "McKinney"]


def test_a_name_after_a_block_of_is_a_street(nlp: Any) -> None:
    text = "Detroit police said the boy was shot on the 400 block of Tennessee early Monday."
    doc = parsed_with_entities(text, {"Detroit": "GPE", "Tennessee": "GPE"})
    places(doc)
    (state,) = [p for p in doc.places if p.text == "Tennessee"]
    assert is_named_place(doc, state)
    (city,) = [p for p in doc.places if p.text == "Detroit"]
    assert not is_named_place(doc, city)


def test_the_corner_of_a_region_is_no_street(nlp: Any) -> None:
    text = "A man was shot on Monday in the northeast corner of Ohio, police said."
    doc = parsed_with_entities(text, {"Ohio": "GPE"})
    places(doc)
    (state,) = [p for p in doc.places if p.text == "Ohio"]
    assert not is_named_place(doc, state)


def test_a_name_at_the_corner_of_two_streets_is_a_street(nlp: Any) -> None:
    text = "Officers found the car at the corner of Main and Georgia on Sunday."
    doc = parsed_with_entities(text, {"Georgia": "GPE"})
    places(doc)
    (state,) = [p for p in doc.places if p.text == "Georgia"]
    assert is_named_place(doc, state)


def test_the_state_the_article_names_outweighs_the_stations_side(nlp: Any) -> None:
    text = (
        "A man was shot at a home near Stamps, Ark., on Monday and died at a hospital "
        "in Magnolia, deputies said. WXYZ reports."
    )
    doc = parsed_with_entities(text, {"Stamps": "GPE", "Ark.": "GPE", "Magnolia": "GPE"})
    places(doc)
    (town,) = [p for p in doc.places if p.text == "Magnolia"]
    assert town.admin1 == "Arkansas"


def test_a_deed_told_inside_what_is_investigated_keeps_its_place(nlp: Any) -> None:
    text = (
        "Collier County deputies are investigating a shooting in Immokalee that left a "
        "teenager injured on Tuesday."
    )
    doc = parsed_with_entities(text, {"Collier County": "GPE", "Immokalee": "GPE"})
    places(doc)
    doc.events = [
        trigger_event(doc, "investigating", "ACCUSE"),
        trigger_event(doc, "injured"),
    ]
    place_events(doc, list(doc.places))
    deed = doc.events[1]
    assert deed.place is not None and deed.place.name == "Immokalee"
