"""Arguments: which phrases are the actor and the recipient of an event."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.model import Document, Event

Coder = Callable[[str], Document]


def _event(doc: Document, event_type: str) -> Event:
    return next(e for e in doc.events if e.type == event_type)


def test_what_the_actor_withdraws_is_not_the_recipient(code: Coder) -> None:
    doc = code("Kenya withdrew its soldiers from Somalia on Friday.")
    retreat = _event(doc, "RETREAT")
    assert retreat.recipient is not None
    assert (retreat.recipient.text, retreat.recipient.country) == ("Somalia", "SOM")


def test_the_recipient_of_a_thing_object_is_named_by_its_preposition(code: Coder) -> None:
    doc = code("Ghana lifted travel restrictions on Nigerian traders.")
    concede = _event(doc, "CONCEDE")
    assert concede.recipient is not None
    assert (concede.recipient.text, concede.recipient.country) == ("Nigerian traders", "NGA")


def test_a_mediation_between_two_sides_targets_both(code: Coder) -> None:
    doc = code("Senegal launched a mediation effort between Mali and Niger.")
    recipients = {e.recipient.country for e in doc.events if e.recipient is not None}
    assert recipients == {"MLI", "NER"}
    assert all(e.actor is not None and e.actor.country == "SEN" for e in doc.events)


def test_the_recipient_of_rejected_demands_is_who_made_them(code: Coder) -> None:
    doc = code("The Kenyan government rejected demands from the opposition party.")
    reject = _event(doc, "REJECT")
    assert reject.recipient is not None and reject.recipient.text == "the opposition party"


def test_a_blockade_of_a_state_targets_the_state(code: Coder) -> None:
    doc = code("Gabon lifted its blockade of Cameroon.")
    event = next(e for e in doc.events if e.recipient is not None)
    assert event.recipient is not None
    assert (event.recipient.text, event.recipient.country) == ("Cameroon", "CMR")


def test_part_of_a_group_is_a_participant(code: Coder) -> None:
    doc = code("Chad expelled some of the French diplomats.")
    sanction = _event(doc, "SANCTION")
    assert sanction.recipient is not None
    assert sanction.recipient.text == "some of the French diplomats"
    assert sanction.recipient.country == "FRA"


def test_a_curfew_in_part_of_a_city_targets_its_country(code: Coder) -> None:
    doc = code("Police imposed a curfew in parts of Nairobi.")
    coerce = _event(doc, "COERCE")
    assert coerce.recipient is not None
    assert (coerce.recipient.text, coerce.recipient.country) == ("parts of Nairobi", "KEN")


def test_a_summit_between_two_states_names_them_as_actors(code: Coder) -> None:
    doc = code("The summit between Ethiopia and Eritrea reached an agreement on the border.")
    agree = [e for e in doc.events if e.type == "AGREE"]
    assert {e.actor.country for e in agree if e.actor is not None} == {"ETH", "ERI"}


def test_a_thing_coloured_by_a_modifier_is_no_recipient(code: Coder) -> None:
    doc = code("The ministry suspended military aid to Moldova on Monday.")
    halt = next(e for e in doc.events if e.type == "SANCTION")
    assert halt.recipient is not None and halt.recipient.country == "MDA"


def test_withdrawn_monitors_leave_a_place_that_is_the_recipient(code: Coder) -> None:
    doc = code("The bloc withdrew monitors from Chad.")
    withdrawal = next(e for e in doc.events if e.type == "SANCTION")
    assert withdrawal.recipient is not None and withdrawal.recipient.country == "TCD"


def test_the_target_of_requested_sanctions_is_the_recipient(code: Coder) -> None:
    doc = code("The rapporteur called for sanctions against the Ruritanian generals.")
    request = next(e for e in doc.events if e.type == "REQUEST")
    assert request.recipient is not None and "generals" in request.recipient.text


def test_an_envoy_summoned_to_hear_a_complaint_is_its_recipient(code: Coder) -> None:
    doc = code("The ministry summoned the Ruritanian ambassador to complain about the raids.")
    complaint = _event(doc, "ACCUSE")
    assert complaint.recipient is not None and "ambassador" in complaint.recipient.text


def test_a_ceasefire_agreed_for_a_place_targets_it(code: Coder) -> None:
    doc = code("Turkey and Russia announced a ceasefire in Idlib on Thursday.")
    truces = [e for e in doc.events if e.type == "CONCEDE"]  # declared, not yet observed
    assert len(truces) == 2
    assert all(e.recipient is not None and e.recipient.country == "SYR" for e in truces)


def test_where_deployed_or_withdrawn_forces_go_or_leave_is_the_recipient(code: Coder) -> None:
    doc = code("The ministry withdrew a unit of forty peacekeepers from Liberia.")
    withdrawal = _event(doc, "SANCTION")
    assert withdrawal.recipient is not None and withdrawal.recipient.country == "LBR"


def test_a_subject_hung_on_the_auxiliary_is_still_the_actor(code: Coder) -> None:
    doc = code("Norway and Chile however have opposed the resolution on whaling.")
    assert {e.actor.country for e in doc.events if e.actor is not None} == {"NOR", "CHL"}


def test_who_lets_prisoners_go_free_releases_them(code: Coder) -> None:
    doc = code("Ethiopia let free some 74 political prisoners.")
    release = _event(doc, "RETREAT")
    assert release.actor is not None and release.actor.country == "ETH"


def test_a_freed_candidate_is_a_person(code: Coder) -> None:
    doc = code("The government freed a former presidential candidate.")
    release = _event(doc, "RETREAT")
    assert release.recipient is not None and release.recipient.sector == "PTY"


def test_the_target_of_a_lifted_measure_is_the_recipient(code: Coder) -> None:
    doc = code("The council lifted sanctions against Iran.")
    assert _event(doc, "RETREAT").recipient is not None
    assert _event(doc, "RETREAT").recipient.country == "IRN"  # type: ignore[union-attr]
    doc = code("The authorities lifted the curfew in Amman on Sunday.")
    lifted = _event(doc, "CONCEDE")
    assert lifted.recipient is not None and lifted.recipient.country == "JOR"


def test_an_object_pronoun_is_its_antecedent_in_the_sentence(code: Coder) -> None:
    doc = code("The Kenyan president phoned the Ugandan foreign minister and urged him to act.")
    urge = _event(doc, "REQUEST")
    assert urge.recipient is not None
    assert urge.recipient.text == "the Ugandan foreign minister"
    assert urge.recipient.country == "UGA"


def test_an_object_pronoun_is_not_the_subject_of_its_own_clause(code: Coder) -> None:
    doc = code("The Kenyan president met the envoy and thanked him.")
    thank = next(e for e in doc.events if e.trigger == "thanked")
    assert thank.recipient is not None and thank.recipient.text == "the envoy"


def test_a_sum_of_money_is_not_a_recipient(code: Coder) -> None:
    doc = code("The relief agency launched an appeal for USD 4,000,000 to help flood victims.")
    appeal = _event(doc, "REQUEST")
    assert appeal.recipient is not None
    assert appeal.recipient.text == "flood victims"


def test_an_object_the_trigger_requires_is_not_the_recipient(code: Coder) -> None:
    doc = code("Dock workers stopped work on Monday.")
    strike = _event(doc, "PROTEST")
    assert strike.recipient is None


def test_the_of_phrase_of_an_attack_noun_is_its_target(code: Coder) -> None:
    doc = code("The navy intensified its shelling of the harbour town.")
    shelling = _event(doc, "ASSAULT")
    assert shelling.recipient is not None and shelling.recipient.text == "the harbour town"


def test_a_withdrawal_of_troops_does_not_target_the_troops(code: Coder) -> None:
    doc = code("The government announced a withdrawal of Rwandan troops.")
    withdrawal = _event(doc, "RETREAT")
    assert withdrawal.recipient is None or "troops" not in withdrawal.recipient.text


def test_a_possessed_proposal_names_its_owner(code: Coder) -> None:
    doc = code("The senator rejected Ghana's proposal on fishing quotas.")
    reject = _event(doc, "REJECT")
    assert reject.recipient is not None
    assert (reject.recipient.text, reject.recipient.country) == ("Ghana's proposal", "GHA")


def test_whom_the_actor_phoned_to_apologise_is_the_recipient(code: Coder) -> None:
    doc = code("The Chadian president called the Sudanese leader to apologise for the incident.")
    apology = _event(doc, "SUPPORT")
    assert apology.recipient is not None
    assert apology.recipient.text == "the Sudanese leader"


def test_an_actor_extent_takes_a_participle_describing_it(code: Coder) -> None:
    doc = code("Missiles fired by the rebels struck a fuel depot.")
    strike = _event(doc, "ASSAULT")
    assert strike.actor is not None and strike.actor.text == "Missiles fired by the rebels"
    # The participle tells the same attack: one event, not a second on "fired".
    assert [e.trigger for e in doc.events] == ["struck"]


def test_a_main_verb_parsed_as_a_participle_is_not_in_the_extent(code: Coder) -> None:
    doc = code("A parliamentary report called for sanctions against Eritrea over abuses.")
    call = _event(doc, "REQUEST")
    assert call.actor is not None and call.actor.text == "A parliamentary report"


def test_the_weapon_used_is_not_the_recipient(code: Coder) -> None:
    doc = code("The army pounded the rebel hideouts with heavy artillery.")
    attack = _event(doc, "ASSAULT")
    assert attack.recipient is not None and attack.recipient.text == "the rebel hideouts"


def test_resigning_as_a_leader_of_a_state_targets_the_state(code: Coder) -> None:
    doc = code("The general resigned as president of Peru on Sunday.")
    retreat = _event(doc, "RETREAT")
    assert retreat.recipient is not None and retreat.recipient.country == "PER"


def test_whom_aid_is_sent_to_help_is_the_recipient(code: Coder) -> None:
    doc = code("The Danish government is sending aid to help Malawi cope with the floods.")
    aid = _event(doc, "AID")
    assert aid.recipient is not None and aid.recipient.country == "MWI"


def test_the_state_of_a_place_the_event_hits_is_the_recipient(code: Coder) -> None:
    doc = code("Prisoners rioted at a jail in northern Chad on Monday.")
    riot = _event(doc, "PROTEST")
    assert riot.recipient is not None and riot.recipient.country == "TCD"


def test_coordinated_nationalities_are_one_side_each(code: Coder) -> None:
    doc = code("Chilean and Peruvian soldiers attacked the smugglers near the border.")
    sides = {(e.actor.country, e.actor.sector) for e in doc.events if e.actor is not None}
    assert sides == {("CHL", "MIL"), ("PER", "MIL")}


def test_a_coordinated_organisation_keeps_its_own_sector(code: Coder) -> None:
    doc = code("UK and EU negotiators rejected the fishing proposal on Monday.")
    sides = {(e.actor.country, e.actor.sector) for e in doc.events if e.actor is not None}
    assert ("IGO", "IGO") in sides
    assert any(country == "GBR" for country, _ in sides)


def test_coordinated_nationalities_of_a_recipient_split_too(code: Coder) -> None:
    doc = code("Police arrested Kenyan and Ugandan traders at the market.")
    recipients = {e.recipient.country for e in doc.events if e.recipient is not None}
    assert recipients == {"KEN", "UGA"}


def test_an_ethnicity_is_not_split_into_countries(code: Coder) -> None:
    doc = code("Ethnic Albanian and Serb villagers clashed in the valley.")
    assert all(e.actor is None or e.actor.country is None for e in doc.events)


def test_a_nationality_on_an_event_noun_is_its_actor(code: Coder) -> None:
    doc = code("Palestinian riots erupted in the old city on Friday.")
    protest = _event(doc, "PROTEST")
    assert protest.actor is not None
    assert (protest.actor.text, protest.actor.country, protest.actor.sector) == (
        "Palestinian",
        "PSE",
        None,
    )


def test_coordinated_nationalities_on_an_event_noun(code: Coder) -> None:
    doc = code("Kenyan and Ugandan riots erupted after the vote.")
    actors = {e.actor.country for e in doc.events if e.actor is not None}
    assert actors == {"KEN", "UGA"}


def test_a_coded_subject_outranks_the_nationality_of_its_noun(code: Coder) -> None:
    doc = code("China is enforcing all United Nations sanctions on the island.")
    sanction = _event(doc, "SANCTION")
    assert sanction.actor is not None and sanction.actor.country == "CHN"


def test_a_participle_coordinated_past_an_as_clause_keeps_the_first_subject(
    code: Coder,
) -> None:
    doc = code(
        "The gunman fired at the guards, walking around the wounded officer as he lay "
        "on the floor and shooting him again."
    )
    actors = {e.actor.text for e in doc.events if e.type == "ASSAULT" and e.actor is not None}
    assert actors == {"The gunman"}


def test_a_participle_after_a_transitive_as_clause_goes_on_from_it(code: Coder) -> None:
    doc = code("Soldiers stood by as the crowd attacked the shops and looting goods.")
    actors = {e.actor.text for e in doc.events if e.type == "ASSAULT" and e.actor is not None}
    assert actors == {"the crowd"}
