"""The layout of scraped news text: lines, repeated blocks, stray lines, titles and
photo credits. Segmentation and the clean stage both read articles through these
primitives; the word lists are ``data/boilerplate.txt`` and ``data/photo_credits.tsv``.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.datafiles import data_lines, read_word_table

REPEAT_WINDOW = 20  # a header block repeats within this many non-empty lines
STRAY_MAX_CHARS = 3  # lines this short are logo text or separators ("TT", "***")
PREFIX_MAX_CHARS = 80  # boilerplate prefixes only match lines up to this long
MIN_TITLE_WORDS = 2
MAX_TITLE_WORDS = 30
MAX_TITLE_CHARS = 200
MAX_CREDIT_CHARS = 80

_TITLE_END_PUNCTUATION = frozenset(".,;:")
_CLOSING_QUOTES = "\"'”’»)]"
_OPENING_QUOTES = "\"'“‘«"
_BOILERPLATE_TRAILING = " .:|>»›→"
_CREDIT_RE = re.compile(rf"(?:^|(?<=\s))\((?P<text>[^()]{{1,{MAX_CREDIT_CHARS}}})\)$")
_WORD_RE = re.compile(r"[^\W\d_]+")


# --- Lines -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text: ``text`` is the line stripped of surrounding whitespace and
    ``start``/``end`` are its offsets in the text (``start == end`` for a blank line)."""

    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` (split on "\\n"), with the offsets of its stripped content."""
    lines: list[Line] = []
    offset = 0
    for raw_line in text.split("\n"):
        stripped = raw_line.strip()
        start = offset + (len(raw_line) - len(raw_line.lstrip()))
        lines.append(Line(start=start, end=start + len(stripped), text=stripped))
        offset += len(raw_line) + 1
    return lines


def repeats_within(texts: list[str], index: int, window: int = REPEAT_WINDOW) -> bool:
    """True when ``texts[index]`` occurs again among the next ``window`` items."""
    return texts[index] in texts[index + 1 : index + 1 + window]


# --- Layout word lists -----------------------------------------------------------------


class CreditKind(enum.StrEnum):
    PHOTO = "photo"  # the credit names an image ("AP Photo/...", "Getty Images")
    AGENCY = "agency"  # a bare agency name ("AP", "Reuters")


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """The stray lines of ``data/boilerplate.txt``, lower-cased."""

    lines: frozenset[str]
    prefixes: tuple[str, ...]

    def matches(self, text: str) -> bool:
        lowered = text.lower()
        if lowered.rstrip(_BOILERPLATE_TRAILING) in self.lines:
            return True
        return len(text) <= PREFIX_MAX_CHARS and lowered.startswith(self.prefixes)


@lru_cache(maxsize=1)
def boilerplate() -> Boilerplate:
    """The boilerplate lines from ``data/boilerplate.txt``."""
    lines: set[str] = set()
    prefixes: list[str] = []
    for _, entry in data_lines("boilerplate.txt")[1]:
        if entry.endswith("*"):
            prefixes.append(entry[:-1].lower())
        else:
            lines.add(entry.lower().rstrip(_BOILERPLATE_TRAILING))
    return Boilerplate(frozenset(lines), tuple(prefixes))


@lru_cache(maxsize=1)
def credit_words() -> dict[str, CreditKind]:
    """The words that mark a photo credit, from ``data/photo_credits.tsv``."""
    words: dict[str, CreditKind] = {}
    kinds = {kind.value: kind for kind in CreditKind}
    words.update(read_word_table("photo_credits.tsv", "kind", kinds.get, "photo|agency"))
    return words


# --- Line tests ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Credit:
    """A parenthesised photo credit at the end of a line. ``start``/``end`` are offsets
    in the line's stripped text and include the parentheses; ``text`` does not."""

    start: int
    end: int
    text: str
    kind: CreditKind


def find_credit(text: str) -> Credit | None:
    """The photo credit that ends ``text`` ("... 2024. (AP Photo/Jane Doe)"), if any.

    The parenthesis must hold a word from ``data/photo_credits.tsv``; a photo word
    outranks an agency name, so "(AP Photo/Jane Doe)" is a photo credit.
    """
    match = _CREDIT_RE.search(text)
    if match is None:
        return None
    words = credit_words()
    kinds = {words.get(word.lower()) for word in _WORD_RE.findall(match.group("text"))}
    if CreditKind.PHOTO in kinds:
        kind = CreditKind.PHOTO
    elif CreditKind.AGENCY in kinds:
        kind = CreditKind.AGENCY
    else:
        return None
    return Credit(match.start(), match.end(), match.group("text").strip(), kind)


def is_stray(text: str) -> bool:
    """True for a stray line: 1 to 3 characters (logo text, separators) or boilerplate."""
    return 0 < len(text) <= STRAY_MAX_CHARS or boilerplate().matches(text)


def is_title_like(text: str) -> bool:
    """True when a stripped line could be a headline: 2 to 30 words, at most 200
    characters, starting with a capital, digit or quote, not ending with a period,
    comma, colon or semicolon, and neither a caption with a credit nor boilerplate."""
    words = text.split()
    if not MIN_TITLE_WORDS <= len(words) <= MAX_TITLE_WORDS or len(text) > MAX_TITLE_CHARS:
        return False
    first = text[0]
    if not (first.isupper() or first.isdigit() or first in _OPENING_QUOTES):
        return False
    last = text.rstrip(_CLOSING_QUOTES)[-1:]
    if last in _TITLE_END_PUNCTUATION:
        return False
    return find_credit(text) is None and not is_stray(text)


# --- Segmentation ----------------------------------------------------------------------
