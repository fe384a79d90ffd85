"""Attacks stage: the attack an article tells only through its toll.

An article can tell its attack only through its toll ("the boy was shot and killed by
a friend" where the events stage coded no factual attack): the ``attacks`` stage, run
before places and dates, codes an ASSAULT on the first such sentence, with a lower
confidence (0.5), so that the incident (``stages/incidents.py``) has an event to carry
its figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eventwire.coding import lexicon
from eventwire.coding.non_events import clause_verb, non_event_reason
from eventwire.coding.tallies import is_background_tally
from eventwire.coding.tolls import ATTACK_LEMMAS, sentence_figures, statements
from eventwire.model import Document, Event, Sentence, Zone
from eventwire.stages.detector import holds_no_event
from eventwire.stages.factuality import HISTORICAL
from eventwire.stages.incident_toll import TOLD_ZONES, is_period
from eventwire.stages.incidents import main_attack
from eventwire.stages.registry import stage

# The confidence of an attack coded from its toll alone (no trigger of the events stage).
_TOLD_CONFIDENCE = 0.5
# A sentence whose attack is told as the past ("historical": "more than 10,000 have
# been killed since 2015"), or whose toll is a background tally, tells no attack of
# the article's own.
SKIP_PAST_TOLLS = True


# Words that name a shot that hit someone ("died of a gunshot wound", "hit by a stray
# bullet"), a firearm ("the handgun belonged to his uncle") or a killing
# ("treated as a homicide"): the article tells an attack, as "a shooting" does, and a
# death it tells is that attack's (people also die of illness and age: "died of cancer"
# tells no attack in an article that names none).
_GUN_WOUND_WORDS = frozenset(
    {"gunshot", "gunfire", "bullet", "gun", "handgun", "pistol", "rifle", "shotgun", "firearm",
     "homicide", "murder", "slaying", "manslaughter", "stabbing"}
)  # fmt: skip
# Nouns of a topic, not of an act: "a gun law", "a murder trial", "the homicide rate"
# name no attack the article tells.
_TOPIC_HEADS = frozenset(
    {"law", "legislation", "bill", "control", "policy", "debate", "lobby", "right", "trial",
     "case", "charge", "rate", "statistic", "figure", "sale", "trade", "show", "novel"}
)  # fmt: skip
# Causes of a death that is no attack's ("died of cancer", "died from complications of
# a stroke", "died after a long illness").
_NATURAL_CAUSES = frozenset(
    {"cancer", "illness", "disease", "covid", "covid-19", "stroke", "complication", "cause",
     "pneumonia", "failure", "infection", "virus", "age", "dementia", "heart", "tumor",
     "tumour", "leukemia", "sickness", "ailment"}
)  # fmt: skip
_SHOOT_LEMMAS = frozenset({"shoot", "gun"})
# Words of a shot or a stabbing: an article that names one tells an attack even where
# the detector sees no political event in the sentence (a crime is no political event
# to it).
_ARMED_LEMMAS = frozenset({"shoot", "shooting", "shot", "gunman", "stab", "stabbing"})
# Words of a blast, a fire or a crash: an article that names one and no arm may tell an
# accident, so the detector decides ("killed when a chemical plant exploded").
_ACCIDENT_LEMMAS = frozenset(
    {"explosion", "explode", "blast", "fire", "blaze", "crash", "collapse", "leak"}
)


def _no_attack(cue: Any, text: str) -> bool:
    """Whether the sentence of ``cue`` reports no attack (``coding.non_events``); a
    shooting accident is still a shooting ("fatally shot in a hunting accident"): a gun
    hit someone, which a crash is not."""
    reason = non_event_reason(cue, text, "ASSAULT")
    if reason == "accident" and cue.lemma_.lower() in _SHOOT_LEMMAS:
        return False
    return reason is not None


def _names_an_attack(token: Any) -> bool:
    """Whether a noun names a shot, an arm or a killing the article tells, not a topic
    it writes about ("the gun law", "a murder trial")."""
    if token.lemma_.lower() not in _GUN_WOUND_WORDS:
        return False
    return not (token.dep_ == "compound" and token.head.lemma_.lower() in _TOPIC_HEADS)


def _natural_death(cue: Any) -> bool:
    """Whether the death ``cue`` tells has a natural cause ("died of cancer", "died
    after a long illness")."""
    for prep in cue.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "from", "after"):
            continue
        if any(
            t.lemma_.lower() in _NATURAL_CAUSES for t in prep.subtree if t.pos_ in ("NOUN", "PROPN")
        ):
            return True
    return False


@dataclass(frozen=True, slots=True)
class _ArticleWords:
    """What the words of an article's told sentences name, read once per article."""

    attack: bool  # a noun that names an attack, a firearm or a killing
    blast_only: bool  # a blast, a fire or a crash, and no arm, shot or killing


def _article_words(spacy_doc: Any, told: list[Sentence]) -> _ArticleWords:
    attack_nouns = lexicon.event_patterns()
    tokens = [
        token
        for sentence in told
        for token in spacy_doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        or ()
    ]
    attack = any(
        _names_an_attack(t)
        or any(p.type == "ASSAULT" for p in attack_nouns.for_noun(t.lemma_.lower()))
        for t in tokens
        if t.pos_ == "NOUN"
    )
    armed = any(_names_an_attack(t) or t.lemma_.lower() in _ARMED_LEMMAS for t in tokens)
    blast = any(t.lemma_.lower() in _ACCIDENT_LEMMAS for t in tokens)
    return _ArticleWords(attack=attack, blast_only=blast and not armed)


def _told_attack(doc: Document) -> Event | None:
    """An ASSAULT for an article that tells of people killed or shot but whose events
    stage coded no factual attack: the first title, caption or body sentence where
    someone is killed or shot ("the boy was shot and killed by his friend"), or, when
    the article names an attack, a firearm or a killing ("a fatal shooting", "the
    handgun", "a homicide"; not a topic: "the gun law"), where someone died or was
    hurt, of no natural cause ("died of cancer");
    never a sentence where an event coded says it did not or may not have happened,
    nor, in an article that names a blast, a fire or a crash and no firearm, shot or
    killing, one the detector holds to report no political event ("killed when a
    chemical plant exploded"),
    nor one about a period or a background tally ("have died since the war began"),
    nor a body sentence that reports no event (an accident, a
    metaphor, a heading: ``coding.non_events``, whose events the factuality stage
    dropped)."""
    spacy_doc = doc.spacy_doc
    unsure = {
        e.start
        for e in doc.events
        if e.type == "ASSAULT" and (not e.factual or (SKIP_PAST_TOLLS and HISTORICAL in e.contexts))
    }
    published = doc.article.published if doc.article is not None else None
    told = [s for s in doc.sentences if s.zone in TOLD_ZONES]
    words: _ArticleWords | None = None  # read when a sentence first needs it
    for sentence in told:
        if sentence.start in unsure:
            continue
        span = spacy_doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None or is_period(span):
            continue
        found = statements(span)
        if not found:
            continue
        if words is None:
            words = _article_words(spacy_doc, told)
        cues = [
            s for s in found if words.attack or spacy_doc[s.token].lemma_.lower() in ATTACK_LEMMAS
        ]
        if not cues:
            continue
        cue = spacy_doc[cues[0].token]
        if words.blast_only and holds_no_event(doc, sentence.start):
            continue  # "killed when a chemical plant exploded": no arm named, no attack seen
        if sentence.zone is Zone.BODY and _no_attack(cue, doc.text):
            continue
        if _natural_death(cue):
            continue
        if SKIP_PAST_TOLLS and is_background_tally(cue, clause_verb(cue), published):
            continue  # "hundreds have died since the war began": the past, summed up
        figures = sentence_figures(found)
        dead, hurt = figures.dead, figures.hurt + figures.hit
        return Event(
            type="ASSAULT",
            sentence=sentence.text,
            start=sentence.start,
            end=sentence.end,
            trigger=cue.text,
            trigger_start=cue.idx,
            trigger_end=cue.idx + len(cue.text),
            dead=dead if dead or hurt else None,
            injured=hurt if dead or hurt else None,
            confidence=_TOLD_CONFIDENCE,
            headline=sentence.zone is Zone.TITLE,
        )
    return None


@stage(
    "attacks",
    requires=("doc.events", "doc.spacy_doc", "doc.sentences", "event.headline"),
    assigns=("doc.events",),
)
def add_told_attack(doc: Document) -> Document:
    """Code the attack an article tells only through its toll (see ``_told_attack``)."""
    if doc.spacy_doc is None or main_attack(doc.events) is not None:
        return doc
    made = _told_attack(doc)
    if made is not None:
        doc.events.append(made)
        doc.events.sort(key=lambda e: e.start)
    return doc
