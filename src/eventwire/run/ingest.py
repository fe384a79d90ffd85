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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Protocol

from tqdm import tqdm

from eventwire.errors import EventwireError, InputError
from eventwire.model import Document, RawDocument
from eventwire.run.pipeline import ProcessResult
from eventwire.sources import InputItem, expand_paths, iter_inputs
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

    def has(self, content_hash: str) -> bool:
        """Whether an article with this content hash is stored already."""
        ...


class StoreSink:
    """The SQLite store: near-duplicates linked, events merged across articles."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, doc: Document) -> Added:
        result = self.store.add_document(doc)
        return Added(
            result.inserted, result.n_events, result.n_merged, result.duplicate_of is not None
        )

    def has(self, content_hash: str) -> bool:
        return self.store.has_article(content_hash)


class ParquetFolderSink:
    """Partitioned Parquet files (``parquet_output.ParquetSink``): append-only, no
    merging; articles already in the folder (same content hash) are skipped."""

    def __init__(self, directory: Path) -> None:
        from eventwire.store.parquet import ParquetSink

        self.sink = ParquetSink(directory)

    def add(self, doc: Document) -> Added:
        result = self.sink.add(doc)
        return Added(result.inserted, result.n_events)

    def has(self, content_hash: str) -> bool:
        return False  # the Parquet sink skips stored articles itself, after coding

    def close(self) -> None:
        self.sink.close()


@dataclass(frozen=True, slots=True)
class IngestOptions:
    workers: int = 1  # local processes (ignored with a scheduler)
    scheduler: str | None = None  # Dask scheduler address, or "local:N"
    follow: bool = False  # for feeds, fetch the page each entry links to
    progress: bool = True
    stages: tuple[str, ...] | None = None  # pipeline stages to run (None: all)
    skip_stored: bool = True  # count an article already stored and do not code it again


@dataclass(slots=True)
class IngestSummary:
    inputs: int = 0
    articles: int = 0
    new_articles: int = 0
    duplicates: int = 0
    events: int = 0
    merged: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    interrupted: bool = False  # stopped by Ctrl-C: what was stored is kept

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
        if self.interrupted:
            text += "; interrupted: what was stored is kept, run it again to go on"
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
    from eventwire.stages.registry import DEFAULT_STAGES

    return run_many(raws, n_process=options.workers, names=options.stages or DEFAULT_STAGES)


def _size(name: str) -> int | None:
    """The size in bytes of a local file input, None for URLs, stdin and the unreadable."""
    if name == "-" or "://" in name:
        return None
    try:
        return Path(name).stat().st_size
    except OSError:
        return None


class _Progress:
    """The progress bar: bytes of the inputs read (with rate and ETA when every input
    is a local file), and the articles and events stored so far."""

    def __init__(self, inputs: list[str], enabled: bool) -> None:
        self.sizes = {name: _size(name) for name in inputs}
        known = [size for size in self.sizes.values() if size is not None]
        total = sum(known) if len(known) == len(self.sizes) else None
        self.bar = tqdm(
            total=total,
            unit="B",
            unit_scale=True,
            unit_divisor=1024,
            desc="ingest",
            disable=not enabled,
            file=sys.stderr,
            dynamic_ncols=True,
        )
        self.current: str | None = None
        self.done = 0  # bytes of the current input counted so far

    def advance(self, name: str | None, position: int | None) -> None:
        """A result of input ``name`` arrived, read up to byte ``position``."""
        if name != self.current:
            self.finish_input()
            self.current = name
        if position is not None and position > self.done:
            self.bar.update(position - self.done)
            self.done = position

    def finish_input(self) -> None:
        size = self.sizes.get(self.current or "", None)
        if size is not None and size > self.done:
            self.bar.update(size - self.done)
        self.current, self.done = None, 0

    def show(self, summary: IngestSummary) -> None:
        self.bar.set_postfix(articles=summary.articles, events=summary.events, refresh=False)

    def close(self) -> None:
        self.finish_input()
        self.bar.close()


def ingest(
    names: list[str],
    sink: Sink,
    options: IngestOptions,
    report: Callable[[str], None],
    *,
    items: Sequence[InputItem] = (),
) -> IngestSummary:
    """Read, process and write every input, streaming; report bad ones and go on.

    ``items`` are inputs read already (what ``POST /ingest`` was sent, or the page it
    fetched from a public host): they are coded and written after ``names``, exactly as
    the inputs this function reads itself.

    Each article is written (committed, for the SQLite store) as soon as it is coded,
    so an interrupted run keeps what it did and a rerun adds only what is missing
    (Ctrl-C ends the run with ``summary.interrupted`` set, not with an exception). A
    text dump is segmented as it is read, so memory stays bounded whatever its size.
    The progress bar counts bytes read (with an ETA when every input is a local file)
    and articles stored.
    """
    expansion = expand_paths(names)
    if expansion.unsupported:
        report(_left_out(expansion.unsupported))
    summary = IngestSummary(inputs=len(expansion.inputs) + len(items))
    for item in expansion.unreadable:
        if item.error is not None:
            report(str(item.error))
            summary.skipped[item.error.reason] += 1
    progress = _Progress(expansion.inputs, options.progress)
    # Where each raw document came from, in order: results come back in the same order.
    sent_from: deque[InputItem] = deque()

    def stored(item: InputItem) -> bool:
        """An article already stored (a rerun): counted, not coded again."""
        raw = item.document
        if not options.skip_stored or raw is None or raw.is_dump or not raw.text.strip():
            return False
        if not sink.has(Document(text=raw.text, origin=raw.origin).content_hash):
            return False
        summary.articles += 1
        progress.advance(item.input_name or item.origin, item.position)
        return True

    def readable() -> Iterator[RawDocument | EventwireError]:
        read = iter_inputs(expansion.inputs, follow=options.follow) if expansion.inputs else ()
        for item in chain(read, items):
            if stored(item):
                continue
            sent_from.append(item)
            if item.error is not None:
                yield item.error
            elif item.document is not None:
                yield item.document

    def skip(message: str, reason: str) -> None:
        progress.bar.clear()
        report(message)
        summary.skipped[reason] += 1

    try:
        for result in _process(readable(), options):
            came_from = sent_from.popleft() if sent_from else None
            if came_from is not None:
                progress.advance(came_from.input_name or came_from.origin, came_from.position)
                if came_from.notice is not None:
                    progress.bar.clear()
                    report(came_from.notice)
            _write(result, sink, summary, skip)
            progress.show(summary)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        progress.close()
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
