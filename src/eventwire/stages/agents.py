"""Agents stages: the actor of an act whose agent the text leaves out.

``agents`` (after the coding stages): an arrest or detention with no stated agent
("35 persons were arrested", "they were nabbed", "remanded to police custody") is made
by the state's police: actor COP, marked ``inferred`` so an analyst can filter it out.
An arrest told by a participle on the people arrested ("the 62 persons arrested in the
town", "the arrested activists") has them as its recipient, and its agent is the one a
"by" phrase names, else the state's police.

The attacker named inside a noun phrase is the actor of an attack that names none:
"37 people were killed in police firing", "killed in firing by the police, army and
paramilitary forces", "killed in Israeli tank shelling", "killed in an encounter with
the police" (Indian English), "killed in a clash between police and villagers" (not
inferred: the text names it).

A criminal charge with no stated agent ("a 19-year-old was charged with robbery", "he
faces a murder charge", "was indicted on fraud charges") is laid by the state: the
police for a charge, the courts for an indictment, both marked ``inferred``.

An inferred actor's country is filled after places, with every other participant
named without its country, by the ``actor_countries`` stage: the country where the
event happened, else the country most of the article's places lie in.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from eventwire.coding.actor_defaults import person_sector
from eventwire.coding.actors import code_phrase
from eventwire.coding.implied_arguments import conjoined_passive
from eventwire.model import Actor, Document, Event
from eventwire.stages.incident_continuation import told_as_another
from eventwire.stages.registry import stage

_ARRESTS = frozenset({"arrest"})


def state_police() -> Actor:
    return Actor(text="police", sector="COP", inferred=True)


# Nouns of an attack whose modifier or "by" phrase names the attacker.
_ATTACK_NOUNS = frozenset(
    {"firing", "fire", "gunfire", "shelling", "strike", "airstrike", "bombing", "bombardment",
     "attack", "raid", "shooting", "crossfire", "assault", "offensive", "operation",
     "encounter", "clash", "clashes"}
)  # fmt: skip
_FIRING_VERBS = frozenset({"fire", "shoot", "shell", "bomb", "attack", "open", "charge"})
_AGENT_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
_SCENE_PREPS = frozenset({"in", "by", "during", "after", "from"})
_PARTICIPLE_DEPS = frozenset({"acl", "amod"})


def _token_at(spacy_doc: Any, start: int | None, end: int | None) -> Any | None:
    if spacy_doc is None or start is None or end is None:
        return None
    span = spacy_doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None else None


def _coded_actor(doc: Document, token: Any) -> Actor | None:
    """The coded actor mention that covers ``token`` (with a sector or a country)."""
    for actor in doc.actors:
        if actor.start is None or actor.end is None:
            continue
        if actor.start <= token.idx < actor.end and (actor.sector or actor.country):
            return actor
    return None


def _agent_of_noun(doc: Document, noun: Any) -> Actor | None:
    """The attacker an attack noun names: "firing by the police", "police firing"."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    actor = _coded_actor(doc, obj)
                    if actor is not None:
                        return actor
    for child in noun.children:
        if child.dep_ in _AGENT_DEPS and child.i < noun.i:
            for token in [child, *child.children]:
                actor = _coded_actor(doc, token)
                if actor is not None:
                    return actor
    return None


def _police_modifier(noun: Any) -> Actor | None:
    """The police an attack noun's modifier names where the actors stage coded no actor
    ("curfew was imposed after two men were killed in police firing")."""
    for child in noun.children:
        if child.dep_ in _AGENT_DEPS and child.i < noun.i:
            actor = code_phrase(child).actor
            if actor.sector == "COP":
                return actor
    return None


def _is_attack_word(token: Any) -> bool:
    return token.lower_ in _ATTACK_NOUNS or token.lemma_.lower() in _ATTACK_NOUNS


_CLASH_WORDS = frozenset({"clash", "clashes", "encounter", "fight", "battle", "skirmish"})
_POLICE_WORDS = frozenset({"police", "policemen", "cops"})
_HYPHEN_REACH = 4


def _hyphenated_side(doc: Document, trigger: Any) -> Actor | None:
    """A side of a clash named by a hyphenated pair before its word, as headlines do
    ("two dead in police-villagers clash", "army-rebel clashes"), which the parser may not
    attach to it: the coded actor of the first side, else the police named there."""
    if trigger.lower_ not in _CLASH_WORDS:
        return None
    start = max(trigger.i - _HYPHEN_REACH, trigger.sent.start)
    for i in range(start, trigger.i - 1):
        if trigger.doc[i + 1].text != "-":
            continue
        side = trigger.doc[i]
        actor = _coded_actor(doc, side)
        if actor is not None:
            return replace(actor)
        if side.lower_ in _POLICE_WORDS:
            return Actor(text=side.text, sector="COP", start=side.idx, end=side.idx + len(side))
    return None


def noun_phrase_agent(doc: Document, trigger: Any) -> Actor | None:
    """The attacker named where the attack is told, when the trigger's clause names
    none: inside an attack noun phrase ("killed in police firing", "in firing by the
    police", "in Israeli tank shelling") or as the subject of a "when" clause of firing
    ("killed when the police fired")."""
    if _is_attack_word(trigger):
        actor = _agent_of_noun(doc, trigger) or _hyphenated_side(doc, trigger)
        if actor is not None:
            return replace(actor)
    for child in trigger.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in _SCENE_PREPS:
            window = list(child.subtree)
            after = window[-1].i + 1
            if after < len(trigger.doc):
                window.append(trigger.doc[after])  # "in Israeli tank | shelling"
            if not any(_is_attack_word(t) for t in window):
                continue
            for token in window:
                actor = _coded_actor(doc, token)
                if actor is not None:
                    return replace(actor)
            for token in window:
                actor = _police_modifier(token) if _is_attack_word(token) else None
                if actor is not None:
                    return actor
        elif child.dep_ == "advcl" and child.lemma_.lower() in _FIRING_VERBS:
            for subject in child.children:
                if subject.dep_ == "nsubj":
                    actor = _coded_actor(doc, subject)
                    if actor is not None:
                        return replace(actor)
    return None


# "killed in the firing": the firing told before, by the words that tell a firing.
# Not "the shooting": in local news it names the whole incident, whoever fired.
_FIRING_NOUNS = frozenset({"firing", "fire", "gunfire", "crossfire"})
_FIRING_TRIGGERS = frozenset({"fire", "shoot", "open"})
# The armed sides a firing told before may name ("police opened fire"), not a crowd.
_ARMED_SECTORS = frozenset({"COP", "MIL", "REB", "UAF", "SPY"})
_DEFINITE = frozenset({"the", "this", "that", "such"})
# How many sentences back the firing "the firing" refers to may be told.
_FIRING_REACH = 4


def _definite_firing(trigger: Any) -> bool:
    """Whether the trigger's clause puts its deaths "in the firing" (or "during the
    firing", "in the ensuing firing") without naming who fired."""
    for prep in trigger.children:
        if prep.dep_ not in ("prep", "agent") or prep.lower_ not in _SCENE_PREPS:
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or noun.lower_ not in _FIRING_NOUNS:
                continue
            determiners = [c.lower_ for c in noun.children if c.dep_ == "det"]
            named = [
                c for c in noun.children
                if c.dep_ in _AGENT_DEPS or c.lower_ in ("by", "between", "from", "with")
            ]  # fmt: skip
            if determiners and determiners[0] in _DEFINITE and not named:
                return True
    return False


def told_firing_agent(doc: Document, event: Event, trigger: Any) -> Actor | None:
    """The one who fired, for deaths "in the firing" that an earlier sentence tells
    ("Police opened fire on the mob. One person was killed in the firing."): the actor
    of the last firing told in the sentences before, when it has one coded. Not
    inferred: the text names it, a sentence earlier."""
    if doc.spacy_doc is None or not _definite_firing(trigger):
        return None
    if event.start in told_as_another(doc, -1):
        return None  # "Separately, two were killed in the firing": another incident
    before = [s for s in doc.sentences if s.end <= event.start][-_FIRING_REACH:]
    if not before:
        return None
    firings = [
        e for e in doc.events
        if e.type == "ASSAULT" and before[0].start <= e.start < event.start and _is_firing(doc, e)
    ]  # fmt: skip
    if not firings:
        return None
    last = max(firings, key=lambda e: e.trigger_start or 0)
    actor = last.actor
    if actor is None or not last.factual or actor.sector not in _ARMED_SECTORS:
        return None
    victims = event.recipient
    if victims is not None and victims.sector == actor.sector:
        return None  # "Militants fired ... Two militants were killed in the firing": fired on
    return replace(actor, start=None, end=None)


def _is_firing(doc: Document, event: Event) -> bool:
    token = _token_at(doc.spacy_doc, event.trigger_start, event.trigger_end)
    if token is None:
        return False
    if token.lemma_.lower() in ("return", "retaliate"):
        return True  # "police returned fire": the other side fired too
    return token.lemma_.lower() in _FIRING_TRIGGERS or token.lower_ in _FIRING_NOUNS


def _covers(actor: Actor, token: Any) -> bool:
    if actor.start is None or actor.end is None:
        return False
    return bool(actor.start <= token.idx < actor.end)


def _arrested_people(doc: Document, event: Event) -> None:
    """An arrest or attack told by a participle on the people it was done to ("the 62
    persons arrested in the town", "the arrested activists", "two constables killed in
    an ambush") has them as its recipient, not its actor: its agent is the one a "by"
    phrase names, else the one the rules below find."""
    trigger = _token_at(doc.spacy_doc, event.trigger_start, event.trigger_end)
    if trigger is None or trigger.tag_ != "VBN" or trigger.dep_ not in _PARTICIPLE_DEPS:
        return
    if any(child.dep_ == "dobj" for child in trigger.children):
        # "Gunmen on motorcycles killed 12 villagers": a participle with an object of
        # its own is a main verb the parser misread; its noun did it
        return
    if event.actor is not None and not _covers(event.actor, trigger.head):
        return
    if event.actor is not None:
        event.recipient = event.actor
    agent = None
    for child in trigger.children:
        if child.dep_ == "agent":
            for obj in child.children:
                agent = agent or _coded_actor(doc, obj)
    event.actor = replace(agent) if agent is not None else None


# Verbs whose subject, with no object and no auxiliary, is who was hit, not who hit:
# the passive of a headline or a bullet with "were" left out ("4 policemen killed",
# "3 militants arrested in srinagar").
_HEADLINE_PASSIVE_VERBS = frozenset({"kill", "arrest", "detain", "nab", "injure", "wound"})


def _headline_passive(doc: Document, event: Event) -> None:
    """The subject of a headline passive ("two constables killed") is the event's
    recipient; its actor is the one a "by" phrase names, else none (left to the rules
    below)."""
    trigger = _token_at(doc.spacy_doc, event.trigger_start, event.trigger_end)
    if trigger is None or trigger.pos_ != "VERB" or trigger.tag_ not in ("VBD", "VBN"):
        return
    if trigger.lemma_.lower() not in _HEADLINE_PASSIVE_VERBS:
        return
    children = list(trigger.children)
    deps = {c.dep_ for c in children}
    if deps & {"dobj", "aux", "auxpass", "ccomp", "xcomp"} or "nsubj" not in deps:
        return
    if any(c.dep_ == "conj" and any(g.dep_ == "dobj" for g in c.children) for c in children):
        return  # "police arrested and questioned five men": a shared object
    subject = next(c for c in children if c.dep_ == "nsubj")
    if subject.pos_ == "PRON" or event.actor is None:
        return
    if not any(_covers(event.actor, t) for t in (subject, *subject.conjuncts)):
        return
    event.recipient = event.actor
    event.actor = None
    for child in children:
        if child.dep_ == "agent":
            for obj in child.children:
                agent = _coded_actor(doc, obj)
                event.actor = event.actor or (replace(agent) if agent is not None else None)


# Criminal charges told without who laid them: the lemma of the trigger and the sector of
# the state body that lays such a charge.
_CHARGE_LAYERS = {"charge": "COP", "book": "COP", "indict": "JUD"}
_CHARGE_NOUNS = frozenset({"charge", "charges", "indictment"})


def _charge_layer(doc: Document, event: Event) -> Actor | None:
    """The state body that laid a charge told in the passive ("was charged with
    theft") or faced by its recipient ("faces a murder charge"), when none is named."""
    if event.recipient is None:
        return None
    trigger = _token_at(doc.spacy_doc, event.trigger_start, event.trigger_end)
    if trigger is None:
        return None
    lemma = trigger.lemma_.lower()
    deps = {child.dep_ for child in trigger.children}
    if lemma in _CHARGE_LAYERS and (deps & {"nsubjpass", "auxpass"} or conjoined_passive(trigger)):
        sector = _CHARGE_LAYERS[lemma]
    elif lemma == "face" and any(
        child.dep_ == "dobj" and child.lower_ in _CHARGE_NOUNS for child in trigger.children
    ):
        sector = "COP"
    else:
        return None
    text = "police" if sector == "COP" else "court"
    return Actor(text=text, sector=sector, inferred=True)


@stage("agents", requires=("doc.events", "doc.actors"), assigns=("event.actor", "event.recipient"))
def infer_agents(doc: Document) -> Document:
    for event in doc.events:
        if event.type == "ASSAULT" or (event.type == "COERCE" and event.mode in _ARRESTS):
            _headline_passive(doc, event)
            _arrested_people(doc, event)
        _infer_agent(doc, event)
        # A side still without a sector that names an untitled person: a civilian.
        event.actor = person_sector(doc.spacy_doc, event, event.actor)
        event.recipient = person_sector(doc.spacy_doc, event, event.recipient, undergoer=True)
    return doc


def _infer_agent(doc: Document, event: Event) -> None:
    """The actor of an event whose text names none, by the kind of event."""
    if event.actor is None:
        if event.type == "COERCE" and event.mode in _ARRESTS:
            event.actor = state_police()
        elif event.type == "ACCUSE" and event.mode == "allege":
            event.actor = _charge_layer(doc, event)
        elif event.type == "ASSAULT":
            trigger = _token_at(doc.spacy_doc, event.trigger_start, event.trigger_end)
            if trigger is not None:
                event.actor = noun_phrase_agent(doc, trigger) or told_firing_agent(
                    doc, event, trigger
                )
