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
    "casualties",
    "headlines",
    "places",
    "dates",
)

# Fields present before the first stage runs.
GIVEN_FIELDS: frozenset[str] = frozenset({"doc.text", "doc.origin", "doc.raw"})


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
