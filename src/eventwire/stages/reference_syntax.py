"""The shapes of parse that ``stages.actor_references`` reads a phrase by: whether it
attacks in its clause, names a place where something happened, carries a name of its
own, is definite, counts a group of parties, and the subject an object pronoun never
stands for."""

from __future__ import annotations

from typing import Any

from eventwire.coding.syntax import children

# Plural nouns that stand for states: each member is that state's government.
STATE_NOUNS = frozenset({"country", "nation", "state", "government", "neighbour", "neighbor"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "pobj"})
# "the two leaders", "both sides", "the three countries": how many parties they count.
_GROUP_COUNTS = {"two": 2, "both": 2, "three": 3}
# Plural nouns whose counted group is of different parties ("the two leaders", "both
# sides"); "both officers" are more often two of one side.
_GROUP_NOUNS = STATE_NOUNS | frozenset(
    {"leader", "minister", "president", "premier", "counterpart", "side", "party",
     "delegation", "rival", "envoy", "negotiator", "army", "military"}
)  # fmt: skip
_ATTACK_VERBS = frozenset(
    {"shoot", "stab", "attack", "kill", "assassinate", "murder", "gun", "assault", "bomb"}
)
# Prepositions through which a named place is where something happened, not a party.
_PLACE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "around", "throughout", "on"}
)
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def attacks(head: Any) -> bool:
    """Whether a phrase is who shoots, stabs or attacks in its clause ("a policeman
    fatally shot the envoy", "was stabbed by a neighbour")."""
    if head.dep_ == "nsubj":
        verb = head.head
    elif head.dep_ == "pobj" and head.head.lower_ == "by" and head.head.dep_ == "agent":
        verb = head.head.head
    else:
        return False
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _ATTACK_VERBS


def own_subject(pronoun: Any) -> frozenset[int]:
    """The tokens of the subject of the clause an object pronoun belongs to, which the
    pronoun never stands for ("the court charged him", "the army said troops shot
    them"): a reflexive would be used for that."""
    if pronoun.dep_ not in _OBJECT_DEPS:
        return frozenset()
    clause = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    while (
        clause.dep_ == "conj"
        and not children(clause, "nsubj", "nsubjpass")
        and clause.head.i != clause.i
    ):
        clause = clause.head  # "met his counterpart and urged him": the shared subject
    found: set[int] = set()
    for subject in children(clause, "nsubj", "nsubjpass"):
        for token in (subject, *subject.conjuncts):
            found.update(t.i for t in token.subtree)
    return frozenset(found)


def group_count(head: Any) -> int | None:
    """How many parties a plural description counts ("the two leaders": 2, "both
    sides": 2), or None when it is no counted definite plural."""
    if head.tag_ not in ("NNS", "NNPS") or head.pos_ != "NOUN":
        return None
    if head.lemma_.lower() not in _GROUP_NOUNS:
        return None
    count: int | None = None
    definite = False
    for child in head.children:
        word = child.lower_
        if child.dep_ in ("nummod", "det", "predet") and word in _GROUP_COUNTS:
            count = _GROUP_COUNTS[word]
            definite = definite or word == "both"
        elif child.dep_ == "det" and word in _DEFINITE:
            definite = True
        elif child.dep_ in ("amod", "compound", "prep", "poss", "relcl", "acl"):
            return None  # "the two Kenyan officers", "the two sides' positions"
    return count if definite else None


def is_place(head: Any) -> bool:
    """Whether a named phrase is a place where something happened ("met in Nairobi")."""
    return (
        head.dep_ == "pobj"
        and head.ent_type_ in _PLACE_ENTITIES
        and head.head.lower_ in _PLACE_PREPS
    )


def has_own_name(head: Any) -> bool:
    """Whether a description carries a name of its own ("the Islamic State group", "the
    Kurdistan Workers' Party"): it is that one, not the last of its kind."""
    return head.pos_ == "PROPN" or any(
        child.dep_ in ("compound", "amod", "nmod") and child.pos_ == "PROPN"
        for child in head.children
    )


def is_definite(head: Any) -> bool:
    """Whether a description opens with a definite word ("the", "this", "those")."""
    return any(child.dep_ == "det" and child.lower_ in _DEFINITE for child in head.children)
