"""Event arguments: who acts and on whom, decided from the dependency parse.

Given a trigger and the verb of its clause (see ``triggers``), the actor is the
subject of the clause: the agent of a passive, the subject inherited from the clause
it hangs on, the speaker of "X said it would...", the noun a "who" stands for. The
recipient is the object or the object of a recipient preposition ("fired at the
officer"); when that names no participant, a participant beyond an object that is a
thing ("provided training to AMISOM"), then a coded participant nearby, then the state
or region where it happened ("declared a ceasefire in Chad"). A compound phrase gives
one side per coded conjunct.

The small parse helpers (``children``, ``prepositions``, ``names_actor``...) and the
pronoun resolution live in ``syntax``, shared with the trigger finder; what names a
party in ``participants``; the recipients found when the clause names none in
``recipient_fallbacks``; the sides of a compound phrase in ``argument_sides`` (both
importable from here).
"""

from __future__ import annotations

from typing import Any

from eventwire.coding import lexicon
from eventwire.coding.actors import is_part_of_group
from eventwire.coding.argument_sides import sides
from eventwire.coding.implied_arguments import (
    conjoined_passive,
    reason_doer,
    shared_object,
    undergoer_possessor,
)
from eventwire.coding.lexicon import EventPattern
from eventwire.coding.participants import (
    PLACES,
    is_coded_place,
    is_event_noun,
    is_party,
    names_actor_itself,
    names_participant_itself,
)
from eventwire.coding.person_pronouns import PERSONAL_PRONOUNS, names_body
from eventwire.coding.recipient_fallbacks import coded_recipient, place_recipient
from eventwire.coding.sides import own_agent
from eventwire.coding.syntax import (
    NAMED_ENTITIES,
    agent_of,
    antecedent,
    children,
    clause_subject,
    doc_actor_at,
    is_coded,
    is_infinitive,
    is_participant,
    is_sector_word,
    may_participate,
    names_actor,
    names_own_actors,
    of_objects,
    prepositions,
)
from eventwire.model import Document

# Names other modules import from here (``stages.events``, ``stages.detector``).
__all__ = [
    "coded_recipient",
    "find_arguments",
    "is_party",
    "names_actor_itself",
    "place_recipient",
    "sides",
]

_LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "around"})
_PLACE_PREPS = frozenset({"in", "into", "to", "across", "throughout", "inside"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_NOUN_ACTOR_PREPS = ("between", "among", "by")
_WIDE_RECIPIENT_PREPS = frozenset(
    {"to", "with", "against", "on", "at", "toward", "towards", "upon", "into", "from", "for"}
)
_BETWEEN_PREPS = ("between", "among")
# Where something the actor moves comes from ("withdrew its troops from Iraq").
_AWAY_PREPS = ("from",)
# What names the participants of an event noun ("demands from the rebels").
_EVENT_PARTICIPANT_PREPS = frozenset({"of", "from", "by"})
# ... and the target of a measure ("restrictions on traders", "the curfew in Amman").
_MEASURE_PREPS = frozenset({"on", "against", "in"})
_MEASURE_TYPES = frozenset({"COERCE", "SANCTION"})
# Types whose event nouns name their target with "of" ("the shelling of the town"); a
# visit or a deployment "of" names who acts or what is sent.
_OF_TARGET_TYPES = frozenset(
    {"ASSAULT", "COERCE", "SANCTION", "PROTEST", "ACCUSE", "RETREAT", "REJECT", "THREATEN"}
)
# Verbs whose object is whom an appeal or a fund is for ("funds to help the victims").
_HELPING_VERBS = frozenset({"help", "assist", "support", "feed", "shelter", "aid", "relieve"})
# Verbs that call someone in for what follows ("summoned the envoy to protest").
_SUMMONING_VERBS = frozenset({"summon", "invite", "convene", "call", "phone", "telephone"})
# What names the charge or the reason after a passive ("charged with", "accused of").
_CHARGE_PREPS = frozenset({"with", "of", "for"})
# Object pronouns that stand for people.
_OBJECT_PRONOUNS = frozenset({"him", "her", "them"})


def _prep_object(token: Any, preps: tuple[str, ...]) -> Any | None:
    """The object of the first of ``preps`` on ``token`` that names a participant."""
    for prep in prepositions(token):
        if prep.lower_ not in preps:
            continue
        for obj in children(prep, "pobj"):
            if not may_participate(obj):
                continue
            if prep.lower_ in _LOCATIVE_PREPS and obj.ent_type_ in PLACES:
                continue  # "at the embassy in Belgrade" is where, not whom
            return obj
    return None


def _participant_object(doc: Document, verb: Any) -> Any | None:
    """The direct object of ``verb`` that names a participant, the first coded one when
    the parse gives several ("meet his counterpart Italian President Mattarella")."""
    objects = [o for o in children(verb, "dobj") if may_participate(o)]
    for obj in objects:
        if is_participant(doc, obj):
            return obj
    return objects[0] if objects else None


def find_arguments(
    doc: Document, trigger: Any, verb: Any, pattern: EventPattern
) -> tuple[Any | None, Any | None]:
    """The head tokens of the actor and the recipient of a trigger."""
    if names_own_actors(trigger, verb):
        # "Clashes between the army and rebels erupted", "observers reported an attack
        # by gunmen": the noun names its actors.
        actor_head = _prep_object(trigger, _NOUN_ACTOR_PREPS) or own_agent(trigger, None, [])
        recipient_head = _prep_object(trigger, pattern.recipient_preps)
        if recipient_head is None:
            recipient_head = _of_target(doc, trigger, pattern)  # "the shelling of the town"
        if recipient_head is None:
            recipient_head = undergoer_possessor(trigger)  # "Mr Marra's arrest came ..."
        return _resolved(doc, actor_head, recipient_head if pattern.has_recipient else None)
    subject, passive = clause_subject(doc, verb, transitive=bool(pattern.transitive))
    passive = passive or conjoined_passive(verb)  # "was arrested and charged with murder"
    if not passive:
        subject = reason_doer(doc, verb) or subject  # "nabbed three men for lynching a man"
    if passive:
        actor_head, recipient_head = agent_of(verb) or _charge_agent(doc, verb), subject
    else:
        actor_head, recipient_head = subject, None
    actor_head = _event_sides(doc, actor_head) or actor_head
    actor_head = own_agent(trigger, actor_head, doc.actors)  # "came under Russian shelling"
    if pattern.undergoer:  # "the former minister faces charges", "won concessions from X"
        givers = (_prep_object(t, ("from", "by")) for t in [verb, *children(verb, "dobj")])
        return _resolved(doc, next((t for t in givers if t is not None), None), actor_head)
    if not pattern.has_recipient:
        return _resolved(doc, actor_head, None)
    if not pattern.object_recipient:
        # "deployed troops to the border", "withdrew 200 peacekeepers from Liberia"
        objects = children(verb, "dobj")
        anchors = [verb, *objects, *(o for obj in objects for o in of_objects(obj))]
        found = (_prep_object(anchor, pattern.recipient_preps) for anchor in anchors)
        return _resolved(doc, actor_head, next((t for t in found if t is not None), None))
    recipient_head = _recipient(doc, trigger, verb, pattern, passive, recipient_head)
    if recipient_head is None and trigger.i != verb.i:
        recipient_head = undergoer_possessor(trigger)  # "announced his arrest"
    if recipient_head is not None:
        recipient_head = _event_participant(doc, recipient_head) or recipient_head
    return _resolved(doc, actor_head, recipient_head)


def _charge_agent(doc: Document, verb: Any) -> Any | None:
    """The "by" agent of a passive that the parser hung on the charge or the reason
    ("was charged with fraud by prosecutors", "was accused of graft by the
    opposition"), or None."""
    for prep in prepositions(verb):
        if prep.lower_ not in _CHARGE_PREPS:
            continue
        for charge in children(prep, "pobj"):
            for by in prepositions(charge):
                if by.lower_ != "by":
                    continue
                for obj in children(by, "pobj"):
                    if obj.pos_ in ("NOUN", "PROPN") and names_actor(obj, doc.actors):
                        return obj
    return None


def _resolved(
    doc: Document, actor_head: Any | None, recipient_head: Any | None
) -> tuple[Any | None, Any | None]:
    """The arguments with a personal pronoun replaced by the phrase it stands for in the
    same sentence ("called Erdogan and urged him", "the government denied that it
    tortured..."), never by the other argument."""
    actor = _antecedent(doc, actor_head)
    if actor is not None and (recipient_head is None or actor.i != recipient_head.i):
        actor_head = actor
    recipient = _antecedent(doc, recipient_head)
    if recipient is not None and (actor_head is None or recipient.i != actor_head.i):
        recipient_head = recipient
    return actor_head, recipient_head


def _antecedent(doc: Document, pronoun: Any | None) -> Any | None:
    """The phrase a personal pronoun stands for in its sentence; None when there is
    none, or when "he"/"she" would stand for a body ("the firm said he was charged":
    someone else, followed back across sentences by the actors stage)."""
    if pronoun is None:
        return None
    found = antecedent(doc, pronoun)
    if found is not None and pronoun.lower_ in PERSONAL_PRONOUNS and names_body(found):
        return None
    return found


def _is_person_pronoun(token: Any) -> bool:
    """Whether ``token`` is a personal pronoun object ("him", "her", "them")."""
    return token.pos_ == "PRON" and token.lower_ in _OBJECT_PRONOUNS


def _recipient(
    doc: Document,
    trigger: Any,
    verb: Any,
    pattern: EventPattern,
    passive: bool,
    recipient_head: Any | None,
) -> Any | None:
    """The head of the recipient of a trigger whose object can be its recipient."""
    direct = _participant_object(doc, verb) if verb.i == trigger.i and not passive else None
    if recipient_head is None and direct is not None and _is_own_thing(direct):
        # "withdrew its troops from Iraq": what the actor moves is not the recipient
        recipient_head = _participant_prep_object(doc, verb, _AWAY_PREPS, places=True)
    if recipient_head is None and direct is not None and is_participant(doc, direct):
        recipient_head = direct  # "charged the mayor with fraud"
    if recipient_head is None and direct is not None and _is_person_pronoun(direct):
        # "charged him with fraud": the one charged, even before the article has told
        # who he is; not the crime nor the group of "with links to the rebels"
        recipient_head = direct
    if recipient_head is None and not passive:
        datives = [
            t for t in children(verb, "dative") if t.pos_ != "ADP" and is_participant(doc, t)
        ]
        recipient_head = datives[0] if datives else None  # "gave the ministry a grant"
    if recipient_head is None and pattern.preps:
        recipient_head = _prep_object(verb, pattern.preps)  # "fired a bolt at the officer"
    if recipient_head is None and verb.i == trigger.i and not passive:
        shared = shared_object(verb)  # "shot and killed the attacker"
        if shared is not None and names_actor(shared, doc.actors):
            recipient_head = shared
    if recipient_head is None:
        # "provided training to AMISOM": a participant beyond an object that is a thing
        found = [
            _prep_object(anchor, pattern.recipient_preps)
            for anchor in (trigger, verb)
            if anchor.i == trigger.i or not passive
        ]
        recipient_head = next((t for t in found if t is not None and is_participant(doc, t)), None)
    if recipient_head is None and direct is not None and "to" in pattern.recipient_preps:
        recipient_head = _prep_object(verb, ("to",))  # "donated supplies to African states"
    thing = direct
    if thing is None and verb.i == trigger.i and not passive:
        thing = next(iter(children(verb, "dobj")), None)  # "gave $5m in aid to ..."
    if recipient_head is None and thing is not None and not names_actor(thing, doc.actors):
        # "lifted restrictions on foreign workers", "offered condolences to the families"
        recipient_head = _participant_prep_object(doc, thing, _thing_preps(pattern))
    if recipient_head is None and trigger.i != verb.i:
        # "launched a mediation effort between Qatar and its neighbours"
        for anchor in _noun_anchors(trigger):
            recipient_head = recipient_head or _participant_prep_object(
                doc, anchor, _thing_preps(pattern)
            )
    if recipient_head is None and trigger.i != verb.i:
        recipient_head = _of_target(doc, trigger, pattern)  # "its bombardment of the town"
    if recipient_head is None and direct is not None and not _is_trigger_object(direct, pattern):
        recipient_head = direct  # not "stopped work", "used tear gas", "lifted the ban"
    if recipient_head is None:
        recipient_head = _prep_object(trigger, pattern.recipient_preps)
    if recipient_head is None and not passive:
        recipient_head = _prep_object(verb, pattern.recipient_preps)
    summoned = verb.head.lemma_.lower() in _SUMMONING_VERBS and is_infinitive(verb)
    if verb.dep_ in ("advcl", "xcomp") and summoned and not is_party(doc, recipient_head):
        # "summoned the ambassador to complain", "called the president to apologise for
        # the delay": whom the actor called in or phoned for it
        called = [o for o in children(verb.head, "dobj") if _is_party_object(doc, o)]
        recipient_head = called[0] if called else recipient_head
    if recipient_head is not None and recipient_head.i == trigger.i:
        recipient_head = None  # "went on a hunger strike": the event, not its target
    return recipient_head


def _is_party_object(doc: Document, token: Any) -> bool:
    return names_participant_itself(token) or is_coded(doc_actor_at(doc, token))


def _is_trigger_object(obj: Any, pattern: EventPattern) -> bool:
    """Whether a direct object is part of the trigger's wording, a thing the pattern
    requires ("stopped work", "used tear gas", "lifted the ban"), not its recipient."""
    if not pattern.objects or names_actor_itself(obj):
        return False
    return obj.lemma_.lower() in pattern.objects or obj.lower_ in pattern.objects


def _of_target(doc: Document, noun: Any, pattern: EventPattern) -> Any | None:
    """The target an event noun names with "of" ("the bombardment of the camp", "a
    boycott of the festival", "the release of the hostages"): not something of the
    actor's own ("a withdrawal of its troops"), nor another event ("a cessation of
    hostilities"); a thing with a participant of its own gives that participant ("a
    suspension of flights to Qatar")."""
    if noun.pos_ != "NOUN" or pattern.type not in _OF_TARGET_TYPES:
        return None
    if pattern.type == "RETREAT" and pattern.mode != "release":
        return None  # "the withdrawal of US troops": what the actor moves
    for obj in of_objects(noun):
        if obj.dep_ != "pobj" or not may_participate(obj) or _is_own_thing(obj):
            continue
        if is_event_noun(obj):
            continue
        if not names_participant_itself(obj) and not is_coded_place(doc, obj):
            beyond = _participant_prep_object(doc, obj, _thing_preps(pattern))
            if beyond is not None:
                return beyond
        return obj
    return None


def _thing_preps(pattern: EventPattern) -> tuple[str, ...]:
    return (*pattern.recipient_preps, *_BETWEEN_PREPS)


def _noun_anchors(trigger: Any) -> list[Any]:
    """A noun trigger and the noun it qualifies ("a mediation effort")."""
    if trigger.dep_ == "compound" and trigger.head.pos_ == "NOUN":
        return [trigger, trigger.head]
    return [trigger]


def _participant_prep_object(
    doc: Document, token: Any, preps: tuple[str, ...], *, places: bool = False
) -> Any | None:
    """The first object of one of ``preps`` on ``token`` that names people or a group
    (or, with ``places``, a coded place); "out of" counts as "from"."""
    for prep in prepositions(token):
        word = prep.lower_
        objects = children(prep, "pobj")
        if word == "out":
            of = [p for p in children(prep, "prep") if p.lower_ == "of"]
            objects = [o for p in of for o in children(p, "pobj")]
            word = "from"
        if word not in preps:
            continue
        for obj in objects:
            if not may_participate(obj):
                continue
            if names_participant_itself(obj):
                return obj
            if places and is_coded_place(doc, obj):
                return obj
    return None


def _is_own_thing(obj: Any) -> bool:
    """Whether an object may be something of the actor's own ("its troops", "their
    ambassador", "some of its troops"): possessed by a pronoun."""
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children):
        return True
    return is_part_of_group(obj) and any(_is_own_thing(o) for o in of_objects(obj))


def _event_participant(doc: Document, head: Any) -> Any | None:
    """For a phrase that names an event rather than a participant ("demands from the
    rebels", "the blockade of Qatar", "accusations by the opposition", "sanctions
    against Iran", "the curfew in Amman"), the participant or place its "of", "from",
    "by", "on", "against" or "in" phrase names."""
    if head.ent_type_ in NAMED_ENTITIES or is_sector_word(head) or head.pos_ != "NOUN":
        return None
    if not is_event_noun(head):
        # "spurned offers of talks by the government": who made the thing rejected
        by = _participant_prep_object(doc, head, ("by",))
        return by
    # A measure's place is its target ("the curfew in Amman"); an agreement's place is
    # only where it was signed ("an agreement in Accra").
    preps = _EVENT_PARTICIPANT_PREPS | (_MEASURE_PREPS if _is_measure(head) else frozenset())
    for prep in prepositions(head):
        if prep.lower_ not in preps:
            continue
        for obj in children(prep, "pobj"):
            if not may_participate(obj):
                continue
            if names_participant_itself(obj) or is_coded_place(doc, obj):
                return obj
    return None


def _is_measure(noun: Any) -> bool:
    """Whether an event noun names a measure taken against a place or people (a curfew,
    sanctions, restrictions): its place is its target."""
    patterns = lexicon.event_patterns().for_noun(noun.lemma_.lower())
    return any(p.type in _MEASURE_TYPES for p in patterns)


def _event_sides(doc: Document, head: Any | None) -> Any | None:
    """For an actor that is an event between parties ("the summit between the EU and
    Turkey", "talks among the factions"), the first party."""
    if head is None or names_actor(head, doc.actors) or not is_event_noun(head):
        return None
    for prep in prepositions(head):
        if prep.lower_ not in _BETWEEN_PREPS:
            continue
        for obj in children(prep, "pobj"):
            if names_participant_itself(obj):
                return obj
    return None
