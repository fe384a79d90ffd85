"""Throughput: articles/second end to end, next to a bare spaCy parse of the same texts.

Usage::

    python benchmarks/throughput.py [--articles N] [--folder DIR]

Texts come from ``--folder`` (every .txt file, one article each), else from the real
news in ``../shared/eval/geo/trnews.jsonl`` when it is there, else from the sample dump
shipped with the package. Both measurements run in this one process, after a warm-up,
so their ratio holds even when the machine's speed drifts. A third pass runs the stages
one by one and prints each stage's share of the time, with the share of the geoparser
and the date resolver together (``places`` + ``dates``). Peak memory is the process's
maximum resident set size.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from importlib import resources
from pathlib import Path

import eventwire
from eventwire.articles.segment import split_articles
from eventwire.model import RawDocument
from eventwire.run.pipeline import Pipeline
from eventwire.stages.parse import load_nlp

SHARED = Path(__file__).resolve().parents[2] / "shared"


def load_texts(folder: Path | None, limit: int) -> tuple[list[str], str]:
    if folder is not None:
        files = sorted(folder.rglob("*.txt"))[:limit]
        return [f.read_text(encoding="utf-8") for f in files], str(folder)
    trnews = SHARED / "eval" / "geo" / "trnews.jsonl"
    if trnews.exists():
        with trnews.open(encoding="utf-8") as handle:
            texts = [json.loads(line)["text"] for line in handle][:limit]
        return texts, str(trnews.relative_to(SHARED.parent))
    sample = (resources.files("eventwire") / "data" / "sample_dump.txt").read_text("utf-8")
    return [sample] * limit, "eventwire/data/sample_dump.txt (repeated)"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stage_seconds(texts: list[str]) -> dict[str, float]:
    """Seconds spent in each stage (segmentation included) over ``texts``."""
    pipeline = Pipeline()
    spent = {"segment": 0.0, **{info.name: 0.0 for info in pipeline.stages}}
    for text in texts:
        start = time.perf_counter()
        docs = split_articles(RawDocument(text=text, origin="<benchmark>"))
        spent["segment"] += time.perf_counter() - start
        for doc in docs:
            for info in pipeline.stages:
                start = time.perf_counter()
                doc = info.func(doc)
                spent[info.name] += time.perf_counter() - start
    return spent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--folder", type=Path)
    args = parser.parse_args()

    texts, origin = load_texts(args.folder, args.articles)
    if not texts:
        print("no texts found", file=sys.stderr)
        return 1
    n_chars = sum(len(t) for t in texts)
    nlp = load_nlp()
    eventwire.process(texts[0])  # warm-up: loads the model, lexicons and gazetteer

    start = time.perf_counter()
    for text in texts:
        nlp(text)
    bare = time.perf_counter() - start

    start = time.perf_counter()
    n_events = 0
    for text in texts:
        n_events += len(eventwire.process(text).events)
    full = time.perf_counter() - start

    print(f"texts: {len(texts)} articles, {n_chars / len(texts):.0f} chars each, from {origin}")
    print(f"bare spaCy parse:     {len(texts) / bare:7.2f} articles/s")
    print(f"eventwire end to end: {len(texts) / full:7.2f} articles/s ({n_events} events)")
    print(f"ratio end-to-end / bare parse: {bare / full:.2f}")
    spent = stage_seconds(texts)
    total = sum(spent.values())
    print("share of the time per stage (a third pass, stage by stage):")
    for name, seconds in spent.items():
        print(f"  {name:<11} {100 * seconds / total:5.1f} %")
    where_when = spent.get("places", 0.0) + spent.get("dates", 0.0)
    print(f"geoparser and date resolver (places + dates): {100 * where_when / total:.1f} %")
    print(f"peak memory (max RSS): {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
