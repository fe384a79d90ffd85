"""Recipients a meeting or a visit keeps, and a prison term told as a sentence."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.model import Document, Event

Coder = Callable[[str], Document]


def _of_type(doc: Document, type_: str) -> list[Event]:
    return [e for e in doc.events if e.type == type_]


def test_meeting_a_relative_keeps_the_relative_as_recipient(code_whole: Coder) -> None:
    """A kinship word names a person: "met with Okafor's daughter" has a recipient."""
    doc = code_whole("The Nigerian interior minister met with Okafor's daughter in Lagos.")
    (event,) = _of_type(doc, "CONSULT")
    assert event.recipient is not None
    assert event.recipient.sector == "CVL"


def test_two_sides_discussing_a_thing_still_meet_each_other(code: Coder) -> None:
    doc = code("The two foreign ministers discussed the drought on Friday.")
    assert all(e.recipient is None for e in _of_type(doc, "CONSULT"))


def test_a_visit_goes_to_the_host_country(code_whole: Coder) -> None:
    """The place a visitor arrives in tells the host: the visit's recipient country."""
    doc = code_whole(
        "The Kenyan foreign minister arrived in Kampala on Sunday for a three-day visit."
    )
    visits = [e for e in _of_type(doc, "CONSULT") if e.mode == "visit"]
    assert visits
    assert all(e.recipient is not None and e.recipient.country == "UGA" for e in visits)


def test_a_meeting_place_is_not_the_recipient(code_whole: Coder) -> None:
    doc = code_whole("The Kenyan and Ugandan presidents met in Kampala on Sunday.")
    for event in _of_type(doc, "CONSULT"):
        assert event.recipient is None or event.recipient.country in ("KEN", "UGA")
        assert event.recipient is None or event.recipient.text != "Kampala"


def test_jailed_for_a_term_is_a_court_sentence(code_as_evaluated: Coder) -> None:
    """A prison verb with a term tells a sentence: SANCTION (convict), the court's."""
    doc = code_as_evaluated("The former mayor was jailed for seven years for embezzlement.")
    sentences = [e for e in _of_type(doc, "SANCTION") if e.mode == "convict"]
    assert sentences
    assert not [e for e in _of_type(doc, "COERCE") if e.trigger == "jailed"]


def test_jailed_without_a_term_stays_an_arrest(code: Coder) -> None:
    doc = code("Security forces jailed dozens of protesters overnight.")
    assert [e for e in _of_type(doc, "COERCE") if e.mode == "arrest"]
