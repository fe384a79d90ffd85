"""The parsed text joined once: slices equal spaCy's own span texts."""

from __future__ import annotations

import gc

import spacy

from eventwire.coding import parsed_text as module
from eventwire.coding.parsed_text import parsed_text, text_between

TEXT = "The  Red Cross (ICRC) said,\n\n  on Monday: 12 aid workers  left Kabul . "


def test_text_between_is_the_span_text() -> None:
    doc = spacy.blank("en")(TEXT)
    for first in range(len(doc)):
        for last in range(first, len(doc)):
            assert text_between(doc[first], doc[last]) == doc[first : last + 1].text


def test_the_text_is_joined_once_and_forgotten_with_its_doc() -> None:
    nlp = spacy.blank("en")
    doc = nlp(TEXT)
    assert parsed_text(doc) == doc.text
    assert parsed_text(doc) is parsed_text(doc)  # the remembered string
    assert parsed_text(nlp("Another text.")) == "Another text."
    del doc
    gc.collect()
    assert all(key.text != TEXT for key in module._TEXTS)
