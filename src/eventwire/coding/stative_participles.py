"""Participles of a stance: "X is opposed to Y", "X is committed to Z".

English builds a stance from the verb's participle and "be", in the shape of a passive:
"Israel is opposed to the plan", "Chile is committed to opening its markets", "the
rebels are determined to fight on". The subject of such a clause holds the stance, so
it is who acts (who rejects, who commits itself); it is not what something was done to,
as it is in a true passive ("the plan was opposed by Israel"). A stance participle
names no agent with "by" and goes on with what the stance is about: a "to" phrase or an
infinitive ("is opposed to mediation", "is determined to fight").
"""

from __future__ import annotations

from typing import Any

# Verbs whose participle after "be" tells a stance its subject holds.
STANCE_PARTICIPLES = frozenset(
    {"oppose", "commit", "determine", "dedicate", "devote", "resolve", "prepare", "poise"}
)


def is_stance(verb: Any) -> bool:
    """Whether ``verb`` is a stance participle in a clause built like a passive ("is
    opposed to", "are determined to"): its subject is who acts."""
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in STANCE_PARTICIPLES:
        return False
    children = list(verb.children)
    if not any(c.dep_ == "auxpass" and c.lemma_.lower() == "be" for c in children):
        return False
    if any(c.dep_ == "agent" for c in children):
        return False  # "the plan was opposed by Israel": a true passive
    return any((c.dep_ == "prep" and c.lower_ == "to") or c.dep_ == "xcomp" for c in children)
