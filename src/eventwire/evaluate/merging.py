"""Measure cross-article event merging and near-duplicate linking.

Gold format (JSON Lines, one article per line; the project's own set is
``tests/data/merge/articles.jsonl``, described in its README)::

    {"id": "m01", "source": "...", "url": "...", "published": "2025-03-04",
     "title": "...", "text": "...", "duplicate_of": null,
     "events": [{"cluster": "E01", "type": "ASSAULT", "sentence": "words of the sentence"}]}

Every article is run through the pipeline and added, in file order, to a fresh store.
A gold event is *found* when its article has a mention of an event of the gold type
whose sentence contains the gold words. Over the found gold events of different
articles, every pair is a positive when the two share a gold cluster, and is *merged*
when the store put both mentions in one event. Pairwise precision is the share of
merged pairs that are positives; recall the share of positive pairs that were merged.
Duplicate links are scored the same way: a stored link to the gold original is right.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from pathlib import Path

from eventwire.errors import InputError
from eventwire.evaluate.metrics import f1_score, ratio
from eventwire.evaluate.report import Section
from eventwire.model import Mention, RawDocument
from eventwire.store import EventFilter, EventQuery, Store


@dataclass(frozen=True, slots=True)
class GoldEvent:
    article: str
    cluster: str
    type: str
    sentence: str


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    raw: RawDocument
    duplicate_of: str | None
    events: tuple[GoldEvent, ...]


@dataclass(slots=True)
class MergeScores:
    gold_events: int = 0
    found_events: int = 0
    positive_pairs: int = 0
    merged_pairs: int = 0
    correct_pairs: int = 0
    gold_duplicates: int = 0
    linked_duplicates: int = 0
    correct_duplicates: int = 0
    stored_events: int = 0
    coded_events: int = 0

    @property
    def precision(self) -> float:
        return ratio(self.correct_pairs, self.merged_pairs)

    @property
    def recall(self) -> float:
        return ratio(self.correct_pairs, self.positive_pairs)

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)

    @property
    def coverage(self) -> float:
        return ratio(self.found_events, self.gold_events)

    @property
    def duplicate_precision(self) -> float:
        return ratio(self.correct_duplicates, self.linked_duplicates)

    @property
    def duplicate_recall(self) -> float:
        return ratio(self.correct_duplicates, self.gold_duplicates)

    def section(self, title: str) -> Section:
        return Section(
            title,
            (
                ("merge.pairwise_precision", self.precision),
                ("merge.pairwise_recall", self.recall),
                ("merge.pairwise_f1", self.f1),
                ("merge.positive_pairs", self.positive_pairs),
                ("merge.merged_pairs", self.merged_pairs),
                ("merge.gold_events_found", self.coverage),
                ("merge.coded_events", self.coded_events),
                ("merge.stored_events", self.stored_events),
                ("duplicates.precision", self.duplicate_precision),
                ("duplicates.recall", self.duplicate_recall),
                ("duplicates.gold", self.gold_duplicates),
            ),
            notes=(
                "Pairs are over gold events found in the coded output, from different "
                "articles; coded_events counts events before merging, stored_events after.",
            ),
        )


def read_gold(path: Path) -> list[GoldArticle]:
    articles: list[GoldArticle] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
                published = record.get("published")
                raw = RawDocument(
                    text=record["text"],
                    origin=f"{path.name}#{record['id']}",
                    title=record.get("title"),
                    published=date.fromisoformat(published) if published else None,
                    source=record.get("source"),
                    url=record.get("url"),
                )
                events = tuple(
                    GoldEvent(record["id"], e["cluster"], e["type"], e["sentence"])
                    for e in record.get("events", [])
                )
                articles.append(GoldArticle(record["id"], raw, record.get("duplicate_of"), events))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise InputError(where, f"not a merge gold record: {exc}") from exc
    return articles


def evaluate_merging(path: Path, *, merge_events: bool = True) -> MergeScores:
    """Ingest the gold articles into a fresh store and score the merges."""
    from eventwire.run.pipeline import default_pipeline

    gold = read_gold(path)
    pipeline = default_pipeline()
    scores = MergeScores()
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "merge.db", merge_events=merge_events) as store:
            article_ids: dict[str, int] = {}
            linked: dict[str, int | None] = {}
            for article in gold:
                for doc in pipeline.process_raw(article.raw):
                    scores.coded_events += len(doc.events)
                    result = store.add_document(doc)
                    article_ids.setdefault(article.id, result.article_id)
                    linked.setdefault(article.id, result.duplicate_of)
            every = EventQuery(include_flagged=True, historical="include")
            events = store.events(EventFilter(every, limit=1_000_000))
        scores.stored_events = len(events)
    mentions = [(e.type, e.id, m) for e in events for m in e.mentions]
    found: list[tuple[GoldEvent, int]] = []
    for article in gold:
        used: set[int] = set()  # each mention answers one gold event
        for event in article.events:
            scores.gold_events += 1
            stored_id = article_ids.get(article.id)
            candidates = [
                (event_id, mention)
                for e_type, event_id, mention in mentions
                if mention.article_id == stored_id
                and e_type == event.type
                and event.sentence in mention.sentence
                and id(mention) not in used
            ]
            # Prefer the mention whose trigger lies inside the gold words.
            candidates.sort(key=lambda c: not _trigger_within(c[1], event.sentence))
            if candidates:
                used.add(id(candidates[0][1]))
                found.append((event, candidates[0][0]))
    scores.found_events = len(found)
    for (a, a_event), (b, b_event) in combinations(found, 2):
        if a.article == b.article:
            continue
        positive, merged = a.cluster == b.cluster, a_event == b_event
        scores.positive_pairs += positive
        scores.merged_pairs += merged
        scores.correct_pairs += positive and merged
    for article in gold:
        link = linked.get(article.id)
        scores.gold_duplicates += article.duplicate_of is not None
        scores.linked_duplicates += link is not None
        if article.duplicate_of is not None and link == article_ids.get(article.duplicate_of):
            scores.correct_duplicates += 1
    return scores


def _trigger_within(mention: Mention, words: str) -> bool:
    """True when the mention's trigger lies inside ``words`` (a piece of its sentence)."""
    if mention.trigger_start is None:
        return False
    at = mention.sentence.find(words)
    offset = mention.trigger_start - mention.start
    return at <= offset < at + len(words)
