"""Who does what a gerund after "for"/"of" says (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.coding.gerund_subjects import object_doer
from eventwire.model import Document

Coder = Callable[[str], Document]


@pytest.fixture(scope="module")
def code(code_whole: Coder) -> Coder:
    return code_whole


def _gerund(doc: Document, word: str) -> object:
    return next(t for t in doc.spacy_doc if t.text == word)


def test_the_object_does_what_it_is_praised_for(code: Coder) -> None:
    doc = code("Church leaders praised Chancellor Weber for pressing for the hostages' release.")
    doer = object_doer(_gerund(doc, "pressing"))
    assert doer is not None and doer.text == "Weber"
    requests = [e for e in doc.events if e.type == "REQUEST" and e.actor is not None]
    assert requests and all(e.actor.sector == "GOV" for e in requests)


def test_with_no_object_the_subject_does_it(code: Coder) -> None:
    doc = code("The police responded by arresting the protesters.")
    assert object_doer(_gerund(doc, "arresting")) is None
