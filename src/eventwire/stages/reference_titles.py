"""Small tests the article's references use for titles and bodies (``References``)."""

from __future__ import annotations

from typing import Any

from eventwire.coding.actors import PhraseCode
from eventwire.knowledge import sector_terms


def title_words(head: Any) -> frozenset[str]:
    """The title words before a person's name in its phrase ("Ambassador" of
    "Ambassador Andrei Karlov"), lower case."""
    terms = sector_terms()
    words = set()
    for token in head.subtree:
        if token.i >= head.i or token.ent_type_ == "PERSON":
            continue
        term = terms.lookup(token.lower_)
        if term is not None and term.kind == "title":
            words.add(token.lemma_.lower())
            words.add(token.lower_)
    return frozenset(words)


def persons_country(code: PhraseCode, other: PhraseCode) -> bool:
    """Whether ``other`` names a person ("Australian Foreign Minister Jane Doe") and
    ``code`` is a body of the same sector ("the authorities", "police"): a body takes
    the country of the event's place, not of a named person's nationality."""
    if code.sector_kind != "noun" or code.person is not None:
        return False
    return other.person is not None and not other.country_only  # "Tunisia" read as a name
