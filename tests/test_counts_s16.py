"""Casualty counts of session 16: hurt listed clause by clause, shots in a limb, the
attack's own "was shot" as a hit, attacks told by a gunshot wound, a shooting accident
or an accusation (the sentences are the project's own)."""

from __future__ import annotations

from datetime import date
from typing import Any

from eventwire.coding.tolls import sentence_figures, statements
from eventwire.evaluate.casualties import main_event
from eventwire.model import Event, RawDocument


def _figures(nlp: Any, sentence: str) -> tuple[int, int, int]:
    doc = nlp(sentence)
    made = sentence_figures(statements(doc[:]))
    return made.dead, made.hurt, made.hit


def _main(text: str, title: str | None = None) -> Event | None:
    from eventwire.run.pipeline import default_pipeline

    raw = RawDocument(text=text, origin="<test>", title=title, published=date(2016, 3, 7))
    docs = default_pipeline().process_raw(raw)
    return main_event([e for doc in docs for e in doc.events])


def test_hurt_listed_clause_by_clause_add_up(nlp: Any) -> None:
    sentence = (
        "One man is dead, two people are listed in critical condition and three are "
        "being treated for minor wounds after the shooting at the bar."
    )
    assert _figures(nlp, sentence) == (1, 5, 0)


def test_hurt_in_one_clause_do_not_add_up(nlp: Any) -> None:
    # one clause, one group of victims: the largest figure stands
    assert _figures(nlp, "Three people were wounded and taken to a hospital.")[1:] in (
        (3, 0),
        (0, 3),
    )


def test_a_shot_in_a_limb_is_a_hurt_who_lived(nlp: Any) -> None:
    assert _figures(nlp, "The clerk was shot in the leg.") == (0, 1, 0)
    assert _figures(nlp, "The boy shot himself in the hand.") == (0, 1, 0)
    # elsewhere the one shot may be among the dead the article counts
    assert _figures(nlp, "The clerk was shot in the parking lot.") == (0, 0, 1)


def test_the_attacks_own_shot_victim_may_be_its_dead() -> None:
    event = _main(
        "A hunter was shot near a campground in the hills on Sunday morning. "
        "One person is dead after the shooting, the sheriff said.",
        title="Hunter shot near campground",
    )
    assert event is not None
    assert (event.dead, event.injured) == (1, 0)


def test_a_shot_in_a_limb_beside_the_dead_is_another_victim() -> None:
    event = _main(
        "A woman was shot and killed on Sunday as she sat in her car in Dover. "
        "Her passenger was shot in the leg, police said."
    )
    assert event is not None
    assert (event.dead, event.injured) == (1, 1)


def test_a_death_from_a_gunshot_wound_is_an_attack() -> None:
    event = _main(
        "A 9-year-old boy has died after he suffered a gunshot wound at his home on "
        "Friday. He was taken to a children's hospital, where he was pronounced dead."
    )
    assert event is not None
    assert (event.dead, event.injured) == (1, 0)


def test_a_shooting_accident_is_still_a_shooting() -> None:
    event = _main(
        "A man was fatally shot in the chest in a hunting accident near Elmira on "
        "Saturday, the sheriff said."
    )
    assert event is not None
    assert event.dead == 1


def test_an_attack_someone_is_accused_of_still_tells_its_victims() -> None:
    event = _main(
        "A teenager accused of fatally shooting his cousin appeared in court on Monday. "
        "The judge set bail at one million dollars."
    )
    assert event is not None
    assert event.dead == 1
