"""Sides the text names that the argument finder used to leave empty: a pronoun
coordinated with a name, a court named where a sentence was passed, a participle naming
who does it, a subject several complement clauses up; and recipients: a talk's
partner, whom a demand bids or a threat deters, a visit's host, the target of "in
protest against"."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.model import Actor, Document, Event

Coder = Callable[[str], Document]


def _of_type(doc: Document, type_: str) -> list[Event]:
    return [e for e in doc.events if e.type == type_]


def _text(actor: Actor | None) -> str:
    return "" if actor is None else actor.text


def test_pronoun_with_a_conjunct_keeps_both_sides(code: Coder) -> None:
    """ "She and her Danish counterpart agreed": the speaker and the counterpart."""
    doc = code("The minister said she and her Danish counterpart agreed to meet in May.")
    agreements = _of_type(doc, "AGREE")
    actors = {_text(e.actor) for e in agreements}
    assert any("counterpart" in a for a in actors)
    assert any("minister" in a for a in actors)
    assert all(e.recipient is not None for e in agreements)


def test_name_split_by_the_parser_is_one_side(code: Coder) -> None:
    """A title and a name the parser coordinates with nothing between them are one side,
    not two ("he and Turkish President Recep Tayyip Erdogan")."""
    doc = code(
        "Putin said he and Turkish President Recep Tayyip Erdogan agreed in a phone call "
        "that investigators would fly to Ankara."
    )
    agreements = _of_type(doc, "AGREE")
    assert len(agreements) == 2
    assert {e.actor.country if e.actor else None for e in agreements} >= {"TUR"}


def test_court_named_where_the_sentence_was_passed(code_as_evaluated: Coder) -> None:
    """ "Was sentenced at Carlisle Crown Court": the court sentenced, the man undergoes."""
    doc = code_as_evaluated("The driver was sentenced at Carlisle Crown Court to four years.")
    (event,) = _of_type(doc, "SANCTION")
    assert event.actor is not None and "Court" in event.actor.text
    assert event.actor.sector == "JUD"
    assert "driver" in _text(event.recipient)


def test_court_of_a_guilty_finding_in_a_later_phrase(code_as_evaluated: Coder) -> None:
    doc = code_as_evaluated(
        "She was found guilty of arson at Bristol Crown Court on Monday, police said."
    )
    (event,) = [e for e in _of_type(doc, "SANCTION") if e.mode == "convict"]
    assert event.actor is not None and event.actor.sector == "JUD"
    assert "Bristol" in event.actor.text


def test_present_participle_before_a_noun_names_the_doer(code_as_evaluated: Coder) -> None:
    """ "Protesting farmers blocked the road": the farmers protest."""
    doc = code_as_evaluated("Protesting students clashed with police near the campus.")
    protests = _of_type(doc, "PROTEST")
    assert protests
    assert all("students" in _text(e.actor) for e in protests)


def test_participle_with_words_of_its_own_names_no_doer(code: Coder) -> None:
    """A participle with its own object and a quotation before the noun is no modifier
    of that noun ("a video shouting 'Hail X'")."""
    doc = code('A leader seen in a clip shouting "Hail Smith" will speak at the college.')
    for event in _of_type(doc, "PROTEST"):
        assert "Smith" not in _text(event.actor)


def test_subject_several_complements_up(code: Coder) -> None:
    """ "Finland is willing to send troops to help defend Estonia": Finland acts."""
    doc = code("Finland is willing to send troops to help defend Estonia, officials said.")
    defended = [e for e in doc.events if e.recipient is not None and e.recipient.country == "EST"]
    assert defended
    assert all(e.actor is not None and e.actor.country == "FIN" for e in defended)


def test_past_participle_before_a_noun_names_the_undergoer(code_as_evaluated: Coder) -> None:
    """ "The jailed activist": the activist was jailed."""
    doc = code_as_evaluated("The minister met with the jailed activist's wife in March.")
    arrests = [e for e in _of_type(doc, "COERCE") if e.mode == "arrest"]
    assert arrests
    assert all("activist" in _text(e.recipient) for e in arrests)


def test_partner_of_a_talk_is_who_it_was_with(code: Coder) -> None:
    """ "Discussed the pastor's case with the president": the president, not the case."""
    doc = code("The senator discussed the pastor's case with the president on Friday.")
    (event,) = _of_type(doc, "CONSULT")
    assert "president" in _text(event.recipient)


def test_who_a_demand_bids_is_its_recipient(code: Coder) -> None:
    """ "Demanded that the government match Iraq's offer": the government is asked."""
    doc = code("Kurdish leaders demanded on Monday that the government match Iraq's offer.")
    (event,) = _of_type(doc, "REQUEST")
    assert "government" in _text(event.recipient)


def test_subject_of_a_threats_condition_is_its_recipient(code: Coder) -> None:
    """A threat whose act names no one is meant for whom its condition names."""
    doc = code("Iran threatened to quit the talks if the United States imposed new sanctions.")
    (event,) = _of_type(doc, "THREATEN")
    assert event.recipient is not None and event.recipient.country == "USA"


def test_visit_is_to_the_place_visited(code: Coder) -> None:
    doc = code("The Iraqi foreign minister arrived in Cairo on Monday for a two-day visit.")
    (event,) = _of_type(doc, "CONSULT")
    assert event.recipient is not None and event.recipient.country == "EGY"


def test_in_protest_against_is_the_aim_of_the_protest(code: Coder) -> None:
    """A hunger strike "in protest against" a measure by a government is one protest,
    whose target is the government."""
    doc = code(
        "Teachers began a hunger strike in protest against the closure of schools by the "
        "provincial government."
    )
    (event,) = _of_type(doc, "PROTEST")
    assert "government" in _text(event.recipient)


def test_threatened_target_beats_the_condition(code: Coder) -> None:
    """ "Threatened to shell Serbian towns if NATO struck": the towns are threatened."""
    doc = code("The rebels threatened to shell Serbian towns if NATO launched air strikes.")
    (event,) = _of_type(doc, "THREATEN")
    assert event.recipient is not None and event.recipient.country == "SRB"


def test_place_of_what_is_agreed_to_be_done_is_the_target(code: Coder) -> None:
    """ "Agreed to postpone the rally in Tbilisi": Georgia is where it is done."""
    doc = code("The opposition agreed to postpone the rally in Tbilisi until May.")
    (event,) = _of_type(doc, "AGREE")
    assert event.recipient is not None and event.recipient.country == "GEO"
    assert event.recipient.sector is None
