"""Clauses whose trigger word names an event that the text does not report as done,
by the form of the sentence or the sense the context gives the word:

- *question*: a question in the text ("Will the talks resume?", "Who ordered the
  raid?"; not "why", which takes its event as given) or a question reported
  ("reporters asked whether the army bombed the town", "asked about the raids"): no
  request and no event;
- *faced*: a punishment one faces ("suspects face arrest", "they could face jail"): a
  prospect, not yet done;
- *routine*: emergency services called out to an incident ("police were called to the
  scene"): their routine response, no mobilization;
- *market*: demand as a market's ("demand for oil rose", "weak consumer demand"): no
  one requests anything;
- *circumstance*: a restriction that weather, money or the like sets ("fog restricted
  flights", "the budget limits hiring"): no actor coerces anyone;
- *thanks*: thanks to private persons ("thanked her family and the volunteers"): a
  courtesy, no support;
- *aim*: an infinitive that tells what a body was founded, built, trained or hired to
  do ("the militia was founded to fight the government", "a unit created to
  investigate fraud"): its purpose, not an act told.

``unasserted_reason`` returns the reason, or None. ``stages.factuality`` flags such
events ``hypothetical`` (``future`` for *faced*); *aim* is found but does not flag (it
cost one NGEC set-aside story).
"""

from __future__ import annotations

from typing import Any

_QUESTION_MARKS = frozenset({"?"})
_QUOTES = frozenset({'"', "“", "”", "``", "''", "'", "‘", "’"})
# Wh-words that open a question or an indirect question ("asked who fired").
_WH_WORDS = frozenset({"who", "whom", "whose", "what", "which", "when", "where", "how"})
# Verbs of asking a question (a REQUEST only when they ask for something).
_ASKING = frozenset({"ask", "inquire", "enquire", "wonder", "query", "question"})
# Marks of an indirect yes/no question.
_YES_NO_MARKS = frozenset({"whether", "if"})
# What one faces that is still to come ("face arrest", "faces a fine").
_FACED_TYPES = frozenset({"COERCE", "SANCTION"})
# Who is called out to an incident, and where to.
_RESPONDERS = frozenset(
    {"police", "officer", "firefighter", "fireman", "paramedic", "ambulance", "crew",
     "deputy", "trooper", "emergency", "service", "medic", "firefighters", "rescuer"}
)  # fmt: skip
_INCIDENT_PLACES = frozenset({"scene", "incident", "address", "residence", "home", "house"})
# Verbs of a market's demand and what describes it.
_MARKET_VERBS = frozenset(
    {"rise", "fall", "increase", "decrease", "grow", "drop", "surge", "soar", "decline",
     "slow", "weaken", "strengthen", "outstrip", "exceed", "outpace", "boost", "dampen",
     "fuel", "drive", "meet", "satisfy", "slump", "rebound", "recover", "remain", "stay",
     "pick", "climb", "plunge", "shrink", "expand"}
)  # fmt: skip
_MARKET_WORDS = frozenset(
    {"consumer", "market", "global", "domestic", "world", "strong", "weak", "high", "low",
     "rising", "falling", "growing", "slowing", "robust", "sluggish", "energy", "oil",
     "export", "import", "customer", "buyer", "seasonal", "peak", "housing", "travel",
     "aggregate", "overall", "firm", "soft", "solid", "healthy", "pent-up", "increased",
     "reduced", "higher", "lower", "stronger", "weaker", "insatiable", "huge", "surging"}
)  # fmt: skip
# Subjects that restrict without being an actor.
_CIRCUMSTANCES = frozenset(
    {"weather", "fog", "snow", "storm", "rain", "wind", "ice", "flood", "flooding",
     "heat", "cold", "budget", "cost", "costs", "price", "prices", "funding", "money",
     "shortage", "lack", "blizzard", "hurricane", "typhoon", "cyclone", "drought", "smog",
     "visibility", "condition", "conditions", "snowfall", "rainfall", "frost", "gale"}
)  # fmt: skip
# Private persons one thanks out of courtesy.
_PRIVATE_PEOPLE = frozenset(
    {"family", "friend", "volunteer", "fan", "supporter", "staff", "organiser",
     "organizer", "parent", "wife", "husband", "child", "team", "everyone", "everybody",
     "all", "colleague", "teammate", "coach", "sponsor", "donor", "crew", "audience",
     "community", "resident", "neighbour", "neighbor", "teacher", "mother", "father",
     "sister", "brother", "son", "daughter", "partner", "fans", "viewer", "listener",
     "reader", "customer", "guest", "attendee", "participant", "member", "people"}
)  # fmt: skip
# Verbs that make a body for an aim ("founded to fight", "hired to investigate").
_MAKING = frozenset(
    {"found", "establish", "create", "form", "design", "build", "develop", "train",
     "hire", "recruit", "appoint", "assign", "set", "launch", "organise", "organize",
     "commission", "engineer", "program", "programme", "equip", "arm", "fund"}
)  # fmt: skip


def unasserted_reason(trigger: Any, verb: Any, type_: str | None) -> str | None:
    """Why the event of ``trigger`` (a spaCy token; ``verb`` the verb of its clause),
    coded as ``type_``, is not reported as done, or None."""
    if _in_question(trigger):
        return "question"
    if type_ == "REQUEST" and _asks_a_question(trigger, verb):
        return "question"
    if type_ in _FACED_TYPES and _is_faced(trigger):
        return "faced"
    if type_ == "MOBILIZE" and _is_called_out(trigger, verb):
        return "routine"
    if type_ == "REQUEST" and _is_market_demand(trigger):
        return "market"
    if type_ == "COERCE" and _restricted_by_circumstance(verb):
        return "circumstance"
    if trigger.i == verb.i and _is_aim_of_making(verb):
        return "aim"
    if _is_private_thanks(trigger):
        return "thanks"
    return None


def _is_private_thanks(trigger: Any) -> bool:
    """Thanks to private persons ("thanked her family and the volunteers"): a courtesy,
    no political support."""
    if trigger.lemma_.lower() not in ("thank", "thanks") or trigger.pos_ != "VERB":
        return False
    thanked = [c for c in trigger.children if c.dep_ == "dobj"]
    thanked += [c for t in thanked for c in t.conjuncts]
    return bool(thanked) and all(t.lemma_.lower() in _PRIVATE_PEOPLE for t in thanked)


def _sentence_end(token: Any) -> Any | None:
    """The last token of the sentence that is not a quote mark nor a space."""
    for candidate in reversed(list(token.sent)):
        if candidate.text in _QUOTES or candidate.is_space:
            continue
        return candidate
    return None


def _in_question(trigger: Any) -> bool:
    """Whether the trigger's sentence is a question ("Will they attack?", "Who ordered
    the raid?"), not one that asks "why" (which takes its event as given)."""
    end = _sentence_end(trigger)
    if end is None or end.text not in _QUESTION_MARKS:
        return False
    # The question is the part of the sentence after its last full stop or colon
    # ("He said: 'Will they attack?'").
    start = trigger.sent.start
    for token in trigger.sent:
        if token.i < end.i and token.text in (":", ";") and token.i < trigger.i:
            start = token.i + 1
    words = [t.lower_ for t in trigger.doc[start : end.i]]
    return "why" not in words


def _asks_a_question(trigger: Any, verb: Any) -> bool:
    """A verb of asking whose object is a question ("asked whether they fired", "asked
    who ordered it", "asked about the raids", "asked questions"), not a request for
    something ("asked them to leave", "asked for help")."""
    asking = trigger if trigger.lemma_.lower() in _ASKING else verb
    if asking.lemma_.lower() not in _ASKING or asking.pos_ != "VERB":
        return False
    children = list(asking.children)
    if any(c.dep_ == "xcomp" for c in children):
        return False  # "asked them to leave"
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in children):
        return False  # "asked for help"
    for child in children:
        if child.dep_ == "ccomp":
            first = child.doc[child.left_edge.i]
            if any(m.dep_ == "mark" and m.lower_ in _YES_NO_MARKS for m in child.children):
                return True
            if first.lower_ in _WH_WORDS:
                return True
        if child.dep_ == "prep" and child.lower_ == "about":
            return True
        if child.dep_ == "dobj" and child.lemma_.lower() == "question":
            return True
    return False


def _is_faced(trigger: Any) -> bool:
    """A punishment that a present or future "face" takes as its object ("suspects
    face arrest", "could face up to ten years in jail")."""
    current = trigger
    for _ in range(4):
        head = current.head
        if head.i == current.i:
            return False
        if head.lemma_.lower() == "face" and head.pos_ == "VERB":
            present = head.tag_ in ("VBP", "VBZ", "VB")
            return present and current.dep_ in ("dobj", "prep", "pobj", "npadvmod")
        if head.pos_ in ("VERB", "AUX"):
            return False
        current = head
    return False


def _is_called_out(trigger: Any, verb: Any) -> bool:
    """Emergency services called or sent to an incident ("police were called to the
    scene", "firefighters responded to the house")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    responders = any(s.lemma_.lower() in _RESPONDERS for s in subjects)
    places = [
        p
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("to", "at")
        for p in c.children
        if p.dep_ == "pobj"
    ]
    at_incident = any(p.lemma_.lower() in _INCIDENT_PLACES for p in places)
    called = verb.lemma_.lower() in ("call", "summon", "respond", "dispatch", "rush")
    return at_incident or (called and responders)


def _is_market_demand(trigger: Any) -> bool:
    """The noun "demand" as a market's ("demand for oil rose", "weak demand")."""
    if trigger.lemma_.lower() != "demand" or trigger.pos_ != "NOUN":
        return False
    if any(c.dep_ in ("poss", "acl", "relcl") for c in trigger.children):
        return False  # "the union's demand", "a demand that they resign"
    if any(c.dep_ in ("amod", "compound") and c.lower_ in _MARKET_WORDS for c in trigger.children):
        return True
    head = trigger.head
    return trigger.dep_ in ("nsubj", "dobj") and head.lemma_.lower() in _MARKET_VERBS


def _restricted_by_circumstance(verb: Any) -> bool:
    """A restriction whose subject is weather, money or a shortage ("fog restricted
    flights"), no actor."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    return any(s.lemma_.lower() in _CIRCUMSTANCES for s in subjects + agents)


def _is_aim_of_making(verb: Any) -> bool:
    """An infinitive that tells what a body was made, trained or hired for ("was founded
    to fight", "units trained to detain suspects")."""
    if verb.dep_ not in ("xcomp", "advcl") or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ):
        return False
    head = verb.head
    if head.lemma_.lower() not in _MAKING or head.tag_ != "VBN":
        return False
    if head.lemma_.lower() == "set" and not any(c.dep_ == "prt" for c in head.children):
        return False  # "set to meet": a schedule (``stages.factuality``)
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children)
    return passive or head.dep_ == "acl"
