"""Near-duplicate detection: precision and recall of linking wire copies.

Real news texts (``../shared/eval/geo/trnews.jsonl``) are the originals. Each gets a
"wire copy" made the way republishers edit: the last paragraph (or last fifth of the
sentences) cut, one sentence swapped for a sentence of another article, a few words
replaced, an editor's line added. A second, heavier variant rewrites a third of the
sentences (swapped for other articles' sentences): at that point it is a different
article, and finding it is a bonus, not a requirement.

Every original, then every copy, is added to a fresh store. A copy is found when the
store links it to its original; a false link is any other link (original to original,
copy to the wrong original). Pairwise similarity figures at several thresholds are
printed too, computed from the MinHash estimates of all (copy, original) pairs.

Run: ``python benchmarks/dedup.py [--articles N] [--seed S]``
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

from eventwire.model import Article, Document
from eventwire.store import Store
from eventwire.store.minhash import DUPLICATE_THRESHOLD, Fingerprint, fingerprint

TRNEWS = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "geo" / "trnews.jsonl"
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text.strip()) if s]


def wire_copy(text: str, donor: list[str], rng: random.Random, rewrite: float) -> str:
    parts = sentences(text)
    keep = max(3, round(len(parts) * 0.8))  # cut the last fifth
    parts = parts[:keep]
    n_swap = max(1, round(len(parts) * rewrite))
    for index in rng.sample(range(len(parts)), min(n_swap, len(parts))):
        parts[index] = rng.choice(donor)
    words = " ".join(parts).split(" ")
    for index in rng.sample(range(len(words)), max(1, len(words) // 40)):
        words[index] = rng.choice(["said", "officials", "on", "the", "reported", "new"])
    return " ".join(words) + " This story has been updated."


def document(text: str, name: str) -> Document:
    article = Article(title=None, body=text, source=name)
    return Document(text=text, origin=name, article=article)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=118)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not TRNEWS.is_file():
        print(f"skipped: {TRNEWS} not found", file=sys.stderr)
        return 0
    rng = random.Random(args.seed)
    texts = [json.loads(line)["text"] for line in TRNEWS.open(encoding="utf-8")]
    texts = [t for t in texts if len(sentences(t)) >= 5][: args.articles]
    n = len(texts)
    print(f"{n} real articles from {TRNEWS.name}; threshold {DUPLICATE_THRESHOLD}")

    for label, rewrite in (("light edit (wire copy)", 0.1), ("heavy rewrite (1/3)", 0.33)):
        copies = []
        for i, text in enumerate(texts):
            donor = sentences(texts[(i + 1 + rng.randrange(n - 1)) % n])
            copies.append(wire_copy(text, donor, rng, rewrite))
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(Path(tmp) / "dedup.db", merge_events=False)
            ids = [
                store.add_document(document(t, f"orig-{i}")).article_id for i, t in enumerate(texts)
            ]
            started = time.perf_counter()
            links = [
                store.add_document(document(c, f"copy-{i}")).duplicate_of
                for i, c in enumerate(copies)
            ]
            per_article_ms = (time.perf_counter() - started) * 1000 / n
            original_links = store._rows(
                "SELECT count(*) AS n FROM articles WHERE duplicate_of IS NOT NULL "
                "AND origin LIKE 'orig-%'"
            )[0]["n"]
            store.close()
        found = sum(1 for i, link in enumerate(links) if link == ids[i])
        wrong = sum(1 for i, link in enumerate(links) if link is not None and link != ids[i])
        false_links = wrong + int(original_links)
        precision = found / (found + false_links) if found + false_links else 1.0
        print(
            f"\n{label}: recall {found / n:.3f} ({found}/{n}), precision {precision:.3f} "
            f"({false_links} false links), store add {per_article_ms:.1f} ms/article"
        )
        prints = [fingerprint(t) for t in texts]
        copy_prints = [fingerprint(c) for c in copies]
        same = [_sim(copy_prints[i], prints[i]) for i in range(n)]
        other = [_sim(copy_prints[i], prints[j]) for i in range(n) for j in range(n) if i != j]
        print(f"  threshold  recall  false pairs (of {len(other)})")
        for threshold in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
            recall = sum(s >= threshold for s in same) / n
            fp = sum(s >= threshold for s in other)
            print(f"  {threshold:9.1f}  {recall:6.3f}  {fp}")
        print(
            f"  similarity of copies: min {min(same):.2f}, median {sorted(same)[n // 2]:.2f}; "
            f"of other pairs: max {max(other):.2f}"
        )
    return 0


def _sim(a: Fingerprint | None, b: Fingerprint | None) -> float:
    return 0.0 if a is None or b is None else a.similarity(b)


if __name__ == "__main__":
    sys.exit(main())
