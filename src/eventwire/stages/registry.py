"""The stage registry: every pipeline stage registers here with what it requires and
what it assigns, in the style of spaCy's component registry::

    @stage("places", requires=("doc.sentences",), assigns=("doc.places", "event.place"))
    def resolve_places(doc: Document) -> Document: ...

The registry knows nothing of how stages are run: the runners in ``eventwire.run``
build a ``Pipeline`` from the registered names and check the order.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from eventwire.errors import PipelineError
from eventwire.model import Document

StageFunc = Callable[[Document], Document]
# A stage's batch form: the same work on many articles at once (the parse runs spaCy's
# ``nlp.pipe`` over them). It returns the documents in the order given.
BatchFunc = Callable[[list[Document]], list[Document]]


@dataclass(frozen=True, slots=True)
class StageInfo:
    name: str
    func: StageFunc
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    batch_func: BatchFunc | None = None

    def run_batch(self, docs: list[Document]) -> list[Document]:
        """The stage over ``docs``: its batch form where it has one, else one by one."""
        if self.batch_func is not None:
            return self.batch_func(docs)
        return [self.func(doc) for doc in docs]


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
    "attacks",
    "places",
    "actor_countries",
    "dates",
    "incidents",
)

# Fields present before the first stage runs.
GIVEN_FIELDS: frozenset[str] = frozenset({"doc.text", "doc.origin", "doc.raw"})


def stage(
    name: str,
    *,
    requires: Iterable[str] = (),
    assigns: Iterable[str] = (),
    batch: BatchFunc | None = None,
) -> Callable[[StageFunc], StageFunc]:
    """Register ``func`` as the pipeline stage ``name`` (with ``batch``, its batch form)."""

    def register(func: StageFunc) -> StageFunc:
        if name in _REGISTRY and _REGISTRY[name].func is not func:
            raise PipelineError(f"stage {name!r} is registered twice")
        _REGISTRY[name] = StageInfo(name, func, tuple(requires), tuple(assigns), batch)
        return func

    return register


def registered_stages() -> dict[str, StageInfo]:
    """All registered stages, importing the built-in stage modules first."""
    importlib.import_module("eventwire.stages")
    return dict(_REGISTRY)
