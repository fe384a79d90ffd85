"""The places stage on the ways news names places beyond a tagger's entities:
abbreviations, datelines, generic words, demonyms, repeated names, local bodies."""

from __future__ import annotations

from typing import Any

from eventwire.model import Document, Event, Place, Precision
from eventwire.stages.places import places
from labelled_docs import parsed_body as parsed
from labelled_docs import relabel


def named(doc: Document, text: str) -> list[Place]:
    return [p for p in doc.places if p.text == text]


def test_state_abbreviation_qualifies_the_town(nlp: Any) -> None:
    doc = places(parsed("A barn burned down near Glasgow, Ky., on Monday night."))
    (glasgow,) = named(doc, "Glasgow")
    assert glasgow.country_code == "US"
    (state,) = named(doc, "Ky.")
    assert (state.name, state.precision) == ("Kentucky", Precision.ADMIN1)


def test_dateline_in_capitals_is_a_place(nlp: Any) -> None:
    text = "GLASGOW, Ky. (WXYZ) - A barn burned down on Monday night, firefighters said."
    doc = places(parsed(text))
    (dateline,) = named(doc, "GLASGOW")
    assert dateline.country_code == "US"
    assert dateline.lat is not None and 36 < dateline.lat < 38  # Kentucky, not Scotland


def test_a_word_in_capitals_opening_a_paragraph_is_no_dateline(nlp: Any) -> None:
    doc = places(parsed("UPDATE — The council voted on the budget on Tuesday."))
    assert named(doc, "UPDATE") == []


def test_province_word_after_a_name(nlp: Any) -> None:
    doc = parsed("A landslide buried homes in Sichuan province on Saturday.")
    relabel(doc, {"Sichuan province": "GPE"})
    places(doc)
    (region,) = named(doc, "Sichuan")
    assert (region.country_code, region.precision) == ("CN", Precision.ADMIN1)


def test_direction_before_a_name(nlp: Any) -> None:
    doc = parsed("Trade with Western Canada slowed this year.")
    relabel(doc, {"Western Canada": "LOC"})
    places(doc)
    (country,) = named(doc, "Canada")
    assert country.precision is Precision.COUNTRY


def test_demonym_names_its_country_but_a_language_does_not(nlp: Any) -> None:
    doc = places(parsed("Turkish officials said the gunman shouted in Turkish before he fled."))
    demonyms = named(doc, "Turkish")
    assert len(demonyms) == 1 and demonyms[0].start == 0
    assert demonyms[0].country_code == "TR"


def test_demonym_is_no_place_for_an_event(nlp: Any) -> None:
    text = "Serbian police said an attacker wounded an officer."
    doc = parsed(text)
    at = text.index("wounded")
    doc.events = [
        Event(
            type="ASSAULT",
            sentence=text,
            start=0,
            end=len(text),
            trigger="wounded",
            trigger_start=at,
            trigger_end=at + 7,
        )
    ]
    places(doc)
    assert named(doc, "Serbian")
    assert doc.events[0].place is None


def test_a_name_used_as_a_place_is_a_place_elsewhere_in_the_article(nlp: Any) -> None:
    text = "Floods reached Innisfail on Monday. The Innisfail mayor closed two roads."
    doc = parsed(text)
    relabel(doc, {"Innisfail": "GPE"})
    places(doc)
    found = named(doc, "Innisfail")
    assert [p.start for p in found] == [15, text.rindex("Innisfail")]
    assert len({(p.lat, p.lon) for p in found}) == 1  # one sense per article


def test_town_opening_the_name_of_a_local_body(nlp: Any) -> None:
    text = "The Torrington Police Department said a car was stolen in Connecticut."
    doc = parsed(text)
    relabel(doc, {"The Torrington Police Department": "ORG", "Connecticut": "GPE"})
    places(doc)
    (town,) = named(doc, "Torrington")
    assert town.country_code == "US"
    lonely = parsed("The Torrington Police Department said a car was stolen.")
    relabel(lonely, {"The Torrington Police Department": "ORG"})
    places(lonely)
    assert named(lonely, "Torrington") == []  # a small town needs support from the article


def test_given_spans_may_be_abbreviations_or_demonyms(nlp: Any) -> None:
    from eventwire.stages.places import resolve_spans

    text = "Turkish officials visited Glasgow, Ky., on Monday."
    doc = parsed(text)
    spans = [(0, 7), (text.index("Ky."), text.index("Ky.") + 3)]
    turkish, state = resolve_spans(doc, spans)
    assert turkish is not None and turkish.country_code == "TR"
    assert state is not None and state.name == "Kentucky"
