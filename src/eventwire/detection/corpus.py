"""Training sentences for the detector, read from the DEV files that carry event labels.

Each file gives what it knows and nothing more (a label it does not carry is None, and
the head that needs it skips the sentence):

* PLOVER GSR: the record's sentence; event 1, type its PLOVER type.
* NGEC synthetic: the headline and the story's first sentence; event 1, the story's type.
* ConfliBERT classes: the sentence; event 1, except "Make a Statement" (not said).
* CASE 2021 ACLED: the snippet; event 0 for a disaster (``plover == []``), else 1, type
  its first PLOVER type; the ``protest`` head its protest label.
* IndiaPoliceEvents sentences: event 1 when labelled KILL, ARREST or FORCE; type ASSAULT
  for KILL, COERCE for ARREST; the police heads ``kill`` and ``arrest`` 0 or 1.

Only records of the requested part (``evaluate.split``) are read.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.evaluate.gold_events import gold_records
from eventwire.evaluate.split import Part, in_part

FILES: dict[str, str] = {
    "plover": "plover_gsr.jsonl",
    "ngec": "ngec_synthetic.jsonl",
    "conflibert": "conflibert_cameo_class_train.jsonl",
    "acled": "case21_acled_dev.jsonl",
    "police": "india_police_dev_sents.jsonl",
}

_FIRST_SENTENCE = re.compile(r"^(.{20,400}?[.!?])(?:\s|$)", re.S)


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled training sentence (None: the file does not say)."""

    text: str
    origin: str  # which file: plover, ngec, conflibert, acled, police
    event: int | None = None
    type: str | None = None
    kill: int | None = None
    arrest: int | None = None
    protest: int | None = None  # the ACLED snippets' protest label (riots included)


def _examples(origin: str, record: dict[str, Any]) -> Iterator[Example]:
    if origin == "plover":
        yield Example(str(record["text"]), origin, 1, str(record["event"]).upper())
    elif origin == "ngec":
        kind = str(record["event"]).upper()
        if record.get("title"):
            yield Example(str(record["title"]), origin, 1, kind)
        match = _FIRST_SENTENCE.match(str(record["text"]).strip())
        if match:
            yield Example(match.group(1), origin, 1, kind)
    elif origin == "conflibert":
        # A statement may or may not be a PLOVER event: only the other classes say one.
        yield Example(str(record["text"]), origin, None if int(record["label"]) == 0 else 1)
    elif origin == "acled":
        plover, told = record.get("plover"), record.get("protest")
        protest = None if told is None else int(bool(told))
        if plover == []:
            yield Example(str(record["text"]), origin, 0, protest=protest)
        else:
            first = str(plover[0]).upper() if plover else None
            yield Example(str(record["text"]), origin, 1, first, protest=protest)
    elif origin == "police":
        labels = set(record.get("labels") or [])
        kill, arrest = int("KILL" in labels), int("ARREST" in labels)
        police = "ASSAULT" if kill else "COERCE" if arrest else None
        event = 1 if labels & {"KILL", "ARREST", "FORCE"} else None
        yield Example(str(record["text"]), origin, event, police, kill, arrest)


def read_examples(shared_events: Path, part: Part = "work") -> tuple[list[Example], str]:
    """The training sentences of ``part`` of every labelled DEV file under
    ``shared_events``, and the SHA-256 of the files read (in ``FILES`` order)."""
    examples: list[Example] = []
    digest = hashlib.sha256()
    for origin, name in FILES.items():
        path = shared_events / name
        if not path.is_file():
            raise InputError(str(path), "training file is missing")
        digest.update(path.read_bytes())
        for where, record in gold_records(path):
            try:
                if in_part(record, part):
                    examples.extend(_examples(origin, record))
            except (KeyError, TypeError, ValueError) as exc:
                raise InputError(where, f"not a {origin} record: {exc}") from exc
    return examples, digest.hexdigest()
