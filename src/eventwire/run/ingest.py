"""Ingest: read every input, run the pipeline, write what comes out, report as it goes.

The data flows in three steps, each replaceable:

1. **read**: ``sources.iter_inputs`` turns file names, folders, URLs and ``-`` into
   raw documents (or the one-line error that kept a record from being read);
2. **process**: ``pipeline.run_many`` (this process, or ``workers`` local processes) or
   ``cluster.run_on_cluster`` (a Dask cluster) segments, parses and codes them, and
   hands results back in input order;
3. **write**: a ``Sink`` stores each article: the SQLite ``Store`` (near-duplicates
   linked, events merged) or a Parquet folder for cluster-size runs.

Only this process writes, so a run on a cluster stores exactly what a single-process
run stores. Bad input is reported through ``report`` (one line each) and skipped; what
was already written stays written.
"""

from __future__ import annotations

import sys
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from tqdm import tqdm

from eventwire.errors import EventwireError, InputError
from eventwire.model import Document, RawDocument
from eventwire.run.pipeline import ProcessResult
from eventwire.sources import expand_paths, iter_inputs
from eventwire.store import Store


@dataclass(frozen=True, slots=True)
class Added:
    """What a sink did with one article."""

    inserted: bool  # False: the same article (content hash) was already there
    n_events: int  # new events
    n_merged: int = 0  # events that joined stored events as new mentions
    duplicate: bool = False  # a near-copy of a stored article


class Sink(Protocol):
    """Where processed articles go."""

    def add(self, doc: Document) -> Added: ...


class StoreSink:
    """The SQLite store: near-duplicates linked, events merged across articles."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, doc: Document) -> Added:
        result = self.store.add_document(doc)
        return Added(
            result.inserted, result.n_events, result.n_merged, result.duplicate_of is not None
        )


class ParquetFolderSink:
    """Partitioned Parquet files (``parquet_output.ParquetSink``): append-only, no
    merging; articles already in the folder (same content hash) are skipped."""

    def __init__(self, directory: Path) -> None:
        from eventwire.store.parquet import ParquetSink

        self.sink = ParquetSink(directory)

    def add(self, doc: Document) -> Added:
        result = self.sink.add(doc)
        return Added(result.inserted, result.n_events)

    def close(self) -> None:
        self.sink.close()


@dataclass(frozen=True, slots=True)
class IngestOptions:
    workers: int = 1  # local processes (ignored with a scheduler)
    scheduler: str | None = None  # Dask scheduler address, or "local:N"
    follow: bool = False  # for feeds, fetch the page each entry links to
    progress: bool = True


@dataclass(slots=True)
class IngestSummary:
    inputs: int = 0
    articles: int = 0
    new_articles: int = 0
    duplicates: int = 0
    events: int = 0
    merged: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def line(self) -> str:
        text = (
            f"{self.inputs} inputs, {self.articles} articles "
            f"({self.new_articles} new, {self.articles - self.new_articles} already stored"
            f"{f', {self.duplicates} near-duplicates' if self.duplicates else ''}), "
            f"{self.events} new events"
        )
        if self.merged:
            text += f", {self.merged} reports merged into known events"
        if self.skipped:
            reasons = ", ".join(f"{n} {reason}" for reason, n in self.skipped.most_common())
            text += f"; skipped {sum(self.skipped.values())} ({reasons})"
        return text


def _left_out(unsupported: list[str]) -> str:
    kinds = Counter(Path(name).suffix.lower() or "(no suffix)" for name in unsupported)
    listed = ", ".join(f"{n} {suffix}" for suffix, n in kinds.most_common())
    return f"left out {len(unsupported)} files of formats not read: {listed}"


def _process(
    raws: Iterator[RawDocument | EventwireError], options: IngestOptions
) -> Iterator[ProcessResult]:
    if options.scheduler is not None:
        from eventwire.run.cluster import run_on_cluster

        return run_on_cluster(raws, options.scheduler)
    from eventwire.run.pipeline import run_many

    return run_many(raws, n_process=options.workers)


def ingest(
    names: list[str],
    sink: Sink,
    options: IngestOptions,
    report: Callable[[str], None],
) -> IngestSummary:
    """Read, process and write every input, streaming; report bad ones and go on.

    The progress bar counts inputs (files, URLs) with rate and ETA; an input that holds
    many documents (a WARC, JSONL or feed) advances it once all of them are done.
    """
    expansion = expand_paths(names)
    if expansion.unsupported:
        report(_left_out(expansion.unsupported))
    summary = IngestSummary(inputs=len(expansion.inputs))
    bar = tqdm(
        total=len(expansion.inputs),
        unit="input",
        desc="ingest",
        disable=not options.progress,
        file=sys.stderr,
    )
    # The input each raw document came from, in order: results come back in the
    # same order, so the bar can advance when a result starts the next input.
    sent_from: deque[str | None] = deque()
    current: list[str | None] = []

    def readable() -> Iterator[RawDocument | EventwireError]:
        for item in iter_inputs(expansion.inputs, follow=options.follow):
            sent_from.append(item.input_name or item.origin)
            if item.error is not None:
                yield item.error
            elif item.document is not None:
                yield item.document

    def advance(input_name: str | None) -> None:
        if current and current[0] != input_name:
            bar.update(1)
            current.clear()
        if not current:
            current.append(input_name)

    def skip(message: str, reason: str) -> None:
        bar.clear()
        report(message)
        summary.skipped[reason] += 1

    for result in _process(readable(), options):
        advance(sent_from.popleft() if sent_from else None)
        _write(result, sink, summary, skip)
        bar.set_postfix(articles=summary.articles, events=summary.events, refresh=False)
    if current:
        bar.update(1)
    bar.close()
    return summary


def _write(
    result: ProcessResult,
    sink: Sink,
    summary: IngestSummary,
    skip: Callable[[str, str], None],
) -> None:
    if isinstance(result.error, InputError) and not result.documents:
        skip(str(result.error), result.error.reason)
        return
    if result.error is not None:
        skip(str(result.error), "processing failed")
        return
    if not result.documents:
        skip(f"{result.origin}: no article text found", "no article text")
        return
    for doc in result.documents:
        try:
            added = sink.add(doc)
        except EventwireError as exc:
            skip(f"{doc.origin}: not stored: {exc}", "not stored")
            continue
        summary.articles += 1
        summary.new_articles += int(added.inserted)
        summary.duplicates += int(added.duplicate)
        summary.events += added.n_events
        summary.merged += added.n_merged
