"""Words of an article that name people, not places, in all their mentions: the words
of multi-word PERSON names ("Blinken" once "Antony Blinken" was seen), which the
mention finder (``mentions.py``) keeps from being read as places.
"""

from __future__ import annotations

from typing import Any

from eventwire.gazetteer.names import name_key

__all__ = ["person_words"]

# Words that end the names of buildings, streets and sites, not of people.
_PLACE_HEAD_WORDS = frozenset(
    {"castle", "street", "road", "avenue", "square", "park", "bridge", "tower", "palace",
     "mosque", "church", "cathedral", "temple", "fort", "gate", "hall", "museum", "hospital"}
)  # fmt: skip


def person_words(spacy_doc: Any) -> set[str]:
    """Words of multi-word PERSON names: "Blinken" once "Antony Blinken" was seen (not
    from names of buildings and streets the model took for people: "Karak Castle")."""
    words: set[str] = set()
    for ent in spacy_doc.ents:
        if ent.label_ == "PERSON" and 1 < len(ent) <= 4 and all(t.is_title for t in ent):
            if ent[-1].lower_ in _PLACE_HEAD_WORDS:
                continue
            words.update(name_key(token.text) for token in ent)
    return words
