"""Actors named earlier in the article: counted groups, titles, pronouns, and plans that
are no statement of intent (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.model import Document, Event

Coder = Callable[[str], Document]


def _factual(doc: Document, type_: str) -> list[Event]:
    return [e for e in doc.events if e.type == type_ and e.factual]


def _countries(events: list[Event]) -> set[tuple[str | None, str | None]]:
    return {
        (e.actor.country if e.actor else None, e.recipient.country if e.recipient else None)
        for e in events
    }


def test_the_two_leaders_are_the_two_named_before(code: Coder) -> None:
    doc = code(
        "Ghanaian President Kofi Mensah met Togolese Prime Minister Yao Agbeko in Accra"
        " on Monday.\nThe two leaders signed a trade agreement."
    )
    signed = [e for e in doc.events if e.sentence.startswith("The two leaders")]
    assert signed
    assert _countries(signed) == {("GHA", "TGO"), ("TGO", "GHA")}


def test_a_place_where_they_met_is_no_party(code: Coder) -> None:
    doc = code(
        "The Malian foreign minister met his Nigerien counterpart in Dakar on Friday.\n"
        "Both sides agreed to reopen the border."
    )
    agreed = [e for e in _factual(doc, "AGREE") if e.sentence.startswith("Both sides")]
    assert agreed
    assert {e.actor.country for e in agreed if e.actor} == {"MLI", "NER"}  # not Senegal


def test_the_two_countries_split_a_coordinated_nationality(code: Coder) -> None:
    doc = code(
        "Armenian and Azerbaijani troops exchanged fire along the border on Sunday.\n"
        "The two countries accused each other of starting the clash."
    )
    accused = _factual(doc, "ACCUSE")
    assert _countries(accused) == {("ARM", "AZE"), ("AZE", "ARM")}
    assert all(e.actor is not None and e.actor.sector == "GOV" for e in accused)


def test_a_group_needs_as_many_named_parties(code: Coder) -> None:
    doc = code("Chilean police fired tear gas at students.\nThe two sides clashed again later.")
    later = [e for e in doc.events if e.sentence.startswith("The two sides")]
    assert all(e.actor is None or e.actor.country is None for e in later)


def test_they_after_a_group_are_its_parties(code: Coder) -> None:
    doc = code(
        "Ugandan President John Okello met Rwandan President Paul Habimana in Kampala.\n"
        "The two presidents signed a security pact.\n"
        "They also condemned the attacks on refugees."
    )
    condemned = _factual(doc, "ACCUSE")
    assert {e.actor.country for e in condemned if e.actor} == {"UGA", "RWA"}


def test_the_president_is_the_last_named_president(code: Coder) -> None:
    doc = code(
        "French President Jean Moreau arrived in Beirut on Monday.\n"
        "He criticised the Lebanese government.\n"
        "Later the president met the Lebanese army chief."
    )
    met = _factual(doc, "CONSULT")
    assert met and met[0].actor is not None
    assert met[0].actor.country == "FRA"


def test_he_reaches_back_to_a_named_person(code: Coder) -> None:
    doc = code(
        "Kenyan opposition leader Peter Omondi returned to Nairobi on Monday.\n"
        "Thousands of supporters lined the streets.\n"
        "Traffic was blocked for hours.\n"
        "He accused the government of rigging the vote."
    )
    accused = _factual(doc, "ACCUSE")
    assert accused and accused[0].actor is not None
    assert accused[0].actor.country == "KEN"


def test_a_narrated_future_is_no_factual_event(code: Coder) -> None:
    doc = code("The two delegations will meet again in Geneva next month.")
    assert not [e for e in doc.events if e.factual]


def test_a_forecast_is_no_threat(code: Coder) -> None:
    doc = code("Turkey is expected to strike Kurdish positions in northern Syria.")
    assert not [e for e in doc.events if e.factual]


def test_a_reported_intention_is_still_a_statement(code: Coder) -> None:
    doc = code("Iran said it will release the detained sailors.")
    assert _factual(doc, "AGREE")


def test_a_vow_is_still_a_threat(code: Coder) -> None:
    doc = code("The rebels vowed to attack the capital.")
    assert _factual(doc, "THREATEN")


def test_the_agent_of_a_passive_hung_on_its_infinitive(code: Coder) -> None:
    doc = code("The villagers were ordered to leave by Ugandan soldiers.")
    ordered = _factual(doc, "REQUEST")
    assert ordered and ordered[0].actor is not None
    assert (ordered[0].actor.country, ordered[0].actor.sector) == ("UGA", "MIL")


def test_a_name_after_a_title_phrase_takes_its_country(code: Coder) -> None:
    doc = code(
        "Putin said he and Turkish President Recep Tayyip Erdogan agreed to a joint probe.\n"
        "Putin and Erdogan have held several meetings since then."
    )
    erdogan = [a for a in doc.actors if a.text == "Erdogan"]
    assert erdogan and erdogan[0].country == "TUR"


def test_the_ambassador_is_the_ambassador_named_before(code: Coder) -> None:
    doc = code(
        "A gunman shot Russia's ambassador to Turkey in Ankara on Monday.\n"
        "Turkish security officials sealed off the gallery.\n"
        "The gunman had shouted at the ambassador before the shooting."
    )
    ambassador = [a for a in doc.actors if a.text == "the ambassador"]
    assert ambassador and ambassador[0].country == "RUS"


def test_a_person_named_before_their_title_takes_its_country(code: Coder) -> None:
    doc = code(
        "Jacob Zuma condemned the attack on the convoy.\n"
        "South African President Jacob Zuma also called for calm."
    )
    condemned = _factual(doc, "ACCUSE")
    assert condemned and condemned[0].actor is not None
    assert condemned[0].actor.country == "ZAF"


def test_a_named_group_is_not_the_last_group_of_its_kind(code: Coder) -> None:
    doc = code(
        "The UN condemned an attack by Houthi rebels on a Saudi oil facility.\n"
        "The Islamic State group threatened Baghdad on Monday."
    )
    threat = _factual(doc, "THREATEN")
    assert threat and threat[0].actor is not None
    assert threat[0].actor.country != "YEM"


def test_two_named_bodies_agreeing_are_two_sides(code: Coder) -> None:
    doc = code("Toyota and Volkswagen agreed on Monday to share battery research.")
    agreed = _factual(doc, "AGREE")
    assert {e.actor.text for e in agreed if e.actor} == {"Toyota", "Volkswagen"}


def test_a_named_body_keeps_the_country_of_its_fuller_name(code: Coder) -> None:
    doc = code(
        "Officials at the Kenyan Revenue Authority said the rules had changed.\n"
        "The union demanded answers from the Revenue Authority."
    )
    named = [a for a in doc.actors if a.text == "the Revenue Authority"]
    assert named and named[0].country == "KEN"


def test_a_home_town_later_gives_no_country(code: Coder) -> None:
    doc = code(
        "Tom Carter was arrested on Friday night.\n"
        "His brother, Sam Carter, 31, of Paris, was also injured."
    )
    carter = [a for a in doc.actors if a.text == "Tom Carter"]
    assert carter and carter[0].country is None


def test_he_is_no_body_named_before(code: Coder) -> None:
    # "he" stands for a person, never for "police" or "a law firm" before it.
    doc = code(
        "A 30-year-old man is in jail after Ghanaian police said he threatened a trader.\n"
        "A Kenyan law firm said he was wrongly charged."
    )
    pronouns = [a for a in doc.actors if a.text == "he"]
    assert pronouns
    assert all(a.sector not in ("COP", "BUS") for a in pronouns)


def test_the_gunman_is_who_shot_before(code: Coder) -> None:
    doc = code(
        "A Malian soldier shot a trader at the market in Bamako on Monday.\n"
        "Witnesses said the gunman then shot two customers."
    )
    gunman = next(a for a in doc.actors if a.text == "the gunman")
    assert (gunman.country, gunman.sector) == ("MLI", "MIL")


def test_the_gunman_is_no_earlier_victim(code: Coder) -> None:
    doc = code(
        "A Malian trader was shot at the market in Bamako on Monday.\n"
        "Witnesses said the gunman fled on a motorbike."
    )
    gunman = next(a for a in doc.actors if a.text == "the gunman")
    assert gunman.country is None
