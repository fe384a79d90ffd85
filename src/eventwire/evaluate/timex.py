"""Time-expression evaluation against TempEval-3 style gold (TIMEX3 spans and values).

The gold file is JSON Lines, one article per line: ``id``, ``dct`` (document creation
date, YYYY-MM-DD), ``title``, ``text`` and ``timexes`` (``text``, ``start``, ``end``,
``type``, ``value``, ``mod``; offsets into ``text``), as in shared/eval/time/te3_dev.jsonl.

Scores follow TempEval-3: strict span match (same offsets) and relaxed match (any
overlap, one prediction per gold expression); type and value accuracy are measured on the
relaxed matches, and type/value F1 count a match as correct only when the attribute
agrees too (the figure TempEval-3 ranks systems by).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventwire.errors import InputError
from eventwire.evaluate.metrics import f1_of_counts, ratio
from eventwire.model import DateOrigin, TimeExpression, TimexType
from eventwire.timex import Anchor, find_timexes
from eventwire.timex.tense import SpacyTense, sentence_bounds
from eventwire.timex.words import load_lexicon

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class GoldTimex:
    text: str
    start: int
    end: int
    type: TimexType
    value: str | None
    mod: str | None


@dataclass(frozen=True, slots=True)
class GoldTimexDocument:
    id: str
    dct: date
    title: str | None
    text: str
    timexes: tuple[GoldTimex, ...]


@dataclass(frozen=True, slots=True)
class TimexMismatch:
    """A gold expression and what the system found for it (None: nothing overlapping)."""

    document: str
    gold: GoldTimex
    predicted: TimeExpression | None


@dataclass(frozen=True, slots=True)
class TimexScores:
    documents: int
    gold: int
    predicted: int
    strict_matches: int
    relaxed_matches: int
    type_correct: int  # among relaxed matches
    value_correct: int  # among relaxed matches
    mismatches: tuple[TimexMismatch, ...]  # gold expressions missed or mis-valued
    spurious: tuple[tuple[str, TimeExpression], ...]  # (document id, prediction) with no gold

    @property
    def strict_precision(self) -> float:
        return ratio(self.strict_matches, self.predicted)

    @property
    def strict_recall(self) -> float:
        return ratio(self.strict_matches, self.gold)

    @property
    def strict_f1(self) -> float:
        return f1_of_counts(self.strict_matches, self.predicted, self.gold)

    @property
    def relaxed_precision(self) -> float:
        return ratio(self.relaxed_matches, self.predicted)

    @property
    def relaxed_recall(self) -> float:
        return ratio(self.relaxed_matches, self.gold)

    @property
    def relaxed_f1(self) -> float:
        return f1_of_counts(self.relaxed_matches, self.predicted, self.gold)

    @property
    def type_accuracy(self) -> float:
        return ratio(self.type_correct, self.relaxed_matches)

    @property
    def value_accuracy(self) -> float:
        return ratio(self.value_correct, self.relaxed_matches)

    @property
    def type_f1(self) -> float:
        return f1_of_counts(self.type_correct, self.predicted, self.gold)

    @property
    def value_f1(self) -> float:
        return f1_of_counts(self.value_correct, self.predicted, self.gold)

    def summary(self) -> str:
        """One line per figure, for reports."""
        return "\n".join(
            [
                f"documents {self.documents}, gold {self.gold}, predicted {self.predicted}",
                f"strict   P {self.strict_precision:.3f}  R {self.strict_recall:.3f}"
                f"  F1 {self.strict_f1:.3f}",
                f"relaxed  P {self.relaxed_precision:.3f}  R {self.relaxed_recall:.3f}"
                f"  F1 {self.relaxed_f1:.3f}",
                f"type   accuracy {self.type_accuracy:.3f}  F1 {self.type_f1:.3f}",
                f"value  accuracy {self.value_accuracy:.3f}  F1 {self.value_f1:.3f}",
            ]
        )


def _gold_timex(record: dict[str, object], where: str) -> GoldTimex:
    try:
        return GoldTimex(
            text=str(record["text"]),
            start=int(str(record["start"])),
            end=int(str(record["end"])),
            type=TimexType(str(record["type"])),
            value=None if record.get("value") is None else str(record["value"]),
            mod=None if record.get("mod") is None else str(record["mod"]),
        )
    except (KeyError, ValueError) as exc:
        raise InputError(where, f"malformed timex {record!r}: {exc}") from exc


def read_timex_gold(path: str | Path) -> list[GoldTimexDocument]:
    """Read a TempEval-3 style JSON Lines gold file; raises ``InputError`` if malformed."""
    path = Path(path)
    documents = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read the gold file: {exc}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
            text = str(record["text"])
            timexes = tuple(_gold_timex(t, where) for t in record["timexes"])
            documents.append(
                GoldTimexDocument(
                    id=str(record["id"]),
                    dct=date.fromisoformat(str(record["dct"])),
                    title=record.get("title"),
                    text=text,
                    timexes=timexes,
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise InputError(where, f"not a gold time-expression record: {exc}") from exc
        for timex in timexes:
            if text[timex.start : timex.end] != timex.text:
                raise InputError(where, f"offsets of {timex.text!r} do not match the text")
    return documents


# A recogniser: (text, anchor) -> expressions with offsets into text.
Recogniser = Callable[[str, Anchor], list[TimeExpression]]


def parsed_recogniser() -> Recogniser:
    """The production recogniser: tense and sentences from the spaCy parse."""
    from eventwire.stages.parse import load_nlp

    nlp = load_nlp()
    cues = load_lexicon().future_cues

    def recognise(text: str, anchor: Anchor) -> list[TimeExpression]:
        parsed = nlp(text)
        return find_timexes(
            text, anchor, tense_of=SpacyTense(parsed, cues), sentences=sentence_bounds(parsed)
        )

    return recognise


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return min(a_end, b_end) - max(a_start, b_start)


def evaluate_timex(path: str | Path, recognise: Recogniser | None = None) -> TimexScores:
    """Score the recogniser on a gold file, anchoring each text on its creation date."""
    recognise = recognise or parsed_recogniser()
    counts = {"gold": 0, "predicted": 0, "strict": 0, "relaxed": 0, "type": 0, "value": 0}
    mismatches: list[TimexMismatch] = []
    spurious: list[tuple[str, TimeExpression]] = []
    documents = read_timex_gold(path)
    for document in documents:
        predicted = recognise(document.text, Anchor(document.dct, DateOrigin.METADATA))
        counts["gold"] += len(document.timexes)
        counts["predicted"] += len(predicted)
        used: set[int] = set()
        for gold in document.timexes:
            overlapping = [
                (i, p)
                for i, p in enumerate(predicted)
                if i not in used and _overlap(gold.start, gold.end, p.start, p.end) > 0
            ]
            if not overlapping:
                mismatches.append(TimexMismatch(document.id, gold, None))
                continue
            index, match = max(
                overlapping, key=lambda ip: _overlap(gold.start, gold.end, ip[1].start, ip[1].end)
            )
            used.add(index)
            counts["relaxed"] += 1
            counts["strict"] += (match.start, match.end) == (gold.start, gold.end)
            counts["type"] += match.type is gold.type
            counts["value"] += match.value == gold.value
            if match.value != gold.value or match.type is not gold.type:
                mismatches.append(TimexMismatch(document.id, gold, match))
        spurious.extend((document.id, p) for i, p in enumerate(predicted) if i not in used)
    scores = TimexScores(
        documents=len(documents),
        gold=counts["gold"],
        predicted=counts["predicted"],
        strict_matches=counts["strict"],
        relaxed_matches=counts["relaxed"],
        type_correct=counts["type"],
        value_correct=counts["value"],
        mismatches=tuple(mismatches),
        spurious=tuple(spurious),
    )
    log.info("time expressions on %s:\n%s", path, scores.summary())
    return scores
