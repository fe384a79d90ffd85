"""Protest told by what the protesters do (walking the streets, downed tools, closed
shops, bandhs, dharnas, gheraos, memoranda): coded PROTEST, and the same words in other
senses not."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Document
from eventwire.stages.detector_sentences import _cue_lemmas

Coder = Callable[[str], Document]


def _types(doc: Document) -> list[tuple[str, str | None]]:
    return [(e.type, e.mode) for e in doc.events if e.factual]


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Crowds of students walked the streets of the capital on Friday.", "demo"),
        ("The nurses downed tools on Tuesday over pay.", "strike"),
        ("Shopkeepers in the old town shut down their shops on Monday.", "strike"),
        ("The trade unions called a bandh in the state.", "strike"),
        ("Hundreds of farmers held a dharna outside the revenue office.", "demo"),
        ("Parents of the pupils submitted a memorandum to the education officer.", "demo"),
        ("Environmental activists staged a die-in at the shopping mall.", "demo"),
    ],
)
def test_protest_told_by_what_protesters_do(code: Coder, text: str, mode: str) -> None:
    assert ("PROTEST", mode) in _types(code(text))


@pytest.mark.parametrize(
    "text",
    [
        "Visitors walked the streets of the old harbour at dusk.",
        "The city council shut down the night market for repairs.",
        "The lawyers submitted a petition to the high court seeking bail.",
        "The finance minister presented the budget to the assembly.",
        "A funeral procession moved slowly through the village.",
    ],
)
def test_same_words_in_other_senses_are_no_protest(code: Coder, text: str) -> None:
    assert not any(kind == "PROTEST" for kind, _ in _types(code(text)))


def test_common_words_are_no_cues() -> None:
    """A sentence is not embedded for a word as common as "in" or "down" alone."""
    cues = _cue_lemmas()
    assert "in" not in cues and "down" not in cues
    assert "bandh" in cues and "dharna" in cues
