"""A country's name that is also a town of the story's region, near its other names,
and nothing else points to the country, is the town; a small town's short name without
its generic ending ("City") is its own name (``gazetteer.resolve``, ``gazetteer.lookup``)."""

from __future__ import annotations

from eventwire.gazetteer import GazetteerEntry
from eventwire.gazetteer.lookup import _generic_form
from eventwire.gazetteer.resolve import ToponymMention, resolve


def _entry(
    name: str,
    country: str | None,
    code: str,
    population: int,
    admin1: str | None,
    lat: float,
    lon: float,
) -> GazetteerEntry:
    return GazetteerEntry(1, name, lat, lon, country, code, population, admin1)


def _mention(start: int, key: str, *candidates: GazetteerEntry) -> ToponymMention:
    return ToponymMention(start, start + len(key), key, "GPE", candidates)


# Invented towns of a made-up county; "Norland" is also a country far away.
NORLAND_COUNTRY = _entry("Norland", "NL", "PCLI", 5_000_000, None, 52.0, 5.0)
NORLAND_TOWN = _entry("Norland", "US", "PPL", 3_000, "South Carolina", 33.2, -81.1)
ASHBY_COUNTY = _entry("Ashby County", "US", "ADM2", 15_000, "South Carolina", 33.3, -81.0)
CORBIN = _entry("Corbin", "US", "PPL", 20_000, "South Carolina", 33.0, -81.3)
DUTCH_TOWN = _entry("Velden", "NL", "PPL", 20_000, "Limburg", 51.4, 6.2)


def test_a_country_named_alone_in_a_local_story_is_the_town_near_it() -> None:
    mentions = [
        _mention(0, "ashby county", ASHBY_COUNTY),
        _mention(30, "corbin", CORBIN),
        _mention(60, "norland", NORLAND_COUNTRY, NORLAND_TOWN),
    ]
    chosen = resolve(mentions, [])
    assert chosen["norland"].entry == NORLAND_TOWN
    assert 0.0 < chosen["norland"].probability <= 1.0


def test_a_country_another_name_points_to_stays_a_country() -> None:
    mentions = [
        _mention(0, "ashby county", ASHBY_COUNTY),
        _mention(30, "corbin", CORBIN),
        _mention(60, "norland", NORLAND_COUNTRY, NORLAND_TOWN),
        _mention(90, "velden", DUTCH_TOWN),
    ]
    assert resolve(mentions, [])["norland"].entry == NORLAND_COUNTRY
    # a demonym of the country counts too
    assert resolve(mentions[:3], ["NL"])["norland"].entry == NORLAND_COUNTRY


def test_a_generic_ending_is_part_of_a_small_towns_own_name() -> None:
    assert _generic_form("greenvale", "Greenvale City", "PPL", 30_000)
    assert not _generic_form("greenvale", "Greenvale City", "PPL", 3_000_000)
    assert not _generic_form("greenvale", "Greenvale Heights", "PPL", 30_000)
    assert not _generic_form("greenvale", "Greenvale City", "ADM2", 30_000)


LUTECE_CAPITAL = _entry("Lutece", "FR", "PPLC", 2_000_000, "Ile-de-France", 48.9, 2.3)
LUTECE_TOWN = _entry("Lutece", "US", "PPL", 9_000, "Kentucky", 38.2, -84.3)
KENTUCKY = _entry("Kentucky", "US", "ADM1", 4_400_000, "Kentucky", 37.5, -85.0)
HARLOW = _entry("Harlow", "US", "PPL", 30_000, "Kentucky", 38.2, -84.5)
FRANCE = _entry("France", "FR", "PCLI", 66_000_000, None, 46.0, 2.0)


def test_a_capital_of_a_named_country_outranks_a_near_namesake() -> None:
    mentions = [
        _mention(0, "harlow", HARLOW),
        _mention(20, "kentucky", KENTUCKY),
        _mention(60, "france", FRANCE),
        _mention(90, "lutece", LUTECE_CAPITAL, LUTECE_TOWN),
    ]
    assert resolve(mentions, ["US"])["lutece"].entry == LUTECE_CAPITAL
    # without the country named, the local town stays
    assert (
        resolve([m for m in mentions if m.key != "france"], ["US"])["lutece"].entry == LUTECE_TOWN
    )
