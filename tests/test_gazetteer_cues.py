"""Plain-text place cues (abbreviations, datelines, generic words), the abbreviations
table, and the resolver's use of alternate names, neighbours and named countries.

The resolver tests use hand-made entries and need no gazetteer file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import ResourceError
from eventwire.gazetteer import Gazetteer, GazetteerEntry
from eventwire.gazetteer.cues import (
    find_abbreviations,
    find_datelines,
    read_abbreviations,
    strip_direction,
    strip_generic,
)
from eventwire.gazetteer.resolve import ToponymMention, resolve


def _texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[start:end] for start, end in spans]


# --------------------------------------------------------------------------- cues


def test_abbreviation_after_a_town_and_on_its_own() -> None:
    text = "The barn stood near Glasgow, Ky., until Monday. In B.C., snow fell on Barrie, Ont."
    found = find_abbreviations(text)
    assert _texts(text, [(m.start, m.end) for m in found]) == ["Ky.", "B.C.", "Ont."]
    assert [m.abbreviations[0].name for m in found] == ["Kentucky", "British Columbia", "Ontario"]


def test_abbreviation_that_is_also_a_word_needs_a_town_before_it() -> None:
    text = "Miss. Lane wrote in 500 B.C. style. Tupelo, Miss., was quiet. They attended Mass."
    found = find_abbreviations(text)
    assert _texts(text, [(m.start, m.end) for m in found]) == ["Miss."]
    assert found[0].start == text.index("Miss.,")


def test_shared_postal_code_keeps_both_regions() -> None:
    text = "PERTH, WA - Rain fell."
    (match,) = find_abbreviations(text)
    assert {a.country_code for a in match.abbreviations} == {"US", "AU"}


def test_datelines_at_a_line_start_or_after_a_run_in_headline() -> None:
    text = (
        "Farmer fined for fence. DUNMORE — A farmer was fined.\n"
        "OAKVILLE, Ont. (Wire) - Rain.\n"
        "UPDATE — The story changed.\n"
        "He said the FBI, not the police, came."
    )
    found = find_datelines(text)
    assert _texts(text, [(m.start, m.end) for m in found]) == ["DUNMORE", "OAKVILLE"]


def test_generic_words_and_directions_around_a_name() -> None:
    assert strip_generic("Sichuan province") == (0, 7)
    assert strip_generic("city of Tabriz") == (8, 14)
    assert strip_generic("Tabriz") is None
    assert strip_direction("Western Canada") == (8, 14)
    assert strip_direction("Far North Queensland") == (10, 20)
    assert strip_direction("Greater Toronto Area") == (8, 15)
    assert strip_direction("Canada") is None


def test_abbreviations_table_errors_name_the_line(tmp_path: Path) -> None:
    table = tmp_path / "abbreviations.tsv"
    header = "abbreviation\tname\tcountry\tfeature_code\tposition\tcomment\n"
    table.write_text(header + "Ky.\tKentucky\tUS\tADM1\tsomewhere\t\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=":2: position must be"):
        read_abbreviations(table)
    table.write_text(header + "Ky.\tKentucky\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=r":2: expected 5 to 6 tab-separated"):
        read_abbreviations(table)


def test_every_abbreviation_names_a_gazetteer_entry() -> None:
    gazetteer = Gazetteer.load()
    missing = [
        row.text
        for row in read_abbreviations()
        if not any(
            c.country_code == row.country_code and c.feature_code == row.feature_code
            for c in gazetteer.candidates(row.name, alternate_names=False)
        )
    ]
    assert missing == []


def test_curated_names_added_for_news_usage() -> None:
    gazetteer = Gazetteer.load()
    assert any(c.name == "Newfoundland and Labrador" for c in gazetteer.candidates("Newfoundland"))
    assert any(c.feature_code == "RGN" for c in gazetteer.candidates("Scandinavia"))


# --------------------------------------------------------------------------- resolution


def _entry(
    name: str,
    country: str,
    code: str,
    population: int,
    admin1: str,
    lat: float = 0.0,
    lon: float = 0.0,
    alternate: bool = False,
) -> GazetteerEntry:
    return GazetteerEntry(1, name, lat, lon, country, code, population, admin1, alternate)


def _mention(start: int, key: str, *candidates: GazetteerEntry) -> ToponymMention:
    return ToponymMention(start, start + len(key), key, "GPE", candidates)


def test_an_alternate_name_ranks_below_a_place_of_that_name() -> None:
    big_alias = _entry("Bigcity", "US", "PPL", 900_000, "Texas", alternate=True)
    own_name = _entry("Millbrook", "CA", "PPL", 120_000, "Ontario")
    mention = _mention(0, "millbrook", big_alias, own_name)
    assert resolve([mention], [])["millbrook"].entry == own_name


def test_neighbouring_names_settle_together_without_swapping() -> None:
    # A big city abroad shares its name with a district of the capital named beside it.
    capital = _entry("Kingsport", "GB", "PPLC", 9_000_000, "England", 51.5, -0.1)
    namesake = _entry("Kingsport", "CA", "PPL", 400_000, "Ontario", 43.0, -81.2)
    district_far = _entry("Elmwood", "CA", "PPL", 1_000_000, "Alberta", 53.5, -113.5)
    district = _entry("Elmwood", "GB", "PPL", 80_000, "England", 51.6, -0.06)
    first = _mention(0, "elmwood", district_far, district)
    second = _mention(20, "kingsport", capital, namesake)
    chosen = resolve([first, second], [])
    assert chosen["kingsport"].entry == capital
    assert chosen["elmwood"].entry == district


def test_a_country_named_in_the_article_helps_its_towns() -> None:
    home = _entry("Riverton", "CA", "PPL", 60_000, "Manitoba", 50.0, -97.0)
    abroad = _entry("Riverton", "US", "PPL", 90_000, "Utah", 40.5, -112.0)
    country = GazetteerEntry(2, "Canada", 60.0, -95.0, "CA", "PCLI", 37_000_000, None)
    town = _mention(0, "riverton", abroad, home)
    assert resolve([town], [])["riverton"].entry == abroad
    named = _mention(30, "canada", country)
    assert resolve([town, named], [])["riverton"].entry == home
