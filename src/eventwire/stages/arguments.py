"""Event arguments: who acts and on whom, decided from the dependency parse.

Given a trigger and the verb of its clause (see ``triggers``), the actor is the
subject of the clause: the agent of a passive, the subject inherited from the clause
it hangs on, the speaker of "X said it would...", the noun a "who" stands for. The
recipient is the object or the object of a recipient preposition ("fired at the
officer"); when that names no participant, a participant beyond an object that is a
thing ("provided training to AMISOM"), then a coded participant nearby, then the state
or region where it happened ("declared a ceasefire in Chad"). A compound phrase gives
one side per coded conjunct.

The small parse helpers here (``children``, ``prepositions``, ``names_actor``...) are
shared with the trigger finder.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventwire import knowledge, lexicon
from eventwire.actor_coding import actor_at, code_phrase, is_part_of_group, reported_speaker
from eventwire.lexicon import EventPattern
from eventwire.model import Actor, Document

_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Clauses that share the subject of the clause they hang on (not reported speech).
_INHERIT_SUBJECT_DEPS = frozenset({"xcomp", "advcl", "conj", "pcomp", "acomp"})
# Entities that are never participants ("fired on Tuesday", "attacked at dawn").
NOT_PARTICIPANTS = frozenset(
    {"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"}
)
_LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "around"})
_PLACE_PREPS = frozenset({"in", "into", "to", "across", "throughout", "inside"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_NOUN_ACTOR_PREPS = ("between", "among", "by")
_WIDE_RECIPIENT_PREPS = frozenset(
    {"to", "with", "against", "on", "at", "toward", "towards", "upon", "into", "from", "for"}
)
NAMED_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_PERSONAL_PRONOUNS = frozenset({"him", "her", "them", "he", "she", "they", "us", "me"})
_BETWEEN_PREPS = ("between", "among")
# Where something the actor moves comes from ("withdrew its troops from Iraq").
_AWAY_PREPS = ("from",)
# What names the participants of an event noun ("demands from the rebels").
_EVENT_PARTICIPANT_PREPS = frozenset({"of", "from", "by"})
# ... and the target of a measure ("restrictions on traders", "the curfew in Amman").
_MEASURE_PREPS = frozenset({"on", "against", "in"})
_MEASURE_TYPES = frozenset({"COERCE", "SANCTION"})
# Verbs whose subject also does what their complement clause says ("let free").
_CAUSATIVES = frozenset({"let", "help", "make"})
# Verbs that call someone in for what follows ("summoned the envoy to protest").
_SUMMONING_VERBS = frozenset({"summon", "invite", "convene"})


def children(token: Any, *deps: str) -> list[Any]:
    """The children of ``token`` attached by one of ``deps``."""
    return [child for child in token.children if child.dep_ in deps]


def prepositions(token: Any) -> list[Any]:
    """The prepositions on ``token``, with a "to" the parser calls a dative ("sent aid
    to the camp")."""
    return [
        child
        for child in token.children
        if child.dep_ == "prep" or (child.dep_ == "dative" and child.pos_ == "ADP")
    ]


def _subject(doc: Document, verb: Any) -> tuple[Any | None, bool]:
    """The subject head of ``verb``'s clause and whether the clause is passive."""
    passive = any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children)
    current = verb
    for _ in range(4):
        subjects = children(current, *_SUBJECT_DEPS)
        if not subjects:  # "The UK and France however have opposed": hung on "have"
            subjects = [s for aux in children(current, "aux") for s in children(aux, "nsubj")]
        if subjects:
            subject = subjects[0]
            if subject.pos_ == "VERB":  # "The Red Cross operating in Iraq said ..."
                subject = next(iter(children(subject, "nsubj")), subject)
            if subject.tag_ in ("WDT", "WP") and current.dep_ == "relcl":
                return current.head, passive  # "rebels who attacked the base"
            speaker = reported_speaker(subject)
            return (subject if speaker is None else speaker), passive
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
            noun = current.head
            owners = children(noun, "poss")
            if owners:
                return owners[0], passive  # "Putin's offer to mediate"
            if (
                noun.dep_ in ("dobj", "attr")
                and noun.head.pos_ in ("VERB", "AUX")
                and not _is_participant(doc, noun)
            ):
                current = noun.head  # "issued a statement calling on the council"
                continue
            return noun, passive  # "an officer guarding the embassy"
        if current.dep_ == "pcomp" and current.head.dep_ == "prep":
            current = current.head.head  # "responded by shooting"
            continue
        if current.dep_ in _INHERIT_SUBJECT_DEPS and current.head.i != current.i:
            current = current.head
            continue
        if current.dep_ == "ccomp" and current.head.lemma_.lower() in _CAUSATIVES:
            current = current.head  # "Ethiopia let free 74 prisoners"
            continue
        break
    return None, passive


def _agent(verb: Any) -> Any | None:
    for agent in children(verb, "agent"):
        objects = children(agent, "pobj")
        if objects:
            return objects[0]
    return None


def may_participate(token: Any) -> bool:
    """Whether a noun can name a participant: not a date or a number, unless the number
    counts people ("dozens of demonstrators")."""
    if token.ent_type_ not in NOT_PARTICIPANTS:
        return True
    return token.pos_ == "NOUN" and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in token.children
    )


def _prep_object(token: Any, preps: tuple[str, ...]) -> Any | None:
    """The object of the first of ``preps`` on ``token`` that names a participant."""
    for prep in prepositions(token):
        if prep.lower_ not in preps:
            continue
        for obj in children(prep, "pobj"):
            if not may_participate(obj):
                continue
            if prep.lower_ in _LOCATIVE_PREPS and obj.ent_type_ in _PLACES:
                continue  # "at the embassy in Belgrade" is where, not whom
            return obj
    return None


def _is_participant(doc: Document, token: Any) -> bool:
    """Whether a noun names a participant: a coded actor or a named person, group or
    place ("Kim", "AMISOM"), not a thing ("a statement", "training")."""
    return token.ent_type_ in NAMED_ENTITIES or is_coded(_actor_at(doc, token))


def names_actor(token: Any, actors: Sequence[Actor]) -> bool:
    """Whether a noun names people or a group: a name, a personal pronoun, a coded
    actor or a word of the sector lexicon ("prisoners", "dozens of students")."""
    if token.pos_ in ("PRON", "NUM") and is_part_of_group(token):
        return any(names_actor(o, actors) for o in of_objects(token))  # "some of them"
    if token.pos_ == "PRON":
        return token.lower_ in _PERSONAL_PRONOUNS
    if token.ent_type_ in NAMED_ENTITIES:
        return True
    actor = actor_at(actors, token)
    if actor is not None and (actor.sector or actor.name or token.pos_ == "PROPN"):
        return True
    if is_sector_word(token):
        return True
    return any(names_actor(o, actors) for o in of_objects(token))


def is_sector_word(token: Any) -> bool:
    """Whether the noun itself (with its compounds) is a word of the sector lexicon
    ("prisoners", "police officer"), whatever its complements say."""
    terms = knowledge.sector_terms()
    compounds = " ".join(c.lower_ for c in token.children if c.dep_ == "compound")
    for words in (token.lower_, token.lemma_.lower(), f"{compounds} {token.lower_}".strip()):
        if terms.lookup(words) is not None:
            return True
    return False


def of_objects(noun: Any) -> list[Any]:
    return [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]


def _actor_at(doc: Document, token: Any | None) -> Actor | None:
    return actor_at(doc.actors, token)


def _conjuncts(token: Any | None) -> list[Any]:
    """The token and the phrases coordinated with it, also through an apposition
    ("Prime Minister Nikol Pashinyan and Blinken")."""
    if token is None:
        return []
    found = [token]
    for anchor in [token, *children(token, "appos")]:
        found.extend(c for c in anchor.conjuncts if c.dep_ == "conj" and c.i > anchor.i)
    return found


def is_coded(actor: Actor | None) -> bool:
    return actor is not None and bool(actor.country or actor.sector or actor.name)


def is_each_other(token: Any | None) -> bool:
    return (
        token is not None
        and token.lower_ == "other"
        and any(c.lower_ == "each" for c in token.children)
    )


def is_infinitive(clause: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _participant_object(doc: Document, verb: Any) -> Any | None:
    """The direct object of ``verb`` that names a participant, the first coded one when
    the parse gives several ("meet his counterpart Italian President Mattarella")."""
    objects = [o for o in children(verb, "dobj") if may_participate(o)]
    for obj in objects:
        if _is_participant(doc, obj):
            return obj
    return objects[0] if objects else None


def find_arguments(
    doc: Document, trigger: Any, verb: Any, pattern: EventPattern
) -> tuple[Any | None, Any | None]:
    """The head tokens of the actor and the recipient of a trigger."""
    if trigger.i != verb.i and trigger.dep_ == "nsubj" and trigger.head.i == verb.i:
        # "Clashes between the army and rebels erupted": the noun names its actors.
        actor_head = _prep_object(trigger, _NOUN_ACTOR_PREPS)
        recipient_head = _prep_object(trigger, pattern.recipient_preps)
        return actor_head, recipient_head if pattern.has_recipient else None
    subject, passive = _subject(doc, verb)
    if passive:
        actor_head, recipient_head = _agent(verb), subject
    else:
        actor_head, recipient_head = subject, None
    actor_head = _event_sides(doc, actor_head) or actor_head
    if not pattern.has_recipient:
        return actor_head, None
    if not pattern.object_recipient:
        # "deployed troops to the border", "withdrew 200 peacekeepers from Liberia"
        objects = children(verb, "dobj")
        anchors = [verb, *objects, *(o for obj in objects for o in of_objects(obj))]
        found = (_prep_object(anchor, pattern.recipient_preps) for anchor in anchors)
        return actor_head, next((t for t in found if t is not None), None)
    recipient_head = _recipient(doc, trigger, verb, pattern, passive, recipient_head)
    if recipient_head is not None:
        recipient_head = _event_participant(doc, recipient_head) or recipient_head
    return actor_head, recipient_head


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
    if recipient_head is None and direct is not None and _is_participant(doc, direct):
        recipient_head = direct  # "charged the mayor with fraud"
    if recipient_head is None and not passive:
        datives = [
            t for t in children(verb, "dative") if t.pos_ != "ADP" and _is_participant(doc, t)
        ]
        recipient_head = datives[0] if datives else None  # "gave the ministry a grant"
    if recipient_head is None and pattern.preps:
        recipient_head = _prep_object(verb, pattern.preps)  # "fired a bolt at the officer"
    if recipient_head is None:
        # "provided training to AMISOM": a participant beyond an object that is a thing
        found = [
            _prep_object(anchor, pattern.recipient_preps)
            for anchor in (trigger, verb)
            if anchor.i == trigger.i or not passive
        ]
        recipient_head = next((t for t in found if t is not None and _is_participant(doc, t)), None)
    if recipient_head is None and direct is not None and "to" in pattern.recipient_preps:
        recipient_head = _prep_object(verb, ("to",))  # "donated supplies to African states"
    if recipient_head is None and direct is not None and not names_actor(direct, doc.actors):
        # "lifted restrictions on foreign workers", "offered condolences to the families"
        recipient_head = _participant_prep_object(doc, direct, _thing_preps(pattern))
    if recipient_head is None and trigger.i != verb.i:
        # "launched a mediation effort between Qatar and its neighbours"
        for anchor in _noun_anchors(trigger):
            recipient_head = recipient_head or _participant_prep_object(
                doc, anchor, _thing_preps(pattern)
            )
    if recipient_head is None:
        recipient_head = direct
    if recipient_head is None:
        recipient_head = _prep_object(trigger, pattern.recipient_preps)
    if recipient_head is None and not passive:
        recipient_head = _prep_object(verb, pattern.recipient_preps)
    summoned = verb.head.lemma_.lower() in _SUMMONING_VERBS and is_infinitive(verb)
    if recipient_head is None and verb.dep_ in ("advcl", "xcomp") and summoned:
        # "summoned the ambassador to complain": whom the actor called in for it
        called = [o for o in children(verb.head, "dobj") if _names_participant_itself(o)]
        recipient_head = called[0] if called else None
    if recipient_head is not None and recipient_head.i == trigger.i:
        recipient_head = None  # "went on a hunger strike": the event, not its target
    return recipient_head


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
            if _names_participant_itself(obj):
                return obj
            if places and _is_coded_place(doc, obj):
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
    if head.ent_type_ in NAMED_ENTITIES or is_sector_word(head) or not _is_event_noun(head):
        return None
    # A measure's place is its target ("the curfew in Amman"); an agreement's place is
    # only where it was signed ("an agreement in Accra").
    preps = _EVENT_PARTICIPANT_PREPS | (_MEASURE_PREPS if _is_measure(head) else frozenset())
    for prep in prepositions(head):
        if prep.lower_ not in preps:
            continue
        for obj in children(prep, "pobj"):
            if not may_participate(obj):
                continue
            if _names_participant_itself(obj) or _is_coded_place(doc, obj):
                return obj
    return None


def _is_measure(noun: Any) -> bool:
    """Whether an event noun names a measure taken against a place or people (a curfew,
    sanctions, restrictions): its place is its target."""
    patterns = lexicon.event_patterns().for_noun(noun.lemma_.lower())
    return any(p.type in _MEASURE_TYPES for p in patterns)


def _is_coded_place(doc: Document, token: Any) -> bool:
    """Whether a phrase names a place of a known country ("Iraq", "the West Bank
    cities", "the territory of Kashmir")."""
    actor = _actor_at(doc, token)
    if actor is None or not actor.country:
        return False
    return any(t.ent_type_ in _PLACES for t in token.subtree)


def _names_participant_itself(token: Any) -> bool:
    """Whether a noun by its own words names people, a group or a state: a name, a
    sector word ("traders", "rebel group"), or part of such a group ("some of the
    observers"); not a thing a modifier colours ("military action")."""
    if token.pos_ in ("PRON", "NUM") and is_part_of_group(token):
        return any(_names_participant_itself(o) for o in of_objects(token))
    if token.ent_type_ in NOT_PARTICIPANTS:  # "millions of workers"
        return any(_names_participant_itself(o) for o in of_objects(token))
    if token.pos_ == "PRON":
        return token.lower_ in _PERSONAL_PRONOUNS
    return token.ent_type_ in NAMED_ENTITIES or token.pos_ == "PROPN" or is_sector_word(token)


def is_party(doc: Document, head: Any | None) -> bool:
    """Whether a recipient head names a party (people, a group, a state, a coded place,
    a pronoun), not a thing coloured by a modifier ("military aid", "UN sanctions")."""
    if head is None:
        return False
    return head.pos_ == "PRON" or _names_participant_itself(head) or _is_coded_place(doc, head)


def _event_sides(doc: Document, head: Any | None) -> Any | None:
    """For an actor that is an event between parties ("the summit between the EU and
    Turkey", "talks among the factions"), the first party."""
    if head is None or names_actor(head, doc.actors) or not _is_event_noun(head):
        return None
    for prep in prepositions(head):
        if prep.lower_ not in _BETWEEN_PREPS:
            continue
        for obj in children(prep, "pobj"):
            if _names_participant_itself(obj):
                return obj
    return None


def _is_event_noun(token: Any) -> bool:
    if token.pos_ != "NOUN":
        return False
    patterns = lexicon.event_patterns()
    lemma = token.lemma_.lower()
    return bool(patterns.for_noun(lemma) or patterns.for_ended_noun(lemma))


def coded_recipient(doc: Document, trigger: Any, verb: Any, actor_head: Any | None) -> Any | None:
    """When the object names no participant ("halted economic aid to Serbia",
    "threatened to shell Iraqi towns", "demanded that North Korea give up..."), the
    first coded participant among the prepositional objects of the trigger, its verb and
    their objects (also through what describes the object: "lifted sanctions imposed on
    Eritrea", "rejected accusations by the opposition"), then inside the clause the verb
    governs."""
    objects = [*children(trigger, "dobj"), *children(verb, "dobj")]
    # "called for sanctions against the companies": the things a preposition names
    objects += [
        obj
        for anchor in (trigger, verb)
        for prep in prepositions(anchor)
        if prep.lower_ in ("for", "on")
        for obj in children(prep, "pobj")
        if not _names_participant_itself(obj)
    ]
    described = [clause for obj in objects for clause in children(obj, "acl")]
    by_object = {obj.i for obj in objects}
    candidates = []
    for anchor in [trigger, verb, *objects, *described]:
        preps = _WIDE_RECIPIENT_PREPS | ({"by"} if anchor.i in by_object else set())
        for prep in prepositions(anchor):
            if prep.lower_ in preps:
                candidates += children(prep, "pobj")
    candidates += [t for t in children(verb, "dative") if t.pos_ != "ADP"]
    purposes = [c for c in children(verb, "advcl") if is_infinitive(c)]  # "... to help Chad"
    for clause in [*children(verb, "xcomp", "ccomp"), *purposes]:
        candidates += children(clause, "dobj")
        if clause.dep_ == "ccomp":  # not "warned that they will ...": the speaker
            candidates += [t for t in children(clause, "nsubj") if t.pos_ != "PRON"]
        for anchor in [clause, *children(clause, "dobj")]:
            for prep in prepositions(anchor):
                if prep.lower_ in _WIDE_RECIPIENT_PREPS:
                    candidates += children(prep, "pobj")
    for token in candidates:
        if actor_head is not None and token.i == actor_head.i:
            continue
        if token.ent_type_ in NOT_PARTICIPANTS:
            continue
        if is_coded(_actor_at(doc, token)):
            return token
    return None


def place_recipient(doc: Document, trigger: Any, verb: Any) -> Any | None:
    """A state or region where the event happens, as its target when it names no other
    ("declared a ceasefire in Yemen", "lifted the curfew in Montenegro"), as CAMEO
    coders do: the place of the trigger, its verb or their object, or of what the verb
    agrees to ("agreed to a ceasefire in Hodeidah")."""
    agreed = [o for p in prepositions(verb) if p.lower_ == "to" for o in children(p, "pobj")]
    anchors = [trigger, verb, *children(trigger, "dobj"), *children(verb, "dobj"), *agreed]
    for anchor in anchors:
        for prep in prepositions(anchor):
            if prep.lower_ not in _PLACE_PREPS:
                continue
            for obj in children(prep, "pobj"):
                actor = _actor_at(doc, obj)
                if actor is None or not actor.country:
                    continue
                if obj.ent_type_ in ("GPE", "LOC"):
                    return obj
                inside = any(o.ent_type_ in ("GPE", "LOC") for o in of_objects(obj))
                if obj.pos_ == "NOUN" and inside:
                    return obj  # "imposed a curfew in parts of Kashmir"
    return None


def sides(doc: Document, head: Any | None) -> list[Actor | None]:
    """The actors of a possibly compound phrase: one per coded conjunct, or the phrase
    itself when its conjuncts are not participants ("a network and ties")."""
    actors = [_actor_of(doc, token) for token in _conjuncts(head)]
    coded = [a for a in actors if is_coded(a)]
    if len(coded) > 1:
        return list(coded)
    return [actors[0]] if actors else [None]


def _actor_of(doc: Document, token: Any) -> Actor | None:
    """The coded actor of an argument; a noun the actors stage did not take for an
    argument (a headline-like "The Iraqi air force carried out...") is coded here."""
    actor = _actor_at(doc, token)
    if token.dep_ == "poss" and token.pos_ == "PROPN":
        return code_phrase(token).actor  # "Putin's offer": Putin, not the offer
    if (
        actor is None
        and token.pos_ in ("NOUN", "PROPN")
        and token.ent_type_ not in NOT_PARTICIPANTS
    ):
        actor = code_phrase(token).actor
    return actor
