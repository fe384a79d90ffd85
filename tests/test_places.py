"""The places stage: toponym mentions, their resolution in context, event placement."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eventwire.errors import InputError
from eventwire.evaluate.geo import evaluate_geo, format_scores, read_gold
from eventwire.gazetteer import Gazetteer
from eventwire.model import Document, Event, Place, Precision
from eventwire.stages.places import dominant_place, places, resolve_spans
from labelled_docs import parsed_body as parsed
from labelled_docs import relabel


def event(doc: Document, trigger: str, occurrence: int = 0) -> Event:
    """An event triggered by the ``occurrence``-th ``trigger`` word of the text."""
    at = -1
    for _ in range(occurrence + 1):
        at = doc.text.index(trigger, at + 1)
    sentence = next(s for s in doc.sentences if s.start <= at < s.end)
    return Event(
        type="ASSAULT",
        sentence=sentence.text,
        start=sentence.start,
        end=sentence.end,
        trigger=trigger,
        trigger_start=at,
        trigger_end=at + len(trigger),
    )


def place_named(doc: Document, text: str) -> Place:
    found = [p for p in doc.places if p.text == text]
    assert found, f"{text!r} not among {[p.text for p in doc.places]}"
    return found[0]


# --------------------------------------------------------------------------- mentions


def test_country_tagged_as_organisation_is_a_place(nlp: Any) -> None:
    doc = parsed("Armenia signed a border deal with Azerbaijan on Monday.")
    relabel(doc, {"Armenia": "ORG", "Azerbaijan": "GPE"})
    places(doc)
    armenia = place_named(doc, "Armenia")
    assert armenia.country_code == "AM"
    assert armenia.feature_code == "PCLI"
    assert armenia.precision is Precision.COUNTRY
    assert (armenia.start, armenia.end) == (0, 7)
    assert 0 < armenia.confidence <= 1


def test_organisation_named_after_a_town_nickname_is_not_a_place(nlp: Any) -> None:
    doc = parsed("Google said on Tuesday that its offices in Dublin would stay open.")
    relabel(doc, {"Google": "ORG", "Dublin": "GPE"})
    places(doc)
    assert [p.text for p in doc.places] == ["Dublin"]


def test_person_tagged_as_place_is_dropped(nlp: Any) -> None:
    text = (
        "Antony Blinken met the foreign minister in Cairo on Sunday. "
        "Blinken said the talks with Qzarvistan were useful."
    )
    doc = parsed(text)
    relabel(doc, {"Antony Blinken": "PERSON", "Cairo": "GPE", "Blinken said": "GPE"})
    doc.spacy_doc.ents = [
        *doc.spacy_doc.ents[:2],
        doc.spacy_doc.char_span(text.index("Blinken said"), text.index(" said"), label="GPE"),
        doc.spacy_doc.char_span(text.index("Qzar"), text.index(" were"), label="GPE"),
    ]
    places(doc)
    assert [p.text for p in doc.places] == ["Cairo"]
    assert doc.places[0].country_code == "EG"


def test_demonym_is_a_toponym_of_its_country_and_evidence(nlp: Any) -> None:
    doc = places(
        parsed("Pakistani police said the blast in Hyderabad followed an attack in Karachi.")
    )
    pakistani = place_named(doc, "Pakistani")
    assert (pakistani.country_code, pakistani.precision) == ("PK", Precision.COUNTRY)
    assert place_named(doc, "Hyderabad").country_code == "PK"
    control = places(
        parsed("Indian police said the blast in Hyderabad followed an attack in Mumbai.")
    )
    assert place_named(control, "Hyderabad").country_code == "IN"


def test_place_spacy_missed_is_found_in_the_gazetteer(nlp: Any) -> None:
    doc = places(parsed("Fighting broke out near Donetsk on Monday."))
    donetsk = place_named(doc, "Donetsk")
    assert donetsk.country_code == "UA"
    assert donetsk.precision is Precision.POINT


def test_paris_is_french_unless_qualified(nlp: Any) -> None:
    france = places(parsed("Protesters marched through Paris on Saturday."))
    assert place_named(france, "Paris").country_code == "FR"
    texas = places(parsed("A tornado struck Paris, Texas, on Monday."))
    paris = place_named(texas, "Paris")
    assert paris.country_code == "US"
    assert paris.lat is not None and 30 < paris.lat < 37
    assert place_named(texas, "Texas").precision is Precision.ADMIN1


def test_curated_region(nlp: Any) -> None:
    doc = parsed("Shelling was reported across Nagorno-Karabakh overnight.")
    relabel(doc, {"Nagorno-Karabakh": "ORG"})
    places(doc)
    region = place_named(doc, "Nagorno-Karabakh")
    assert region.precision is Precision.REGION
    assert region.country_code == "AZ"
    assert region.geonameid is None


def test_resolve_spans_uses_the_article_context(nlp: Any) -> None:
    text = "Pakistani officials visited Hyderabad after talks in Karachi and Qzarvistan."
    doc = parsed(text)
    start = text.index("Hyderabad")
    unknown = text.index("Qzarvistan")
    resolved = resolve_spans(doc, [(start, start + 9), (unknown, unknown + 10)])
    assert resolved[0] is not None and resolved[0].country_code == "PK"
    assert resolved[1] is None


# --------------------------------------------------------------------------- events


def test_event_takes_the_place_attached_to_its_trigger(nlp: Any) -> None:
    doc = parsed("Officials from Baghdad said gunmen attacked a checkpoint near Kirkuk.")
    doc.events = [event(doc, "attacked")]
    places(doc)
    assert doc.events[0].place is not None
    assert doc.events[0].place.text == "Kirkuk"


def test_event_without_a_place_takes_the_previous_one(nlp: Any) -> None:
    doc = parsed(
        "Fighting broke out near Donetsk on Monday. Rebels shelled a school. "
        "Police arrested a man in Odesa."
    )
    doc.events = [event(doc, "shelled"), event(doc, "arrested")]
    places(doc)
    first, second = (e.place for e in doc.events)
    assert first is not None and first.text == "Donetsk"
    assert second is not None and second.text == "Odesa"
    assert first is place_named(doc, "Donetsk")  # the same object as in doc.places


def test_a_country_named_last_stands_for_the_town_named_before_in_it(nlp: Any) -> None:
    doc = parsed(
        "A bomb exploded at a market in Kumasi on Friday, Ghana's police said. "
        "Soldiers later arrested two suspects."
    )
    doc.events = [event(doc, "arrested")]
    places(doc)
    assert doc.events[0].place is not None
    assert doc.events[0].place.text == "Kumasi"


def test_a_region_named_last_stands_only_for_a_town_inside_it(nlp: Any) -> None:
    doc = parsed(
        "Officers drove from Houston on Friday. Deputies of Bibb County said a man "
        "was found. Later he was shot twice."
    )
    doc.events = [event(doc, "shot")]
    places(doc)
    place = doc.events[0].place
    # Bibb County, Georgia was named last; Houston, Texas is not inside it
    assert place is not None and place.text == "Bibb County"


def test_event_before_any_place_takes_the_dominant_one(nlp: Any) -> None:
    doc = parsed(
        "Troops opened fire on protesters on Sunday.\n"
        "The clashes in Mosul followed weeks of unrest in Iraq. "
        "Mosul has been tense since the elections."
    )
    doc.events = [event(doc, "opened")]
    places(doc)
    place = doc.events[0].place
    assert place is not None
    assert place.name is not None and place.text == "Mosul"
    assert place.country_code == "IQ"


def test_event_with_no_place_in_the_article_has_none(nlp: Any) -> None:
    doc = parsed("Troops opened fire on protesters on Sunday.")
    doc.events = [event(doc, "opened")]
    places(doc)
    assert doc.places == []
    assert doc.events[0].place is None


def test_dominant_place_counts_countries_then_places() -> None:
    def place(text: str, country: str, start: int) -> Place:
        return Place(text=text, start=start, end=start + len(text), name=text, country_code=country)

    found = [
        place("Kyiv", "UA", 0),
        place("Moscow", "RU", 10),
        place("Kharkiv", "UA", 20),
        place("Kharkiv", "UA", 30),
        place("Moscow", "RU", 40),
    ]
    chosen = dominant_place(found)
    assert chosen is not None and chosen.text == "Kharkiv"
    assert dominant_place([]) is None


def test_places_stage_after_the_coding_stages(code: Callable[[str], Document]) -> None:
    doc = code(
        "Gunmen attacked a police checkpoint near Kirkuk on Tuesday, killing two officers.\n\n"
        "Iraqi officials said the attackers fled towards Hawija."
    )
    places(doc)
    assert any(p.country_code == "IQ" for p in doc.places)
    assert all(e.place is not None for e in doc.events)
    for p in doc.places:
        assert doc.text[p.start : p.end] == p.text


@pytest.mark.parametrize("label", ["GPE", "LOC"])
def test_unknown_place_name_is_dropped(nlp: Any, label: str) -> None:
    doc = parsed("Residents of Qzarvistan fled on Monday.")
    relabel(doc, {"Qzarvistan": label})
    places(doc)
    assert doc.places == []


# --------------------------------------------------------------------------- evaluation


def test_evaluate_geo_on_a_small_gold_file(nlp: Any, tmp_path: Path) -> None:
    gazetteer = Gazetteer.load()
    iraq = gazetteer.country("IQ")
    assert iraq is not None
    text = "Gunmen attacked a checkpoint near Kirkuk. Officials in Baghdad condemned it."

    def toponym(phrase: str, lat: float, lon: float, geonameid: int) -> dict[str, object]:
        start = text.index(phrase)
        return {
            "phrase": phrase, "start": start, "end": start + len(phrase),
            "geonameid": geonameid, "name": phrase, "lat": lat, "lon": lon,
            "country_geonameid": iraq.geonameid, "feature_code": "PPLA",
        }  # fmt: skip

    record = {
        "id": "t1",
        "text": text,
        # Baghdad's point is put 300 km off on purpose: the distance check must fail it.
        "toponyms": [toponym("Kirkuk", 35.47, 44.39, 1), toponym("Baghdad", 36.0, 44.4, 2)],
    }
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    scores = evaluate_geo(gold)
    assert (scores.documents, scores.gold, scores.predicted) == (1, 2, 2)
    assert scores.strict_precision == scores.strict_recall == 1.0
    assert scores.system.toponyms == 2
    assert scores.system.within_km == 1  # Kirkuk only
    assert scores.system.country_correct == 2
    assert scores.system.geonameid_correct == 0  # the gold ids above are made up
    assert "strict" in format_scores(scores)


def test_evaluate_geo_rejects_offsets_that_do_not_match(tmp_path: Path) -> None:
    record = {
        "id": "x",
        "text": "In Kirkuk.",
        "toponyms": [{"phrase": "Kirkuk", "start": 0, "end": 6}],
    }
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="does not match"):
        list(read_gold(gold))


def test_irregular_demonym_is_evidence_for_its_country(nlp: Any) -> None:
    from eventwire.gazetteer import Gazetteer
    from eventwire.gazetteer.mentions import _demonym_country

    gazetteer = Gazetteer.load()
    assert _demonym_country("French", gazetteer) == "FR"
    assert _demonym_country("Dutch", gazetteer) == "NL"
    assert _demonym_country("Syrian", gazetteer) == "SY"


def test_country_accuracy_counts_only_toponyms_that_lie_in_a_country() -> None:
    from eventwire.evaluate.geo import GoldToponym, ResolutionScores, _score

    def gold(country: int | None) -> GoldToponym:
        return GoldToponym("x", 0, 1, 1, "x", 10.0, 20.0, country, "PPL")

    def place(code: str | None) -> Place:
        return Place(text="x", start=0, end=1, lat=10.0, lon=20.0, country_code=code)

    scores = ResolutionScores()
    countries = {99: "IQ"}
    _score(scores, gold(99), place("IQ"), countries)  # right country
    _score(scores, gold(99), place("SY"), countries)  # wrong country
    _score(scores, gold(99), None, countries)  # unresolved: wrong
    _score(scores, gold(None), place(None), countries)  # an ocean: not scored for country
    assert (scores.toponyms, scores.country_scored, scores.country_correct) == (4, 3, 1)
    assert scores.country_accuracy == pytest.approx(1 / 3)
