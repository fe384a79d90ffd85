"""Arguments the parse leaves where another word holds them.

Four constructions name a participant of an event without hanging it on the trigger:

- coordinated verbs that share one object ("police shot and killed the attacker",
  "arrested and charged two men"): the object hangs on the last verb only, but the
  first, which has none of its own, acts on it too;
- an event noun of what is done to someone, with a possessor ("Mr Marra's arrest",
  "the envoy's assassination", "his detention"): the possessor is who it was done to,
  unless the noun names that with "of" ("Russia's expulsion of the diplomats": there
  the possessor acts).
- a gerund of the reason after an object ("police nabbed three men for lynching a
  trader", "the court jailed him for murdering his wife", "booked 12 people for
  attacking the team"): the object did it, not the subject that holds them to account;
- a past participle coordinated with a passive ("was arrested and charged with
  murder"): it is passive too, and its subject is what it was done to.
"""

from __future__ import annotations

from typing import Any

from eventwire.coding.syntax import children, may_participate, names_actor, of_objects
from eventwire.model import Document

# Event nouns whose possessor undergoes the event ("his arrest", "the envoy's murder").
_UNDERGOER_NOUNS = frozenset(
    {"arrest", "detention", "abduction", "kidnapping", "assassination", "murder",
     "killing", "execution", "extradition", "deportation", "expulsion", "conviction",
     "sentencing", "indictment", "impeachment", "ouster", "dismissal", "capture",
     "beheading", "imprisonment", "internment", "jailing"}
)  # fmt: skip


def shared_object(verb: Any) -> Any | None:
    """The direct object of the verb coordinated after ``verb`` ("shot and killed the
    attacker"), when ``verb`` has no object nor prepositional complement of its own, the
    two verbs are in the same form and share their subject (the second has none)."""
    if verb.pos_ != "VERB" or children(verb, "dobj", "dative"):
        return None
    if children(verb, "prep"):
        return None  # "fired at the crowd and fled", "admitted to plotting ... and attack"
    for conj in children(verb, "conj"):
        if conj.pos_ != "VERB" or conj.i < verb.i or conj.tag_ != verb.tag_:
            continue  # "shot and killed", "arrested and charged": the same form
        if children(conj, "nsubj", "nsubjpass"):
            return None  # "police fired and the crowd scattered": another clause
        objects = [o for o in children(conj, "dobj") if may_participate(o)]
        return objects[0] if objects else None
    return None


# Prepositions of the reason an object is held to account for ("arrested for", "over").
_REASON_PREPS = frozenset({"for", "over"})


def reason_doer(doc: Document, verb: Any) -> Any | None:
    """The object of the clause a gerund of the reason hangs on ("nabbed three persons
    for allegedly lynching a trader": the persons lynched), or None. Coordinated
    gerunds go back to the first ("for attacking the team and obstructing work")."""
    if verb.tag_ != "VBG":
        return None
    current = verb
    while current.dep_ == "conj" and current.head.i != current.i:
        if children(current, "nsubj", "nsubjpass"):
            return None
        current = current.head
    if current.dep_ != "pcomp" or current.head.lower_ not in _REASON_PREPS:
        return None
    if children(current, "nsubj", "nsubjpass"):
        return None
    holder = current.head.head
    if holder.pos_ != "VERB":
        return None
    for obj in children(holder, "dobj"):
        if obj.pos_ == "PRON" or (obj.pos_ in ("NOUN", "PROPN") and names_actor(obj, doc.actors)):
            return obj
    return None


def conjoined_passive(verb: Any) -> bool:
    """Whether a past participle without a subject or an auxiliary of its own is
    coordinated after a passive ("was arrested and charged with murder")."""
    if verb.tag_ != "VBN" or verb.dep_ != "conj" or verb.head.i == verb.i:
        return False
    if children(verb, "nsubj", "nsubjpass", "aux", "auxpass", "dobj"):
        return False
    first = verb.head
    return first.tag_ == "VBN" and bool(children(first, "auxpass", "nsubjpass"))


def undergoer_possessor(trigger: Any) -> Any | None:
    """The possessor of an event noun of what is done to someone ("Mr Marra's arrest",
    "his detention"), or None when the noun names its undergoer with "of"."""
    if trigger.pos_ != "NOUN" or trigger.lemma_.lower() not in _UNDERGOER_NOUNS:
        return None
    if of_objects(trigger):
        return None  # "Russia's expulsion of the diplomats": the possessor acts
    owners = children(trigger, "poss")
    return owners[0] if owners else None
