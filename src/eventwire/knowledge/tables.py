"""Shared pieces of the actor knowledge base: the record types, the codes they may
use, name normalisation, and the reader of its tab-separated files."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from eventwire.errors import ResourceError

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

# Texts whose lookup a table remembers (the words of actor phrases recur).
_MAX_REMEMBERED = 1 << 16


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


def matcher_phrases(
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


class PhraseTable(Generic[T]):
    """Phrases -> entries, case-folded or exact-case, refusing a phrase that would
    name two different entries."""

    def __init__(self, where: str, what: str) -> None:
        self._where = where
        self._what = what
        self._folded: dict[str, tuple[T, int]] = {}
        self._exact: dict[str, tuple[T, int]] = {}
        self._found: dict[str, T | None] = {}  # what ``get`` answered, by text

    def add(self, phrase: str, exact_case: bool, entry: T, line: int) -> None:
        self._found.clear()
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
        if text in self._found:
            return self._found[text]
        exact = self._exact.get(normalize(text, fold_case=False))
        if exact is not None:
            found: T | None = exact[0]
        else:
            folded = self._folded.get(normalize(text))
            found = folded[0] if folded is not None else None
        if len(self._found) >= _MAX_REMEMBERED:
            self._found.clear()  # a bound on memory over a long run
        self._found[text] = found
        return found


# -------------------------------------------------------------------------- reading


def phrase_cell(cell: str, where: str, line: int, column: str) -> list[tuple[str, bool]]:
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


def is_code(value: str, length: int) -> bool:
    """True for ``length`` ASCII capital letters ("FRA", "FR")."""
    return len(value) == length and value.isascii() and value.isalpha() and value.isupper()


def optional_code(value: str, valid: Iterable[str], where: str, line: int, what: str) -> str | None:
    if not value:
        return None
    if value not in valid:
        raise ResourceError(f"{where}:{line}: unknown {what} {value!r}")
    return value
