"""Scoring segmentation against dumps with their true article boundaries.

A gold file is a raw dump in which a line that is exactly ``<<<article>>>`` comes
before the first line of every article (``tests/data/segmentation/README.md``). The
dump is the file without those lines; the true start of an article is the first
non-blank character after its marker. A boundary is the start of every article but the
first; a predicted boundary is correct when it starts at a true one. The dump is fed
to the same streaming segmenter ``eventwire ingest`` uses (``segment.iter_bounds``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from eventwire.errors import InputError
from eventwire.evaluate.metrics import f1_score, ratio

MARKER = "<<<article>>>"


@dataclass(frozen=True, slots=True)
class GoldDump:
    name: str
    text: str  # the dump without marker lines
    starts: list[int]  # offsets in ``text`` where each article starts


@dataclass(slots=True)
class SegmentationScores:
    dumps: int = 0
    gold: int = 0  # true boundaries
    predicted: int = 0
    correct: int = 0
    missed: list[str] = field(default_factory=list)  # "file:line" of true boundaries missed
    spurious: list[str] = field(default_factory=list)  # "file:line" of wrong boundaries

    @property
    def precision(self) -> float:
        return ratio(self.correct, self.predicted)

    @property
    def recall(self) -> float:
        return ratio(self.correct, self.gold)

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)

    def summary(self) -> str:
        lines = [
            f"{self.dumps} dumps, {self.gold} true boundaries, {self.predicted} predicted, "
            f"{self.correct} correct",
            f"boundary precision {self.precision:.3f}, recall {self.recall:.3f}, F1 {self.f1:.3f}",
        ]
        lines += [f"  missed   {where}" for where in self.missed]
        lines += [f"  spurious {where}" for where in self.spurious]
        return "\n".join(lines)


def read_gold(path: Path) -> GoldDump:
    """The dump in a gold file and its true article starts."""
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read: {exc}") from exc
    parts: list[str] = []
    starts: list[int] = []
    length = 0
    waiting = False  # a marker was seen; the next non-blank character starts an article
    for line in content.splitlines(keepends=True):
        if line.rstrip("\n") == MARKER:
            waiting = True
            continue
        if waiting and line.strip():
            starts.append(length + len(line) - len(line.lstrip()))
            waiting = False
        parts.append(line)
        length += len(line)
    if not starts:
        raise InputError(str(path), f"no {MARKER} line: not a segmentation gold file")
    return GoldDump(path.name, "".join(parts), starts)


def gold_files(path: Path) -> list[Path]:
    """``path`` itself, or the ``.txt`` files in the folder ``path``, sorted."""
    if path.is_dir():
        found = sorted(path.glob("*.txt"))
        if not found:
            raise InputError(str(path), "no .txt gold files in this folder")
        return found
    return [path]


def evaluate_segmentation(path: Path) -> SegmentationScores:
    """Boundary precision and recall over one gold file or a folder of them."""
    from eventwire.articles.segment import iter_bounds, iter_lines

    scores = SegmentationScores()
    for file in gold_files(path):
        gold = read_gold(file)
        true = set(gold.starts[1:])
        predicted = [bound.start for bound in iter_bounds(iter_lines(gold.text))][1:]
        scores.dumps += 1
        scores.gold += len(true)
        scores.predicted += len(predicted)
        scores.correct += len(true.intersection(predicted))

        def where(offset: int, text: str = gold.text, name: str = file.name) -> str:
            return f"{name}:{text.count(chr(10), 0, offset) + 1}"

        scores.missed += [where(start) for start in sorted(true.difference(predicted))]
        scores.spurious += [where(start) for start in predicted if start not in true]
    return scores
