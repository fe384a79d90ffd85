"""The event-coding evaluation: gold readers, metrics on hand-made predictions, report
layout, and one smoke run of the real coder on the shared PLOVER records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eventwire.errors import InputError, PipelineError
from eventwire.evaluate.events import (
    calibrate,
    evaluate_actor_spans,
    evaluate_ngec,
    evaluate_plover_gsr,
    matched_event,
    score_actor_spans,
    score_ngec,
    score_plover,
    score_types,
    story_event,
    token_f1,
)
from eventwire.evaluate.gold_events import (
    NgecStory,
    PloverRecord,
    PloverSentence,
    SpanSentence,
    group_by_sentence,
    read_actor_spans,
    read_ngec,
    read_plover_gsr,
)
from eventwire.evaluate.report import Section, Table, format_report, format_table
from eventwire.model import Actor, Event, RawDocument

# --- Helpers ---------------------------------------------------------------------------


def event(
    type_: str,
    confidence: float = 0.8,
    *,
    start: int = 0,
    actor: Actor | None = None,
    recipient: Actor | None = None,
    mode: str | None = None,
    dead: int | None = None,
    negated: bool = False,
) -> Event:
    return Event(
        type=type_,
        sentence="(a sentence)",
        start=start,
        end=start + 10,
        mode=mode,
        actor=actor,
        recipient=recipient,
        dead=dead,
        confidence=confidence,
        negated=negated,
    )


def plover_record(
    event_type: str,
    *,
    text: str = "Ruritania shelled Freedonia.",
    mode: str | None = None,
    source_codes: tuple[str, ...] = (),
    target_codes: tuple[str, ...] = (),
    dead: int | None = None,
) -> PloverRecord:
    return PloverRecord(
        id=f"r-{event_type}",
        text=text,
        event=event_type,
        mode=mode,
        source_codes=source_codes,
        target_codes=target_codes,
        source_actors=(),
        target_actors=(),
        dead=dead,
        injured=None,
    )


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def plover_json(id_: str, text: str, event_type: str, **extra: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": id_,
        "text": text,
        "event": event_type,
        "mode": None,
        "source_code": [],
        "target_code": [],
        "source_actors": [],
        "target_actors": [],
        "dead": None,
        "injured": None,
    }
    record.update(extra)
    return record


# --- Gold readers ----------------------------------------------------------------------


def test_plover_reader_normalises_codes_and_groups_sentences(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "gsr.jsonl",
        [
            plover_json(
                "a",
                "Tokyo sent aid to the villagers.",
                "AID",
                source_code=["JAP"],
                source_actors=[{"text": "Tokyo", "code": "JAP", "sector": "GOVxyz"}],
                target_actors=[{"text": "villagers", "code": "XYZ", "sector": "CIV"}],
                dead=3,
            ),
            plover_json("b", "Tokyo sent aid to the villagers.", "SUPPORT"),
            plover_json("c", "Rebels fired on a convoy.", "ASSAULT", mode="firearms"),
        ],
    )
    records = read_plover_gsr(path)
    assert records[0].source_codes == ("JPN",)
    assert records[0].source_sectors == frozenset({"GOV"})
    assert records[0].target_sectors == frozenset({"CVL"})
    assert records[0].dead == 3
    assert records[2].mode == "firearms"
    sentences = group_by_sentence(records)
    assert [s.types for s in sentences] == [frozenset({"AID", "SUPPORT"}), frozenset({"ASSAULT"})]
    assert len(read_plover_gsr(path, limit=1)) == 1


def test_readers_reject_malformed_records(tmp_path: Path) -> None:
    bad_json = tmp_path / "bad.jsonl"
    bad_json.write_text('{"id": "x"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:1"):
        read_plover_gsr(bad_json)
    missing = write_jsonl(tmp_path / "missing.jsonl", [{"id": "x", "text": "t"}])
    with pytest.raises(InputError, match="not a PLOVER gold record"):
        read_plover_gsr(missing)
    bad_dead = write_jsonl(tmp_path / "dead.jsonl", [plover_json("a", "t", "AID", dead="3")])
    with pytest.raises(InputError):
        read_plover_gsr(bad_dead)
    with pytest.raises(InputError, match="cannot read"):
        read_ngec(tmp_path / "absent.jsonl")


def test_ngec_reader_samples_every_kth_story(tmp_path: Path) -> None:
    records = [
        {"id": f"s{i}", "title": f"T{i}", "text": f"Story {i}.", "event": "protest", "mode": "DEMO"}
        for i in range(10)
    ]
    path = write_jsonl(tmp_path / "ngec.jsonl", records)
    stories = read_ngec(path, step=3)
    assert [s.id for s in stories] == ["s0", "s3", "s6", "s9"]
    assert stories[0].event == "PROTEST" and stories[0].mode == "demo"
    assert [s.id for s in read_ngec(path, step=3, limit=2)] == ["s0", "s3"]
    with pytest.raises(ValueError):
        read_ngec(path, step=0)


def test_span_reader_puts_reciprocal_actors_on_both_sides(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "spans.jsonl",
        [
            {
                "id": "x",
                "text": "Ruritania and Freedonia met the envoy.",
                "source_spans": [],
                "target_spans": ["the envoy"],
                "reciprocal_spans": ["Ruritania", "Freedonia"],
            }
        ],
    )
    (sentence,) = read_actor_spans(path)
    assert sentence.all_sources == ("Ruritania", "Freedonia")
    assert sentence.all_targets == ("the envoy", "Ruritania", "Freedonia")


# --- Type detection and PLOVER ---------------------------------------------------------


def test_score_types_counts_sentence_type_pairs_and_top1() -> None:
    scores = score_types(
        [
            (frozenset({"ASSAULT"}), [event("ASSAULT", 0.9), event("ASSAULT", 0.6)]),
            (frozenset({"AID", "SUPPORT"}), [event("ACCUSE", 0.9), event("AID", 0.7)]),
            (frozenset({"PROTEST"}), []),
        ]
    )
    # Pairs: predicted {ASSAULT}, {ACCUSE, AID}, {} ; gold 4 pairs; correct 2.
    assert scores.micro_precision == pytest.approx(2 / 3)
    assert scores.micro_recall == pytest.approx(2 / 4)
    assert scores.micro_f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert scores.top1_correct == 1  # sentence 2's most confident event is wrong
    assert scores.no_event == 1
    by_type = {t.type: t for t in scores.per_type}
    assert (by_type["ACCUSE"].predicted, by_type["ACCUSE"].correct) == (1, 0)
    assert by_type["SUPPORT"].recall == 0.0
    assert by_type["ASSAULT"].f1 == 1.0


def test_matched_event_prefers_factual_then_confidence() -> None:
    flagged = event("ASSAULT", 0.95, negated=True)
    weak, strong = event("ASSAULT", 0.6), event("ASSAULT", 0.7)
    assert matched_event([flagged, weak, strong], "ASSAULT") is strong
    assert matched_event([flagged], "ASSAULT") is flagged
    assert matched_event([strong], "AID") is None


def test_score_plover_views_attributes_and_casualties() -> None:
    ruritania_army = Actor(text="Ruritanian troops", country="RUR", sector="MIL")
    sentence = PloverSentence(
        "Ruritanian troops shelled Freedonia, killing 4.",
        (
            plover_record(
                "ASSAULT",
                mode="bombard",
                source_codes=("RUR",),
                target_codes=("FRE",),
                dead=4,
            ),
        ),
    )
    threat = PloverSentence("Freedonia will not retaliate.", (plover_record("THREATEN"),))
    predictions = [
        (
            sentence,
            [
                event(
                    "ASSAULT",
                    0.85,
                    actor=ruritania_army,
                    recipient=Actor(text="Freedonia", country="XXX"),
                    mode="BOMBARD",
                    dead=4,
                )
            ],
        ),
        (threat, [event("THREATEN", 0.9, negated=True)]),
    ]
    scores = score_plover(predictions)
    assert scores.records == 2
    assert scores.factual.micro_recall == 0.5  # the negated threat is not factual
    assert scores.all_events.micro_recall == 1.0
    assert scores.all_events.top1_accuracy == 1.0
    assert (scores.mode.eligible, scores.mode.correct) == (1, 1)
    assert scores.actor_country.accuracy == 1.0
    assert (scores.recipient_country.covered, scores.recipient_country.correct) == (1, 0)
    assert scores.actor_sector.eligible == 0  # no gold sector
    assert scores.dead.accuracy == 1.0
    # Calibration counts factual events only: one, correct, in the 0.8-0.9 bin.
    assert scores.calibration.confident_events == 1
    assert scores.calibration.confident_precision == 1.0
    names = [name for name, _ in scores.summary()]
    assert len(names) == len(set(names)) and "plover.micro_f1" in names


def test_missed_event_counts_its_casualty_figure_wrong() -> None:
    sentence = PloverSentence("x", (plover_record("ASSAULT", dead=10),))
    scores = score_plover([(sentence, [event("PROTEST")])])
    assert (scores.dead.eligible, scores.dead.covered, scores.dead.correct) == (1, 0, 0)
    assert scores.mode.eligible == 0


def test_calibration_bins_edges() -> None:
    calibration = calibrate([(0.2, False), (0.5, True), (0.8, True), (0.8, False), (1.0, True)])
    counts = [(b.low, b.events, b.correct) for b in calibration.bins]
    assert counts == [
        (0.0, 1, 0),
        (0.5, 1, 1),
        (0.6, 0, 0),
        (0.7, 0, 0),
        (0.8, 2, 1),
        (0.9, 1, 1),
    ]
    assert calibration.confident_events == 3
    assert calibration.confident_precision == pytest.approx(2 / 3)


# --- NGEC ------------------------------------------------------------------------------


def test_story_event_takes_the_first_factual_event() -> None:
    first = event("PROTEST", 0.6, start=0)
    rival = event("ASSAULT", 0.7, start=0)
    later = event("COERCE", 0.95, start=50)
    assert story_event([later, first, rival]) is rival  # same sentence: more confident
    assert story_event([later, first]) is first
    hypothetical = event("THREATEN", 0.9, negated=True)
    assert story_event([event("AID", 0.5, negated=True), hypothetical]) is hypothetical
    assert story_event([]) is None


def story(event_type: str, mode: str | None = None) -> NgecStory:
    return NgecStory(id="s", title=None, text="...", event=event_type, mode=mode)


def test_score_ngec() -> None:
    scores = score_ngec(
        [
            (story("PROTEST", "demo"), [event("PROTEST", mode="demo")]),
            (story("PROTEST", "strike"), [event("PROTEST", mode="demo")]),
            (story("ASSAULT"), [event("ACCUSE", start=0), event("ASSAULT", start=40)]),
            (story("AID"), []),
        ]
    )
    assert scores.accuracy == 0.5
    assert scores.any_event_recall == 0.75
    assert scores.no_event_rate == 0.25
    assert (scores.mode.eligible, scores.mode.correct) == (2, 1)
    by_type = {t.type: t for t in scores.per_type}
    assert by_type["PROTEST"].recall == 1.0
    assert by_type["ASSAULT"].any_event_recall == 1.0 and by_type["ASSAULT"].recall == 0.0
    confused = {(c.gold, c.predicted): c.stories for c in scores.confusions}
    assert confused == {("ASSAULT", "ACCUSE"): 1, ("AID", None): 1}


# --- Actor spans -----------------------------------------------------------------------


def test_token_f1_is_squad_style() -> None:
    assert token_f1("The Ruritanian army", "ruritanian army.") == 1.0
    assert token_f1("Ruritanian army", "army") == pytest.approx(2 / 3)
    assert token_f1("police", "army") == 0.0
    assert token_f1(None, "army") == 0.0
    assert token_f1("the", "a") == 1.0  # both empty after normalisation


def test_score_actor_spans_uses_the_most_confident_event() -> None:
    sentence = SpanSentence(
        "x", "Rebels attacked the Ruritanian army.", ("Rebels",), ("the Ruritanian army",), ()
    )
    reciprocal = SpanSentence("y", "A and B met.", (), (), ("A", "B"))
    good = event("ASSAULT", 0.9, actor=Actor(text="Rebels"), recipient=Actor(text="army"))
    poor = event("ASSAULT", 0.5, actor=Actor(text="Ruritanian army"))
    met = event("CONSULT", 0.7, actor=Actor(text="B"), recipient=Actor(text="A"))
    scores = score_actor_spans([(sentence, [poor, good]), (reciprocal, [met])])
    assert scores.source.mean_f1 == 1.0
    assert scores.target.mean_f1 == pytest.approx((2 / 3 + 1.0) / 2)
    assert scores.actor_f1 == pytest.approx((1 + 1 + 2 / 3 + 1) / 4)
    assert scores.source.exact == 2
    empty = score_actor_spans([(sentence, [])])
    assert (empty.source.found, empty.source.mean_f1, empty.with_event) == (0, 0.0, 0)


# --- Runners with a stand-in coder ----------------------------------------------------


def test_evaluate_runs_the_coder_per_sentence_and_counts_failures(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "gsr.jsonl",
        [
            plover_json("a", "Rebels attacked.", "ASSAULT"),
            plover_json("b", "Rebels attacked.", "COERCE"),
            plover_json("c", "Crash here.", "AID"),
        ],
    )
    seen: list[str] = []

    def coder(raw: RawDocument) -> list[Event]:
        seen.append(raw.text)
        if raw.text.startswith("Crash"):
            raise PipelineError("stage failed")
        return [event("ASSAULT")]

    scores = evaluate_plover_gsr(path, coder=coder)
    assert seen == ["Rebels attacked.", "Crash here."]
    assert scores.failed == 1
    assert scores.factual.micro_recall == pytest.approx(1 / 3)

    ngec = write_jsonl(
        tmp_path / "ngec.jsonl",
        [{"id": "s", "title": "T", "text": "Rebels attacked.", "event": "ASSAULT", "mode": None}],
    )
    assert evaluate_ngec(ngec, coder=coder).accuracy == 1.0
    spans = write_jsonl(
        tmp_path / "spans.jsonl",
        [{"id": "x", "text": "t", "source_spans": ["Rebels"], "target_spans": [],
          "reciprocal_spans": []}],
    )  # fmt: skip
    assert evaluate_actor_spans(spans, coder=coder).source.scored == 1


# --- Report ----------------------------------------------------------------------------


def test_report_aligns_columns_and_names_the_command() -> None:
    table = Table("t", ("type", "P"), (("ASSAULT", 0.5), ("AID", None)))
    assert format_table(table).splitlines() == ["t", "type     P", "ASSAULT  0.500", "AID      -"]
    text = format_report(
        "Accuracy", [Section("gold", (("x.f1", 0.25), ("x.n", 3)))], command="python b.py"
    )
    assert "command: python b.py" in text
    assert "x.f1  0.250" in text and "x.n   3" in text


# --- The real coder on shared data -----------------------------------------------------


def test_smoke_plover_gsr_first_records(shared_dir: Path, nlp: Any) -> None:
    path = shared_dir / "eval" / "events" / "plover_gsr.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is not present")
    expected_sentences = len(group_by_sentence(read_plover_gsr(path, limit=20)))
    scores = evaluate_plover_gsr(path, limit=20)
    assert scores.records == 20
    assert scores.factual.sentences == expected_sentences
    assert scores.failed == 0
    assert scores.all_events.micro_recall > 0.0  # the coder finds some gold event
    assert all(0.0 <= value <= 1.0 for name, value in scores.summary() if isinstance(value, float))


def test_an_event_that_splits_a_reciprocal_span_finds_both_roles() -> None:
    sentence = SpanSentence("z", "Norway and Chile held talks.", (), (), ("Norway and Chile",))
    split = event("CONSULT", 0.8, actor=Actor(text="Norway"), recipient=Actor(text="Chile"))
    scores = score_actor_spans([(sentence, [split])])
    assert scores.source.mean_f1 == scores.target.mean_f1 == 1.0
    half = event("CONSULT", 0.8, actor=Actor(text="Norway"), recipient=Actor(text="Peru"))
    scores = score_actor_spans([(sentence, [half])])
    assert scores.source.mean_f1 < 1.0 and scores.target.mean_f1 == 0.0


def test_the_whole_pipeline_coder_places_what_the_coding_stages_leave_unplaced(nlp: Any) -> None:
    from eventwire.evaluate.events import pipeline_coder

    raw = RawDocument(text="Police arrested dozens of protesters in Lagos on Monday.", origin="t")
    coding = [e for e in pipeline_coder()(raw) if e.type == "COERCE"]
    whole = [e for e in pipeline_coder(whole=True)(raw) if e.type == "COERCE"]
    assert len(coding) == len(whole) == 1
    assert coding[0].place is None
    assert whole[0].place is not None and whole[0].place.name == "Lagos"
