"""How far an article's named attackers reach to an attack told without its doer.

"He was shot dead" in a story of "the gunmen" takes the gunmen as its actor
(``actor_defaults.named_attacker``), but only within the telling of one incident: never
across a sentence that opens on its own calendar date ("On 16 March, ..."), which
starts the next incident of a list of snippets or of a chronology. (A window of a few
sentences was tried in session 24: it dropped attackers that a headline or a lead names
far from the telling, two right actors of the held-out audit.)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventwire.model import Actor

# Entity labels of a date that opens a sentence ("On 16 March,", "On Tuesday,").
_DATE_ENTITIES = frozenset({"DATE", "TIME"})


def opens_on_its_date(sentence: Any) -> bool:
    """Whether a sentence opens with "On <date>," (or "<date>," alone): a new incident
    of a list, told with its own day."""
    tokens = [t for t in sentence if not t.is_space]
    if tokens and tokens[0].lower_ == "on":
        tokens = tokens[1:]
    if not tokens or tokens[0].ent_type_ not in _DATE_ENTITIES:
        return False
    calendar = False  # a day of the month or a year, not only "Tuesday"
    for token in tokens:
        if token.ent_type_ not in _DATE_ENTITIES:
            return calendar and token.text == ","
        calendar = calendar or token.like_num
    return False


def _index(starts: Sequence[int], offset: int) -> int:
    """The index of the sentence holding character ``offset``."""
    index = 0
    for i, start in enumerate(starts):
        if start > offset:
            break
        index = i
    return index


def within_reach(spacy_doc: Any, found: Sequence[Actor], offset: int) -> list[Actor]:
    """The attackers of ``found`` named in the incident told at character ``offset``:
    no sentence opening on its own date from theirs to the event's (both included when
    the later one opens so)."""
    if spacy_doc is None:
        return list(found)
    sentences = list(spacy_doc.sents)
    if not sentences:
        return list(found)
    starts = [s.start_char for s in sentences]
    dated = [opens_on_its_date(s) for s in sentences]
    here = _index(starts, offset)
    kept: list[Actor] = []
    for actor in found:
        there = _index(starts, actor.start or 0)
        low, high = min(here, there), max(here, there)
        if any(dated[low + 1 : high + 1]):
            continue
        kept.append(actor)
    return kept
