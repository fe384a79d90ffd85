"""The parse stage: one parse per article, offsets into Document.text, repeats blanked."""

from __future__ import annotations

from typing import Any

from eventwire.model import Document, Span, Zone
from eventwire.stages.parse import masked_text, parse

TEXT = "Harbour Strike Ends\nHarbour Strike Ends\nDock workers returned to work on Monday."


def _doc() -> Document:
    doc = Document(text=TEXT, origin="<test>")
    first = TEXT.index("\n")
    second = TEXT.index("\n", first + 1)
    doc.spans = [
        Span(0, first, Zone.TITLE),
        Span(first + 1, second, Zone.NOISE),
        Span(second + 1, len(TEXT), Zone.BODY),
    ]
    return doc


def test_masking_keeps_offsets_and_blanks_noise() -> None:
    masked = masked_text(_doc())
    assert len(masked) == len(TEXT)
    assert masked.count("Harbour Strike Ends") == 1
    assert masked.endswith("Dock workers returned to work on Monday.")


def test_sentences_follow_lines_and_zones(nlp: Any) -> None:
    doc = parse(_doc())
    zones = [(s.zone, s.text) for s in doc.sentences]
    assert zones == [
        (Zone.TITLE, "Harbour Strike Ends"),
        (Zone.BODY, "Dock workers returned to work on Monday."),
    ]
    for sentence in doc.sentences:
        assert doc.text[sentence.start : sentence.end] == sentence.text
    token = next(t for t in doc.spacy_doc if t.text == "Monday")
    assert TEXT[token.idx : token.idx + len(token.text)] == "Monday"


def test_no_zones_means_the_whole_text_is_parsed(nlp: Any) -> None:
    doc = parse(Document(text="Officials met. They agreed.", origin="<test>"))
    assert [s.text for s in doc.sentences] == ["Officials met.", "They agreed."]
