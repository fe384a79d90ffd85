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
from eventwire.coding.other_years import other_year
from eventwire.coding.tallies import is_tally
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
        if found and where is not None:
            telling.append(where)
        figures = sentence_figures(found)
        if figures.dead:
            dead = max(dead or 0, figures.dead)
        if any(s.kind == "injured" for s in found):
            said_hurt = True
            hurt = max(hurt, figures.hurt)
            shot = max(shot, figures.hit)
    injured = max(hurt, shot - (dead or 0)) if said_hurt else None
    if dead is None and said_hurt:
        dead = 0
    return Toll(dead, injured, tuple(telling))


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
