"""Verb forms that name no event of their own: a verb used as a noun ("evacuated the
wounded"), a participle written as an adjective without its hyphen ("riot hit areas"),
and a participle that describes its noun ("weapons seized last year"). Read by
``coding.triggers``."""

from __future__ import annotations

from typing import Any

from eventwire.coding.lexicon import PatternSet
from eventwire.coding.syntax import children

# Where a noun stands in a clause, and what only a verb has.
_NOUN_PLACES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
_ARGUMENT_DEPS = ("dobj", "agent", "prep", "ccomp", "xcomp", "nsubj", "nsubjpass", "aux", "auxpass")


def unhyphenated_adjective(verb: Any) -> bool:
    """A participle that makes an adjective with the noun right before it, written
    without the hyphen ("curfew in the riot hit areas", "relief for flood affected
    villages"): the parse takes it for a verb of its own, but it has no subject, and
    no verb of its own follows a bare noun that is no argument of it (a verb joined to
    another comes after "and", a comma or an adverb) and names the noun right after it
    ("people killed in the violence" is a participle of "people", no adjective)."""
    if verb.tag_ not in ("VBN", "VBD") or verb.i == 0 or verb.dep_ == "ROOT":
        return False
    before = verb.doc[verb.i - 1]
    if before.pos_ != "NOUN" or verb.i + 1 >= len(verb.doc):
        return False
    after = verb.doc[verb.i + 1]
    if before.head.i == verb.i or verb.head.i == before.i or after.pos_ != "NOUN":
        return False  # "the mob hit ...", "five people killed in the blast"
    if any(a.i == verb.i for a in before.ancestors):
        return False  # "Soldiers deployed in the region killed civilians"
    if children(verb, "dobj") and _reduced_relative(verb.head):
        # "Gunmen linked to the cartel killed police officers": the parser made the
        # reduced relative the head of the real verb
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)


def _reduced_relative(verb: Any) -> bool:
    """A participle with a subject of its own and no object or auxiliary ("Troops sent
    to the area ...", read by the parser as the clause's verb)."""
    return (
        verb.tag_ in ("VBN", "VBD")
        and bool(children(verb, "nsubj"))
        and not children(verb, "dobj", "aux", "auxpass")
    )


def is_nominal(verb: Any) -> bool:
    """A verb form used as a noun ("evacuated the wounded"; "to nab the other accused",
    "the three accused were held": a participle in a noun's place, with a noun's
    modifiers and no argument of its own)."""
    if any(child.dep_ == "det" for child in verb.children):
        return True
    if verb.tag_ != "VBN" or children(verb, *_ARGUMENT_DEPS):
        return False
    if verb.dep_ == "acl":
        return bool(verb.head.pos_ == "NUM" and verb.i == verb.head.i + 1)  # "the three accused"
    return verb.dep_ in _NOUN_PLACES and any(
        c.dep_ in ("amod", "nummod") and c.i < verb.i for c in verb.children
    )  # "the other accused", "two more accused"


def is_description(verb: Any, patterns: PatternSet) -> bool:
    """A past participle that describes a noun without naming who acted ("weapons
    seized last year", "the curfew imposed in May"): background, not an event. A toll
    is told that way too ("the number of people killed in the bombing") and counts."""
    if any(p.casualty for p in patterns.for_verb(verb.lemma_.lower())):
        return False
    return (
        verb.dep_ == "acl"
        and verb.tag_ in ("VBN", "VBD")  # a participle, however tagged
        and verb.sent.root.pos_ in ("VERB", "AUX")  # not "The garrison evacuated."
        and not children(verb, "agent")
    )
