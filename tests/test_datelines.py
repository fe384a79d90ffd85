"""A wire story's dateline is no party to its news (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.coding.datelines import dateline_subject, dateline_tokens
from eventwire.model import Document, Event

Coder = Callable[[str], Document]


@pytest.fixture(scope="module")
def code(code_whole: Coder) -> Coder:
    return code_whole


def _events(doc: Document, type_: str) -> list[Event]:
    return [e for e in doc.events if e.type == type_]


def _dateline_words(doc: Document) -> list[str]:
    spacy_doc = doc.spacy_doc
    return [spacy_doc[i].text for i in sorted(dateline_tokens(spacy_doc))]


def test_a_dateline_with_its_region_and_agency(code: Coder) -> None:
    doc = code("MILLTOWN, Ky. (WXYZ) - A Barren County woman was arrested after a robbery.")
    assert _dateline_words(doc) == ["MILLTOWN", ",", "Ky.", "(", "WXYZ", ")", "-"]
    arrests = _events(doc, "COERCE")
    assert arrests and all(e.recipient is not None for e in arrests)
    assert {(e.recipient.country, e.recipient.sector) for e in arrests if e.recipient} == {
        ("USA", "CVL")
    }


def test_a_dateline_with_no_mark_is_no_part_of_the_subject(code: Coder) -> None:
    doc = code("WASHINGTON Maria Delgado, a retired teacher, criticized the school board.")
    assert _dateline_words(doc) == ["WASHINGTON"]
    accusers = [e.actor for e in _events(doc, "ACCUSE") if e.actor is not None]
    assert accusers and all(a.sector != "GOV" for a in accusers)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "ACCRA, March 3 (Wire) - Ghanaian police arrested two journalists on Tuesday.",
            ["ACCRA", ",", "March", "3", "(", "Wire", ")", "-"],
        ),
        (
            "ACCRA, Ghana, Sept. 14, 2021 (Wire) - Ghanaian police arrested two journalists.",
            ["ACCRA", ",", "Ghana", ",", "Sept.", "14", ",", "2021", "(", "Wire", ")", "-"],
        ),
        (
            "ACCRA, Dec. 2 (Wire) - Ghanaian police arrested two journalists.",
            ["ACCRA", ",", "Dec.", "2", "(", "Wire", ")", "-"],
        ),
    ],
)
def test_a_dateline_with_its_filing_day_keeps_the_actor(
    code: Coder, text: str, words: list[str]
) -> None:
    doc = code(text)
    assert _dateline_words(doc) == words
    arrests = _events(doc, "COERCE")
    assert arrests and all(e.actor is not None for e in arrests)
    assert {(e.actor.country, e.actor.sector) for e in arrests if e.actor} == {("GHA", "COP")}


def test_the_subject_behind_a_dateline(code: Coder) -> None:
    doc = code("DENVER, Colorado A local union leader was arrested on Friday.")
    assert _dateline_words(doc) == ["DENVER", ",", "Colorado"]
    assert dateline_subject(doc.spacy_doc[0]).text == "leader"
    assert dateline_subject(doc.spacy_doc[6]).text == "leader"  # no dateline: itself


def test_capitals_that_are_no_dateline(code: Coder) -> None:
    assert _dateline_words(code("AN Oakville man was arrested on Friday.")) == []
    assert _dateline_words(code("PRIMARY school pupils marched through the town.")) == []
    assert _dateline_words(code("NATO said on Monday it would send more ships.")) == []
    assert _dateline_words(code("NATO, May 3 - Alliance ministers condemned the raid.")) == []


def test_a_lower_case_dateline(code: Coder) -> None:
    doc = code("surat: police arrested twelve persons for rioting in the old city on monday.")
    assert _dateline_words(doc) == ["surat", ":"]
    arrests = _events(doc, "COERCE")
    assert [e.actor.text if e.actor else None for e in arrests] == ["police"]
    doc = code("new delhi: the home ministry asked the state to send more police to the city.")
    assert _dateline_words(doc) == ["new", "delhi", ":"]
    # not in a cased article, nor a word that names no place
    assert _dateline_words(code("Surat: police arrested twelve persons on Monday.")) == []
    doc = code("update: police arrested twelve persons for rioting in the old city on monday.")
    assert _dateline_words(doc) == []
    # an English word that is also a town is no lower-case dateline
    doc = code("reading: police arrested twelve persons for rioting in the old city on monday.")
    assert _dateline_words(doc) == []
