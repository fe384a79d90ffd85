"""An analyst's audit kept as data: every factual event that the coder lists for a fixed
sample of real articles, judged right or wrong field by field.

The judgments file (JSON Lines) opens with one ``sample`` record that fixes the sample:
the gold file it is drawn from (relative to ``shared/``), the seed and the size. The
articles are ``random.Random(seed).sample`` of the file's ids in sorted order, so anyone
can draw the same ones. Every other line judges one event, keyed by the article, the
sentence and trigger offsets and the PLOVER type, with what the coder listed for it::

    {"article": "1040001", "start": 0, "end": 120, "trigger_start": 19, "type": "ASSAULT",
     "coded": {"actor": "TURCOP", "recipient": "RUSGOV", "place": "Ankara (TR)",
               "date": "2016-12-19"},
     "right": {"type": true, "actor": true, "recipient": true, "place": true, "date": true},
     "why": {}}

Every field is judged, an empty one too: an empty field is right when the article
gives nothing to fill it with and wrong when it does (an actor dropped, a date the text
states). ``why`` gives a one-line reason for each field judged wrong. "Right in every
filled field" looks only at the fields the coder filled (the type always is), so it
cannot tell a right value from an empty one; "right in every field" judges the empty
ones too, and the count of fields left empty where the text tells keeps the two apart. No
article text is kept in the file: the judge reads it from the gold file (``eventwire
eval audit --todo FILE`` lists what to judge, with the sentences).

When the coder changes, its events are matched to the judgments again. An event listed
now that was never judged, or whose coded values changed since it was judged, counts as
not right until it is judged again: the figures never credit output no one has read.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.model import Actor, Document, Event, RawDocument
from eventwire.run.pipeline import default_pipeline
from eventwire.stages.factuality import HISTORICAL

FIELDS = ("type", "actor", "recipient", "place", "date")


@dataclass(frozen=True, slots=True)
class AuditSample:
    gold: str  # the gold file, relative to shared/
    seed: int
    size: int


@dataclass(frozen=True, slots=True)
class EventKey:
    article: str
    start: int
    end: int
    trigger_start: int | None
    type: str


@dataclass(slots=True)
class Judgment:
    key: EventKey
    coded: dict[str, str | None]
    right: dict[str, bool]
    why: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class ListedEvent:
    """A factual event the coder lists now, with its article and what it codes."""

    key: EventKey
    coded: dict[str, str | None]
    sentence: str
    title: str | None


@dataclass(slots=True)
class AuditScores:
    events: int = 0  # factual events listed now
    judged: int = 0  # of them, judged with the values listed now
    changed: int = 0  # judged once, but coded differently now
    unjudged: int = 0
    gone: int = 0  # judged events the coder no longer lists
    type_and_actor_right: int = 0
    all_filled_right: int = 0
    all_right: int = 0  # every field right, an empty one too (empty where the text tells is wrong)
    field_right: dict[str, int] = field(default_factory=dict)
    field_filled: dict[str, int] = field(default_factory=dict)
    field_left_empty: dict[str, int] = field(default_factory=dict)  # empty, yet the text tells
    todo: list[ListedEvent] = field(default_factory=list)

    def share(self, count: int) -> float:
        return count / self.events if self.events else 0.0

    @property
    def type_and_actor_accuracy(self) -> float:
        return self.share(self.type_and_actor_right)

    @property
    def all_filled_accuracy(self) -> float:
        return self.share(self.all_filled_right)

    @property
    def all_accuracy(self) -> float:
        return self.share(self.all_right)

    def summary(self) -> str:
        lines = [
            f"factual events listed: {self.events} (judged as listed: {self.judged}, "
            f"coded differently since judged: {self.changed}, never judged: {self.unjudged}; "
            f"judged events no longer listed: {self.gone})",
            f"right in type and actor:        {self.type_and_actor_accuracy:.3f} "
            f"({self.type_and_actor_right}/{self.events})",
            f"right in every filled field:    {self.all_filled_accuracy:.3f} "
            f"({self.all_filled_right}/{self.events})",
            f"right in every field:           {self.all_accuracy:.3f} "
            f"({self.all_right}/{self.events}; an empty field the text could fill is wrong)",
            "per field (right / judged events where the coder filled the field; "
            "left empty where the text tells):",
        ]
        for name in FIELDS:
            filled = self.field_filled.get(name, 0)
            right = self.field_right.get(name, 0)
            share = right / filled if filled else 0.0
            empty = self.field_left_empty.get(name, 0)
            lines.append(f"  {name:<10} {share:.3f} ({right}/{filled}); left empty: {empty}")
        if self.changed or self.unjudged:
            lines.append(
                "events not judged as listed count as not right: judge them again "
                "(eventwire eval audit --todo FILE)"
            )
        return "\n".join(lines)


def draw_sample(ids: list[str], seed: int, size: int) -> list[str]:
    """The sampled ids: ``size`` of the sorted ``ids`` drawn with ``seed``, in order."""
    ordered = sorted(set(ids))
    if size > len(ordered):
        raise ValueError(f"a sample of {size} from {len(ordered)} articles")
    return sorted(random.Random(seed).sample(ordered, size))


def _actor_code(actor: Actor | None) -> str | None:
    if actor is None or (actor.country is None and actor.sector is None):
        return None
    return f"{actor.country or '---'}{actor.sector or ''}"


def coded_values(event: Event) -> dict[str, str | None]:
    """What the coder lists for an event, field by field (``type`` is part of the key)."""
    place = event.place
    place_text = None
    if place is not None and place.name is not None:
        place_text = f"{place.name} ({place.country_code or '--'})"
    when = None
    if event.date is not None:
        when = event.date.isoformat()
        if event.date_precision is not None and event.date_precision.value != "day":
            when += f" ({event.date_precision.value})"
    return {
        "mode": event.mode,
        "actor": _actor_code(event.actor),
        "recipient": _actor_code(event.recipient),
        "place": place_text,
        "date": when,
    }


def event_key(article: str, event: Event) -> EventKey:
    return EventKey(article, event.start, event.end, event.trigger_start, event.type)


def read_judgments(path: Path) -> tuple[AuditSample, list[Judgment]]:
    sample: AuditSample | None = None
    judgments: list[Judgment] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if record.get("kind") == "sample":
                    sample = AuditSample(record["gold"], int(record["seed"]), int(record["size"]))
                    continue
                key = EventKey(
                    str(record["article"]),
                    int(record["start"]),
                    int(record["end"]),
                    record.get("trigger_start"),
                    str(record["type"]),
                )
                right = {name: bool(record["right"][name]) for name in FIELDS}
                judgments.append(Judgment(key, dict(record["coded"]), right, record.get("why", {})))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as exc:
                raise InputError(f"{path}:{number}", f"not an audit record: {exc}") from exc
    if sample is None:
        raise InputError(str(path), "no sample record (kind: sample) fixing the seed")
    return sample, judgments


def _gold_articles(gold: Path) -> dict[str, dict[str, Any]]:
    records: dict[str, dict[str, Any]] = {}
    with gold.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                records[str(record["id"])] = record
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise InputError(f"{gold}:{number}", f"not a TR-News record: {exc}") from exc
    return records


def code_article(record: dict[str, Any]) -> Document:
    published = record.get("date")
    raw = RawDocument(
        text=record["text"],
        origin=f"audit:{record['id']}",
        title=record.get("title"),
        published=date.fromisoformat(published) if published else None,
        url=record.get("url"),
    )
    docs = default_pipeline().process_raw(raw)
    if not docs:
        raise InputError(raw.origin, "no article text")
    return docs[0]


def listed_events(gold: Path, sample: AuditSample) -> Iterator[ListedEvent]:
    """Every factual event the coder lists now for the sampled articles."""
    records = _gold_articles(gold)
    for article in draw_sample(list(records), sample.seed, sample.size):
        record = records[article]
        doc = code_article(record)
        for event in doc.factual_events:
            if HISTORICAL in event.contexts:
                # Scored as the default listing shows them: the store leaves out events
                # told as a summary of the past (PLOVER's "historical" context).
                continue
            yield ListedEvent(
                event_key(article, event), coded_values(event), event.sentence, record.get("title")
            )


def score_audit(gold: Path, judgments_path: Path) -> AuditScores:
    sample, judgments = read_judgments(judgments_path)
    # One sentence and trigger can yield several events (one per actor and recipient
    # pair), all with the same key: each listed event takes an unused judgment of its
    # key that judged the same coded values.
    by_key: dict[EventKey, list[Judgment]] = {}
    for judged in judgments:
        by_key.setdefault(judged.key, []).append(judged)
    scores = AuditScores()
    seen: set[EventKey] = set()
    for listed in listed_events(gold, sample):
        scores.events += 1
        candidates = by_key.get(listed.key)
        if candidates is None:
            scores.unjudged += 1
            scores.todo.append(listed)
            continue
        seen.add(listed.key)
        judgment = next((j for j in candidates if j.coded == listed.coded), None)
        if judgment is None:
            scores.changed += 1
            scores.todo.append(listed)
            continue
        candidates.remove(judgment)  # each judgment credits one listed event
        scores.judged += 1
        right = judgment.right
        if right["type"] and right["actor"]:
            scores.type_and_actor_right += 1
        filled = [name for name in FIELDS if name == "type" or listed.coded.get(name) is not None]
        if all(right[name] for name in filled):
            scores.all_filled_right += 1
        if all(right[name] for name in FIELDS):
            scores.all_right += 1
        for name in FIELDS:
            if name not in filled and not right[name]:
                scores.field_left_empty[name] = scores.field_left_empty.get(name, 0) + 1
        for name in filled:
            scores.field_filled[name] = scores.field_filled.get(name, 0) + 1
            if right[name]:
                scores.field_right[name] = scores.field_right.get(name, 0) + 1
    scores.gone = sum(1 for j in judgments if j.key not in seen)
    return scores


def write_todo(scores: AuditScores, path: Path) -> None:
    """The events to judge, with their sentences (for the judge; not to be committed)."""
    with path.open("w", encoding="utf-8") as handle:
        for listed in scores.todo:
            record = {
                "article": listed.key.article,
                "title": listed.title,
                "start": listed.key.start,
                "end": listed.key.end,
                "trigger_start": listed.key.trigger_start,
                "type": listed.key.type,
                "coded": listed.coded,
                "sentence": listed.sentence,
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
