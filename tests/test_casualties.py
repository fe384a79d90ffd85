"""Casualties: a toll counts for an attack, not for any event in its sentence."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Document

Coder = Callable[[str], Document]


def test_a_toll_is_not_counted_for_a_curfew_lifted(code: Coder) -> None:
    doc = code("The governor lifted the curfew in the city where three protesters were killed.")
    concede = next(e for e in doc.events if e.type == "CONCEDE")
    assert concede.dead is None


def test_a_toll_told_with_its_attack_is_counted(code: Coder) -> None:
    doc = code("Five soldiers were wounded as insurgents shelled the base.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.injured == 5


def _police_kills(doc: Document) -> list[tuple[str | None, int | None]]:
    return [
        (e.actor.sector if e.actor else None, e.dead)
        for e in doc.events
        if e.type == "ASSAULT" and e.factual
    ]


def test_deaths_in_police_firing_are_an_attack_by_the_police(code: Coder) -> None:
    doc = code("surat: officials said 14 people have died in police firing since the riots began.")
    assert ("COP", 14) in _police_kills(doc)


def test_deaths_that_succumbed_to_firing_name_its_attacker(code: Coder) -> None:
    doc = code("rajkot: of the 12 that succumbed to the police firing, five were students.")
    assert ("COP", 12) in _police_kills(doc)


def test_deaths_with_no_attacker_named_are_no_attack(code: Coder) -> None:
    doc = code("rajkot: two persons died in the stampede near the temple gate.")
    assert _police_kills(doc) == []


def test_an_accident_told_through_its_toll_is_no_attack(code: Coder) -> None:
    # The factuality stage drops an accident's events; the toll alone must not bring
    # one back as an attack.
    for text in (
        "A woman was shot dead in a hunting accident near the lake on Sunday, the sheriff said.",
        "Two men were killed in a crash on the highway on Sunday, police said.",
    ):
        assert not [e for e in code(text).events if e.type == "ASSAULT"], text


def test_killed_by_hand_to_death_is_counted(code: Coder) -> None:
    for text, dead in (
        ("Three traders were stabbed to death in the bazaar on Sunday.", 3),
        ("A watchman was beaten to death by robbers.", 1),
        ("Two farmers were hacked to death by a gang armed with sickles.", 2),
    ):
        attacks = [e for e in code(text).events if e.type == "ASSAULT" and e.factual]
        assert [e.dead for e in attacks] == [dead], text


def test_no_death_from_a_sentence_or_a_death_told_as_a_cause(code: Coder) -> None:
    doc = code("Three men were arrested over the death of a student.")
    arrest = next(e for e in doc.events if e.type == "COERCE")
    assert (arrest.dead, arrest.arrested) == (None, 3)
    for text in ("Two militants were sentenced to death.", "A porter was beaten nearly to death."):
        assert all(not e.dead for e in code(text).events), text


def test_coordinated_victims_of_one_event_add_up(code: Coder) -> None:
    doc = code("A man, two women and a small child were killed.")
    assert [e.dead for e in doc.events if e.type == "ASSAULT"] == [4]


def test_coordinated_arrests_add_up(code: Coder) -> None:
    doc = code("Police arrested three men and two women in the raid.")
    assert [e.arrested for e in doc.events if e.type == "COERCE"] == [5]


def test_an_event_per_coordinated_recipient_counts_its_own_part(code: Coder) -> None:
    doc = code("Gunmen killed three soldiers and two villagers.")
    counts = {e.recipient.text: e.dead for e in doc.events if e.recipient is not None}
    assert counts == {"three soldiers": 3, "two villagers": 2}


def test_a_headline_toll_counts_its_subject(code_as_evaluated: Coder) -> None:
    doc = code_as_evaluated("3 policemen and 2 civilians also killed.")
    counts = {e.recipient.text: e.dead for e in doc.events if e.recipient is not None}
    assert counts == {"3 policemen": 3, "2 civilians": 2}


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested them and two others.",
        "Troops killed those who resisted and three more.",
        "Gunmen shot him, his wife and two of their children.",
        "Police arrested them.",
        "Police arrested everyone.",
    ],
)
def test_victims_that_are_not_nouns_give_no_zero_count(code: Coder, text: str) -> None:
    doc = code(text)
    assert doc.events
    assert all(0 not in (e.dead, e.injured, e.arrested) for e in doc.events)


def test_a_dateline_read_as_a_subject_is_no_victim(code: Coder) -> None:
    doc = code("TOLEDO, Ohio — Two men were killed and four others were hurt in a shooting.")
    assert [e.dead for e in doc.events if e.type == "ASSAULT" and e.dead] == [2]


@pytest.mark.parametrize(
    ("text", "held"),
    [("The gunman was taken into custody.", 1), ("Officers took three youths into custody.", 3)],
)
def test_people_taken_into_custody_are_counted_arrested(code: Coder, text: str, held: int) -> None:
    doc = code(text)
    assert [e.arrested for e in doc.events if e.type == "COERCE"] == [held]
