"""Event-coding evaluation against three gold sets (readers in ``gold_events``).

Each evaluation has a scoring function that takes gold records paired with predicted
``Event``s (testable without spaCy) and an ``evaluate_*`` function that runs a coder
over the gold file first. The coder defaults to the event-coding stages of the pipeline
(no places and dates).

1. **PLOVER gold-standard records** (``score_plover``). Records are grouped by sentence;
   the gold types of a sentence are the union of its records' types. The predicted
   types are those of its factual events (and, as a second view, of all its events).
   Figures: per-type and micro precision/recall/F1 over (sentence, type) pairs; top-1
   accuracy (the type of the highest-confidence event is a gold type; no event counts
   wrong). For each gold record whose type was predicted (by any event, factual or not;
   the event of that type with the highest confidence, factual first, stands for it):
   mode accuracy where the gold mode is set, actor country and sector against the gold
   source codes and sectors (any of them counts), the same for the recipient against
   the target. Casualties: for each gold record with a dead (injured) figure, does the
   event of its type carry the same figure (a missed event counts wrong).
2. **NGEC synthetic stories** (``score_ngec``). Each story is coded as published: its
   headline on the first line, then its text. The story's predicted label is the type
   of its most confident factual headline event (the headline's own, or the body event
   that tells it), else of its first factual event (earliest sentence, higher
   confidence first), else of its highest-confidence event. Figures: accuracy, "any
   event" recall (the gold type is among all predicted types), the rate of stories with
   no event, per-type recall, mode accuracy on correctly labelled stories whose gold mode is set.
3. **ConfliBERT actor spans** (``score_actor_spans``). The highest-confidence event of
   each sentence is compared with the gold spans: SQuAD-style token-overlap F1 between
   its actor text and the best-matching source span, and between its recipient text
   and the best-matching target span (reciprocal spans count on both sides). Where the
   gold marks one reciprocal span ("Canada and Costa Rica" met) and the event's actor
   and recipient are its two sides, both roles count as found exactly: PLOVER codes a
   reciprocal event as one event per direction.

Calibration (``calibrate``): factual events binned by confidence, with the precision of
each bin (the event's type is a gold type of its sentence, or the story's type; NGEC
stories describe other events besides the labelled one, so there it is a lower bound).

The score records, their headline figures and their report layout are in
``event_scores``; they are re-exported here.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Literal, TypeVar

from eventwire.errors import EventwireError
from eventwire.evaluate.event_scores import (
    CONFIDENT,
    AttributeScore,
    Calibration,
    CalibrationBin,
    Confusion,
    NgecScores,
    PloverScores,
    RoleScore,
    SpanScores,
    StoryTypeCount,
    TypeCount,
    TypeScores,
)
from eventwire.evaluate.gold_events import (
    NgecStory,
    PloverSentence,
    SpanSentence,
    group_by_sentence,
    read_actor_spans,
    read_ngec,
    read_plover_gsr,
)
from eventwire.evaluate.metrics import f1_score
from eventwire.evaluate.split import Part
from eventwire.model import Actor, Event, RawDocument

__all__ = [
    "CODING_STAGES",
    "AttributeScore",
    "Calibration",
    "CalibrationBin",
    "Coder",
    "Confusion",
    "NgecScores",
    "PloverScores",
    "RoleScore",
    "SpanScores",
    "StoryTypeCount",
    "TypeCount",
    "TypeScores",
    "answer_tokens",
    "calibrate",
    "evaluate_actor_spans",
    "evaluate_ngec",
    "evaluate_plover_gsr",
    "matched_event",
    "pipeline_coder",
    "score_actor_spans",
    "score_ngec",
    "score_plover",
    "score_types",
    "story_event",
    "token_f1",
]

log = logging.getLogger(__name__)

# The stages that code events; places and dates are not measured here.
CODING_STAGES = (
    "clean", "parse", "actors", "events", "factuality", "intents", "detector", "agents",
    "casualties", "headlines",
)  # fmt: skip
# Lower edges of the confidence bins; the last bin includes 1.0.
CONFIDENCE_EDGES = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
_PROGRESS_EVERY = 100

# A coder turns one raw document into the events found in it.
Coder = Callable[[RawDocument], list[Event]]
Gold = TypeVar("Gold")
CodeField = Literal["country", "sector"]


# --- Scoring ---------------------------------------------------------------------------


class _Tally:
    """Accumulates an ``AttributeScore``."""

    def __init__(self) -> None:
        self.eligible = self.covered = self.correct = 0

    def add(self, covered: bool, correct: bool) -> None:
        self.eligible += 1
        self.covered += covered
        self.correct += correct

    def score(self) -> AttributeScore:
        return AttributeScore(self.eligible, self.covered, self.correct)


def calibrate(judged: Iterable[tuple[float, bool]]) -> Calibration:
    """Bin (confidence, correct) pairs by ``CONFIDENCE_EDGES``."""
    counts = [[0, 0] for _ in CONFIDENCE_EDGES[:-1]]
    confident = [0, 0]
    last = len(counts) - 1
    for confidence, correct in judged:
        index = next((i for i in range(last) if confidence < CONFIDENCE_EDGES[i + 1]), last)
        counts[index][0] += 1
        counts[index][1] += correct
        if confidence >= CONFIDENT:
            confident[0] += 1
            confident[1] += correct
    bins = tuple(
        CalibrationBin(CONFIDENCE_EDGES[i], CONFIDENCE_EDGES[i + 1], events, correct)
        for i, (events, correct) in enumerate(counts)
    )
    return Calibration(bins, confident[0], confident[1])


def _most_confident(events: Iterable[Event]) -> Event | None:
    """The event with the highest confidence, the first one on ties."""
    best: Event | None = None
    for event in events:
        if best is None or event.confidence > best.confidence:
            best = event
    return best


def score_types(pairs: Sequence[tuple[frozenset[str], Sequence[Event]]]) -> TypeScores:
    """Type detection over sentences: (gold types, predicted events) per sentence."""
    gold_counts: Counter[str] = Counter()
    predicted_counts: Counter[str] = Counter()
    correct_counts: Counter[str] = Counter()
    top1 = no_event = 0
    for gold, events in pairs:
        predicted = {event.type for event in events}
        gold_counts.update(gold)
        predicted_counts.update(predicted)
        correct_counts.update(predicted & gold)
        best = _most_confident(events)
        no_event += best is None
        top1 += best is not None and best.type in gold
    types = sorted(set(gold_counts) | set(predicted_counts))
    per_type = tuple(
        TypeCount(t, gold_counts[t], predicted_counts[t], correct_counts[t]) for t in types
    )
    return TypeScores(len(pairs), per_type, top1, no_event)


def matched_event(events: Sequence[Event], event_type: str) -> Event | None:
    """The event of ``event_type`` that stands for a gold record: factual first, then
    the most confident."""
    candidates = [e for e in events if e.type == event_type]
    factual = [e for e in candidates if e.factual]
    return _most_confident(factual) or _most_confident(candidates)


def _code_of(actor: Actor | None, field: CodeField) -> str | None:
    if actor is None:
        return None
    value = actor.country if field == "country" else actor.sector
    return None if value is None else value.upper()


def _tally_code(tally: _Tally, actor: Actor | None, field: CodeField, gold: Iterable[str]) -> None:
    wanted = set(gold)
    if not wanted:
        return
    predicted = _code_of(actor, field)
    tally.add(predicted is not None, predicted in wanted)


def _tally_casualty(tally: _Tally, gold: int | None, predicted: int | None) -> None:
    if gold is not None:
        tally.add(predicted is not None, predicted == gold)


def score_plover(
    pairs: Sequence[tuple[PloverSentence, Sequence[Event]]], *, failed: int = 0
) -> PloverScores:
    """Score predicted events against PLOVER gold sentences (see the module docstring)."""
    names = (
        "mode",
        "actor_country",
        "actor_sector",
        "recipient_country",
        "recipient_sector",
        "dead",
        "injured",
    )
    tallies = {name: _Tally() for name in names}
    judged: list[tuple[float, bool]] = []
    for sentence, events in pairs:
        judged.extend((e.confidence, e.type in sentence.types) for e in events if e.factual)
        for record in sentence.records:
            event = matched_event(events, record.event)
            _tally_casualty(tallies["dead"], record.dead, event.dead if event else None)
            _tally_casualty(tallies["injured"], record.injured, event.injured if event else None)
            if event is None:
                continue
            if record.mode is not None:
                mode = None if event.mode is None else event.mode.lower()
                tallies["mode"].add(mode is not None, mode == record.mode.lower())
            _tally_code(tallies["actor_country"], event.actor, "country", record.source_codes)
            _tally_code(tallies["actor_sector"], event.actor, "sector", record.source_sectors)
            _tally_code(
                tallies["recipient_country"], event.recipient, "country", record.target_codes
            )
            _tally_code(
                tallies["recipient_sector"], event.recipient, "sector", record.target_sectors
            )
    scores = {name: tally.score() for name, tally in tallies.items()}
    return PloverScores(
        records=sum(len(sentence.records) for sentence, _ in pairs),
        failed=failed,
        factual=score_types([(s.types, [e for e in ev if e.factual]) for s, ev in pairs]),
        all_events=score_types([(s.types, ev) for s, ev in pairs]),
        mode=scores["mode"],
        actor_country=scores["actor_country"],
        actor_sector=scores["actor_sector"],
        recipient_country=scores["recipient_country"],
        recipient_sector=scores["recipient_sector"],
        dead=scores["dead"],
        injured=scores["injured"],
        calibration=calibrate(judged),
    )


def story_event(events: Sequence[Event]) -> Event | None:
    """The event that labels a story: the most confident factual headline event, else
    the first factual one (earliest sentence, then the most confident), else the most
    confident of all."""
    factual = [e for e in events if e.factual]
    headline = [e for e in factual if e.headline]
    if headline:
        # A folded headline event sits at the body sentence that tells it, so the
        # position says nothing about which of the title's events leads.
        return min(headline, key=lambda e: (-e.confidence, e.start, e.trigger_start or 0))
    if factual:
        return min(factual, key=lambda e: (e.start, -e.confidence))
    return _most_confident(events)


def score_ngec(
    pairs: Sequence[tuple[NgecStory, Sequence[Event]]], *, failed: int = 0
) -> NgecScores:
    """Score story labels against NGEC synthetic stories (see the module docstring)."""
    stories: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    any_event: Counter[str] = Counter()
    confusions: Counter[tuple[str, str | None]] = Counter()
    mode = _Tally()
    judged: list[tuple[float, bool]] = []
    no_event = 0
    for story, events in pairs:
        judged.extend((e.confidence, e.type == story.event) for e in events if e.factual)
        label = story_event(events)
        stories[story.event] += 1
        any_event[story.event] += any(e.type == story.event for e in events)
        no_event += label is None
        if label is None or label.type != story.event:
            confusions[(story.event, None if label is None else label.type)] += 1
            continue
        correct[story.event] += 1
        if story.mode is not None:
            predicted = None if label.mode is None else label.mode.lower()
            mode.add(predicted is not None, predicted == story.mode)
    per_type = tuple(
        StoryTypeCount(t, stories[t], correct[t], any_event[t]) for t in sorted(stories)
    )
    ranked = sorted(confusions.items(), key=lambda item: (-item[1], item[0][0], item[0][1] or ""))
    return NgecScores(
        stories=len(pairs),
        failed=failed,
        correct=sum(correct.values()),
        any_event=sum(any_event.values()),
        no_event=no_event,
        per_type=per_type,
        confusions=tuple(Confusion(g, p, n) for (g, p), n in ranked),
        mode=mode.score(),
        calibration=calibrate(judged),
    )


_WORD_RE = re.compile(r"\w+")
_ARTICLES = frozenset({"a", "an", "the"})  # dropped, as the SQuAD answer normaliser does


def answer_tokens(text: str) -> list[str]:
    """Lower-cased word tokens without punctuation and articles (SQuAD normalisation)."""
    return [t for t in _WORD_RE.findall(text.lower()) if t not in _ARTICLES]


def token_f1(predicted: str | None, gold: str) -> float:
    """SQuAD-style token-overlap F1; a missing prediction scores 0."""
    if predicted is None:
        return 0.0
    pred, ref = answer_tokens(predicted), answer_tokens(gold)
    if not pred or not ref:
        return float(pred == ref)
    common = sum((Counter(pred) & Counter(ref)).values())
    return f1_score(common / len(pred), common / len(ref))


class _RoleTally:
    def __init__(self) -> None:
        self.scored = self.found = self.exact = 0
        self.f1_total = 0.0

    def add(self, actor: Actor | None, gold: Sequence[str]) -> None:
        if not gold:
            return
        text = None if actor is None else actor.text
        best = max(token_f1(text, span) for span in gold)
        self.scored += 1
        self.found += text is not None
        self.f1_total += best
        self.exact += best == 1.0

    def add_exact(self, gold: Sequence[str]) -> None:
        """A role found exactly (see ``_splits_reciprocal``)."""
        if gold:
            self.scored += 1
            self.found += 1
            self.f1_total += 1.0
            self.exact += 1

    def score(self) -> RoleScore:
        return RoleScore(self.scored, self.found, self.f1_total, self.exact)


def score_actor_spans(
    pairs: Sequence[tuple[SpanSentence, Sequence[Event]]], *, failed: int = 0
) -> SpanScores:
    """Score the actor and recipient of each sentence's most confident event."""
    source, target = _RoleTally(), _RoleTally()
    with_event = 0
    for sentence, events in pairs:
        event = _most_confident(events)
        with_event += event is not None
        if event is not None and _splits_reciprocal(event, sentence.reciprocals):
            source.add_exact(sentence.all_sources)
            target.add_exact(sentence.all_targets)
            continue
        source.add(None if event is None else event.actor, sentence.all_sources)
        target.add(None if event is None else event.recipient, sentence.all_targets)
    return SpanScores(len(pairs), failed, with_event, source.score(), target.score())


def _splits_reciprocal(event: Event, reciprocals: Sequence[str]) -> bool:
    """Whether the event's actor and recipient are the two sides of one reciprocal gold
    span ("Canada and Costa Rica" met): PLOVER codes that as one event per direction,
    so actor "Canada" and recipient "Costa Rica" are the span, not part of it."""
    if event.actor is None or event.recipient is None:
        return False
    actor, recipient = answer_tokens(event.actor.text), answer_tokens(event.recipient.text)
    if not actor or not recipient:
        return False
    for span in reciprocals:
        words = answer_tokens(span)
        if set(actor) <= set(words) and set(recipient) <= set(words):
            covered = len(actor) + len(recipient)
            return covered >= len([w for w in words if w != "and"])
    return False


# --- Running the coder -----------------------------------------------------------------


def pipeline_coder(whole: bool = False) -> Coder:
    """The event-coding stages of the pipeline, or with ``whole`` every default stage
    (places, dates, actor countries from the scene too); spaCy loads on the first call."""
    from eventwire.run.pipeline import Pipeline
    from eventwire.stages.registry import DEFAULT_STAGES

    pipeline = Pipeline(DEFAULT_STAGES if whole else CODING_STAGES)

    def code(raw: RawDocument) -> list[Event]:
        return [event for doc in pipeline.process_raw(raw) for event in doc.events]

    return code


def _code_all(
    golds: Sequence[Gold], raw_of: Callable[[Gold], RawDocument], coder: Coder, what: str
) -> tuple[list[tuple[Gold, list[Event]]], int]:
    """Each gold item with the events coded from its text, and how many failed (a
    failure is logged and scored as no event)."""
    pairs: list[tuple[Gold, list[Event]]] = []
    failed = 0
    for number, gold in enumerate(golds, start=1):
        raw = raw_of(gold)
        try:
            events = coder(raw)
        except EventwireError as exc:
            log.warning("%s: coding failed, scored as no event: %s", raw.origin, exc)
            failed += 1
            events = []
        pairs.append((gold, events))
        if number % _PROGRESS_EVERY == 0:
            log.info("%s: %d/%d coded", what, number, len(golds))
    return pairs, failed


def evaluate_plover_gsr(
    path: str | Path, *, limit: int | None = None, coder: Coder | None = None, part: Part = "all"
) -> PloverScores:
    """Code the sentences of the first ``limit`` PLOVER gold records (of ``part``) and
    score them."""
    sentences = group_by_sentence(read_plover_gsr(path, limit=limit, part=part))
    pairs, failed = _code_all(
        sentences,
        lambda s: RawDocument(text=s.text, origin=s.records[0].id),
        coder or pipeline_coder(),
        "PLOVER",
    )
    return score_plover(pairs, failed=failed)


def evaluate_ngec(
    path: str | Path,
    *,
    limit: int | None = None,
    step: int = 1,
    coder: Coder | None = None,
    part: Part = "all",
) -> NgecScores:
    """Code every ``step``-th NGEC story of ``part`` (at most ``limit``) and score the
    labels."""
    stories = read_ngec(path, limit=limit, step=step, part=part)
    pairs, failed = _code_all(
        stories,
        lambda s: RawDocument(
            text=s.text if s.title is None else f"{s.title.strip()}\n\n{s.text}",
            origin=s.id,
            title=s.title,
        ),
        coder or pipeline_coder(),
        "NGEC",
    )
    return score_ngec(pairs, failed=failed)


def evaluate_actor_spans(
    path: str | Path, *, limit: int | None = None, coder: Coder | None = None, part: Part = "all"
) -> SpanScores:
    """Code the first ``limit`` ConfliBERT span sentences (of ``part``) and score their
    actors."""
    sentences = read_actor_spans(path, limit=limit, part=part)
    pairs, failed = _code_all(
        sentences,
        lambda s: RawDocument(text=s.text, origin=s.id),
        coder or pipeline_coder(),
        "spans",
    )
    return score_actor_spans(pairs, failed=failed)
