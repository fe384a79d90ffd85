"""Countries and territories: names, aliases, demonyms, capitals and seats."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from eventwire.datafiles import read_data, table_rows
from eventwire.errors import ResourceError
from eventwire.knowledge.tables import (
    COUNTRY_COLUMNS,
    PSEUDO_COUNTRIES,
    Country,
    PhraseTable,
    is_code,
    matcher_phrases,
    phrase_cell,
)  # fmt: skip

# ------------------------------------------------------------------------ countries


class CountryIndex:
    """Countries by code, name, demonym, and capital or government seat."""

    def __init__(self, rows: Iterable[tuple[int, Country]], where: str) -> None:
        self._by_iso3: dict[str, Country] = {}
        self._by_iso2: dict[str, Country] = {}
        self._names = PhraseTable[Country](where, "name")
        self._demonyms = PhraseTable[Country](where, "demonym")
        self._capitals = PhraseTable[Country](where, "capital or seat")
        found: list[Country] = []
        for line, country in rows:
            for code, table in ((country.iso3, self._by_iso3), (country.iso2, self._by_iso2)):
                if code in table:
                    raise ResourceError(f"{where}:{line}: code {code!r} is listed twice")
                table[code] = country
            exact = set(country.exact_case)
            for phrase in (country.name, *country.aliases):
                self._names.add(phrase, phrase in exact, country, line)
            for phrase in country.demonyms:
                self._demonyms.add(phrase, phrase in exact, country, line)
            for phrase in (*country.capitals, *country.seats):
                self._capitals.add(phrase, phrase in exact, country, line)
            found.append(country)
        self.countries: tuple[Country, ...] = tuple(found)

    def __len__(self) -> int:
        return len(self.countries)

    def __iter__(self) -> Iterator[Country]:
        return iter(self.countries)

    def by_iso3(self, code: str) -> Country | None:
        return self._by_iso3.get(code.upper())

    def by_iso2(self, code: str) -> Country | None:
        return self._by_iso2.get(code.upper())

    def lookup_name(self, text: str) -> Country | None:
        """The country a name or alias denotes ("the U.S.", "Britain's")."""
        return self._names.get(text)

    def lookup_demonym(self, text: str) -> Country | None:
        """The country of a demonym ("Serbian", "Azeris")."""
        return self._demonyms.get(text)

    def lookup_capital(self, text: str) -> Country | None:
        """The country whose capital or government seat this is ("Moscow", "Kremlin")."""
        return self._capitals.get(text)

    def phrases(self, case_sensitive: bool | None = None) -> Iterator[tuple[str, str, Country]]:
        """(phrase, kind, country) for a phrase matcher; kind is "name", "demonym",
        "capital" or "seat". Each phrase comes in its spellings (as written, without
        accents, with a curly apostrophe). ``case_sensitive=True`` gives only the
        phrases to match with exact case, ``False`` only the others, None all."""
        for country in self.countries:
            groups = (
                ("name", (country.name, *country.aliases)),
                ("demonym", country.demonyms),
                ("capital", country.capitals),
                ("seat", country.seats),
            )
            yield from matcher_phrases(groups, country.exact_case, case_sensitive, country)


def parse_countries(text: str, where: str) -> CountryIndex:
    """Parse the text of a countries file; errors name ``where`` and the line."""

    def rows() -> Iterator[tuple[int, Country]]:
        for line, cells in table_rows(text, where, COUNTRY_COLUMNS):
            iso3, iso2, name_cell = cells[0], cells[1], cells[2]
            if not is_code(iso3, 3):
                raise ResourceError(f"{where}:{line}: iso3 {iso3!r} is not 3 capital letters")
            if not is_code(iso2, 2):
                raise ResourceError(f"{where}:{line}: iso2 {iso2!r} is not 2 capital letters")
            if iso3 in PSEUDO_COUNTRIES:
                raise ResourceError(f"{where}:{line}: {iso3!r} is reserved for organisations")
            names = phrase_cell(name_cell, where, line, "name")
            if len(names) != 1:
                raise ResourceError(f"{where}:{line}: expected one name, found {name_cell!r}")
            columns = zip(cells[3:], COUNTRY_COLUMNS[3:], strict=True)
            lists = [phrase_cell(cell, where, line, column) for cell, column in columns]
            everything = names + [item for items in lists for item in items]
            aliases, demonyms, capitals, seats = (tuple(p for p, _ in items) for items in lists)
            country = Country(
                iso3=iso3,
                iso2=iso2,
                name=names[0][0],
                aliases=aliases,
                demonyms=demonyms,
                capitals=capitals,
                seats=seats,
                exact_case=tuple(phrase for phrase, exact in everything if exact),
            )
            yield line, country

    return CountryIndex(rows(), where)


@lru_cache(maxsize=4)
def countries(path: Path | None = None) -> CountryIndex:
    """The country table (the packaged ``countries.tsv`` unless ``path`` is given)."""
    where, text = read_data("countries.tsv", path)
    return parse_countries(text, where)
