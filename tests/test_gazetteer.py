"""The offline gazetteer: names, lookups, the curated regions table, resolution scoring.

Lookups use the cached gazetteer (built from the installed packages on first use, about
20 s on a fresh machine); the scoring tests use hand-made entries and need no file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import ResourceError
from eventwire.gazetteer import (
    Gazetteer,
    GazetteerEntry,
    cache_dir,
    derive_demonyms,
    is_place_name,
    name_key,
    precision_of,
)
from eventwire.gazetteer.build import FORMAT_VERSION, cache_path
from eventwire.gazetteer.regions import read_regions
from eventwire.gazetteer.resolve import ToponymMention, resolve
from eventwire.model import Precision


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def best(gazetteer: Gazetteer, name: str) -> GazetteerEntry:
    """The context-free choice: what the resolver picks for a lone mention."""
    candidates = tuple(gazetteer.candidates(name))
    assert candidates, f"{name!r} is not in the gazetteer"
    mention = ToponymMention(0, len(name), name_key(name), "GPE", candidates)
    return resolve([mention], [])[mention.key].entry


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Belgrade", "belgrade"),
        ("The Netherlands", "netherlands"),
        ("Côte d’Ivoire", "cote divoire"),
        ("Nagorno-Karabakh", "nagorno karabakh"),
        ("U.S.", "us"),
        ("  São   Paulo ", "sao paulo"),
        ("Łódź", "lodz"),
        ("KHARKIV", "kharkiv"),
    ],
)
def test_name_key_ignores_case_diacritics_and_punctuation(name: str, key: str) -> None:
    assert name_key(name) == key


def test_precision_follows_the_feature_code() -> None:
    assert precision_of("PCLI") is Precision.COUNTRY
    assert precision_of("ADM1") is Precision.ADMIN1
    assert precision_of("ADM2") is Precision.ADMIN2
    assert precision_of("PPLC") is Precision.POINT
    assert precision_of("RGN") is Precision.REGION


def test_demonyms_are_derived_from_country_names() -> None:
    demonyms = derive_demonyms(
        [("syria", "SY"), ("turkey", "TR"), ("niger", "NE"), ("nigeria", "NG"),
         ("germany", "DE"), ("afghanistan", "AF"), ("saudi arabia", "SA")]
    )  # fmt: skip
    assert demonyms["syrian"] == "SY"
    assert demonyms["turkish"] == "TR"
    assert demonyms["nigerian"] == "NG"  # the longer shared stem wins over "Niger"
    assert demonyms["german"] == "DE"
    assert demonyms["afghan"] == "AF"
    assert demonyms["saudi"] == "SA"
    assert "syria" not in demonyms  # a country's own name is a place, not a demonym


# --------------------------------------------------------------------------- cache


def test_cache_dir_prefers_the_eventwire_variable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(tmp_path / "a"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "b"))
    assert cache_dir() == tmp_path / "a"
    monkeypatch.delenv("EVENTWIRE_CACHE_DIR")
    assert cache_dir() == tmp_path / "b" / "eventwire"


def test_cache_file_name_carries_the_versions(tmp_path: Path) -> None:
    path = cache_path(tmp_path)
    assert path.parent == tmp_path
    assert f"-v{FORMAT_VERSION}-" in path.name
    assert "geonamescache3." in path.name
    assert cache_path(tmp_path, cities="cities15000.json") != path


# --------------------------------------------------------------------------- lookups


def test_belgrade_is_the_serbian_capital(gazetteer: Gazetteer) -> None:
    entry = best(gazetteer, "Belgrade")
    assert entry.country_code == "RS"
    assert entry.feature_code == "PPLC"
    assert entry.lat == pytest.approx(44.8, abs=0.1)
    assert entry.lon == pytest.approx(20.46, abs=0.1)
    assert entry.geonameid is not None


def test_paris_is_french_by_default_and_texan_is_a_candidate(gazetteer: Gazetteer) -> None:
    assert best(gazetteer, "Paris").country_code == "FR"
    texan = [c for c in gazetteer.candidates("Paris") if c.admin1 == "Texas"]
    assert texan and texan[0].country_code == "US"


def test_a_country_name_is_a_country(gazetteer: Gazetteer) -> None:
    entry = best(gazetteer, "Serbia")
    assert entry.feature_code == "PCLI"
    assert entry.precision is Precision.COUNTRY
    assert entry.is_country
    assert gazetteer.country("rs") == entry


def test_common_short_names_of_countries(gazetteer: Gazetteer) -> None:
    for name in ("U.S.", "USA", "the United States"):
        assert best(gazetteer, name).country_code == "US"
    assert best(gazetteer, "Britain").country_code == "GB"
    assert best(gazetteer, "Ivory Coast") == best(gazetteer, "Côte d'Ivoire")


def test_curated_region_from_the_regions_table(gazetteer: Gazetteer) -> None:
    entry = best(gazetteer, "Nagorno-Karabakh")
    assert entry.country_code == "AZ"
    assert entry.precision is Precision.REGION
    assert entry.lat == pytest.approx(39.82, abs=0.05)
    assert entry.lon == pytest.approx(46.75, abs=0.05)
    assert best(gazetteer, "Artsakh") == entry


def test_first_level_regions_are_entries(gazetteer: Gazetteer) -> None:
    texas = [c for c in gazetteer.candidates("Texas") if c.feature_code == "ADM1"]
    assert len(texas) == 1
    assert texas[0].country_code == "US"
    assert 25 < texas[0].lat < 37 and -107 < texas[0].lon < -93


def test_alternate_names_can_be_left_out(gazetteer: Gazetteer) -> None:
    with_alternates = gazetteer.candidates("Kiev")
    own_names = gazetteer.candidates("Kiev", alternate_names=False)
    assert any(c.feature_code == "PPLC" and c.country_code == "UA" for c in with_alternates)
    assert not any(c.feature_code == "PPLC" for c in own_names)


def test_is_place_name(gazetteer: Gazetteer) -> None:
    assert is_place_name("Belgrade")
    assert gazetteer.is_place_name("nagorno karabakh")
    assert not is_place_name("Blinken")
    assert not is_place_name("")


def test_country_for_demonym(gazetteer: Gazetteer) -> None:
    assert gazetteer.country_for_demonym("Syrian") == "SY"
    assert gazetteer.country_for_demonym("Serbian") == "RS"
    assert gazetteer.country_for_demonym("American") == "US"
    assert gazetteer.country_for_demonym("Republican") is None


# --------------------------------------------------------------------------- regions table


def test_regions_table_rows_are_new_places_or_known_aliases(gazetteer: Gazetteer) -> None:
    rows = read_regions()
    assert len([r for r in rows if not r.is_alias]) >= 30
    for row in rows:
        entry = best(gazetteer, row.name)
        if row.is_alias:
            assert entry.feature_code == row.feature_code, row.name
            assert entry.country_code == row.country_code, row.name
            continue
        assert row.lat is not None and -90 <= row.lat <= 90
        # Not a duplicate of a country or first-level region of the same country.
        duplicates = [
            c
            for c in gazetteer.candidates(row.name)
            if c.feature_code in ("PCLI", "ADM1") and c.country_code == row.country_code
        ]
        assert not duplicates, row.name


def test_regions_table_errors_name_the_line(tmp_path: Path) -> None:
    table = tmp_path / "regions.tsv"
    header = "name\talternate_names\tcountry\tlat\tlon\tfeature_code\tcomment\n"
    table.write_text(header + "Somewhere\t\tXX\tnorth\t1.0\tRGN\t\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=":2: bad coordinate"):
        read_regions(table)
    table.write_text(header + "Somewhere\t\tXX\t\t\tRGN\t\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="only PCLI and ADM1"):
        read_regions(table)


# --------------------------------------------------------------------------- scoring


def _entry(
    name: str, country: str, code: str, population: int, admin1: str | None
) -> GazetteerEntry:
    return GazetteerEntry(1, name, 0.0, 0.0, country, code, population, admin1)


PARIS_FR = _entry("Paris", "FR", "PPLC", 2_100_000, "Ile-de-France")
PARIS_TX = _entry("Paris", "US", "PPL", 25_000, "Texas")
TEXAS = _entry("Texas", "US", "ADM1", 25_000_000, "Texas")
DALLAS = _entry("Dallas", "US", "PPL", 1_300_000, "Texas")


def _mention(start: int, key: str, *candidates: GazetteerEntry) -> ToponymMention:
    return ToponymMention(start, start + len(key), key, "GPE", candidates)


def test_resolution_prefers_the_larger_place_without_context() -> None:
    paris = _mention(0, "paris", PARIS_FR, PARIS_TX)
    resolution = resolve([paris], [])["paris"]
    assert resolution.entry == PARIS_FR
    assert 0.5 < resolution.probability <= 1.0


def test_a_qualifier_decides() -> None:
    paris = _mention(0, "paris", PARIS_FR, PARIS_TX)
    texas = _mention(7, "texas", TEXAS)
    paris.qualifier = texas
    assert resolve([paris, texas], [])["paris"].entry == PARIS_TX


def test_the_article_votes_for_a_country_and_a_region() -> None:
    paris = _mention(0, "paris", PARIS_FR, PARIS_TX)
    dallas = _mention(20, "dallas", DALLAS)
    texas = _mention(40, "texas", TEXAS)
    assert resolve([paris, dallas, texas], ["US"])["paris"].entry == PARIS_TX
    # A French demonym alone does not outvote the populations.
    assert resolve([paris], ["FR"])["paris"].entry == PARIS_FR


def test_territory_point_across_the_date_line() -> None:
    from eventwire.gazetteer.territory import territory_point

    fiji_like = [(-17.8, 177.4), (-18.1, 178.4), (-16.5, 179.3), (-16.8, -179.9), (-17.2, -178.8)]
    _, lon = territory_point(fiji_like)
    assert lon > 175 or lon < -175


def test_territory_point_is_the_middle_of_the_land_not_of_the_towns() -> None:
    from eventwire.gazetteer.territory import territory_point

    # Many towns crowd the south of a 10 x 10 degree square, a few dot the rest of it.
    crowded = [(40.0 + i * 0.01, 10.0 + j * 0.1) for i in range(20) for j in range(100)]
    sparse = [(lat, lon) for lat in (42.0, 44.0, 46.0, 48.0, 49.9) for lon in (10.0, 19.9)]
    lat, lon = territory_point(crowded + sparse)
    assert 44.0 < lat < 46.0 and 14.0 < lon < 16.0
    # A small group of towns far away (an overseas island) does not move the point.
    island = [(-20.0, 60.0), (-20.1, 60.1)]
    assert territory_point(crowded + sparse + island) == (lat, lon)
