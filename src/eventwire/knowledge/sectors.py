"""Nouns and titles that give an actor's PLOVER sector."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from eventwire.datafiles import read_data, table_rows
from eventwire.errors import ResourceError
from eventwire.knowledge.tables import (
    SECTOR_CODES,
    SECTOR_COLUMNS,
    SECTOR_TERM_KINDS,
    SectorTerm,
    normalize,
    optional_code,
)  # fmt: skip

# -------------------------------------------------------------------------- sectors

# Terms whose lookup the index remembers (the words of actor phrases recur).
_MAX_REMEMBERED = 1 << 16


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
        self._found: dict[str, SectorTerm | None] = {}  # what ``lookup`` answered

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self) -> Iterator[SectorTerm]:
        return iter(self.terms)

    def lookup(self, term: str) -> SectorTerm | None:
        """The entry for a noun phrase's words ("Police officers" -> police officer).
        A listed form wins; otherwise the last word's regular plural is undone."""
        if term in self._found:
            return self._found[term]
        if len(self._found) >= _MAX_REMEMBERED:
            self._found.clear()  # a bound on memory over a long run
        entry = self._found[term] = self._lookup(term)
        return entry

    def _lookup(self, term: str) -> SectorTerm | None:
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
        for line, (term, sector, kind) in table_rows(text, where, SECTOR_COLUMNS):
            if not term:
                raise ResourceError(f"{where}:{line}: empty term")
            if term != term.lower():
                raise ResourceError(f"{where}:{line}: term {term!r} must be lower case")
            if kind not in SECTOR_TERM_KINDS:
                raise ResourceError(
                    f"{where}:{line}: kind {kind!r} is not one of {sorted(SECTOR_TERM_KINDS)}"
                )
            code = optional_code(sector, SECTOR_CODES, where, line, "sector code")
            yield line, SectorTerm(term, code, kind)

    return SectorIndex(rows(), where)


@lru_cache(maxsize=4)
def sector_terms(path: Path | None = None) -> SectorIndex:
    """The sector-word table (the packaged ``sectors.tsv`` unless ``path`` is given)."""
    where, text = read_data("sectors.tsv", path)
    return parse_sector_terms(text, where)
