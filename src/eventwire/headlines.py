"""Headlines: how a title is read, and which events it announces.

News titles are written in Title Case ("Rebels Quit Peace Talks in Northern Province"),
which spaCy's small model reads as a string of proper nouns: it finds no verb and no
event. ``sentence_case`` gives the parser a sentence-cased copy of such a title, of the
same length so that every offset stays an offset into the article's text. A word keeps
its capital when it is the first word, an acronym or a mixed-case name ("EU",
"McDonald"), a word of a country's name, demonym or capital, or a word the article's
body writes with a capital inside a sentence ("Kharkiv", "Hamas").

``fold_headline_events`` then marks the events the headline reports, the way GDELT's
``IsRootEvent`` marks events of the lead: a title event that the body also tells (the
same type and factuality, no actor or recipient country that disagrees) is folded into
the first such body event, which becomes the headline event; a title event that the body
does not tell is kept, marked as the headline event itself. The body event takes the
actor, recipient and casualty figures it lacks from the title; where both give a
figure, the lower stands (ACLED's rule).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from eventwire.knowledge.countries import countries
from eventwire.model import Actor, Event

# A title is in Title Case when at least this share of its words begin with a capital.
_TITLE_CASE_SHARE = 0.6
_MIN_WORDS = 3
_WORD_RE = re.compile(r"[^\W\d_][\w'\u2019.-]*")
# A capitalised word after a lower-case word or a comma is capitalised for itself.
_INNER_CAPITAL_RE = re.compile(r"(?<=[a-z0-9,;:] )([A-Z][\w'\u2019-]*)")
_COUNTS = ("dead", "injured", "arrested")


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    """Lower-cased words of every country's name, alias, demonym and capital."""
    words: set[str] = set()
    for phrase, _kind, _country in countries().phrases():
        words.update(w.lower() for w in _WORD_RE.findall(phrase))
    return frozenset(words)


def is_title_case(title: str) -> bool:
    """Whether most words of ``title`` begin with a capital (three words or more)."""
    words: list[str] = _WORD_RE.findall(title)
    if len(words) < _MIN_WORDS:
        return False
    capitals = sum(word[0].isupper() for word in words)
    return capitals >= _TITLE_CASE_SHARE * len(words)


def proper_words(body: str) -> frozenset[str]:
    """Words the body writes with a capital inside a sentence (names, not starts)."""
    return frozenset(match.group(1) for match in _INNER_CAPITAL_RE.finditer(body))


def _keeps_capital(word: str, first: bool, proper: frozenset[str]) -> bool:
    if first or not word[0].isupper():
        return True
    if any(c.isupper() for c in word[1:]):  # "EU", "U.N.", "McDonald"
        return True
    return word in proper or word.lower() in _country_words()


def sentence_case(title: str, proper: frozenset[str] = frozenset()) -> str:
    """``title`` sentence-cased for the parser when it is in Title Case, else unchanged.

    The result has the length of ``title``; a word whose lower-case form would not
    (a rare Unicode case) keeps its capital.
    """
    if not is_title_case(title):
        return title
    parts: list[str] = []
    last = 0
    for index, match in enumerate(_WORD_RE.finditer(title)):
        word = match.group(0)
        parts.append(title[last : match.start()])
        lowered = word.lower()
        keep = _keeps_capital(word, index == 0, proper) or len(lowered) != len(word)
        parts.append(word if keep else lowered)
        last = match.end()
    parts.append(title[last:])
    return "".join(parts)


# ----------------------------------------------------------------------------- events


def _lower(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else min(a, b)


def _countries_agree(a: Actor | None, b: Actor | None) -> bool:
    return (
        a is None or b is None or a.country is None or b.country is None or (a.country == b.country)
    )


def _tells_same(title_event: Event, body_event: Event) -> bool:
    return (
        title_event.type == body_event.type
        and title_event.factual == body_event.factual
        and (title_event.mode is None or body_event.mode in (None, title_event.mode))
        and _countries_agree(title_event.actor, body_event.actor)
        and _countries_agree(title_event.recipient, body_event.recipient)
    )


def fold_headline_events(title_events: Iterable[Event], body_events: list[Event]) -> list[Event]:
    """The article's events once the title's are folded in (see the module docstring).

    Title events that the body does not tell come first (the title comes first in the
    text), then the body events in their order; a body event that tells a title event
    is marked ``headline``. Body events are compared as the body told them; a body
    event takes sides from the title only when one title event folds into it (not from
    the two directions of "Kenya and Ethiopia Sign Agreement").
    """
    as_told = {id(e): replace(e) for e in body_events}
    folded: dict[int, list[Event]] = {}
    kept: list[Event] = []
    for title_event in title_events:
        told = next((e for e in body_events if _tells_same(title_event, as_told[id(e)])), None)
        if told is None:
            title_event.headline = True
            kept.append(title_event)
            continue
        told.headline = True
        folded.setdefault(id(told), []).append(title_event)
        for count in _COUNTS:
            setattr(told, count, _lower(getattr(told, count), getattr(title_event, count)))
    for told in body_events:
        sources = folded.get(id(told), [])
        if len(sources) != 1:
            continue
        for side in ("actor", "recipient"):
            if getattr(told, side) is None and getattr(sources[0], side) is not None:
                setattr(told, side, replace(getattr(sources[0], side)))
    return kept + body_events
