"""Casualties stage: count the dead, injured and arrested of each event.

Counts come from the event's own sentence, following ACLED's habits: the lowest
figure given ("at least 12" is 12), vague words at their floor ("several" 3,
"dozens" 12, "hundreds" 100; ``data/quantities.tsv``), a singular victim counts one
("wounded a police officer" is one injured), "shot dead" and "fatally shot" are deaths.
The clauses counted are the trigger's own object (for killing, wounding and arrest
verbs), casualty clauses hanging on it ("attacked a post, killing three officers and
wounding five civilians") and, for attacks (dead, injured) and coercion (arrested),
passive casualty clauses in the same sentence ("two soldiers were killed"). A count
the text does not give stays ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from eventwire.coding import lexicon
from eventwire.datafiles import read_word_table
from eventwire.model import Document, Event
from eventwire.stages.registry import stage

_FATAL_WORDS = frozenset({"dead", "fatally", "death"})
_ATTACHED_DEPS = frozenset({"advcl", "conj", "xcomp", "relcl"})
# Which counts an event may take from passive clauses elsewhere in its sentence.
_TOLL_TYPES: Mapping[str, frozenset[str]] = {
    "ASSAULT": frozenset({"dead", "injured"}),
    "COERCE": frozenset({"arrested"}),
}
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})*$|^\d+$")


@lru_cache(maxsize=1)
def quantity_words() -> Mapping[str, int]:
    """Number words and vague quantities -> the figure coded (``data/quantities.tsv``)."""
    return read_word_table(
        "quantities.tsv", "value", lambda cell: int(cell) if cell.isdigit() else None, "number"
    )


def _number(token: Any) -> int | None:
    text = token.lower_
    if _DIGITS.match(text):
        return int(text.replace(",", ""))
    return quantity_words().get(text)


def count_phrase(head: Any) -> int | None:
    """How many people the noun phrase headed by ``head`` counts, or None if unsaid."""
    if head.pos_ == "PRON":
        return 1 if head.lower_ in ("he", "she", "him", "her") else None
    # "dozens of people", "three of the guards": the figure is the head itself.
    if head.pos_ == "NUM" or head.lower_ in quantity_words():
        value = _number(head)
        if value is not None:
            return value
    for child in head.children:
        if child.dep_ in ("nummod", "quantmod") or (
            child.dep_ == "compound" and child.pos_ == "NUM"
        ):
            value = _number(child)
            if value is not None:
                return value
    if head.tag_ in ("NN", "NNP"):
        return 1  # "wounded a police officer"
    return None


def _casualty_kind(token: Any) -> str | None:
    for pattern in lexicon.event_patterns().for_verb(token.lemma_.lower()):
        if pattern.casualty is not None:
            return pattern.casualty
    return None


def _victims(verb: Any) -> Any | None:
    """The people a casualty verb is done to: its object, or its passive subject."""
    for child in verb.children:
        if child.dep_ == "dobj":
            return child
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            return child
    return None


def _is_fatal(verb: Any) -> bool:
    return any(child.lower_ in _FATAL_WORDS for child in verb.children)


@dataclass(slots=True)
class Casualties:
    """How many people an event killed, injured and arrested (None: not said)."""

    dead: int | None = None
    injured: int | None = None
    arrested: int | None = None

    def add(self, kind: str, value: int | None) -> None:
        if value is not None:
            setattr(self, kind, (getattr(self, kind) or 0) + value)


def _trigger_token(spacy_doc: Any, event: Event) -> Any | None:
    if event.trigger_start is None or event.trigger_end is None:
        return None
    span = spacy_doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    return span.root if span is not None else None


def count_event(event: Event, spacy_doc: Any, owned: frozenset[int] = frozenset()) -> Casualties:
    """The casualties of one event. ``owned`` holds the trigger tokens of the other
    events of the document: clauses that are events of their own are not counted here
    ("police arrested five men while two civilians were wounded")."""
    counts = Casualties()
    trigger = _trigger_token(spacy_doc, event)
    if trigger is None:
        return counts
    seen: set[int] = set()

    def visit(verb: Any) -> None:
        if verb.i in seen:
            return
        seen.add(verb.i)
        victims = _victims(verb)
        kind = "dead" if _is_fatal(verb) else _casualty_kind(verb)
        if kind is not None and victims is not None:
            counts.add(kind, count_phrase(victims))
        for child in verb.children:
            attached = child.dep_ in _ATTACHED_DEPS and child.pos_ == "VERB"
            own_clause = child.i in owned or any(c.dep_ == "nsubj" for c in child.children)
            if (
                attached
                and not own_clause
                and (_casualty_kind(child) is not None or _is_fatal(child))
            ):
                visit(child)

    visit(trigger)
    # Passive casualty clauses elsewhere in the sentence that no event of their own
    # claims: "the army said two soldiers were killed". They count for an attack (dead
    # and injured) or a coercion (arrested), not for a curfew lifted in the same breath.
    sentence = spacy_doc.char_span(event.start, event.end, alignment_mode="expand")
    if sentence is None or event.type not in _TOLL_TYPES:
        return counts
    for token in sentence:
        if token.i in seen or token.i in owned or token.pos_ != "VERB":
            continue
        if not any(c.dep_ == "auxpass" for c in token.children):
            continue
        kind = _casualty_kind(token)
        victims = _victims(token)
        if kind not in _TOLL_TYPES[event.type] or victims is None:
            continue
        if getattr(counts, kind) is None:
            seen.add(token.i)
            counts.add(kind, count_phrase(victims))
    return counts


@stage(
    "casualties",
    requires=("doc.events", "doc.spacy_doc"),
    assigns=("event.dead", "event.injured", "event.arrested"),
)
def count_casualties(doc: Document) -> Document:
    triggers = {event.trigger_start: _trigger_token(doc.spacy_doc, event) for event in doc.events}
    for event in doc.events:
        if event.negated:
            continue
        own = triggers.get(event.trigger_start)
        owned = frozenset(
            token.i for token in triggers.values() if token is not None and token is not own
        )
        counts = count_event(event, doc.spacy_doc, owned)
        event.dead, event.injured, event.arrested = counts.dead, counts.injured, counts.arrested
    return doc
