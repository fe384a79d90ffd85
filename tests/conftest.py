"""Shared fixtures. The spaCy model loads once per test session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eventwire.model import Document, RawDocument

SHARED = Path(__file__).resolve().parents[2] / "shared"

# The stages that code events, without places and dates (no gazetteer needed).
CODING_STAGES = (
    "clean", "parse", "actors", "events", "factuality", "intents", "casualties", "headlines",
)  # fmt: skip


@pytest.fixture(scope="session")
def nlp() -> Any:
    from eventwire.stages.parse import load_nlp

    return load_nlp()


def _coder(stages: tuple[str, ...]) -> Callable[[str], Document]:
    """A function that runs ``stages`` on one article text."""
    from eventwire.run.pipeline import Pipeline

    pipeline = Pipeline(stages)

    def run(text: str) -> Document:
        docs = pipeline.process_raw(RawDocument(text=text, origin="<test>"))
        assert len(docs) == 1
        return docs[0]

    return run


@pytest.fixture(scope="session")
def code(nlp: Any) -> Callable[[str], Document]:
    """Run the event-coding stages on one article text."""
    return _coder(CODING_STAGES)


@pytest.fixture(scope="session")
def code_as_evaluated(nlp: Any) -> Callable[[str], Document]:
    """Run the evaluation's coding stages (``evaluate.events.CODING_STAGES``: with the
    detector and the agents stage) on one article text."""
    from eventwire.evaluate.events import CODING_STAGES as EVALUATED_STAGES

    return _coder(EVALUATED_STAGES)


@pytest.fixture(scope="session")
def code_whole(nlp: Any) -> Callable[[str], Document]:
    """Run the whole default pipeline (places, countries and dates too) on one article
    text."""
    from eventwire.stages.registry import DEFAULT_STAGES

    return _coder(DEFAULT_STAGES)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED
