"""Trigger words used in another sense than the event they name: a pardon for an
animal (a ceremony), an event noun naming what a body is for ("a trade group"), a verb
in a fixed phrase ("lent credence", "accepted the position", a strike "called", "shot
down rumours"). Read
by ``coding.non_events``."""

from __future__ import annotations

from typing import Any

# A pardon for an animal is a ceremony (the turkey a president pardons).
_PARDONS = frozenset({"pardon", "spare"})
_ANIMALS = frozenset(
    {"turkey", "bird", "fowl", "gobbler", "chicken", "goose", "pig", "animal", "dog", "cat",
     "horse", "cow", "lamb", "sheep", "goat"}
)  # fmt: skip
# Bodies and offices an event noun before them names the purpose of ("trade group").
_BODIES = frozenset(
    {"group", "association", "body", "union", "organisation", "organization", "federation",
     "council", "ministry", "minister", "secretary", "representative", "department",
     "commission", "agency", "lobby", "organiser", "organizer", "official", "envoy",
     "negotiator", "committee", "office"}
)  # fmt: skip
# Verbs whose object makes a fixed phrase of another sense.
_IDIOMS: dict[str, frozenset[str]] = {
    "lend": frozenset({"credence", "credibility", "weight", "legitimacy", "momentum", "ear",
                       "voice", "urgency", "substance", "hand", "colour", "color"}),
    "accept": frozenset({"position", "job", "post", "role", "appointment", "nomination",
                         "award", "prize", "invitation", "chairmanship", "presidency"}),
    "shoot": frozenset({"rumour", "rumor", "report", "claim", "speculation", "suggestion",
                        "idea", "notion", "proposal", "talk", "theory", "allegation"}),
    "call": frozenset({"strike", "election", "elections", "vote", "referendum", "meeting",
                       "halt", "ceasefire", "truce", "protest", "rally", "boycott", "session",
                       "walkout", "shutdown", "bandh", "hartal"}),
}  # fmt: skip


def names_a_body(trigger: Any) -> bool:
    """An event noun that names what a body or an office is for ("a trade group", "the
    aid agency", "protest organisers"): the body, not an event."""
    return (
        trigger.pos_ == "NOUN"
        and trigger.dep_ == "compound"
        and trigger.head.lemma_.lower() in _BODIES
    )


def is_idiom(trigger: Any, verb: Any, type_: str | None) -> bool:
    """A verb in a fixed phrase of another sense: "lent credence to", "accepted the
    position of", "called a strike" (no telephone call)."""
    lemma = trigger.lemma_.lower()
    if trigger.i != verb.i or lemma not in _IDIOMS:
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if lemma == "call" and verb.dep_ == "acl":
        objects.append(verb.head)  # "a planned strike called by the union"
    if lemma == "call" and type_ != "CONSULT":
        return False
    return any(o.lemma_.lower() in _IDIOMS[lemma] for o in objects)


def is_pardoned_animal(trigger: Any) -> bool:
    """A pardon granted to an animal ("pardoned the turkey", "a pardon for the bird"):
    a ceremony, not clemency for anyone."""
    if trigger.lemma_.lower() not in _PARDONS:
        return False
    pardoned = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass", "dative")] + [
        p for c in trigger.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
    ]
    return any(t.tag_ in ("NN", "NNS") and t.lemma_.lower() in _ANIMALS for t in pardoned)
