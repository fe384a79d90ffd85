"""A toll summed up over a long stretch in the present perfect ("have been killed since
the war began", "the conflict has killed thousands", "have died in the unrest this
year") is the past recalled: its event is "historical" (left out of the default
listing), and no attack is built from its bare toll. A toll of the incident itself
("have been killed since Friday") stays news. The sentences are the project's own."""

from __future__ import annotations

import pytest

from eventwire.stages.factuality import HISTORICAL
from labelled_docs import pipeline_doc


def _listed_attacks(text: str, published: str = "2026-03-10") -> list[str]:
    doc = pipeline_doc(text, published=published)
    return [
        e.sentence
        for e in doc.events
        if e.type == "ASSAULT" and e.factual and HISTORICAL not in e.contexts
    ]


@pytest.mark.parametrize(
    "tally",
    [
        "More than 80,000 people have been killed since the civil war broke out in 2019.",
        "The insurgency has killed more than 6,000 people since 2012, officials say.",
        "Nearly 300 people have been killed in the communal unrest since June last year.",
        "More than 1,200 people have been killed in attacks by bandits in the state this "
        "year, the group said.",
        "The conflict has killed tens of thousands of people and uprooted millions.",
        "Some 400 people have died in the fighting since January, the agency said.",
        "Hundreds of people have died since the war began in 2021.",
    ],
)
def test_a_background_tally_lists_no_attack(tally: str) -> None:
    text = (
        f"Militants ambushed an army convoy in the north on Sunday, killing four soldiers. {tally}"
    )
    listed = _listed_attacks(text)
    assert listed and all(tally not in sentence for sentence in listed)


@pytest.mark.parametrize(
    "toll",
    [
        "At least 14 people have been killed since Saturday in the clashes between the two groups.",
        "Nine people have died since the attack on Sunday, hospital officials said.",
        "At least 14 people have been killed since March 2 in the clashes, police said.",
    ],
)
def test_a_toll_of_the_incident_stays_news(toll: str) -> None:
    assert any(toll[:20] in sentence for sentence in _listed_attacks(toll))


def test_a_month_counts_as_long_ago_only_well_before_publication() -> None:
    tally = "At least 40 people have been killed in the clashes since January, police said."
    assert not any(tally[:20] in s for s in _listed_attacks(tally, published="2026-03-10"))
    assert any(tally[:20] in s for s in _listed_attacks(tally, published="2026-01-20"))


@pytest.mark.parametrize(
    "tally",
    [
        "More than 80,000 people have been killed since the civil war broke out in 2019.",
        "The insurgency has killed more than 6,000 people since 2012, officials say.",
        "Hundreds of people have died since the war began in 2021.",
    ],
)
def test_a_tally_alone_makes_no_attack_from_its_toll(tally: str) -> None:
    assert _listed_attacks(tally) == []


def test_a_background_tally_takes_no_day_from_the_start_of_its_period() -> None:
    from datetime import date

    from eventwire.model import RawDocument
    from eventwire.run.pipeline import default_pipeline

    raw = RawDocument(
        text="More than 900 people have been killed in the unrest since June last year.",
        origin="<test>",
        published=date(2026, 3, 10),
    )
    events = [e for doc in default_pipeline().process_raw(raw) for e in doc.events]
    tallies = [e for e in events if e.type == "ASSAULT"]
    assert tallies and all(e.date is None for e in tallies)
