"""How far an article's named attackers reach to an attack told without its doer.

"He was shot dead" in a story of "the gunmen" takes the gunmen as its actor
(``actor_defaults.named_attacker``), but only within the telling of one incident: the
attackers named in the event's sentence or the few before it (or, when none is named
before, in the next one: "He was shot dead. Police are hunting the gunmen."), never
across a sentence that opens on its own date ("On 16 March, ..."), which starts the
next incident of a list of snippets or of a chronology.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventwire.model import Actor

# Sentences before the event's own that still tell its incident.
REACH_BEFORE = 2
# Sentences after it: the next one ("Police are hunting the gunmen").
REACH_AFTER = 1
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
    for token in tokens:
        if token.ent_type_ not in _DATE_ENTITIES:
            return bool(token.text == ",")
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
    in its sentence or the ``REACH_BEFORE`` before it, or the ``REACH_AFTER`` after it,
    with no sentence opening on its own date from theirs to the event's (both
    included when the later one opens so)."""
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
        if there < here - REACH_BEFORE or there > here + REACH_AFTER:
            continue
        low, high = min(here, there), max(here, there)
        if any(dated[low + 1 : high + 1]):
            continue
        kept.append(actor)
    return kept
