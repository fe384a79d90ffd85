"""The stage registry and the runners.

A stage is a function ``Document -> Document`` registered under a name with the
fields it requires and the fields it assigns, in the style of spaCy's components::

    @stage("places", requires=("doc.sentences",), assigns=("doc.places", "event.place"))
    def resolve_places(doc: Document) -> Document: ...

``Pipeline`` checks when it is built that each stage's requirements are assigned by a
stage before it, then runs the stages in order. The first step, segmentation, is not a
``Document`` stage: it turns one ``RawDocument`` into one ``Document`` per article.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from eventwire.errors import EventwireError, PipelineError
from eventwire.model import Document, RawDocument

log = logging.getLogger(__name__)

StageFunc = Callable[[Document], Document]


@dataclass(frozen=True, slots=True)
class StageInfo:
    name: str
    func: StageFunc
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


_REGISTRY: dict[str, StageInfo] = {}

# The stages in the order the data flows. Each module registers itself on import.
DEFAULT_STAGES: tuple[str, ...] = (
    "clean",
    "parse",
    "actors",
    "events",
    "factuality",
    "intents",
    "detector",
    "agents",
    "casualties",
    "headlines",
    "places",
    "dates",
    "agent_countries",
)

# Fields present before the first stage runs.
_GIVEN: frozenset[str] = frozenset({"doc.text", "doc.origin", "doc.raw"})


def stage(
    name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()
) -> Callable[[StageFunc], StageFunc]:
    """Register ``func`` as the pipeline stage ``name``."""

    def register(func: StageFunc) -> StageFunc:
        if name in _REGISTRY and _REGISTRY[name].func is not func:
            raise PipelineError(f"stage {name!r} is registered twice")
        _REGISTRY[name] = StageInfo(name, func, tuple(requires), tuple(assigns))
        return func

    return register


def registered_stages() -> dict[str, StageInfo]:
    """All registered stages, importing the built-in stage modules first."""
    importlib.import_module("eventwire.stages")
    return dict(_REGISTRY)


class Pipeline:
    """An ordered, validated list of stages."""

    def __init__(self, names: Iterable[str] = DEFAULT_STAGES) -> None:
        available = registered_stages()
        self.stages: list[StageInfo] = []
        assigned = set(_GIVEN)
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
        for info in self.stages:
            try:
                doc = info.func(doc)
            except EventwireError:
                raise
            except Exception as exc:  # re-raised with the article and the stage named
                raise PipelineError(
                    f"{doc.origin}: stage {info.name!r} failed: {type(exc).__name__}: {exc}"
                ) from exc
        return doc

    def process_raw(self, raw: RawDocument) -> list[Document]:
        """Segment a raw document into articles and run every stage on each."""
        from eventwire.stages.segment import split_articles

        return [self.run(doc) for doc in split_articles(raw)]


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The default pipeline, built once per process."""
    return Pipeline(DEFAULT_STAGES)


def detach(doc: Document) -> Document:
    """Drop what cannot cross a process boundary (the spaCy Doc)."""
    doc.spacy_doc = None
    return doc


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


def _worker_run(raw: RawDocument | EventwireError) -> ProcessResult:
    if _worker_pipeline is None:  # pragma: no cover - set by the pool initializer
        raise PipelineError("worker pipeline was not initialised")
    result = process_one(_worker_pipeline, raw)
    result.documents = [detach(doc) for doc in result.documents]
    return result


def run_many(
    raws: Iterable[RawDocument | EventwireError],
    *,
    n_process: int = 1,
    names: Iterable[str] = DEFAULT_STAGES,
    chunksize: int = 4,
) -> Iterator[ProcessResult]:
    """Process raw documents in order, yielding one result (its articles, or the error
    that stopped it) per raw document. An error in the input stream (a file that could
    not be read) comes back as its own result, in order, so that all reporting happens
    in the caller's thread.

    With ``n_process > 1`` the work is spread over a local process pool; results come
    back in input order, so they are the same as a single-process run. Either way the
    documents come back without their spaCy parse (``spacy_doc`` is None), so a long
    run does not hold every parse in memory.
    """
    stage_names = tuple(names)
    if n_process <= 1:
        pipeline = Pipeline(stage_names)
        for raw in raws:
            result = process_one(pipeline, raw)
            result.documents = [detach(doc) for doc in result.documents]
            yield result
        return
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(n_process, initializer=_worker_init, initargs=(stage_names,)) as pool:
        yield from pool.imap(_worker_run, raws, chunksize=chunksize)
