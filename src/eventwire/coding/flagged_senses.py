"""A trigger word in another sense than its event type's, told by its objects,
particles and modifiers: "meet their needs", "seeking office", "is accepting new
patients", "pleaded guilty", "called the police" (a report), "called a strike", "the
family calls its farm X", "demonstrated his skill", "military strikes", "amassed
charges", "reinforced the sense of unease", a visit by private persons, "killing off the
siesta". Read by ``coding.nonspecific`` (its *word sense* and *metaphor* reasons)."""

from __future__ import annotations

from typing import Any

from eventwire.coding.syntax import has_child

_ATTACK_MODIFIERS = frozenset(
    {"military", "air", "missile", "drone", "aerial", "artillery", "rocket", "nuclear",
     "preemptive", "retaliatory", "precision", "surgical", "targeted",
     "punitive", "naval", "bombing", "cruise", "tactical"}
)  # fmt: skip
_GATHERING = frozenset({"amass", "accumulate", "mass", "stockpile", "hoard"})
_MOBILIZED = frozenset(
    {"troop", "force", "soldier", "army", "militia", "fighter", "tank", "weapon", "arm",
     "supporter", "crowd", "people", "protester", "warship", "ship", "aircraft", "jet",
     "vehicle", "unit", "battalion", "division", "reservist", "police", "officer",
     "personnel", "artillery", "missile", "equipment", "man", "member", "border"}
)  # fmt: skip
_PEOPLE = frozenset({"people", "person", "man", "woman", "child", "civilian", "soldier"})
# What one meets that is no one to meet ("the crops meet their needs").
_MET_TARGETS = frozenset(
    {"need", "demand", "target", "requirement", "standard", "criterion", "deadline", "goal",
     "expectation", "condition", "cost", "obligation", "threshold", "quota", "end"}
)  # fmt: skip
# What is "called" that is no telephone call ("called a strike", "an election called").
_CALLED_EVENTS = frozenset(
    {"strike", "election", "vote", "meeting", "referendum", "protest", "halt", "ceasefire",
     "session", "poll", "truce", "boycott", "walkout", "shot", "game", "match"}
)  # fmt: skip
# What one seeks or accepts that is no request or agreement.
_OFFICES = frozenset(
    {"office", "election", "reelection", "re-election", "nomination", "presidency", "seat",
     "term", "mandate", "candidacy"}
)  # fmt: skip
_CLIENTS = frozenset(
    {"patient", "student", "applicant", "application", "donation", "card", "payment", "cash",
     "booking", "reservation", "customer", "client", "submission", "entry", "award", "prize"}
)  # fmt: skip
# Places one visits as a private person, not as an envoy.
_PRIVATE_PLACES = frozenset(
    {"market", "shop", "store", "restaurant", "museum", "park", "beach", "zoo", "relative",
     "family", "friend", "grave", "mall", "bar", "cafe", "gallery", "exhibition"}
)  # fmt: skip
# Verbs that reinforce, and the notions they reinforce that are no force ("reinforced
# the sense of unease").
_REINFORCING = frozenset({"reinforce", "strengthen", "bolster", "boost", "heighten", "fuel"})
_NOTIONS = frozenset(
    {"sense", "impression", "view", "belief", "perception", "fear", "concern", "notion",
     "idea", "message", "argument", "case", "feeling", "suspicion", "unease", "image",
     "stereotype", "trend", "hope", "confidence", "morale", "claim", "narrative", "doubt",
     "anxiety", "speculation", "resolve", "determination", "conviction",
     "economy", "standing", "reputation", "credibility", "legitimacy"}
)  # fmt: skip
# Private persons whose visits are travel, not diplomacy.
_PRIVATE_VISITORS = frozenset(
    {"parent", "sibling", "family", "tourist", "holidaymaker", "student", "fan", "child",
     "relative", "friend", "couple", "pilgrim", "traveller", "traveler", "visitor", "kid",
     "son", "daughter", "mother", "father", "grandparent", "wife", "husband", "brother",
     "sister", "resident", "cousin", "grandmother", "grandfather", "class", "classmate"}
)  # fmt: skip
_AMOUNTS = frozenset({"lot", "much", "little", "something", "nothing", "plenty", "more"})
# Whom one calls to report, not to consult ("called the police", "called 911").
_EMERGENCY = frozenset(
    {"police", "911", "999", "112", "ambulance", "paramedic", "firefighter", "authority",
     "emergency", "service", "dispatcher", "dispatch"}
)  # fmt: skip


# Trigger words whose object tells another sense than their type's: (type, lemma, the
# objects of that other sense).
_OBJECT_SENSES = (
    ("CONSULT", "meet", _MET_TARGETS),  # "meet their needs", "met the deadline"
    ("REQUEST", "seek", _OFFICES),  # "seeking political office": a candidacy
    ("AGREE", "accept", _CLIENTS),  # "is accepting new patients"
    ("CONSULT", "visit", _PRIVATE_PLACES),  # "soldiers visiting a local market"
)


def _objects(token: Any) -> list[Any]:
    return [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]


def other_sense(trigger: Any, verb: Any, type_: str | None) -> str | None:
    """The trigger word in another sense than its type's."""
    lemma = trigger.lemma_.lower()
    objects = {o.lemma_.lower() for o in _objects(trigger)}
    if any(type_ == t and lemma == w and objects & o for t, w, o in _OBJECT_SENSES):
        return "sense"
    if type_ == "REQUEST" and lemma == "plead" and has_child(trigger, "acomp", "guilty"):
        return "sense"  # "pleaded guilty to fraud": a plea in court, no request
    if type_ == "CONSULT" and lemma == "call":
        if objects & _EMERGENCY:
            return "sense"  # "called the police after the attack": a report
        if any(c.dep_ in ("oprd", "attr") for c in trigger.children):
            return "sense"  # "the family calls its farm Hopewell": a name
        named = objects | ({trigger.head.lemma_.lower()} if trigger.dep_ == "acl" else set())
        if named & _CALLED_EVENTS:
            return "sense"  # "called a strike", "a strike called by the union"
    if has_child(trigger, "prt", "up") and lemma == "end":
        return "sense"  # "ended up picking a spot"
    if (
        trigger.dep_ in ("acl", "relcl")
        and trigger.head.lemma_.lower() in _AMOUNTS
        and has_child(trigger, "aux", "to")
    ):
        return "sense"  # "had a lot to offer"
    if (
        type_ == "PROTEST"
        and lemma == "demonstrate"
        and trigger.pos_ == "VERB"
        and any(c.dep_ in ("dobj", "ccomp") for c in trigger.children)
    ):
        return "sense"  # "demonstrated his skill", "demonstrated that it works"
    if type_ == "PROTEST" and lemma == "demonstration" and has_child(trigger, "prep", "of"):
        return "sense"  # "a demonstration of force"
    if type_ == "PROTEST" and lemma in ("strike", "airstrike"):
        modifiers = {c.lemma_.lower() for c in trigger.children if c.dep_ in ("amod", "compound")}
        if modifiers & _ATTACK_MODIFIERS or lemma == "airstrike":
            return "sense"  # "military strikes", "air strikes"
    if type_ == "MOBILIZE" and (lemma in _GATHERING or verb.lemma_.lower() in _GATHERING):
        gathered = [c for c in verb.children if c.dep_ == "dobj"]
        if gathered and not any(g.lemma_.lower() in _MOBILIZED for g in gathered):
            return "sense"  # "amassed charges", "amassed a fortune"
    if type_ == "MOBILIZE" and verb.lemma_.lower() in _REINFORCING:
        reinforced = [c.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if reinforced and all(r in _NOTIONS for r in reinforced):
            return "metaphor"  # "reinforced the sense of unease", "boosted hopes"
    if type_ == "CONSULT" and lemma in ("visit", "tour"):
        visitors = [c.lemma_.lower() for c in verb.children if c.dep_ == "nsubj"]
        if visitors and all(v in _PRIVATE_VISITORS for v in visitors):
            return "sense"  # "her parents are visiting other cities": private travel
    if type_ == "ASSAULT" and lemma == "kill" and has_child(trigger, "prt", "off"):
        killed = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
        if killed and not any(k.lemma_.lower() in _PEOPLE or k.pos_ == "PROPN" for k in killed):
            return "metaphor"  # "killing off the siesta"
    return None
