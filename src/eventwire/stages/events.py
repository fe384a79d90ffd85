"""Events stage: code PLOVER events from the triggers in each body sentence.

A trigger is a verb ("wounded") or an event noun governed by a light verb ("launched
an attack", "held talks", "there was an attack") listed in ``data/event_patterns.yaml``.
A noun the sentence only mentions ("imposed after clashes", "invasion forces") is no
trigger, and a verb that ends the event its object names codes the reversal under
``reversals`` ("lifted the curfew" is CONCEDE, "halted aid" SANCTION).

For each trigger whose pattern matches, the actor is the subject of its clause (the
agent of a passive, the subject inherited from the clause it hangs on, the speaker of
"X said it would...", the noun a "who" stands for), the recipient its object or the
object of a recipient preposition ("fired at the officer"); a participant beyond an
object that is a thing ("provided training to AMISOM"), then a coded participant
nearby, then the state or region where it happened ("declared a ceasefire in Chad").
Compound actors give one event per side; reciprocal verbs and "each other" give one
event in each direction.

One event is told once: casualty clauses and tolls fold into the attack that caused
them ("killing four", "12 were killed when militants attacked"), a demand stating a
protest's aim into the protest, a purpose clause of the same type into its event
("held talks with X to discuss..."). Background (relative clauses, "after"/"because"
clauses, mentions through a preposition) lowers an event's confidence. Only body
sentences are coded: titles and captions repeat the body.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from eventwire import knowledge, lexicon
from eventwire.actor_coding import actor_at, code_phrase, reported_speaker
from eventwire.lexicon import EventPattern, PatternSet
from eventwire.model import Actor, Document, Event, Sentence, Zone
from eventwire.pipeline import stage

_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Clauses that share the subject of the clause they hang on (not reported speech).
_INHERIT_SUBJECT_DEPS = frozenset({"xcomp", "advcl", "conj", "pcomp", "acomp"})
# Verb triggers used as adjectives ("life-threatening", "wounded soldiers") are not events.
_ADJECTIVAL_DEPS = frozenset({"amod", "compound", "nmod"})
# Entities that are never participants ("fired on Tuesday", "attacked at dawn").
_NOT_PARTICIPANTS = frozenset(
    {"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"}
)
_LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "around"})
_PLACE_PREPS = frozenset({"in", "into", "to", "across", "throughout", "inside"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_NOUN_ACTOR_PREPS = ("between", "among", "by")
_WIDE_RECIPIENT_PREPS = frozenset(
    {"to", "with", "against", "on", "at", "toward", "towards", "upon", "into", "from", "for"}
)
_NOUN_ARGUMENT_DEPS = frozenset({"dobj", "attr", "nsubj", "nsubjpass", "oprd"})
# Casualty verbs hanging on another ASSAULT trigger only add counts to it
# ("attacked a checkpoint, killing three officers" is one event); a demand stating the
# aim of a protest is part of the protest ("marched to demand his release").
_FOLDED_DEPS = frozenset({"advcl", "conj", "xcomp"})
_AIM_DEPS = frozenset({"advcl", "xcomp", "acl", "relcl"})
_AIMS = frozenset({"REQUEST", "ACCUSE", "PROTEST"})
_STATED_AIMS = frozenset({"REQUEST", "ACCUSE"})
_AIM_LINKS = _AIM_DEPS | {"pcomp", "prep"}
_AIM_HOPS = 4
# "went on strike", "took them into custody", "pledged ten million in aid"; not "imposed
# after clashes" or "called for sanctions".
_LIGHT_PREPS = frozenset({"on", "into", "in", "under"})
_NAMED_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_PERSONAL_PRONOUNS = frozenset({"him", "her", "them", "he", "she", "they", "us", "me"})
_NAME_PARTS = frozenset({"PERSON", "ORG", "GPE", "FAC", "LOC", "WORK_OF_ART", "LAW", "PRODUCT"})
# Marks of a backgrounded clause ("after three soldiers were killed").
_BACKGROUND_MARKS = frozenset(
    {"after", "when", "since", "because", "before", "until", "though", "although", "where",
     "once"}
)  # fmt: skip
_BACKGROUND_PENALTY = 0.1
# Where a meeting or a joint action takes place is not its target.
_MUTUAL_TYPES = frozenset({"CONSULT", "COOPERATE"})


def _children(token: Any, *deps: str) -> list[Any]:
    return [child for child in token.children if child.dep_ in deps]


def _preps(token: Any) -> list[Any]:
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
        subjects = _children(current, *_SUBJECT_DEPS)
        if subjects:
            subject = subjects[0]
            if subject.pos_ == "VERB":  # "The Red Cross operating in Iraq said ..."
                subject = next(iter(_children(subject, "nsubj")), subject)
            if subject.tag_ in ("WDT", "WP") and current.dep_ == "relcl":
                return current.head, passive  # "rebels who attacked the base"
            speaker = reported_speaker(subject)
            return (subject if speaker is None else speaker), passive
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
            noun = current.head
            owners = _children(noun, "poss")
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
        break
    return None, passive


def _agent(verb: Any) -> Any | None:
    for agent in _children(verb, "agent"):
        objects = _children(agent, "pobj")
        if objects:
            return objects[0]
    return None


def _may_participate(token: Any) -> bool:
    """Whether a noun can name a participant: not a date or a number, unless the number
    counts people ("dozens of demonstrators")."""
    if token.ent_type_ not in _NOT_PARTICIPANTS:
        return True
    return token.pos_ == "NOUN" and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in token.children
    )


def _prep_object(token: Any, preps: tuple[str, ...]) -> Any | None:
    """The object of the first of ``preps`` on ``token`` that names a participant."""
    for prep in _preps(token):
        if prep.lower_ not in preps:
            continue
        for obj in _children(prep, "pobj"):
            if not _may_participate(obj):
                continue
            if prep.lower_ in _LOCATIVE_PREPS and obj.ent_type_ in _PLACES:
                continue  # "at the embassy in Belgrade" is where, not whom
            return obj
    return None


def _is_participant(doc: Document, token: Any) -> bool:
    """Whether a noun names a participant: a coded actor or a named person, group or
    place ("Kim", "AMISOM"), not a thing ("a statement", "training")."""
    return token.ent_type_ in _NAMED_ENTITIES or _is_coded(_actor_at(doc, token))


def _argument_head(noun: Any, patterns: PatternSet) -> Any | None:
    """The head of the phrase a noun is part of ("aid deliveries", "protests and
    strikes", "a mediation effort"); None when the noun only says what kind of thing
    its head is ("invasion forces", "attack helicopters")."""
    token = noun
    while token.dep_ in ("compound", "conj") and token.head.i != token.i:
        head = token.head
        lemma = head.lemma_.lower()
        hyphenated = token.i + 1 < len(token.doc) and token.nbor(1).text == "-"  # "sit-in"
        if token.dep_ == "compound" and not (
            hyphenated or patterns.for_noun(lemma) or lemma in patterns.carrier_nouns
        ):
            return None
        token = head
    return token


def _ending_verb(noun: Any, patterns: PatternSet) -> Any | None:
    """The verb that ends the event a noun names ("lifted the curfew", "the talks were
    suspended"), or None."""
    token = _argument_head(noun, patterns)
    if token is None:
        return None
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
        token = token.head.head  # "lifted a state of emergency"
    verb = token.head
    terminative = patterns.terminative_verbs
    if token.dep_ in ("dobj", "nsubjpass") and verb.pos_ == "VERB" and _is_light(verb, terminative):
        return verb
    return None


def _light_verb(noun: Any, patterns: PatternSet) -> Any | None:
    """The light verb an event noun is the object or subject of ("launched an attack",
    "went on a hunger strike", "pledged ten million euros in aid", "clashes erupted"), or
    the "be" of "there was an attack"; None when the noun is only mentioned ("called for
    an end to the fighting")."""
    token = _argument_head(noun, patterns)
    if token is None:
        return None
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        prep, holder = token.head.lower_, token.head.head
        if holder.pos_ == "ADV" and holder.dep_ == "advmod":
            holder = holder.head  # "are out on strike"
        if holder.pos_ in ("VERB", "AUX"):
            verb = holder  # "went on strike", "took them into custody", "are on strike"
            light = prep in _LIGHT_PREPS and (
                _is_light(verb, patterns.light_verbs)
                or _is_light(verb, patterns.subject_light_verbs)  # "ended in arrests"
            )
            return verb if light or (prep == "on" and verb.lemma_ == "be") else None
        if holder.dep_ in _NOUN_ARGUMENT_DEPS and prep in ("of", "in"):
            token = holder  # "tons of food aid", "a state of emergency"
    if token.dep_ not in _NOUN_ARGUMENT_DEPS:
        return None
    verb = token.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if token.dep_ == "nsubj":
        return verb if _is_light(verb, patterns.subject_light_verbs) else None
    if _is_light(verb, patterns.light_verbs):
        return verb
    if verb.lemma_ == "be" and _children(verb, "expl"):
        return verb
    return None


def _is_light(verb: Any, light_verbs: frozenset[str]) -> bool:
    """Whether ``verb`` is one of ``light_verbs``, which may name a particle too ("carry
    out")."""
    words = {verb.lemma_.lower(), verb.lower_}
    if words & light_verbs:
        return True
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return any(f"{word} {particle}" in light_verbs for word in words for particle in particles)


def _names_actor(token: Any, actors: Sequence[Actor]) -> bool:
    """Whether a noun names people or a group: a name, a personal pronoun, a coded
    actor or a word of the sector lexicon ("prisoners", "dozens of students")."""
    if token.pos_ == "PRON":
        return token.lower_ in _PERSONAL_PRONOUNS
    if token.ent_type_ in _NAMED_ENTITIES:
        return True
    actor = actor_at(actors, token)
    if actor is not None and (actor.sector or actor.name or token.pos_ == "PROPN"):
        return True
    terms = knowledge.sector_terms()
    compounds = " ".join(c.lower_ for c in token.children if c.dep_ == "compound")
    for words in (token.lower_, token.lemma_.lower(), f"{compounds} {token.lower_}".strip()):
        if terms.lookup(words) is not None:
            return True
    return any(_names_actor(o, actors) for o in _of_objects(token))


def _of_objects(noun: Any) -> list[Any]:
    return [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]


def _has_participant(prep: Any) -> bool:
    objects = _children(prep, "pobj", "pcomp")
    return not objects or any(_may_participate(o) for o in objects)


def _matches(pattern: EventPattern, trigger: Any, verb: Any, actors: Sequence[Actor] = ()) -> bool:
    if pattern.objects:
        heads = [c for c in verb.children if c.dep_ in ("dobj", "attr", "nsubjpass")]
        heads += [c for head in heads for c in head.conjuncts]  # "photographs and intelligence"
        heads += [o for head in heads for o in _of_objects(head)]  # "700 kg of medicine"
        objects = {word for c in heads for word in (c.lemma_.lower(), c.lower_)}
        objects |= {f"@{c.ent_type_.lower()}" for c in heads if c.ent_type_}  # "@money"
        if not objects & set(pattern.objects):
            return False
    if pattern.verbs and not {verb.lemma_.lower(), verb.lower_} & set(pattern.verbs):
        return False
    themes = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    themes += [s for c in _children(verb, "ccomp", "xcomp") for s in _children(c, "nsubj")]
    if pattern.animate and (
        _children(verb, "oprd") or not any(_names_actor(c, actors) for c in themes)
    ):
        return False  # "released the hostages", not "released a report"
    if pattern.preps and not {c.lower_ for c in _preps(verb) if _has_participant(c)} & set(
        pattern.preps
    ):
        return False  # "called on the council", not "called a strike on Friday"
    particles = {c.lower_ for c in _children(verb, "prt", "prep", "advmod")}
    if pattern.particles and not particles & set(pattern.particles):
        return False
    if pattern.modifiers:
        modifiers = {
            part
            for c in trigger.children
            if c.dep_ in ("amod", "compound", "nmod")
            for part in (c.lemma_.lower(), c.lower_)
        }
        if not modifiers & set(pattern.modifiers):
            return False
    if pattern.transitive is not None:
        has_object = bool(_children(verb, "dobj")) or any(
            c.dep_ in ("nsubjpass", "auxpass") for c in verb.children
        )
        if has_object != pattern.transitive:
            return False
    return True


def find_triggers(
    tokens: Any, patterns: PatternSet, actors: Sequence[Actor] = ()
) -> Iterator[tuple[Any, Any, EventPattern]]:
    """(trigger token, clause verb, pattern) for every trigger in ``tokens``; ``actors``
    (the document's coded actors) tell which objects name people."""
    for token in tokens:
        if token.ent_type_ in _NOT_PARTICIPANTS and (token.pos_ == "PROPN" or token.like_num):
            continue  # "signed in March": a month, not a march
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB":
            if (
                token.dep_ in _ADJECTIVAL_DEPS
                or _is_nominal(token)
                or _is_description(token, patterns)
            ):
                continue
            verb = token
            candidates = patterns.for_verb(lemma) or patterns.for_verb(token.lower_)
        elif token.pos_ in ("NOUN", "PROPN"):
            if token.ent_type_ in _NAME_PARTS:
                continue  # "the Ceasefire Violations Committee"
            candidates = patterns.for_noun(lemma)
            verb = _light_verb(token, patterns) if candidates else None
            if verb is None:
                candidates = patterns.for_ended_noun(lemma)
                verb = _ending_verb(token, patterns) if candidates else None
            if verb is None:
                continue
        else:
            continue
        for pattern in candidates:
            if _matches(pattern, token, verb, actors):
                yield token, verb, pattern
                break


def _is_nominal(verb: Any) -> bool:
    """A verb form used as a noun ("evacuated the wounded")."""
    return any(child.dep_ == "det" for child in verb.children)


def _is_description(verb: Any, patterns: PatternSet) -> bool:
    """A past participle that describes a noun without naming who acted ("weapons
    seized last year", "the curfew imposed in May"): background, not an event. A toll
    is told that way too ("the number of people killed in the bombing") and counts."""
    if any(p.casualty for p in patterns.for_verb(verb.lemma_.lower())):
        return False
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.sent.root.pos_ in ("VERB", "AUX")  # not "The garrison evacuated."
        and not _children(verb, "agent")
    )


def _actor_at(doc: Document, token: Any | None) -> Actor | None:
    return actor_at(doc.actors, token)


def _conjuncts(token: Any | None) -> list[Any]:
    """The token and the phrases coordinated with it, also through an apposition
    ("Prime Minister Nikol Pashinyan and Blinken")."""
    if token is None:
        return []
    found = [token]
    for anchor in [token, *_children(token, "appos")]:
        found.extend(c for c in anchor.conjuncts if c.dep_ == "conj" and c.i > anchor.i)
    return found


def _is_coded(actor: Actor | None) -> bool:
    return actor is not None and bool(actor.country or actor.sector or actor.name)


def _is_each_other(token: Any | None) -> bool:
    return (
        token is not None
        and token.lower_ == "other"
        and any(c.lower_ == "each" for c in token.children)
    )


def _mode(pattern: EventPattern, sentence_tokens: Any) -> str | None:
    """The pattern's mode; for an ASSAULT, the weapon named in the sentence wins
    ("fired a crossbow bolt" is primitive, not firearms)."""
    if pattern.type != "ASSAULT":
        return pattern.mode
    instruments = lexicon.assault_modes()
    for token in sentence_tokens:
        mode = instruments.get(token.lemma_.lower()) or instruments.get(token.lower_)
        if mode is not None:
            return mode
    return pattern.mode


def _contexts(sentence_tokens: Any) -> list[str]:
    words = lexicon.context_words()
    found: list[str] = []
    for token in sentence_tokens:
        context = words.get(token.lower_) or words.get(token.lemma_.lower())
        if context is not None and context not in found:
            found.append(context)
    return found


def _is_background(trigger: Any, verb: Any) -> bool:
    """Whether the event is told as background: in a relative clause, a clause hanging
    on a noun, or a clause marked "after", "when", "because"... ("where 20 people were
    killed", "after talks broke down")."""
    clause = verb
    if clause.dep_ in ("relcl", "acl"):
        return True
    if trigger.i != verb.i and trigger.dep_ == "pobj":
        return True  # "imposed after clashes" (a mention through a preposition)
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in clause.children
    )


def _confidence(
    pattern: EventPattern,
    trigger: Any,
    verb: Any,
    actor: Actor | None,
    recipient: Actor | None,
) -> float:
    score = pattern.confidence
    if actor is not None and (actor.country or actor.sector):
        score += 0.1
    if recipient is not None and (recipient.country or recipient.sector):
        score += 0.05
    if actor is None:
        score -= 0.1
    if trigger.pos_ != "VERB":
        score -= 0.05
    if _is_background(trigger, verb):
        score -= _BACKGROUND_PENALTY
    return round(min(0.95, max(0.05, score)), 2)


def _participant_object(doc: Document, verb: Any) -> Any | None:
    """The direct object of ``verb`` that names a participant, the first coded one when
    the parse gives several ("meet his counterpart Italian President Mattarella")."""
    objects = [o for o in _children(verb, "dobj") if _may_participate(o)]
    for obj in objects:
        if _is_participant(doc, obj):
            return obj
    return objects[0] if objects else None


def _arguments(
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
    if not pattern.has_recipient:
        return actor_head, None
    if not pattern.object_recipient:
        return actor_head, _prep_object(verb, pattern.recipient_preps)
    direct = _participant_object(doc, verb) if verb.i == trigger.i and not passive else None
    if recipient_head is None and direct is not None and _is_participant(doc, direct):
        recipient_head = direct  # "charged the mayor with fraud"
    if recipient_head is None and not passive:
        datives = [
            t for t in _children(verb, "dative") if t.pos_ != "ADP" and _is_participant(doc, t)
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
    if recipient_head is None:
        recipient_head = direct
    if recipient_head is None:
        recipient_head = _prep_object(trigger, pattern.recipient_preps)
    if recipient_head is None and not passive:
        recipient_head = _prep_object(verb, pattern.recipient_preps)
    if recipient_head is not None and recipient_head.i == trigger.i:
        recipient_head = None  # "went on a hunger strike": the event, not its target
    return actor_head, recipient_head


def _coded_recipient(doc: Document, trigger: Any, verb: Any, actor_head: Any | None) -> Any | None:
    """When the object names no participant ("halted economic aid to Serbia",
    "threatened to shell Iraqi towns", "demanded that North Korea give up..."), the
    first coded participant among the prepositional objects of the trigger, its verb and
    their objects (also through what describes the object: "lifted sanctions imposed on
    Eritrea", "rejected accusations by the opposition"), then inside the clause the verb
    governs."""
    objects = [*_children(trigger, "dobj"), *_children(verb, "dobj")]
    described = [clause for obj in objects for clause in _children(obj, "acl")]
    by_object = {obj.i for obj in objects}
    candidates = []
    for anchor in [trigger, verb, *objects, *described]:
        preps = _WIDE_RECIPIENT_PREPS | ({"by"} if anchor.i in by_object else set())
        for prep in _preps(anchor):
            if prep.lower_ in preps:
                candidates += _children(prep, "pobj")
    candidates += [t for t in _children(verb, "dative") if t.pos_ != "ADP"]
    purposes = [c for c in _children(verb, "advcl") if _is_infinitive(c)]  # "... to help Chad"
    for clause in [*_children(verb, "xcomp", "ccomp"), *purposes]:
        candidates += _children(clause, "dobj")
        if clause.dep_ == "ccomp":  # not "warned that they will ...": the speaker
            candidates += [t for t in _children(clause, "nsubj") if t.pos_ != "PRON"]
        for anchor in [clause, *_children(clause, "dobj")]:
            for prep in _preps(anchor):
                if prep.lower_ in _WIDE_RECIPIENT_PREPS:
                    candidates += _children(prep, "pobj")
    for token in candidates:
        if actor_head is not None and token.i == actor_head.i:
            continue
        if token.ent_type_ in _NOT_PARTICIPANTS:
            continue
        if _is_coded(_actor_at(doc, token)):
            return token
    return None


def _place_recipient(doc: Document, trigger: Any, verb: Any) -> Any | None:
    """A state or region where the event happens, as its target when it names no other
    ("declared a ceasefire in Yemen", "lifted the curfew in Montenegro"), as CAMEO
    coders do: the place of the trigger, its verb or their object."""
    anchors = [trigger, verb, *_children(trigger, "dobj"), *_children(verb, "dobj")]
    for anchor in anchors:
        for prep in _preps(anchor):
            if prep.lower_ not in _PLACE_PREPS:
                continue
            for obj in _children(prep, "pobj"):
                actor = _actor_at(doc, obj)
                if obj.ent_type_ in ("GPE", "LOC") and actor is not None and actor.country:
                    return obj
    return None


def _sides(doc: Document, head: Any | None) -> list[Actor | None]:
    """The actors of a possibly compound phrase: one per coded conjunct, or the phrase
    itself when its conjuncts are not participants ("a network and ties")."""
    actors = [_actor_of(doc, token) for token in _conjuncts(head)]
    coded = [a for a in actors if _is_coded(a)]
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
        and token.ent_type_ not in _NOT_PARTICIPANTS
    ):
        actor = code_phrase(token).actor
    return actor


@dataclass(slots=True)
class _Coded:
    """One trigger with its pattern and the sides found for it."""

    trigger: Any
    verb: Any
    pattern: EventPattern
    actors: list[Actor | None]
    recipients: list[Actor | None]
    each_other: bool
    recipient_head: Any | None


def _kept_triggers(
    found: list[tuple[Any, Any, EventPattern]],
) -> list[tuple[Any, Any, EventPattern]]:
    """The triggers that name an event of their own."""
    by_index = {trigger.i: pattern for trigger, _, pattern in found}
    # A light verb that is itself a trigger of another type gives way to the event noun
    # it governs ("pledged aid" is AID), unless it is a phrasal pattern of its own
    # ("gave in to the demands" is CONCEDE).
    named_by_noun = {
        verb.i
        for trigger, verb, pattern in found
        if verb.i != trigger.i
        and verb.i in by_index
        and by_index[verb.i].type != pattern.type
        and not (by_index[verb.i].particles or by_index[verb.i].objects)
    }
    phrasal_verbs = {
        verb.i for _, verb, _ in found if verb.i in by_index and verb.i not in named_by_noun
    }
    kept = []
    for trigger, verb, pattern in found:
        head_pattern = by_index.get(trigger.head.i)
        if trigger.dep_ in _ADJECTIVAL_DEPS and head_pattern is not None:
            continue  # "aid deliveries": one event, coded at the head noun
        verb_pattern = by_index.get(verb.i) if verb.i != trigger.i else None
        if verb_pattern is not None and (
            verb_pattern.type == pattern.type or verb.i in phrasal_verbs
        ):
            continue  # "signed an agreement": the verb already codes it
        if trigger.i in named_by_noun:
            continue  # "pledged ... aid": the event noun names the event, not the verb
        kept.append((trigger, verb, pattern))
    return kept


def _is_toll(item: _Coded) -> bool:
    """A casualty told without its perpetrator ("two soldiers were killed")."""
    verb = item.trigger
    return (
        item.pattern.casualty in ("dead", "injured")
        and verb.i == item.verb.i
        and any(c.dep_ == "auxpass" for c in verb.children)
        and not _children(verb, "agent")
    )


def _host(
    item: _Coded, hosts: dict[int, _Coded], coded: list[_Coded], patterns: PatternSet
) -> _Coded | None:
    """The event ``item`` is part of, if any: the ASSAULT whose casualties it counts, or
    the protest whose aim it states. Returns ``item`` itself when it is part of a
    protest that names no event of its own ("a demonstration calling for..."), or a
    toll told in a relative clause ("the town, where 20 people were killed in May")."""
    clause = item.verb if item.verb.i != item.trigger.i else item.trigger
    head = clause.head
    host = hosts.get(head.i)
    casualty = item.pattern.casualty in ("dead", "injured") and clause.dep_ in _FOLDED_DEPS
    if host is not None and host is not item and casualty:
        return host if host.pattern.type == "ASSAULT" else None
    if _is_toll(item):
        # "23 civilians were killed as the army launched air strikes": one event.
        attacks = [c for c in coded if c.pattern.type == "ASSAULT" and not _is_toll(c)]
        if attacks:
            return attacks[0]
        if clause.dep_ == "relcl":
            return item
    if host is not None and host is not item and clause.dep_ == "relcl" and head.pos_ == "NOUN":
        return host  # "a general strike that shut down the capital": what the event did
    same = host is not None and host is not item and host.pattern.type == item.pattern.type
    if same and clause.dep_ in _AIM_DEPS and _is_purpose(clause):
        return host  # "held talks with the envoy to discuss the border"
    if item.pattern.type not in _AIMS:
        return None
    link = clause  # "rioted ..., joining demonstrators in demanding a referendum"
    for _ in range(_AIM_HOPS):
        if link.dep_ not in _AIM_LINKS or link.head.i == link.i:
            break
        link = link.head
        host = hosts.get(link.i)
        if host is not None and host is not item and clause.dep_ in _AIM_DEPS | {"pcomp"}:
            return host if host.pattern.type == "PROTEST" else None
    if item.pattern.type in _STATED_AIMS and clause.dep_ in _AIM_DEPS and head.pos_ == "NOUN":
        nouns = patterns.for_noun(head.lemma_.lower())
        if any(p.type == "PROTEST" for p in nouns):
            return item
    return None


def _is_infinitive(clause: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _is_purpose(clause: Any) -> bool:
    return clause.pos_ == "VERB" and (_is_infinitive(clause) or clause.tag_ == "VBG")


def _code_trigger(doc: Document, trigger: Any, verb: Any, pattern: EventPattern) -> _Coded:
    actor_head, recipient_head = _arguments(doc, trigger, verb, pattern)
    actors = _sides(doc, actor_head)
    each_other = _is_each_other(recipient_head)
    recipients: list[Actor | None] = [None] if each_other else _sides(doc, recipient_head)
    if (
        pattern.reciprocal
        and len(recipients) == 1
        and not _is_coded(recipients[0])
        and not (recipient_head is not None and recipient_head.ent_type_ in _NAMED_ENTITIES)
    ):
        recipients = [None]  # "A and B discussed the situation": they met each other
    if (
        pattern.object_recipient
        and not each_other
        and not (pattern.reciprocal and len(actors) > 1)
        and not any(_is_coded(r) for r in recipients)
    ):
        fallback = _coded_recipient(doc, trigger, verb, actor_head)
        if fallback is not None:
            recipients = _sides(doc, fallback)
    return _Coded(trigger, verb, pattern, actors, recipients, each_other, recipient_head)


def code_sentence(doc: Document, sentence: Sentence, patterns: PatternSet) -> list[Event]:
    span = doc.spacy_doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None:
        return []
    coded = [
        _code_trigger(doc, trigger, verb, pattern)
        for trigger, verb, pattern in _kept_triggers(
            list(find_triggers(span, patterns, doc.actors))
        )
    ]
    hosts: dict[int, _Coded] = {}
    for item in coded:
        hosts.setdefault(item.trigger.i, item)
        hosts.setdefault(item.verb.i, item)
    folded = {id(item): _host(item, hosts, coded, patterns) for item in coded}
    for item in coded:
        host = folded[id(item)]
        if (
            host is not None
            and host is not item
            and all(r is None for r in host.recipients)
            and any(_is_coded(r) for r in item.recipients)
        ):
            host.recipients = item.recipients  # "marched to demand his release"
    events: list[Event] = []
    for item in coded:
        if folded[id(item)] is not None:
            continue
        named = item.recipient_head is not None and _names_actor(item.recipient_head, doc.actors)
        if (
            not item.each_other
            and not item.pattern.reciprocal
            and item.pattern.type not in _MUTUAL_TYPES
            and len(item.actors) == 1
            and not named
            and not any(_is_coded(r) for r in item.recipients)
        ):
            place = _place_recipient(doc, item.trigger, item.verb)
            if place is not None:
                # The place tells the target's country, not who in it: no sector.
                item.recipients = [
                    replace(r, sector=None) if r is not None else None for r in _sides(doc, place)
                ]
        events.extend(_events(doc, sentence, span, item))
    return events


def _events(doc: Document, sentence: Sentence, span: Any, item: _Coded) -> list[Event]:
    pattern, trigger, actors, recipients = item.pattern, item.trigger, item.actors, item.recipients
    pairs: list[tuple[Actor | None, Actor | None]]
    if (pattern.reciprocal or item.each_other) and recipients == [None] and len(actors) > 1:
        pairs = [(a, b) for a in actors for b in actors if a is not b]
    else:
        pairs = [(a, r) for a in actors for r in recipients]
    return [
        Event(
            type=pattern.type,
            mode=_mode(pattern, span),
            contexts=_contexts(span),
            sentence=sentence.text,
            start=sentence.start,
            end=sentence.end,
            actor=replace(actor) if actor is not None else None,
            recipient=replace(recipient) if recipient is not None else None,
            trigger=trigger.text,
            trigger_start=trigger.idx,
            trigger_end=trigger.idx + len(trigger.text),
            confidence=_confidence(pattern, trigger, item.verb, actor, recipient),
        )
        for actor, recipient in pairs
    ]


@stage(
    "events",
    requires=("doc.spacy_doc", "doc.sentences", "doc.actors"),
    assigns=("doc.events",),
)
def code_events(doc: Document) -> Document:
    patterns = lexicon.event_patterns()
    doc.events = []
    for sentence in doc.sentences:
        if sentence.zone is Zone.BODY:
            doc.events.extend(code_sentence(doc, sentence, patterns))
    return doc
