"""Session 25: the victims a casualty statement names did not kill ("The attack left one
officer dead": no police killing), a "left X dead and Y wounded" toll is the toll of
the event that left it (one event, not a second attack on the wounded), and an
apposition giving the victims' ages adds no victims ("Two women, ages 30 and 64"). The
sentences are the project's own."""

from __future__ import annotations

from labelled_docs import pipeline_doc


def _attacks(text: str) -> list:
    doc = pipeline_doc(text, published="2026-03-10")
    return [e for e in doc.events if e.type == "ASSAULT" and e.factual]


def test_an_officer_left_dead_is_no_killer() -> None:
    attacks = _attacks("The attack left one officer dead in the town on Sunday.")
    assert len(attacks) == 1
    actor = attacks[0].actor
    assert actor is None or actor.sector != "COP"


def test_police_who_shot_the_attacker_still_kill() -> None:
    attacks = _attacks(
        "The attack left one officer dead on Sunday before police shot and killed the attacker."
    )
    assert any(e.actor is not None and e.actor.sector == "COP" and e.dead for e in attacks)
    assert not any(
        e.actor is not None and e.actor.text.lower().startswith("one officer") for e in attacks
    )


def test_the_wounded_left_by_an_attack_are_its_toll() -> None:
    attacks = _attacks(
        "The attack left one officer dead and three people wounded in the town on Sunday."
    )
    assert len(attacks) == 1
    assert (attacks[0].dead, attacks[0].injured) == (1, 3)


def test_ages_in_apposition_add_no_victims() -> None:
    attacks = _attacks("Two women, ages 30 and 64, were wounded in a shooting on Sunday.")
    assert attacks and max(e.injured or 0 for e in attacks) == 2


def test_a_part_shot_fatally_is_dead_the_rest_injured() -> None:
    attacks = _attacks("Three people were shot, two fatally, in a park on Saturday, police said.")
    assert len(attacks) == 1
    assert (attacks[0].dead, attacks[0].injured) == (2, 1)


def test_a_part_of_them_shot_fatally() -> None:
    attacks = _attacks("Five people were shot, two of them fatally, outside a bar on Sunday.")
    assert attacks and (attacks[0].dead, attacks[0].injured) == (2, 3)
