"""Events stage: code PLOVER events from the triggers in each body sentence.

The triggers and the pattern each matches come from ``triggers``; the actor and the
recipient of each from ``arguments``. Compound actors give one event per side;
reciprocal verbs and "each other" give one event in each direction. An attack made by
hackers or with a cyber attack is COERCE, mode cyber (``cyber_words``); one made by
protesters or rioters is a riot, PROTEST (``riot_words``).

One event is told once: casualty clauses and tolls fold into the attack that caused
them ("killing four", "12 were killed when militants attacked"), damage done while
rioting into the riot ("rioted, setting fire to cars"), a demand stating a
protest's aim into the protest, a purpose clause of the same type into its event
("held talks with X to discuss..."). Background (relative clauses, "after"/"because"
clauses, mentions through a preposition) lowers an event's confidence. Body and
title sentences are coded (the ``headlines`` stage later folds the title's events into
the body's); captions describe photographs and are not.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from eventwire.coding import lexicon
from eventwire.coding.arguments import (
    coded_recipient,
    find_arguments,
    is_party,
    place_recipient,
    sides,
)
from eventwire.coding.lexicon import EventPattern, PatternSet
from eventwire.coding.retyping import retype
from eventwire.coding.syntax import (
    ALOFT,
    NAMED_ENTITIES,
    children,
    fired_aloft,
    is_coded,
    is_each_other,
    is_infinitive,
    misread_main_verb,
    names_actor,
)
from eventwire.coding.triggers import find_triggers, kept_triggers
from eventwire.model import Actor, Document, Event, Sentence, Zone
from eventwire.stages.registry import stage

# Casualty verbs hanging on another ASSAULT trigger only add counts to it
# ("attacked a checkpoint, killing three officers" is one event); a demand stating the
# aim of a protest is part of the protest ("marched to demand his release").
_FOLDED_DEPS = frozenset({"advcl", "conj", "xcomp"})
_AIM_DEPS = frozenset({"advcl", "xcomp", "acl", "relcl"})
_AIMS = frozenset({"REQUEST", "ACCUSE", "PROTEST"})
_STATED_AIMS = frozenset({"REQUEST", "ACCUSE"})
_AIM_LINKS = _AIM_DEPS | {"pcomp", "prep"}
_AIM_HOPS = 4
# Marks of a backgrounded clause ("after three soldiers were killed").
_BACKGROUND_MARKS = frozenset(
    {"after", "when", "since", "because", "before", "until", "though", "although", "where",
     "once", "as", "while"}
)  # fmt: skip
_BACKGROUND_PENALTY = 0.1
_MAIN_CLAUSE_BONUS = 0.05
_CODED_ZONES = frozenset({Zone.BODY, Zone.TITLE})
_ORDER = frozenset({"COP", "MIL"})  # who fires into the air to disperse a crowd
# Where a meeting or a joint action takes place is not its target.
_MUTUAL_TYPES = frozenset({"CONSULT", "COOPERATE"})
# Types whose event, done by two or more parties to nothing that is a party, is done
# between them ("A and B failed to reach agreement on X", "began a round of talks").
_SHARED_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# Modifiers that make any action shared by its actors ("began joint exercises").
_SHARED_MODIFIERS = frozenset({"joint", "mutual", "bilateral"})
# What two parties break or keep together is an agreement between them ("A and B
# violated the ceasefire"): the types of the nouns that name one.
_AGREEMENT_TYPES = frozenset({"AGREE"})


def _mode(pattern: EventPattern, sentence_tokens: Any) -> str | None:
    """The pattern's mode; for an ASSAULT, the weapon named in the sentence wins
    ("fired a crossbow bolt" is primitive, not firearms; "gunmen abducted" is firearms,
    as the PLOVER and NGEC gold files code it: letting the act's mode win lowered their
    set-aside mode accuracy 0.645 -> 0.613 and 0.585 -> 0.573 in session 23)."""
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
    elif _is_main_clause(verb):
        score += _MAIN_CLAUSE_BONUS
    return round(min(0.95, max(0.05, score)), 2)


def _is_main_clause(verb: Any) -> bool:
    """Whether the event is what the sentence says: its root, a clause coordinated with
    the root, or what the root reports ("the army said troops had retaken the town")."""
    clause = verb
    if clause.dep_ == "conj":
        clause = clause.head
    if clause.dep_ == "ccomp" and clause.head.dep_ == "ROOT":
        clause = clause.head
    return bool(clause.dep_ == "ROOT")


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
    mutual: bool = False  # done between the actor's sides ("A and B reached a deal")


# An attack noun whose modifier names the attacker of a toll: "killed in police firing".
_NAMED_ATTACKS = frozenset({"firing", "fire", "shelling", "bombing", "airstrike", "encounter"})


def _names_its_attack(verb: Any) -> bool:
    """Whether a toll names the attack, with its attacker, that caused it ("two persons
    were killed in police firing as mobs torched shops"): not the other attack's toll."""
    for prep in children(verb, "prep"):
        if prep.lower_ not in ("in", "during"):
            continue
        for noun in children(prep, "pobj"):
            if noun.lower_ in _NAMED_ATTACKS and children(noun, "compound", "amod", "poss"):
                return True
            if any(c.lower_ in _NAMED_ATTACKS for c in children(noun, "acl")):
                return True  # "in police firing" parsed as "police" + a participle
            if any(
                c.lower_ in _NAMED_ATTACKS and c.i == noun.i + 1 for c in children(verb, "advcl")
            ):
                return True  # the participle hung on the verb ("killed in police firing as")
    return False


def _is_toll(item: _Coded) -> bool:
    """A casualty told without its perpetrator ("two soldiers were killed")."""
    verb = item.trigger
    return (
        item.pattern.casualty in ("dead", "injured")
        and verb.i == item.verb.i
        and any(c.dep_ == "auxpass" for c in verb.children)
        and not children(verb, "agent")
        and not _names_its_attack(verb)
    )


def _other_killer(item: _Coded, host: _Coded) -> bool:
    """Whether a casualty clause joined to an attack names a killer of its own, another
    than the attack's ("the gunmen opened fire, but the guards killed two of them"):
    then it is an event of its own, not the attack's toll."""
    if item.trigger.dep_ != "conj" or not children(item.trigger, "nsubj"):
        return False
    own = [a for a in item.actors if a is not None and (a.sector or a.country)]
    if not own:
        return False
    theirs = {(a.sector, a.country) for a in host.actors if a is not None}
    return all((a.sector, a.country) not in theirs for a in own)


def _left_by(item: _Coded, clause: Any) -> Any | None:
    """The "leaving" clause whose object a casualty participle describes ("clashed,
    leaving 11 people injured"), hung on the clause of another event, or the verb
    "left" whose subject is the event ("the attack left one dead and three people
    wounded", the second object read as a conjunct of the verb)."""
    if item.pattern.casualty not in ("dead", "injured") or clause.dep_ not in ("acl", "amod"):
        return None
    people = clause.head
    leaving = people.head
    if people.dep_ not in ("dobj", "conj") or leaving.lemma_.lower() != "leave":
        return None
    if leaving.dep_ in _FOLDED_DEPS or any(c.dep_ == "nsubj" for c in leaving.children):
        return leaving
    return None


def _host(
    item: _Coded, hosts: dict[int, _Coded], coded: list[_Coded], patterns: PatternSet
) -> _Coded | None:
    """The event ``item`` is part of, if any: the ASSAULT whose casualties it counts, or
    the protest whose aim it states. Returns ``item`` itself when it is part of a
    protest that names no event of its own ("a demonstration calling for..."), or a
    toll told in a relative clause ("the town, where 20 people were killed in May")."""
    clause = item.verb if item.verb.i != item.trigger.i else item.trigger
    head = clause.head
    misread = misread_main_verb(item.trigger)
    if misread is not None:  # "air strikes killed 12, the ministry said": told by "killed"
        outer = hosts.get(misread.i)
        return outer if outer is not None and outer.pattern.type == item.pattern.type else None
    told_by = misread_main_verb(head) if clause.dep_ == "acl" else None
    if told_by is not None and told_by.i == clause.i:
        return None  # the clause's own verb, which the parser hung on its subject
    if clause.dep_ == "acl" and head.dep_ in ("nsubj", "nsubjpass"):
        # "Missiles fired by the rebels struck a fuel depot": the participle describes
        # the subject of another attack; one attack, told by the main verb.
        outer = hosts.get(head.head.i)
        if (
            outer is not None
            and outer is not item
            and item.pattern.type == outer.pattern.type == "ASSAULT"
        ):
            return outer  # not "talks mediated by Qatar resumed": two events
    left = _left_by(item, clause)
    if left is not None:
        outer = hosts.get(left.head.i) if left.dep_ in _FOLDED_DEPS else hosts.get(left.i)
        if outer is not None and outer is not item and outer.pattern.type == "ASSAULT":
            return outer  # "two groups clashed, leaving 11 people injured": its toll
    host = hosts.get(head.i)
    casualty = item.pattern.casualty in ("dead", "injured") and clause.dep_ in _FOLDED_DEPS
    if host is not None and host is not item and casualty and not _other_killer(item, host):
        return host if host.pattern.type == "ASSAULT" else None
    anchor = clause
    while anchor.dep_ == "conj" and anchor.head.i != anchor.i:
        anchor = anchor.head  # "setting fire to their bedding and smashing windows"
    riot = hosts.get(anchor.head.i)
    if (
        riot is not None
        and riot is not item
        and item.pattern.mode == "destroy"
        and riot.pattern.type == "PROTEST"
        and anchor.dep_ in _FOLDED_DEPS
    ):
        return riot  # "prisoners rioted, setting fire to their bedding": the riot
    ownerless_damage = item.pattern.type == "ASSAULT" and item.pattern.mode in ("destroy", None)
    if (
        ownerless_damage
        and item.pattern.casualty is None
        and not any(a is not None for a in item.actors)
    ):
        riots = [c for c in coded if c.pattern.type == "PROTEST" and c.pattern.mode == "riot"]
        if riots:
            return riots[0]  # "Police station burned down after a night of rioting"
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


def _is_purpose(clause: Any) -> bool:
    return clause.pos_ == "VERB" and (is_infinitive(clause) or clause.tag_ == "VBG")


def _code_trigger(doc: Document, trigger: Any, verb: Any, pattern: EventPattern) -> _Coded:
    actor_head, recipient_head = find_arguments(doc, trigger, verb, pattern)
    actors = sides(doc, actor_head)
    each_other = is_each_other(recipient_head)
    recipients: list[Actor | None] = [None] if each_other else sides(doc, recipient_head)
    mutual = (
        not pattern.reciprocal
        and not each_other
        and pattern.mode != "third-party"  # mediators act on the parties, not each other
        and len(actors) > 1
        and not any(is_coded(r) and is_party(doc, recipient_head) for r in recipients)
        and _is_shared(trigger, verb, pattern)
    )
    if mutual:
        return _Coded(trigger, verb, pattern, actors, [None], each_other, None, mutual=True)
    if (
        pattern.reciprocal
        and len(recipients) == 1
        and not is_coded(recipients[0])
        and not (recipient_head is not None and recipient_head.ent_type_ in NAMED_ENTITIES)
    ):
        recipients = [None]  # "A and B discussed the situation": they met each other
    if (
        pattern.object_recipient
        and not each_other
        and not (pattern.reciprocal and len(actors) > 1)
        and not (any(is_coded(r) for r in recipients) and is_party(doc, recipient_head))
    ):
        fallback = coded_recipient(doc, trigger, verb, actor_head)
        if fallback is not None:
            recipients = sides(doc, fallback)
    if pattern.type == "COERCE" and actor_head is not None:
        actors, recipients = _held_sides(doc, trigger, actor_head, actors, recipients)
    return _Coded(trigger, verb, pattern, actors, recipients, each_other, recipient_head)


# Prepositions that put someone in an arrest noun's state ("into custody", "in detention").
_CUSTODY_PREPS = frozenset({"in", "into"})
_BODY_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


def _held_sides(
    doc: Document,
    trigger: Any,
    actor_head: Any,
    actors: list[Actor | None],
    recipients: list[Actor | None],
) -> tuple[list[Actor | None], list[Actor | None]]:
    """The sides of a noun a verb puts someone in ("took the man into custody", "was
    taken into custody", "remained in police custody"): the one held is the verb's
    object, else its subject, the recipient; the agent is the subject of a verb with an
    object, else the body the noun names ("police custody"), else none (inferred later)."""
    prep = trigger.head
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj" or prep.lower_ not in _CUSTODY_PREPS:
        return actors, recipients
    verb = prep.head
    objects = children(verb, "dobj")
    if objects:
        if all(r is None for r in recipients) and objects[0].i != actor_head.i:
            recipients = sides(doc, objects[0]) or recipients
        return actors, recipients
    if any(is_coded(r) for r in recipients):
        return actors, recipients
    bodies = [sides(doc, c) for c in children(trigger, *_BODY_DEPS)]
    coded = [side for found in bodies for side in found if is_coded(side)]
    return (coded or [None]), actors


def _is_shared(trigger: Any, verb: Any, pattern: EventPattern) -> bool:
    """Whether an action of two or more parties is done between them: an agreement,
    a meeting or cooperation ("A and B failed to reach agreement on X"), anything joint
    or mutual ("A and B began joint exercises"), or keeping or breaking an agreement
    that no other party is named in ("A and B violated the ceasefire")."""
    if pattern.type in _SHARED_TYPES:
        return True
    things = [trigger, *children(trigger, "dobj")]
    if verb.i != trigger.i:
        things += children(verb, "dobj")
    if any(c.dep_ == "amod" and c.lower_ in _SHARED_MODIFIERS for t in things for c in t.children):
        return True
    patterns = lexicon.event_patterns()
    return any(
        any(p.type in _AGREEMENT_TYPES for p in patterns.for_noun(obj.lemma_.lower()))
        and not any(c.dep_ == "poss" or c.ent_type_ in NAMED_ENTITIES for c in obj.subtree)
        for obj in things[1:]
    )


def code_sentence(doc: Document, sentence: Sentence, patterns: PatternSet) -> list[Event]:
    span = doc.spacy_doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None:
        return []
    coded = [
        _code_trigger(doc, trigger, verb, pattern)
        for trigger, verb, pattern in kept_triggers(list(find_triggers(span, patterns, doc.actors)))
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
            and any(is_coded(r) for r in item.recipients)
        ):
            host.recipients = item.recipients  # "marched to demand his release"
    events: list[Event] = []
    for item in coded:
        if folded[id(item)] is not None:
            continue
        named = item.recipient_head is not None and names_actor(item.recipient_head, doc.actors)
        if (
            not item.each_other
            and not item.mutual
            and not (item.pattern.reciprocal and len(item.actors) > 1)
            and item.pattern.type not in _MUTUAL_TYPES
            and not named
            and not any(is_coded(r) for r in item.recipients)
        ):
            place = place_recipient(doc, item.trigger, item.verb, item.recipient_head)
            if place is not None:
                # The place tells the target's country, not who in it: no sector.
                item.recipients = [
                    replace(r, sector=None) if r is not None else None for r in sides(doc, place)
                ]
        events.extend(_events(doc, sentence, span, item))
    return events


def _same_side(actor: Actor | None, recipient: Actor | None) -> bool:
    return (
        actor is not None
        and recipient is not None
        and (actor.start, actor.end) == (recipient.start, recipient.end)
        and actor.start is not None
    )


def _events(doc: Document, sentence: Sentence, span: Any, item: _Coded) -> list[Event]:
    item.pattern = retype(item.pattern, item.trigger, item.verb, item.actors)
    pattern, trigger, actors, recipients = item.pattern, item.trigger, item.actors, item.recipients
    aloft = pattern.type == "ASSAULT" and fired_aloft(trigger, item.verb)
    if aloft and item.recipient_head is not None and item.recipient_head.lemma_.lower() in ALOFT:
        recipients = [None]  # "fired into the air": no one fired at
    pairs: list[tuple[Actor | None, Actor | None]]
    shared = pattern.reciprocal or item.each_other or item.mutual
    if shared and recipients == [None] and len(actors) > 1:
        pairs = [(a, b) for a in actors for b in actors if a is not b]
    else:
        # no side acts on itself ("trade between Guyana and Chile" names both sides twice)
        pairs = [(a, r) for a in actors for r in recipients if not _same_side(a, r)]
        pairs = pairs or [(a, None) for a in actors]
    return [
        Event(
            type=pattern.type,
            # shots into the air are crowd control by police or troops, not a gunman's
            mode="crowd-control"
            if aloft and actor is not None and actor.sector in _ORDER
            else _mode(pattern, span),
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
        if sentence.zone in _CODED_ZONES:
            doc.events.extend(code_sentence(doc, sentence, patterns))
    return doc
