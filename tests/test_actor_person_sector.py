"""A side left without a sector that names an untitled person is a civilian, whatever
the event: a name with no title, a plain word for a person, a nationality noun, "he" or
"she" for an untitled person, "they" arrested or released (sentences written for these
tests)."""

from __future__ import annotations

from collections.abc import Callable

from eventpicks import events_of, side_code
from eventwire.model import Document

Coder = Callable[[str], Document]


def test_a_pronoun_for_an_untitled_person_is_a_civilian(code_whole: Coder) -> None:
    doc = code_whole(
        "A 41-year-old man was arrested in Calgary, Alberta, on Monday. Police said he"
        " threatened a neighbour with a hammer."
    )
    threatened = events_of(doc, "THREATEN", trigger="threatened")
    assert threatened
    assert {side_code(e.actor) for e in threatened} == {("CAN", "CVL")}
    assert all(e.actor is not None and e.actor.inferred for e in threatened)


def test_a_person_with_a_country_but_no_sector_is_a_civilian(code_whole: Coder) -> None:
    doc = code_whole("Police in Denver, Colorado, arrested a Houston man on Friday.")
    arrested = events_of(doc, "COERCE", trigger="arrested")
    assert arrested
    assert {side_code(e.recipient) for e in arrested} == {("USA", "CVL")}


def test_they_who_were_released_are_civilians(code_whole: Coder) -> None:
    doc = code_whole(
        "Three men were detained in Lyon, France, last week. They were released on"
        " Sunday without charge."
    )
    released = events_of(doc, "RETREAT", trigger="released")
    assert released
    assert {side_code(e.recipient) for e in released} == {("FRA", "CVL")}


def test_a_titled_person_and_a_state_keep_their_own_sectors(code_whole: Coder) -> None:
    doc = code_whole("Prime Minister Jan Novak met Germany's chancellor in Prague on Tuesday.")
    met = events_of(doc, "CONSULT", trigger="met")
    assert met
    assert all(e.actor is not None and e.actor.sector == "GOV" for e in met)
    assert all(e.recipient is not None and e.recipient.sector == "GOV" for e in met)


def test_a_name_with_a_private_role_is_a_civilian_and_a_leader_is_not(code_whole: Coder) -> None:
    doc = code_whole(
        "Olympic swimmer Maria Lund met students in Halifax, Nova Scotia, on Monday."
        " Karl Mohr, leader of the Green Harbour Institute, met farmers in Halifax on"
        " Tuesday."
    )
    met = [e for e in doc.events if e.type == "CONSULT" and e.actor is not None]
    swimmer = [e for e in met if "Lund" in (e.actor.text if e.actor else "")]
    leader = [e for e in met if "Mohr" in (e.actor.text if e.actor else "")]
    assert swimmer
    assert {side_code(e.actor) for e in swimmer} == {("CAN", "CVL")}
    assert all(e.actor is None or e.actor.sector != "CVL" for e in leader)


def test_an_age_standing_for_a_person_is_a_civilian(code_whole: Coder) -> None:
    doc = code_whole("The 52-year-old was arrested in Leeds, England, on Saturday.")
    arrested = events_of(doc, "COERCE", trigger="arrested")
    assert arrested
    assert {side_code(e.recipient) for e in arrested} == {("GBR", "CVL")}


def test_a_leader_known_by_surname_or_named_with_a_title_is_no_civilian(code_whole: Coder) -> None:
    doc = code_whole("Novak rejected the offer. Sheikh Rashid rejected the plan on Monday.")
    rejected = [e for e in doc.events if e.type == "REJECT"]
    assert rejected
    assert all(e.actor is None or e.actor.sector != "CVL" for e in rejected)
