"""Factuality stage: flag events the text does not assert as having happened.

An event is *negated* ("did not attack", "no one was injured", "denied attacking", "nor
did they fire", "instead of attacking"),
*hypothetical* ("would attack", "if they attack", "accused each other of building up
troops", "could presage") or *future* ("will meet", "likely to get involved", "plans
to withdraw"). The words are in ``data/factuality.tsv``; this module looks for them
in the clause of the trigger (auxiliaries, negation, a determiner "no" on an argument,
"if" marks) and in the clauses that govern it through infinitive or prepositional
complements, clauses of purpose ("will give a grant to finance schools") and
coordination ("refused to meet or negotiate"). What a noun proposes, requests or
alleges is not a fact ("an offer to host talks", "the right to fire", "a demand that
the army withdraw"), nor is a "that" clause in the subjunctive ("its demand today that
Israel ease restrictions", wherever the parser hangs it), nor is what a light verb
promises ("pledged aid", "offered concessions": future) or what "until"/"before" set as
a condition still to be met. An
infinitive that no verb governs is a headline's future ("Leaders to meet on Friday").
Prepositions of time and cause ("after attacking") put nothing in doubt. Flagged
events are kept, with a lower confidence, but not listed by default. An event told as a
summary of the past ("have already fought two wars over the region") did happen: it is
listed, with PLOVER's "historical" context and a lower confidence, and left undated.
A body sentence that reports no event at all (a heading, a weather warning, a result in
a competition, an instruction to the reader, a question reported as speech: see
``coding.non_events``) loses its events, as does a standing state. A clause that
asserts no specific event as done (a plan on an event noun, a description in the
present, quoted speech not in a past tense, an ability, a courtesy, a state held for
long, the report's frame, a word in another sense: ``coding.nonspecific``; a question,
a punishment faced, a routine call-out, a market's demand, a restriction by weather:
``coding.unasserted``) keeps its events, flagged ``future`` or ``hypothetical``, so
analysts still see them. An event noun that its own "no" denies ("there were no talks")
is negated; an infinitive that "be" or "due" governs ("the minister is to visit", "is
due to sign") is an arrangement still to come.
"""

from __future__ import annotations

from typing import Any

from eventwire.coding.clause_flags import (
    PROMISING_VERBS,
    clause_flags,
    denied_noun,
    factuality_words,
    governing_flags,
    is_agreed_aim,
    is_aimed_arrest,
    is_arranged,
    is_infinitive,
    is_mandative,
    reported_future,
    tells_its_dead,
    word_flag,
)
from eventwire.coding.conjoined import shared_head
from eventwire.coding.habitual import is_habitual
from eventwire.coding.non_events import clause_verb
from eventwire.coding.nonspecific import nonspecific_reason
from eventwire.coding.other_senses import other_sense_reason
from eventwire.coding.past_telling import (
    is_standing_state,
    is_summary_of_past,
    is_told_as_series,
    reports_no_event,
    trigger_and_verb,
)
from eventwire.coding.tallies import is_background_tally
from eventwire.coding.unasserted import unasserted_reason
from eventwire.coding.unhappened import is_open_question, unhappened_reason
from eventwire.model import Document, Event, Zone
from eventwire.stages.registry import stage
from eventwire.timex.tense import trigger_root

# PLOVER's context for an event told as part of the past ("have already fought two wars").
HISTORICAL = "historical"
# A toll summed up over a long stretch ("have been killed since the war began"): the
# past recalled (``coding.tallies.is_background_tally``).
BACKGROUND_TALLIES = True
FLAGGED_PENALTY = 0.1
# An article whose source gave its title apart from the text (``Article.title``, no
# title line in the text) is an article with a title too: its text is all body, where
# the present tense describes rather than reports (``coding.nonspecific``).
TITLE_GIVEN_APART = True
# The reasons of ``coding.nonspecific`` that flag an event (all of them; an empty set
# turns the check off, to measure what it does).
NONSPECIFIC_REASONS: frozenset[str] = frozenset(
    {"planned", "sense", "metaphor", "reporting", "standing", "courtesy", "ability",
     "description", "present", "quoted", "background", "purpose", "maxim"}
)  # fmt: skip
# Left out: "generic", a relative clause in the present simple ("the cleric whom the
# government accuses of the coup"): right on the WORK TR-News articles (2 events), but it
# cost one NGEC set-aside story (0.876 -> 0.874, under the floor 0.875).


# The reasons of ``coding.unasserted`` that flag an event (a question, a punishment
# faced, a routine call-out, a market's demand, a restriction by weather or money).
UNASSERTED_REASONS: frozenset[str] = frozenset(
    {"question", "faced", "routine", "market", "circumstance", "thanks"}
)
# Left out: a participle describing its noun ("the banned party"; "the arrested men" are
# news: police set-aside ARREST F1 under its floor), and "aim" ("the militia was founded
# to fight"): it cost one NGEC set-aside story (under the floor 0.875) and, on WORK, a
# story whose body was set up "to recruit".


# A verb joined to another with no subject of its own is read as that one
# (``coding.conjoined``).
SHARED_CLAUSES = True
# An indirect question ("whether", "asked if") tells nothing as done.
OPEN_QUESTIONS = True
# A habit by the calendar in the present simple (``coding.habitual``).
HABITS = True
# Senses of trigger words their type does not have (``coding.other_senses``).
OTHER_SENSES: frozenset[str] = frozenset({"cause"})
# The reasons of ``coding.unhappened`` that flag an event (called off or failed, a reward
# offered, "called" an event read as a telephone call).
UNHAPPENED_REASONS: frozenset[str] = frozenset({"called_off", "reward", "called_event"})
# Left out: "no_comment" ("declined to comment", "refused to say"): 6 non-events fewer
# on the GVC work articles, but PLOVER GSR codes it REJECT and its set-aside micro-F1
# fell 0.866 -> 0.860 with it (one gold REJECT lost).


def nonspecific(event: Event, spacy_doc: Any, *, in_body: bool = False) -> tuple[str, str] | None:
    """The flag and the reason why ``event`` is told as no specific event done (a plan,
    a habit, a standing state, the report's frame, another sense of the word:
    ``coding.nonspecific``), or None."""
    found = trigger_and_verb(event, spacy_doc)
    if found is None:
        return None
    return nonspecific_reason(found[0], event.type, in_body=in_body)


def assess(event: Event, spacy_doc: Any, *, in_body: bool = False) -> set[str]:
    """The factuality flags that apply to ``event`` (``in_body``: told in the body of
    an article with a title, not in a title, a caption or a lone sentence)."""
    trigger = trigger_root(spacy_doc, event)
    if trigger is None:
        return set()
    words = factuality_words()
    verb = trigger
    flags: set[str] = set()
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        if verb.pos_ == "ADP" and verb.head.pos_ == "NOUN" and verb.lower_ in ("of", "for"):
            flag = word_flag(verb.head, words)  # "raised the possibility of sanctions"
            if flag is not None:
                flags.add("negated" if flag == "negated" else "hypothetical")
        if verb.lower_ == "of" and verb.head.lower_ == "ahead":
            flags.add("future")  # "police deployed ahead of the protests"
        verb = verb.head  # an event noun: look at its light verb's clause
    flags |= clause_flags(trigger, words) | clause_flags(verb, words)
    if denied_noun(trigger):
        flags.add("negated")  # "there has been no attack since", "reported no arrests"
    if trigger.i != verb.i and verb.lemma_.lower() in PROMISING_VERBS:
        flags.add("future")  # "offered concessions", "pledged aid": not yet given
    if is_infinitive(verb) and not any(a.pos_ in ("VERB", "AUX") for a in verb.ancestors):
        flags.add("future")  # a headline's "Leaders to meet next week"
    if is_arranged(verb):
        flags.add("future")  # "the minister is to visit", "is due to sign"
    if is_agreed_aim(verb):
        flags.add("hypothetical")  # "signed an agreement to increase trade": its aim
    if is_mandative(verb):
        flags.add("hypothetical")  # "its demand that Israel ease restrictions"
    if event.type == "COERCE" and event.mode == "arrest" and is_aimed_arrest(verb):
        flags.add("hypothetical")
    flags = reported_future(flags, verb)
    if OPEN_QUESTIONS and is_open_question(verb):
        flags.add("hypothetical")  # "declined to say whether troops would be sent"
    flags |= governing_flags(verb, words)
    if flags == {"hypothetical"} and tells_its_dead(trigger):
        flags.clear()  # "had ordered firing at the rioters in which three men were killed"
    if not flags:
        found = nonspecific_reason(trigger, event.type, in_body=in_body)
        if found is not None and found[1] in NONSPECIFIC_REASONS:
            flags.add(found[0])  # planned, habitual, standing, a frame, another sense
    joined = shared_head(trigger) if SHARED_CLAUSES else None
    if not flags and joined is not None:
        found = nonspecific_reason(joined, event.type, in_body=in_body)
        if found is not None and found[1] in NONSPECIFIC_REASONS:
            flags.add(found[0])  # "kills people and destroys families": both generic
    if not flags:
        reason = unasserted_reason(trigger, clause_verb(trigger), event.type)
        if reason is not None and reason in UNASSERTED_REASONS:
            flags.add("future" if reason == "faced" else "hypothetical")
    if not flags:
        reason = unhappened_reason(trigger, clause_verb(trigger), event.type)
        if reason is not None and reason in UNHAPPENED_REASONS:
            flags.add("negated" if reason == "called_off" else "hypothetical")
    if not flags and HABITS and is_habitual(verb):
        flags.add("hypothetical")  # "every year, pilgrims march to the shrine"
    if not flags:
        sense = other_sense_reason(trigger, verb, event.type)
        if sense is not None and sense in OTHER_SENSES:
            flags.add("hypothetical")  # "fight for independence"
    return flags


__all__ = [
    "HISTORICAL",
    "assess",
    "factuality_words",
    "flag_factuality",
    "is_summary_of_past",
    "is_told_as_series",
    "judge_events",
    "nonspecific",
    "reports_no_event",
]


def judge_events(doc: Document, events: list[Event]) -> list[Event]:
    """The events that a body sentence reports as events (titles and captions are not
    judged), each flagged as the text tells it: negated, hypothetical, future, or
    historical. Stages that add events after this one (``stages.casualties``) judge
    theirs here too."""
    kept = [
        event
        for event in events
        if doc.zone_at(event.start) in (Zone.TITLE, Zone.CAPTION)
        or not (
            is_standing_state(event, doc.spacy_doc)
            or reports_no_event(event, doc.spacy_doc, doc.text)
        )
    ]
    titled = any(span.zone is Zone.TITLE for span in doc.spans) or (
        TITLE_GIVEN_APART and doc.article is not None and doc.article.title is not None
    )
    for event in kept:
        # An article's body (it has a title): lone sentences and captions tell news in
        # the present.
        in_body = titled and doc.zone_at(event.start) == Zone.BODY
        flags = assess(event, doc.spacy_doc, in_body=in_body)
        event.negated = "negated" in flags
        event.hypothetical = "hypothetical" in flags
        event.future = "future" in flags
        if flags:
            # Less likely to stand for what happened than an asserted event.
            event.confidence = round(max(0.05, event.confidence - FLAGGED_PENALTY), 2)
        elif HISTORICAL not in event.contexts and (
            is_summary_of_past(event, doc.spacy_doc)
            or is_told_as_series(event, doc.spacy_doc)
            or (BACKGROUND_TALLIES and _is_background_tally(event, doc))
        ):
            # It happened, but not when the article appeared: the dates stage leaves
            # it undated rather than date it on the publication day.
            event.contexts.append(HISTORICAL)
            event.confidence = round(max(0.05, event.confidence - FLAGGED_PENALTY), 2)
    return kept


def _is_background_tally(event: Event, doc: Document) -> bool:
    found = trigger_and_verb(event, doc.spacy_doc)
    published = doc.article.published if doc.article is not None else None
    return found is not None and is_background_tally(*found, published)


@stage(
    "factuality",
    requires=("doc.events", "doc.spacy_doc"),
    assigns=("event.negated", "event.hypothetical", "event.future", "event.contexts"),
)
def flag_factuality(doc: Document) -> Document:
    doc.events = judge_events(doc, doc.events)
    return doc
