"""The analyst's audit: drawing the sample, matching judgments to what is listed now,
and counting events no one judged (or judged as coded differently) as not right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.evaluate.audit import (
    FIELDS,
    ListedEvent,
    draw_sample,
    listed_events,
    read_judgments,
    score_audit,
)

ARTICLES = [
    {
        "id": "a1",
        "date": "2024-03-05",
        "title": "Police detain protesters in Lima",
        "text": "Police arrested three protesters in Lima on Monday, officials said.",
    },
    {
        "id": "a2",
        "date": "2024-03-06",
        "title": "Ministers meet",
        "text": "The foreign ministers of Ghana and Togo met in Accra on Tuesday.",
    },
]


def _write(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_the_sample_depends_only_on_the_seed() -> None:
    ids = [str(n) for n in range(100)]
    first = draw_sample(ids, 7, 10)
    assert first == draw_sample(list(reversed(ids)), 7, 10)
    assert first != draw_sample(ids, 8, 10)
    assert len(first) == 10 and first == sorted(first)
    with pytest.raises(ValueError):
        draw_sample(ids[:3], 7, 10)


def test_judged_events_are_scored_and_changed_ones_are_not_credited(tmp_path: Path) -> None:
    gold = _write(tmp_path / "gold.jsonl", ARTICLES)
    header = {"kind": "sample", "gold": "gold.jsonl", "seed": 1, "size": 2}
    sample, _ = read_judgments(_write(tmp_path / "empty.jsonl", [header]))
    listed = list(listed_events(gold, sample))
    assert len(listed) >= 2
    judgments: list[dict[str, object]] = [header]
    for n, event in enumerate(listed):
        right = dict.fromkeys(FIELDS, True)
        if n == 0:
            right["place"] = False
        judgments.append({
            "article": event.key.article, "start": event.key.start, "end": event.key.end,
            "trigger_start": event.key.trigger_start, "type": event.key.type,
            "coded": event.coded, "right": right, "why": {} if n else {"place": "test"},
        })  # fmt: skip
    path = _write(tmp_path / "audit.jsonl", judgments)
    scores = score_audit(gold, path)
    assert scores.events == len(listed) and scores.judged == len(listed)
    assert scores.type_and_actor_right == len(listed)
    first_place_filled = listed[0].coded["place"] is not None
    assert scores.all_filled_right == len(listed) - (1 if first_place_filled else 0)
    # Every field, an empty one too: the first event's place is wrong either way, and an
    # empty place judged wrong is one the text could have filled.
    assert scores.all_right == len(listed) - 1
    assert scores.field_left_empty.get("place", 0) == (0 if first_place_filled else 1)

    # A judgment of other coded values no longer counts: that event must be judged again.
    stale = dict(judgments[1])
    stale["coded"] = {**listed[0].coded, "actor": "XXXGOV"}
    judgments[1] = stale
    rescored = score_audit(gold, _write(tmp_path / "stale.jsonl", judgments))
    assert rescored.changed == 1 and rescored.judged == len(listed) - 1
    assert rescored.type_and_actor_right == len(listed) - 1
    assert [t.key for t in rescored.todo] == [listed[0].key]


def test_an_audit_file_without_its_sample_record_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "audit.jsonl", [{"article": "a1"}])
    with pytest.raises(InputError, match=r"audit\.jsonl:1"):
        read_judgments(path)
    with pytest.raises(InputError, match="no sample record"):
        read_judgments(_write(tmp_path / "none.jsonl", []))


def test_events_sharing_a_sentence_and_trigger_are_matched_by_their_codes(tmp_path: Path) -> None:
    """One trigger with two actors gives two events with the same key: each judgment
    credits the event it judged, and only once."""
    article: dict[str, object] = {
        "id": "b1",
        "date": "2024-03-05",
        "title": "Arrests in Lima",
        "text": "Police and soldiers arrested protesters in Lima on Monday, officials said.",
    }
    gold = _write(tmp_path / "gold.jsonl", [article])
    header: dict[str, object] = {"kind": "sample", "gold": "gold.jsonl", "seed": 1, "size": 1}
    sample, _ = read_judgments(_write(tmp_path / "empty.jsonl", [header]))
    listed = list(listed_events(gold, sample))
    keys = [event.key for event in listed]
    first, second = [event for event in listed if keys.count(event.key) > 1][:2]
    assert first.key == second.key and first.coded != second.coded

    def judged(event: ListedEvent, right: bool) -> dict[str, object]:
        return {
            "article": event.key.article, "start": event.key.start, "end": event.key.end,
            "trigger_start": event.key.trigger_start, "type": event.key.type,
            "coded": event.coded, "right": dict.fromkeys(FIELDS, right),
            "why": {} if right else dict.fromkeys(FIELDS, "test"),
        }  # fmt: skip

    # The pair judged in the other order: each judgment still credits its own event.
    others = [judged(event, True) for event in listed if event not in (first, second)]
    records = [header, judged(second, True), judged(first, False), *others]
    scores = score_audit(gold, _write(tmp_path / "audit.jsonl", records))
    assert scores.judged == len(listed) and scores.changed == 0 and scores.gone == 0
    assert scores.type_and_actor_right == len(listed) - 1

    # A judgment counts once: the first event judged twice leaves the second to judge.
    records = [header, judged(first, False), judged(first, False), *others]
    rescored = score_audit(gold, _write(tmp_path / "twice.jsonl", records))
    assert rescored.changed == 1 and rescored.judged == len(listed) - 1
    assert [t.coded for t in rescored.todo] == [second.coded]
