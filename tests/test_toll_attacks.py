"""The attack an article tells only through its toll (``stages/attacks.py``): a death
tells an attack where the article names an attack, a firearm or a killing, not where it
names none, names only a topic ("a gun law") or gives the death a natural cause (the
texts are the project's own)."""

from __future__ import annotations

from eventwire.model import Document, Event
from labelled_docs import pipeline_doc


def _attacks(doc: Document) -> list[Event]:
    return [e for e in doc.events if e.type == "ASSAULT" and e.factual]


def test_a_death_of_illness_tells_no_attack() -> None:
    text = "The former mayor died of cancer at a hospital in Dayton on Friday, his family said."
    assert _attacks(pipeline_doc(text)) == []


def test_a_death_in_an_article_that_names_a_firearm_tells_an_attack() -> None:
    text = (
        "A 16-year-old boy died Sunday at a hospital in Dayton, police said.\n\n"
        "The handgun belonged to his uncle, detectives said."
    )
    attacks = _attacks(pipeline_doc(text))
    assert [e.dead for e in attacks] == [1]


def test_a_death_in_an_article_that_names_a_killing_tells_an_attack() -> None:
    text = (
        "A 16-year-old boy died Sunday at a hospital in Dayton, police said.\n\n"
        "Detectives are treating the death as a homicide."
    )
    attacks = _attacks(pipeline_doc(text))
    assert [e.dead for e in attacks] == [1]


def test_arms_in_the_news_and_a_death_of_old_age_tell_no_attack() -> None:
    text = (
        "The government agreed to sell weapons to its neighbour on Tuesday.\n\n"
        "The former defence minister died on Monday at the age of 97, his family said."
    )
    assert _attacks(pipeline_doc(text)) == []


def test_a_gun_law_or_a_murder_trial_names_no_attack() -> None:
    law = (
        "Lawmakers passed a new gun law on Tuesday.\n\n"
        "The senator who wrote it died on Sunday, his office said."
    )
    trial = (
        "The murder trial of a former minister opened in the capital on Monday.\n\n"
        "The judge's father died last week, the court said."
    )
    assert _attacks(pipeline_doc(law)) == []
    assert _attacks(pipeline_doc(trial)) == []


def test_a_death_of_illness_in_an_article_that_names_a_killing_tells_no_attack() -> None:
    text = (
        "Detectives reopened a homicide from 1990 on Monday.\n\n"
        "The lead detective on the case died of cancer on Sunday, the police said."
    )
    assert _attacks(pipeline_doc(text)) == []


def test_a_death_in_an_industrial_blast_tells_no_attack() -> None:
    text = (
        "A welder was killed and two workers were hurt on Thursday when a boiler exploded "
        "at a paper mill outside the town, the company said."
    )
    assert _attacks(pipeline_doc(text)) == []
