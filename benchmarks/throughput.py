"""Throughput: articles/second end to end, next to a bare ``nlp.pipe`` of the same texts.

Usage::

    python benchmarks/throughput.py [--articles N] [--folder DIR] [--rounds R]

Texts come from ``--folder`` (every .txt file, one article each), else from the real
news in ``../shared/eval/geo/trnews.jsonl`` when it is there, else from the sample dump
shipped with the package. All measurements run in this one process, after a warm-up,
so their ratios hold even when the machine's speed drifts; the texts are parsed once
untimed first (a first parse of new texts is slower). The passes are timed in turn,
``--rounds`` times (default 3), and each is reported at its fastest round (as ``timeit``
does: the other rounds only add the machine's noise), with every round's ratios and
their median beside it (on a shared machine, quote the median), and the same ratios on
the process's CPU time. Each pipeline codes the texts once untimed first, as the bare
parse does. The bare parse is ``nlp.pipe`` of
spaCy's model as installed (batched, as eventwire's runner parses them; eventwire's
own parse computes two of its rule components from token arrays). When a stage
runs a trained model, the patterns-only pipeline (without it) is timed too. A last pass
runs the stages one by one over batches and prints each stage's share of the time, with
the share of the geoparser and the date resolver together (``places`` + ``dates``).
Peak memory is the process's maximum resident set size.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from importlib import resources
from pathlib import Path

import eventwire
from eventwire.articles.segment import split_articles
from eventwire.model import RawDocument
from eventwire.run.pipeline import ARTICLE_BATCH, Pipeline, run_many
from eventwire.stages.parse import MODEL_NAME, PIPE_BATCH_SIZE, load_nlp
from eventwire.stages.registry import DEFAULT_STAGES

# Stages that run a trained model; the patterns-only pipeline leaves them out.
TRAINED_STAGES = frozenset({"detector"})

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


def stage_seconds(texts: list[str], pipeline: Pipeline) -> dict[str, float]:
    """Seconds spent in each stage (segmentation included) over ``texts``, each stage
    run over a batch of articles as the runner does."""
    spent = {"segment": 0.0, **{info.name: 0.0 for info in pipeline.stages}}
    start = time.perf_counter()
    docs = [d for t in texts for d in split_articles(RawDocument(text=t, origin="<benchmark>"))]
    spent["segment"] += time.perf_counter() - start
    for first in range(0, len(docs), ARTICLE_BATCH):
        batch = docs[first : first + ARTICLE_BATCH]
        for info in pipeline.stages:
            start = time.perf_counter()
            batch = info.run_batch(batch)
            spent[info.name] += time.perf_counter() - start
    return spent


def end_to_end(texts: list[str], pipeline: Pipeline) -> tuple[float, float, int]:
    """Seconds (wall clock, then the process's CPU time) to code ``texts`` as the
    library's runner does, and the events found."""
    raws = [RawDocument(text=t, origin=f"<benchmark {i}>") for i, t in enumerate(texts)]
    start, cpu = time.perf_counter(), time.process_time()
    n_events = sum(
        len(r.events) for result in run_many(raws, names=pipeline.names) for r in result.documents
    )
    return time.perf_counter() - start, time.process_time() - cpu, n_events


def _median_ratio(bare: list[float], seconds: list[float]) -> float:
    """The median of the rounds' ratios (each round's bare parse over its pipeline): on
    a shared machine the figure to quote, as one slow or lucky round does not move it."""
    return statistics.median(b / s for b, s in zip(bare, seconds, strict=True))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--rounds", type=int, default=3, help="times each pass is timed")
    args = parser.parse_args()

    texts, origin = load_texts(args.folder, args.articles)
    if not texts:
        print("no texts found", file=sys.stderr)
        return 1
    n_chars = sum(len(t) for t in texts)
    # The baseline is spaCy's own pipeline, as installed: eventwire's parse puts array
    # forms of two rule components in its place (``stages/spacy_rules.py``).
    import spacy

    bare_nlp = spacy.load(MODEL_NAME, vocab=load_nlp().vocab)
    eventwire.process(texts[0])  # warm-up: loads the model, lexicons and gazetteer

    def bare_parse() -> tuple[float, float]:
        start, cpu = time.perf_counter(), time.process_time()
        for _ in bare_nlp.pipe(texts, batch_size=PIPE_BATCH_SIZE):
            pass
        return time.perf_counter() - start, time.process_time() - cpu

    pipelines = {"full pipeline": Pipeline()}
    patterns_only = [name for name in DEFAULT_STAGES if name not in TRAINED_STAGES]
    if len(patterns_only) < len(DEFAULT_STAGES):
        pipelines["patterns only"] = Pipeline(patterns_only)
    # A first parse of new texts is slower than any later one (spaCy adds their words to
    # its vocabulary): parse them once untimed, or the bare pass is timed cold and every
    # ratio flattered (by about 0.07 here).
    bare_parse()
    # The same for each pipeline: its first pass over new texts is slower (the encoder
    # meets new batch shapes), which made its first round the slowest of every run.
    for pipeline in pipelines.values():
        end_to_end(texts, pipeline)
    bare_times: list[float] = []
    bare_cpu: list[float] = []
    times: dict[str, list[float]] = {label: [] for label in pipelines}
    cpu_times: dict[str, list[float]] = {label: [] for label in pipelines}
    counts: dict[str, int] = {}
    for _ in range(max(1, args.rounds)):
        wall, cpu = bare_parse()
        bare_times.append(wall)
        bare_cpu.append(cpu)
        for label, pipeline in pipelines.items():
            wall, cpu, counts[label] = end_to_end(texts, pipeline)
            times[label].append(wall)
            cpu_times[label].append(cpu)
    bare = min(bare_times)

    print(f"texts: {len(texts)} articles, {n_chars / len(texts):.0f} chars each, from {origin}")
    print(
        f"bare spaCy nlp.pipe:  {len(texts) / bare:7.2f} articles/s (fastest of {len(bare_times)})"
    )
    for label, seconds in times.items():
        rounds = ", ".join(f"{b / s:.2f}" for b, s in zip(bare_times, seconds, strict=True))
        print(
            f"eventwire, {label + ':':<15} {len(texts) / min(seconds):7.2f} articles/s "
            f"({counts[label]} events), ratio to bare nlp.pipe {bare / min(seconds):.2f} "
            f"(rounds: {rounds}; median {_median_ratio(bare_times, seconds):.2f})"
        )
    # CPU time is steadier than the wall clock on a shared machine (what other processes
    # take is not counted): the same ratios, per round, on the process's CPU time.
    for label, seconds in cpu_times.items():
        rounds = ", ".join(f"{b / s:.2f}" for b, s in zip(bare_cpu, seconds, strict=True))
        print(
            f"CPU time, {label + ':':<15} ratio to bare nlp.pipe {min(bare_cpu) / min(seconds):.2f}"
            f" (rounds: {rounds}; median {_median_ratio(bare_cpu, seconds):.2f})"
        )
    spent = stage_seconds(texts, pipelines["full pipeline"])
    total = sum(spent.values())
    print("share of the time per stage (the full pipeline, a pass stage by stage):")
    for name, seconds in spent.items():
        print(f"  {name:<11} {100 * seconds / total:5.1f} %  ({seconds:.2f} s)")
    where_when = spent.get("places", 0.0) + spent.get("dates", 0.0)
    print(f"geoparser and date resolver (places + dates): {100 * where_when / total:.1f} %")
    print(f"peak memory (max RSS): {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
