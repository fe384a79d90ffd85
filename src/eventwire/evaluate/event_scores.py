"""The figures of the event-coding evaluations (computed in ``events``).

Each score record of a gold set (``PloverScores``, ``NgecScores``, ``SpanScores``)
holds counts, derives its rates as properties, lists its headline figures with stable
names in ``summary()`` (the names a file of CI floors refers to) and lays itself out as
a report ``Section``. A rate over nothing (0/0) is reported as 0.0.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.evaluate.metrics import PrecisionRecall, f1_score, ratio
from eventwire.evaluate.report import Figure, Section, Table

CONFIDENT = 0.8  # the headline: precision of events at least this confident


def shown(value: float, whole: int) -> float | None:
    """``value`` for a report table, or None (shown as a dash) when it is a rate over
    nothing."""
    return value if whole else None


@dataclass(frozen=True, slots=True)
class TypeCount(PrecisionRecall):
    """Counts of one event type over (sentence, type) pairs."""

    type: str
    gold: int
    predicted: int
    correct: int


@dataclass(frozen=True, slots=True)
class TypeScores:
    """Event-type detection over sentences, for one view of the predictions."""

    sentences: int
    per_type: tuple[TypeCount, ...]
    top1_correct: int
    no_event: int  # sentences with no predicted event

    @property
    def micro_precision(self) -> float:
        return ratio(sum(t.correct for t in self.per_type), sum(t.predicted for t in self.per_type))

    @property
    def micro_recall(self) -> float:
        return ratio(sum(t.correct for t in self.per_type), sum(t.gold for t in self.per_type))

    @property
    def micro_f1(self) -> float:
        return f1_score(self.micro_precision, self.micro_recall)

    @property
    def top1_accuracy(self) -> float:
        return ratio(self.top1_correct, self.sentences)

    @property
    def no_event_rate(self) -> float:
        return ratio(self.no_event, self.sentences)


@dataclass(frozen=True, slots=True)
class AttributeScore:
    """An attribute of matched events: of ``eligible`` gold records, ``covered`` had a
    predicted value and ``correct`` had the gold one."""

    eligible: int
    covered: int
    correct: int

    @property
    def accuracy(self) -> float:
        return ratio(self.correct, self.eligible)

    @property
    def coverage(self) -> float:
        return ratio(self.covered, self.eligible)

    @property
    def accuracy_when_covered(self) -> float:
        return ratio(self.correct, self.covered)


@dataclass(frozen=True, slots=True)
class CalibrationBin:
    low: float
    high: float
    events: int
    correct: int

    @property
    def precision(self) -> float:
        return ratio(self.correct, self.events)


@dataclass(frozen=True, slots=True)
class Calibration:
    bins: tuple[CalibrationBin, ...]
    confident_events: int  # events with confidence >= CONFIDENT
    confident_correct: int

    @property
    def confident_precision(self) -> float:
        return ratio(self.confident_correct, self.confident_events)

    def table(self) -> Table:
        rows = tuple(
            (f"{b.low:.1f}-{b.high:.1f}", b.events, b.correct, shown(b.precision, b.events))
            for b in self.bins
        )
        return Table("calibration (factual events)", ("confidence", "events", "correct", "P"), rows)


@dataclass(frozen=True, slots=True)
class PloverScores:
    records: int
    failed: int  # sentences the coder failed on (scored as no event)
    factual: TypeScores  # predicted = factual events
    all_events: TypeScores  # predicted = every event, negated/hypothetical/future too
    mode: AttributeScore
    actor_country: AttributeScore
    actor_sector: AttributeScore
    recipient_country: AttributeScore
    recipient_sector: AttributeScore
    dead: AttributeScore
    injured: AttributeScore
    calibration: Calibration

    def attributes(self) -> tuple[tuple[str, AttributeScore], ...]:
        return (
            ("mode", self.mode),
            ("actor_country", self.actor_country),
            ("actor_sector", self.actor_sector),
            ("recipient_country", self.recipient_country),
            ("recipient_sector", self.recipient_sector),
            ("dead", self.dead),
            ("injured", self.injured),
        )

    def summary(self) -> list[Figure]:
        f, a = self.factual, self.all_events
        figures: list[Figure] = [
            ("plover.records", self.records),
            ("plover.sentences", f.sentences),
            ("plover.failed", self.failed),
            ("plover.micro_precision", f.micro_precision),
            ("plover.micro_recall", f.micro_recall),
            ("plover.micro_f1", f.micro_f1),
            ("plover.top1_accuracy", f.top1_accuracy),
            ("plover.no_event_rate", f.no_event_rate),
            ("plover.micro_f1_with_flagged", a.micro_f1),
            ("plover.top1_accuracy_with_flagged", a.top1_accuracy),
        ]
        for name, score in self.attributes():
            figures.append((f"plover.{name}_accuracy", score.accuracy))
            if name not in ("mode", "dead", "injured"):
                figures.append((f"plover.{name}_coverage", score.coverage))
        figures.append(("plover.confident_events", self.calibration.confident_events))
        figures.append(("plover.confident_precision", self.calibration.confident_precision))
        return figures

    def section(self, title: str) -> Section:
        attributes = Table(
            "attributes of matched events",
            ("attribute", "eligible", "covered", "correct", "accuracy", "coverage"),
            tuple(
                (
                    name,
                    s.eligible,
                    s.covered,
                    s.correct,
                    shown(s.accuracy, s.eligible),
                    shown(s.coverage, s.eligible),
                )
                for name, s in self.attributes()
            ),
        )
        return Section(
            title,
            tuple(self.summary()),
            (_type_table(self.factual), attributes, self.calibration.table()),
        )


@dataclass(frozen=True, slots=True)
class StoryTypeCount:
    """NGEC stories of one gold type: how many got it as label and among any event."""

    type: str
    stories: int
    correct: int
    any_event: int

    @property
    def recall(self) -> float:
        return ratio(self.correct, self.stories)

    @property
    def any_event_recall(self) -> float:
        return ratio(self.any_event, self.stories)


@dataclass(frozen=True, slots=True)
class Confusion:
    gold: str
    predicted: str | None  # None: the story got no event
    stories: int


@dataclass(frozen=True, slots=True)
class NgecScores:
    stories: int
    failed: int
    correct: int
    any_event: int
    no_event: int
    per_type: tuple[StoryTypeCount, ...]
    confusions: tuple[Confusion, ...]  # most frequent wrong labels first
    mode: AttributeScore
    calibration: Calibration

    @property
    def accuracy(self) -> float:
        return ratio(self.correct, self.stories)

    @property
    def any_event_recall(self) -> float:
        return ratio(self.any_event, self.stories)

    @property
    def no_event_rate(self) -> float:
        return ratio(self.no_event, self.stories)

    def summary(self) -> list[Figure]:
        return [
            ("ngec.stories", self.stories),
            ("ngec.failed", self.failed),
            ("ngec.accuracy", self.accuracy),
            ("ngec.any_event_recall", self.any_event_recall),
            ("ngec.no_event_rate", self.no_event_rate),
            ("ngec.mode_accuracy", self.mode.accuracy),
            ("ngec.confident_events", self.calibration.confident_events),
            ("ngec.confident_precision", self.calibration.confident_precision),
        ]

    def section(self, title: str, *, confusions: int = 12) -> Section:
        per_type = Table(
            "per gold type",
            ("type", "stories", "correct", "recall", "any-event recall"),
            tuple(
                (t.type, t.stories, t.correct, t.recall, t.any_event_recall) for t in self.per_type
            ),
        )
        confused = Table(
            "most frequent wrong labels",
            ("gold", "predicted", "stories"),
            tuple(
                (c.gold, c.predicted or "(no event)", c.stories)
                for c in self.confusions[:confusions]
            ),
        )
        return Section(title, tuple(self.summary()), (per_type, confused, self.calibration.table()))


@dataclass(frozen=True, slots=True)
class RoleScore:
    """Token-overlap F1 of one role (source or target) over the sentences that have a
    gold span for it."""

    scored: int
    found: int  # sentences where the event had an actor for this role
    f1_total: float
    exact: int  # F1 == 1

    @property
    def mean_f1(self) -> float:
        return ratio(self.f1_total, self.scored)

    @property
    def found_rate(self) -> float:
        return ratio(self.found, self.scored)


@dataclass(frozen=True, slots=True)
class SpanScores:
    sentences: int
    failed: int
    with_event: int
    source: RoleScore
    target: RoleScore

    @property
    def actor_f1(self) -> float:
        """Mean token-overlap F1 over every scored (sentence, role) pair."""
        total = self.source.f1_total + self.target.f1_total
        return ratio(total, self.source.scored + self.target.scored)

    def summary(self) -> list[Figure]:
        return [
            ("spans.sentences", self.sentences),
            ("spans.failed", self.failed),
            ("spans.event_rate", ratio(self.with_event, self.sentences)),
            ("spans.source_f1", self.source.mean_f1),
            ("spans.target_f1", self.target.mean_f1),
            ("spans.actor_f1", self.actor_f1),
            ("spans.source_found_rate", self.source.found_rate),
            ("spans.target_found_rate", self.target.found_rate),
            ("spans.source_exact_rate", ratio(self.source.exact, self.source.scored)),
            ("spans.target_exact_rate", ratio(self.target.exact, self.target.scored)),
        ]

    def section(self, title: str) -> Section:
        note = (
            "spans.actor_f1: source and target actor found (mean token-overlap F1 of the "
            "highest-confidence event's actor and recipient)"
        )
        return Section(title, tuple(self.summary()), notes=(note,))


def _type_table(scores: TypeScores) -> Table:
    rows = tuple(
        (
            t.type,
            t.gold,
            t.predicted,
            t.correct,
            shown(t.precision, t.predicted),
            shown(t.recall, t.gold),
            t.f1,
        )
        for t in scores.per_type
    )
    return Table(
        "per type (factual events)", ("type", "gold", "pred", "correct", "P", "R", "F1"), rows
    )
