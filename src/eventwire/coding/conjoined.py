"""Clauses a verb shares with the verb it is joined to.

A verb joined by "and" to an earlier one, with no subject nor auxiliary of its own,
is told the same way: "Terrorism kills innocent people and destroys families" is a
generic statement in both verbs, "they have long opposed the dam and criticised the
plan" a standing attitude in both. ``shared_head`` gives the earlier verb, whose
reading the factuality stage then applies to the joined one.
"""

from __future__ import annotations

from typing import Any

_STATE_VERBS = frozenset({"be", "have", "remain", "seem"})
_OWN_CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "mark", "expl"})


def shared_head(verb: Any) -> Any | None:
    """The verb ``verb`` is joined to when it shares that verb's subject and tense,
    or None."""
    head = verb.head
    if verb.dep_ != "conj" or head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    if verb.pos_ != "VERB" or any(c.dep_ in _OWN_CLAUSE_DEPS for c in verb.children):
        return None
    if verb.tag_ != head.tag_:
        return None  # "was arrested and charged" keeps its own reading
    if str(head.lemma_).lower() in _STATE_VERBS:
        return None  # "is now wanted and faces charges": a state, then the news
    return head
