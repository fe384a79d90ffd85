"""Which words name an event: reported events, events as agents or subjects, patterns
that name their subject, headlines without a verb."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc

from eventwire.coding.lexicon import event_patterns
from eventwire.coding.triggers import find_triggers
from eventwire.model import Document

Coder = Callable[[str], Document]


def _coded(doc: Document) -> list[tuple[str, str | None, str | None]]:
    return [
        (e.type, e.actor.text if e.actor else None, e.recipient.text if e.recipient else None)
        for e in doc.events
        if e.factual
    ]


def test_a_reported_event_is_coded_with_the_actors_the_noun_names(code: Coder) -> None:
    doc = code("Monitors reported an attack by gunmen on the village of Tamsi.")
    [attack] = [e for e in doc.events if e.type == "ASSAULT"]
    assert attack.factual
    assert attack.actor is not None and attack.actor.text == "gunmen"  # not the monitors
    doc = code("A video shows the execution of a captured pilot.")
    assert ("ASSAULT", None, "a captured pilot") in _coded(doc)


def test_an_event_noun_as_agent_of_a_main_passive_is_an_event(code: Coder) -> None:
    doc = code("A power plant was disabled by a cyber attack.")
    assert [(e.type, e.mode) for e in doc.events] == [("COERCE", "cyber")]
    # background in a relative clause is not the news
    doc = code("The owner sued the state for damages which were caused by an attack in May.")
    assert "ASSAULT" not in {e.type for e in doc.events}


def test_an_event_noun_whose_consequence_is_told_happened(code: Coder) -> None:
    doc = code("The army's withdrawal from the border led to chaos.")
    assert "RETREAT" in {e.type for e in doc.events if e.factual}
    doc = code("A new attack could lead to war.")
    assert "ASSAULT" not in {e.type for e in doc.events}


def test_an_event_noun_whose_consequence_is_told_in_the_perfect_happened(code: Coder) -> None:
    doc = code("Sexual violence by the soldiers has left hundreds of women with severe injuries.")
    assert "ASSAULT" in {e.type for e in doc.events if e.factual}
    doc = code("The blockade had forced thousands of families to leave the valley.")
    assert {e.type for e in doc.events if e.factual}
    # a modal perfect or a future perfect does not tell it as done
    doc = code("A new attack could have led to war.")
    assert "ASSAULT" not in {e.type for e in doc.events}
    doc = code("The attack will have left many people homeless.")
    assert "ASSAULT" not in {e.type for e in doc.events if e.factual}


def test_a_pattern_may_name_its_subject(code: Coder) -> None:
    doc = code("A new militia began operating in the hills.")
    assert [(e.type, e.mode) for e in doc.events] == [("MOBILIZE", "militia")]
    assert code("The new power plant began operating in the hills.").events == []


def test_an_adjectival_verb_leaves_a_headline_verbless(code: Coder) -> None:
    doc = code("Record-breaking trade between Kenya and Uganda")
    assert {e.type for e in doc.events} == {"COOPERATE"}


def test_a_participle_in_a_headline_codes_what_was_done_to_its_noun(code: Coder) -> None:
    body = "\n\nThe interior ministry said the groups had broken the law on Monday."
    title = "Atlantica: Three Human Rights NGOs Banned Over Foreign Funding"
    doc = code(title + body)
    [ban] = [e for e in doc.events if e.type == "COERCE"]
    assert ban.headline and ban.recipient is not None and "NGOs" in ban.recipient.text
    doc = code("Port city blockaded by Borduran troops")
    [blockade] = doc.events
    assert blockade.type == "COERCE"
    assert blockade.actor is not None and blockade.actor.text == "Borduran troops"
    assert blockade.recipient is not None and blockade.recipient.text == "Port city"


def test_the_subject_of_an_undergoer_pattern_is_the_recipient(code: Coder) -> None:
    doc = code("The former governor faces charges of fraud.")
    assert _coded(doc) == [("ACCUSE", None, "The former governor")]
    doc = code("The strikers won concessions from the port authority.")
    assert _coded(doc) == [("CONCEDE", "the port authority", "The strikers")]


def test_what_people_come_together_for_is_an_event(code: Coder) -> None:
    doc = code("The Malian foreign minister arrived in Dakar on Monday for talks.")
    assert [e.type for e in doc.events] == ["CONSULT"]
    assert code("The minister came to Dakar for the funeral of the victims.").events == []


def test_a_police_raid_is_a_search_not_an_attack(code: Coder) -> None:
    doc = code("Police raided the offices of a human rights group on Tuesday.")
    assert [(e.type, e.mode) for e in doc.events] == [("COERCE", "seize")]
    doc = code("Soldiers raided the village at dawn.")
    assert [e.type for e in doc.events] == ["ASSAULT"]


def test_what_is_admitted_to_happened(code: Coder) -> None:
    doc = code("The militia admitted to the bombing of the market.")
    assert [(e.type, e.actor.text if e.actor else None) for e in doc.events] == [
        ("ASSAULT", "The militia")
    ]


def test_a_headline_noun_going_on_is_an_event_between_two_sides(code: Coder) -> None:
    doc = code("Bilateral trade between Kenya and Chile growing rapidly")
    sides = sorted((e.actor.text, e.recipient.text) for e in doc.events if e.actor and e.recipient)
    assert [e.type for e in doc.events] == ["COOPERATE", "COOPERATE"]
    assert sides == [("Chile", "Kenya"), ("Kenya", "Chile")]  # no side trades with itself


def test_deploying_peacekeepers_is_aid(code: Coder) -> None:
    doc = code("The council deployed 500 peacekeepers to the province.")
    assert [(e.type, e.mode) for e in doc.events] == [("AID", "peacekeeping")]
    doc = code("A first batch of Ghanaian peacekeeping troops arrived in Liberia on Tuesday.")
    [aid] = doc.events
    assert aid.type == "AID" and aid.recipient is not None and aid.recipient.country == "LBR"
    doc = code("The army deployed troops to the border.")
    assert [(e.type, e.mode) for e in doc.events] == [("MOBILIZE", "troops")]


def test_a_lone_indirect_object_is_read_as_the_object(nlp: Any) -> None:
    # The parser may read a title's last noun as a dative ("Group Releases Hostages").
    words = ["Rebels", "release", "hostages"]
    doc = Doc(
        nlp.vocab, words=words, heads=[1, 1, 1], deps=["nsubj", "ROOT", "dative"],
        pos=["NOUN", "VERB", "NOUN"], lemmas=["rebel", "release", "hostage"],
        tags=["NNS", "VBP", "NNS"],
    )  # fmt: skip
    found = [(t.text, p.type) for t, _, p in find_triggers(doc, event_patterns())]
    assert found == [("release", "RETREAT")]


def test_joint_mediators_do_not_mediate_each_other(code: Coder) -> None:
    doc = code("Talks mediated by Qatar and Egypt resumed in Cairo.")
    mediations = [e for e in doc.events if e.mode == "third-party"]
    assert sorted(e.actor.country for e in mediations if e.actor) == ["EGY", "QAT"]
    assert not any(e.recipient and e.recipient.country in ("EGY", "QAT") for e in mediations)
