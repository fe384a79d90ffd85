"""Scaling: articles/second with 1 and 2 worker processes, for the local process pool
(``pipeline.run_many``) and for Dask (``cluster.ClusterRunner`` on ``local:N``).

Usage::

    python benchmarks/scaling.py [--articles N] [--batch-size B,...] [--chunksize C]
                                 [--runners pool,dask]

Texts are the real news articles of ``../shared/eval/geo/trnews.jsonl`` (118 of them,
repeated with new origins when more are asked for), sent as raw documents with their
title, date, source and URL. Processing only: nothing is stored.

What is timed, for each runner and worker count:

- start: worker processes up (Dask: the local cluster; the pool starts lazily, so its
  start is part of its warm-up);
- warm-up: every worker has built its pipeline (spaCy model, lexicons, gazetteer) and
  coded a short article. The pool has no hook for that, so the pool is sent one short
  warm-up article per worker and chunk first, and its warm-up ends when their results
  are back;
- processing: from the end of the warm-up to the last result, for the N articles;
  articles/s is N over that time;
- CPU s/article: the CPU time that every process involved (the workers, and this
  one, which reads, unpickles and for Dask also schedules) used while processing, per
  article. It holds on a busy machine, where wall-clock rates do not: when it is the
  same for 1 and 2 workers, a second worker costs nothing extra and 2 workers reach
  2x whenever two cores are free;
- peak memory: the maximum resident set size (``VmHWM``) of each worker process,
  read while the workers are still alive. With one pool process, the pipeline runs in
  this process (``run_many`` uses no pool then), so it is this process's peak.

The machine's load average is printed first: on a shared machine, ratios mean little
when it is above zero.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventwire.errors import EventwireError
from eventwire.model import RawDocument
from eventwire.run.cluster import ClusterRunner, cpu_seconds, peak_rss_mb
from eventwire.run.pipeline import ProcessResult, default_pipeline, run_many
from eventwire.stages.registry import DEFAULT_STAGES

SHARED = Path(__file__).resolve().parents[2] / "shared"
TRNEWS = SHARED / "eval" / "geo" / "trnews.jsonl"

WARM_UP_TEXT = "Police detained three protesters in Oslo on Monday, officials said."


@dataclass(slots=True)
class Measure:
    runner: str
    workers: int
    start_s: float | None
    warm_up_s: float
    processing_s: float
    articles: int
    failed: int
    peak_rss_mb: list[float]
    cpu_s: float  # CPU time of every process involved (workers and this one)

    @property
    def rate(self) -> float:
        return self.articles / self.processing_s


def load_articles(limit: int) -> list[RawDocument]:
    if not TRNEWS.exists():
        sys.exit(f"scaling.py: {TRNEWS}: not found (the benchmark needs ../shared/eval)")
    with TRNEWS.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    raws: list[RawDocument] = []
    for n in range(limit):
        record = records[n % len(records)]
        raws.append(
            RawDocument(
                text=record["text"],
                origin=f"trnews/{record['id']}#{n // len(records)}",
                title=record.get("title"),
                published=date.fromisoformat(record["date"]) if record.get("date") else None,
                source=record.get("source"),
                url=record.get("url"),
            )
        )
    return raws


def _children() -> tuple[list[float], float]:
    """Peak RSS (MB) of each child process of this one (the pool workers) and the CPU
    time they used together."""
    import psutil

    peaks = []
    cpu = 0.0
    for child in psutil.Process().children(recursive=True):
        try:
            peaks.append(peak_rss_mb(child.pid))
            times = child.cpu_times()
        except (OSError, psutil.Error):
            continue  # a helper process that ended meanwhile
        cpu += times.user + times.system
    return peaks, cpu


def measure_pool(raws: list[RawDocument], workers: int, chunksize: int) -> Measure:
    if workers == 1:  # run_many runs in this process: warm it up here
        start = time.perf_counter()
        default_pipeline().process_raw(RawDocument(text=WARM_UP_TEXT, origin="<warm-up>"))
        warm_up = time.perf_counter() - start
        cpu_before = cpu_seconds()
        start = time.perf_counter()
        results = list(run_many(raws, n_process=1))
        processing = time.perf_counter() - start
        return Measure(
            "pool", 1, None, warm_up, processing, len(raws), _failed(results),
            [peak_rss_mb()], cpu_seconds() - cpu_before,
        )  # fmt: skip

    n_warm = workers * chunksize
    warm = [RawDocument(text=WARM_UP_TEXT, origin=f"<warm-up {n}>") for n in range(n_warm)]
    items: list[RawDocument | EventwireError] = [*warm, *raws]
    start = time.perf_counter()
    warm_done = end = start
    cpu_warm = cpu_end = 0.0
    results: list[ProcessResult] = []
    peaks: list[float] = []
    for count, result in enumerate(run_many(items, n_process=workers, batch_size=chunksize), 1):
        if count == n_warm:
            warm_done = time.perf_counter()
            cpu_warm = _children()[1] + cpu_seconds()
        elif count > n_warm:
            results.append(result)
        if count == len(items):  # the pool is still alive: read its workers' figures
            end = time.perf_counter()
            peaks, cpu_children = _children()
            cpu_end = cpu_children + cpu_seconds()
    return Measure(
        "pool", workers, None, warm_done - start, end - warm_done, len(raws),
        _failed(results), peaks, cpu_end - cpu_warm,
    )  # fmt: skip


def measure_dask(raws: list[RawDocument], workers: int, batch_size: int) -> Measure:
    start = time.perf_counter()
    with ClusterRunner(f"local:{workers}", stages=DEFAULT_STAGES) as runner:
        started = time.perf_counter()
        runner.warm_up()
        warm_done = time.perf_counter()
        cpu_warm = sum(w.cpu_s for w in runner.worker_stats()) + cpu_seconds()
        results = list(runner.run(iter(raws), batch_size=batch_size))
        end = time.perf_counter()
        stats = runner.worker_stats()
        cpu_end = sum(w.cpu_s for w in stats) + cpu_seconds()
    return Measure(
        f"dask b={batch_size}", workers, started - start, warm_done - started,
        end - warm_done, len(raws), _failed(results), [w.peak_rss_mb for w in stats],
        cpu_end - cpu_warm,
    )  # fmt: skip


def _failed(results: list[ProcessResult]) -> int:
    return sum(1 for result in results if result.error is not None)


def _runs(runners: list[str], batch_sizes: list[int]) -> Iterator[tuple[str, int, int]]:
    for runner in runners:
        for size in batch_sizes if runner == "dask" else [0]:
            for workers in (1, 2):
                yield runner, size, workers


def print_table(measures: list[Measure]) -> None:
    header = (
        f"{'runner':<12} {'workers':>7} {'start s':>8} {'warm-up s':>9} {'articles/s':>10} "
        f"{'vs 1 worker':>11} {'CPU s/article':>13} {'peak RSS/worker MB':>18} {'failed':>6}"
    )
    print(header)
    print("-" * len(header))
    base: dict[str, float] = {}
    for m in measures:
        if m.workers == 1:
            base[m.runner] = m.rate
        ratio = m.rate / base[m.runner] if m.runner in base else float("nan")
        start = f"{m.start_s:.1f}" if m.start_s is not None else "-"
        peak = max(m.peak_rss_mb) if m.peak_rss_mb else float("nan")
        print(
            f"{m.runner:<12} {m.workers:>7} {start:>8} {m.warm_up_s:>9.1f} {m.rate:>10.2f} "
            f"{ratio:>10.2f}x {m.cpu_s / m.articles:>13.3f} {peak:>18.0f} {m.failed:>6}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument(
        "--batch-size", default="16,4", help="Dask batch sizes, comma-separated (default 16,4)"
    )
    parser.add_argument("--chunksize", type=int, default=4, help="inputs per pool task")
    parser.add_argument("--runners", default="pool,dask", help="pool, dask or both")
    args = parser.parse_args()

    raws = load_articles(args.articles)
    runners = [r.strip() for r in args.runners.split(",") if r.strip()]
    batch_sizes = [int(b) for b in args.batch_size.split(",")]
    chars = sum(len(raw.text) for raw in raws) / len(raws)
    print(f"{len(raws)} articles from {TRNEWS.name}, {chars:.0f} characters each on average")
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} before the runs")

    measures: list[Measure] = []
    for runner, size, workers in _runs(runners, batch_sizes):
        label = f"{runner}{f' batch {size}' if size else ''}, {workers} worker(s)"
        print(f"running {label} ...", flush=True)
        if runner == "pool":
            measures.append(measure_pool(raws, workers, args.chunksize))
        elif runner == "dask":
            measures.append(measure_dask(raws, workers, size))
        else:
            parser.error(f"unknown runner {runner!r}")
    print()
    print_table(measures)
    print(f"load average after the runs: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
