"""The actor knowledge base: countries, organisations and sector words.

Three tab-separated files under ``eventwire/data`` hold the knowledge; this module
reads, validates and indexes them:

- ``countries.tsv``: ``iso3 iso2 name aliases demonyms capitals seats``
- ``organizations.tsv``: ``name aliases country sector kind``
- ``sectors.tsv``: ``term sector kind``

Each file starts with a header row; ``#`` lines and blank lines are ignored; list
cells are ``|``-separated; an empty cell means "none" or "unknown". The comments at the
top of each file document its conventions.

Lookups forgive the ways the press varies a name: case, accents ("Elysee"), curly
apostrophes, hyphens ("al Qaeda"), a leading "the" and a trailing possessive "'s".
A phrase written with a trailing ``!`` in a file matches only with exactly that
capitalisation, so ``US!`` matches "US" but not the pronoun "us".

Every loader takes an optional path to read a user's own copy instead of the packaged
one; errors raise :class:`~eventwire.errors.ResourceError` naming the file and line.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Generic, TypeVar

from eventwire.errors import ResourceError

__all__ = [
    "ORGANIZATION_KINDS", "PSEUDO_COUNTRIES", "SECTOR_CODES", "SECTOR_TERM_KINDS",
    "Country", "CountryIndex", "Organization", "OrganizationIndex", "SectorIndex",
    "SectorTerm", "countries", "normalize", "organizations", "parse_countries",
    "parse_organizations", "parse_sector_terms", "sector_terms",
]  # fmt: skip

# PLOVER sector codes (with the CAMEO agent codes PLOVER inherits). INS and SEP are
# accepted for users who keep insurgents and separatists apart; the packaged data
# codes both as REB.
SECTOR_CODES: frozenset[str] = frozenset({
    "GOV", "MIL", "COP", "SPY", "JUD", "LEG", "PTY", "OPP", "ELI",
    "REB", "INS", "SEP", "UAF", "CRM",
    "CVL", "REF", "SET", "LAB", "AGR", "BUS", "MNC", "MED", "EDU", "HLH", "REL",
    "IGO", "NGO", "HRI", "DEV", "ENV",
})  # fmt: skip

# Actor "countries" that are not states: intergovernmental and international
# non-governmental organisations.
PSEUDO_COUNTRIES: frozenset[str] = frozenset({"IGO", "NGO"})

ORGANIZATION_KINDS: frozenset[str] = frozenset(
    {"igo", "ngo", "armed_group", "state_body", "party", "media", "company"}
)
SECTOR_TERM_KINDS: frozenset[str] = frozenset({"title", "noun", "attacker"})

COUNTRY_COLUMNS = ("iso3", "iso2", "name", "aliases", "demonyms", "capitals", "seats")
ORGANIZATION_COLUMNS = ("name", "aliases", "country", "sector", "kind")
SECTOR_COLUMNS = ("term", "sector", "kind")

_EXACT_CASE_MARK = "!"
_CHARACTER_VARIANTS = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'",
    "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-",
})  # fmt: skip


# ---------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Country:
    """A state or territory. ``exact_case`` lists the phrases (among name, aliases,
    demonyms, capitals and seats) that match only with their written capitalisation."""

    iso3: str
    iso2: str
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()
    exact_case: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Organization:
    """A named body: ``country`` is ISO alpha-3 or a pseudo-country (IGO, NGO)."""

    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    sector: str | None = None
    kind: str | None = None
    exact_case: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SectorTerm:
    """A noun or title that tells an actor's sector ("police officer" -> COP)."""

    term: str
    sector: str | None
    kind: str


# ----------------------------------------------------------------------- normalising


@lru_cache(maxsize=1 << 16)
def normalize(text: str, *, fold_case: bool = True) -> str:
    """The form phrases are compared in: accents dropped, curly apostrophes and dashes
    made plain, hyphens as spaces, spaces collapsed, a leading "the" and a trailing
    "'s" (or plural "s'") removed, and, unless ``fold_case`` is false, case folded."""
    text = unicodedata.normalize("NFKD", text.translate(_CHARACTER_VARIANTS))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = " ".join(text.replace("-", " ").split())
    if text[:4].casefold() == "the " and len(text) > 4:
        text = text[4:]
    if text.endswith("'s") and len(text) > 2:
        text = text[:-2]
    elif text.endswith("s'"):
        text = text[:-1]
    return text.casefold() if fold_case else text


def _spellings(phrase: str) -> list[str]:
    """The phrase as written, without accents, and with a curly apostrophe."""
    variants = [phrase]
    plain = "".join(
        char for char in unicodedata.normalize("NFKD", phrase) if not unicodedata.combining(char)
    )
    variants.append(unicodedata.normalize("NFC", plain))
    for variant in list(variants):
        if "'" in variant:
            variants.append(variant.replace("'", "\u2019"))
    return list(dict.fromkeys(variants))


T = TypeVar("T")


def _matcher_phrases(
    groups: Iterable[tuple[str, Iterable[str]]],
    exact_case: tuple[str, ...],
    case_sensitive: bool | None,
    entry: T,
) -> Iterator[tuple[str, str, T]]:
    """(spelling, kind, entry) of each phrase in ``groups`` whose case sensitivity
    agrees with ``case_sensitive`` (None: every phrase)."""
    for kind, phrases in groups:
        for phrase in phrases:
            if case_sensitive is None or case_sensitive == (phrase in exact_case):
                for spelling in _spellings(phrase):
                    yield spelling, kind, entry


class _PhraseTable(Generic[T]):
    """Phrases -> entries, case-folded or exact-case, refusing a phrase that would
    name two different entries."""

    def __init__(self, where: str, what: str) -> None:
        self._where = where
        self._what = what
        self._folded: dict[str, tuple[T, int]] = {}
        self._exact: dict[str, tuple[T, int]] = {}

    def add(self, phrase: str, exact_case: bool, entry: T, line: int) -> None:
        table = self._exact if exact_case else self._folded
        key = normalize(phrase, fold_case=not exact_case)
        if not key:
            raise ResourceError(f"{self._where}:{line}: {phrase!r} is empty once normalised")
        known = table.get(key)
        if known is not None and known[0] != entry:
            raise ResourceError(
                f"{self._where}:{line}: {self._what} {phrase!r} is already listed "
                f"on line {known[1]} for another entry"
            )
        table.setdefault(key, (entry, line))

    def get(self, text: str) -> T | None:
        exact = self._exact.get(normalize(text, fold_case=False))
        if exact is not None:
            return exact[0]
        folded = self._folded.get(normalize(text))
        return folded[0] if folded is not None else None


# -------------------------------------------------------------------------- reading


def _read_text(name: str, path: Path | None) -> tuple[str, str]:
    """(where, text) of a packaged data file, or of ``path`` when given."""
    if path is not None:
        try:
            return str(path), path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ResourceError(f"{path}: cannot read: {exc.strerror}") from exc
    resource = resources.files("eventwire") / "data" / name
    return f"eventwire/data/{name}", resource.read_text(encoding="utf-8")


def _rows(text: str, where: str, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """(line number, stripped cells) of each data row, after checking the header."""
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if not header_seen:
            if tuple(cells) != columns:
                raise ResourceError(
                    f"{where}:{number}: expected the header {' '.join(columns)!r} "
                    f"(tab-separated), found {' '.join(cells)!r}"
                )
            header_seen = True
            continue
        if len(cells) != len(columns):
            raise ResourceError(
                f"{where}:{number}: expected {len(columns)} tab-separated columns "
                f"({', '.join(columns)}), found {len(cells)}"
            )
        yield number, cells
    if not header_seen:
        raise ResourceError(f"{where}: no header row; expected {' '.join(columns)!r}")


def _phrases(cell: str, where: str, line: int, column: str) -> list[tuple[str, bool]]:
    """(phrase, exact_case) for each item of a ``|``-separated cell."""
    if not cell:
        return []
    items: list[tuple[str, bool]] = []
    for raw in cell.split("|"):
        item = raw.strip()
        exact = item.endswith(_EXACT_CASE_MARK)
        item = item.removesuffix(_EXACT_CASE_MARK).strip()
        if not item:
            raise ResourceError(f"{where}:{line}: empty item in {column} {cell!r}")
        items.append((item, exact))
    return items


def _is_code(value: str, length: int) -> bool:
    """True for ``length`` ASCII capital letters ("FRA", "FR")."""
    return len(value) == length and value.isascii() and value.isalpha() and value.isupper()


def _optional_code(
    value: str, valid: Iterable[str], where: str, line: int, what: str
) -> str | None:
    if not value:
        return None
    if value not in valid:
        raise ResourceError(f"{where}:{line}: unknown {what} {value!r}")
    return value


# ------------------------------------------------------------------------ countries


class CountryIndex:
    """Countries by code, name, demonym, and capital or government seat."""

    def __init__(self, rows: Iterable[tuple[int, Country]], where: str) -> None:
        self._by_iso3: dict[str, Country] = {}
        self._by_iso2: dict[str, Country] = {}
        self._names = _PhraseTable[Country](where, "name")
        self._demonyms = _PhraseTable[Country](where, "demonym")
        self._capitals = _PhraseTable[Country](where, "capital or seat")
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
            yield from _matcher_phrases(groups, country.exact_case, case_sensitive, country)


def parse_countries(text: str, where: str) -> CountryIndex:
    """Parse the text of a countries file; errors name ``where`` and the line."""

    def rows() -> Iterator[tuple[int, Country]]:
        for line, cells in _rows(text, where, COUNTRY_COLUMNS):
            iso3, iso2, name_cell = cells[0], cells[1], cells[2]
            if not _is_code(iso3, 3):
                raise ResourceError(f"{where}:{line}: iso3 {iso3!r} is not 3 capital letters")
            if not _is_code(iso2, 2):
                raise ResourceError(f"{where}:{line}: iso2 {iso2!r} is not 2 capital letters")
            if iso3 in PSEUDO_COUNTRIES:
                raise ResourceError(f"{where}:{line}: {iso3!r} is reserved for organisations")
            names = _phrases(name_cell, where, line, "name")
            if len(names) != 1:
                raise ResourceError(f"{where}:{line}: expected one name, found {name_cell!r}")
            columns = zip(cells[3:], COUNTRY_COLUMNS[3:], strict=True)
            lists = [_phrases(cell, where, line, column) for cell, column in columns]
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
    where, text = _read_text("countries.tsv", path)
    return parse_countries(text, where)


# -------------------------------------------------------------------- organisations


class OrganizationIndex:
    """Organisations by name or alias."""

    def __init__(self, rows: Iterable[tuple[int, Organization]], where: str) -> None:
        self._table = _PhraseTable[Organization](where, "organisation name")
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
            yield from _matcher_phrases(groups, org.exact_case, case_sensitive, org)


def parse_organizations(
    text: str, where: str, country_codes: Iterable[str] | None = None
) -> OrganizationIndex:
    """Parse the text of an organisations file. ``country_codes`` are the ISO alpha-3
    codes a row may name besides IGO and NGO; None accepts any three capital letters."""
    known = None if country_codes is None else frozenset(country_codes) | PSEUDO_COUNTRIES

    def rows() -> Iterator[tuple[int, Organization]]:
        for line, cells in _rows(text, where, ORGANIZATION_COLUMNS):
            name_cell, alias_cell, country, sector, kind = cells
            names = _phrases(name_cell, where, line, "name")
            if len(names) != 1:
                raise ResourceError(f"{where}:{line}: expected one name, found {name_cell!r}")
            aliases = _phrases(alias_cell, where, line, "aliases")
            org = Organization(
                name=names[0][0],
                aliases=tuple(phrase for phrase, _ in aliases),
                country=_country_code(country, known, where, line),
                sector=_optional_code(sector, SECTOR_CODES, where, line, "sector code"),
                kind=_optional_code(kind, ORGANIZATION_KINDS, where, line, "organisation kind"),
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
        if not _is_code(value, 3):
            raise ResourceError(f"{where}:{line}: country {value!r} is not an alpha-3 code")
        return value
    return _optional_code(value, known, where, line, "country code")


@lru_cache(maxsize=4)
def organizations(path: Path | None = None) -> OrganizationIndex:
    """The organisation table (the packaged ``organizations.tsv`` unless ``path`` is
    given), its countries checked against the packaged country table."""
    where, text = _read_text("organizations.tsv", path)
    codes = [country.iso3 for country in countries()]
    return parse_organizations(text, where, codes)


# -------------------------------------------------------------------------- sectors


def _singular_forms(word: str) -> list[str]:
    """Candidate singulars of a regular English plural, most specific first."""
    forms: list[str] = []
    if word.endswith("men") and len(word) > 4:
        forms.append(word[:-3] + "man")
    if word.endswith("ies") and len(word) > 4:
        forms.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 3:
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 2:
        forms.append(word[:-1])
    return forms


class SectorIndex:
    """Sector nouns and titles, looked up in lower case, plurals folded."""

    def __init__(self, rows: Iterable[tuple[int, SectorTerm]], where: str) -> None:
        self._terms: dict[str, tuple[SectorTerm, int]] = {}
        found: list[SectorTerm] = []
        for line, term in rows:
            key = normalize(term.term)
            if key in self._terms:
                raise ResourceError(
                    f"{where}:{line}: term {term.term!r} is already listed "
                    f"on line {self._terms[key][1]}"
                )
            self._terms[key] = (term, line)
            found.append(term)
        self.terms: tuple[SectorTerm, ...] = tuple(found)

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self) -> Iterator[SectorTerm]:
        return iter(self.terms)

    def lookup(self, term: str) -> SectorTerm | None:
        """The entry for a noun phrase's words ("Police officers" -> police officer).
        A listed form wins; otherwise the last word's regular plural is undone."""
        key = normalize(term)
        found = self._terms.get(key)
        if found is not None:
            return found[0]
        head, _, last = key.rpartition(" ")
        for singular in _singular_forms(last):
            found = self._terms.get(f"{head} {singular}" if head else singular)
            if found is not None:
                return found[0]
        return None

    def phrases(self) -> Iterator[tuple[str, str, SectorTerm]]:
        """(phrase, kind, term) for a phrase matcher (match on lower case); kind is the
        term's kind: "title", "noun" or "attacker"."""
        for term in self.terms:
            yield term.term, term.kind, term


def parse_sector_terms(text: str, where: str) -> SectorIndex:
    """Parse the text of a sector-terms file; errors name ``where`` and the line."""

    def rows() -> Iterator[tuple[int, SectorTerm]]:
        for line, (term, sector, kind) in _rows(text, where, SECTOR_COLUMNS):
            if not term:
                raise ResourceError(f"{where}:{line}: empty term")
            if term != term.lower():
                raise ResourceError(f"{where}:{line}: term {term!r} must be lower case")
            if kind not in SECTOR_TERM_KINDS:
                raise ResourceError(
                    f"{where}:{line}: kind {kind!r} is not one of {sorted(SECTOR_TERM_KINDS)}"
                )
            code = _optional_code(sector, SECTOR_CODES, where, line, "sector code")
            yield line, SectorTerm(term, code, kind)

    return SectorIndex(rows(), where)


@lru_cache(maxsize=4)
def sector_terms(path: Path | None = None) -> SectorIndex:
    """The sector-word table (the packaged ``sectors.tsv`` unless ``path`` is given)."""
    where, text = _read_text("sectors.tsv", path)
    return parse_sector_terms(text, where)
