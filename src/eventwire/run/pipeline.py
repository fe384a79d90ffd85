"""The runner: a ``Pipeline`` of registered stages, and running it over many inputs.

``Pipeline`` checks when it is built that each stage's requirements are assigned by a
stage before it (the stages and what they declare live in ``eventwire.stages.registry``),
then runs the stages in order. The first step, segmentation, is not a ``Document``
stage: it turns one ``RawDocument`` into one ``Document`` per article
(``eventwire.articles.segment``).
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from eventwire.errors import EventwireError, PipelineError
from eventwire.model import Document, RawDocument
from eventwire.stages.registry import (
    DEFAULT_STAGES,
    GIVEN_FIELDS,
    StageInfo,
    registered_stages,
)

log = logging.getLogger(__name__)


# Articles that go through the stages together (one ``nlp.pipe`` batch).
ARTICLE_BATCH = 32


class Pipeline:
    """An ordered, validated list of stages."""

    def __init__(self, names: Iterable[str] = DEFAULT_STAGES) -> None:
        available = registered_stages()
        self.stages: list[StageInfo] = []
        assigned = set(GIVEN_FIELDS)
        for name in names:
            if name not in available:
                raise PipelineError(
                    f"unknown stage {name!r}; registered stages: {', '.join(sorted(available))}"
                )
            info = available[name]
            missing = [req for req in info.requires if req not in assigned]
            if missing:
                raise PipelineError(
                    f"stage {name!r} requires {', '.join(missing)}, which no earlier stage assigns"
                )
            assigned.update(info.assigns)
            self.stages.append(info)

    @property
    def names(self) -> list[str]:
        return [info.name for info in self.stages]

    def run(self, doc: Document) -> Document:
        return self.run_batch([doc])[0]

    def run_batch(self, docs: list[Document]) -> list[Document]:
        """Every stage over a batch of articles, stage by stage (the parse through
        ``nlp.pipe``). An error names the stage and the first article of the batch."""
        for info in self.stages:
            if not docs:
                break
            try:
                docs = info.run_batch(docs)
            except EventwireError:
                raise
            except Exception as exc:  # re-raised with the article and the stage named
                raise PipelineError(
                    f"{docs[0].origin}: stage {info.name!r} failed: {type(exc).__name__}: {exc}"
                ) from exc
        return docs

    def process_raw(self, raw: RawDocument) -> list[Document]:
        """Segment a raw document into articles and run every stage on them."""
        return self.process_batch([raw])[0]

    def process_batch(self, raws: list[RawDocument]) -> list[list[Document]]:
        """The articles of each raw document, coded as one batch."""
        from eventwire.articles.segment import split_articles

        per_raw = [split_articles(raw) for raw in raws]
        articles = [doc for docs in per_raw for doc in docs]
        coded = []
        for start in range(0, len(articles), ARTICLE_BATCH):
            coded.extend(self.run_batch(articles[start : start + ARTICLE_BATCH]))
        out: list[list[Document]] = []
        for docs in per_raw:
            out.append(coded[: len(docs)])
            coded = coded[len(docs) :]
        return out


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The default pipeline, built once per process."""
    return Pipeline(DEFAULT_STAGES)


def detach(doc: Document) -> Document:
    """Drop what cannot cross a process boundary (the spaCy Doc)."""
    doc.spacy_doc = None
    return doc


# Raw documents coded together: enough for ``nlp.pipe`` to batch the parse, few enough
# that results (and the store's commits) follow the input closely.
BATCH_SIZE = 8

_worker_pipeline: Pipeline | None = None


def _worker_init(names: tuple[str, ...]) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(names)


@dataclass(slots=True)
class ProcessResult:
    """The articles of one raw document, or why it could not be processed."""

    origin: str
    documents: list[Document]
    error: EventwireError | None = None


def process_one(pipeline: Pipeline, raw: RawDocument | EventwireError) -> ProcessResult:
    """The result of one raw document (or input error), as every runner reports it."""
    if isinstance(raw, EventwireError):  # an input that could not be read: passed on
        return ProcessResult(getattr(raw, "origin", "<input>"), [], raw)
    try:
        return ProcessResult(raw.origin, pipeline.process_raw(raw))
    except EventwireError as exc:
        log.debug("processing %s failed", raw.origin, exc_info=True)
        return ProcessResult(raw.origin, [], exc)


def process_some(
    pipeline: Pipeline, items: Sequence[RawDocument | EventwireError]
) -> list[ProcessResult]:
    """The results of several raw documents coded as one batch. When the batch fails,
    each raw document is coded again on its own, so an error stops only its own input."""
    raws = [item for item in items if not isinstance(item, EventwireError)]
    try:
        coded = iter(pipeline.process_batch(raws))
    except EventwireError:
        log.debug("a batch failed; coding its %d inputs one by one", len(raws), exc_info=True)
        return [process_one(pipeline, item) for item in items]
    results = []
    for item in items:
        if isinstance(item, EventwireError):
            results.append(process_one(pipeline, item))
        else:
            results.append(ProcessResult(item.origin, next(coded)))
    return results


def _batches(
    items: Iterable[RawDocument | EventwireError], size: int
) -> Iterator[list[RawDocument | EventwireError]]:
    batch: list[RawDocument | EventwireError] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _worker_run(batch: list[RawDocument | EventwireError]) -> list[ProcessResult]:
    if _worker_pipeline is None:  # pragma: no cover - set by the pool initializer
        raise PipelineError("worker pipeline was not initialised")
    results = process_some(_worker_pipeline, batch)
    for result in results:
        result.documents = [detach(doc) for doc in result.documents]
    return results


def run_many(
    raws: Iterable[RawDocument | EventwireError],
    *,
    n_process: int = 1,
    names: Iterable[str] = DEFAULT_STAGES,
    batch_size: int = BATCH_SIZE,
) -> Iterator[ProcessResult]:
    """Process raw documents in order, yielding one result (its articles, or the error
    that stopped it) per raw document. An error in the input stream (a file that could
    not be read) comes back as its own result, in order, so that all reporting happens
    in the caller's thread.

    With ``n_process > 1`` the work is spread over a local process pool; results come
    back in input order, so they are the same as a single-process run. Either way the
    documents come back without their spaCy parse (``spacy_doc`` is None), so a long
    run does not hold every parse in memory. Inputs are coded in batches of
    ``batch_size`` (the parse runs spaCy's ``nlp.pipe`` over a batch); a batch's results
    come back when the whole batch is coded.
    """
    stage_names = tuple(names)
    batches = _batches(raws, max(1, batch_size))
    if n_process <= 1:
        pipeline = Pipeline(stage_names)
        for batch in batches:
            for result in process_some(pipeline, batch):
                result.documents = [detach(doc) for doc in result.documents]
                yield result
        return
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(n_process, initializer=_worker_init, initargs=(stage_names,)) as pool:
        for results in pool.imap(_worker_run, batches):
            yield from results
