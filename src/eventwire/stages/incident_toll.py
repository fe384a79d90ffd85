"""An incident's toll from the whole article: the dead and injured its sentences (and
a title the text does not hold) tell, leaving out tallies over a period, tellings of
another year and sentences the caller skips (``article_toll``), and the injured of the
main telling against that toll (``incident_injured``). Used by the incidents stage
(``stages/incidents.py``); ``is_period`` is also asked by the casualty and attack
stages."""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from typing import Any

from eventwire.coding.headline_reading import is_title_case, proper_words, sentence_case
from eventwire.coding.non_events import (
    DISASTER_WORDS,
    WEATHER_WORDS,
    clause_verb,
    non_event_reason,
)
from eventwire.coding.other_years import other_year
from eventwire.coding.tallies import is_tally
from eventwire.coding.toll_updates import toll_total
from eventwire.coding.tolls import Statement, sentence_figures, statements
from eventwire.model import Document, Zone

__all__ = [
    "TOLD_ZONES",
    "Toll",
    "article_toll",
    "at_least",
    "incident_injured",
    "is_period",
    "of_another_time",
    "title_spans",
    "told_without_the_police",
]

# The zones where an article tells its incident.
TOLD_ZONES = frozenset({Zone.TITLE, Zone.CAPTION, Zone.BODY})
# A time expression that makes a sentence a tally over a period, or the telling of
# something long past ("a year and a half ago"), not of this incident.
_PERIOD = re.compile(
    r"\b(?:this|last|past|previous)\b.*\b(?:year|month|week|decade)s?\b|\bso far\b|\bsince\b"
    r"|\b(?:year|month|decade)s?\b.*\bago\b"
)


# Words that tell the police's part in a sentence: "two were killed in police firing",
# "died in clashes with the police", "the firing" (the police's own, told again).
_POLICE_FORCE_WORDS = frozenset(
    {"police", "policeman", "policemen", "cop", "cops", "constable", "constables", "officer",
     "officers", "firing", "shot", "shots", "bullet", "bullets", "gunfire", "gunshot",
     "gunshots", "lathi", "lathis", "lathicharge", "lathicharged", "baton", "batons"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Toll:
    """An incident's figures from the whole article (None: the article says none)."""

    dead: int | None
    injured: int | None
    sentences: tuple[tuple[int, int], ...] = ()  # the sentences that gave a figure


def is_period(span: Any) -> bool:
    """Whether ``span`` names a period or a time long past (a tally, not this incident).
    Several stages ask it of the same sentences: the answer is kept per Doc and span."""
    known = _PERIOD_SPANS.get(span.doc)
    if known is None:
        known = _PERIOD_SPANS[span.doc] = {}
    key = (span.start, span.end)
    answer = known.get(key)
    if answer is None:
        answer = known[key] = _names_period(span)
    return answer


# ``is_period`` answers by Doc (kept while the Doc lives) and token range.
_PERIOD_SPANS: weakref.WeakKeyDictionary[Any, dict[tuple[int, int], bool]] = (
    weakref.WeakKeyDictionary()
)


def of_another_time(span: Any, year: int | None) -> bool:
    """Whether ``span`` tells a period, a time long past or, once the incident's
    ``year`` is known, another year: its figures are not the incident's."""
    return is_period(span) or (year is not None and other_year(span, year))


def _names_period(span: Any) -> bool:
    if not any(token.ent_type_ == "DATE" for token in span):
        return False  # the cheap test first
    return any(_PERIOD.search(ent.text.lower()) for ent in _date_entities(span))


def _date_entities(span: Any) -> list[Any]:
    """The DATE entities wholly inside ``span``, as ``span.ents`` gives them (as spans
    without their label), read from the span's own tokens: ``span.ents`` first builds
    every entity of the whole Doc, at every call."""
    doc = span.doc
    found: list[Any] = []
    i = span.start
    while i < span.end:
        token = doc[i]
        if token.ent_iob_ != "B" or not token.ent_type_:
            i += 1
            continue
        end = i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        if end > span.end:
            break  # runs past the span: not inside it
        if token.ent_type_ == "DATE":
            found.append(doc[i:end])
        i = end
    return found


def title_spans(doc: Document) -> list[Any]:
    """The parse of a title the source gave but the text does not hold (a feed item's
    title beside its body): the headline tells the toll too ("Teen Killed, Another
    Wounded in Dayton Shooting"). Empty when the text holds its title."""
    from eventwire.stages.parse import load_nlp

    title = doc.article.title.strip() if doc.article and doc.article.title else ""
    if not title or any(s.zone is Zone.TITLE for s in doc.sentences):
        return []
    if is_title_case(title):
        title = sentence_case(title, proper_words(doc.article.body if doc.article else ""))
    return list(load_nlp()(title).sents)


def article_toll(doc: Document, skip: set[int], year: int | None = None) -> Toll:
    """The incident's figures from the casualty statements of ``doc``'s sentences,
    leaving out the sentences starting at the offsets in ``skip`` and, when the
    incident's ``year`` is known, those that name another year ("a March 2014 shooting
    that left a teenager dead": another incident)."""
    spacy_doc = doc.spacy_doc
    dead: int | None = None
    hurt = shot = 0
    said_hurt = False
    telling: list[tuple[int, int]] = []
    spans: list[tuple[tuple[int, int] | None, Any]] = [(None, s) for s in title_spans(doc)]
    for sentence in doc.sentences:
        if sentence.zone not in TOLD_ZONES or sentence.start in skip:
            continue
        span = spacy_doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is not None:
            spans.append(((sentence.start, sentence.end), span))
    for where, span in spans:
        if of_another_time(span, year):
            continue
        found: list[Statement] = statements(span)
        if is_tally(span.doc, found):
            continue
        if of_another_cause(span, found):
            continue
        figures = sentence_figures(found)
        # "raising the death toll to 15": the latest count, once the article has
        # counted the incident's dead (a toll that rose had a count before it; one told
        # of no dead yet counted is of something wider)
        total = toll_total(span) if dead or figures.dead else None
        counted = max(dead or 0, figures.dead)
        if total is not None and total > _UPDATE_REACH * counted + _UPDATE_SLACK:
            total = None  # 12 dead then "the toll rose to 30,000": a total of more than this
        if (found or total is not None) and where is not None:
            telling.append(where)
        if total is not None:
            dead = max(total, figures.dead)
        elif figures.dead:
            dead = max(dead or 0, figures.dead)
        if any(s.kind == "injured" for s in found):
            said_hurt = True
            hurt = max(hurt, figures.hurt)
            shot = max(shot, figures.hit)
    injured = max(hurt, shot - (dead or 0)) if said_hurt else None
    if dead is None and said_hurt:
        dead = 0
    return Toll(dead, injured, tuple(telling))


# How far an update may take the incident's dead beyond those already counted (12 dead
# may become 15 or 40; 30,000 is the toll of a war the article has not named as such).
_UPDATE_REACH = 10
_UPDATE_SLACK = 20

# Causes of death that are no attack, beside the natural forces of ``coding/non_events``:
# "lightning strikes killed 9", "killed in a fire", "died of cholera".
_CAUSE_NOUNS = frozenset(
    {"lightning", "fire", "blaze", "inferno", "crash", "accident", "collision", "stampede",
     "collapse", "disease", "illness", "cholera", "malaria", "dengue", "covid", "heatstroke",
     "drowning", "electrocution", "cold", "hunger", "starvation", "poisoning"}
)  # fmt: skip
# Verbs of an accident: "a bus plunged into a gorge, killing 10", "drowned in the river".
_CAUSE_VERBS = frozenset(
    {"plunge", "crash", "collide", "overturn", "derail", "capsize", "drown", "electrocute",
     "collapse"}
)  # fmt: skip
_HAZARDS = DISASTER_WORDS | WEATHER_WORDS | _CAUSE_NOUNS
_CAUSE_PREPS = frozenset({"in", "by", "from", "after", "during", "of", "to"})
_CAUSE_REASONS = frozenset({"accident", "disaster"})
# Words of fire set on purpose, and the fires they may have set ("died in the blaze").
_ARSON_WORDS = frozenset({"torch", "arson", "firebomb", "petrol-bomb", "ablaze", "incendiary"})
_SET_FIRES = frozenset({"blaze", "inferno"})
_ARSON_KEY = "eventwire.arson_told"
# Clauses that take their doer from the clause they hang on ("plunged ..., killing 10").
_HANGING = frozenset({"advcl", "xcomp", "conj", "acomp", "oprd", "ccomp", "relcl", "acl"})
_HOPS = 4


def of_another_cause(span: Any, found: list[Statement]) -> bool:
    """Whether every casualty statement of ``span`` tells deaths or hurt of a cause that is
    no attack: a natural force, an accident, a fire, a disease ("Floods killed 27 people
    in Swat", "lightning strikes killed 9", "a bus plunged into a gorge, killing 10",
    "two died when a building collapsed"; ``coding/non_events`` reads accidents and
    disasters). Such a sentence tells another happening: its figures are not the
    attack's toll."""
    if not found:
        return False
    doc = span.doc
    arson = _arson_told(doc)
    return all(_another_cause(doc[made.token], doc.text, arson) for made in found)


def _arson_told(doc: Any) -> bool:
    """Whether the article tells of fire set on purpose ("set houses on fire", "torched
    a bus", "arson"): then "killed in the fire" is the attack's toll. Read once per
    parse (every toll sentence asks)."""
    known = doc.user_data.get(_ARSON_KEY)
    if isinstance(known, bool):
        return known
    doc.user_data[_ARSON_KEY] = found = _reads_arson(doc)
    return found


def _reads_arson(doc: Any) -> bool:
    for token in doc:
        lemma = token.lemma_.lower()
        if lemma in _ARSON_WORDS:
            return True
        if lemma == "set" and any(
            t.lower_ in ("fire", "ablaze", "alight") for t in token.subtree if t.i > token.i
        ):
            return True
    return False


def _another_cause(cue: Any, text: str, arson: bool = False) -> bool:
    if non_event_reason(cue, text, "ASSAULT") in _CAUSE_REASONS:
        return True
    verb = clause_verb(cue)
    for _ in range(_HOPS):
        cause = _cause_of(verb, arson)
        if cause is not None:
            return cause
        if verb.dep_ not in _HANGING or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _cause_of(verb: Any, arson: bool = False) -> bool | None:
    """True when ``verb`` names a cause that is no attack (its lemma, its subject or
    agent, or the object of a preposition of cause), False when it has a doer of another
    kind (the doer of the clauses that hang on it), None when it says nothing."""
    if verb.lemma_.lower() in _CAUSE_VERBS:
        return True
    doers = [c for c in verb.children if c.dep_ == "nsubj"] + [
        p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
    ]
    causes = [
        p
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in _CAUSE_PREPS
        for p in prep.children
        if p.dep_ == "pobj"
    ]
    if any(_a_hazard(word, arson) for word in doers + causes):
        return True
    return False if doers else None


def _a_hazard(word: Any, arson: bool = False) -> bool:
    """ "floods", "lightning strikes", "a fire" (not "cross fire", "police fire", nor a
    fire the article says was set)."""
    if word.lemma_.lower() in _SET_FIRES:
        return False if arson else word.lower_ != "firing"
    if word.lemma_.lower() in ("fire", "firing"):
        return (
            not arson
            and word.lower_ == "fire"
            and not any(c.dep_ == "compound" for c in word.children)
        )
    return any(
        w.lemma_.lower() in _HAZARDS or w.lower_ in _HAZARDS
        for w in (word, *(c for c in word.children if c.dep_ == "compound"))
    )


def told_without_the_police(doc: Document) -> set[int]:
    """The starts of the told sentences that give dead or injured and name neither the
    police nor a firing ("three persons were killed in the violence", "two died in the
    clashes", "two were killed, police said": the police as the source only): the
    figures of the incident, not of the police who answered it ("two were killed in
    police firing", "four died in clashes with the police" tell the police's)."""
    spacy_doc = doc.spacy_doc
    if spacy_doc is None:
        return set()
    out: set[int] = set()
    for sentence in doc.sentences:
        if sentence.zone not in TOLD_ZONES:
            continue
        span = spacy_doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None or not statements(span):
            continue
        if not any(_names_the_police(t) and not _a_source(t) for t in span):
            out.add(sentence.start)
    return out


def _names_the_police(word: Any) -> bool:
    """Whether ``word`` names the police or their firing or charge, also as a part of a
    hyphenated word ("lathi-charge", "police-firing")."""
    return any(part in _POLICE_FORCE_WORDS for part in word.lower_.split("-"))


# Verbs of saying: "police said", "the police told reporters", "officers confirmed".
_SAYING_VERBS = frozenset(
    {"say", "tell", "report", "add", "confirm", "state", "inform", "claim", "believe",
     "suspect", "disclose", "reveal", "announce"}
)  # fmt: skip


def _a_source(word: Any) -> bool:
    """Whether the police are named only as the source of what the sentence tells ("two
    were killed, police said", "according to the police"), not as a party to it."""
    head = word.head
    if word.dep_ == "nsubj" and head.lemma_.lower() in _SAYING_VERBS:
        return True
    if word.dep_ == "compound" and head.dep_ == "nsubj":
        return str(head.head.lemma_).lower() in _SAYING_VERBS  # "police sources said"
    return bool(word.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according")


def incident_injured(own: int | None, toll: Toll) -> int | None:
    """The incident's injured: the toll's, or the telling's own when larger, unless the
    toll counts the ones the telling says were shot among its dead ("a hunter was shot"
    beside "one person is dead": the one shot died, no one was hurt)."""
    hurt, dead = toll.injured, toll.dead or 0
    if own is not None and hurt is not None and hurt < own <= hurt + dead:
        return hurt
    return at_least(own, toll.injured)


def at_least(value: int | None, floor: int | None) -> int | None:
    """``value`` raised to ``floor`` (either may be unknown)."""
    if floor is None:
        return value
    return floor if value is None else max(value, floor)
