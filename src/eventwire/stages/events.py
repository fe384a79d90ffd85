"""Events stage: code PLOVER events from the triggers in each body sentence.

A trigger is a verb ("wounded") or an event noun governed by a light verb ("launched
an attack", "held talks", "there was an attack") listed in ``data/event_patterns.yaml``.
For each trigger whose pattern matches, the actor is the subject of its clause (the
agent of a passive, or the subject inherited from the clause it hangs on), the
recipient its object or the object of a recipient preposition ("fired at the
officer"). Compound actors give one event per side; reciprocal verbs and "each
other" give one event in each direction. Only body sentences are coded: titles and
captions repeat the body.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from eventwire import lexicon
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
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_NOUN_ACTOR_PREPS = ("between", "among", "by")
_WIDE_RECIPIENT_PREPS = frozenset(
    {"to", "with", "against", "on", "at", "toward", "towards", "upon", "into", "from", "for"}
)
_NOUN_ARGUMENT_DEPS = frozenset({"dobj", "attr", "nsubj", "nsubjpass", "oprd"})
# Casualty verbs hanging on another ASSAULT trigger only add counts to it
# ("attacked a checkpoint, killing three officers" is one event).
_FOLDED_DEPS = frozenset({"advcl", "conj", "xcomp"})


def _children(token: Any, *deps: str) -> list[Any]:
    return [child for child in token.children if child.dep_ in deps]


def _subject(verb: Any) -> tuple[Any | None, bool]:
    """The subject head of ``verb``'s clause and whether the clause is passive."""
    passive = any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children)
    current = verb
    for _ in range(4):
        subjects = _children(current, *_SUBJECT_DEPS)
        if subjects:
            return subjects[0], passive
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
            return current.head, passive  # "an officer guarding the embassy"
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


def _prep_object(token: Any, preps: tuple[str, ...]) -> Any | None:
    """The object of the first of ``preps`` on ``token`` that names a participant."""
    for prep in _children(token, "prep"):
        if prep.lower_ not in preps:
            continue
        for obj in _children(prep, "pobj"):
            if obj.ent_type_ in _NOT_PARTICIPANTS:
                continue
            if prep.lower_ in _LOCATIVE_PREPS and obj.ent_type_ in _PLACES:
                continue  # "at the embassy in Belgrade" is where, not whom
            return obj
    return None


def _light_verb(noun: Any, light_verbs: frozenset[str]) -> Any | None:
    """The light verb an event noun is the object or subject of ("launched an attack",
    "went on a hunger strike", "pledged ten million euros in aid", "clashes erupted"), or
    the "be" of "there was an attack"; None when the noun is only mentioned ("called for
    an end to the fighting")."""
    token = noun
    while token.dep_ in ("compound", "conj") and token.head.i != token.i:
        token = token.head  # "aid deliveries", "protests and strikes"
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        holder = token.head.head
        token = holder if holder.dep_ in _NOUN_ARGUMENT_DEPS else token
        if holder.pos_ in ("VERB", "AUX"):
            verb = holder  # "went on strike", "took them into custody"
            return verb if _is_light(verb, light_verbs) else None
    if token.dep_ not in _NOUN_ARGUMENT_DEPS:
        return None
    verb = token.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if _is_light(verb, light_verbs):
        return verb
    if verb.lemma_ == "be" and _children(verb, "expl"):
        return verb
    return None


def _is_light(verb: Any, light_verbs: frozenset[str]) -> bool:
    return verb.lemma_.lower() in light_verbs or verb.lower_ in light_verbs


def _matches(pattern: EventPattern, trigger: Any, verb: Any) -> bool:
    if pattern.objects:
        objects = {c.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "attr")}
        objects |= {c.lower_ for c in verb.children if c.dep_ in ("dobj", "attr")}
        if not objects & set(pattern.objects):
            return False
    if pattern.preps and not {c.lower_ for c in _children(verb, "prep")} & set(pattern.preps):
        return False
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


def find_triggers(tokens: Any, patterns: PatternSet) -> Iterator[tuple[Any, Any, EventPattern]]:
    """(trigger token, clause verb, pattern) for every trigger in ``tokens``."""
    for token in tokens:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB":
            if token.dep_ in _ADJECTIVAL_DEPS:
                continue
            verb = token
            candidates = patterns.for_verb(lemma) or patterns.for_verb(token.lower_)
        elif token.pos_ in ("NOUN", "PROPN"):
            candidates = patterns.for_noun(lemma)
            verb = _light_verb(token, patterns.light_verbs) if candidates else None
            if verb is None:
                continue
        else:
            continue
        for pattern in candidates:
            if _matches(pattern, token, verb):
                yield token, verb, pattern
                break


def _actor_at(doc: Document, token: Any | None) -> Actor | None:
    """The coded actor whose phrase holds ``token`` (the smallest such phrase)."""
    if token is None:
        return None
    best: Actor | None = None
    for actor in doc.actors:
        if actor.start is None or actor.end is None:
            continue
        if actor.start <= token.idx < actor.end and (
            best is None or (actor.end - actor.start) < (best.end or 0) - (best.start or 0)
        ):
            best = actor
    return best


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


def _confidence(
    pattern: EventPattern, trigger: Any, actor: Actor | None, recipient: Actor | None
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
    return round(min(0.95, max(0.05, score)), 2)


def _is_folded(trigger: Any, pattern: EventPattern, triggers: dict[int, EventPattern]) -> bool:
    if pattern.casualty not in ("dead", "injured") or trigger.dep_ not in _FOLDED_DEPS:
        return False
    head_pattern = triggers.get(trigger.head.i)
    return head_pattern is not None and head_pattern.type == "ASSAULT"


def _arguments(trigger: Any, verb: Any, pattern: EventPattern) -> tuple[Any | None, Any | None]:
    """The head tokens of the actor and the recipient of a trigger."""
    if trigger.i != verb.i and trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.i == verb.i:
        # "Clashes between the army and rebels erupted": the noun names its actors.
        actor_head = _prep_object(trigger, _NOUN_ACTOR_PREPS)
        recipient_head = _prep_object(trigger, pattern.recipient_preps)
        return actor_head, recipient_head if pattern.has_recipient else None
    subject, passive = _subject(verb)
    if passive:
        actor_head, recipient_head = _agent(verb), subject
    else:
        actor_head, recipient_head = subject, None
    if not pattern.has_recipient:
        return actor_head, None
    if recipient_head is None and pattern.preps:
        recipient_head = _prep_object(verb, pattern.preps)  # "fired a bolt at the officer"
    if recipient_head is None and verb.i == trigger.i and not passive:
        objects = [o for o in _children(verb, "dobj") if o.ent_type_ not in _NOT_PARTICIPANTS]
        recipient_head = objects[0] if objects else None
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
    their objects, then inside the clause the verb governs."""
    anchors = [trigger, verb, *_children(trigger, "dobj"), *_children(verb, "dobj")]
    complements = _children(verb, "xcomp", "ccomp")
    candidates = [
        obj
        for anchor in anchors
        for prep in _children(anchor, "prep")
        if prep.lower_ in _WIDE_RECIPIENT_PREPS
        for obj in _children(prep, "pobj")
    ]
    for clause in complements:
        candidates += _children(clause, "dobj")
        if clause.dep_ == "ccomp":
            candidates += _children(clause, "nsubj")
        for anchor in [clause, *_children(clause, "dobj")]:
            for prep in _children(anchor, "prep"):
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


def _sides(doc: Document, head: Any | None) -> list[Actor | None]:
    """The actors of a possibly compound phrase: one per coded conjunct, or the phrase
    itself when its conjuncts are not participants ("a network and ties")."""
    actors = [_actor_at(doc, token) for token in _conjuncts(head)]
    coded = [a for a in actors if _is_coded(a)]
    if len(coded) > 1:
        return list(coded)
    return [actors[0]] if actors else [None]


def code_sentence(doc: Document, sentence: Sentence, patterns: PatternSet) -> list[Event]:
    span = doc.spacy_doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None:
        return []
    found = list(find_triggers(span, patterns))
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
    events: list[Event] = []
    for trigger, verb, pattern in found:
        if _is_folded(trigger, pattern, by_index):
            continue
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
        actor_head, recipient_head = _arguments(trigger, verb, pattern)
        actors = _sides(doc, actor_head)
        each_other = _is_each_other(recipient_head)
        recipients = [None] if each_other else _sides(doc, recipient_head)
        if pattern.reciprocal and len(recipients) == 1 and not _is_coded(recipients[0]):
            recipients = [None]  # "A and B discussed the situation": they met each other
        if (
            pattern.has_recipient
            and not each_other
            and not (pattern.reciprocal and len(actors) > 1)
            and not any(_is_coded(r) for r in recipients)
        ):
            fallback = _coded_recipient(doc, trigger, verb, actor_head)
            if fallback is not None:
                recipients = _sides(doc, fallback)
        pairs: list[tuple[Actor | None, Actor | None]]
        if (pattern.reciprocal or each_other) and recipients == [None] and len(actors) > 1:
            pairs = [(a, b) for a in actors for b in actors if a is not b]
        else:
            pairs = [(a, r) for a in actors for r in recipients]
        for actor, recipient in pairs:
            events.append(
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
                    confidence=_confidence(pattern, trigger, actor, recipient),
                )
            )
    return events


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
