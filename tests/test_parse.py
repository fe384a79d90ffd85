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


def test_hard_wrapped_sentences_are_not_split_at_line_breaks() -> None:
    from eventwire.stages.clean import clean
    from eventwire.stages.parse import parse

    text = (
        "Bridge Reopens After Repairs\n\n"
        "Engineers reopened the old stone bridge over the Alder river in Riverton on\n"
        "Tuesday after eight months of repairs, the regional transport office said in a\n"
        "statement. Protesters blocked the road to the bridge for two hours on Monday,\n"
        "police said.\n"
        "Traffic was light.\n"
    )
    doc = parse(clean(Document(text=text, origin="wrapped")))
    texts = [sentence.text for sentence in doc.sentences]
    assert texts[0] == "Bridge Reopens After Repairs"
    assert texts[1].startswith("Engineers") and texts[1].endswith("in a\nstatement.")
    assert (
        texts[2]
        == "Protesters blocked the road to the bridge for two hours on Monday,\npolice said."
    )
    assert texts[3] == "Traffic was light."
    for sentence in doc.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
