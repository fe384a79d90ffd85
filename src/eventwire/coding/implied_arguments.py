"""Arguments the parse leaves where another word holds them.

Two constructions name a participant of an event without hanging it on the trigger:

- coordinated verbs that share one object ("police shot and killed the attacker",
  "arrested and charged two men"): the object hangs on the last verb only, but the
  first, which has none of its own, acts on it too;
- an event noun of what is done to someone, with a possessor ("Mr Marra's arrest",
  "the envoy's assassination", "his detention"): the possessor is who it was done to,
  unless the noun names that with "of" ("Russia's expulsion of the diplomats": there
  the possessor acts).
"""

from __future__ import annotations

from typing import Any

from eventwire.coding.syntax import children, may_participate, of_objects

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


def undergoer_possessor(trigger: Any) -> Any | None:
    """The possessor of an event noun of what is done to someone ("Mr Marra's arrest",
    "his detention"), or None when the noun names its undergoer with "of"."""
    if trigger.pos_ != "NOUN" or trigger.lemma_.lower() not in _UNDERGOER_NOUNS:
        return None
    if of_objects(trigger):
        return None  # "Russia's expulsion of the diplomats": the possessor acts
    owners = children(trigger, "poss")
    return owners[0] if owners else None
