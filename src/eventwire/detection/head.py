"""The detector's linear head: logistic regressions over sentence embeddings, stored as
plain numbers in JSON (``data/detector_head.json``) and scored with numpy alone.

* binary heads (``event``: the sentence reports a political event; ``kill``: police
  killed someone; ``arrest``: police arrested someone; ``protest``: it reports a
  protest, learnt from the ACLED snippets' protest label): ``sigmoid(x . w + b)``;
* the type head: ``softmax(x W + b)`` over the PLOVER types, the probability of each
  type given that the sentence reports an event;
* ``thresholds``: the decision points chosen on the training part (cross-validated).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from eventwire.datafiles import read_data
from eventwire.errors import InputError

Array = npt.NDArray[np.float32]
HEAD_FILE = "detector_head.json"


@dataclass(frozen=True, slots=True)
class BinaryHead:
    weights: Array
    bias: float

    def probability(self, x: Array) -> Array:
        return _sigmoid(x @ self.weights + self.bias)


@dataclass(frozen=True, slots=True)
class TypeHead:
    labels: tuple[str, ...]
    weights: Array  # (dimensions, types)
    bias: Array  # (types,)

    def probabilities(self, x: Array) -> Array:
        logits = x @ self.weights + self.bias
        logits = logits - logits.max(axis=-1, keepdims=True)
        exp = np.exp(logits)
        return np.asarray(exp / exp.sum(axis=-1, keepdims=True), dtype=np.float32)


@dataclass(frozen=True, slots=True)
class SentenceScore:
    """What the detector says about one sentence."""

    event: float  # probability that it reports a political event
    types: dict[str, float]  # probability of each PLOVER type, given an event
    kill: float = 0.0  # probability that police killed someone
    arrest: float = 0.0  # probability that police arrested someone
    protest: float = 0.0  # probability that it reports a protest (the ACLED-trained head)

    @property
    def top_type(self) -> tuple[str, float]:
        kind = max(self.types, key=lambda k: self.types[k])
        return kind, self.types[kind]


@dataclass(frozen=True, slots=True)
class Head:
    dimensions: int
    binary: dict[str, BinaryHead]
    types: TypeHead
    thresholds: dict[str, float] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    def score(self, x: Array) -> list[SentenceScore]:
        """One score per embedding row."""
        if x.ndim != 2 or x.shape[1] != self.dimensions:
            raise ValueError(f"expected (n, {self.dimensions}) embeddings, got {x.shape}")
        if not len(x):
            return []
        binary = {name: head.probability(x) for name, head in self.binary.items()}
        types = self.types.probabilities(x)
        zeros = np.zeros(len(x), dtype=np.float32)
        return [
            SentenceScore(
                event=float(binary.get("event", zeros)[i]),
                types={label: float(types[i, j]) for j, label in enumerate(self.types.labels)},
                kill=float(binary.get("kill", zeros)[i]),
                arrest=float(binary.get("arrest", zeros)[i]),
                protest=float(binary.get("protest", zeros)[i]),
            )
            for i in range(len(x))
        ]

    def to_json(self) -> dict[str, Any]:
        def numbers(a: Array) -> Any:
            return np.round(a.astype(np.float64), 6).tolist()

        return {
            "dimensions": self.dimensions,
            "binary": {
                name: {"weights": numbers(h.weights), "bias": round(h.bias, 6)}
                for name, h in self.binary.items()
            },
            "types": {
                "labels": list(self.types.labels),
                "weights": numbers(self.types.weights),
                "bias": numbers(self.types.bias),
            },
            "thresholds": self.thresholds,
            "meta": self.meta,
        }


def _sigmoid(z: Array) -> Array:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))), dtype=np.float32)


def head_from_json(data: dict[str, Any], origin: str = "<head>") -> Head:
    """A head from its JSON form; a malformed file is an ``InputError`` naming it."""
    try:
        dims = int(data["dimensions"])
        binary = {
            str(name): BinaryHead(np.asarray(h["weights"], dtype=np.float32), float(h["bias"]))
            for name, h in data["binary"].items()
        }
        t = data["types"]
        types = TypeHead(
            tuple(str(x) for x in t["labels"]),
            np.asarray(t["weights"], dtype=np.float32),
            np.asarray(t["bias"], dtype=np.float32),
        )
        thresholds = {str(k): float(v) for k, v in dict(data.get("thresholds", {})).items()}
        meta = dict(data.get("meta", {}))
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(origin, f"not a detector head: {exc}") from exc
    n = len(types.labels)
    shapes_ok = all(h.weights.shape == (dims,) for h in binary.values()) and (
        types.weights.shape == (dims, n) and types.bias.shape == (n,)
    )
    if not shapes_ok:
        raise InputError(origin, "not a detector head: weights do not match the dimensions")
    return Head(dims, binary, types, thresholds, meta)


def read_head(path: Path | None = None) -> Head:
    """The head at ``path``, or the one shipped in ``data/``."""
    where, text = read_data(HEAD_FILE, path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(where, f"cannot read the detector head: {exc}") from exc
    return head_from_json(data, where)


@lru_cache(maxsize=1)
def shipped_head() -> Head:
    """The head shipped in ``data/`` (read once per process)."""
    return read_head()
