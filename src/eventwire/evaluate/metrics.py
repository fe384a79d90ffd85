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
