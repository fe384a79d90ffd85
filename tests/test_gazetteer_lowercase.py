"""Place names in an article written all in lower case (gazetteer/lowercase.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.gazetteer.lowercase import english_word, is_lowercase_text
from eventwire.model import Document

Coder = Callable[[str], Document]

LOWER = (
    "ahmedabad: the police arrested 14 persons for rioting in the walled city on "
    "monday. a curfew was clamped in godhra after a mob set two shops on fire near "
    "the bus stand."
)


def test_an_article_all_in_lower_case_is_told_apart() -> None:
    assert is_lowercase_text(LOWER)
    cased = "Ahmedabad: The police arrested 14 persons in Godhra on Monday. A curfew was set."
    assert not is_lowercase_text(cased)
    assert not is_lowercase_text("too short to tell")
    # a few capitals (an acronym) leave a long article lower-case
    assert is_lowercase_text(" ".join([LOWER] * 3) + " the BJP said.")


def test_the_english_lexicon_holds_common_words_not_foreign_towns() -> None:
    assert english_word("reading")
    assert english_word("split")
    assert not english_word("godhra")


def test_places_are_found_in_a_lower_case_article(code_whole: Coder) -> None:
    doc = code_whole(LOWER)
    names = {p.name for p in doc.places}
    assert {"Ahmedabad", "Godhra"} <= names, names
    arrest = next(e for e in doc.events if e.type == "COERCE" and e.mode == "arrest")
    assert arrest.place is not None and arrest.place.country_code == "IN"


def test_a_great_city_that_is_an_english_word_is_found(code_whole: Coder) -> None:
    text = (
        "mumbai: the police arrested 14 persons for rioting on monday, and two more were "
        "held in lucknow after a clash near the main market."
    )
    names = {p.name for p in code_whole(text).places}
    assert {"Mumbai", "Lucknow"} <= names, names


@pytest.mark.parametrize(
    ("text", "not_places"),
    [
        (  # verbs
            "the police said the accused was reading a newspaper at a tea stall when he "
            "was arrested in ahmedabad on monday, and that the gang would split the money.",
            {"Reading", "Split"},
        ),
        (  # nouns
            "the police arrested two persons near the buffalo market after a brawl at the "
            "bath house on monday, and seized a mobile phone from them in ahmedabad.",
            {"Buffalo", "Bath", "Mobile"},
        ),
    ],
)
def test_a_common_word_is_no_town_in_a_lower_case_article(
    code_whole: Coder, text: str, not_places: set[str]
) -> None:
    names = {p.name for p in code_whole(text).places}
    assert "Ahmedabad" in names
    assert not names & not_places, names


def test_a_lower_case_place_entity_is_kept_but_not_a_common_word(nlp: object) -> None:
    from spacy.tokens import Span as SpacySpan

    from eventwire.gazetteer import Gazetteer
    from eventwire.gazetteer.mentions import entity_mentions
    from eventwire.model import Span, Zone
    from eventwire.stages.parse import parse

    text = (
        "the police said naroda remained tense on friday, and that reading the riot act "
        "to the mob had not helped before the curfew was clamped."
    )
    doc = parse(Document(text=text, origin="<test>", spans=[Span(0, len(text), Zone.BODY)]))
    spacy_doc = doc.spacy_doc
    words = [t.i for t in spacy_doc if t.text in ("naroda", "reading")]
    spacy_doc.ents = [SpacySpan(spacy_doc, i, i + 1, label="GPE") for i in words]
    mentions, _ = entity_mentions(doc, Gazetteer.load(), set())
    assert [text[m.start : m.end] for m in mentions] == ["naroda"]
