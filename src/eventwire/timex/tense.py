"""The tense of the clause that governs a time expression, read from the spaCy parse.

From the expression's head word we climb the dependency tree to the first verb (or
auxiliary, for copular clauses such as "the vote was on Sunday"), then read that verb's
tag and its auxiliaries:

- a modal ("will", "would", "may", ...) -> FUTURE, unless followed by "have"
  ("would have attacked" -> PAST);
- a to-infinitive -> the tense of the verb it completes ("was forced to resign"),
  except FUTURE when that verb looks forward ("expected to meet", "plans to visit") and
  when the infinitive is no complement: a headline ("Leaders to meet on Tuesday") or a
  purpose clause ("picked three firms for the program to run through June");
- a past-tense verb or auxiliary (VBD), or a participle with "have" or no auxiliary
  ("has said", "the man killed on Tuesday") -> PAST;
- anything else -> PRESENT, or FUTURE when the verb itself looks forward ("the vote is
  scheduled for Oct. 7").

``trigger_root`` gives the parsed token of an event's trigger word, where the stages
that read the trigger's clause (its tense, flags, place, casualties, date) start.
"""

from __future__ import annotations

from typing import Any

from eventwire.model import Event
from eventwire.timex.normalize import Tense

_VERBAL = frozenset({"VERB", "AUX"})
_PERFECT = frozenset({"have", "'ve"})
_MAX_CLIMB = 30  # guards against a malformed tree


def governing_verb(token: Any) -> Any | None:
    """The verb (or auxiliary of a copular clause) whose clause contains ``token``."""
    current = token
    for _ in range(_MAX_CLIMB):
        if current.pos_ in _VERBAL and current.dep_ not in ("aux", "auxpass"):
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def is_aspect_complement(verb: Any) -> bool:
    """Whether ``verb`` is a gerund that completes a verb of its phase, with no
    auxiliary of its own ("started shooting", "kept firing", "stopped protesting"): it is
    told in that verb's tense."""
    return (
        verb.tag_ == "VBG"
        and verb.dep_ == "xcomp"
        and verb.head.i != verb.i
        and verb.head.pos_ in _VERBAL
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def clause_tense(verb: Any, future_cues: frozenset[str], depth: int = 0) -> Tense:
    """The tense of the clause headed by ``verb`` (see the module doc)."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    modals = [a for a in auxiliaries if a.tag_ == "MD"]
    perfect = any(a.lemma_.lower() in _PERFECT for a in auxiliaries)
    if modals:
        return Tense.PAST if perfect else Tense.FUTURE
    if any(a.tag_ == "TO" for a in auxiliaries):
        parent = verb.head
        complement = verb.dep_ in ("xcomp", "ccomp") and parent.pos_ in _VERBAL
        if not complement or parent.lemma_.lower() in future_cues:
            return Tense.FUTURE  # a headline, a purpose clause, "expected to meet"
        if depth < 3:
            return clause_tense(parent, future_cues, depth + 1)
        return Tense.PRESENT
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries):
        return Tense.PAST
    if verb.tag_ == "VBN" and (perfect or not auxiliaries):
        return Tense.PAST
    return Tense.PRESENT


class SpacyTense:
    """A ``TenseLookup`` over one spaCy Doc whose character offsets match the text the
    expressions were found in."""

    def __init__(self, spacy_doc: Any, future_cues: frozenset[str]) -> None:
        self._doc = spacy_doc
        self._future_cues = future_cues

    def __call__(self, start: int, end: int) -> Tense | None:
        span = self._doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        verb = governing_verb(span.root)
        if verb is None:
            return None
        tense = clause_tense(verb, self._future_cues)
        if tense is Tense.PRESENT and verb.lemma_.lower() in self._future_cues:
            return Tense.FUTURE  # "the vote is scheduled for Oct. 7"
        return tense


def sentence_bounds(spacy_doc: Any) -> list[tuple[int, int]]:
    """The (start, end) character offsets of the parse's sentences."""
    return [(sent.start_char, sent.end_char) for sent in spacy_doc.sents]


def trigger_root(spacy_doc: Any | None, event: Event) -> Any | None:
    """The root token of ``event``'s trigger in ``spacy_doc`` (its character offsets
    widened to whole tokens; an event with a start but no end takes the character at
    its start); None when the document has no parse, the event no trigger, or the
    offsets cover no token."""
    if spacy_doc is None or event.trigger_start is None:
        return None
    end = event.trigger_end if event.trigger_end is not None else event.trigger_start + 1
    span = spacy_doc.char_span(event.trigger_start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root
