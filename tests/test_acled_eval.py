"""The ACLED snippet evaluation: scores, and the WORK misses it lists (with a stand-in
coder, so no model is loaded)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.evaluate.news import evaluate_acled
from eventwire.model import Event, RawDocument

# snip-0, snip-1 and snip-3 fall in the WORK part, snip-2 in the SET-ASIDE part.
RECORDS = [
    {"id": "snip-0", "text": "Villagers marched to the town hall.", "subtype": "PEACE_PROTEST",
     "acled_event_type": "Protests", "plover": ["PROTEST"], "protest": True},
    {"id": "snip-1", "text": "Rebels shelled the garrison town.", "subtype": "ART_MISS_ATTACK",
     "acled_event_type": "Explosions/Remote violence", "plover": ["ASSAULT"], "protest": False},
    {"id": "snip-3", "text": "A landslide buried six houses.", "subtype": "NATURAL_DISASTER",
     "acled_event_type": None, "plover": [], "protest": False},
    {"id": "snip-2", "text": "Traders shut their shops.", "subtype": "PEACE_PROTEST",
     "acled_event_type": "Protests", "plover": ["PROTEST"], "protest": True},
]  # fmt: skip


def _coder(raw: RawDocument) -> list[Event]:
    """Codes every snippet as a factual ASSAULT: right for the shelling only."""
    return [Event("ASSAULT", raw.text, 0, len(raw.text), trigger="x", confidence=0.8)]


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    path = tmp_path / "acled.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), "utf-8")
    return path


def test_work_misses_are_listed_by_acled_type(gold: Path) -> None:
    scores = evaluate_acled(gold, part="work", coder=_coder, keep_misses=True)
    assert scores.snippets == 3
    assert scores.groups == {"Protests": [0, 1], "Explosions/Remote violence": [1, 1]}
    misses = {m.snippet_id: m for m in scores.misses}
    assert set(misses) == {"snip-0", "snip-3"}
    assert misses["snip-0"].why == "protest missed, top-1"
    assert misses["snip-0"].coded == ("ASSAULT 0.80 factual 'x'",)
    assert misses["snip-3"].group == "Disasters"
    listed = "\n".join(scores.misses_section().notes)
    assert "[Protests / PEACE_PROTEST] snip-0" in listed


def test_misses_are_not_kept_unless_asked(gold: Path) -> None:
    assert evaluate_acled(gold, part="work", coder=_coder).misses == []


def test_the_set_aside_part_lists_no_misses(gold: Path) -> None:
    with pytest.raises(InputError):
        evaluate_acled(gold, part="set-aside", coder=_coder, keep_misses=True)
