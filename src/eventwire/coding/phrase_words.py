"""What the actor lexicons say of a phrase's words, remembered.

The phrase coder (``coding.actors.code_phrase``) looks every n-gram of a phrase up in
five tables: organisations, and countries by name, demonym and capital, and sector
words. The same words recur across phrases and articles ("the police", "government"),
so the answers are kept per text, for the lexicons loaded now.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from eventwire import knowledge
from eventwire.knowledge import Country, Organization, SectorTerm

# A bound on memory over a long run.
_MAX_REMEMBERED = 100_000


class PhraseWords(NamedTuple):
    """The lexicons' answers for one n-gram's text."""

    organization: Organization | None
    country: Country | None  # by name, else by demonym, else by capital (see ``kind``)
    kind: str  # "name", "demonym" or "capital"
    sector_term: SectorTerm | None  # looked up in lower case


class WordLookup:
    """The lexicons' answers by text, remembered."""

    def __init__(self, tables: tuple[Any, Any, Any]) -> None:
        self.tables = tables  # countries, organisations, sector words
        self._known: dict[str, PhraseWords] = {}

    def words(self, text: str) -> PhraseWords:
        known = self._known.get(text)
        if known is None:
            known = self._look_up(text)
            if len(self._known) >= _MAX_REMEMBERED:
                self._known.clear()
            self._known[text] = known
        return known

    def _look_up(self, text: str) -> PhraseWords:
        countries, organizations, sectors = self.tables
        found, kind = countries.lookup_name(text), "name"
        if found is None:
            found, kind = countries.lookup_demonym(text), "demonym"
        if found is None:
            found, kind = countries.lookup_capital(text), "capital"
        return PhraseWords(organizations.lookup(text), found, kind, sectors.lookup(text.lower()))


_CURRENT: list[WordLookup] = []


def lookup() -> WordLookup:
    """The remembered answers of the lexicons loaded now (a new lexicon starts afresh)."""
    tables = (knowledge.countries(), knowledge.organizations(), knowledge.sector_terms())
    current = _CURRENT[0] if _CURRENT else None
    if current is None or any(a is not b for a, b in zip(current.tables, tables, strict=True)):
        current = WordLookup(tables)
        _CURRENT[:] = [current]
    return current
