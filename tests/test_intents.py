"""Intents: statements that are events of their own (demands, ultimatums)."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.model import Document

Coder = Callable[[str], Document]


def test_an_obligation_laid_on_another_party_is_a_request(code: Coder) -> None:
    doc = code("The Peruvian foreign minister said the junta must release the journalists.")
    requests = [e for e in doc.events if e.type == "REQUEST" and e.factual]
    assert len(requests) == 1
    request = requests[0]
    assert request.actor is not None and request.actor.country == "PER"
    assert request.recipient is not None and request.recipient.text == "the junta"


def test_an_obligation_of_ones_own_is_no_request(code: Coder) -> None:
    doc = code("The Peruvian foreign minister said he must consult the cabinet.")
    assert "REQUEST" not in {e.type for e in doc.events}
    doc = code("The ministry said the convoy must have taken the wrong road.")
    assert "REQUEST" not in {e.type for e in doc.events}


def test_a_conditional_intention_is_an_ultimatum(code: Coder) -> None:
    doc = code("The bloc announced it would withdraw its troops unless the fighting stopped.")
    factual = {e.type for e in doc.events if e.factual}
    assert "THREATEN" in factual and "AGREE" not in factual
    doc = code("The bloc announced it would withdraw its troops next month.")
    assert "AGREE" in {e.type for e in doc.events if e.factual}


def test_a_promise_to_attack_is_a_threat_not_an_agreement(code: Coder) -> None:
    doc = code("The insurgents vowed to renew their bombing campaign if the talks fail.")
    assert "AGREE" not in {e.type for e in doc.events}
    threats = [e for e in doc.events if e.type == "THREATEN"]
    assert threats and threats[0].factual


def test_a_promise_not_to_return_land_is_a_refusal(code: Coder) -> None:
    doc = code("The president promised not to return the islands to the neighbouring state.")
    types = {e.type for e in doc.events if e.factual}
    assert "REJECT" in types and "AGREE" not in types


def test_a_promise_to_cooperate_stays_an_agreement(code: Coder) -> None:
    doc = code("The governor vowed to cooperate with the inquiry.")
    assert any(e.type == "AGREE" and e.factual for e in doc.events)


def test_saying_one_could_act_against_someone_is_a_veiled_threat(code: Coder) -> None:
    doc = code("The Somali government said it could suspend relations with its neighbour.")
    threats = [e for e in doc.events if e.type == "THREATEN"]
    assert threats and threats[0].factual


def test_what_others_say_an_actor_could_do_is_no_threat(code: Coder) -> None:
    doc = code("Analysts said the army could attack the town.")
    assert "THREATEN" not in {e.type for e in doc.events}


def test_whatever_is_threatened_is_a_threat(code: Coder) -> None:
    doc = code("The president threatened to end the protests with military force.")
    factual = {e.type for e in doc.events if e.factual}
    assert factual == {"THREATEN"}


def test_withdrawing_monitors_is_a_sanction_so_announcing_it_is_a_threat(code: Coder) -> None:
    doc = code("The bloc announced it would withdraw its monitors next month.")
    assert {e.type for e in doc.events if e.factual} == {"THREATEN"}


def test_the_aim_of_a_thing_is_no_stated_intention(code: Coder) -> None:
    doc = code("The president hosted his counterpart for a meeting aimed at expanding trade ties.")
    assert "AGREE" not in {e.type for e in doc.events if e.factual}
    doc = code("The president said he would expand trade ties with the kingdom.")
    assert "AGREE" in {e.type for e in doc.events if e.factual}


def test_an_official_saying_the_country_could_act_is_a_veiled_threat(code: Coder) -> None:
    doc = code("The leader says Mongolia could suspend relations with its neighbour over the deal.")
    assert "THREATEN" in {e.type for e in doc.events if e.factual}


def test_raising_the_possibility_of_a_ban_is_a_threat(code: Coder) -> None:
    doc = code("The minister raised the possibility of bans on opposition parties.")
    assert {e.type for e in doc.events if e.factual} == {"THREATEN"}


def test_what_police_deploy_ahead_of_has_not_happened(code: Coder) -> None:
    doc = code("Police were deployed ahead of the protests in the capital.")
    assert not any(e.factual for e in doc.events if e.type == "PROTEST")


def test_a_promised_concession_is_a_concession_not_an_agreement(code: Coder) -> None:
    doc = code("The interior ministry agreed to lift the curfew in the northern districts.")
    types = {e.type for e in doc.events if e.factual}
    assert "CONCEDE" in types and "AGREE" not in types
    doc = code("The mayor promised to ease the restrictions on street traders.")
    types = {e.type for e in doc.events if e.factual}
    assert "CONCEDE" in types and "AGREE" not in types


def test_a_promised_material_concession_stays_an_agreement(code: Coder) -> None:
    doc = code("The militia said it would free the kidnapped engineers next week.")
    types = {e.type for e in doc.events if e.factual}
    assert "AGREE" in types and "CONCEDE" not in types


def test_an_offered_concession_is_an_agreement(code: Coder) -> None:
    doc = code("The president said he was ready to lift the ban on the newspaper.")
    types = {e.type for e in doc.events if e.factual}
    assert "AGREE" in types and "CONCEDE" not in types


def test_raising_the_prospect_of_protests_is_a_veiled_threat(code: Coder) -> None:
    doc = code("The farmers' union raised the prospect of nationwide protests.")
    threats = [e for e in doc.events if e.type == "THREATEN" and e.factual]
    assert threats and threats[0].actor is not None
    doc = code("The minister raised the possibility of sanctions on the importers.")
    assert any(e.type == "THREATEN" and e.factual for e in doc.events)
    doc = code("The junta floated the prospect of a ban on the party.")
    assert any(e.type == "THREATEN" and e.factual for e in doc.events)
    doc = code("The union raised the prospect of new talks with the ministry.")
    assert "THREATEN" not in {e.type for e in doc.events}


def test_a_pledge_is_a_promise(code: Coder) -> None:
    doc = code("The two governments pledged to expand cooperation on fisheries.")
    types = {e.type for e in doc.events if e.factual}
    assert "AGREE" in types and "COOPERATE" not in types


def test_preparing_an_attack_is_mobilizing_not_threatening(code: Coder) -> None:
    doc = code("Government troops were preparing to storm the rebel-held town.")
    types = {e.type for e in doc.events if e.factual}
    assert "MOBILIZE" in types and "THREATEN" not in types


def test_an_obligation_in_a_message_to_a_party_is_a_request(code: Coder) -> None:
    doc = code("The envoy sent a letter to the junta that it should free the journalists.")
    requests = [e for e in doc.events if e.type == "REQUEST" and e.factual]
    assert len(requests) == 1
    assert requests[0].recipient is not None and requests[0].recipient.text == "the junta"


def test_an_expressed_willingness_is_an_agreement_by_who_expressed_it(code: Coder) -> None:
    doc = code("The Kenyan government expressed its willingness to meet the striking doctors.")
    agreements = [e for e in doc.events if e.type == "AGREE" and e.factual]
    assert agreements and all(e.actor is not None for e in agreements)
    assert {e.actor.country for e in agreements if e.actor is not None} == {"KEN"}
    assert not any(e.type == "CONSULT" and e.factual for e in doc.events)


def test_a_hedged_offer_is_still_an_agreement(code: Coder) -> None:
    doc = code("The Jordanian king said he would be ready to host talks between the two parties.")
    agreements = [e for e in doc.events if e.type == "AGREE" and e.factual]
    assert len(agreements) == 1
    assert agreements[0].actor is not None and agreements[0].actor.country == "JOR"
    doc = code("The king said talks between the two parties would be useful.")
    assert not any(e.type == "AGREE" and e.factual for e in doc.events)


def test_an_announced_investigation_opens_it(code: Coder) -> None:
    doc = code("The Kenyan prosecutor said she will investigate the killings.")
    assert [(e.type, e.mode) for e in doc.events if e.factual] == [("ACCUSE", "investigate")]
    doc = code("The Kenyan opposition threatened to sue the election board.")
    assert {e.type for e in doc.events if e.factual} == {"THREATEN"}
