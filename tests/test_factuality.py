"""Factuality: what the text proposes, requests or promises is not (yet) a fact."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventpicks import events_of
from eventwire.evaluate.events import CODING_STAGES
from eventwire.model import Document

Coder = Callable[[str], Document]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The bishop urged the rebels to free the hostages.", "RETREAT"),
        ("The council demanded that the militia withdraw from the hills.", "RETREAT"),
        ("The rebels rejected an offer to hold talks in Dakar.", "CONSULT"),
        ("The union welcomed the plan to release the detained activists.", "RETREAT"),
        ("The court jailed the officer for torturing detainees.", "ASSAULT"),
        ("The government refused to meet or negotiate with the strikers.", "CONSULT"),
    ],
)
def test_proposed_requested_or_alleged_events_are_not_facts(
    code: Coder, text: str, type_: str
) -> None:
    assert not any(e.factual for e in events_of(code(text), type_, required=True))


def test_a_purpose_shares_the_future_of_its_clause(code: Coder) -> None:
    doc = code("Norway will give the ministry a grant to finance new clinics.")
    assert not any(e.factual for e in doc.events if e.type == "AID")


def test_what_is_offered_is_promised_not_given(code: Coder) -> None:
    doc = code("Japan offered assistance to the flood victims.")
    assert all(not e.factual for e in events_of(doc, "AID", required=True))
    assert any(e.factual for e in events_of(doc, "AGREE", required=True))


def test_an_attack_after_which_someone_was_arrested_happened(code: Coder) -> None:
    doc = code("Police detained the youths after the riot, hours after clashing with them.")
    assert any(e.factual for e in events_of(doc, "COERCE", required=True))


def test_a_condition_not_yet_met_is_not_a_fact(code: Coder) -> None:
    doc = code("The drivers will stay out until the owners meet their demands.")
    assert not any(e.factual for e in events_of(doc, "CONCEDE", required=True))
    doc = code("The drivers stayed out until the owners met their demands.")
    assert any(e.factual for e in events_of(doc, "CONCEDE", required=True))


def test_a_subjunctive_that_clause_is_what_is_asked_for(code: Coder) -> None:
    # the parser hangs "ease" on "repeated", not on "call": the subjunctive tells
    doc = code("The union repeated its call this week that the ministry ease the curfew.")
    assert not any(e.factual for e in events_of(doc, "CONCEDE", required=True))
    doc = code("The union said this week that the ministry eased the curfew.")
    assert any(e.factual for e in events_of(doc, "CONCEDE", required=True))


def test_a_commitment_made_states_an_intention_a_rejected_offer_does_not(code: Coder) -> None:
    doc = code("The finance ministry made a firm commitment to ease the import restrictions.")
    assert any(e.factual for e in events_of(doc, "CONCEDE", required=True))
    doc = code("The rebels rejected an offer to hold talks in Dakar.")
    assert not any(e.type == "AGREE" and e.factual for e in doc.events)


def test_what_is_rejected_or_vetoed_did_not_happen(code: Coder) -> None:
    doc = code("The rebels rejected a plan to disarm their fighters.")
    assert not any(e.factual for e in events_of(doc, "RETREAT", required=True))
    doc = code("The council vetoed a motion condemning the ministry.")
    assert not any(e.type == "ACCUSE" and e.factual for e in doc.events)
    # the parser may take the participle for the object itself
    doc = code(
        "The United States vetoed a Security Council resolution censuring as a violation "
        "of international law its raid on the embassy."
    )
    assert not any(e.type == "ACCUSE" and e.factual for e in doc.events)


def test_the_aim_of_an_agreement_just_signed_is_not_yet_done(code: Coder) -> None:
    doc = code("Peru and Chile signed a protocol on Monday to expand trade across the border.")
    assert any(e.type == "SUPPORT" and e.factual for e in doc.events)
    assert not any(e.factual for e in events_of(doc, "COOPERATE", required=True))


def test_what_is_foiled_or_prevented_did_not_happen(code: Coder) -> None:
    doc = code("The army prevented the rebels from attacking the town.")
    assert not any(e.factual for e in events_of(doc, "ASSAULT", required=True))


def test_a_summary_of_the_past_is_historical_and_undated(nlp: object) -> None:
    from datetime import date

    from eventwire.model import RawDocument
    from eventwire.run.pipeline import Pipeline

    text = (
        "The two republics have already fought three wars over the valley.\n\n"
        "Rebels attacked an army base near the border."
    )
    raw = RawDocument(text=text, origin="<test>", published=date(2023, 9, 18))
    [doc] = Pipeline([*CODING_STAGES, "dates"]).process_raw(raw)
    wars = [e for e in doc.events if "historical" in e.contexts]
    assert wars and all(e.factual and e.type == "ASSAULT" and e.date is None for e in wars)
    news = [e for e in doc.events if "historical" not in e.contexts and e.type == "ASSAULT"]
    assert news and all(e.date == date(2023, 9, 18) for e in news)


def test_news_in_the_present_perfect_is_not_historical(code: Coder) -> None:
    doc = code("Rebels have attacked an army base in the north, officials said.")
    assert not any("historical" in e.contexts for e in events_of(doc, "ASSAULT", required=True))


def test_a_count_of_people_taken_in_is_news_not_a_summary(code: Coder) -> None:
    # "have fought two wars" counts events; "have arrested two people" counts whom one
    # arrest took in, and is the day's news
    doc = code("Harbor police have arrested two people on smuggling charges.")
    arrests = events_of(doc, "COERCE", required=True)
    assert arrests and not any("historical" in e.contexts for e in arrests)
    doc = code("Police have detained 14 protesters outside the ministry.")
    assert not any("historical" in e.contexts for e in events_of(doc, "COERCE", required=True))


def test_a_series_of_past_events_summed_up_is_historical(code: Coder) -> None:
    doc = code(
        "Diplomats say successive rounds of talks, mediated by Norway and Qatar, "
        "have not settled the dispute."
    )
    talks = events_of(doc, "CONSULT", required=True)
    assert talks and all("historical" in e.contexts for e in talks)
    news = code("Negotiators from both sides held talks in Oslo on Tuesday.")
    assert not any("historical" in e.contexts for e in events_of(news, "CONSULT", required=True))


def test_a_standing_state_is_no_event_but_news_in_the_passive_is(code: Coder) -> None:
    doc = code("The enclave is internationally recognized as part of the republic.")
    assert [e for e in doc.events if e.type == "SUPPORT"] == []
    done = code("The new government was recognized by the council on Monday.")
    assert events_of(done, "SUPPORT", required=True)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("There were no negotiations between the two sides.", "CONSULT"),
        ("There has been no attack on the town since March.", "ASSAULT"),
        ("Police reported no arrests after the march.", "COERCE"),
    ],
)
def test_an_event_its_own_no_denies_did_not_happen(code: Coder, text: str, type_: str) -> None:
    assert all(e.negated for e in events_of(code(text), type_, required=True))


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The president is due to visit Paris on Thursday.", "CONSULT"),
        ("The minister is to visit the border region next month.", "CONSULT"),
    ],
)
def test_what_is_to_happen_or_is_due_is_not_yet_done(code: Coder, text: str, type_: str) -> None:
    assert not any(e.factual for e in events_of(code(text), type_, required=True))


def test_the_first_to_do_something_did_it(code: Coder) -> None:
    doc = code("Chile was the first country in the region to ratify the treaty.")
    assert any(e.factual for e in events_of(doc, "SUPPORT", required=True))
