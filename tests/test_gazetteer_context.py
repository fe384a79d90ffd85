"""Resolution cues beyond population: the kind of place a generic word asks for, names
made of direction words only, names listed together, a county's state named in the
article; and the gazetteer's streamed city table and curated territory points."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import ResourceError
from eventwire.gazetteer import Gazetteer, GazetteerEntry, jsonstream
from eventwire.gazetteer.cues import (
    apply_kind_cues,
    is_direction_only,
    kind_cue,
    situate_directions,
)
from eventwire.gazetteer.qualifiers import link_qualifiers
from eventwire.gazetteer.resolve import ToponymMention, group_candidates, prior, resolve
from eventwire.geodesy import haversine_km
from eventwire.model import Document


def _entry(
    name: str,
    country: str | None,
    code: str,
    population: int,
    admin1: str | None = None,
    *,
    alternate: bool = False,
) -> GazetteerEntry:
    return GazetteerEntry(1, name, 0.0, 0.0, country, code, population, admin1, alternate)


def _mention(start: int, key: str, *candidates: GazetteerEntry) -> ToponymMention:
    return ToponymMention(start, start + len(key), key, "GPE", candidates)


# Invented places of a made-up story: a small county in one state and a large county
# of the same name in another.
MARLOW_COUNTY_SMALL = _entry("Marlow County", "US", "ADM2", 9_000, "Missouri")
MARLOW_COUNTY_LARGE = _entry("Marlow County", "US", "ADM2", 700_000, "New York")
MISSOURI = _entry("Missouri", "US", "ADM1", 6_000_000, "Missouri")
MONTANA = _entry("Montana", "US", "ADM1", 1_000_000, "Montana")
WYOMING_STATE = _entry("Wyoming", "US", "ADM1", 450_000, "Wyoming")
WYOMING_TOWN = _entry("Wyoming", "US", "PPL", 200_000, "Michigan")
TURKEY_COUNTRY = _entry("Turkey", "TR", "PCLI", 82_000_000)
TURKEY_TOWN = _entry("Turkey", "US", "PPL", 600, "Texas")


# --------------------------------------------------------------------------- cues


@pytest.mark.parametrize(
    ("text", "name", "kinds"),
    [
        ("Crowds gathered in the city of Turkey for the fiddle festival.", "Turkey", ("PPL",)),
        ("The City of Turkey said the parade starts at noon.", "Turkey", ("PPL",)),
        ("Rain soaked Washington state on Friday.", "Washington", ("ADM1",)),
        ("The province of Quebec opened new clinics.", "Quebec", ("ADM1",)),
        ("The New York State Police closed the road.", "New York", None),
        ("Officials in Washington said the talks went well.", "Washington", None),
    ],
)
def test_generic_word_beside_a_name_asks_for_a_kind(
    text: str, name: str, kinds: tuple[str, ...] | None
) -> None:
    start = text.index(name)
    assert kind_cue(text, start, start + len(name)) == kinds


def test_kind_cue_narrows_every_mention_of_the_name() -> None:
    text = "The fair returns to Turkey on Friday, the city of Turkey said."
    first = _mention(text.index("Turkey"), "turkey", TURKEY_COUNTRY, TURKEY_TOWN)
    second = _mention(text.rindex("Turkey"), "turkey", TURKEY_COUNTRY, TURKEY_TOWN)
    apply_kind_cues(text, [first, second])
    assert first.candidates == second.candidates == (TURKEY_TOWN,)
    assert resolve([first, second], [])["turkey"].entry == TURKEY_TOWN


def test_kind_cue_ignores_a_kind_met_only_through_a_nickname() -> None:
    nickname = _entry("Lakeside", "US", "PPL", 9_000, "Ohio", alternate=True)
    text = "Visitors came from the city of Turkey."
    mention = _mention(text.index("Turkey"), "turkey", TURKEY_COUNTRY, nickname)
    apply_kind_cues(text, [mention])
    assert mention.candidates == (TURKEY_COUNTRY, nickname)


def test_direction_words_alone() -> None:
    assert is_direction_only("south east")
    assert is_direction_only("eastern")
    assert not is_direction_only("eastern cape")
    assert not is_direction_only("")


def test_a_direction_only_name_needs_its_country_in_the_article() -> None:
    eastern_far = _entry("Eastern", "UG", "ADM1", 5_000_000, "Eastern")
    eastern_here = _entry("Eastern", "GH", "ADM1", 2_500_000, "Eastern")
    ghana = _entry("Ghana", "GH", "PCLI", 30_000_000)
    alone = [_mention(0, "eastern", eastern_far, eastern_here)]
    assert situate_directions(alone, []) == []
    named = [_mention(0, "eastern", eastern_far, eastern_here), _mention(20, "ghana", ghana)]
    kept = situate_directions(named, [])
    assert [m.key for m in kept] == ["eastern", "ghana"]
    assert kept[0].candidates == (eastern_here,)
    # A demonym counts as naming the country ("Ghanaians").
    assert len(situate_directions([_mention(0, "eastern", eastern_here)], ["GH"])) == 1


# --------------------------------------------------------------------------- resolution


def test_one_name_pools_the_candidates_of_all_its_mentions() -> None:
    town = _entry("Kerrow", "JO", "PPL", 30_000, "Kerrow", alternate=True)
    other = _entry("Kerrow", "PK", "PPL", 14_000, "Khyber")
    as_org = _mention(0, "kerrow", other)
    as_place = _mention(30, "kerrow", other, town)
    assert group_candidates([as_org, as_place]) == (other, town)
    assert group_candidates([as_org]) == (other,)


def test_a_county_in_the_state_the_article_names() -> None:
    county = _mention(0, "marlow county", MARLOW_COUNTY_LARGE, MARLOW_COUNTY_SMALL)
    assert resolve([county], [])["marlow county"].entry == MARLOW_COUNTY_LARGE
    county = _mention(0, "marlow county", MARLOW_COUNTY_LARGE, MARLOW_COUNTY_SMALL)
    state = _mention(40, "missouri", MISSOURI)
    assert resolve([county, state], [])["marlow county"].entry == MARLOW_COUNTY_SMALL


def test_naming_the_region_does_not_turn_a_city_into_its_county() -> None:
    city = _entry("Harbourton", "AU", "PPL", 200_000, "Queensland")
    county = _entry("Harbourton", "AU", "ADM2", 230_000, "Queensland")
    queensland = _entry("Queensland", "AU", "ADM1", 5_000_000, "Queensland")
    mentions = [_mention(0, "harbourton", city, county), _mention(30, "queensland", queensland)]
    assert resolve(mentions, [])["harbourton"].entry == city


def test_names_joined_by_and_are_of_one_kind() -> None:
    text = "Ranchers from Montana and Wyoming met in the capital."
    montana = _mention(text.index("Montana"), "montana", MONTANA)
    wyoming = _mention(text.index("Wyoming"), "wyoming", WYOMING_TOWN, WYOMING_STATE)
    link_qualifiers(Document(text=text, origin="<test>"), [montana, wyoming])
    assert montana.partners == ("wyoming",) and wyoming.partners == ("montana",)
    assert resolve([montana, wyoming], [])["wyoming"].entry == WYOMING_STATE


def test_names_not_joined_are_no_partners() -> None:
    text = "Ranchers from Montana met buyers. Wyoming officials came too."
    montana = _mention(text.index("Montana"), "montana", MONTANA)
    wyoming = _mention(text.index("Wyoming"), "wyoming", WYOMING_TOWN, WYOMING_STATE)
    link_qualifiers(Document(text=text, origin="<test>"), [montana, wyoming])
    assert montana.partners == () and wyoming.partners == ()
    assert resolve([montana, wyoming], [])["wyoming"].entry == WYOMING_TOWN


def test_a_thinly_peopled_first_level_region_outranks_a_town_of_its_name() -> None:
    territory = _entry("Northmark", "CA", "ADM1", 35_000, "Northmark")
    town = _entry("Northmark", "US", "PPL", 25_000, "Oklahoma")
    assert prior(territory) > prior(town)
    big_city = _entry("Northmark", "US", "PPL", 400_000, "Oklahoma")
    assert prior(big_city) > prior(territory)


# --------------------------------------------------------------------------- build


def test_city_table_is_read_one_record_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = {
        "1": {"name": "Alphaville", "alternatenames": ["A, B", "x}y:z"], "population": 5},
        "22": {"name": "Betatown \u00e9", "alternatenames": []},
        "333": {},
    }
    path = tmp_path / "cities.json"
    monkeypatch.setattr(jsonstream, "_CHUNK", 5)  # records cut across reads
    for indent in (None, 2):
        path.write_text(json.dumps(records, indent=indent), encoding="utf-8")
        assert list(jsonstream.iter_json_values(path)) == list(records.values())
    path.write_text("{}", encoding="utf-8")
    assert list(jsonstream.iter_json_values(path)) == []


@pytest.mark.parametrize("content", ['{"1": {"name": "Alphaville"}', "[1, 2]", '{"1": {"na'])
def test_a_damaged_city_table_is_named(tmp_path: Path, content: str) -> None:
    path = tmp_path / "cities.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ResourceError, match=r"cities\.json"):
        list(jsonstream.iter_json_values(path))


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _first(gazetteer: Gazetteer, name: str, feature_code: str) -> GazetteerEntry:
    return next(c for c in gazetteer.candidates(name) if c.feature_code == feature_code)


def test_territory_points_where_the_towns_crowd_one_edge(gazetteer: Gazetteer) -> None:
    # Manitoba's towns crowd its south; the point is the province's middle.
    manitoba = _first(gazetteer, "Manitoba", "ADM1")
    assert haversine_km(manitoba.lat, manitoba.lon, 55.0, -97.0) < 50
    # Greece's islands pull its towns' spread into the Aegean; the point is on land.
    greece = _first(gazetteer, "Greece", "PCLI")
    assert greece.lon < 23.0


def test_oceans_and_named_regions(gazetteer: Gazetteer) -> None:
    # A curated ocean outranks the small towns named after it.
    assert max(gazetteer.candidates("the Pacific"), key=prior).feature_code == "OCN"
    assert max(gazetteer.candidates("Southern California"), key=prior).country_code == "US"
