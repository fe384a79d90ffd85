"""The events the detector stage adds on a sentence's own words (split from
``stages/detector.py``, which decides where they are added).

* ``typed_event``: an event of the type the detector is sure of, on the sentence's word
  for it (a pattern trigger whose conditions did not hold, or for a protest the main
  verb of a sentence the patterns coded nothing factual in), with the actor and
  recipient the parse gives that word;
* ``presupposed_protests``: the protest a factual intervention is done to or during
  ("police detained activists during the protests");
* ``not_as_told``: whether an added event would not be factual news (negated, modal,
  future, quoted, under a verb of stance, a summary of the past).
"""

from __future__ import annotations

from typing import Any

from eventwire.coding import lexicon
from eventwire.coding.arguments import find_arguments, sides
from eventwire.coding.lexicon import EventPattern
from eventwire.model import Actor, Document, Event, Sentence, Zone
from eventwire.stages.factuality import (
    assess,
    is_summary_of_past,
    is_told_as_series,
    reports_no_event,
)

MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


def added_event(
    sentence: Sentence,
    token: Any | None,
    kind: str,
    mode: str | None,
    actor: Actor | None,
    p: float,
) -> Event:
    return Event(
        type=kind,
        mode=mode,
        sentence=sentence.text,
        start=sentence.start,
        end=sentence.end,
        actor=actor,
        trigger=None if token is None else token.text,
        trigger_start=None if token is None else token.idx,
        trigger_end=None if token is None else token.idx + len(token.text),
        confidence=round(min(0.95, p), 3),
    )


# Verbs whose clause tells a stance on an event, not the event: an accusation, a
# condemnation, a denial, a warning ("the governor condemned the attack"); an event the
# detector sees under one of them is not added (the patterns code the stance itself).
_STANCE_VERBS = frozenset(
    {"accuse", "blame", "condemn", "denounce", "deny", "claim", "allege", "warn",
     "threaten", "urge", "call", "demand", "criticise", "criticize", "fear", "vow", "plan",
     "praise", "welcome", "deplore", "regret", "mourn", "investigate", "probe", "ask"}
)  # fmt: skip
_SPEECH_VERBS = frozenset({"say", "tell", "report", "announce", "state", "add", "quote"})
# Types whose added event may stand on the sentence's main verb when no trigger word of
# the type is in the sentence (chosen on the ACLED snippets' WORK part).
ROOT_ANCHORED_TYPES = frozenset({"PROTEST"})
# A main verb of arranging ("a press conference is scheduled", "the fair was organised
# by") tells what is arranged, not a protest done. Not "set" ("set fire to tyres" is
# done) nor the words of ``data/factuality.tsv`` (with them, ACLED set-aside protest F1
# fell 0.881 -> 0.862).
_ARRANGING_VERBS = frozenset(
    {"organise", "organize", "arrange", "schedule", "reschedule", "plan", "postpone",
     "slate"}
)  # fmt: skip
_QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "``", "''"})


def _anchor(span: Any, kind: str, bare: bool) -> tuple[Any, EventPattern] | None:
    """The word of the sentence that tells its event of type ``kind``: the first verb,
    else the first noun, that triggers a pattern of that type (whose conditions did not
    hold, or the patterns would have coded it)."""
    patterns = lexicon.event_patterns()
    noun: tuple[Any, EventPattern] | None = None
    for token in span:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB":
            found = [p for p in patterns.for_verb(lemma) if p.type == kind]
            if found:
                return token, found[0]
        elif token.pos_ == "NOUN" and noun is None and _tells_noun_event(token, patterns):
            # A pattern bound to its modifiers is another sense of the noun ("cyber
            # attack" is COERCE): it names no event of its type without them.
            found = [p for p in patterns.for_noun(lemma) if p.type == kind and not p.modifiers]
            if found:
                noun = token, found[0]
    if noun is not None or kind not in ROOT_ANCHORED_TYPES or not bare:
        return noun
    root = span.root
    if root.pos_ != "VERB" or root.lemma_.lower() in _STANCE_VERBS | _SPEECH_VERBS:
        return None
    if root.lemma_.lower() in _ARRANGING_VERBS:
        return None  # "a news conference was scheduled", "the project was organised by"
    # "Thousands took to the streets", "protesters gathered": in a sentence the patterns
    # coded nothing factual in, the protest is its main clause, in words no pattern holds.
    return root, EventPattern(root.lemma_.lower(), "verb", kind, has_recipient=False)


def _tells_noun_event(noun: Any, patterns: Any) -> bool:
    """Whether an event noun tells its event happening: a subject ("the protest turned
    violent"), after a preposition ("killed in the attack") or the object of a light
    verb ("staged a sit-in"); not what another verb does to it ("cancelled the
    restrictions", "violated a ban")."""
    if noun.dep_ == "dobj":
        return noun.head.lemma_.lower() in patterns.light_verbs
    return noun.dep_ in ("nsubj", "nsubjpass", "pobj", "ROOT")


def clause_verb(token: Any) -> Any:
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _told_as_stance(token: Any) -> bool:
    """Whether the word is quoted, or governed by a verb of stance ("accused the police
    of firing"): what someone says of an event, not the event as reported."""
    if sum(1 for t in token.sent if t.i < token.i and t.text in _QUOTE_MARKS) % 2:
        return True
    return any(a.lemma_.lower() in _STANCE_VERBS for a in token.ancestors)


def not_as_told(event: Event, doc: Document, token: Any) -> bool:
    """Whether an added event would not be factual news: negated, hypothetical, future,
    quoted or a stance, or a summary of the past (``stages/factuality.py``)."""
    return bool(
        _told_as_stance(token)
        or assess(event, doc.spacy_doc)
        or is_summary_of_past(event, doc.spacy_doc)
        or is_told_as_series(event, doc.spacy_doc)
        or (
            doc.zone_at(event.start) == Zone.BODY
            and reports_no_event(event, doc.spacy_doc, doc.text)
        )
    )


def typed_event(
    doc: Document, sentence: Sentence, span: Any, kind: str, p: float, bare: bool
) -> Event | None:
    """An event of ``kind`` on the sentence's word for it, with the actor and recipient
    the parse gives that word (as for a pattern event); None when the sentence has no
    such word or tells the event as not done, quoted or a stance."""
    found = _anchor(span, kind, bare)
    if found is None:
        return None
    token, pattern = found
    verb = clause_verb(token)
    actor_head, recipient_head = find_arguments(doc, token, verb, pattern)
    actor = sides(doc, actor_head)[0] if actor_head is not None else None
    event = added_event(sentence, token, kind, pattern.mode, actor, p)
    if recipient_head is not None:
        event.recipient = sides(doc, recipient_head)[0]
    return None if not_as_told(event, doc, token) else event


# The protest an intervention presupposes: "police detained activists during the
# protests", "forces dispersed a sit-in", "troops opened fire on demonstrators", "killed
# during anti-government demonstrations", "arrests were made during the march". The
# protest noun (or the protesters) hangs on the trigger of a factual ASSAULT or COERCE
# (or on the light verb of its noun); the protest happened, so it is coded too,
# below the intervention (PRESUPPOSED_CONFIDENCE), with the protesters as its actor when
# they are named; only where the article tells no protest otherwise.
PRESUPPOSED_PROTESTS = True
PRESUPPOSED_CONFIDENCE = 0.45
_INTERVENTIONS = frozenset({"ASSAULT", "COERCE"})
# A protest before, instead of or without the event did not (yet) happen.
_NOT_HAPPENED_PREPS = frozenset({"before", "ahead", "prior", "against", "without", "instead"})
# Force used against a protest ("fired tear gas against the demonstration", "used water
# cannon against protesters") presupposes it as well; measures against one do not
# ("imposed restrictions against protests").
FORCE_AGAINST_PROTESTS = True
_NOT_HAPPENED_MODIFIERS = frozenset(
    {"planned", "proposed", "upcoming", "future", "possible", "potential", "banned",
     "threatened", "called", "announced", "scheduled"}
)  # fmt: skip


def _protest_word(token: Any) -> bool:
    """Whether the word names a protest or protesters ("the sit-in": the tokenizer's
    "in", compounded with "sit", heads it)."""
    patterns = lexicon.event_patterns()
    if token.lower_ == "in" and any(c.lower_ == "sit" for c in token.children):
        return True
    if {token.lower_, token.lemma_.lower()} & patterns.riot_words:
        return True
    if token.pos_ != "NOUN" or token.ent_type_:
        return False  # "since March": a month
    return any(
        p.type == "PROTEST" and not (p.modifiers or p.verbs)  # not "air strike"
        for p in patterns.for_noun(token.lemma_.lower())
    )


def presupposed_protests(
    doc: Document, sentence: Sentence, span: Any, own: list[Event]
) -> list[Event]:
    """A PROTEST for the protest a factual intervention of the sentence is done to or
    during (the rule above); none when the article tells a factual PROTEST already (it is
    that protest: merge set recall 0.811 -> 0.727 when it was coded again)."""
    if any(e.type == "PROTEST" and e.factual for e in doc.events):
        return []
    kinds = {
        e.trigger_start: e.type
        for e in own
        if e.type in _INTERVENTIONS and e.factual and e.trigger_start is not None
    }
    if not kinds:
        return []
    # An intervention told by a noun hangs the protest on its light verb ("arrests were
    # made during the demonstration").
    for t in span:
        if t.idx in kinds and t.pos_ == "NOUN":
            kinds.setdefault(clause_verb(t).idx, kinds[t.idx])
    anchors = set(kinds)
    patterns = lexicon.event_patterns()
    for token in span:
        if not _protest_word(token) or token.dep_ in MODIFIER_DEPS:
            continue
        chain = list(token.ancestors)
        at = next((k for k, t in enumerate(chain) if t.idx in anchors), None)
        if at is None:
            continue
        preps = {t.lower_ for t in chain[:at]}
        if FORCE_AGAINST_PROTESTS and kinds[chain[at].idx] == "ASSAULT":
            preps -= {"against"}  # "used tear gas against a demonstration": it was there
        if preps & _NOT_HAPPENED_PREPS:
            continue
        if any(c.lower_ in _NOT_HAPPENED_MODIFIERS for c in token.children):
            continue
        protesters = bool({token.lower_, token.lemma_.lower()} & patterns.riot_words)
        actor = sides(doc, token)[0] if protesters else None
        word = next((c for c in token.children if c.lower_ == "sit"), token)
        event = added_event(sentence, word, "PROTEST", "demo", actor, PRESUPPOSED_CONFIDENCE)
        if not not_as_told(event, doc, token):
            return [event]
    return []
