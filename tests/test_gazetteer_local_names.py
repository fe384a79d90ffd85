"""A capital whose country the article names outranks a namesake town near the
article's other names (``gazetteer.resolve``)."""

from __future__ import annotations

from eventwire.gazetteer import GazetteerEntry
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
