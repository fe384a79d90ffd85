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


@pytest.fixture()
def picky_batch_stage() -> Iterator[list[int]]:
    """A stage with a batch form that fails on an article that says "poison"; the
    sizes of the batches it was given are recorded."""
    sizes: list[int] = []

    def check(docs: list[Document]) -> list[Document]:
        sizes.append(len(docs))
        if any("poison" in doc.text for doc in docs):
            raise ValueError("poisoned")
        return docs

    @stage("test_picky", requires=("doc.text",), assigns=("doc.nothing",), batch=check)
    def picky(doc: Document) -> Document:
        return check([doc])[0]

    yield sizes
    pipeline_module._REGISTRY.pop("test_picky", None)


def test_the_runner_hands_a_stage_batches(picky_batch_stage: list[int]) -> None:
    raws = [RawDocument(text=f"Article number {n}.", origin=f"<{n}>") for n in range(5)]
    results = list(run_many(raws, names=["clean", "test_picky"], batch_size=5))
    assert [r.origin for r in results] == [f"<{n}>" for n in range(5)]
    assert all(r.error is None and len(r.documents) == 1 for r in results)
    assert picky_batch_stage == [5]  # one call for the whole batch, not five


def test_an_error_in_a_batch_stops_only_its_own_input(picky_batch_stage: list[int]) -> None:
    texts = ["A first article.", "A poison article.", "A third article."]
    raws = [RawDocument(text=t, origin=f"<{n}>") for n, t in enumerate(texts)]
    results = list(run_many(raws, names=["clean", "test_picky"], batch_size=3))
    assert [r.error is None for r in results] == [True, False, True]
    assert results[1].error is not None and "poisoned" in str(results[1].error)
    assert [len(r.documents) for r in results] == [1, 0, 1]


def test_the_parse_runs_nlp_pipe_over_a_batch() -> None:
    from eventwire.stages.parse import parse, parse_batch

    pipeline = Pipeline(["clean"])
    texts = ["Police detained two men in Quito.", "Ministers met in Accra on Monday."]
    batch = parse_batch(pipeline.run_batch([Document(text=t, origin="<b>") for t in texts]))
    one = [parse(pipeline.run(Document(text=t, origin="<o>"))) for t in texts]
    assert [[s.text for s in d.sentences] for d in batch] == [
        [s.text for s in d.sentences] for d in one
    ]
    assert [[t.dep_ for t in d.spacy_doc] for d in batch] == [
        [t.dep_ for t in d.spacy_doc] for d in one
    ]
