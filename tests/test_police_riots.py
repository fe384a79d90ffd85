"""Riots as Indian news tells them (sentences written for these tests). Through every
stage: the police who fire on a mob or charge it answer the riot, and the dead told
without them ("killed in the violence") are not theirs; the dead told as the police's
or the firing's are. In the coding stages: a charge with canes is police force and no
killing, "riot hit areas" is no attack, and a toll in riots is no rioter."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Document, Event
from labelled_docs import factual_attacks

Coder = Callable[[str], Document]


@pytest.fixture(scope="module")
def code(code_whole: Coder) -> Coder:
    """Every default stage, as ``eventwire ingest`` stores the article."""
    return code_whole


def _police_kills(doc: Document) -> list[Event]:
    return [
        e
        for top in factual_attacks(doc)
        for e in (top, *top.retold)
        if e.actor is not None and e.actor.sector == "COP" and (e.dead or 0) >= 1
    ]


def _seen(doc: Document) -> list[tuple[str | None, str | None, int | None]]:
    return [(e.trigger, e.actor.text if e.actor else None, e.dead) for e in doc.events]


@pytest.mark.parametrize(
    ("text", "the_polices"),
    [
        (  # the dead of the violence are not the police firing's
            "the police opened fire on a rioting mob in the old city on tuesday. "
            "three persons were killed in the violence and 20 were injured.",
            False,
        ),
        (  # nor the dead of the clashes
            "policemen fired at the crowd that was stoning the bus depot. "
            "two youths died in the communal clashes that followed.",
            False,
        ),
        (  # nor the dead told without the police
            "policemen fired at the stone-pelting mob at the crossing. "
            "two persons were killed and six injured, officials said.",
            False,
        ),
        (  # the police as the source are not the killers
            "the police opened fire on the mob that stormed the market. "
            "three persons were killed in the stampede, police said.",
            False,
        ),
        (  # the dead of the police firing are the police's
            "the police opened fire on a rioting mob in the old city on tuesday. "
            "two youths were killed in the police firing.",
            True,
        ),
        (  # and so are the dead of the firing told again
            "the police opened fire on the mob that stormed the station. "
            "a youth was killed in the firing.",
            True,
        ),
        (  # and the dead of clashes with the police
            "the police opened fire on the stone-pelting mob near the mosque. "
            "four persons were killed in clashes with the police.",
            True,
        ),
        (  # firing on protesters is the incident itself: its toll is the police's
            "Police opened fire on marchers in the capital on Monday. "
            "Five people were killed and 20 injured, hospital officials said.",
            True,
        ),
        (  # a shot told beside firing on a crowd is the police's
            "Officers fired on a crowd that had gathered outside the depot. "
            "A teenager was shot dead.",
            True,
        ),
    ],
)
def test_whose_dead_the_riots_are(code: Coder, text: str, the_polices: bool) -> None:
    doc = code(text)
    assert bool(_police_kills(doc)) is the_polices, _seen(doc)


def test_the_dead_of_the_violence_stay_with_a_mob_attack(code: Coder) -> None:
    doc = code(
        "a mob attacked the residents with swords on sunday. "
        "five persons were killed in the violence."
    )
    attacks = factual_attacks(doc)
    assert attacks and attacks[0].dead == 5, _seen(doc)


@pytest.fixture(scope="module")
def code_events(code_as_evaluated: Coder) -> Coder:
    """The evaluation's coding stages."""
    return code_as_evaluated


@pytest.mark.parametrize(
    "text",
    [
        "police lathicharged the mob near the bus stand on monday.",
        "the police lathi-charged the students outside the college.",
        "the policemen caned the protesters outside the collectorate.",
    ],
)
def test_a_charge_with_canes_is_police_force_and_no_killing(code_events: Coder, text: str) -> None:
    doc = code_events(text)
    force = [e for e in factual_attacks(doc) if e.actor is not None and e.actor.sector == "COP"]
    assert force and all(e.dead is None for e in force), _seen(doc)


@pytest.mark.parametrize(
    "text",
    [
        "curfew was clamped in the riot hit areas of the old city.",
        "army columns staged a flag march in the violence hit localities.",
    ],
)
def test_a_place_hit_by_a_riot_is_no_attack(code_events: Coder, text: str) -> None:
    doc = code_events(text)
    assert not [e for e in doc.events if e.trigger == "hit"], _seen(doc)


@pytest.mark.parametrize(
    "text",
    [
        "by sunday the toll from the week of rioting had risen to 15.",
        "The toll in the clashes between police and students climbed to nine.",
    ],
)
def test_the_toll_of_the_riots_is_no_riot_done_by_the_toll(code_events: Coder, text: str) -> None:
    doc = code_events(text)
    assert not [e for e in doc.events if e.actor is not None and "toll" in e.actor.text], _seen(doc)


def test_the_riots_a_toll_counts_keep_their_sides(code_events: Coder) -> None:
    doc = code_events("The toll in the clashes between police and students climbed to nine.")
    assert {e.actor.sector for e in doc.events if e.actor is not None} == {"COP", "EDU"}, _seen(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers deployed in the region killed civilians on Friday.",
        "Gunmen linked to the cartel killed police officers in an ambush.",
        "Troops sent to the area arrested opposition leaders.",
    ],
)
def test_a_verb_after_a_reduced_relative_is_no_adjective(code_events: Coder, text: str) -> None:
    doc = code_events(text)
    acts = [e for e in doc.events if e.type in ("ASSAULT", "COERCE") and e.trigger != "deployed"]
    assert acts and all(e.actor is not None for e in acts), _seen(doc)
    assert all(e.actor.sector in ("MIL", "UAF") for e in acts if e.actor), _seen(doc)


def test_police_fire_to_disperse_a_mob_leaves_the_dead_to_the_incident(code: Coder) -> None:
    doc = code(
        "the police opened fire to disperse the mob at the crossing on monday. "
        "two persons were killed and six injured."
    )
    assert not _police_kills(doc), _seen(doc)


def test_a_police_shooting_of_one_man_keeps_its_dead(code: Coder) -> None:
    doc = code(
        "officers shot a man who pointed a rifle at them on monday night. "
        "the man died at the hospital early on tuesday."
    )
    assert _police_kills(doc), _seen(doc)


def test_the_hurt_of_a_charge_told_again_are_the_charges(code: Coder) -> None:
    doc = code(
        "the police lathicharged the mob outside the depot on monday. "
        "ten persons were injured in the lathi-charge."
    )
    force = [e for e in factual_attacks(doc) if e.actor is not None and e.actor.sector == "COP"]
    assert force and force[0].injured == 10, _seen(doc)
