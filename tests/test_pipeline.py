"""The stage registry and the runners."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import eventwire
import eventwire.stages.registry as pipeline_module
from eventwire.errors import InputError, PipelineError
from eventwire.model import Document, RawDocument
from eventwire.run.pipeline import Pipeline, run_many
from eventwire.stages.registry import DEFAULT_STAGES, registered_stages, stage


def test_every_default_stage_is_registered_with_its_contract() -> None:
    stages = registered_stages()
    for name in DEFAULT_STAGES:
        assert name in stages
        assert stages[name].assigns, f"{name} declares nothing it assigns"
    assert Pipeline().names == list(DEFAULT_STAGES)


def test_unknown_stage_is_refused() -> None:
    with pytest.raises(PipelineError, match="unknown stage 'nope'"):
        Pipeline(["clean", "nope"])


def test_stage_before_its_requirements_is_refused() -> None:
    with pytest.raises(PipelineError, match="'events' requires"):
        Pipeline(["clean", "parse", "events"])


@pytest.fixture()
def exploding_stage() -> Iterator[str]:
    """A stage that always fails, registered for one test only."""

    @stage("test_explode", requires=("doc.text",), assigns=("doc.nothing",))
    def explode(doc: Document) -> Document:
        raise ValueError("boom")

    yield "test_explode"
    pipeline_module._REGISTRY.pop("test_explode", None)


def test_a_failing_stage_names_the_article_and_the_stage(exploding_stage: str) -> None:
    pipeline = Pipeline(["clean", "test_explode"])
    with pytest.raises(PipelineError, match=r"<t>: stage 'test_explode' failed: ValueError: boom"):
        pipeline.run(Document(text="Some text.", origin="<t>"))
    results = list(run_many([RawDocument(text="x", origin="<t>")], names=["clean", "test_explode"]))
    assert results[0].error is not None and results[0].documents == []


def test_process_keeps_text_exactly() -> None:
    text = "  Rebels attacked a convoy near Goma on Tuesday.\n"
    doc = eventwire.process(text, published="2024-05-08")
    assert doc.text == text
    assert doc.article is not None and doc.article.published is not None
    for event in doc.events:
        assert doc.text[event.start : event.end] == event.sentence


def test_two_processes_give_the_same_result_as_one() -> None:
    items = [
        {"text": "Police arrested three protesters in Lima on Monday.", "published": "2024-03-05"},
        {"text": "Troops withdrew from the border town.", "published": "2024-03-06"},
        "The ministers met in Accra and signed a trade agreement.",
    ]
    one = eventwire.process_many(items, n_process=1)
    two = eventwire.process_many(items, n_process=2)
    key = [[(e.type, e.trigger, e.date, e.place and e.place.name) for e in d.events] for d in one]
    assert key == [
        [(e.type, e.trigger, e.date, e.place and e.place.name) for e in d.events] for d in two
    ]
    assert any(d.events for d in one)


def test_process_dump_of_a_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        eventwire.process_dump(str(tmp_path / "missing.txt"))
