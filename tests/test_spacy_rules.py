"""The array forms of spaCy's attribute ruler and lemmatizer give spaCy's own annotations."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.stages.parse import MODEL_NAME
from eventwire.stages.spacy_rules import AttributeRules, Lemmas, UnsupportedPattern

# Text written for this test: the tag map, pronouns and possessives, auxiliaries and
# their contractions, "there is", the two-token exceptions ("gonna", "let's", "y'all"),
# the regex ones ("ain't", "nothin'"), runs of spaces and line breaks, odd symbols.
TEXTS = [
    "The ministers of both countries met in Geneva on Monday, and they said it wasn't over.",
    "She'd have gone if he'd asked her; I'm sure we've done what's needed, haven't we?",
    "There is a protest, there are two more, and there's been talk of a third.",
    "Y'all gonna let's go, ain't it? C'mon, gotta see 'em. Nothin' doin', ol' friend.",
    "He can't, she won't and they shan't: it'd be somethin' if anyone did anything.",
    "Police   arrested 12 people\n\nin  Lagos.\n  The army, which had\tfired, denied it.",
    "Myself, yourself, himself, herself, itself, ourselves, themselves; mine, his, hers.",
    "GUNMEN KILLED 3 @ 9pm -- #breaking (AFP) 50% of $20m ... ??? !!",
    "",
    "   ",
]


@pytest.fixture(scope="module")
def pair() -> tuple[Any, Any]:
    import spacy

    from eventwire.stages.parse import load_nlp

    fast = load_nlp()
    ref = spacy.load(MODEL_NAME, vocab=fast.vocab)
    ref.add_pipe("eventwire_line_breaks", before="parser")
    return fast, ref


def test_the_pipeline_uses_the_array_forms(pair: tuple[Any, Any]) -> None:
    fast, _ = pair
    assert "attribute_ruler_arrays" in fast.pipe_names
    assert "lemmatizer_arrays" in fast.pipe_names
    assert "attribute_ruler" not in fast.pipe_names
    assert "lemmatizer" not in fast.pipe_names


def test_same_annotations_as_spacy(pair: tuple[Any, Any]) -> None:
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, SENT_START, TAG

    fast, ref = pair
    attrs = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, SENT_START]
    for ours, theirs in zip(fast.pipe(TEXTS), ref.pipe(TEXTS), strict=True):
        got = [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in ours]
        want = [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in theirs]
        assert got == want
        assert (ours.to_array(attrs) == theirs.to_array(attrs)).all()


def test_spot_checks(pair: tuple[Any, Any]) -> None:
    fast, _ = pair
    doc = fast("There's a man. Y'all gonna go.")
    words = {t.text: t for t in doc}
    assert words["'s"].pos_ == "VERB"  # "there is": a verb, not an auxiliary
    assert words["'s"].lemma_ == "be"
    assert words["na"].lemma_ == "to"  # "gonna": the second token of two
    assert words["man"].lemma_ == "man"


def test_unsupported_patterns_are_refused(pair: tuple[Any, Any]) -> None:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"POS": "DET"})
    with pytest.raises(UnsupportedPattern):
        AttributeRules(ruler)
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    with pytest.raises(UnsupportedPattern):
        Lemmas(lemmatizer)
