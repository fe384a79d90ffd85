"""A place inside a quotation is what was said, not the scene of an event told outside
it (``stages/place_quotes.py``)."""

from __future__ import annotations

from typing import Any

from eventwire.model import Place
from eventwire.stages.place_quotes import quotations, quoted_apart
from eventwire.stages.places import place_events
from test_places_doubted import _event, _parsed


def _at(text: str, name: str) -> Place:
    start = text.index(name)
    return Place(text=name, start=start, end=start + len(name), name=name)


def test_quotations_pair_curly_and_straight_marks() -> None:
    text = 'He said “go to Lyon” and then "stay in Nice" and "left'
    spans = quotations(text, 0, len(text))
    assert [text[a:b] for a, b in spans] == ["“go to Lyon”", '"stay in Nice"']


def test_a_quoted_place_is_apart_from_an_event_told_outside_the_quote() -> None:
    text = "The man stabbed a guard, shouting “Remember Lyon!” as he ran."
    sentence = (0, len(text))
    lyon = _at(text, "Lyon")
    assert quoted_apart(text, sentence, text.index("stabbed"), lyon)
    # an event told inside the same quotation keeps it
    assert not quoted_apart(text, sentence, text.index("Remember"), lyon)


def test_a_place_outside_any_quotation_is_not_apart() -> None:
    text = "Police in Lyon said “he ran away” after the attack."
    assert not quoted_apart(text, (0, len(text)), text.index("ran"), _at(text, "Lyon"))


def test_the_event_outside_the_quote_takes_the_place_of_the_story(nlp: Any) -> None:
    doc = _parsed(
        nlp,
        "A gunman opened fire at a cafe in Ankara on Monday. He shot a guard, shouting "
        "“Do not forget Homs!” before he fled.",
    )
    doc.events = [_event(doc, "shot a guard")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Ankara"


def test_a_name_before_a_media_word_is_a_name(nlp: Any) -> None:
    doc = _parsed(
        nlp,
        "Photo: Dayton Video. A man was shot at a home in Springfield on Tuesday, police said.",
    )
    from eventwire.stages.place_scenes import off_scene

    dayton = [p for p in doc.places if p.text == "Dayton"]
    assert all(off_scene(doc, p) for p in dayton)
    doc.events = [_event(doc, "was shot")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Springfield"


def test_the_hospital_town_of_a_wounded_person_is_no_scene(nlp: Any) -> None:
    from eventwire.stages.place_scenes import off_scene

    doc = _parsed(
        nlp,
        "A boy was shot at a home in Hastings on Monday. He is in stable condition at a "
        "hospital in Omaha.",
    )
    omaha = [p for p in doc.places if p.text == "Omaha"]
    assert omaha and all(off_scene(doc, p) for p in omaha)
    doc.events = [_event(doc, "stable condition")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Hastings"


def test_a_hospital_where_a_shooting_happened_is_its_scene(nlp: Any) -> None:
    from eventwire.stages.place_scenes import off_scene

    doc = _parsed(nlp, "A guard was shot outside a hospital in Omaha on Monday.")
    omaha = [p for p in doc.places if p.text == "Omaha"]
    assert omaha and not any(off_scene(doc, p) for p in omaha)


def test_a_sentence_cut_inside_a_quotation_is_quoted_to_its_end() -> None:
    text = "He stabbed a guard, shouting: “Remember Lyon!"
    spans = quotations(text, 0, len(text))
    assert [text[a:b] for a, b in spans] == ["“Remember Lyon!"]
    text = "Remember Lyon!” he shouted."
    assert [text[a:b] for a, b in quotations(text, 0, len(text))] == ["Remember Lyon!”"]
