"""Readers of the event-coding gold files (JSON Lines, one record per line).

Three formats, as in ``shared/eval/events`` (see that folder's README):

- **PLOVER gold-standard records** (``plover_gsr.jsonl``): one coded event per record
  (``text``, ``event``, ``mode``, ``source_code``/``target_code``,
  ``source_actors``/``target_actors`` with sectors, ``dead``/``injured``). A sentence
  that carries two events appears in two records; ``group_by_sentence`` joins them.
- **NGEC synthetic stories** (``ngec_synthetic.jsonl``): ``title``, ``text`` and the one
  ``event`` (and ``mode``) the story was written to describe.
- **ConfliBERT actor spans** (``conflibert_cameo_spans_train.jsonl``): a sentence with
  the texts of its ``source_spans``, ``target_spans`` and ``reciprocal_spans``.

Every reader raises ``InputError`` naming the file and line of a malformed record.

The PLOVER records were coded with CAMEO-era actor codes. Readers normalise them to what
the coder emits, so that a comparison measures the coder and not a spelling:
a few legacy country codes become ISO 3166 alpha-3 (``JAP`` -> ``JPN``), and a sector
code keeps its first three letters (``CVLalb`` -> ``CVL``, ``REFKUR`` -> ``REF``: the
rest is an ethnic or religious tag the coder does not assign).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.evaluate.split import Part, in_part

# CAMEO-era country codes in the PLOVER gold records -> ISO 3166 alpha-3. This maps the
# gold file's spelling; it is not knowledge the coder uses.
_LEGACY_COUNTRY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
# A sector misspelt in the gold records.
_LEGACY_SECTORS = {"CIV": "CVL"}
_SECTOR_LENGTH = 3


@dataclass(frozen=True, slots=True)
class GoldActor:
    """One actor phrase of a gold record, with its country code and PLOVER sector."""

    text: str
    code: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class PloverRecord:
    """One gold event of the PLOVER gold-standard records."""

    id: str
    text: str
    event: str
    mode: str | None
    source_codes: tuple[str, ...]
    target_codes: tuple[str, ...]
    source_actors: tuple[GoldActor, ...]
    target_actors: tuple[GoldActor, ...]
    dead: int | None
    injured: int | None

    @property
    def source_sectors(self) -> frozenset[str]:
        return frozenset(a.sector for a in self.source_actors if a.sector is not None)

    @property
    def target_sectors(self) -> frozenset[str]:
        return frozenset(a.sector for a in self.target_actors if a.sector is not None)


@dataclass(frozen=True, slots=True)
class PloverSentence:
    """A gold sentence and every event coded in it."""

    text: str
    records: tuple[PloverRecord, ...]

    @property
    def types(self) -> frozenset[str]:
        return frozenset(record.event for record in self.records)


@dataclass(frozen=True, slots=True)
class NgecStory:
    """A synthetic story written to describe one event of type ``event``."""

    id: str
    title: str | None
    text: str
    event: str
    mode: str | None


@dataclass(frozen=True, slots=True)
class SpanSentence:
    """A sentence with the texts of the source, target and reciprocal actors of its
    event (a reciprocal actor is on both sides of a symmetric event such as a meeting)."""

    id: str
    text: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    reciprocals: tuple[str, ...]

    @property
    def all_sources(self) -> tuple[str, ...]:
        return self.sources + self.reciprocals

    @property
    def all_targets(self) -> tuple[str, ...]:
        return self.targets + self.reciprocals


def gold_records(
    path: str | Path, limit: int | None = None
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(``file:line``, parsed JSON object) for the first ``limit`` non-blank lines."""
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(str(path), f"cannot read the gold file: {exc}") from exc
    count = 0
    with handle:
        for number, line in enumerate(handle, start=1):
            if limit is not None and count >= limit:
                return
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(where, f"not JSON: {exc}") from exc
            if not isinstance(record, dict):
                raise InputError(where, "a gold record must be a JSON object")
            count += 1
            yield where, record


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _optional_int(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected an integer or null, got {value!r}")
    return value


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ValueError(f"expected a list, got {value!r}")
    return tuple(str(item) for item in value)


def normalise_country(code: str) -> str:
    """A gold country code as the coder spells it (legacy CAMEO codes -> ISO alpha-3)."""
    code = code.strip().upper()
    return _LEGACY_COUNTRY_CODES.get(code, code)


def normalise_sector(sector: str | None) -> str | None:
    """A gold sector code reduced to its PLOVER sector (``CVLalb`` -> ``CVL``)."""
    if sector is None or not sector.strip():
        return None
    base = sector.strip()[:_SECTOR_LENGTH].upper()
    return _LEGACY_SECTORS.get(base, base)


def _gold_actors(value: Any) -> tuple[GoldActor, ...]:
    if not isinstance(value, list):
        raise ValueError(f"expected a list of actors, got {value!r}")
    actors = []
    for item in value:
        code = _optional_str(item["code"])
        actors.append(
            GoldActor(
                text=str(item["text"]),
                code=None if code is None else normalise_country(code),
                sector=normalise_sector(_optional_str(item.get("sector"))),
            )
        )
    return tuple(actors)


def read_plover_gsr(
    path: str | Path, *, limit: int | None = None, part: Part = "all"
) -> list[PloverRecord]:
    """The first ``limit`` (all when None) records of a PLOVER gold file, of ``part``."""
    records = []
    for where, raw in gold_records(path, limit):
        if not in_part(raw, part):
            continue
        try:
            event = raw["event"]
            if event is None:
                raise ValueError("the record has no current PLOVER event type")
            records.append(
                PloverRecord(
                    id=str(raw["id"]),
                    text=str(raw["text"]),
                    event=str(event).upper(),
                    mode=_optional_str(raw.get("mode")),
                    source_codes=tuple(normalise_country(c) for c in _strings(raw["source_code"])),
                    target_codes=tuple(normalise_country(c) for c in _strings(raw["target_code"])),
                    source_actors=_gold_actors(raw["source_actors"]),
                    target_actors=_gold_actors(raw["target_actors"]),
                    dead=_optional_int(raw.get("dead")),
                    injured=_optional_int(raw.get("injured")),
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(where, f"not a PLOVER gold record: {exc}") from exc
    return records


def group_by_sentence(records: list[PloverRecord]) -> list[PloverSentence]:
    """The records grouped by sentence text, in order of first appearance."""
    grouped: dict[str, list[PloverRecord]] = {}
    for record in records:
        grouped.setdefault(record.text, []).append(record)
    return [PloverSentence(text, tuple(group)) for text, group in grouped.items()]


def read_ngec(
    path: str | Path, *, limit: int | None = None, step: int = 1, part: Part = "all"
) -> list[NgecStory]:
    """Every ``step``-th story of ``part`` of an NGEC synthetic file (from the first),
    at most ``limit`` of them (all when None)."""
    if step < 1:
        raise ValueError(f"step must be at least 1, got {step}")
    stories: list[NgecStory] = []
    chosen = (item for item in gold_records(path) if in_part(item[1], part))
    for index, (where, raw) in enumerate(chosen):
        if limit is not None and len(stories) >= limit:
            break
        if index % step:
            continue
        try:
            mode = _optional_str(raw.get("mode"))
            stories.append(
                NgecStory(
                    id=str(raw["id"]),
                    title=_optional_str(raw.get("title")),
                    text=str(raw["text"]),
                    event=str(raw["event"]).upper(),
                    mode=None if mode is None else mode.lower(),
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(where, f"not an NGEC story record: {exc}") from exc
    return stories


def read_actor_spans(
    path: str | Path, *, limit: int | None = None, part: Part = "all"
) -> list[SpanSentence]:
    """The first ``limit`` (all when None) sentences of a ConfliBERT actor-span file,
    of ``part``."""
    sentences = []
    for where, raw in gold_records(path, limit):
        if not in_part(raw, part):
            continue
        try:
            sentences.append(
                SpanSentence(
                    id=str(raw["id"]),
                    text=str(raw["text"]),
                    sources=_strings(raw["source_spans"]),
                    targets=_strings(raw["target_spans"]),
                    reciprocals=_strings(raw["reciprocal_spans"]),
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(where, f"not an actor-span record: {exc}") from exc
    return sentences
