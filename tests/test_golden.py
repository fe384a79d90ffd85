"""Golden-file test of the whole pipeline on the sample dump shipped with eventwire.

When a deliberate change alters the output, regenerate the golden file with
``EVENTWIRE_UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path

import eventwire
from eventwire.export.event_records import document_record

GOLDEN = Path(__file__).parent / "golden" / "sample_dump.json"


def test_sample_dump_matches_golden_file() -> None:
    sample = resources.files("eventwire") / "data" / "sample_dump.txt"
    with resources.as_file(sample) as path:
        docs = eventwire.process_dump(path)
    for doc in docs:
        doc.origin = Path(doc.origin).name  # the install path differs between machines
    actual = [document_record(doc) for doc in docs]
    if os.environ.get("EVENTWIRE_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", "utf-8")
    expected = json.loads(GOLDEN.read_text("utf-8"))
    assert actual == expected
