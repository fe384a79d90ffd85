"""The actor knowledge base: the packaged tables load, lookups forgive press spellings,
and a malformed file is refused with its name and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire import knowledge
from eventwire.errors import ResourceError
from eventwire.knowledge import (
    PSEUDO_COUNTRIES,
    SECTOR_CODES,
    normalize,
    parse_countries,
    parse_organizations,
    parse_sector_terms,
)

COUNTRY_HEADER = "iso3\tiso2\tname\taliases\tdemonyms\tcapitals\tseats\n"
ORG_HEADER = "name\taliases\tcountry\tsector\tkind\n"
SECTOR_HEADER = "term\tsector\tkind\n"


# ------------------------------------------------------------------ packaged tables


def test_packaged_tables_load() -> None:
    # 193 UN members plus the territories the brief names; every row must survive
    # validation, so the counts only grow.
    assert len(knowledge.countries()) >= 199
    assert len(knowledge.organizations()) >= 100
    assert len(knowledge.sector_terms()) >= 150


def test_country_codes_are_valid_and_unique() -> None:
    countries = list(knowledge.countries())
    iso3 = [c.iso3 for c in countries]
    iso2 = [c.iso2 for c in countries]
    assert len(set(iso3)) == len(iso3)
    assert len(set(iso2)) == len(iso2)
    for country in countries:
        assert len(country.iso3) == 3 and country.iso3.isalpha() and country.iso3.isupper()
        assert len(country.iso2) == 2 and country.iso2.isalpha() and country.iso2.isupper()
        assert country.iso3 not in PSEUDO_COUNTRIES
    for code in ("PSE", "XKX", "TWN", "ESH", "VAT", "HKG", "SSD", "TLS", "MKD"):
        assert knowledge.countries().by_iso3(code) is not None, code


def test_every_iso_territory_is_listed() -> None:
    countries = knowledge.countries()
    # ISO 3166-1 lists 249 entries; Kosovo's XK is the code in common use besides them.
    assert len(countries) >= 250
    territories = {
        "COK": "CK", "NIU": "NU", "PCN": "PN", "NFK": "NF", "CXR": "CX", "CCK": "CC",
        "HMD": "HM", "BLM": "BL", "MAF": "MF", "GLP": "GP", "GUM": "GU", "PRI": "PR",
        "ESH": "EH", "SJM": "SJ", "TKL": "TK", "WLF": "WF", "FLK": "FK", "GIB": "GI",
        "REU": "RE", "ATA": "AQ", "UMI": "UM", "VIR": "VI", "VGB": "VG", "IMN": "IM",
    }  # fmt: skip
    for iso3, iso2 in territories.items():
        found = countries.by_iso3(iso3)
        assert found is not None and found.iso2 == iso2, iso3


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("the Cook Islands", "COK"),
        ("Niue", "NIU"),
        ("Pitcairn Islands", "PCN"),
        ("Norfolk Island", "NFK"),
        ("Cocos (Keeling) Islands", "CCK"),
        ("Heard Island", "HMD"),
        ("St. Barts", "BLM"),
        ("Saint Martin", "MAF"),
        ("Svalbard", "SJM"),
        ("Wallis and Futuna", "WLF"),
        ("Turks and Caicos Islands", "TCA"),
        ("the Falklands", "FLK"),
        ("Isle of Man", "IMN"),
        ("Jersey", "JEY"),
        ("New Jersey", "USA"),
    ],
)
def test_lookup_territory_name(text: str, iso3: str) -> None:
    found = knowledge.countries().lookup_name(text)
    assert found is not None, text
    assert found.iso3 == iso3


@pytest.mark.parametrize(
    "text", ["Heard", "Martin", "Man", "Saba", "jersey", "reunion", "Cook", "Christmas"]
)
def test_parts_of_territory_names_are_no_names(text: str) -> None:
    countries = knowledge.countries()
    assert countries.lookup_name(text) is None
    assert countries.lookup_capital(text) is None


@pytest.mark.parametrize(
    ("text", "iso3"),
    [("Niuean", "NIU"), ("Guamanian", "GUM"), ("Faroese", "FRO"), ("Manx", "IMN"),
     ("American Samoan", "ASM"), ("Samoan", "WSM"), ("Turks", "TUR")],
)  # fmt: skip
def test_lookup_territory_demonym(text: str, iso3: str) -> None:
    found = knowledge.countries().lookup_demonym(text)
    assert found is not None, text
    assert found.iso3 == iso3


def test_territory_names_keep_their_capitals_in_headlines() -> None:
    from eventwire.coding.headline_reading import sentence_case

    cased = sentence_case("Western Sahara Makes Concessions To Solomon Islands")
    assert cased == "Western Sahara makes concessions to Solomon Islands"


def test_codes_round_trip() -> None:
    countries = knowledge.countries()
    france = countries.by_iso2("FR")
    assert france is not None and france.iso3 == "FRA"
    assert countries.by_iso3("fra") is france
    assert countries.by_iso3("ZZZ") is None


def test_organization_codes_are_known() -> None:
    iso3 = {c.iso3 for c in knowledge.countries()}
    for org in knowledge.organizations():
        assert org.country is None or org.country in iso3 | PSEUDO_COUNTRIES, org
        assert org.sector is None or org.sector in SECTOR_CODES, org
    for term in knowledge.sector_terms():
        assert term.sector is None or term.sector in SECTOR_CODES, term
        assert term.term == term.term.lower()


# ------------------------------------------------------------------------- lookups


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("United States", "USA"),
        ("the U.S.", "USA"),
        ("US", "USA"),
        ("Britain's", "GBR"),
        ("the United Kingdom", "GBR"),
        ("Russian Federation", "RUS"),
        ("Ivory Coast", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("Côte d’Ivoire", "CIV"),
        ("Czechia", "CZE"),
        ("Burma", "MMR"),
        ("DRC", "COD"),
        ("Democratic Republic of the Congo", "COD"),
        ("Congo-Brazzaville", "COG"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("Turkey", "TUR"),
        ("the Philippines'", "PHL"),
        ("South Sudan", "SSD"),
        ("Sudan", "SDN"),
        ("Kosovo", "XKX"),
        ("Holy See", "VAT"),
    ],
)
def test_lookup_name(text: str, iso3: str) -> None:
    found = knowledge.countries().lookup_name(text)
    assert found is not None, text
    assert found.iso3 == iso3


@pytest.mark.parametrize("text", ["us", "Us", "turkey", "Atlantis", "", "the"])
def test_lookup_name_refuses_words_and_unknowns(text: str) -> None:
    assert knowledge.countries().lookup_name(text) is None


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("American", "USA"),
        ("Americans", "USA"),
        ("Serbs", "SRB"),
        ("Serbian", "SRB"),
        ("Azeri", "AZE"),
        ("Azerbaijanis", "AZE"),
        ("Israeli", "ISR"),
        ("Palestinians", "PSE"),
        ("Filipinos", "PHL"),
        ("Philippine", "PHL"),
        ("Ukrainian", "UKR"),
        ("Congolese", "COD"),
        ("South Sudanese", "SSD"),
        ("Poles", "POL"),
    ],
)
def test_lookup_demonym(text: str, iso3: str) -> None:
    found = knowledge.countries().lookup_demonym(text)
    assert found is not None, text
    assert found.iso3 == iso3


def test_case_sensitive_demonyms_refuse_ordinary_words() -> None:
    countries = knowledge.countries()
    assert countries.lookup_demonym("poles") is None
    assert countries.lookup_demonym("swedes") is None
    assert countries.lookup_demonym("Korean") is None  # ambiguous: left out on purpose


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Moscow", "RUS"),
        ("the Kremlin", "RUS"),
        ("Kremlin's", "RUS"),
        ("Washington", "USA"),
        ("White House", "USA"),
        ("Downing Street", "GBR"),
        ("Elysee", "FRA"),
        ("Élysée", "FRA"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Baku", "AZE"),
    ],
)
def test_lookup_capital_and_seat(text: str, iso3: str) -> None:
    found = knowledge.countries().lookup_capital(text)
    assert found is not None, text
    assert found.iso3 == iso3


def test_names_demonyms_and_capitals_are_separate() -> None:
    countries = knowledge.countries()
    assert countries.lookup_name("Moscow") is None
    assert countries.lookup_demonym("Russia") is None
    assert countries.lookup_capital("Russian") is None


@pytest.mark.parametrize(
    ("text", "name", "country", "sector"),
    [
        ("UN", "United Nations", "IGO", "IGO"),
        ("the U.N.", "United Nations", "IGO", "IGO"),
        ("UNHCR", "UNHCR", "IGO", "REF"),
        ("WHO", "World Health Organization", "IGO", "HLH"),
        ("NATO", "NATO", "IGO", "IGO"),
        ("Nato", "NATO", "IGO", "IGO"),
        ("the ICRC", "International Committee of the Red Cross", "NGO", "NGO"),
        ("Médecins Sans Frontières", "Doctors Without Borders", "NGO", "HLH"),
        ("Hamas's", "Hamas", "PSE", "REB"),
        ("Hezbollah", "Hezbollah", "LBN", "REB"),
        ("Ansar Allah", "Houthis", "YEM", "REB"),
        ("al Qaeda", "al-Qaeda", None, "REB"),
        ("Daesh", "Islamic State", None, "REB"),
        ("IS", "Islamic State", None, "REB"),
        ("Taliban", "Taliban", "AFG", "REB"),
        ("Taliban authorities", "Taliban government", "AFG", "GOV"),
        ("IDF", "Israel Defense Forces", "ISR", "MIL"),
        ("Pentagon", "Pentagon", "USA", "MIL"),
        ("Mossad", "Mossad", "ISR", "SPY"),
        ("RSF", "Rapid Support Forces", "SDN", "REB"),
        ("Tanjug", "Tanjug", "SRB", "MED"),
        ("International Criminal Court", "International Criminal Court", "IGO", "JUD"),
    ],
)
def test_lookup_organization(text: str, name: str, country: str | None, sector: str) -> None:
    found = knowledge.organizations().lookup(text)
    assert found is not None, text
    assert (found.name, found.country, found.sector) == (name, country, sector)


@pytest.mark.parametrize("text", ["who", "is", "un", "amnesty", "Security Council"])
def test_lookup_organization_refuses_ordinary_words(text: str) -> None:
    assert knowledge.organizations().lookup(text) is None


@pytest.mark.parametrize(
    ("text", "sector", "kind"),
    [
        ("president", "GOV", "title"),
        ("Foreign Minister", "GOV", "title"),
        ("ministers", "GOV", "title"),
        ("government's", "GOV", "noun"),
        ("troops", "MIL", "noun"),
        ("generals", "MIL", "title"),  # plural folded onto "general"
        ("police officers", "COP", "title"),
        ("policemen", "COP", "title"),
        ("security forces", "COP", "noun"),
        ("insurgents", "REB", "noun"),
        ("gunmen", "UAF", "noun"),
        ("gunman", None, "attacker"),
        ("vice-president", "GOV", "title"),
        ("Supreme Court", "JUD", "noun"),
        ("lawmakers", "LEG", "noun"),
        ("journalists", "MED", "noun"),
        ("asylum seekers", "REF", "noun"),
        ("imams", "REL", "noun"),
    ],
)
def test_lookup_sector_term(text: str, sector: str | None, kind: str) -> None:
    found = knowledge.sector_terms().lookup(text)
    assert found is not None, text
    assert (found.sector, found.kind) == (sector, kind)


@pytest.mark.parametrize("text", ["weather", "bus", "press conference", ""])
def test_lookup_sector_term_unknown(text: str) -> None:
    assert knowledge.sector_terms().lookup(text) is None


# ------------------------------------------------------------------------- phrases


def test_country_phrases_split_by_case_sensitivity() -> None:
    countries = knowledge.countries()
    exact = {(p, k, c.iso3) for p, k, c in countries.phrases(case_sensitive=True)}
    folded = {(p, k, c.iso3) for p, k, c in countries.phrases(case_sensitive=False)}
    assert ("US", "name", "USA") in exact
    assert ("US", "name", "USA") not in folded
    assert ("U.S.", "name", "USA") in folded
    assert ("Serbs", "demonym", "SRB") in folded
    assert ("Moscow", "capital", "RUS") in folded
    assert ("Kremlin", "seat", "RUS") in folded
    # Accented phrases also come without accents, for matchers that compare text.
    assert ("Elysee", "seat", "FRA") in folded
    assert exact | folded == {(p, k, c.iso3) for p, k, c in countries.phrases()}


def test_organization_and_sector_phrases() -> None:
    orgs = {(p, k, o.name) for p, k, o in knowledge.organizations().phrases()}
    assert ("Hamas", "name", "Hamas") in orgs
    assert ("Ansar Allah", "alias", "Houthis") in orgs
    exact = {p for p, _, _ in knowledge.organizations().phrases(case_sensitive=True)}
    assert "WHO" in exact and "NATO" not in exact
    terms = {(p, k) for p, k, _ in knowledge.sector_terms().phrases()}
    assert ("police officer", "title") in terms
    assert ("gunman", "attacker") in terms


def test_normalize() -> None:
    assert normalize("The  Kremlin’s") == "kremlin"
    assert normalize("al-Qaeda") == normalize("Al Qaeda") == "al qaeda"
    assert normalize("Élysée") == "elysee"
    assert normalize("US", fold_case=False) == "US"


# ----------------------------------------------------------------- malformed files


def test_wrong_column_count_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "countries.tsv"
    path.write_text(
        "# a comment\n" + COUNTRY_HEADER + "FRA\tFR\tFrance\t\tFrench\tParis\n",
        encoding="utf-8",
    )
    with pytest.raises(ResourceError) as caught:
        knowledge.countries(path)
    message = str(caught.value)
    assert f"{path}:3:" in message
    assert "7" in message and "found 6" in message


def test_unknown_sector_code_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "sectors.tsv"
    path.write_text(SECTOR_HEADER + "soldier\tMIL\tnoun\nwizard\tMAG\ttitle\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=rf"{path.name}:3: unknown sector code 'MAG'"):
        knowledge.sector_terms(path)


def test_unknown_organization_sector_and_country() -> None:
    with pytest.raises(ResourceError, match=r"orgs:2: unknown sector code 'XXX'"):
        parse_organizations(ORG_HEADER + "Acme\t\tUSA\tXXX\tcompany\n", "orgs")
    with pytest.raises(ResourceError, match=r"orgs:2: unknown country code 'ATL'"):
        parse_organizations(ORG_HEADER + "Acme\t\tATL\tBUS\tcompany\n", "orgs", ["USA"])
    org = parse_organizations(ORG_HEADER + "Acme\tACME!\tNGO\t\t\n", "orgs", ["USA"])
    acme = org.lookup("ACME")
    assert acme is not None and acme.country == "NGO" and acme.sector is None
    assert org.lookup("acme") is acme  # the name itself is not case-sensitive


def test_bad_header_and_bad_codes() -> None:
    with pytest.raises(ResourceError, match=r"c:1: expected the header"):
        parse_countries("code\tname\n", "c")
    with pytest.raises(ResourceError, match=r"c:2: iso3 'FR' is not 3 capital letters"):
        parse_countries(COUNTRY_HEADER + "FR\tFR\tFrance\t\t\t\t\n", "c")
    with pytest.raises(ResourceError, match=r"c:3: code 'FRA' is listed twice"):
        parse_countries(COUNTRY_HEADER + "FRA\tFR\tFrance\t\t\t\t\nFRA\tFX\tGaul\t\t\t\t\n", "c")
    with pytest.raises(ResourceError, match=r"s:2: term 'Police' must be lower case"):
        parse_sector_terms(SECTOR_HEADER + "Police\tCOP\tnoun\n", "s")
    with pytest.raises(ResourceError, match=r"s:2: kind 'person'"):
        parse_sector_terms(SECTOR_HEADER + "police\tCOP\tperson\n", "s")


def test_phrase_claimed_by_two_countries_is_refused() -> None:
    text = (
        COUNTRY_HEADER
        + "AAA\tAA\tAland\t\tShared\t\t\n"
        + "# between them\n"
        + "BBB\tBB\tBland\t\tshared\t\t\n"
    )
    with pytest.raises(ResourceError, match=r"c:4: demonym 'shared' is already listed on line 2"):
        parse_countries(text, "c")


def test_user_table_with_exact_case_alias() -> None:
    index = parse_countries(
        COUNTRY_HEADER + "ABC\tAB\tAbcland\tAL!|Abc Republic\tAbcish\tAbcville\tAbc Palace\n",
        "c",
    )
    assert [c.iso3 for c in index] == ["ABC"]
    assert index.lookup_name("AL") is not None
    assert index.lookup_name("al") is None
    assert index.lookup_name("the abc republic's") is not None
    assert index.lookup_capital("Abc Palace") is not None
    country = index.by_iso3("ABC")
    assert country is not None and country.exact_case == ("AL",)
    assert country.aliases == ("AL", "Abc Republic")


def test_a_phrase_table_answers_the_same_when_asked_again_and_after_an_addition() -> None:
    from eventwire.knowledge.tables import Organization, PhraseTable

    table = PhraseTable[Organization]("<test>", "organisation name")
    court = Organization(name="Supreme Court")
    assert table.get("the Supreme Court") is None
    table.add("Supreme Court", False, court, 1)
    assert table.get("the Supreme Court") == court  # not the answer remembered before
    assert table.get("the Supreme Court") == court
    assert table.get("SUPREME COURT's") == court


def test_sector_lookups_repeat_their_answers() -> None:
    terms = knowledge.sector_terms()
    first = terms.lookup("Police officers")
    assert first is not None and first.sector == "COP"
    assert terms.lookup("Police officers") is first
    assert terms.lookup("xyzzy plughs") is None
    assert terms.lookup("xyzzy plughs") is None
