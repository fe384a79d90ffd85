"""Event triggers: which words in a sentence name an event, and with which pattern.

A trigger is a verb ("wounded") or an event noun governed by a light verb ("launched
an attack", "held talks", "there was an attack") listed in ``data/event_patterns.yaml``.
An event noun is also an event when a reporting verb tells of it ("observers reported an
attack"), when it is the agent of a main passive ("disabled by a cyber attack"), when
the sentence tells what it led to ("the withdrawal led to chaos"), and when people come
for it ("arrived for talks"). A noun the sentence only mentions ("imposed after
clashes", "invasion forces") is no trigger, unless it heads a headline that has no verb
("Teachers out on strike"). A verb that ends the event its object names codes the
reversal under ``reversals`` ("lifted the curfew" is CONCEDE, "halted aid" SANCTION), as
does a noun that ends one ("a suspension of attacks" is RETREAT) or a verb that ends a
plan ("dropped plans to impose a curfew" is CONCEDE). Of the triggers found,
``kept_triggers`` keeps those that name an event of their own ("signed an agreement" is
one event, not two).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from eventwire.coding.lexicon import EventPattern, PatternSet
from eventwire.coding.syntax import (
    COMMITTING_VERBS,
    NOT_PARTICIPANTS,
    children,
    is_infinitive,
    may_participate,
    names_actor,
    of_objects,
    prepositions,
)
from eventwire.coding.verb_forms import is_description, is_nominal, unhyphenated_adjective
from eventwire.model import Actor

# Verb triggers used as adjectives ("life-threatening", "wounded soldiers") are not events.
_ADJECTIVAL_DEPS = frozenset({"amod", "compound", "nmod"})
# "went on strike", "took them into custody", "pledged ten million in aid"; not "imposed
# after clashes" or "called for sanctions".
_LIGHT_PREPS = frozenset({"on", "into", "in", "under"})
_CEASING_VERBS = frozenset({"stop", "halt", "cease", "subside"})
# An event noun subject of a main verb in the perfect tells the event as done
# (``_tells_consequence``).
PERFECT_CONSEQUENCES = True
# Verbs of coming together whose "for" names what the comers do ("arrived in Cairo for
# talks", "gathered in the square for a rally").
_GATHERING_VERBS = frozenset(
    {"arrive", "return", "travel", "fly", "come", "head", "gather", "assemble", "convene"}
)
# Verbs that declare what their object names ("declared a truce").
_DECLARING_VERBS = frozenset({"declare", "announce", "proclaim"})
_CLAIM_VERBS = frozenset({"claim", "accept", "take", "admit", "acknowledge"})
_NOUN_ARGUMENT_DEPS = frozenset({"dobj", "attr", "nsubj", "nsubjpass", "oprd"})

# The parts of speech a trigger has (``find_triggers`` codes nothing else).
_TRIGGER_POS = frozenset({"VERB", "NOUN", "PROPN"})
_NAME_PARTS = frozenset({"PERSON", "ORG", "GPE", "FAC", "LOC", "WORK_OF_ART", "LAW", "PRODUCT"})


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
    ceasing = verb.lemma_.lower() in _CEASING_VERBS
    if token.dep_ == "nsubj" and ceasing and not children(verb, "dobj"):
        return verb  # "hostilities stopped", "the fighting ceased"
    return None


def _light_verb(noun: Any, patterns: PatternSet) -> Any | None:
    """The light verb an event noun is the object or subject of ("launched an attack",
    "went on a hunger strike", "pledged ten million euros in aid", "clashes erupted"), or
    the "be" of "there was an attack"; None when the noun is only mentioned ("called for
    an end to the fighting")."""
    token = _argument_head(noun, patterns)
    if token is None:
        return None
    claimed = _claimed_by(token)
    if claimed is not None:
        return claimed  # "claimed responsibility for the bombing"
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        prep, holder = token.head.lower_, token.head.head
        if prep == "to" and holder.lemma_.lower() in COMMITTING_VERBS:
            return holder  # "agreed to a ceasefire", "consented to talks"
        if prep == "to" and holder.lemma_.lower() in ("admit", "confess"):
            return holder  # "admitted to the killings": it happened
        if holder.pos_ == "ADV" and holder.dep_ == "advmod":
            holder = holder.head  # "are out on strike"
        if holder.pos_ in ("VERB", "AUX"):
            # "went on strike", "took them into custody", "are on strike"; not "a deal
            # reached in talks" (where it was reached)
            verb = holder
            light = (
                prep in _LIGHT_PREPS
                and verb.lemma_ != "reach"
                and (
                    _is_light(verb, patterns.light_verbs)
                    or _is_light(verb, patterns.subject_light_verbs)  # "ended in arrests"
                )
            )
            if prep == "for" and verb.lemma_.lower() in _GATHERING_VERBS:
                return verb  # "negotiators return to Geneva for talks"
            if prep == "behind" and verb.lemma_ == "be":
                return verb  # "state actors are behind the disinformation campaign"
            return verb if light or (prep == "on" and verb.lemma_ == "be") else None
        if holder.dep_ in _NOUN_ARGUMENT_DEPS and prep in ("of", "in"):
            if holder.lemma_.lower() in patterns.terminative_nouns:
                return None  # "a suspension of attacks": the attacks stop
            token = holder  # "tons of food aid", "a state of emergency"
    if token.dep_ in ("ROOT", "appos"):
        # a headline's "Concessions made by the government", "Unrest: Curfew Imposed" or
        # "Mass Deportations Reported": the participle is the verb
        made = [c for c in children(token, "acl") if c.tag_ == "VBN"]
        if made and _is_light(made[0], patterns.light_verbs | patterns.reporting_verbs):
            return made[0]
        # "Bilateral Trade Between X and Y Growing Rapidly", "Fighting Spreading"
        going = [c for c in children(token, "acl") if c.tag_ == "VBG"]
        if going and _is_light(going[0], patterns.subject_light_verbs):
            return going[0]
    if token.dep_ == "pobj" and token.head.dep_ == "agent" and token.head.head.dep_ == "ROOT":
        return token.head.head  # "Water plant disabled by cyber attack"; not background
    if token.dep_ not in _NOUN_ARGUMENT_DEPS:
        return None
    verb = token.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if token.dep_ == "nsubj":
        if _is_light(verb, patterns.subject_light_verbs) or _tells_consequence(verb, patterns):
            return verb
        return None
    if _is_light(verb, patterns.light_verbs) or _is_light(verb, patterns.reporting_verbs):
        return verb  # "launched an attack", "observers reported an attack"
    if verb.lemma_ == "be" and children(verb, "expl"):
        return verb
    return None


def _tells_consequence(verb: Any, patterns: PatternSet) -> bool:
    """Whether a main verb tells what its event-noun subject did, which presupposes the
    event ("the withdrawal led to chaos", "riots cast doubt on the vote"), not what might
    come of it ("the attack could lead to war") nor that it ended ("hostilities stopped")."""
    ending = _is_light(verb, patterns.terminative_verbs) or verb.lemma_.lower() in _CEASING_VERBS
    if verb.dep_ != "ROOT" or ending:
        return False
    auxiliaries = children(verb, "aux")
    if not auxiliaries:
        return verb.tag_ in ("VBD", "VBZ", "VBP")
    # The perfect tells it as done too ("the violence has left hundreds injured", "the
    # shelling had forced thousands to flee"); a modal or a future does not ("could lead
    # to war", "will leave").
    return (
        PERFECT_CONSEQUENCES
        and verb.tag_ == "VBN"
        and all(a.lemma_.lower() == "have" and a.tag_ in ("VBZ", "VBP", "VBD") for a in auxiliaries)
    )


def _claimed_by(noun: Any) -> Any | None:
    """The verb of "claimed responsibility for <noun>", whose subject did it."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head.lemma_.lower() != "responsibility":
        return None
    verb = prep.head.head
    if prep.head.dep_ == "dobj" and verb.lemma_.lower() in _CLAIM_VERBS:
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


def _has_participant(prep: Any) -> bool:
    objects = children(prep, "pobj", "pcomp")
    return not objects or any(may_participate(o) for o in objects)


def _objects(verb: Any) -> list[Any]:
    """The direct objects of ``verb``; a lone "dative" is one the parser misread
    ("Rebel Group Frees Hostages" ending a title)."""
    return children(verb, "dobj") or children(verb, "dative")


def _matches(pattern: EventPattern, trigger: Any, verb: Any, actors: Sequence[Actor] = ()) -> bool:
    # a participle (tagged past tense in some headlines) with the noun it describes
    passive_head = [verb.head] if verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") else []
    if pattern.objects:
        heads = _objects(verb) + children(verb, "attr", "nsubjpass", "oprd")
        heads += passive_head  # "dozens of captives released", "a militia formed in May"
        heads += [  # "called upon conscripts": the object of the pattern's preposition
            o for p in prepositions(verb) if p.lower_ in pattern.preps for o in children(p, "pobj")
        ]
        heads += [c for head in heads for c in head.conjuncts]  # "photographs and intelligence"
        heads += [o for head in heads for o in of_objects(head)]  # "700 kg of medicine"
        objects = {word for c in heads for word in (c.lemma_.lower(), c.lower_)}
        objects |= {f"@{c.ent_type_.lower()}" for c in heads if c.ent_type_}  # "@money"
        if not objects & set(pattern.objects):
            return False
    if pattern.verbs:
        # A verbless headline leaves out "be": "Nurses out on strike".
        words = (
            {"be"}
            if verb.i == trigger.i and verb.pos_ != "VERB"
            else {verb.lemma_.lower(), verb.lower_}
        )
        words |= {f"{verb.lemma_.lower()} {c.lower_}" for c in children(verb, "prt")}  # "set up"
        if not words & set(pattern.verbs):
            return False
    themes = _objects(verb) + children(verb, "nsubjpass") + passive_head
    themes += [s for c in children(verb, "ccomp", "xcomp") for s in children(c, "nsubj")]
    if pattern.animate and (
        children(verb, "oprd") or not any(names_actor(c, actors) for c in themes)
    ):
        return False  # "released the hostages", not "released a report"
    if pattern.preps and not {c.lower_ for c in prepositions(verb) if _has_participant(c)} & set(
        pattern.preps
    ):
        return False  # "called on the council", not "called a strike on Friday"
    if pattern.particles and not _particles(verb, pattern) & set(pattern.particles):
        return False
    if pattern.modifiers and not _modifiers_match(pattern, trigger):
        return False
    if pattern.subjects and not _subject_words(verb) & set(pattern.subjects):
        return False  # "the militia began operating", not "the plant began operating"
    if pattern.transitive is not None:
        # A participle on its noun is passive ("Chad: NGOs Banned for Ties"), unless the
        # noun is the root and no agent shows it: then it may be a misread main verb
        # ("The garrison evacuated before dawn").
        passive = bool(passive_head) and (verb.head.dep_ != "ROOT" or bool(children(verb, "agent")))
        has_object = (
            bool(_objects(verb))
            or passive
            or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        )
        if has_object != pattern.transitive:
            return False
    return True


def _particles(verb: Any, pattern: EventPattern) -> set[str]:
    """The words that may be ``verb``'s particle: a particle, an adverb ("pulled back"),
    or a preposition ("pulled out of the city"). A preposition with an object of its own
    after the verb's direct object is a phrase of place or time ("gave a speech in
    Paris" is no "give in"), unless the pattern names the object the verb moves
    ("allowed journalists into the region")."""
    words = {c.lower_ for c in children(verb, "prt", "advmod")}
    objects = [c.i for c in children(verb, "dobj")]
    for prep in children(verb, "prep"):
        placed = any(i < prep.i for i in objects) and bool(children(prep, "pobj"))
        if pattern.objects or not placed:
            words.add(prep.lower_)  # "pulled its troops out of the city" keeps "out"
    return words


def find_triggers(
    tokens: Any, patterns: PatternSet, actors: Sequence[Actor] = ()
) -> Iterator[tuple[Any, Any, EventPattern]]:
    """(trigger token, clause verb, pattern) for every trigger in ``tokens``; ``actors``
    (the document's coded actors) tell which objects name people."""
    for token in tokens:
        pos = token.pos_
        if pos not in _TRIGGER_POS:
            continue  # the cheap test first: only verbs and nouns are triggers
        if token.ent_type_ in NOT_PARTICIPANTS and (pos == "PROPN" or token.like_num):
            continue  # "signed in March": a month, not a march
        lemma = token.lemma_.lower()
        ended = _ended_event(token, patterns)
        if ended is not None:
            yield ended
            continue
        if pos == "VERB":
            candidates = patterns.for_verb(lemma) or patterns.for_verb(token.lower_)
            if not candidates:
                continue  # no pattern: the tests of the verb's use are not needed
            if (
                token.dep_ in _ADJECTIVAL_DEPS
                or is_nominal(token)
                or unhyphenated_adjective(token)
                or is_description(token, patterns)
                or is_ended_gerund(token, patterns)  # "stopped fighting": coded at "stopped"
            ):
                continue
            verb = token
        elif pos in ("NOUN", "PROPN"):
            if token.ent_type_ in _NAME_PARTS:
                continue  # "the Ceasefire Violations Committee"
            candidates = patterns.for_noun(lemma)
            verb = _light_verb(token, patterns) if candidates else None
            if verb is None and candidates and _heads_verbless_line(token):
                verb = token  # a headline without a verb: "Hundreds rally in capital"
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


def _ended_event(token: Any, patterns: PatternSet) -> tuple[Any, Any, EventPattern] | None:
    """The reversal coded when ``token`` ends an event named by a noun: a terminative
    noun ("announced a suspension of attacks", "the lifting of the curfew") or a
    terminative verb whose object is a plan ("suspended plans to impose curfews")."""
    lemma = token.lemma_.lower()
    ended: Any | None = None
    verb: Any | None = None
    if token.pos_ == "NOUN" and lemma in patterns.terminative_nouns:
        preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "to")]
        ended = next((o for p in preps for o in children(p, "pobj")), None)
        verb = _light_verb(token, patterns) if ended is not None else None
    elif token.pos_ == "VERB" and lemma in patterns.terminative_verbs:
        gerund = _ended_gerund(token, patterns)
        if gerund is not None:
            return gerund
        plans = [c for c in children(token, "dobj", "nsubjpass") if c.lower_ in patterns.plan_nouns]
        clauses = [c for plan in plans for c in children(plan, "acl") if is_infinitive(c)]
        ended = next((o for c in clauses for o in children(c, "dobj")), None)
        verb = token
    if ended is None or verb is None:
        return None
    for pattern in patterns.for_ended_noun(ended.lemma_.lower()):
        if _modifiers_match(pattern, ended):
            if pattern.mode == "ceasefire" and verb.lemma_.lower() in _DECLARING_VERBS:
                # "announced a suspension of attacks": a declared ceasefire, which the
                # PLOVER manual counts as a verbal concession until it is observed
                pattern = replace(pattern, type="CONCEDE", mode=None)
            return token, verb, pattern
    return None


def _ended_gerund(verb: Any, patterns: PatternSet) -> tuple[Any, Any, EventPattern] | None:
    """The reversal coded when a terminative verb ends what its gerund names ("agreed
    to stop fighting" is a ceasefire, "halted shelling the town" RETREAT)."""
    for gerund in children(verb, "xcomp", "dobj"):
        if not is_ended_gerund(gerund, patterns):
            continue
        for pattern in patterns.for_verb(gerund.lemma_.lower()):
            reversal = patterns.reversals.get(pattern.type)
            if reversal is not None:
                ending = replace(
                    pattern, trigger=verb.lemma_.lower(), type=reversal.type, mode=reversal.mode,
                    casualty=None, reciprocal=False, objects=(), preps=(), particles=(),
                    transitive=None, animate=False, example=None, subjects=(), undergoer=False,
                )  # fmt: skip
                return verb, verb, ending
    return None


def is_ended_gerund(token: Any, patterns: PatternSet) -> bool:
    """Whether ``token`` is a gerund that a terminative verb ends ("stop fighting")."""
    return (
        token.tag_ == "VBG"
        and token.dep_ in ("xcomp", "dobj")
        and token.head.pos_ == "VERB"
        and token.head.lemma_.lower() in patterns.terminative_verbs
    )


def _modifiers_match(pattern: EventPattern, noun: Any) -> bool:
    """Whether a modifier the pattern needs modifies ``noun``, or a compound of it ("a
    joint infrastructure project")."""
    if not pattern.modifiers:
        return True
    modifiers = [c for c in noun.children if c.dep_ in _ADJECTIVAL_DEPS]
    modifiers += [m for c in modifiers if c.dep_ == "compound" for m in children(c, "amod")]
    words = {w for c in modifiers for w in (c.lemma_.lower(), c.lower_)}
    return bool(words & set(pattern.modifiers))


def _subject_words(verb: Any) -> set[str]:
    """The words of a verb's subject and of its compounds ("militia members"), the
    subject of the verb it completes included ("the militia began operating")."""
    subjects = children(verb, "nsubj", "nsubjpass")
    if not subjects and verb.dep_ in ("xcomp", "conj"):
        subjects = children(verb.head, "nsubj", "nsubjpass")
    subjects += [o for s in subjects for o in of_objects(s)]  # "a first batch of peacekeepers"
    words = [*subjects, *(c for s in subjects for c in children(s, "compound", "amod"))]
    return {w for t in words for w in (t.lemma_.lower(), t.lower_)}


def _heads_verbless_line(noun: Any) -> bool:
    """Whether an event noun heads a sentence that has no verb (a headline such as
    "Teachers out on strike" or "Brazil: Widespread Torture in Prisons"): it is the
    root, what follows a place and a colon, or the object of "on", "in", "into" or
    "under"."""
    sentence = noun.sent
    if noun.dep_ == "appos" and noun.head.dep_ == "ROOT" and noun.head.i < noun.i:
        # "Chad: Clashes in the North" (where "Chad" may even be read as a verb)
        after = noun.doc[noun.i : sentence.end]
        colon = any(t.text == ":" for t in noun.doc[noun.head.i : noun.i])
        return colon and not any(t.pos_ in ("VERB", "AUX") for t in after)
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in _ADJECTIVAL_DEPS for t in sentence):
        return False  # a verb, not an adjective ("Record-Breaking Trade Between ...")
    if noun.dep_ == "ROOT":
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ in _LIGHT_PREPS


def kept_triggers(
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
        and verb.lemma_.lower() not in COMMITTING_VERBS  # "agreed to a ceasefire": both
    }
    phrasal_verbs = {
        verb.i
        for _, verb, _ in found
        if verb.i in by_index
        and verb.i not in named_by_noun
        and verb.lemma_.lower() not in COMMITTING_VERBS
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
