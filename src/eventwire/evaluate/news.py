"""Event coding on real news: the IndiaPoliceEvents sentences and the CASE 2021 ACLED
snippets (formats in the README of the evaluation data).

1. **Police** (``evaluate_police``). Each article is coded whole, then each factual
   event is placed in the corpus sentence that holds its trigger (else its sentence's
   start). A corpus sentence is predicted KILL when it holds an ASSAULT by a police
   actor (sector COP) with dead >= 1, and ARREST when it holds a COERCE arrest by a
   police actor. Precision, recall and F1 over sentences, per label.
2. **ACLED snippets** (``evaluate_acled``). Each snippet is coded as one article.
   Protest: a factual PROTEST event against the ``protest`` flag (snippets whose flag is
   null are left out). Type top-1: the most confident factual event's type is one of
   the snippet's PLOVER types (no event counts wrong), averaged within each ACLED event
   type and then over them (macro). Disasters (``plover == []``): how many yield a
   factual event, and how many an ASSAULT (factual or not). On the WORK part only, the
   snippets scored wrong can be kept (``misses``) to be read, grouped by ACLED type.

Both read only the records of the requested part (``split``).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.errors import EventwireError, InputError
from eventwire.evaluate.events import pipeline_coder
from eventwire.evaluate.gold_events import gold_records
from eventwire.evaluate.metrics import PrecisionRecall, f1_score, ratio
from eventwire.evaluate.report import Figure, Section, Table
from eventwire.evaluate.split import Part, in_part
from eventwire.model import Event, RawDocument

log = logging.getLogger(__name__)

Coder = Callable[[RawDocument], list[Event]]
POLICE_LABELS = ("KILL", "ARREST")


def _safe_code(coder: Coder, raw: RawDocument) -> list[Event]:
    try:
        return coder(raw)
    except EventwireError as exc:
        log.warning("%s: coding failed, scored as no event: %s", raw.origin, exc)
        return []


# --- Police ---------------------------------------------------------------------------


def is_police(event: Event) -> bool:
    return event.actor is not None and event.actor.sector == "COP"


def police_labels(event: Event) -> set[str]:
    """The police labels a coded event stands for."""
    if not event.factual or not is_police(event):
        return set()
    labels = set()
    if event.type == "ASSAULT" and (event.dead or 0) >= 1:
        labels.add("KILL")
    if event.type == "COERCE" and event.mode == "arrest":
        labels.add("ARREST")
    return labels


@dataclass(frozen=True, slots=True)
class LabelScore(PrecisionRecall):
    label: str
    gold: int
    predicted: int
    correct: int


@dataclass(frozen=True, slots=True)
class SentenceError:
    """A scored sentence the coder got wrong on one label: ``kind`` is ``miss`` (gold,
    not predicted) or ``false`` (predicted, not gold); ``events`` summarises the factual
    events coded in the sentence."""

    sentence_id: str
    label: str
    kind: str
    text: str
    events: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PoliceScores:
    part: str
    articles: int
    sentences: int
    labels: tuple[LabelScore, ...]
    errors: tuple[SentenceError, ...] = ()

    def summary(self) -> list[Figure]:
        figures: list[Figure] = [("police.articles", self.articles)]
        figures.append(("police.sentences", self.sentences))
        for s in self.labels:
            key = s.label.lower()
            figures += [
                (f"police.{key}_precision", s.precision),
                (f"police.{key}_recall", s.recall),
                (f"police.{key}_f1", s.f1),
            ]
        return figures

    def section(self, title: str) -> Section:
        table = Table(
            "per label (sentences)",
            ("label", "gold", "predicted", "correct", "P", "R", "F1"),
            tuple(
                (s.label, s.gold, s.predicted, s.correct, s.precision, s.recall, s.f1)
                for s in self.labels
            ),
        )
        return Section(f"{title} (part: {self.part})", tuple(self.summary()), (table,))


def _describe(event: Event) -> str:
    actor = event.actor
    who = f"{actor.text}/{actor.sector}" if actor is not None else "-"
    recipient = event.recipient.text if event.recipient is not None else "-"
    mode = f":{event.mode}" if event.mode else ""
    flag = "" if event.factual else " (not factual)"
    return f"{event.type}{mode} {who} -> {recipient} dead={event.dead}{flag}"


def _sentence_at(bounds: Sequence[tuple[int, int, str]], offset: int) -> str | None:
    for start, end, sentence_id in bounds:
        if start <= offset < end:
            return sentence_id
    return None


def evaluate_police(
    sentences_path: Path,
    docs_path: Path,
    *,
    part: Part = "set-aside",
    limit: int | None = None,
    step: int = 1,
    coder: Coder | None = None,
    errors: bool = False,
) -> PoliceScores:
    """Code the articles of ``part`` (every ``step``-th, at most ``limit``) and score
    their sentences' KILL and ARREST labels. With ``errors`` (WORK part only: the
    set-aside records are for scores alone) the wrong sentences are listed too."""
    if errors and part != "work":
        raise InputError(str(sentences_path), "errors are listed for the work part only")
    gold: dict[str, set[str]] = {}
    texts: dict[str, str] = {}
    bounds: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for where, record in gold_records(sentences_path):
        if not in_part(record, part):
            continue
        try:
            doc_id = str(record["doc_id"])
            gold[str(record["id"])] = set(record.get("labels") or []) & set(POLICE_LABELS)
            start, end = int(record["doc_start"]), int(record["doc_end"])
            bounds[doc_id].append((start, end, str(record["id"])))
            texts[str(record["id"])] = str(record.get("text", ""))
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(where, f"not an IndiaPoliceEvents sentence: {exc}") from exc
    code = coder or pipeline_coder()
    predicted: dict[str, set[str]] = defaultdict(set)
    coded: dict[str, list[str]] = defaultdict(list)
    chosen: set[str] = set()
    index = 0
    for _, record in gold_records(docs_path):
        doc_id = str(record.get("doc_id"))
        if doc_id not in bounds:
            continue
        index += 1
        if (index - 1) % step or (limit is not None and len(chosen) >= limit):
            continue
        chosen.add(doc_id)
        raw = RawDocument(text=str(record["text"]), origin=f"india-police-{doc_id}")
        coded_events = _safe_code(code, raw)
        # a telling folded into its incident's event (stages/incidents.py) is still
        # coded in its own sentence
        for event in (e for top in coded_events for e in (top, *top.retold)):
            offset = event.trigger_start if event.trigger_start is not None else event.start
            sentence_id = _sentence_at(bounds[doc_id], offset)
            if sentence_id is None:
                continue
            predicted[sentence_id] |= police_labels(event)
            if errors:
                coded[sentence_id].append(_describe(event))
    scored = [sid for doc_id in chosen for _, _, sid in bounds[doc_id]]
    scores = []
    for label in POLICE_LABELS:
        in_gold = {sid for sid in scored if label in gold[sid]}
        in_pred = {sid for sid in scored if label in predicted[sid]}
        scores.append(LabelScore(label, len(in_gold), len(in_pred), len(in_gold & in_pred)))
    wrong: list[SentenceError] = []
    if errors:
        for label in POLICE_LABELS:
            for sid in scored:
                if (label in gold[sid]) == (label in predicted[sid]):
                    continue
                kind = "miss" if label in gold[sid] else "false"
                wrong.append(SentenceError(sid, label, kind, texts[sid], tuple(coded[sid])))
    return PoliceScores(part, len(chosen), len(scored), tuple(scores), tuple(wrong))


# --- ACLED snippets -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AcledMiss:
    """A WORK snippet scored wrong: its gold and what the coder made of it."""

    group: str  # ACLED event type ("Riots"); "Disasters" for the non-ACLED disasters
    subtype: str
    snippet_id: str
    text: str
    plover: tuple[str, ...]
    protest: bool | None
    why: str  # "top-1", "protest missed", "protest wrong", "disaster event"
    coded: tuple[str, ...]  # every event: "TYPE/mode 0.80 factual 'trigger'"


def describe_event(event: Event) -> str:
    """One coded event in a line: type/mode, confidence, factuality, trigger, actor."""
    kind = event.type + (f"/{event.mode}" if event.mode else "")
    told = "factual" if event.factual else "not-factual"
    actor = "" if event.actor is None else f" by {event.actor.text!r}"
    return f"{kind} {event.confidence:.2f} {told} {event.trigger!r}{actor}"


@dataclass(slots=True)
class AcledScores:
    part: str
    snippets: int = 0
    protest_gold: int = 0
    protest_predicted: int = 0
    protest_correct: int = 0
    groups: dict[str, list[int]] = field(default_factory=dict)  # group -> [right, total]
    disasters: int = 0
    disasters_with_event: int = 0
    disasters_with_assault: int = 0
    misses: list[AcledMiss] = field(default_factory=list)  # WORK only, when asked

    @property
    def protest_f1(self) -> float:
        return f1_score(
            ratio(self.protest_correct, self.protest_predicted),
            ratio(self.protest_correct, self.protest_gold),
        )

    @property
    def type_macro(self) -> float:
        rates = [ratio(right, total) for right, total in self.groups.values() if total]
        return sum(rates) / len(rates) if rates else 0.0

    def summary(self) -> list[Figure]:
        return [
            ("acled.snippets", self.snippets),
            ("acled.protest_precision", ratio(self.protest_correct, self.protest_predicted)),
            ("acled.protest_recall", ratio(self.protest_correct, self.protest_gold)),
            ("acled.protest_f1", self.protest_f1),
            ("acled.type_top1_macro", self.type_macro),
            ("acled.disasters", self.disasters),
            ("acled.disasters_with_factual_event", self.disasters_with_event),
            ("acled.disasters_coded_assault", self.disasters_with_assault),
        ]

    def section(self, title: str) -> Section:
        table = Table(
            "PLOVER type top-1 by ACLED event type",
            ("ACLED type", "snippets", "right", "top-1"),
            tuple(
                (group, total, right, ratio(right, total))
                for group, (right, total) in sorted(self.groups.items())
            ),
        )
        return Section(f"{title} (part: {self.part})", tuple(self.summary()), (table,))

    def misses_section(self) -> Section:
        """The snippets scored wrong (WORK part), grouped by ACLED type."""
        notes = []
        for miss in sorted(self.misses, key=lambda m: (m.group, m.subtype, m.why)):
            lines = [
                f"[{miss.group} / {miss.subtype}] {miss.snippet_id}: {miss.why} "
                f"(gold {'/'.join(miss.plover) or '-'}, protest {miss.protest})",
                f"  {miss.text}",
            ]
            lines += [f"  -> {line}" for line in miss.coded] or ["  -> no event"]
            notes.append("\n".join(lines))
        return Section(f"misses (part: {self.part}): {len(self.misses)}", (), (), tuple(notes))


def _top_event(events: Sequence[Event]) -> Event | None:
    factual = [e for e in events if e.factual]
    return max(factual, key=lambda e: e.confidence) if factual else None


def evaluate_acled(
    path: Path,
    *,
    part: Part = "set-aside",
    limit: int | None = None,
    coder: Coder | None = None,
    keep_misses: bool = False,
) -> AcledScores:
    """Code the snippets of ``part`` (at most ``limit``) and score them; with
    ``keep_misses`` (WORK part only) keep the snippets scored wrong."""
    if keep_misses and part != "work":
        raise InputError(str(path), "misses are listed for the WORK part only")
    code = coder or pipeline_coder()
    scores = AcledScores(part)
    for where, record in gold_records(path):
        if not in_part(record, part):
            continue
        if limit is not None and scores.snippets >= limit:
            break
        try:
            text, plover = str(record["text"]), record.get("plover")
            protest, group = record.get("protest"), record.get("acled_event_type")
        except KeyError as exc:
            raise InputError(where, f"not a CASE 2021 snippet: {exc}") from exc
        scores.snippets += 1
        events = _safe_code(code, RawDocument(text=text, origin=str(record.get("id"))))
        said_protest = any(e.factual and e.type == "PROTEST" for e in events)
        why = []
        if protest is not None:
            scores.protest_gold += bool(protest)
            scores.protest_predicted += said_protest
            scores.protest_correct += bool(protest) and said_protest
            if bool(protest) != said_protest:
                why.append("protest missed" if protest else "protest wrong")
        if plover == []:
            scores.disasters += 1
            scores.disasters_with_event += any(e.factual for e in events)
            scores.disasters_with_assault += any(e.type == "ASSAULT" for e in events)
            if any(e.factual or e.type == "ASSAULT" for e in events):
                why.append("disaster event")
        elif plover and group:
            top = _top_event(events)
            tally = scores.groups.setdefault(str(group), [0, 0])
            right = top is not None and top.type in plover
            tally[0] += right
            tally[1] += 1
            if not right:
                why.append("top-1")
        if keep_misses and why:
            ranked = sorted(events, key=lambda e: (not e.factual, -e.confidence))
            scores.misses.append(
                AcledMiss(
                    "Disasters" if plover == [] else str(group or "-"),
                    str(record.get("subtype")),
                    str(record.get("id")),
                    text,
                    tuple(str(t) for t in plover or ()),
                    protest,
                    ", ".join(why),
                    tuple(describe_event(e) for e in ranked),
                )
            )
    return scores
