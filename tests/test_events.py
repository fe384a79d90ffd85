"""Event coding: triggers, actors, reciprocity, factuality and casualties."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.lexicon import EventPattern, event_patterns, verb_forms
from eventwire.model import Document, Event

Coder = Callable[[str], Document]


def _only(doc: Document, type_: str) -> Event:
    found = [e for e in doc.events if e.type == type_]
    assert len(found) == 1, [(e.type, e.trigger) for e in doc.events]
    return found[0]


@pytest.mark.parametrize(
    "pattern", [p for p in event_patterns().patterns if p.example], ids=lambda p: p.example
)
def test_every_pattern_example_codes_its_type(code: Coder, pattern: EventPattern) -> None:
    """Each example is coded with the pattern's type, from the pattern's own trigger."""
    assert pattern.example is not None
    doc = code(pattern.example)
    trigger_forms = verb_forms(pattern.trigger) if pattern.pos == "verb" else {pattern.trigger}
    coded = []
    for event in doc.events:
        assert event.trigger_start is not None and event.trigger_end is not None
        token = doc.spacy_doc.char_span(event.trigger_start, event.trigger_end).root
        own_trigger = bool({token.lemma_.lower(), token.lower_} & trigger_forms)
        coded.append((event.type, own_trigger))
    assert (pattern.type, True) in coded, [(e.type, e.trigger) for e in doc.events]


def test_assault_with_demonym_recipient_and_instrument(code: Coder) -> None:
    doc = code("A man with a machete wounded a Ghanaian soldier outside the barracks.")
    event = _only(doc, "ASSAULT")
    assert event.trigger == "wounded"
    assert event.mode == "primitive"
    assert event.recipient is not None
    assert (event.recipient.country, event.recipient.sector) == ("GHA", "MIL")
    assert event.actor is not None and event.actor.country is None  # not identified
    assert event.injured == 1
    assert event.sentence == doc.text[event.start : event.end]


def test_title_carries_over_to_later_mentions(code: Coder) -> None:
    doc = code(
        "Peru's Foreign Minister Rosa Quintanilla arrived in Quito on Monday.\n"
        "Quintanilla condemned the bombing of the border post."
    )
    event = _only(doc, "ACCUSE")
    assert event.actor is not None
    assert (event.actor.country, event.actor.sector) == ("PER", "GOV")


def test_capital_stands_for_government(code: Coder) -> None:
    doc = code("Hanoi rejected the proposal on fishing quotas.")
    event = _only(doc, "REJECT")
    assert event.actor is not None
    assert (event.actor.country, event.actor.sector) == ("VNM", "GOV")


def test_reciprocal_each_other_codes_both_directions(code: Coder) -> None:
    doc = code("Laos and Thailand accused each other of shelling the border villages.")
    accusations = [e for e in doc.events if e.type == "ACCUSE"]
    pairs = {
        (e.actor.country if e.actor else None, e.recipient.country if e.recipient else None)
        for e in accusations
    }
    assert pairs == {("LAO", "THA"), ("THA", "LAO")}
    # What each side is accused of is alleged, not a fact.
    shelling = [e for e in doc.events if e.type == "ASSAULT"]
    assert shelling and all(not e.factual for e in shelling)


def test_definite_description_refers_back(code: Coder) -> None:
    doc = code(
        "A Kenyan police officer was stabbed near the market.\n"
        "The officer then arrested the attacker."
    )
    event = _only(doc, "COERCE")
    assert event.actor is not None
    assert (event.actor.country, event.actor.sector) == ("KEN", "COP")
    assert event.arrested == 1


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("Soldiers did not attack the village.", "negated"),
        ("No civilians were injured in the raid on the depot.", "negated"),
        ("The rebels could attack the capital within days.", "hypothetical"),
        ("The two ministers will meet in Oslo next week.", "future"),
        ("The envoy is likely to visit Tehran soon.", "future"),
    ],
)
def test_factuality_flags(code: Coder, text: str, flag: str) -> None:
    doc = code(text)
    assert doc.events, "expected the trigger to be coded"
    flagged = [e for e in doc.events if getattr(e, flag)]
    assert flagged, [(e.type, e.negated, e.hypothetical, e.future) for e in doc.events]


def test_factual_event_is_not_flagged(code: Coder) -> None:
    doc = code("Troops withdrew from the northern town on Sunday.")
    event = _only(doc, "RETREAT")
    assert event.factual


def test_participial_casualties_fold_into_one_assault(code: Coder) -> None:
    doc = code(
        "Gunmen attacked a police post near the river, killing four officers and "
        "wounding seven civilians."
    )
    event = _only(doc, "ASSAULT")
    assert (event.dead, event.injured) == (4, 7)


def test_fatal_shooting_and_vague_numbers(code: Coder) -> None:
    doc = code("The guard fatally shot the intruder.")
    assert _only(doc, "ASSAULT").dead == 1
    doc = code("Police detained dozens of students after the march.")
    assert _only(doc, "COERCE").arrested == 12
    doc = code("Security forces arrested at least 25 people in the raid.")
    assert _only(doc, "COERCE").arrested == 25


def test_passive_arrest_without_agent(code: Coder) -> None:
    doc = code("Two men were arrested near the station, a spokesman said.")
    event = _only(doc, "COERCE")
    assert event.arrested == 2
    assert event.actor is None
    assert event.recipient is not None and event.recipient.text == "Two men"


def test_titles_and_captions_are_not_coded(code: Coder) -> None:
    text = (
        "Rebels Attack Convoy\n\n"
        "Rebels Attack Convoy\n\n"
        "Officials met on Friday to review the budget."
    )
    doc = code(text)
    assert {e.type for e in doc.events} <= {"CONSULT"}


def test_stated_intent_to_cooperate_is_an_agree_event(code: Coder) -> None:
    doc = code("The rebels agreed to withdraw from the northern towns.")
    retreat = _only(doc, "RETREAT")
    assert retreat.future and not retreat.factual
    agree = [e for e in doc.events if e.type == "AGREE" and e.factual]
    assert agree, [(e.type, e.trigger, e.future) for e in doc.events]


def test_future_meeting_adds_an_intent_but_a_threat_does_not(code: Coder) -> None:
    doc = code("The foreign ministers will meet in Lima next week.")
    assert {e.type for e in doc.events if e.factual} == {"AGREE"}
    doc = code("The general said troops would attack the town.")
    assert "AGREE" not in {e.type for e in doc.events}


def test_a_well_known_place_in_the_phrase_gives_the_country(code: Coder) -> None:
    doc = code("Mombasa port officials condemned the blockade.")
    event = _only(doc, "ACCUSE")
    assert event.actor is not None
    assert (event.actor.country, event.actor.sector) == ("KEN", "GOV")
    doc = code("Senator Lima condemned the decision.")  # a surname, not the capital of Peru
    actor = _only(doc, "ACCUSE").actor
    assert actor is not None and actor.country is None


def test_reported_intention_to_act_against_someone_is_a_threat(code: Coder) -> None:
    doc = code("The truckers said they would blockade the ports from Monday.")
    blockade = _only(doc, "COERCE")
    assert blockade.future and not blockade.hypothetical
    assert "THREATEN" in {e.type for e in doc.events if e.factual}


def test_stated_refusal_to_cooperate_is_a_rejection(code: Coder) -> None:
    doc = code("The government said it would not release the prisoners.")
    assert "REJECT" in {e.type for e in doc.events if e.factual}
    doc = code("The ministers did not meet on Friday.")
    assert "REJECT" not in {e.type for e in doc.events}


def test_casualties_stay_with_their_own_clause(code: Coder) -> None:
    doc = code("Police arrested two suspects after three soldiers were killed near the dam.")
    arrest = _only(doc, "COERCE")
    assert (arrest.arrested, arrest.dead) == (2, None)
    doc = code(
        "Gunmen attacked a checkpoint and police later arrested five men, "
        "while two civilians were wounded."
    )
    attack = next(e for e in doc.events if e.trigger == "attacked")
    assert attack.arrested is None
    assert _only(doc, "COERCE").injured is None


def test_recipient_found_beyond_an_uncoded_object(code: Coder) -> None:
    doc = code("Norway halted economic aid to Myanmar on Monday.")
    event = _only(doc, "SANCTION")
    assert event.recipient is not None and event.recipient.country == "MMR"
    doc = code("Chile threatened to expel Bolivian diplomats.")
    threat = next(e for e in doc.events if e.type == "THREATEN" and e.trigger == "threatened")
    assert threat.recipient is not None and threat.recipient.country == "BOL"


def test_event_noun_as_subject_names_its_actors(code: Coder) -> None:
    doc = code("Clashes between the army and rebels erupted near the border.")
    sides = {(e.actor.text if e.actor else None) for e in doc.events if e.type == "ASSAULT"}
    assert sides == {"the army", "rebels"}
    doc = code("The envoy called for an end to the fighting.")
    assert {e.type for e in doc.events} == {"REQUEST"}  # the fighting is only mentioned
