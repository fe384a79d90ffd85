"""Small shared arithmetic of the evaluations: rates and F1."""

from __future__ import annotations


def ratio(part: float, whole: float) -> float:
    """``part / whole``, or 0.0 for a rate over nothing."""
    return part / whole if whole else 0.0


def f1_score(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def f1_of_counts(correct: int, predicted: int, gold: int) -> float:
    """F1 from the counts of correct, predicted and gold items."""
    return f1_score(ratio(correct, predicted), ratio(correct, gold))


class PrecisionRecall:
    """Precision, recall and F1 of the ``correct``, ``predicted`` and ``gold`` counts a
    record holds (a base of the per-label score records)."""

    __slots__ = ()
    correct: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return ratio(self.correct, self.predicted)

    @property
    def recall(self) -> float:
        return ratio(self.correct, self.gold)

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)
