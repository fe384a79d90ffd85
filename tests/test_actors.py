"""Actors: pronouns and reported speech."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from eventwire.model import Document

Coder = Callable[[str], Document]


def test_it_in_reported_speech_is_the_speaker(code: Coder) -> None:
    doc = code("The Ghanaian army said it had retaken the bridge.")
    it = next(a for a in doc.actors if a.text == "it")
    assert (it.country, it.sector) == ("GHA", "MIL")


def test_it_refers_back_to_a_state_or_organisation(code: Coder) -> None:
    doc = code("Chad closed its border on Monday.\nOn Tuesday it recalled its ambassador.")
    recall = next(e for e in doc.events if e.type == "SANCTION")
    assert recall.actor is not None and recall.actor.country == "TCD"


def test_a_relative_pronoun_stands_for_its_noun(code: Coder) -> None:
    doc = code("Villagers fled from the Malian soldiers who attacked the market.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.actor is not None
    assert (attack.actor.country, attack.actor.sector) == ("MLI", "MIL")


def test_an_actor_text_spans_its_place_phrase(code: Coder) -> None:
    doc = code("Students in Kisumu attacked a police post on Monday.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.actor is not None and attack.actor.text == "Students in Kisumu"
    assert attack.recipient is not None and attack.recipient.sector == "COP"


def test_an_actor_extent_stops_at_a_comma(code: Coder) -> None:
    doc = code("Students in Gao, a northern town, attacked a police post.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.actor is not None and attack.actor.text == "Students"


def test_a_hyphenated_modifier_stays_whole(code: Coder) -> None:
    doc = code("Russian-backed separatists attacked a police station in Donetsk.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.actor is not None
    assert (attack.actor.text, attack.actor.country) == ("Russian-backed separatists", "RUS")


def test_the_charge_is_not_part_of_the_accused(code: Coder) -> None:
    doc = code("The Ugandan ombudsman accused the ministry of hiding the report.")
    accuse = next(e for e in doc.events if e.type == "ACCUSE")
    assert accuse.recipient is not None and accuse.recipient.text == "the ministry"


def test_an_adjective_after_the_noun_keeps_its_complement(code: Coder) -> None:
    doc = code("Fighters loyal to the former governor seized the airport.")
    seize = next(e for e in doc.events if e.trigger == "seized")  # territory: an ASSAULT
    assert seize.actor is not None
    assert seize.actor.text == "Fighters loyal to the former governor"


def test_a_demonym_before_a_hyphen_does_not_code_the_phrase(code: Coder) -> None:
    doc = code("Armenians of the Azerbaijani-controlled town marched on Sunday.")
    armenians = next(a for a in doc.actors if a.text.startswith("Armenians"))
    assert armenians.country == "ARM"


def test_a_quantifier_is_not_resolved_as_a_pronoun(code: Coder) -> None:
    doc = code("Chad expelled some of the French diplomats.")
    some = next(a for a in doc.actors if a.text.startswith("some of"))
    assert some.country == "FRA"


def test_an_actor_extent_takes_only_a_named_place(code: Coder) -> None:
    doc = code("The gunmen in reaction attacked a police post.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.actor is not None and attack.actor.text == "The gunmen"


def test_people_in_a_state_take_its_country(code: Coder) -> None:
    doc = code("Rebels in the Ivory Coast blocked the main road on Tuesday.")
    rebels = next(a for a in doc.actors if a.text.startswith("Rebels"))
    assert (rebels.country, rebels.sector) == ("CIV", "REB")


def test_a_thing_in_a_state_does_not_take_its_country(code: Coder) -> None:
    doc = code("The rebels announced a ceasefire in Chad.")
    ceasefire = next(a for a in doc.actors if "ceasefire" in a.text)
    assert ceasefire.country is None


def test_an_ethnic_group_is_not_coded_as_a_state(code: Coder) -> None:
    doc = code("Ethnic Hungarians in Serbia demanded more autonomy.")
    group = next(a for a in doc.actors if a.text.startswith("Ethnic"))
    assert group.country == "SRB"


def test_a_group_for_a_state_is_not_that_state(code: Coder) -> None:
    doc = code("The pro-Russian militia seized the town hall.")
    militia = next(a for a in doc.actors if "militia" in a.text)
    assert militia.country is None


def test_a_territory_name_with_and_is_one_side(nlp: Any) -> None:
    from eventwire.coding.sides import coordinated_countries

    doc = nlp("Turks and Caicos Islands officials met the envoy.")
    officials = next(t for t in doc if t.text == "officials")
    assert coordinated_countries(officials) == []
    doc = nlp("Tongan and Fijian officials met the envoy.")
    officials = next(t for t in doc if t.text == "officials")
    assert [g.country for g in coordinated_countries(officials)] == ["TON", "FJI"]


def test_a_country_name_on_an_event_noun_is_not_its_actor(nlp: Any) -> None:
    from eventwire.coding.sides import nationality_agent

    doc = nlp("The Iran sanctions and the Israeli blockade hurt traders.")
    sanctions = next(t for t in doc if t.text == "sanctions")
    blockade = next(t for t in doc if t.text == "blockade")
    assert nationality_agent(sanctions) is None
    agent = nationality_agent(blockade)
    assert agent is not None and agent.text == "Israeli"


def test_military_aircraft_are_the_military(code: Coder) -> None:
    doc = code("Russian helicopters shelled the village on Sunday.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.actor is not None
    assert (attack.actor.country, attack.actor.sector) == ("RUS", "MIL")


def test_a_people_is_civilians_unless_it_speaks_as_a_state(code: Coder) -> None:
    doc = code("Thousands of Kenyans marched through the capital on Sunday.")
    march = next(e for e in doc.events if e.type == "PROTEST")
    assert march.actor is not None
    assert (march.actor.country, march.actor.sector) == ("KEN", "CVL")


def test_a_dateline_is_not_part_of_the_actor(code: Coder) -> None:
    doc = code("LUSAKA - Thousands of teachers marched through the city on Friday.")
    march = next(e for e in doc.events if e.type == "PROTEST")
    assert march.actor is not None and march.actor.text == "Thousands of teachers"
    assert march.actor.sector != "GOV"  # the capital's name does not make them officials


def test_an_object_pronoun_is_not_the_subject_of_its_own_clause(code: Coder) -> None:
    # "the tribunal charged him": "him" is the one detained, never the tribunal
    doc = code("Ghanaian police detained the driver and the tribunal charged him with fraud.")
    him = next(a for a in doc.actors if a.text == "him")
    assert him.sector != "JUD"


def test_a_pronoun_object_of_a_coordinated_clause_is_not_its_shared_subject(
    code: Coder,
) -> None:
    doc = code("The Ghanaian minister met the Togolese envoy and thanked him.")
    thanks = next(e for e in doc.events if e.type == "SUPPORT")
    assert thanks.recipient is not None and thanks.recipient.country == "TGO"


def test_bodies_and_roles_of_the_sector_lexicon(code: Coder) -> None:
    doc = code(
        "An aide to the Ghanaian president resigned. The Ghanaian transport department "
        "fined a bus manufacturer. A Ghanaian MLA criticised the employers."
    )
    coded = {(a.text, a.sector) for a in doc.actors}
    assert ("An aide", "GOV") in coded
    assert ("The Ghanaian transport department", "GOV") in coded
    assert ("a bus manufacturer", "BUS") in coded
    assert ("A Ghanaian MLA", "LEG") in coded


def test_he_or_she_after_a_speaking_body_is_someone_else(code: Coder) -> None:
    # "police" takes a plural verb: the man they speak of is not the police.
    doc = code("A man was found in a car in Regina on Sunday. Police said he was shot in the leg.")
    shot = next(e for e in doc.events if e.type == "ASSAULT")
    assert shot.recipient is not None and shot.recipient.sector != "COP"
    doc = code("The minister said he would expel the envoy.")
    expel = next(e for e in doc.events if e.trigger == "expel")
    assert expel.actor is not None and expel.actor.sector == "GOV"


def test_a_national_police_force_known_by_its_acronym_is_police(code: Coder) -> None:
    doc = code("RCMP officers arrested two men in Surrey on Friday.")
    arrest = next(e for e in doc.events if e.type == "COERCE")
    assert arrest.actor is not None
    assert (arrest.actor.country, arrest.actor.sector) == ("CAN", "COP")


def test_a_place_of_several_words_is_read_whole(code: Coder) -> None:
    # "South" and "Carolina" alone name places of other countries; "South Carolina" a US state.
    doc = code("South Carolina Governor Mary Olsen criticised the new farm bill.")
    governor = next(a for a in doc.actors if "Governor" in a.text)
    assert governor.country == "USA"


def test_a_one_word_place_in_a_title_still_gives_its_country(code: Coder) -> None:
    doc = code("Quebec Health Minister Paul Tremblay criticised the federal plan.")
    minister = next(a for a in doc.actors if "Minister" in a.text)
    assert minister.country == "CAN"


def test_a_sector_word_beside_a_capital_tells_the_sector(code: Coder) -> None:
    # a capital alone stands for its government; a sector word beside it tells its own
    doc = code("Nairobi police arrested three traders on Friday.")
    arrest = next(e for e in doc.events if e.type == "COERCE")
    assert arrest.actor is not None
    assert (arrest.actor.country, arrest.actor.sector) == ("KEN", "COP")
    assert len([e for e in doc.events if e.type == "COERCE"]) == 1
    alone = code("Nairobi rejected the proposal.")
    reject = next(e for e in alone.events if e.type == "REJECT")
    assert reject.actor is not None and reject.actor.sector == "GOV"


def test_an_office_put_in_the_past_is_an_elite(code: Coder) -> None:
    doc = code(
        "Former Interior Minister Tomas Varga criticized the budget.\n"
        "The ousted president urged his supporters to march."
    )
    former = next(a for a in doc.actors if a.text.startswith("Former"))
    ousted = next(a for a in doc.actors if a.text.startswith("The ousted"))
    assert (former.sector, ousted.sector) == ("ELI", "ELI")


def test_a_past_word_on_another_noun_keeps_the_office(code: Coder) -> None:
    # "former" stands before the office but is said of the colony: a sitting president
    doc = code("The former colony's president criticized the budget.")
    president = next(a for a in doc.actors if "president" in a.text)
    assert president.sector == "GOV"


def test_a_bare_point_of_the_compass_names_no_country(code: Coder) -> None:
    doc = code("The West condemned the bombing on Sunday.")
    actors = [e.actor for e in doc.events if e.actor is not None]
    assert actors and all(a.country != "CMR" for a in actors)


def test_a_compass_word_is_no_toponym(code_whole: Coder) -> None:
    doc = code_whole("lucknow: men attacked a police team on friday. dcp west said two were held.")
    assert all(e.actor is None or e.actor.country in (None, "IND") for e in doc.events)
    assert all(e.recipient is None or e.recipient.country in (None, "IND") for e in doc.events)
