"""An incident's toll leaves out sentences dated to another year (sentences are the
project's own)."""

from __future__ import annotations

from datetime import date
from typing import Any

from eventwire.coding.other_years import other_year
from eventwire.model import Document, RawDocument
from eventwire.stages.incidents import main_attack


def _run(text: str, title: str | None = None) -> Document:
    from eventwire.run.pipeline import default_pipeline

    raw = RawDocument(text=text, origin="<test>", title=title, published=date(2016, 3, 9))
    docs = default_pipeline().process_raw(raw)
    assert len(docs) == 1
    return docs[0]


def test_a_sentence_dated_to_another_year(nlp: Any) -> None:
    assert other_year(nlp("A June 2013 shooting on the same block left three men dead.")[:], 2016)
    assert not other_year(nlp("Two men were shot on March 7, 2016, in Dayton.")[:], 2016)
    assert not other_year(nlp("Two men were shot on Monday night in Dayton.")[:], 2016)


def test_another_years_toll_is_not_the_incidents(nlp: Any) -> None:
    doc = _run(
        "A 9-year-old girl was wounded by a stray bullet on Monday, March 7, 2016, "
        "inside her home in Dayton, Ohio.\n\n"
        "She was taken to a hospital and is expected to recover, police said.\n\n"
        "Neighbors said a June 2013 shooting on the same block left three men dead.",
        title="Girl wounded by stray bullet in Dayton",
    )
    main = main_attack(doc.events)
    assert main is not None, [(e.type, e.sentence) for e in doc.events]
    assert (main.dead or 0) == 0
    assert main.injured == 1
