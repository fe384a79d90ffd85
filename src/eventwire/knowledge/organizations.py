"""Organisations the news names as actors, with their country and sector."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from eventwire.datafiles import read_data, table_rows
from eventwire.errors import ResourceError
from eventwire.knowledge.countries import countries
from eventwire.knowledge.tables import (
    ORGANIZATION_COLUMNS,
    ORGANIZATION_KINDS,
    PSEUDO_COUNTRIES,
    SECTOR_CODES,
    Organization,
    PhraseTable,
    is_code,
    matcher_phrases,
    optional_code,
    phrase_cell,
)  # fmt: skip

# -------------------------------------------------------------------- organisations


class OrganizationIndex:
    """Organisations by name or alias."""

    def __init__(self, rows: Iterable[tuple[int, Organization]], where: str) -> None:
        self._table = PhraseTable[Organization](where, "organisation name")
        found: list[Organization] = []
        for line, org in rows:
            exact = set(org.exact_case)
            for phrase in (org.name, *org.aliases):
                self._table.add(phrase, phrase in exact, org, line)
            found.append(org)
        self.organizations: tuple[Organization, ...] = tuple(found)

    def __len__(self) -> int:
        return len(self.organizations)

    def __iter__(self) -> Iterator[Organization]:
        return iter(self.organizations)

    def lookup(self, text: str) -> Organization | None:
        """The organisation a name or alias denotes ("the ICRC", "Hamas's")."""
        return self._table.get(text)

    def phrases(
        self, case_sensitive: bool | None = None
    ) -> Iterator[tuple[str, str, Organization]]:
        """(phrase, kind, organisation) with kind "name" or "alias"; spellings and
        ``case_sensitive`` as in :meth:`CountryIndex.phrases`."""
        for org in self.organizations:
            groups = (("name", (org.name,)), ("alias", org.aliases))
            yield from matcher_phrases(groups, org.exact_case, case_sensitive, org)


def parse_organizations(
    text: str, where: str, country_codes: Iterable[str] | None = None
) -> OrganizationIndex:
    """Parse the text of an organisations file. ``country_codes`` are the ISO alpha-3
    codes a row may name besides IGO and NGO; None accepts any three capital letters."""
    known = None if country_codes is None else frozenset(country_codes) | PSEUDO_COUNTRIES

    def rows() -> Iterator[tuple[int, Organization]]:
        for line, cells in table_rows(text, where, ORGANIZATION_COLUMNS):
            name_cell, alias_cell, country, sector, kind = cells
            names = phrase_cell(name_cell, where, line, "name")
            if len(names) != 1:
                raise ResourceError(f"{where}:{line}: expected one name, found {name_cell!r}")
            aliases = phrase_cell(alias_cell, where, line, "aliases")
            org = Organization(
                name=names[0][0],
                aliases=tuple(phrase for phrase, _ in aliases),
                country=_country_code(country, known, where, line),
                sector=optional_code(sector, SECTOR_CODES, where, line, "sector code"),
                kind=optional_code(kind, ORGANIZATION_KINDS, where, line, "organisation kind"),
                exact_case=tuple(phrase for phrase, exact in names + aliases if exact),
            )
            yield line, org

    return OrganizationIndex(rows(), where)


def _country_code(value: str, known: frozenset[str] | None, where: str, line: int) -> str | None:
    """An organisation's country cell: empty, a known code, or (when no codes are
    known) any alpha-3 code."""
    if not value:
        return None
    if known is None:
        if not is_code(value, 3):
            raise ResourceError(f"{where}:{line}: country {value!r} is not an alpha-3 code")
        return value
    return optional_code(value, known, where, line, "country code")


@lru_cache(maxsize=4)
def organizations(path: Path | None = None) -> OrganizationIndex:
    """The organisation table (the packaged ``organizations.tsv`` unless ``path`` is
    given), its countries checked against the packaged country table."""
    where, text = read_data("organizations.tsv", path)
    codes = [country.iso3 for country in countries()]
    return parse_organizations(text, where, codes)
