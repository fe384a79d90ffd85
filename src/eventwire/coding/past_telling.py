"""How a sentence tells an event it does not report as news of the day: as a summary
of the past ("have already fought two wars"), as one of a series ("successive rounds of
talks"), as a standing state ("is recognized as part of"), or in a sentence that reports
no event at all (``coding.non_events``). Used by ``stages.factuality``."""

from __future__ import annotations

from typing import Any

from eventwire.coding.non_events import non_event_reason
from eventwire.knowledge.sectors import sector_terms
from eventwire.model import Event
from eventwire.timex.tense import trigger_root

_SUMMARY_ADVERBS = frozenset({"already", "repeatedly", "previously", "often", "frequently"})
_SPAN_PREPS = frozenset({"over", "in", "for", "since", "during", "throughout"})
_SPAN_UNITS = frozenset({"year", "decade", "century", "generation"})
# Words that count events without a number ("have held several meetings").
_MANY = frozenset({"several", "many", "numerous", "multiple", "countless", "repeated"})
# A plural noun of these sums up a series of events ("successive rounds of talks").
_SERIES_NOUNS = frozenset({"round", "year", "decade", "series"})
_REPEATED_WORDS = frozenset({"successive", "repeated", "previous", "earlier", "numerous"})
_QUOTE_MARKS = frozenset({'"', "“", "”", "``", "''"})
_MAX_HOPS = 4


def is_summary_of_past(event: Event, spacy_doc: Any) -> bool:
    """Whether the event is told as a summary of the past, not as news: a present
    perfect with "already" or a span of years ("have already fought two wars", "have
    clashed repeatedly over the past decade"), or over a count of events ("have held
    three rounds of talks"). PLOVER's "historical" context."""
    found = trigger_and_verb(event, spacy_doc)
    if found is None:
        return False
    trigger, verb = found
    perfect = verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBP", "VBZ") for c in verb.children
    )
    if not perfect:
        return False
    if any(c.dep_ == "advmod" and c.lower_ in _SUMMARY_ADVERBS for c in verb.children):
        return True
    spans = [p for p in verb.children if p.dep_ == "prep" and p.lower_ in _SPAN_PREPS]
    if any(t.lemma_.lower() in _SPAN_UNITS for p in spans for t in p.subtree):
        return True
    if SINCE_A_YEAR and _since_a_year(verb):
        return True  # "since 2011, hundreds have been killed": years summed up
    # a count of events ("two wars", "three rounds of talks"), not of the people an act
    # took in ("have arrested two people", "have detained 12 suspects"): that is news
    counted = [trigger, *(c for c in verb.children if c.dep_ == "dobj" and not _is_people(c))]
    return any(
        (c.dep_ == "nummod" and c.like_num and c.lower_ not in ("one", "1"))
        or (c.dep_ in ("amod", "det") and c.lower_ in _MANY and noun.tag_ == "NNS")
        for noun in counted
        for c in noun.children
    )


# A present perfect counted from a year ("since 2011", "since the war began in 2014").
SINCE_A_YEAR = True


def _is_year(token: Any) -> bool:
    text = str(token.text)
    return len(text) == 4 and text.isdigit() and text[:2] in ("19", "20")


def _since_a_year(verb: Any) -> bool:
    """Whether a clause counts from a year: a "since" phrase or clause that names one
    ("since 2011", "since the uprising of 2011", "since the war began in 2014")."""
    for child in verb.children:
        opens = child.dep_ == "prep" and child.lower_ == "since"
        opens = opens or (
            child.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ == "since" for m in child.children)
        )
        if opens and any(_is_year(t) for t in child.subtree):
            return True
    return False


def _is_people(noun: Any) -> bool:
    """Whether a noun names people (an actor noun of the sector lexicon, a person or a
    nationality) rather than events."""
    if noun.ent_type_ in ("PERSON", "NORP"):
        return True
    return sector_terms().lookup(noun.lower_) is not None


def trigger_and_verb(event: Event, spacy_doc: Any) -> tuple[Any, Any] | None:
    """The trigger's root token and the verb that governs it (itself for a verb)."""
    trigger = trigger_root(spacy_doc, event)
    if trigger is None:
        return None
    verb = trigger
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return trigger, verb


def is_told_as_series(event: Event, spacy_doc: Any) -> bool:
    """Whether the event is one of a series the sentence sums up ("successive rounds of
    talks, mediated by ...", "years of fighting", "worked to support students throughout
    his career", "killings since 2011"): the past, not a new event."""
    found = trigger_and_verb(event, spacy_doc)
    if found is None:
        return False
    if _told_over_span(*found):
        return True
    if SERIES_SUBJECTS and _series_subject(found[1]):
        return True
    node = found[0]
    for _ in range(_MAX_HOPS):
        if node.tag_ == "NNS" and (
            node.lemma_.lower() in _SERIES_NOUNS
            or any(c.dep_ == "amod" and c.lower_ in _REPEATED_WORDS for c in node.children)
        ):
            return True
        if node.head.i == node.i or (node.pos_ in ("VERB", "AUX") and node.dep_ != "acl"):
            return False
        node = node.head
    return False


# A verb whose subject is a wave or a string of events, with no day of its own.
SERIES_SUBJECTS = True
_SERIES_HEADS = frozenset({"wave", "spate", "series", "string", "spree", "rash", "succession"})
_DAY_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
     "yesterday", "tonight", "overnight", "morning", "afternoon", "evening", "night"}
)  # fmt: skip


def _series_subject(verb: Any) -> bool:
    """Whether the clause's subject sums up many events ("a wave of attacks over the
    summer killed dozens", "a string of bombings has shaken the city") and the sentence
    names no day: a summary, not the news of one day."""
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subject.lemma_.lower() not in _SERIES_HEADS:
            continue
        counted = [
            o
            for p in subject.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children
            if o.dep_ == "pobj" and o.tag_ == "NNS"
        ]
        if counted and not any(t.lower_ in _DAY_WORDS for t in verb.sent):
            return True
    return False


def _told_over_span(trigger: Any, verb: Any) -> bool:
    """Whether the event's clause, or a clause it is a complement of, spans a stretch of
    time ("over the years", "throughout his career", "during the past decade", "in the
    past two years"), or a plural event noun counts events since a year ("killings
    since 2011")."""
    if trigger.tag_ == "NNS" and any(
        p.lower_ == "since" and any(o.tag_ == "CD" or o.ent_type_ == "DATE" for o in p.children)
        for node in (trigger, verb)
        for p in node.children
        if p.dep_ == "prep"
    ):
        return True
    clause = verb
    for _ in range(_MAX_HOPS):
        if any(_is_span(p) for p in clause.children if p.dep_ == "prep"):
            return True
        if clause.dep_ not in _SPAN_LINKS or clause.head.pos_ not in ("VERB", "AUX"):
            return False
        clause = clause.head
    return False


def _is_span(prep: Any) -> bool:
    """A prepositional phrase of a stretch of time: "over the years", "throughout his
    career", "in the past two decades" (not "for two years", a duration)."""
    if prep.lower_ not in _STRETCH_PREPS:
        return False
    for noun in (c for c in prep.children if c.dep_ == "pobj"):
        lemma = noun.lemma_.lower()
        if lemma in _LIFETIMES:
            return True
        recent = any(c.lower_ in ("past", "last", "recent") for c in noun.children)
        if lemma in _STRETCH_UNITS and noun.tag_ == "NNS" and (prep.lower_ != "in" or recent):
            return True
    return False


# Prepositions of a stretch of time, what it may be, and the clauses a span scopes over.
_STRETCH_PREPS = frozenset({"over", "throughout", "during", "in"})
_LIFETIMES = frozenset({"career", "life", "lifetime", "tenure"})
_STRETCH_UNITS = _SPAN_UNITS | {"month"}
_SPAN_LINKS = frozenset({"xcomp", "advcl", "conj"})


def is_standing_state(event: Event, spacy_doc: Any) -> bool:
    """Whether the body tells the event as a standing state, not as something that
    happened: a present passive with "as" ("the region is recognized as part of
    Azerbaijan", "he is seen as a mediator"): no event. Titles and captions, which tell
    news in the present, are not judged here, nor is speech reported or quoted. (The
    present simple alone, "Iran backs the government", is left alone: real news tells
    ongoing events that way too, and dropping them cost the ConfliBERT actor figure.)"""
    found = trigger_and_verb(event, spacy_doc)
    if found is None:
        return False
    verb = found[1]
    if verb.dep_ in ("ccomp", "xcomp", "conj") or _in_quotes(verb):
        return False
    children = list(verb.children)
    return (
        verb.tag_ == "VBN"
        and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in children)
        and any(c.dep_ == "prep" and c.lower_ == "as" for c in children)
    )


def reports_no_event(event: Event, spacy_doc: Any, text: str) -> bool:
    """Whether the body sentence reports no event at all: a heading, a weather
    warning, a result in a competition, an instruction, a question reported as speech
    (``coding.non_events``)."""
    found = trigger_and_verb(event, spacy_doc)
    return found is not None and non_event_reason(found[0], text, event.type) is not None


def _in_quotes(token: Any) -> bool:
    """Whether an odd number of quotation marks precede ``token`` in its sentence."""
    marks = sum(1 for t in token.sent if t.i < token.i and t.text in _QUOTE_MARKS)
    return marks % 2 == 1
