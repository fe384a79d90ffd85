"""Factuality stage: flag events the text does not assert as having happened.

An event is *negated* ("did not attack", "no one was injured", "denied attacking"),
*hypothetical* ("would attack", "if they attack", "accused each other of building up
troops", "could presage") or *future* ("will meet", "likely to get involved", "plans
to withdraw"). The words are in ``data/factuality.tsv``; this module looks for them
in the clause of the trigger (auxiliaries, negation, a determiner "no" on an argument,
"if" marks) and in the clauses that govern it through infinitive or prepositional
complements. Flagged events are kept, but not listed by default.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from eventwire.datafiles import read_word_table
from eventwire.model import Document, Event
from eventwire.pipeline import stage

FLAGS = frozenset({"negated", "hypothetical", "future"})
# Relations through which a governing word scopes over the event's clause.
_GOVERNING_DEPS = frozenset({"xcomp", "pcomp", "prep", "acomp", "ccomp"})
_CLAUSE_DEPS = frozenset({"aux", "auxpass", "neg", "mark", "advmod"})
_MAX_HOPS = 4
_SPEECH_VERBS = frozenset(
    {"say", "announce", "tell", "state", "declare", "report", "add", "warn", "insist",
     "confirm", "indicate", "signal", "write", "quote"}
)  # fmt: skip
_MODALS = frozenset({"could", "might", "may", "should", "must"})


@lru_cache(maxsize=1)
def factuality_words() -> Mapping[str, str]:
    """Word -> the flag it gives the clauses it governs (``data/factuality.tsv``)."""
    return read_word_table(
        "factuality.tsv", lambda cell: cell if cell in FLAGS else None,
        f"flag ({', '.join(sorted(FLAGS))})",
    )  # fmt: skip


def _word_flag(token: Any, words: Mapping[str, str]) -> str | None:
    return words.get(token.lower_) or words.get(token.lemma_.lower())


def _clause_flags(verb: Any, words: Mapping[str, str]) -> set[str]:
    """Flags from the verb's own auxiliaries, negation and marks, and from a "no" on
    its arguments ("no employee was injured")."""
    flags: set[str] = set()
    for child in verb.children:
        if child.dep_ in _CLAUSE_DEPS:
            flag = _word_flag(child, words)
            if flag is not None and (child.dep_ != "advmod" or flag == "negated"):
                flags.add(flag)
            if child.dep_ == "aux" and child.lower_ == "going":
                flags.add("future")
        elif child.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
            d.dep_ == "det" and d.lower_ == "no" for d in child.children
        ):
            flags.add("negated")
    return flags


def _governing_flags(verb: Any, words: Mapping[str, str]) -> set[str]:
    """Flags from the words of the clauses that take this clause as a complement."""
    flags: set[str] = set()
    current = verb
    for _ in range(_MAX_HOPS):
        if current.dep_ not in _GOVERNING_DEPS or current.head.i == current.i:
            break
        relation = current.dep_
        current = current.head
        if relation == "ccomp":
            # Reported speech keeps its own tense; only denials and allegations scope.
            flag = _word_flag(current, words)
            if flag == "negated" or current.lemma_.lower() in ("allege", "claim"):
                flags.add(flag or "hypothetical")
            break
        flag = _word_flag(current, words)
        if flag is not None and current.pos_ in ("VERB", "ADJ", "NOUN", "AUX", "SCONJ"):
            flags.add(flag)
        if current.pos_ in ("VERB", "AUX", "ADJ"):
            flags |= _clause_flags(current, words)
    return flags


def _reported_future(flags: set[str], verb: Any) -> set[str]:
    """In reported speech "would" is the future seen from the past ("they said they
    would boycott the talks"): a stated intention, not a hypothesis."""
    if "hypothetical" not in flags or verb.dep_ != "ccomp":
        return flags
    if verb.head.lemma_.lower() not in _SPEECH_VERBS:
        return flags
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    conditional = any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)
    if auxiliaries & {"would", "'d"} and not auxiliaries & _MODALS and not conditional:
        return (flags - {"hypothetical"}) | {"future"}
    return flags


def assess(event: Event, spacy_doc: Any) -> set[str]:
    """The factuality flags that apply to ``event``."""
    if event.trigger_start is None or event.trigger_end is None:
        return set()
    span = spacy_doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    if span is None:
        return set()
    trigger = span.root
    words = factuality_words()
    verb = trigger
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head  # an event noun: look at its light verb's clause
    flags = _clause_flags(trigger, words) | _clause_flags(verb, words)
    flags = _reported_future(flags, verb)
    flags |= _governing_flags(verb, words)
    return flags


@stage(
    "factuality",
    requires=("doc.events", "doc.spacy_doc"),
    assigns=("event.negated", "event.hypothetical", "event.future"),
)
def flag_factuality(doc: Document) -> Document:
    for event in doc.events:
        flags = assess(event, doc.spacy_doc)
        event.negated = "negated" in flags
        event.hypothetical = "hypothetical" in flags
        event.future = "future" in flags
    return doc
