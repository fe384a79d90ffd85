"""Place-name normalisation: the key the gazetteer is indexed and searched by."""

from __future__ import annotations

import re
import unicodedata

# Latin letters that Unicode decomposition leaves alone.
_LATIN_LETTERS = str.maketrans(
    {
        "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "ı": "i", "đ": "d", "Đ": "d", "ð": "d",
        "Ð": "d", "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th",
        "Þ": "th", "ħ": "h", "Ħ": "h",
    }
)  # fmt: skip
_DROPPED = re.compile(r"['’‘ʼʻ`´.]")
_SEPARATORS = re.compile(r"[\W_]+")
# Characters outside Latin script, its diacritics and typographic punctuation.
NON_LATIN = re.compile(r"[^\x00-\u024f\u02b0-\u036f\u1e00-\u1eff\u2010-\u201f]")


# A bare point of the compass names a part of the country the article is about ("the
# West", "the South", "dcp west") or a side ("the West condemned"), not the first-level
# regions of Cameroon or Israel that GeoNames calls so.
COMPASS_WORDS = frozenset({"north", "south", "east", "west", "centre", "center"})


def is_compass_word(name: str) -> bool:
    """Whether ``name`` is a bare point of the compass ("West", "the South")."""
    return name_key(name) in COMPASS_WORDS


def name_key(name: str) -> str:
    """The normalised form of a place name that the gazetteer is indexed by.

    >>> name_key("The Côte d’Ivoire"), name_key("U.S."), name_key("Nagorno-Karabakh")
    ('cote divoire', 'us', 'nagorno karabakh')
    """
    text = name
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_LATIN_LETTERS))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _DROPPED.sub("", text.casefold())
    text = " ".join(_SEPARATORS.sub(" ", text).split())
    if text.startswith("the "):
        text = text[4:]
    return text


def usable_key(key: str) -> bool:
    """Keys in Latin script with at least two characters and no digits."""
    return len(key) >= 2 and key.isascii() and key.replace(" ", "").isalpha()


def looks_like_code(name: str) -> bool:
    """Short all-capital alternate names are mostly airport and postal codes."""
    return len(name) <= 4 and name.isupper() and " " not in name
