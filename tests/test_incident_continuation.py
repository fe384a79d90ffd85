"""An incident set beside an earlier one: the sentence right after the one that names
the other time, naming no time of its own, goes on telling that other incident (the
texts are the project's own)."""

from __future__ import annotations

import pytest

from eventwire.stages.factuality import HISTORICAL
from labelled_docs import factual_attacks, pipeline_doc

TEXT = (
    "A 9-year-old girl was wounded by a stray bullet Monday evening at a home in Dayton, "
    "Ohio.\n\n"
    "She was taken to a hospital and is expected to recover, police said.\n\n"
    "The shooting happened two blocks from a March 2014 shooting that left a teenager "
    "dead.\n\n"
    "A 15-year-old boy was shot in the chest and killed as he walked home from school."
)


def test_a_sentence_going_on_telling_an_earlier_incident_adds_no_dead() -> None:
    main = factual_attacks(pipeline_doc(TEXT, published="2016-07-26"))[0]
    assert not main.dead
    assert main.injured == 1


def test_the_earlier_incident_told_on_is_no_news_of_the_day() -> None:
    doc = pipeline_doc(TEXT, published="2016-07-26")
    told_on = [e for e in doc.events if e.type == "ASSAULT" and "15-year-old" in e.sentence]
    assert told_on
    assert all(HISTORICAL in e.contexts and e.date is None for e in told_on)


def test_the_main_attacks_own_sentence_goes_on_telling_the_incident() -> None:
    text = (
        "A man was shot and killed Monday night in Dayton, Ohio, near the corner where "
        "a woman was killed in 2014.\n\n"
        "Two other men were wounded in the shooting and taken to a hospital."
    )
    main = factual_attacks(pipeline_doc(text, published="2016-07-26"))[0]
    assert main.dead == 1
    assert main.injured == 2


@pytest.mark.parametrize("opening", ["Separately,", "In a separate development,"])
def test_a_sentence_opening_separately_tells_another_incident(opening: str) -> None:
    text = (
        "Israeli air strikes killed five people in Gaza City on Monday, medics said.\n\n"
        f"{opening} Israeli troops shot dead a man near Khan Younis, the army said."
    )
    attacks = factual_attacks(pipeline_doc(text, published="2026-03-10"))
    assert len(attacks) == 2
    assert sorted(e.dead or 0 for e in attacks) == [1, 5]
